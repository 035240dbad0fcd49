"""What the server must not see or allow, checked by raw SQL through psycopg (not the program).

The audit-log test runs on both stores; the rest are about the server itself.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

import psycopg
import pytest
from sqlmodel import col, select

from app.services.demo.build import DemoOptions, fill_demo
from app.storage.models import AuditEvent, ClueTransfer, Person, SyncKey, Village
from app.storage.pg.roles import add_role
from app.storage.pg.server import ServerSettings, link_status, make_server_engine
from app.storage.workspace import Workspace
from app.sync.conflicts import list_conflicts
from app.sync.export import export_bundle
from app.sync.identity import issue_team_kit, join_with_kit
from app.sync.merge import import_bundle
from tests.unit.office.conftest import PASSWORD, OfficeStore
from tests.unit.sync.conftest import KIT_PASSWORD, edit

SERVER_ONLY = pytest.mark.parametrize("store", ["postgresql"], indirect=True)
CLERK_PW = "clerk-pw-1"


def _dbname(ws: Workspace) -> str:
    return str(ws.engine.url.database)


def _all_text(conn: psycopg.Connection[Any]) -> str:
    """Every row of every table of the database, as text."""
    tables = [
        r[0]
        for r in conn.execute(
            "SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY 1"
        ).fetchall()
    ]
    parts = []
    for t in tables:
        for (row,) in conn.execute(f'SELECT t::text FROM "{t}" t').fetchall():
            parts.append(row)
    return "\n".join(parts)


def test_audit_log_is_append_only_for_the_programs_role(
    store: OfficeStore, offices: Callable[..., Workspace]
) -> None:
    office = offices()
    with office.session() as s:
        s.audit("login", note="x")
        s.commit()
    if not store.on_server:
        with office.raw_connection() as raw:
            for sql in ("UPDATE audit_event SET note = 'y'", "DELETE FROM audit_event"):
                with pytest.raises(Exception, match="append-only"):
                    raw.execute(sql)
        return
    db = _dbname(office)
    with office.engine.begin() as conn:
        add_role(conn, "clerk_li", CLERK_PW, "clerk")
    with store.cluster.login("clerk_li", CLERK_PW, db) as clerk:
        assert clerk.execute("SELECT count(*) FROM audit_event").fetchone()[0] > 0
        clerk.execute(
            "INSERT INTO audit_event (id, at, actor, device, action, table_name, "
            "record_id, record_version, fields, note) VALUES ('x', now(), 'a', 'd', "
            "'login', '', '', 0, '', '')"
        )
        for sql in (
            "UPDATE audit_event SET note = 'changed'",
            "DELETE FROM audit_event",
            "TRUNCATE audit_event",
            "DELETE FROM village",
        ):
            with pytest.raises(psycopg.errors.InsufficientPrivilege):
                clerk.execute(sql)
    # even the owner, who may do anything else, is stopped by the trigger
    with store.cluster.owner(db) as owner:
        for sql in ("UPDATE audit_event SET note = 'changed'", "DELETE FROM audit_event"):
            with pytest.raises(psycopg.errors.InsufficientPrivilege, match="append-only"):
                owner.execute(sql)
    with office.session() as s:
        assert {e.note for e in s.exec(select(AuditEvent))} >= {"x", ""}


@SERVER_ONLY
def test_protected_names_never_reach_the_server_in_plain(
    store: OfficeStore, offices: Callable[..., Workspace], tmp_path: Path
) -> None:
    office = offices()
    issue_team_kit(office, "第一巡察组", KIT_PASSWORD, tmp_path / "k.kit")
    team = join_with_kit(
        tmp_path / "t", tmp_path / "k.kit", KIT_PASSWORD, leader="李", password=PASSWORD
    )
    second = join_with_kit(
        tmp_path / "u", tmp_path / "k.kit", KIT_PASSWORD, leader="李", password=PASSWORD
    )
    try:
        fill_demo(team, DemoOptions(villages=3, days=2, until=date(2026, 11, 27)))
        with team.session() as s:
            names = [p.name for p in s.exec(select(Person).where(Person.protected == True))]  # noqa: E712
            phones = [p.phone for p in s.exec(select(Person)) if p.phone]
            clue_names = [c.person_name for c in s.exec(select(ClueTransfer)) if c.person_name]
            clue = s.exec(select(ClueTransfer)).first()
        assert names and clue is not None
        import_bundle(office, export_bundle(team, tmp_path / "a.xdsb").path)
        # a conflict on a clue's person: both versions are kept in the conflict list
        back = export_bundle(office, tmp_path / "back.xdsb", team="第一巡察组", all_rows=True)
        import_bundle(second, back.path)
        edit(team, ClueTransfer, clue.id, person_name="张改甲")
        edit(second, ClueTransfer, clue.id, person_name="张改乙")
        import_bundle(office, export_bundle(team, tmp_path / "b.xdsb").path)
        import_bundle(office, export_bundle(second, tmp_path / "c.xdsb").path)
        assert len(list_conflicts(office)) == 1
        with office.session() as s:
            keys = [k.sign_private for k in s.exec(select(SyncKey))]
        with store.cluster.owner(_dbname(office)) as dba:
            everything = _all_text(dba)
        for secret in [*names, *phones, *clue_names, "张改甲", "张改乙", *keys]:
            assert secret not in everything, secret
        # the program itself reads them back whole
        with office.session() as s:
            got = s.exec(select(Person.name).where(col(Person.protected))).all()
            assert sorted(got) == sorted(names)
        assert [str(c.incoming.get("person_name")) for c in list_conflicts(office)] == ["张改乙"]
    finally:
        team.close()
        second.close()


@SERVER_ONLY
def test_row_level_security_and_read_only_role(
    store: OfficeStore, offices: Callable[..., Workspace]
) -> None:
    """Rows of district A invisible to district B's role; a reader cannot write (raw SQL)."""
    office = offices()
    db = _dbname(office)
    with office.session() as s:
        from app.storage.models import RowOrigin, Township

        town = Township(name="城关镇")
        s.add(town)
        s.flush()
        ids = {}
        for district in ("dist-a", "dist-b", ""):
            v = Village(township_id=town.id, name=f"村{district or '市'}")
            s.add(v)
            s.flush()
            ids[district] = v.id
            if district:
                s.add(RowOrigin(record_id=v.id, table_name="village", district_id=district))
        s.commit()
    with office.engine.begin() as conn:
        add_role(conn, "dist_a_clerk", CLERK_PW, "district", "dist-a")
        add_role(conn, "reader_zhao", CLERK_PW, "reader")
    with store.cluster.login("dist_a_clerk", CLERK_PW, db) as a:
        seen = {r[0] for r in a.execute("SELECT id FROM village").fetchall()}
        assert seen == {ids["dist-a"], ids[""]}
        assert (
            a.execute("SELECT count(*) FROM village WHERE id = %s", (ids["dist-b"],)).fetchone()[0]
            == 0
        )
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            a.execute("UPDATE village SET name = 'x'")
    with store.cluster.login("reader_zhao", CLERK_PW, db) as r:
        assert len(r.execute("SELECT id FROM village").fetchall()) == 3
        for sql in (
            "UPDATE village SET name = 'x'",
            "INSERT INTO workspace_meta (key, value) VALUES ('k', 'v')",
            "DELETE FROM form_draft",
        ):
            with pytest.raises(psycopg.errors.InsufficientPrivilege):
                r.execute(sql)
    # a role of no district at all sees only the office's own rows
    with office.engine.begin() as conn:
        add_role(conn, "dist_c_clerk", CLERK_PW, "district", "dist-c")
    with store.cluster.login("dist_c_clerk", CLERK_PW, db) as c:
        assert {r[0] for r in c.execute("SELECT id FROM village").fetchall()} == {ids[""]}


