"""Derived database objects: the full-text search index and the guard triggers.

They are not schema that migrations own but state derived from it, like an index: triggers keep the
FTS5 table in step with every write of a visit, opinion-box entry, interview or problem, and guards
refuse updates and deletes of audit events and deletes of synced rows. Their definitions are hashed;
when the program's definitions differ from those in a workspace (or a migration dropped a trigger
while rebuilding a table), :func:`ensure_derived` re-creates them and rebuilds the index.

The index has two tables, created by a migration:
- ``search_doc(doc_id INTEGER PRIMARY KEY, kind, record_id UNIQUE, village_id)`` maps each record
  to a stable integer (a table's own rowid may change on VACUUM or a rebuild);
- ``search_fts`` (FTS5, trigram tokenizer: any substring of three or more characters, which suits
  Chinese) holds the text, with ``rowid = doc_id``.
Retired records keep their row with an empty text, so they are never found.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from typing import Any

from app.domain.vocabulary import SourceKind

DERIVED_VERSION_KEY = "derived_version"


@dataclass(frozen=True)
class SearchSource:
    """A table whose text is searchable. ``body`` is an SQL expression over alias ``{r}``."""

    table: str
    kind: str
    body: str

    def body_for(self, alias: str) -> str:
        return self.body.format(r=alias)

    def live_body_for(self, alias: str) -> str:
        """The indexed text: the body while the row is live, '' once retired."""
        return f"CASE WHEN {alias}.retired_at IS NULL THEN {self.body_for(alias)} ELSE '' END"


SEARCH_SOURCES: tuple[SearchSource, ...] = (
    SearchSource("visit", SourceKind.VISIT.value, "{r}.place || char(10) || {r}.notes"),
    SearchSource(
        "opinion_entry", SourceKind.ENTRY.value, "{r}.box_label || char(10) || {r}.content"
    ),
    SearchSource("interview", SourceKind.INTERVIEW.value, "{r}.place || char(10) || {r}.record"),
    SearchSource(
        "problem",
        "problem",
        "{r}.description || char(10) || {r}.responsible_unit || char(10) || {r}.requirement",
    ),
)
"""What is searchable. Protected names are never indexed: a search must not find an informant."""

APPEND_ONLY_TABLES: tuple[str, ...] = ("audit_event",)


def _doc_id(alias: str) -> str:
    return f"(SELECT doc_id FROM search_doc WHERE record_id = {alias}.id)"


def _search_triggers(src: SearchSource) -> dict[str, str]:
    t = src.table
    return {
        f"fts_{t}_ai": (
            f"CREATE TRIGGER fts_{t}_ai AFTER INSERT ON {t} BEGIN "
            f"INSERT INTO search_doc(kind, record_id, village_id) "
            f"VALUES ('{src.kind}', NEW.id, NEW.village_id); "
            f"INSERT INTO search_fts(rowid, body) "
            f"VALUES ({_doc_id('NEW')}, {src.live_body_for('NEW')}); "
            f"END"
        ),
        f"fts_{t}_au": (
            f"CREATE TRIGGER fts_{t}_au AFTER UPDATE ON {t} BEGIN "
            f"UPDATE search_doc SET village_id = NEW.village_id WHERE record_id = NEW.id; "
            f"UPDATE search_fts SET body = {src.live_body_for('NEW')} "
            f"WHERE rowid = {_doc_id('NEW')}; "
            f"END"
        ),
        f"fts_{t}_ad": (
            f"CREATE TRIGGER fts_{t}_ad AFTER DELETE ON {t} BEGIN "
            f"DELETE FROM search_fts WHERE rowid = {_doc_id('OLD')}; "
            f"DELETE FROM search_doc WHERE record_id = OLD.id; "
            f"END"
        ),
    }


def _guard_triggers(synced_tables: tuple[str, ...]) -> dict[str, str]:
    out: dict[str, str] = {}
    for t in APPEND_ONLY_TABLES:
        out[f"guard_{t}_no_update"] = (
            f"CREATE TRIGGER guard_{t}_no_update BEFORE UPDATE ON {t} BEGIN "
            f"SELECT RAISE(ABORT, '{t} is append-only'); END"
        )
        out[f"guard_{t}_no_delete"] = (
            f"CREATE TRIGGER guard_{t}_no_delete BEFORE DELETE ON {t} BEGIN "
            f"SELECT RAISE(ABORT, '{t} is append-only'); END"
        )
    for t in synced_tables:
        out[f"guard_{t}_no_delete"] = (
            f"CREATE TRIGGER guard_{t}_no_delete BEFORE DELETE ON {t} BEGIN "
            f"SELECT RAISE(ABORT, 'rows of {t} are retired, never deleted'); END"
        )
    return out


def trigger_definitions(synced_tables: tuple[str, ...]) -> dict[str, str]:
    """Every derived trigger by name."""
    defs: dict[str, str] = {}
    for src in SEARCH_SOURCES:
        defs.update(_search_triggers(src))
    defs.update(_guard_triggers(synced_tables))
    return defs


def definitions_hash(defs: dict[str, str]) -> str:
    text = "\n".join(f"{name}\t{sql}" for name, sql in sorted(defs.items()))
    return hashlib.sha256(text.encode()).hexdigest()


def _scalar(cur: Any, sql: str, params: tuple[Any, ...] = ()) -> Any:
    row = cur.execute(sql, params).fetchone()
    return None if row is None else row[0]


def installed_triggers(cur: Any) -> set[str]:
    rows = cur.execute(
        "SELECT name FROM sqlite_schema WHERE type = 'trigger' "
        "AND (name LIKE 'fts\\_%' ESCAPE '\\' OR name LIKE 'guard\\_%' ESCAPE '\\')"
    ).fetchall()
    return {r[0] for r in rows}


def rebuild_search(cur: Any) -> None:
    """Re-fill the search index from the source tables (inside the caller's transaction)."""
    cur.execute("DELETE FROM search_fts")
    cur.execute("DELETE FROM search_doc")
    for src in SEARCH_SOURCES:
        cur.execute(
            f"INSERT INTO search_doc(kind, record_id, village_id) "
            f"SELECT '{src.kind}', r.id, r.village_id FROM {src.table} r"
        )
        cur.execute(
            f"INSERT INTO search_fts(rowid, body) "
            f"SELECT d.doc_id, {src.live_body_for('r')} FROM {src.table} r "
            f"JOIN search_doc d ON d.record_id = r.id"
        )


def derived_current(cur: Any, synced_tables: tuple[str, ...]) -> bool:
    """Whether triggers and index are those of this program (a read: no lock needed)."""
    defs = trigger_definitions(synced_tables)
    stored = _scalar(cur, "SELECT value FROM workspace_meta WHERE key = ?", (DERIVED_VERSION_KEY,))
    return bool(stored == definitions_hash(defs) and installed_triggers(cur) == set(defs))


def ensure_derived(cur: Any, synced_tables: tuple[str, ...]) -> bool:
    """Make triggers and index current; return whether anything had to be rebuilt.

    ``cur`` is a DB-API cursor inside a write transaction.
    """
    if derived_current(cur, synced_tables):
        return False
    defs = trigger_definitions(synced_tables)
    wanted = definitions_hash(defs)
    for name in installed_triggers(cur):
        cur.execute(f"DROP TRIGGER {name}")
    for sql in defs.values():
        cur.execute(sql)
    rebuild_search(cur)
    cur.execute(
        "INSERT INTO workspace_meta(key, value) VALUES (?, ?) "
        "ON CONFLICT(key) DO UPDATE SET value = excluded.value",
        (DERIVED_VERSION_KEY, wanted),
    )
    return True


def search_findings(cur: Any, synced_tables: tuple[str, ...]) -> list[str]:
    """What is out of step in the derived objects, in Chinese; empty when all is well."""
    findings: list[str] = []
    defs = trigger_definitions(synced_tables)
    missing = set(defs) - installed_triggers(cur)
    if missing:
        findings.append(f"缺少 {len(missing)} 个触发器：{', '.join(sorted(missing)[:5])}")
    for src in SEARCH_SOURCES:
        stale = _scalar(
            cur,
            f"SELECT count(*) FROM {src.table} r "
            f"LEFT JOIN search_doc d ON d.record_id = r.id "
            f"LEFT JOIN search_fts f ON f.rowid = d.doc_id "
            f"WHERE f.rowid IS NULL OR f.body IS NOT {src.live_body_for('r')}",
        )
        if stale:
            findings.append(f"全文索引与 {src.table} 表不一致：{stale} 条")
    orphans = _scalar(
        cur,
        "SELECT count(*) FROM search_doc d WHERE NOT EXISTS "
        "(SELECT 1 FROM search_fts f WHERE f.rowid = d.doc_id)"
        + "".join(
            f" OR (d.kind = '{s.kind}' AND NOT EXISTS "
            f"(SELECT 1 FROM {s.table} r WHERE r.id = d.record_id))"
            for s in SEARCH_SOURCES
        ),
    )
    if orphans:
        findings.append(f"全文索引有 {orphans} 条孤立条目")
    extra = _scalar(cur, "SELECT count(*) FROM search_fts") - _scalar(
        cur, "SELECT count(*) FROM search_doc"
    )
    if extra:
        findings.append(f"全文索引行数与目录不符（相差 {extra}）")
    # FTS5's own check through the pragma (SQLite 3.44+), a read: 'integrity-check' written as
    # an INSERT would need the write lock and fail while another program writes
    try:
        result = [str(r[0]) for r in cur.execute("PRAGMA integrity_check(search_fts)")]
    except Exception as exc:  # the driver's DatabaseError; FTS5 reports corruption this way
        result = [str(exc)]
    if result != ["ok"]:
        findings.append(f"全文索引内部校验失败：{result[0]}")
    return findings
