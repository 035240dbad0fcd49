"""A workspace made at the first revision, filled, then opened by this program: every row survives.

The fill is raw SQL written against the first revision's schema (frozen like the migration), so the
test keeps working however later migrations change the tables.
"""

from __future__ import annotations

import secrets
from pathlib import Path
from typing import Any

import pytest
import sqlalchemy as sa
from sqlalchemy.engine import Engine

from app.storage import migrate
from app.storage.engine import connect_raw, make_engine
from app.storage.errors import NewerWorkspace
from app.storage.keyfile import KeyFile
from app.storage.workspace import Workspace

FIRST = "0001"
NOW = "2026-11-01 08:00:00.000000"


def _sync(i: str, table: str) -> dict[str, Any]:
    return {
        "id": f"{table}-{i}",
        "created_at": NOW,
        "updated_at": NOW,
        "origin": "device-old",
        "version": 3,
        "retired_at": None,
    }


ROWS: dict[str, list[dict[str, Any]]] = {
    "team": [
        _sync("1", "team")
        | {
            "name": "第一巡察组",
            "kind": "team",
            "doc_prefix": "淮巡",
            "issuing_body": "区委第一巡察组",
            "phone": "0394-1",
            "mailbox": "018",
        }
    ],
    "user": [
        _sync("1", "user")
        | {
            "username": "老组长",
            "display_name": "老组长",
            "role": "leader",
            "team_id": "team-1",
            "phone": "",
        }
    ],
    "township": [
        _sync(str(i), "township")
        | {"code": f"41{i}", "name": f"第{i}镇", "kind": "township", "party_committee": "镇党委"}
        for i in range(3)
    ],
    "inspection_round": [
        _sync("1", "inspection_round")
        | {
            "name": "2026年第一轮",
            "year": 2026,
            "starts_on": "2026-10-01",
            "ends_on": None,
            "notes": "备注",
        }
    ],
    "batch": [
        _sync(str(n), "batch")
        | {
            "round_id": "inspection_round-1",
            "number": n,
            "phase": str(n),
            "team_id": "team-1",
            "starts_on": None,
            "ends_on": None,
        }
        for n in (1, 2, 3)
    ],
    "village": [
        _sync(str(i), "village")
        | {
            "township_id": f"township-{i % 3}",
            "code": f"v{i}",
            "name": f"村{i}",
            "kind": "village",
            "tier": ["good", "middle", "poor"][i % 3],
            "style": "research",
            "tier_override": None,
            "tier_override_reason": "",
            "batch_id": f"batch-{1 + i % 3}",
            "notes": "",
        }
        for i in range(12)
    ],
    "channel_listing": [
        _sync(str(i), "channel_listing")
        | {
            "village_id": f"village-{i}",
            "round_id": "inspection_round-1",
            "channel": "petition",
            "source": "区信访局",
            "count": i,
            "note": "",
            "list_id": "L1",
            "active": 1,
            "listed_at": NOW,
        }
        for i in range(5)
    ],
    "audit_event": [
        {
            "id": f"audit-{i}",
            "at": NOW,
            "actor": "老组长",
            "device": "device-old",
            "action": "create",
            "table_name": "village",
            "record_id": f"village-{i}",
            "record_version": 1,
            "fields": "",
            "note": "",
        }
        for i in range(4)
    ],
    "sync_state": [
        {
            "id": "sync-1",
            "peer": "office",
            "last_exported_seq": 7,
            "last_export_at": None,
            "last_imported_seq": 0,
            "last_import_at": None,
            "details": "",
        }
    ],
}


def _insert(conn: Any, table: str, row: dict[str, Any]) -> None:
    cols = ", ".join(f'"{c}"' for c in row)
    marks = ", ".join("?" for _ in row)
    conn.execute(f'INSERT INTO "{table}" ({cols}) VALUES ({marks})', tuple(row.values()))


