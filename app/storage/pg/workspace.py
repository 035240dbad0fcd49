"""Making and opening an office whose records live on PostgreSQL.

The folder keeps what is the office's own and must never reach the server in plain:

    <folder>/
      workspace.key     the workspace key, wrapped per user (as for SQLCipher)
      server.json       where the database is (no password)
      backups/          verified, sealed dumps taken before an upgrade

The workspace key seals protected columns and photos (the server sees them only sealed).
``workspace_meta`` holds a check value of that key, so a key file of another office is refused
before anything is read or written.

Opening checks, in order: key file, password, server login, this database holds a workspace of this
key file, its schema is not newer than the program. An older schema is upgraded by the database
owner only, after a verified backup (:mod:`app.storage.pg.backup`).
"""

from __future__ import annotations

import hashlib
import hmac
import os
from datetime import datetime
from typing import TYPE_CHECKING, Any

import sqlalchemy as sa
from sqlmodel import select

from app.domain.vocabulary import WorkspaceKind
from app.storage import migrate
from app.storage.errors import (
    DatabaseDamaged,
    ForeignWorkspace,
    NewerWorkspace,
    WorkspaceExists,
    WrongPassword,
)
from app.storage.keyfile import KeyFile, new_database_key, user_tag
from app.storage.meta import (
    META_CREATED_AT,
    META_DEMO,
    META_DEVICE_ID,
    META_KIND,
    META_WORKSPACE_ID,
    seed_workspace,
)
from app.storage.models import SYNCED_MODELS, User, new_id, utcnow
from app.storage.pg.derived import META_KEY as OBJECTS_KEY
from app.storage.pg.derived import (
    ensure_group_roles,
    group_roles_sql,
    install_server_objects,
    statements_hash,
)
from app.storage.pg.server import (
    PasswordSource,
    ServerSettings,
    ServerUnavailable,
    link_status,
    make_server_engine,
)
from app.storage.session import WorkspaceSession

if TYPE_CHECKING:
    from sqlalchemy.engine import Engine

Workspace = Any
"""app.storage.workspace.Workspace (not imported: that module imports this one)."""
WorkspacePaths = Any

META_KEY_CHECK = "key_check"
SYNCED_TABLES: tuple[str, ...] = tuple(str(m.__tablename__) for m in SYNCED_MODELS)


def key_check(workspace_id: str, key: bytes) -> str:
    """A value that proves the key without revealing it."""
    return hmac.new(
        key, f"xunchadesk key check\x00{workspace_id}".encode(), hashlib.sha256
    ).hexdigest()


def _tables(conn: sa.Connection) -> set[str]:
    return {
        str(r[0])
        for r in conn.exec_driver_sql(
            "SELECT tablename FROM pg_tables WHERE schemaname = current_schema()"
        )
    }


def _meta(conn: sa.Connection) -> dict[str, str]:
    if "workspace_meta" not in _tables(conn):
        raise ForeignWorkspace("这个数据库不是巡察台工作区（缺少工作区信息）。")
    return {
        str(k): str(v) for k, v in conn.exec_driver_sql("SELECT key, value FROM workspace_meta")
    }


def _revision(conn: sa.Connection) -> str | None:
    if "alembic_version" not in _tables(conn):
        return None
    row = conn.exec_driver_sql("SELECT version_num FROM alembic_version").first()
    return None if row is None else str(row[0])


def _is_owner(conn: sa.Connection) -> bool:
    return bool(
        conn.exec_driver_sql(
            "SELECT pg_has_role(current_user, d.datdba, 'USAGE') FROM pg_database d "
            "WHERE d.datname = current_database()"
        ).scalar_one()
    )


def _check_database(conn: sa.Connection) -> None:
    encoding = conn.exec_driver_sql("SHOW server_encoding").scalar_one()
    if str(encoding).upper() not in ("UTF8", "UTF-8"):
        raise ServerUnavailable(
            f"数据库编码须为 UTF8（现为 {encoding}）：请用 -E UTF8 新建数据库。"
        )


def _install(engine: Engine) -> None:
    with engine.begin() as conn:
        missing = ensure_group_roles(conn)
        if missing:
            raise ServerUnavailable(
                "数据库用户不能新建角色：请管理员先运行 " + group_roles_sql() + "，再新建工作区。"
            )
        install_server_objects(conn, SYNCED_TABLES)


