"""The engine factory: SQLCipher with a raw key, and the pragmas every connection needs."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import sqlalchemy as sa
import sqlcipher3
from sqlalchemy import event
from sqlalchemy.engine import Engine
from sqlalchemy.pool import QueuePool

from app.storage.errors import DatabaseDamaged, WorkspaceError
from app.storage.failures import (
    LOW_SPACE_BYTES,
    DiskFull,
    WorkspaceBusy,
    busy_message,
    disk_full_message,
    free_bytes,
    sqlite_name,
)

BUSY_TIMEOUT_MS = 10_000

CONNECTION_PRAGMAS: tuple[tuple[str, str], ...] = (
    ("foreign_keys", "ON"),
    ("journal_mode", "WAL"),
    ("synchronous", "FULL"),
    ("busy_timeout", str(BUSY_TIMEOUT_MS)),
    ("temp_store", "MEMORY"),
)
"""Applied, in this order, right after the key on every connection."""


def key_pragma(key: bytes) -> str:
    """The statement that keys a connection with a raw 256-bit key (no KDF at open)."""
    return f"PRAGMA key = \"x'{key.hex()}'\""


def configure_connection(dbapi_conn: Any, key: bytes, *, wal: bool = True) -> None:
    """Key a raw sqlcipher3 connection and apply :data:`CONNECTION_PRAGMAS`.

    Reading the schema right after keying makes a wrong key or a damaged file fail here, before
    any pragma that could write (journal_mode) runs.
    """
    cur = dbapi_conn.cursor()
    try:
        # SQLCipher's own log would print decryption errors to stderr: we report them ourselves
        cur.execute("PRAGMA cipher_log_level = NONE")
        cur.execute(key_pragma(key))
        cur.execute("SELECT count(*) FROM sqlite_schema").fetchone()
        for name, value in CONNECTION_PRAGMAS:
            if name == "journal_mode" and not wal:
                value = "DELETE"
            cur.execute(f"PRAGMA {name} = {value}")
    finally:
        cur.close()


def connect_raw(path: Path, key: bytes, *, create: bool = False, wal: bool = True) -> Any:
    """A raw sqlcipher3 connection, keyed and configured (for backup and checks).

    Without ``create`` a missing file is refused rather than created.
    """
    mode = "rwc" if create else "rw"
    uri = f"{path.resolve().as_uri()}?mode={mode}"
    try:
        conn = sqlcipher3.connect(uri, uri=True, isolation_level=None, check_same_thread=False)
    except sqlcipher3.Error as exc:
        raise DatabaseDamaged(f"无法打开数据库文件：{exc}") from exc
    try:
        configure_connection(conn, key, wal=wal)
    except sqlcipher3.DatabaseError as exc:
        conn.close()
        raise _open_failure(path, exc) from exc
    return conn


def _open_failure(path: Path, exc: sqlcipher3.DatabaseError) -> WorkspaceError:
    """What keeps a database from opening, said truly: a full disk (SQLite cannot make its
    WAL index) or a lock is not a damaged file."""
    name = sqlite_name(exc)
    low = (free_bytes(path) or 0) < LOW_SPACE_BYTES
    if name.startswith("SQLITE_FULL") or (name.startswith("SQLITE_IOERR") and low):
        return DiskFull(disk_full_message(path.parent))
    if name.startswith(("SQLITE_BUSY", "SQLITE_LOCKED")):
        return WorkspaceBusy(busy_message())
    if name.startswith(("SQLITE_IOERR", "SQLITE_CANTOPEN", "SQLITE_READONLY", "SQLITE_PERM")):
        return DatabaseDamaged(
            "无法读取数据库文件（磁盘 I/O 错误）：请检查磁盘或 U 盘，以及文件夹的权限。"
        )
    return DatabaseDamaged("数据库无法解密：数据库文件已损坏，或密钥文件不属于这个工作区。")


def make_engine(path: Path, key: bytes, *, create: bool = False) -> Engine:
    """An SQLAlchemy engine over the encrypted database at ``path``.

    Connections are made by :func:`connect_raw`, so the key and pragmas are in place before
    SQLAlchemy sees the connection. SQLAlchemy's own transaction handling is replaced by an
    explicit ``BEGIN`` so that SQLite's locking follows the ORM's transactions exactly.
    """

    def creator() -> Any:
        return connect_raw(path, key, create=create)

    # The plain pysqlite dialect over the sqlcipher3 module: its exceptions map to SQLAlchemy's,
    # and no URL passphrase pragma runs after our raw key.
    engine = sa.create_engine(
        "sqlite://",
        module=sqlcipher3,
        creator=creator,
        poolclass=QueuePool,
        pool_size=2,
        max_overflow=2,
        pool_pre_ping=False,
    )

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_conn: Any, _record: Any) -> None:
        # the driver must not open transactions behind our back
        dbapi_conn.isolation_level = None

    @event.listens_for(engine, "begin")
    def _on_begin(conn: sa.Connection) -> None:
        conn.exec_driver_sql("BEGIN IMMEDIATE")

    return engine
