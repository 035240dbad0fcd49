"""The write lock: reads never take it, writers wait for it and say who holds it.

SQLite (WAL) lets any number of readers work beside one writer. A transaction here starts as a
plain deferred ``BEGIN``: it reads from a snapshot and takes no lock. The write lock is taken
only when the transaction's first write statement runs (see the hooks in ``engine.py``):

- in place, when nobody else writes and the snapshot is still the newest (the usual case);
- otherwise the (so far read-only) transaction is ended and begun again with ``BEGIN IMMEDIATE``,
  waiting for the other writer up to :attr:`LockPolicy.wait_s`. ``PRAGMA data_version`` taken
  at the first read tells whether another connection committed since: if it did, what this
  transaction read may be stale, so it is refused with :class:`DataChanged` (nothing written)
  rather than writing on top of old reads. Serialisable, never a lost update.

A job that reads and then writes a lot (an import, a merge, triage) asks for the lock at its
start (``Workspace.session(write=True)``), so it waits instead of being refused.

Whoever holds the write lock leaves a note beside the database (``.writer``: who, which job,
since when, which process; encrypted under a key derived from the database key, because user
names are never stored in the clear). A writer that has to wait reads it, so a busy database
says "李明 于 14:02 开始的「导入同步包」" instead of a traceback. The note is removed before the
transaction ends; one left by a killed process is ignored once that process is gone.
"""

from __future__ import annotations

import contextlib
import json
import os
import secrets
import socket
import time
from collections.abc import Callable, Iterator
from contextvars import ContextVar
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from app.storage.errors import WorkspaceError

LOCK_WAIT_S = 60.0
"""How long a writer waits for another writer by default (the command line can shorten it)."""
BUSY_TIMEOUT_MS = 10_000
"""SQLite's own busy timeout for all but taking the write lock (WAL recovery, checkpoints)."""
WAIT_SLICE_S = 0.5
WRITER_NOTE = ".writer"
WRITE_OPTION = "xuncha_write"
"""Connection execution option: begin with the write lock (``BEGIN IMMEDIATE``, waiting)."""

_NOTE_MAGIC = b"XDW1"
_job: ContextVar[str] = ContextVar("xuncha_job", default="")


class DatabaseBusy(WorkspaceError):
    """Another process held the write lock longer than this one would wait."""


class DataChanged(WorkspaceError):
    """Another process committed between this transaction's reads and its first write."""


@contextlib.contextmanager
def job(label: str) -> Iterator[None]:
    """Name the job whose writes follow (shown to whoever has to wait for them)."""
    token = _job.set(label)
    try:
        yield
    finally:
        _job.reset(token)


def current_job() -> str:
    return _job.get()


@dataclass(frozen=True)
class Holder:
    """Who holds the write lock, as the holder's note says."""

    user: str
    job: str
    since: datetime
    pid: int
    host: str

    def describe(self) -> str:
        what = f"「{self.job}」" if self.job else "写入"
        who = self.user or "另一个用户"
        return f"{who} {self.since:%H:%M} 开始的{what}"


def _alive(pid: int) -> bool:
    if os.name == "nt":  # pragma: no cover - no cheap check; trust the note
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # pragma: no cover - another user's process
        return True
    return True


@dataclass
class LockPolicy:
    """How one workspace's connections take the write lock, and what they tell a waiting user."""

    folder: Path
    db_key: bytes
    wait_s: float = LOCK_WAIT_S
    user: str = ""
    on_wait: Callable[[str], None] | None = None
    """Called once (from the waiting thread) when a writer starts to wait, with one line."""
    _note_key: bytes = field(default=b"", repr=False)

    def _key(self) -> bytes:
        if not self._note_key:
            self._note_key = HKDF(
                algorithm=hashes.SHA256(), length=32, salt=None, info=b"xunchadesk writer v1"
            ).derive(self.db_key)
        return self._note_key

    @property
    def note_path(self) -> Path:
        return self.folder / WRITER_NOTE

    # -- the holder's note ------------------------------------------------------------------
    def publish(self) -> None:
        """Leave the note (best effort: a note that cannot be written only makes waiting vaguer)."""
        doc = {
            "user": self.user,
            "job": current_job(),
            "since": datetime.now().isoformat(timespec="seconds"),
            "pid": os.getpid(),
            "host": socket.gethostname(),
        }
        nonce = secrets.token_bytes(12)
        sealed = AESGCM(self._key()).encrypt(nonce, json.dumps(doc).encode("utf-8"), _NOTE_MAGIC)
        tmp = self.folder / f"{WRITER_NOTE}.{os.getpid()}.tmp"
        with contextlib.suppress(OSError):
            tmp.write_bytes(_NOTE_MAGIC + nonce + sealed)
            tmp.replace(self.note_path)

    def withdraw(self) -> None:
        with contextlib.suppress(OSError):
            self.note_path.unlink()

    def holder(self) -> Holder | None:
        """The holder's note, or None (no note, unreadable, or its process is gone)."""
        try:
            raw = self.note_path.read_bytes()
        except OSError:
            return None
        if not raw.startswith(_NOTE_MAGIC) or len(raw) < len(_NOTE_MAGIC) + 12 + 16:
            return None
        body = raw[len(_NOTE_MAGIC) :]
        try:
            doc: dict[str, Any] = json.loads(
                AESGCM(self._key()).decrypt(body[:12], body[12:], _NOTE_MAGIC)
            )
            found = Holder(
                user=str(doc["user"]),
                job=str(doc["job"]),
                since=datetime.fromisoformat(str(doc["since"])),
                pid=int(doc["pid"]),
                host=str(doc["host"]),
            )
        except (InvalidTag, ValueError, KeyError, TypeError):
            return None
        if found.host == socket.gethostname() and not _alive(found.pid):
            return None
        return found

    # -- messages ---------------------------------------------------------------------------
    def _who(self) -> str:
        found = self.holder()
        return "另一个程序正在写入" if found is None else found.describe()

    def waiting_message(self) -> str:
        return f"数据库正被占用（{self._who()}），正在等待它完成…"

    def busy_message(self) -> str:
        return f"数据库正被占用（{self._who()}），请等它完成后再试。"

    # -- taking the lock --------------------------------------------------------------------
    def begin_immediate(self, dbapi_conn: Any) -> None:
        """``BEGIN IMMEDIATE`` on a raw connection, waiting up to :attr:`wait_s`; then the note.

        Raises :class:`DatabaseBusy` (nothing begun) when the wait runs out.
        """
        deadline = time.monotonic() + max(0.0, self.wait_s)
        told = False
        try:
            while True:
                left = deadline - time.monotonic()
                slice_ms = max(1, int(min(WAIT_SLICE_S, max(left, 0.0)) * 1000))
                dbapi_conn.execute(f"PRAGMA busy_timeout = {slice_ms}")
                try:
                    dbapi_conn.execute("BEGIN IMMEDIATE")
                    break
                except Exception as exc:
                    if not is_busy(exc):
                        raise
                if time.monotonic() >= deadline:
                    raise DatabaseBusy(self.busy_message())
                if not told and self.on_wait is not None:
                    told = True
                    self.on_wait(self.waiting_message())
        finally:
            dbapi_conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        self.publish()


def is_busy(exc: BaseException) -> bool:
    """Whether a driver error says the database is locked by another connection."""
    code = getattr(exc, "sqlite_errorcode", None)
    if code is not None:
        return int(code) & 0xFF == 5  # SQLITE_BUSY and its extended codes
    return "database is locked" in str(exc)
