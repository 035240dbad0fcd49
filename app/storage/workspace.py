"""The workspace: one folder with the encrypted database, its key file, media and backups.

    <folder>/
      workspace.db      SQLCipher database (raw 256-bit key)
      workspace.key     the database key, wrapped per user (see keyfile.py)
      media/            photos, encrypted, stored once per content
      backups/          automatic backups taken before an upgrade

Opening verifies, in order and without writing anything: the folder holds a workspace, the key file
is intact, the password unwraps the key, the key opens the database, and the database belongs to
the key file. Only then is an older schema upgraded (after a verified backup).
"""

from __future__ import annotations

import contextlib
import os
import shutil
import tempfile
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

import sqlcipher3
from sqlalchemy.engine import Engine
from sqlmodel import select

from app.domain.vocabulary import Role, WorkspaceKind
from app.storage import accounts, errorlog, migrate
from app.storage.derived import derived_current, ensure_derived
from app.storage.engine import connect_raw, make_engine
from app.storage.errors import (
    DatabaseDamaged,
    ForeignWorkspace,
    NewerWorkspace,
    WorkspaceExists,
    WorkspaceMissing,
    WrongPassword,
)
from app.storage.keyfile import KeyFile, new_database_key, user_tag
from app.storage.locks import WRITE_OPTION, LockPolicy
from app.storage.mediastore import MediaStore
from app.storage.models import SYNCED_MODELS, User, new_id, utcnow
from app.storage.paths import BACKUPS_DIR, DB_NAME, KEY_NAME, MEDIA_DIR, WorkspacePaths
from app.storage.session import ACTOR_KEY, Actor, WorkspaceSession

if TYPE_CHECKING:
    from app.storage.pg.server import PasswordSource, ServerSettings
    from app.storage.watch import ChangeWatcher

__all__ = [
    "BACKUPS_DIR",
    "DB_NAME",
    "KEY_NAME",
    "MEDIA_DIR",
    "Workspace",
    "WorkspacePaths",
]

from app.storage.meta import (
    META_CREATED_AT,
    META_DEMO,
    META_DEVICE_ID,
    META_KIND,
    META_WORKSPACE_ID,
    seed_workspace,
)

SYNCED_TABLES: tuple[str, ...] = tuple(str(m.__tablename__) for m in SYNCED_MODELS)


def _query(raw: Any, sql: str, what: str) -> list[Any]:
    """Run a read at open; a missing table means a foreign database, any other error damage."""
    try:
        return list(raw.execute(sql).fetchall())
    except sqlcipher3.DatabaseError as exc:
        if "no such table" in str(exc):
            raise ForeignWorkspace(f"这个数据库不是巡察台工作区（缺少{what}）。") from exc
        raise DatabaseDamaged(f"数据库已损坏，无法读取{what}：{exc}") from exc


def _read_meta(raw: Any) -> dict[str, str]:
    rows = _query(raw, "SELECT key, value FROM workspace_meta", "工作区信息")
    return {str(k): str(v) for k, v in rows}


