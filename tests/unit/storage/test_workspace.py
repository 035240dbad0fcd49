from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import sqlalchemy as sa
from sqlmodel import col, select

from app.domain.vocabulary import Role, VisitMethod
from app.services.field import records
from app.storage.check import check_workspace
from app.storage.errors import (
    DatabaseDamaged,
    ForeignWorkspace,
    KeyFileDamaged,
    RecordError,
    WorkspaceExists,
    WorkspaceMissing,
    WrongPassword,
)
from app.storage.models import AuditEvent, Township, Village, Visit
from app.storage.workspace import Workspace
from tests.conftest import LEADER, PASSWORD, snapshot
from tests.records import save_visit


def _village(ws: Workspace) -> str:
    with ws.session() as s:
        town = Township(name="城关镇")
        s.add(town)
        s.flush()
        village = Village(township_id=town.id, name="王庄村")
        s.add(village)
        s.commit()
        return village.id


def test_layout_and_connection_pragmas(ws: Workspace) -> None:
    root = ws.paths.root
    assert {p.name for p in root.iterdir()} >= {"workspace.db", "workspace.key", "media", "backups"}
    with ws.engine.connect() as conn:
        pragma = lambda name: conn.exec_driver_sql(f"PRAGMA {name}").scalar()  # noqa: E731
        assert pragma("foreign_keys") == 1
        assert pragma("journal_mode") == "wal"
        assert pragma("synchronous") == 2  # FULL
        busy_timeout = pragma("busy_timeout")
        assert busy_timeout is not None and busy_timeout >= 5000
        assert conn.exec_driver_sql("PRAGMA cipher_version").scalar()
    assert ws.role is Role.LEADER and ws.username == LEADER


def test_refuses_to_create_over_an_existing_workspace(ws: Workspace) -> None:
    before = snapshot(ws.paths.root)
    with pytest.raises(WorkspaceExists):
        Workspace.create(ws.paths.root, team_name="x", leader="y", password="z")
    assert snapshot(ws.paths.root) == before


def test_missing_workspace_is_refused_and_not_created(tmp_path: Path) -> None:
    with pytest.raises(WorkspaceMissing):
        Workspace.open(tmp_path / "nowhere", PASSWORD)
    assert not (tmp_path / "nowhere").exists()


def _closed_copy(ws: Workspace, tmp_path: Path) -> Path:
    _village(ws)
    ws.close()
    copy = tmp_path / "copy"
    shutil.copytree(ws.paths.root, copy)
    return copy


def test_wrong_password_leaves_files_byte_identical(ws: Workspace, tmp_path: Path) -> None:
    root = _closed_copy(ws, tmp_path)
    before = snapshot(root)
    with pytest.raises(WrongPassword):
        Workspace.open(root, "not the password")
    with pytest.raises(WrongPassword):
        Workspace.open(root, PASSWORD, "someone else")
    assert snapshot(root) == before


@pytest.mark.parametrize("offset", [0, 100, 5000, -100])
def test_damaged_database_refused_and_untouched(ws: Workspace, tmp_path: Path, offset: int) -> None:
    root = _closed_copy(ws, tmp_path)
    db = root / "workspace.db"
    data = bytearray(db.read_bytes())
    data[offset] ^= 0x5A
    db.write_bytes(bytes(data))
    before = snapshot(root)
    with pytest.raises(DatabaseDamaged) as err:
        Workspace.open(root, PASSWORD)
    assert "损坏" in err.value.message
    assert snapshot(root) == before


def test_damaged_key_file_refused_and_untouched(ws: Workspace, tmp_path: Path) -> None:
    root = _closed_copy(ws, tmp_path)
    key = root / "workspace.key"
    key.write_bytes(key.read_bytes().replace(b'"tag": "', b'"tag": "0', 1))
    before = snapshot(root)
    with pytest.raises(KeyFileDamaged):
        Workspace.open(root, PASSWORD)
    assert snapshot(root) == before


def test_key_file_of_another_workspace_is_refused(ws: Workspace, tmp_path: Path) -> None:
    root = _closed_copy(ws, tmp_path)
    other = Workspace.create(tmp_path / "other", team_name="二组", leader=LEADER, password=PASSWORD)
    other.close()
    shutil.copy(other.paths.key, root / "workspace.key")
    before = snapshot(root)
    with pytest.raises((DatabaseDamaged, ForeignWorkspace)):
        Workspace.open(root, PASSWORD)
    assert snapshot(root) == before