def build_on_server(
    paths: WorkspacePaths,
    server: ServerSettings,
    db_password: PasswordSource,
    *,
    team_name: str,
    leader: str,
    password: str,
    kind: WorkspaceKind,
    demo: bool,
) -> None:
    """Set up a new office in an empty database (or one at the program's schema and empty)."""
    if kind is not WorkspaceKind.OFFICE:
        raise WorkspaceExists("只有巡察办工作区可以放在数据库服务器上（巡察组始终用本机加密库）。")
    db_key = new_database_key()
    workspace_id = new_id()
    paths.backups.mkdir()
    engine = make_server_engine(server, db_password, db_key)
    try:
        with engine.connect() as conn:
            _check_database(conn)
            if not _is_owner(conn):
                raise ServerUnavailable(
                    "新建工作区须用数据库的所有者登录（见 README 的服务器设置）。"
                )
            tables = _tables(conn)
            revision = _revision(conn)
            if "workspace_meta" in tables:
                if conn.exec_driver_sql(
                    "SELECT count(*) FROM workspace_meta WHERE key = 'workspace_id'"
                ).scalar_one():
                    raise WorkspaceExists("这个数据库中已有巡察台工作区，不会覆盖。")
            elif tables - {"alembic_version"}:
                raise WorkspaceExists("数据库不是空的，不会在其中新建工作区：请新建一个空库。")
        if revision != migrate.head_revision():
            if revision is not None and revision not in migrate.known_revisions():
                raise NewerWorkspace("这个数据库由更新版本的巡察台创建，请先升级程序。")
            migrate.upgrade(engine)
        _install(engine)
        seed_workspace(
            engine,
            {
                META_WORKSPACE_ID: workspace_id,
                META_DEVICE_ID: new_id(),
                META_KIND: kind.value,
                META_CREATED_AT: utcnow().isoformat(),
                META_DEMO: "1" if demo else "0",
                META_KEY_CHECK: key_check(workspace_id, db_key),
            },
            team_name=team_name,
            leader=leader,
            kind=kind,
        )
    finally:
        engine.dispose()
    server.save(paths.server)
    keyfile = KeyFile(workspace_id=workspace_id)
    keyfile.add_user(leader, password, db_key)
    keyfile.save(paths.key)
    if os.name != "nt":
        for p in (paths.root, paths.backups):
            p.chmod(0o700)
        for p in (paths.key, paths.server):
            p.chmod(0o600)


def open_on_server(
    cls: Any,
    paths: WorkspacePaths,
    password: str,
    user: str | None,
    upgrade: bool,
    db_password: PasswordSource,
) -> Workspace:
    settings = ServerSettings.load(paths.server)
    keyfile = KeyFile.load(paths.key)
    db_key, tag = keyfile.unlock(password, user)
    from app.storage import errorlog

    errorlog.remember(paths.root, db_key)  # failures from here on go to its own log
    engine = make_server_engine(settings, db_password, db_key)
    try:
        with engine.connect() as conn:
            meta = _meta(conn)
            revision = _revision(conn)
            owner = _is_owner(conn)
        if meta.get(META_WORKSPACE_ID) != keyfile.workspace_id:
            raise ForeignWorkspace("密钥文件与数据库不属于同一个工作区。")
        if not hmac.compare_digest(
            meta.get(META_KEY_CHECK, ""), key_check(keyfile.workspace_id, db_key)
        ):
            raise ForeignWorkspace("密钥文件中的密钥与这个数据库不符。")
        head = migrate.head_revision()
        if revision != head and revision not in migrate.known_revisions():
            raise NewerWorkspace("这个工作区由更新版本的巡察台创建，请先升级程序。")
        if revision != head:
            if not upgrade:
                raise NewerWorkspace("工作区需要升级后才能打开。")
            if not owner:
                raise NewerWorkspace(
                    "数据库需要升级：请由数据库的所有者打开一次（升级前会先备份）。"
                )
            from app.storage.pg.backup import backup_server

            stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
            backup_server(
                engine, db_key, paths.backups / f"before-upgrade-{revision or 'none'}-{stamp}.xdpg"
            )
            migrate.upgrade(engine)
            _install(engine)
        elif owner and meta.get(OBJECTS_KEY) != statements_hash(SYNCED_TABLES):
            _install(engine)
        with WorkspaceSession(engine) as s:
            users = s.exec(select(User)).all()
            found = [u for u in users if user_tag(keyfile.workspace_id, u.username) == tag]
            if not found:
                raise DatabaseDamaged("密钥文件中的用户在数据库中不存在。")
            account = found[0]
            if account.retired_at is not None:
                raise WrongPassword("这个用户已被移除，不能再登录。")
            s.expunge(account)
        ws = cls(paths, engine, db_key, meta, account)
        ws.server_notice = link_status(engine).notice
        ws.db_password = db_password
    except BaseException:
        engine.dispose()
        raise
    return ws


def describe(ws: Workspace) -> dict[str, Any]:
    """Where the office's records are and how the link is carried (for ``server-info``)."""
    settings = ServerSettings.load(ws.paths.server)
    status = link_status(ws.engine)
    with ws.engine.connect() as conn:
        role = str(conn.exec_driver_sql("SELECT current_user").scalar_one())
        version = str(conn.exec_driver_sql("SHOW server_version").scalar_one())
    return {"address": settings.display(), "role": role, "server": version, "link": status.label}
