"""Bulk writes of synced rows, and what the session hook writes for each: audit events and
change-log entries.

``WorkspaceSession`` writes these one object at a time; imports of thousands of rows (channel lists,
triage, sync merges) write many rows with executemany statements and must leave exactly the same
trail. Both paths go through these two functions.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime
from typing import Any

import sqlalchemy as sa

from app.storage.changes import note_change
from app.storage.dialect import insert_rows
from app.storage.errors import RecordError
from app.storage.models import AuditEvent, SyncChange, Synced, new_id, utcnow
from app.storage.ownership import local_refusal
from app.storage.session import Actor, WorkspaceSession

_AUDIT: sa.Table = AuditEvent.__table__  # type: ignore[attr-defined]
_CHANGE: sa.Table = SyncChange.__table__  # type: ignore[attr-defined]


def write_audit_events(
    conn: sa.Connection,
    actor: Actor,
    at: datetime,
    action: str,
    table: str,
    items: Iterable[tuple[str, int, str]],
) -> None:
    """One audit event per ``(record id, record version, changed column names)``."""
    rows = [
        {
            "id": new_id(),
            "at": at,
            "actor": actor.username,
            "device": actor.device,
            "action": action,
            "table_name": table,
            "record_id": rid,
            "record_version": version,
            "fields": fields,
            "note": "",
        }
        for rid, version, fields in items
    ]
    if rows:
        insert_rows(conn, _AUDIT, rows)


def write_change_log(
    conn: sa.Connection, table: str, items: Iterable[tuple[str, str, int]], *, merged: bool
) -> None:
    """One sync change-log entry per ``(record id, base origin, base version)``."""
    rows = [
        {
            "table_name": table,
            "record_id": rid,
            "base_origin": origin,
            "base_version": version,
            "merged": merged,
        }
        for rid, origin, version in items
    ]
    if rows:
        insert_rows(conn, _CHANGE, rows)
        note_change(table, (str(r["record_id"]) for r in rows))


def bulk_insert(s: WorkspaceSession, model: type[Synced], rows: list[dict[str, Any]]) -> list[str]:
    """Insert many synced rows at once, stamped and audited as the session would do one by one.

    The ORM's per-object flush costs too much for thousands of rows; this writes the same
    columns (origin = this device, version 1, created/updated now) and one ``create`` audit event
    per row, with two executemany statements. Returns the new ids.
    """
    if not rows:
        return []
    actor, now = s.actor, utcnow()
    for row in rows:
        row.setdefault("id", new_id())
        row.update(origin=actor.device, version=1, created_at=now, updated_at=now)
        row.setdefault("retired_at", None)
    table = str(model.__tablename__)
    conn = s.connection()
    conn.execute(sa.insert(model.__table__), rows)  # type: ignore[attr-defined]
    write_audit_events(conn, actor, now, "create", table, [(r["id"], 1, "") for r in rows])
    write_change_log(conn, table, [(str(r["id"]), "", 0) for r in rows], merged=False)
    return [str(row["id"]) for row in rows]


def bulk_update(
    s: WorkspaceSession,
    model: type[Synced],
    changes: list[tuple[str, int, dict[str, Any]]],
) -> int:
    """Update many synced rows: ``(id, current version, {column: value})``, all with the same
    columns. Each row gets version + 1, this device as origin, a new ``updated_at`` and an
    ``update`` audit event naming the columns (never the values)."""
    if not changes:
        return 0
    actor, now = s.actor, utcnow()
    columns = sorted(changes[0][2])
    tbl = model.__table__  # type: ignore[attr-defined]
    stmt = (
        sa.update(tbl)
        .where(tbl.c.id == sa.bindparam("_id"))
        .values(
            {c: sa.bindparam(f"_{c}") for c in columns}
            | {
                "version": sa.bindparam("_version"),
                "origin": sa.bindparam("_origin"),
                "updated_at": sa.bindparam("_updated_at"),
            }
        )
    )
    params = [
        {f"_{c}": values[c] for c in columns}
        | {"_id": rid, "_version": version + 1, "_origin": actor.device, "_updated_at": now}
        for rid, version, values in changes
    ]
    conn = s.connection()
    why = local_refusal(conn, [(str(model.__tablename__), rid) for rid, _, _ in changes])
    if why is not None:
        raise RecordError(why)
    origins = _origins(s, model, [rid for rid, _, _ in changes])
    conn.execute(stmt, params)
    names = ",".join([*columns, "version", "origin", "updated_at"])
    table = str(model.__tablename__)
    write_audit_events(
        conn, actor, now, "update", table, [(r, v + 1, names) for r, v, _ in changes]
    )
    write_change_log(conn, table, [(r, origins[r], v) for r, v, _ in changes], merged=False)
    return len(changes)


def _origins(s: WorkspaceSession, model: type[Synced], ids: list[str]) -> dict[str, str]:
    """The origin each row has before the update (the base of its sync change)."""
    tbl = model.__table__  # type: ignore[attr-defined]
    out: dict[str, str] = {}
    for i in range(0, len(ids), 500):
        chunk = ids[i : i + 500]
        rows = s.connection().execute(sa.select(tbl.c.id, tbl.c.origin).where(tbl.c.id.in_(chunk)))
        out.update({str(rid): str(origin) for rid, origin in rows})
    return out
