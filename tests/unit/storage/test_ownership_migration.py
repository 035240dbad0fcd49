"""Revision 0010: an office made before row ownership gets the owner of each provisioned team's own
team row (so the team may keep changing its settings), and the owner records keep what they had."""

from __future__ import annotations

import secrets
from pathlib import Path

from app.storage import migrate
from app.storage.engine import make_engine

NOW = "2026-11-01 08:00:00.000000"


def _team(conn, tid: str, kind: str) -> None:
    conn.exec_driver_sql(
        "INSERT INTO team (id, created_at, updated_at, origin, version, retired_at, name, kind, "
        "doc_prefix, issuing_body, phone, mailbox) "
        "VALUES (?, ?, ?, 'd', 1, NULL, ?, ?, '', '', '', '')",
        (tid, NOW, NOW, tid, kind),
    )


def _at_0009(tmp_path: Path, kind: str):
    engine = make_engine(tmp_path / f"{kind}.db", secrets.token_bytes(32), create=True)
    migrate.upgrade(engine, "0009")
    with engine.begin() as conn:
        conn.exec_driver_sql("INSERT INTO workspace_meta (key, value) VALUES ('kind', ?)", (kind,))
        _team(conn, "own", kind)
        _team(conn, "team-a", "team")
        conn.exec_driver_sql(
            "INSERT INTO sync_row_team (record_id, table_name, team_id) "
            "VALUES ('v1', 'visit', 'team-a')"
        )
    return engine


def test_an_office_gets_its_teams_team_rows_owned_by_the_teams(tmp_path: Path):
    engine = _at_0009(tmp_path, "office")
    migrate.upgrade(engine)
    with engine.connect() as conn:
        got = sorted(
            conn.exec_driver_sql(
                "SELECT record_id, table_name, team_id, device_id, bundle_id FROM sync_row_team"
            ).all()
        )
    engine.dispose()
    assert got == [("team-a", "team", "team-a", "", ""), ("v1", "visit", "team-a", "", "")]


def test_a_team_laptop_gets_no_new_owner_lines(tmp_path: Path):
    engine = _at_0009(tmp_path, "team")
    migrate.upgrade(engine)
    with engine.connect() as conn:
        got = conn.exec_driver_sql("SELECT record_id FROM sync_row_team").all()
    engine.dispose()
    assert [r[0] for r in got] == ["v1"]