class Workspace:
    """An open workspace. Use :meth:`create` or :meth:`open`; close it with :meth:`close`."""

    def __init__(
        self,
        paths: WorkspacePaths,
        engine: Engine,
        db_key: bytes,
        meta: dict[str, str],
        user: User,
        locks: LockPolicy | None = None,
    ) -> None:
        self.paths = paths
        self.engine = engine
        self.locks = locks or LockPolicy(folder=paths.root, db_key=db_key)
        """How this workspace waits for the write lock (``wait_s``, ``on_wait``)."""
        self.locks.user = user.username
        self._db_key = db_key
        self.workspace_id = meta[META_WORKSPACE_ID]
        self.device_id = meta[META_DEVICE_ID]
        self.kind = WorkspaceKind(meta[META_KIND])
        self.is_demo = meta.get(META_DEMO) == "1"
        self.user_id = user.id
        self.username = user.username
        self.role = user.role
        self.actor = Actor(username=user.username, device=self.device_id, user_id=user.id)
        self.server_notice: str | None = None
        """On a database server: one Chinese line when the link to it is not encrypted."""
        self.db_password: PasswordSource = None
        """On a database server: the password it was opened with (in memory only, to reopen)."""

    @property
    def on_server(self) -> bool:
        """Whether the records live on a database server (PostgreSQL), not in ``workspace.db``."""
        return self.engine.dialect.name != "sqlite"

    def media_store(self) -> MediaStore:
        """Where this workspace's photos are: ``media/``, or the server's ``media_blob`` table."""
        if self.on_server:
            from app.storage.pg.media import ServerMediaStore

            return ServerMediaStore(self.engine, self._db_key)
        return MediaStore(self.paths.media, self._db_key)

    # -- sessions -------------------------------------------------------------------------
    def session(self, *, write: bool = False) -> WorkspaceSession:
        """A new session that stamps and audits every write as this workspace's user.

        Reads take no lock; the write lock is taken at the first write. A job that reads and
        then writes a lot passes ``write=True``: the session takes the write lock now, waiting
        for another writer (see ``locks.py``), so what it reads cannot change under it.
        """
        s = WorkspaceSession(self.engine, expire_on_commit=False)
        s.info[ACTOR_KEY] = self.actor
        if write:
            try:
                s.connection(execution_options={WRITE_OPTION: True})
            except BaseException:
                s.close()
                raise
        return s

    @contextlib.contextmanager
    def raw_connection(self) -> Iterator[Any]:
        """A raw keyed DB-API connection (autocommit) for backup and checks."""
        conn = connect_raw(self.paths.db, self._db_key)
        try:
            yield conn
        finally:
            conn.close()

    def watcher(self) -> ChangeWatcher:
        """A watcher of what others change in this workspace (see :mod:`app.storage.watch`)."""
        from app.storage.watch import watch

        return watch(self.engine, lambda: connect_raw(self.paths.db, self._db_key))

    @property
    def db_key(self) -> bytes:
        return self._db_key

    def close(self) -> None:
        self.engine.dispose()

    def __enter__(self) -> Workspace:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- creating -------------------------------------------------------------------------
    @classmethod
    def create(
        cls,
        root: Path,
        *,
        team_name: str,
        leader: str,
        password: str,
        kind: WorkspaceKind = WorkspaceKind.TEAM,
        demo: bool = False,
        team_id: str | None = None,
        server: ServerSettings | None = None,
        db_password: PasswordSource = None,
    ) -> Workspace:
        """Make a new workspace in ``root`` (which must not exist or be empty) and open it.

        Everything is built in a temp folder beside ``root`` and renamed into place at the end,
        so a failure leaves nothing behind. With ``server`` (an office only) the records live in
        that PostgreSQL database; the folder keeps the key file and the connection settings.
        """
        root = root.expanduser().absolute()
        if root.exists() and (not root.is_dir() or any(root.iterdir())):
            if WorkspacePaths(root).has_workspace():
                raise WorkspaceExists(f"这里已有工作区，不会覆盖：{root}")
            raise WorkspaceExists(f"文件夹不是空的，不会在其中新建工作区：{root}")
        root.parent.mkdir(parents=True, exist_ok=True)
        staging = Path(tempfile.mkdtemp(prefix=f".{root.name}.creating-", dir=root.parent))
        try:
            if server is not None:
                from app.storage.pg.workspace import build_on_server

                build_on_server(
                    WorkspacePaths(staging),
                    server,
                    db_password,
                    team_name=team_name,
                    leader=leader,
                    password=password,
                    kind=kind,
                    demo=demo,
                )
            else:
                _build(
                    WorkspacePaths(staging),
                    team_name=team_name,
                    leader=leader,
                    password=password,
                    kind=kind,
                    demo=demo,
                    team_id=team_id,
                )
            if root.exists():
                root.rmdir()
            staging.rename(root)
        except BaseException:
            shutil.rmtree(staging, ignore_errors=True)
            raise
        return cls.open(root, password, leader, db_password=db_password)

    # -- opening --------------------------------------------------------------------------
    @classmethod
    def open(
        cls,
        root: Path,
        password: str,
        user: str | None = None,
        *,
        upgrade: bool = True,
        lock_wait: float | None = None,
        db_password: PasswordSource = None,
    ) -> Workspace:
        """Open the workspace in ``root`` for ``user`` (any user whose password it is, if None).

        Raises a :class:`~app.storage.errors.WorkspaceError` subclass, with nothing written, when
        the folder, key file, password or database is wrong. ``db_password`` is used only by an
        office on a database server (see :mod:`app.storage.pg.server`).
        """
        paths = WorkspacePaths(root.expanduser().absolute())
        if not paths.has_workspace():
            raise WorkspaceMissing(f"这里没有工作区：{paths.root}（请先新建工作区）")
        if not paths.key.exists():
            raise WorkspaceMissing(f"工作区缺少密钥文件 {KEY_NAME}：{paths.root}")
        if paths.server.exists():
            from app.storage.pg.workspace import open_on_server

            opened: Workspace = open_on_server(cls, paths, password, user, upgrade, db_password)
            return opened
        if not paths.db.exists():
            raise WorkspaceMissing(f"工作区缺少数据库文件 {DB_NAME}：{paths.root}")
        keyfile = KeyFile.load(paths.key)
        db_key, tag = keyfile.unlock(password, user)
        errorlog.remember(paths.root, db_key)  # failures from here on go to its own log

        raw = connect_raw(paths.db, db_key)
        try:
            meta = _read_meta(raw)
            if meta.get(META_WORKSPACE_ID) != keyfile.workspace_id:
                raise ForeignWorkspace("密钥文件与数据库不属于同一个工作区。")
            revision = _current_revision_raw(raw)
        finally:
            raw.close()

        head = migrate.head_revision()
        if revision != head and revision not in migrate.known_revisions():
            raise NewerWorkspace("这个工作区由更新版本的巡察台创建，请先升级程序。")

        locks = LockPolicy(folder=paths.root, db_key=db_key)
        if lock_wait is not None:
            locks.wait_s = lock_wait
        engine = make_engine(paths.db, db_key, locks=locks)
        try:
            if revision != head:
                if not upgrade:
                    raise NewerWorkspace("工作区需要升级后才能打开。")
                _backup_before_upgrade(paths, db_key, revision)
                migrate.upgrade(engine)
            _ensure_derived(engine)
            with WorkspaceSession(engine) as s:
                users = s.exec(select(User)).all()
                found = [u for u in users if user_tag(keyfile.workspace_id, u.username) == tag]
                if not found:
                    raise DatabaseDamaged("密钥文件中的用户在数据库中不存在。")
                account = found[0]
                if account.retired_at is not None:
                    raise WrongPassword("这个用户已被移除，不能再登录。")
                s.expunge(account)
        except BaseException:
            engine.dispose()
            raise
        return cls(paths, engine, db_key, meta, account, locks)

    # -- users (see accounts.py: every key-file change is serialised and re-read) ----------
    def change_password(self, username: str, old: str, new: str) -> None:
        """Re-wrap the database key for ``username``; the database itself is not re-encrypted."""
        accounts.change_password(self, username, old, new)

    def add_user(self, username: str, display_name: str, role: Role, password: str) -> User:
        """A new user with their own password (wrapped key) and row."""
        return accounts.add_login(self, username, display_name, role, password)


