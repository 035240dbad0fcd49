"""Server-side objects of a PostgreSQL office, derived from the schema like SQLite's triggers.

Installed by the database owner after every upgrade (``init`` and the upgrade at open), hashed into
``workspace_meta`` and verified by ``check``:

- **guards**: the audit log refuses UPDATE, DELETE and TRUNCATE; synced rows refuse DELETE and
  TRUNCATE (they are retired). Triggers, so they hold for every role, the owner included.
- **search**: triggers keep ``search_doc`` (kind, record, village, text) in step with the searchable
  tables; its GIN index over character pairs is made by migration 0003.
- **change notices**: a statement trigger on every table the views show sends
  ``NOTIFY xunchadesk_changes, '<table>'`` — delivered at commit, so another clerk's window
  refreshes only after the change is really there.
- **roles and privileges**: three group roles, ``xuncha_clerk`` (reads and writes, but never
  updates or deletes the audit log nor deletes a synced row), ``xuncha_reader`` (reads only) and
  ``xuncha_district`` (reads only the rows of its own district). A person's login role is a member
  of one of them (``db-user add``).
- **row-level security**: on the record tables a district role sees only the rows whose
  ``row_origin`` names its district (or no district: the office's own rows).
- **deferrable foreign keys**: a bundle's rows may come in any order within its transaction.
"""

from __future__ import annotations

import hashlib
from typing import Any

import sqlalchemy as sa

from app.storage.derived import APPEND_ONLY_TABLES, SEARCH_SOURCES, SearchSource

META_KEY = "server_objects_version"
CHANNEL = "xunchadesk_changes"

ROLE_CLERK = "xuncha_clerk"
ROLE_READER = "xuncha_reader"
ROLE_DISTRICT = "xuncha_district"
GROUP_ROLES: dict[str, str] = {
    "clerk": ROLE_CLERK,
    "reader": ROLE_READER,
    "district": ROLE_DISTRICT,
}
"""Access level → the group role a person's login role joins."""

NOTIFY_EXTRA = ("sync_conflict", "sync_bundle", "workspace_meta")
"""Tables besides the synced ones whose changes the views show."""

SCOPED_EXTRA = ("sync_conflict", "search_doc", "audit_event")
"""Tables besides the synced ones a district role sees only for its own records."""


def _fn_refuse() -> str:
    return (
        "CREATE OR REPLACE FUNCTION xd_refuse() RETURNS trigger LANGUAGE plpgsql AS $$ "
        "BEGIN RAISE EXCEPTION USING ERRCODE = 'insufficient_privilege', "
        "MESSAGE = TG_ARGV[0]; END $$"
    )


def _fn_notify() -> str:
    return (
        "CREATE OR REPLACE FUNCTION xd_notify() RETURNS trigger LANGUAGE plpgsql AS $$ "
        f"BEGIN PERFORM pg_notify('{CHANNEL}', TG_TABLE_NAME); RETURN NULL; END $$"
    )


def _fn_district() -> str:
    return (
        "CREATE OR REPLACE FUNCTION xd_district() RETURNS text LANGUAGE sql STABLE AS $$ "
        "SELECT coalesce((SELECT district_id FROM office_access "
        "WHERE role_name = current_user AND access = 'district'), '-') $$"
    )


def _pg_body(src: SearchSource, alias: str) -> str:
    # SQLite's char(10) is chr(10) here; the expression is otherwise the same
    return src.live_body_for(alias).replace("char(10)", "chr(10)")


def _search_objects(src: SearchSource) -> list[str]:
    """Statement triggers over the rows a statement wrote (transition tables): a bundle's
    thousands of rows reach the search table in one INSERT … SELECT, not one trigger call each."""
    t = src.table
    return [
        f"CREATE OR REPLACE FUNCTION xd_fts_{t}() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN "
        f"INSERT INTO search_doc (kind, record_id, village_id, body) "
        f"SELECT '{src.kind}', r.id, r.village_id, {_pg_body(src, 'r')} FROM written r "
        f"ON CONFLICT (record_id) DO UPDATE SET village_id = EXCLUDED.village_id, "
        f"body = EXCLUDED.body; RETURN NULL; END $$",
        f"DROP TRIGGER IF EXISTS fts_{t}_aiu ON {t}",
        f"CREATE OR REPLACE TRIGGER fts_{t}_ai AFTER INSERT ON {t} "
        f"REFERENCING NEW TABLE AS written FOR EACH STATEMENT EXECUTE FUNCTION xd_fts_{t}()",
        f"CREATE OR REPLACE TRIGGER fts_{t}_au AFTER UPDATE ON {t} "
        f"REFERENCING NEW TABLE AS written FOR EACH STATEMENT EXECUTE FUNCTION xd_fts_{t}()",
    ]