def test_password_change_rewraps_without_touching_the_database(ws: Workspace) -> None:
    _village(ws)
    ws.close()
    db_before = ws.paths.db.read_bytes()
    with Workspace.open(ws.paths.root, PASSWORD) as opened:
        opened.change_password(LEADER, PASSWORD, "新的密码")
        key = opened.db_key
    with Workspace.open(ws.paths.root, "新的密码") as again:
        assert again.db_key == key
        with again.session() as s:
            assert s.exec(select(AuditEvent).where(AuditEvent.action == "change_password")).one()
    with pytest.raises(WrongPassword):
        Workspace.open(ws.paths.root, PASSWORD)
    # the page holding the audit row changed, but the database key did not: an old copy opens
    assert db_before[:16] == ws.paths.db.read_bytes()[:16]


def test_member_has_own_password_and_role(ws: Workspace) -> None:
    ws.add_user("成员甲", "成员甲", Role.MEMBER, "member-pw")
    ws.close()
    with Workspace.open(ws.paths.root, "member-pw") as member:
        assert member.username == "成员甲" and member.role is Role.MEMBER


def test_every_write_is_audited_with_columns_not_values(ws: Workspace) -> None:
    vid = _village(ws)
    made = save_visit(ws, vid, "张秀英反映饮水困难")
    save_visit(ws, vid, "改写后的记录", record_id=made.record_id)
    records.retire(ws, "visit", made.record_id)
    with ws.session() as s:
        events = s.exec(
            select(AuditEvent)
            .where(AuditEvent.record_id == made.record_id)
            .order_by(col(AuditEvent.at))
        ).all()
        visit = s.get_one(Visit, made.record_id)
    assert [(e.action, e.fields, e.record_version) for e in events] == [
        ("create", "", 1),
        ("update", "notes", 2),
        ("retire", "retired_at", 3),
    ]
    assert all(e.actor == LEADER and e.device == ws.device_id for e in events)
    assert all("张秀英" not in (e.fields + e.note) for e in events)
    assert visit.version == 3 and visit.origin == ws.device_id


def test_audit_log_is_append_only_and_rows_are_never_deleted(ws: Workspace) -> None:
    vid = _village(ws)
    with ws.session() as s:
        event = s.exec(select(AuditEvent)).first()
        assert event is not None
        event.note = "tampered"
        s.add(event)
        with pytest.raises(RecordError):
            s.commit()
    with ws.session() as s:
        s.delete(s.get_one(Village, vid))
        with pytest.raises(RecordError):
            s.commit()
    # and in SQL, below the ORM
    with ws.engine.connect() as conn:
        for sql in (
            "UPDATE audit_event SET note = 'x'",
            "DELETE FROM audit_event",
            f"DELETE FROM village WHERE id = '{vid}'",
        ):
            with pytest.raises(sa.exc.DatabaseError):
                conn.exec_driver_sql(sql)
            conn.rollback()


def test_search_follows_every_write(ws: Workspace) -> None:
    vid = _village(ws)
    made = save_visit(
        ws,
        vid,
        "村东头机井损坏半年未修",
        method=VisitMethod.KEY,
        problems=["机井损坏，群众浇地困难"],
    )
    (problem_id,) = made.problem_ids
    assert {h.record_id for h in records.search(ws, "机井损坏")} == {made.record_id, problem_id}
    assert {h.record_id for h in records.search(ws, "机井")} == {made.record_id, problem_id}
    hit = records.search(ws, "半年未修")[0]
    assert f"{records.HIGHLIGHT_OPEN}半年未修{records.HIGHLIGHT_CLOSE}" in hit.snippet
    save_visit(ws, vid, "水井已经修好", record_id=made.record_id, method=VisitMethod.KEY)
    assert [h.record_id for h in records.search(ws, "半年未修")] == []
    assert [h.record_id for h in records.search(ws, "已经修好")] == [made.record_id]
    records.retire(ws, "problem", problem_id)
    assert [h.record_id for h in records.search(ws, "浇地困难")] == []
    assert check_workspace(ws) == []


def test_check_reports_search_index_out_of_step(ws: Workspace) -> None:
    vid = _village(ws)
    save_visit(ws, vid, "甲乙丙丁", method=VisitMethod.KEY)
    with ws.engine.begin() as conn:
        conn.exec_driver_sql("DROP TRIGGER fts_visit_au")
        conn.exec_driver_sql("UPDATE visit SET notes = '戊己庚辛'")
    findings = check_workspace(ws)
    assert any("触发器" in f for f in findings)
    assert any("全文索引与 visit 表不一致" in f for f in findings)
    ws.close()
    # opening again re-installs the triggers and rebuilds the index
    with Workspace.open(ws.paths.root, PASSWORD) as again:
        assert check_workspace(again) == []
        assert len(records.search(again, "戊己庚")) == 1