def _current_revision_raw(raw: Any) -> str | None:
    rows = _query(raw, "SELECT version_num FROM alembic_version", "版本信息")
    return str(rows[0][0]) if rows else None


def _ensure_derived(engine: Engine) -> None:
    """Re-create derived objects only when they are missing or old: opening writes nothing."""
    for write in (False, True):
        with engine.connect() as conn:
            if write:
                conn.execution_options(**{WRITE_OPTION: True})
            with conn.begin():
                cur = conn.connection.dbapi_connection.cursor()  # type: ignore[union-attr]
                try:
                    if not write and derived_current(cur, SYNCED_TABLES):
                        return
                    if write:
                        ensure_derived(cur, SYNCED_TABLES)
                finally:
                    cur.close()


def _backup_before_upgrade(paths: WorkspacePaths, db_key: bytes, revision: str | None) -> None:
    from app.storage.backup import backup_database

    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    out = paths.backups / f"before-upgrade-{revision or 'none'}-{stamp}.db"
    backup_database(paths.db, db_key, out)


def _build(
    paths: WorkspacePaths,
    *,
    team_name: str,
    leader: str,
    password: str,
    kind: WorkspaceKind,
    demo: bool,
    team_id: str | None = None,
) -> None:
    db_key = new_database_key()
    workspace_id = new_id()
    device_id = new_id()
    paths.media.mkdir()
    paths.backups.mkdir()
    engine = make_engine(paths.db, db_key, create=True)
    try:
        migrate.upgrade(engine)
        _ensure_derived(engine)
        seed_workspace(
            engine,
            {
                META_WORKSPACE_ID: workspace_id,
                META_DEVICE_ID: device_id,
                META_KIND: kind.value,
                META_CREATED_AT: utcnow().isoformat(),
                META_DEMO: "1" if demo else "0",
            },
            team_name=team_name,
            leader=leader,
            kind=kind,
            team_id=team_id,
        )
    finally:
        engine.dispose()
    keyfile = KeyFile(workspace_id=workspace_id)
    keyfile.add_user(leader, password, db_key)
    keyfile.save(paths.key)
    if os.name != "nt":
        for p in (paths.root, paths.media, paths.backups):
            p.chmod(0o700)
        for p in (paths.db, paths.key):
            p.chmod(0o600)
