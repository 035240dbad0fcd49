"""What the session hook writes for each synced row, in bulk: audit events and change-log entries.

``WorkspaceSession`` writes these one object at a time; imports of thousands of rows (channel lists,
triage, sync merges) write many rows with executemany statements and must leave exactly the same
trail. Both paths go through these two functions.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime

import sqlalchemy as sa

from app.storage.models import AuditEvent, SyncChange, new_id
from app.storage.session import Actor

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
        conn.execute(_AUDIT.insert(), rows)


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
        conn.execute(_CHANGE.insert(), rows)