def make_workspace_at(root: Path, revision: str, password: str) -> bytes:
    key = secrets.token_bytes(32)
    root.mkdir()
    (root / "media").mkdir()
    (root / "backups").mkdir()
    engine = make_engine(root / "workspace.db", key, create=True)
    migrate.upgrade(engine, revision)
    engine.dispose()
    conn = connect_raw(root / "workspace.db", key)
    conn.execute("BEGIN")
    for k, v in {"workspace_id": "ws-old", "device_id": "device-old", "kind": "team"}.items():
        _insert(conn, "workspace_meta", {"key": k, "value": v})
    for table, rows in ROWS.items():
        for row in rows:
            _insert(conn, table, row)
    conn.execute("COMMIT")
    conn.close()
    kf = KeyFile(workspace_id="ws-old")
    kf.add_user("老组长", password, key)
    kf.save(root / "workspace.key")
    return key


def test_first_revision_workspace_upgrades_and_keeps_every_row(tmp_path: Path) -> None:
    root = tmp_path / "old"
    key = make_workspace_at(root, FIRST, "pw")
    assert migrate.head_revision() != FIRST

    with Workspace.open(root, "pw") as ws:
        assert ws.username == "老组长"
        with ws.raw_connection() as conn:
            assert conn.execute("SELECT version_num FROM alembic_version").fetchone()[0] == (
                migrate.head_revision()
            )
            for table, rows in ROWS.items():
                for row in rows:
                    cols = ", ".join(f'"{c}"' for c in row)
                    got = conn.execute(
                        f'SELECT {cols} FROM "{table}" WHERE id = ?', (row["id"],)
                    ).fetchone()
                    assert got is not None, f"{table} {row['id']} lost"
                    assert dict(zip(row, got, strict=True)) == row
    backups = list((root / "backups").glob(f"before-upgrade-{FIRST}-*.db"))
    assert len(backups) == 1
    old = connect_raw(backups[0], key)
    assert old.execute("SELECT version_num FROM alembic_version").fetchone()[0] == FIRST
    assert old.execute("SELECT count(*) FROM village").fetchone()[0] == 12
    old.close()


def test_every_revision_upgrades_from_the_one_before(tmp_path: Path) -> None:
    revisions = [r.revision for r in reversed(list(migrate.script_directory().walk_revisions()))]
    assert revisions[0] == FIRST
    engine = make_engine(tmp_path / "steps.db", secrets.token_bytes(32), create=True)
    for rev in revisions:
        migrate.upgrade(engine, rev)
        with engine.connect() as conn:
            assert migrate.current_revision(conn) == rev
    engine.dispose()


def test_workspace_from_a_newer_program_is_refused(tmp_path: Path) -> None:
    root = tmp_path / "new"
    key = make_workspace_at(root, migrate.head_revision(), "pw")
    conn = connect_raw(root / "workspace.db", key)
    conn.execute("UPDATE alembic_version SET version_num = '9999_future'")
    conn.close()
    with pytest.raises(NewerWorkspace):
        Workspace.open(root, "pw")


def test_quick_revision_graph_agrees_with_alembic() -> None:
    script = migrate.script_directory()
    alembic_graph = {r.revision: r.down_revision for r in script.walk_revisions()}
    assert migrate.revision_graph() == alembic_graph
    assert migrate.head_revision() == script.get_current_head()


def test_a_workspace_stamped_by_the_placeholder_release_catches_up(tmp_path: Path) -> None:
    """The release that carried 0010–0016 as empty placeholders stamped workspaces 0016 without
    their tables; 0017 runs what is missing, and the schema ends as a fresh one's."""
    from alembic import command

    key = secrets.token_bytes(32)
    old = make_engine(tmp_path / "old.db", key, create=True)
    migrate.upgrade(old, "0009")
    with old.begin() as conn:
        command.stamp(migrate.alembic_config(conn), "0016")  # what the placeholder build left
    migrate.upgrade(old)
    fresh = make_engine(tmp_path / "fresh.db", key, create=True)
    migrate.upgrade(fresh)

    def schema(engine: Engine) -> dict[str, list[str]]:
        insp = sa.inspect(engine)
        return {t: sorted(c["name"] for c in insp.get_columns(t)) for t in insp.get_table_names()}

    got, want = schema(old), schema(fresh)
    old.dispose()
    fresh.dispose()
    assert "campaign_decision" in got and "paper_copy" in got
    assert got == want
