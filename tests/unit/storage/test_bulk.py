"""Bulk writes are stamped, audited and logged for sync exactly as the session hook does it."""

from __future__ import annotations

from sqlmodel import col, select

from app.storage.bulk import bulk_insert, bulk_update
from app.storage.models import AuditEvent, SyncChange, Township
from app.storage.workspace import Workspace


def _changes(ws: Workspace, rid: str) -> list[tuple[str, int]]:
    with ws.session() as s:
        rows = s.exec(
            select(SyncChange).where(SyncChange.record_id == rid).order_by(col(SyncChange.seq))
        ).all()
        return [(c.base_origin, c.base_version) for c in rows]


def test_bulk_rows_are_in_the_sync_change_log_like_orm_rows(ws: Workspace) -> None:
    with ws.session() as s:
        (rid,) = bulk_insert(s, Township, [{"name": "城关镇", "code": "01"}])
        s.commit()
    with ws.session() as s:
        orm = Township(name="王店乡")
        s.add(orm)
        s.commit()
    assert _changes(ws, rid) == _changes(ws, orm.id) == [("", 0)]

    with ws.session() as s:
        assert bulk_update(s, Township, [(rid, 1, {"name": "城关镇（新）"})]) == 1
        s.commit()
    with ws.session() as s:
        orm.name = "王店乡（新）"
        s.add(orm)
        s.commit()
    assert _changes(ws, rid)[-1] == (ws.device_id, 1)
    assert _changes(ws, orm.id)[-1] == (ws.device_id, 1)
    with ws.session() as s:
        row = s.get_one(Township, rid)
        assert (row.version, row.origin) == (2, ws.device_id)
        actions = s.exec(select(AuditEvent.action).where(AuditEvent.record_id == rid)).all()
    assert sorted(actions) == ["create", "update"]
