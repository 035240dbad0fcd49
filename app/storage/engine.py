"""The engine factory: SQLCipher with a raw key, and the pragmas every connection needs."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
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
from app.storage.locks import BUSY_TIMEOUT_MS, WRITE_OPTION, DataChanged, LockPolicy, is_busy

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


_WRITE = re.compile(
    r"\s*(INSERT|UPDATE|DELETE|REPLACE|CREATE|DROP|ALTER|ANALYZE|VACUUM|REINDEX)\b", re.I
)
_WITH_WRITE = re.compile(r"\s*WITH\b.*\b(INSERT|UPDATE|DELETE|REPLACE)\b", re.I | re.S)
_TX_PRAGMA = re.compile(r"\s*PRAGMA\s+defer_foreign_keys\b", re.I)
_TX = "xuncha_tx"


def is_write(statement: str) -> bool:
    """Whether a statement needs the write lock (by its first keyword)."""
    return bool(_WRITE.match(statement) or _WITH_WRITE.match(statement))


@dataclass
class _Tx:
    """What one transaction has done so far (kept in the connection's ``info``)."""

    writing: bool = False
    data_version: int | None = None
    """``PRAGMA data_version`` when the first read took the snapshot (None: nothing read yet)."""
    pragmas: list[str] = field(default_factory=list)
    """Transaction-scoped pragmas run before the first write (replayed if it begins again)."""


def _dbapi(conn: sa.Connection) -> Any:
    return conn.connection.dbapi_connection


def _regain(policy: LockPolicy, raw: Any, tx: _Tx) -> None:
    """End the read-only transaction and begin again holding the write lock."""
    raw.execute("ROLLBACK")
    policy.begin_immediate(raw)
    if tx.data_version is not None:
        now = raw.execute("PRAGMA data_version").fetchone()[0]
        if now != tx.data_version:
            policy.withdraw()
            raw.execute("ROLLBACK")
            raise DataChanged("数据刚被另一个任务修改，本次操作未写入任何内容，请重试。")
    for pragma in tx.pragmas:
        raw.execute(pragma)


def _guard(policy: LockPolicy, statement: str, context: Any, run: Any) -> bool:
    """Run ``statement`` itself (True) when it is the transaction's first write; else False."""
    conn = context.root_connection
    tx = conn.info.get(_TX)
    if not isinstance(tx, _Tx) or tx.writing:
        return False
    raw = _dbapi(conn)
    if not is_write(statement):
        if _TX_PRAGMA.match(statement):
            tx.pragmas.append(statement)
        elif tx.data_version is None:  # this read takes the snapshot: remember its version
            tx.data_version = raw.execute("PRAGMA data_version").fetchone()[0]
        return False
    if tx.data_version is None:
        # nothing read yet: begin again holding the lock (waiting in slices, with a message;
        # a write here would sit in SQLite's own busy handler, silent and unbounded by us)
        _regain(policy, raw, tx)
        run()
    else:
        # a read snapshot is open: SQLite upgrades it at once or refuses at once (BUSY)
        try:
            run()
        except Exception as exc:
            if not is_busy(exc):
                raise
            _regain(policy, raw, tx)
            run()
        else:
            policy.publish()
    tx.writing = True
    return True


def _install_lock_hooks(engine: Engine, policy: LockPolicy) -> None:
    """Deferred transactions that take the write lock at their first write (see locks.py)."""

    @event.listens_for(engine, "begin")
    def _on_begin(conn: sa.Connection) -> None:
        tx = _Tx()
        conn.info[_TX] = tx
        if conn.get_execution_options().get(WRITE_OPTION):
            policy.begin_immediate(_dbapi(conn))
            tx.writing = True
        else:
            _dbapi(conn).execute("BEGIN")

    def _on_end(conn: sa.Connection) -> None:
        tx = conn.info.pop(_TX, None)
        if isinstance(tx, _Tx) and tx.writing:
            policy.withdraw()  # before COMMIT/ROLLBACK runs: we still hold the lock

    event.listen(engine, "commit", _on_end)
    event.listen(engine, "rollback", _on_end)

    @event.listens_for(engine, "do_execute")
    def _do_execute(cursor: Any, statement: str, parameters: Any, context: Any) -> bool:
        return _guard(policy, statement, context, lambda: cursor.execute(statement, parameters))

    @event.listens_for(engine, "do_executemany")
    def _do_executemany(cursor: Any, statement: str, parameters: Any, context: Any) -> bool:
        return _guard(policy, statement, context, lambda: cursor.executemany(statement, parameters))

    @event.listens_for(engine, "do_execute_no_params")
    def _do_execute_no_params(cursor: Any, statement: str, context: Any) -> bool:
        return _guard(policy, statement, context, lambda: cursor.execute(statement))


def make_engine(
    path: Path, key: bytes, *, create: bool = False, locks: LockPolicy | None = None
) -> Engine:
    """An SQLAlchemy engine over the encrypted database at ``path``.

    Connections are made by :func:`connect_raw`, so the key and pragmas are in place before
    SQLAlchemy sees the connection. SQLAlchemy's own transaction handling is replaced by an
    explicit deferred ``BEGIN``; the write lock is taken at the first write (or at the start,
    with the :data:`~app.storage.locks.WRITE_OPTION` execution option), see ``locks.py``.
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
        hide_parameters=True,  # a statement's values (names …) never in an error's text
    )

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_conn: Any, _record: Any) -> None:
        # the driver must not open transactions behind our back
        dbapi_conn.isolation_level = None

    _install_lock_hooks(engine, locks or LockPolicy(folder=path.parent, db_key=key))
    return engine
