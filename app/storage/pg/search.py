"""Chinese substring search on PostgreSQL: pg_trgm over each text's pairs of characters.

Why not pg_trgm on the text itself: a trigram index cannot answer a two-character query (the
commonest Chinese query: 低保, 修路) — there is no trigram to look up, so it reads every row. So
the index is over ``xd_pairs(body)``: every pair of neighbouring characters written as a word of
its own (``' 低保 评定  保评 定 '``), which pg_trgm indexes in C at the speed of its own trigrams.
A query of two or more characters asks for each of its pairs as a word (``LIKE '% 低保 %'``, up to
:data:`MAX_PAIRS` of them spread over the query), the index answers, and ``strpos`` keeps the true
matches (a text may hold every pair without the whole query). A single character is looked up by a
scan of the newest texts first that stops at ``limit``.

pg_trgm counts CJK characters as word characters when the database's ``LC_CTYPE`` is a UTF-8
locale (``C.UTF-8``, ``zh_CN.UTF-8`` …); the pairs are single words either way.
"""

from __future__ import annotations

from typing import Any

import sqlalchemy as sa

MAX_PAIRS = 4

_SCAN = sa.text(
    "SELECT kind, record_id, village_id, body FROM search_doc "
    "WHERE strpos(lower(body), lower(:q)) > 0 ORDER BY doc_id DESC LIMIT :limit"
)


def _like(pair: str) -> str:
    escaped = pair.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"% {escaped} %"


def query_pairs(query: str) -> list[str]:
    """The pairs of ``query`` the index is asked for: the first, the last, some between."""
    q = query.lower()
    pairs = [
        p
        for p in dict.fromkeys(q[i : i + 2] for i in range(len(q) - 1))
        if not any(ch.isspace() for ch in p)  # the words of xd_pairs never hold white space
    ]
    if len(pairs) <= MAX_PAIRS:
        return pairs
    step = (len(pairs) - 1) / (MAX_PAIRS - 1)
    return [pairs[round(k * step)] for k in range(MAX_PAIRS)]


def search_documents(conn: sa.Connection, query: str, limit: int) -> list[Any]:
    """(kind, record id, village id, text) of the newest texts that contain ``query``."""
    pairs = query_pairs(query)
    if not pairs:
        return list(conn.execute(_SCAN, {"q": query, "limit": limit}).all())
    conds = " AND ".join(f"xd_pairs(body) LIKE :p{i}" for i in range(len(pairs)))
    stmt = sa.text(
        f"SELECT kind, record_id, village_id, body FROM search_doc WHERE {conds} "
        "AND strpos(lower(body), lower(:q)) > 0 ORDER BY doc_id DESC LIMIT :limit"
    )
    params: dict[str, Any] = {f"p{i}": _like(p) for i, p in enumerate(pairs)}
    params.update(q=query, limit=limit)
    return list(conn.execute(stmt, params).all())