@SERVER_ONLY
def test_tls_used_when_offered_and_said_when_not(
    store: OfficeStore, offices: Callable[..., Workspace]
) -> None:
    office = offices()
    db = _dbname(office)
    assert link_status(office.engine).local_socket and office.server_notice is None
    over_tcp = ServerSettings.parse(store.cluster.url(db, tcp=True))
    engine = make_server_engine(over_tcp, store.db_password(), None)
    try:
        status = link_status(engine)
        assert status.tls and status.notice is None and "TLS" in status.label
    finally:
        engine.dispose()
    plain = ServerSettings.parse(store.cluster.url(db, tcp=True, sslmode="disable"))
    engine = make_server_engine(plain, store.db_password(), None)
    try:
        status = link_status(engine)
        assert not status.tls and status.notice is not None and "未加密" in status.notice
    finally:
        engine.dispose()


@SERVER_ONLY
def test_password_only_from_outside_the_folder(
    store: OfficeStore, run_cli: Callable[..., Any], tmp_path: Path
) -> None:
    db = store.new_database()
    try:
        folder = tmp_path / "office"
        url = store.cluster.url(db)
        with_password = url.replace("xd_owner@", "xd_owner:secret@")
        refused = run_cli(
            "--data-dir",
            folder,
            "init",
            "--office",
            "--team",
            "办",
            "--leader",
            "王",
            "--db",
            with_password,
        )
        assert refused.returncode == 1 and "密码不能写在地址里" in refused.stderr
        no_pw = run_cli(
            "--data-dir",
            folder,
            "init",
            "--office",
            "--team",
            "办",
            "--leader",
            "王",
            "--db",
            url,
            XUNCHA_DB_PASSWORD="",
        )
        assert no_pw.returncode == 1 and "用户名或密码不正确" in no_pw.stderr
        assert not folder.exists()
        made = run_cli(
            "--data-dir", folder, "init", "--office", "--team", "办", "--leader", "王", "--db", url
        )
        assert made.returncode == 0, made.stderr
        plain = run_cli("--data-dir", folder, "server-info")
        assert "本机套接字" in plain.stdout
        tcp = ServerSettings.parse(store.cluster.url(db, tcp=True, sslmode="disable"))
        tcp.save(folder / "server.json")
        warned = run_cli("--data-dir", folder, "stats")
        assert warned.returncode == 0 and "连接未加密" in warned.stderr
    finally:
        store.cluster.drop_database(db)