def _guard_objects(synced: tuple[str, ...]) -> list[str]:
    out: list[str] = []
    for t in APPEND_ONLY_TABLES:
        msg = f"{t} is append-only"
        out.append(
            f'CREATE OR REPLACE TRIGGER guard_{t}_no_change BEFORE UPDATE OR DELETE ON "{t}" '
            f"FOR EACH ROW EXECUTE FUNCTION xd_refuse('{msg}')"
        )
        out.append(
            f'CREATE OR REPLACE TRIGGER guard_{t}_no_truncate BEFORE TRUNCATE ON "{t}" '
            f"FOR EACH STATEMENT EXECUTE FUNCTION xd_refuse('{msg}')"
        )
    for t in synced:
        msg = f"rows of {t} are retired, never deleted"
        out.append(
            f'CREATE OR REPLACE TRIGGER guard_{t}_no_delete BEFORE DELETE ON "{t}" '
            f"FOR EACH ROW EXECUTE FUNCTION xd_refuse('{msg}')"
        )
        out.append(
            f'CREATE OR REPLACE TRIGGER guard_{t}_no_truncate BEFORE TRUNCATE ON "{t}" '
            f"FOR EACH STATEMENT EXECUTE FUNCTION xd_refuse('{msg}')"
        )
    return out


def _notify_objects(synced: tuple[str, ...]) -> list[str]:
    return [
        f'CREATE OR REPLACE TRIGGER notify_{t} AFTER INSERT OR UPDATE OR DELETE ON "{t}" '
        f"FOR EACH STATEMENT EXECUTE FUNCTION xd_notify()"
        for t in (*synced, *NOTIFY_EXTRA)
    ]


def _scope_expr(table: str) -> str:
    key = "record_id" if table in SCOPED_EXTRA else "id"
    return (
        f"coalesce((SELECT o.district_id FROM row_origin o WHERE o.record_id = "
        f"\"{table}\".{key}), '') IN ('', (SELECT xd_district()))"
    )


def _policy_objects(synced: tuple[str, ...]) -> list[str]:
    out: list[str] = []
    for t in (*synced, *SCOPED_EXTRA):
        out += [
            f'ALTER TABLE "{t}" ENABLE ROW LEVEL SECURITY',
            f'DROP POLICY IF EXISTS xd_clerk ON "{t}"',
            f'CREATE POLICY xd_clerk ON "{t}" FOR ALL TO {ROLE_CLERK} USING (true) '
            f"WITH CHECK (true)",
            f'DROP POLICY IF EXISTS xd_reader ON "{t}"',
            f'CREATE POLICY xd_reader ON "{t}" FOR SELECT TO {ROLE_READER} USING (true)',
            f'DROP POLICY IF EXISTS xd_district ON "{t}"',
            f'CREATE POLICY xd_district ON "{t}" FOR SELECT TO {ROLE_DISTRICT} '
            f"USING ({_scope_expr(t)})",
        ]
    return out


def _grant_objects(synced: tuple[str, ...]) -> list[str]:
    groups = ", ".join(GROUP_ROLES.values())
    return [
        f"REVOKE ALL ON ALL TABLES IN SCHEMA public FROM {groups}",
        f"GRANT SELECT ON ALL TABLES IN SCHEMA public TO {groups}",
        f"GRANT INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO {ROLE_CLERK}",
        f"REVOKE UPDATE, DELETE ON audit_event FROM {ROLE_CLERK}",
        f"REVOKE INSERT, UPDATE, DELETE ON alembic_version, office_access FROM {ROLE_CLERK}",
        *(f'REVOKE DELETE ON "{t}" FROM {ROLE_CLERK}' for t in synced),
        f"GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO {ROLE_CLERK}",
        f"GRANT EXECUTE ON ALL FUNCTIONS IN SCHEMA public TO {groups}",
    ]


DEFERRABLE_KEYS = """
DO $$ DECLARE r record; BEGIN
  FOR r IN SELECT conrelid::regclass AS tbl, conname FROM pg_constraint
           WHERE contype = 'f' AND connamespace = 'public'::regnamespace AND NOT condeferrable
  LOOP
    EXECUTE format('ALTER TABLE %s ALTER CONSTRAINT %I DEFERRABLE INITIALLY IMMEDIATE',
                   r.tbl, r.conname);
  END LOOP;
END $$
"""


