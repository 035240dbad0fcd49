"""Retiring and finding field records (new and changed records are written by the forms:
:func:`app.services.field.forms.save_form`, the one write path).

Each write is one transaction; the session stamps and audits it (app/storage/session.py).
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import text

from app.storage.models import (
    Interview,
    OpinionEntry,
    Problem,
    Synced,
    Visit,
    utcnow,
)
from app.storage.workspace import Workspace


@dataclass(frozen=True)
class Changed:
    """What a write changed: the kind of record and its id (views decide whether to refresh)."""

    kind: str
    record_id: str
    version: int


def _changed(obj: Synced) -> Changed:
    return Changed(kind=str(type(obj).__tablename__), record_id=obj.id, version=obj.version)


_EDITABLE_TEXT: dict[str, tuple[type[Synced], str]] = {
    "visit": (Visit, "notes"),
    "opinion_entry": (OpinionEntry, "content"),
    "interview": (Interview, "record"),
    "problem": (Problem, "description"),
}


def retire(ws: Workspace, kind: str, record_id: str) -> Changed:
    """Retire a record: it stays (synced rows are never deleted) but is no longer shown or found."""
    model, _ = _EDITABLE_TEXT[kind]
    with ws.session() as s:
        obj = s.get_one(model, record_id)
        obj.retired_at = utcnow()
        s.add(obj)
        s.commit()
        return _changed(obj)


@dataclass(frozen=True)
class SearchHit:
    kind: str
    record_id: str
    village_id: str | None
    snippet: str


HIGHLIGHT_OPEN = "\x02"
HIGHLIGHT_CLOSE = "\x03"


def search(ws: Workspace, query: str, *, limit: int = 200) -> list[SearchHit]:
    """Find records whose text contains ``query`` (any substring; Chinese works).

    Three characters or more use the trigram index (MATCH on a quoted phrase); shorter queries
    scan the index's text with LIKE (no trigram to look up). Matches in the snippet are marked
    with :data:`HIGHLIGHT_OPEN` / :data:`HIGHLIGHT_CLOSE`.
    """
    q = " ".join(query.split())
    if not q:
        return []
    if ws.on_server:  # the server's own index (app/storage/pg/search.py)
        from app.storage.pg.search import search_documents

        with ws.engine.connect() as conn:
            found = search_documents(conn, q, limit)
        return [SearchHit(str(r[0]), str(r[1]), r[2], _snippet_around(str(r[3]), q)) for r in found]
    if len(q) >= 3:
        param = '"' + q.replace('"', '""') + '"'
        sql = text(
            "SELECT d.kind, d.record_id, d.village_id, "
            f"snippet(search_fts, 0, '{HIGHLIGHT_OPEN}', '{HIGHLIGHT_CLOSE}', '…', 24) "
            "FROM search_fts JOIN search_doc d ON d.doc_id = search_fts.rowid "
            "WHERE search_fts MATCH :q ORDER BY search_fts.rowid DESC LIMIT :limit"
        )
    else:
        # Fewer than three characters: no trigram to look up, so scan the index's own content
        # table (FTS5's documented shadow table: a plain scan, quicker than LIKE through the
        # virtual table) and cut the snippet around the match ourselves.
        param = "%" + q.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
        sql = text(
            "SELECT d.kind, d.record_id, d.village_id, c.c0 "
            "FROM search_fts_content c JOIN search_doc d ON d.doc_id = c.id "
            "WHERE c.c0 LIKE :q ESCAPE '\\' ORDER BY c.id DESC LIMIT :limit"
        )
    with ws.engine.connect() as conn:
        rows = conn.execute(sql, {"q": param, "limit": limit}).all()
    if len(q) >= 3:
        return [SearchHit(str(r[0]), str(r[1]), r[2], str(r[3])) for r in rows]
    return [SearchHit(str(r[0]), str(r[1]), r[2], _snippet_around(str(r[3]), q)) for r in rows]


SNIPPET_CHARS = 24


def _snippet_around(body: str, q: str) -> str:
    """About :data:`SNIPPET_CHARS` characters of ``body`` around the first ``q``, matches marked."""
    at = body.lower().find(q.lower())
    start = max(0, at - SNIPPET_CHARS // 2) if at >= 0 else 0
    end = min(len(body), start + SNIPPET_CHARS + len(q))
    part = body[start:end]
    marked = _mark(part, body[at : at + len(q)] if at >= 0 else q)
    return ("…" if start > 0 else "") + marked + ("…" if end < len(body) else "")


def _mark(snippet: str, q: str) -> str:
    return snippet.replace(q, f"{HIGHLIGHT_OPEN}{q}{HIGHLIGHT_CLOSE}")