@SERVER_ONLY
def test_upgrade_takes_a_verified_backup_first_and_only_by_the_owner(
    store: OfficeStore, run_cli: Callable[..., Any], tmp_path: Path
) -> None:
    """A database at the revision before this program's: a clerk is refused (one line); the
    owner's open dumps it (sealed), reads the dump back, then upgrades."""
    from app.domain.vocabulary import WorkspaceKind
    from app.storage import migrate
    from app.storage.errors import DatabaseDamaged
    from app.storage.keyfile import KeyFile
    from app.storage.meta import seed_workspace
    from app.storage.models import new_id
    from app.storage.pg.backup import verify_backup
    from app.storage.pg.workspace import META_KEY_CHECK, key_check

    db = store.cluster.new_database(template=None)
    try:
        settings = ServerSettings.parse(store.cluster.url(db))
        key = b"k" * 32
        engine = make_server_engine(settings, store.db_password(), key)
        try:
            migrate.upgrade(engine, "0014")
            wid = new_id()
            seed_workspace(
                engine,
                {
                    "workspace_id": wid,
                    "device_id": new_id(),
                    "kind": "office",
                    "created_at": "2026-01-01T00:00:00+00:00",
                    "demo": "0",
                    META_KEY_CHECK: key_check(wid, key),
                },
                team_name="区委巡察办",
                leader="王主任",
                kind=WorkspaceKind.OFFICE,
            )
        finally:
            engine.dispose()
        folder = tmp_path / "office"
        (folder / "backups").mkdir(parents=True)
        settings.save(folder / "server.json")
        kf = KeyFile(workspace_id=wid)
        kf.add_user("王主任", PASSWORD, key)
        kf.save(folder / "workspace.key")
        with store.cluster.superuser(db) as su:
            su.execute(f"CREATE ROLE late_clerk LOGIN PASSWORD '{CLERK_PW}' IN ROLE xuncha_clerk")
            su.execute(f"GRANT CONNECT ON DATABASE {db} TO late_clerk")
        settings.with_user("late_clerk").save(folder / "server.json")
        refused = run_cli("--data-dir", folder, "stats", XUNCHA_DB_PASSWORD=CLERK_PW)
        assert refused.returncode == 1 and len(refused.stderr.strip().splitlines()) == 1
        assert "所有者" in refused.stderr or "权限" in refused.stderr, refused.stderr
        assert not list((folder / "backups").iterdir())
        settings.save(folder / "server.json")
        opened = run_cli("--data-dir", folder, "stats", "--json")
        assert opened.returncode == 0, opened.stderr
        dumps = list((folder / "backups").iterdir())
        assert len(dumps) == 1 and dumps[0].name.startswith("before-upgrade-0014-")
        verify_backup(dumps[0], key, {"team": 1, "user": 1, "alembic_version": 1})
        with pytest.raises(DatabaseDamaged, match="备份"):
            verify_backup(dumps[0], key, {"team": 2})
        assert "王主任".encode() not in dumps[0].read_bytes()  # sealed: no plain name
    finally:
        store.cluster.drop_database(db)
        with store.cluster.superuser() as su:
            su.execute("DROP ROLE IF EXISTS late_clerk")