def server_statements(synced: tuple[str, ...]) -> list[str]:
    """Every statement that installs (or re-installs) the server objects, in order."""
    stmts = [_fn_refuse(), _fn_notify(), _fn_district()]
    for src in SEARCH_SOURCES:
        stmts += _search_objects(src)
    stmts += _guard_objects(synced)
    stmts += _notify_objects(synced)
    stmts += _grant_objects(synced)
    stmts += _policy_objects(synced)
    stmts.append(DEFERRABLE_KEYS)
    return stmts


def statements_hash(synced: tuple[str, ...]) -> str:
    return hashlib.sha256("\n".join(server_statements(synced)).encode()).hexdigest()


def group_roles_sql() -> str:
    """What an administrator runs once per server when the owner may not create roles."""
    return "; ".join(f"CREATE ROLE {r} NOLOGIN" for r in GROUP_ROLES.values())


def ensure_group_roles(conn: sa.Connection) -> list[str]:
    """Create the group roles that are missing (needs CREATEROLE); returns those still missing."""
    have = {
        str(r[0])
        for r in conn.exec_driver_sql(
            "SELECT rolname FROM pg_roles WHERE rolname IN ('"
            + "','".join(GROUP_ROLES.values())
            + "')"
        )
    }
    missing = [r for r in GROUP_ROLES.values() if r not in have]
    if not missing:
        return []
    can = conn.exec_driver_sql(
        "SELECT rolcreaterole OR rolsuper FROM pg_roles WHERE rolname = current_user"
    ).scalar_one()
    if not can:
        return missing
    for r in missing:
        conn.exec_driver_sql(f"CREATE ROLE {r} NOLOGIN")
    return []


def install_server_objects(conn: sa.Connection, synced: tuple[str, ...]) -> None:
    """(Re)install every server object inside the caller's transaction (as the owner)."""
    # one installer at a time: CREATE OR REPLACE of the same object in parallel collides
    conn.exec_driver_sql("SELECT pg_advisory_xact_lock(7346001)")
    for stmt in server_statements(synced):
        run_plain(conn, stmt)
    conn.execute(
        sa.text(
            "INSERT INTO workspace_meta (key, value) VALUES (:k, :v) "
            "ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value"
        ),
        {"k": META_KEY, "v": statements_hash(synced)},
    )


def run_plain(conn: sa.Connection, sql: str) -> None:
    """Run ``sql`` as it is (no parameters, so ``%`` is not a placeholder)."""
    cur = conn.connection.dbapi_connection.cursor()  # type: ignore[union-attr]
    try:
        cur.execute(sql)
    finally:
        cur.close()


def _names(conn: sa.Connection, sql: str) -> set[str]:
    return {str(r[0]) for r in conn.exec_driver_sql(sql)}


def server_findings(conn: sa.Connection, synced: tuple[str, ...]) -> list[str]:
    """What is missing or out of date among the server objects, in Chinese."""
    findings: list[str] = []
    stored = conn.execute(
        sa.text("SELECT value FROM workspace_meta WHERE key = :k"), {"k": META_KEY}
    ).scalar_one_or_none()
    if stored != statements_hash(synced):
        findings.append(
            "服务器端对象（触发器、权限、行级安全）不是本程序的版本：请由库的所有者打开一次"
        )
    triggers = _names(conn, "SELECT tgname FROM pg_trigger WHERE NOT tgisinternal")
    wanted = {f"guard_{t}_no_change" for t in APPEND_ONLY_TABLES} | {
        f"guard_{t}_no_delete" for t in synced
    }
    wanted |= {f"fts_{s.table}_{e}" for s in SEARCH_SOURCES for e in ("ai", "au")}
    missing = sorted(wanted - triggers)
    if missing:
        findings.append(f"缺少 {len(missing)} 个触发器：{', '.join(missing[:5])}")
    unprotected = sorted(
        set(synced)
        - _names(
            conn,
            "SELECT relname FROM pg_class WHERE relrowsecurity AND "
            "relnamespace = 'public'::regnamespace",
        )
    )
    if unprotected:
        findings.append(f"{len(unprotected)} 个表未启用行级安全：{', '.join(unprotected[:5])}")
    return findings


def scalar(conn: sa.Connection, sql: str, **params: Any) -> Any:
    return conn.execute(sa.text(sql), params).scalar_one_or_none()
