"""Chinese substring search on PostgreSQL: a GIN index over each text's pairs of characters.

Why pairs (bigrams) and not pg_trgm: a trigram index cannot answer a two-character query (the
commonest Chinese query, 低保, 修路) — it has no trigram to look up and scans everything — and
pg_trgm only sees CJK characters as word characters under a UTF-8 ``LC_CTYPE``. Every substring of
two characters or more contains its own pairs, so ``xd_bigrams(body) @> xd_bigrams(query)`` finds
every candidate from the index, in any locale; ``strpos`` then keeps the true matches (a text can
hold all the pairs without the whole query). A single character is looked up by a scan of the
newest texts first, stopping at ``limit``.
"""

from __future__ import annotations

from typing import Any

import sqlalchemy as sa

_BY_PAIRS = sa.text(
    "SELECT kind, record_id, village_id, body FROM search_doc "
    "WHERE xd_bigrams(body) @> xd_bigrams(:q) AND strpos(lower(body), lower(:q)) > 0 "
    "ORDER BY doc_id DESC LIMIT :limit"
)
_BY_SCAN = sa.text(
    "SELECT kind, record_id, village_id, body FROM search_doc "
    "WHERE strpos(lower(body), lower(:q)) > 0 ORDER BY doc_id DESC LIMIT :limit"
)


def search_documents(conn: sa.Connection, query: str, limit: int) -> list[Any]:
    """(kind, record id, village id, text) of the newest texts that contain ``query``."""
    stmt = _BY_PAIRS if len(query) >= 2 else _BY_SCAN
    return list(conn.execute(stmt, {"q": query, "limit": limit}).all())
