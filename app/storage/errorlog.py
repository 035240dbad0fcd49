"""The workspace's own error log: encrypted, append-only, in the workspace folder.

``<workspace>/logs/errors.xlog`` holds one record per failure a user was told about: when, which
command, the line shown, and the *kind* of the error (its classes, SQLite's error name, the OS
error number, the module/function/line it came from — never an exception's message, which may
carry SQL parameters; see :func:`app.storage.failures.kind_of`).

Format: ``b"XDL1"`` and 12 random bytes, then records ``u32 length | nonce (12) | AES-256-GCM``
of the record's JSON, under a key derived (HKDF-SHA256) from the database key. Each record's
associated data is the previous record's tag (the file's random head for the first), so a record
removed, moved or altered breaks the chain: the reader stops there and says so. Writers lock the
file while appending; a torn last record (a crash mid-write) is wiped before the next append.
The file keeps a reserve of zeroed space after its last record (made when the workspace opens,
renewed as it fills), which records are written into: a disk with no byte free still takes the
entry that says so. Nothing in the file is readable without the workspace's key.

A process learns the workspace it works on when one is opened (:func:`remember`, called with the
key right after it is unwrapped), so a failure even while opening the database is logged.
"""

from __future__ import annotations

import contextlib
import json
import logging
import os
import secrets
import struct
import threading
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from app.domain.errors import UserError
from app.files import try_lock
from app.storage.errors import WorkspaceError
from app.storage.failures import describe, kind_of

LOG_DIR = "logs"
LOG_NAME = "errors.xlog"
MAGIC = b"XDL1"
_HEAD = len(MAGIC) + 12
_LEN = struct.Struct(">I")
_NONCE = 12
_TAG = 16
MAX_RECORD = 16 * 1024
RESERVE = 128 * 1024


def log_path(root: Path) -> Path:
    return root / LOG_DIR / LOG_NAME


def _key(db_key: bytes) -> bytes:
    return HKDF(
        algorithm=hashes.SHA256(), length=32, salt=None, info=b"xunchadesk error log v1"
    ).derive(db_key)


@dataclass(frozen=True)
class _Target:
    root: Path
    key: bytes


_lock = threading.Lock()
_target: _Target | None = None


def remember(root: Path, db_key: bytes) -> None:
    """This process now works on the workspace in ``root``: failures go to its log (made now,
    with its reserve, if the workspace has none yet)."""
    global _target
    _target = _Target(root.expanduser().absolute(), _key(db_key))
    path = log_path(_target.root)
    if not path.exists():
        with contextlib.suppress(OSError):
            path.parent.mkdir(exist_ok=True)
            fd = os.open(path, os.O_RDWR | os.O_CREAT | os.O_EXCL, 0o600)
            with os.fdopen(fd, "r+b") as fh:
                fh.write(MAGIC + secrets.token_bytes(12))
                _reserve(fh)


def forget() -> None:
    global _target
    _target = None


def current_root() -> Path | None:
    return None if _target is None else _target.root


def _reserve(fh: Any) -> None:
    """Zeroed space after the end of the file for records to come (best effort)."""
    size = os.fstat(fh.fileno()).st_size
    try:
        os.posix_fallocate(fh.fileno(), size, RESERVE)
    except (AttributeError, OSError):
        with contextlib.suppress(OSError):
            fh.seek(size)
            fh.write(bytes(RESERVE))
    with contextlib.suppress(OSError):
        fh.flush()
        os.fsync(fh.fileno())


def _records(raw: bytes, key: bytes) -> tuple[list[dict[str, Any]], int, bytes, bool]:
    """Decrypted records, the offset after the last good one, its tag, and whether the file
    ends cleanly there (nothing after it but the zeroed reserve)."""
    if len(raw) < _HEAD or not raw.startswith(MAGIC):
        return [], 0, b"", False
    aead = AESGCM(key)
    pos, prev = _HEAD, raw[:_HEAD]
    out: list[dict[str, Any]] = []
    while pos + _LEN.size <= len(raw):
        (n,) = _LEN.unpack_from(raw, pos)
        end = pos + _LEN.size + n
        if n < _NONCE + _TAG or n > MAX_RECORD or end > len(raw):
            break
        body = raw[pos + _LEN.size : end]
        try:
            plain = aead.decrypt(body[:_NONCE], body[_NONCE:], b"xunchadesk log v1\x00" + prev)
            out.append(json.loads(plain.decode("utf-8")))
        except (InvalidTag, ValueError):
            break
        prev, pos = body[-_TAG:], end
    return out, pos, prev, not raw[pos:].strip(b"\0")


def append(root: Path, key: bytes, record: dict[str, Any]) -> None:
    """Append ``record`` (sealed) to the log of the workspace in ``root``."""
    path = log_path(root)
    path.parent.mkdir(parents=True, exist_ok=True)
    plain = json.dumps(record, ensure_ascii=False, sort_keys=True).encode("utf-8")
    if len(plain) > MAX_RECORD - 64:  # never in practice: messages are one line, frames few
        small = {k: record.get(k) for k in ("at", "command", "types")}
        plain = json.dumps(dict(small, truncated=True), ensure_ascii=False).encode("utf-8")
    fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o600)
    with os.fdopen(fd, "r+b") as fh:
        try_lock(fh, wait=True)
        raw = fh.read()
        if len(raw) < _HEAD or not raw.startswith(MAGIC):
            head = MAGIC + secrets.token_bytes(12)
            fh.seek(0)
            fh.truncate()
            fh.write(head)
            raw, end, prev = head, _HEAD, head
        else:
            _, end, prev, _clean = _records(raw, key)
            if end == 0:
                end, prev = _HEAD, raw[:_HEAD]
        nonce = secrets.token_bytes(_NONCE)
        sealed = AESGCM(key).encrypt(nonce, plain, b"xunchadesk log v1\x00" + prev)
        out = _LEN.pack(len(sealed) + _NONCE) + nonce + sealed
        tail = raw[end:]
        if tail.strip(b"\0"):  # a torn record (a crash while writing): wipe it
            fh.seek(end)
            fh.write(bytes(len(tail)))
        fh.seek(end)
        fh.write(out)  # into the reserve where there is one: no new space needed
        fh.flush()
        os.fsync(fh.fileno())
        if len(raw) - end - len(out) < RESERVE // 2:
            _reserve(fh)


def log_failure(line: str, exc: BaseException | None, *, command: str = "") -> bool:
    """Record a failure the user was told about in the current workspace's log. Never raises
    (a full disk may refuse this too): returns whether it was written."""
    target = _target
    if target is None:
        return False
    record: dict[str, Any] = {
        "at": datetime.now(UTC).isoformat(timespec="seconds"),
        "command": command,
        "message": line,
        "pid": os.getpid(),
    }
    if exc is not None:
        record.update(kind_of(exc))
    try:
        with _lock:
            append(target.root, target.key, record)
        return True
    except Exception:
        return False


@dataclass(frozen=True)
class LogContents:
    records: list[dict[str, Any]]
    complete: bool
    """False when the file ends in something that is not a valid next record."""


def read_log(root: Path, db_key: bytes) -> LogContents:
    path = log_path(root)
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        return LogContents([], True)
    records, _end, _prev, clean = _records(raw, _key(db_key))
    return LogContents(records, clean)


class Failure(WorkspaceError):
    """A failure told to the user in one line (:func:`app.storage.failures.describe`)."""


def for_user(exc: BaseException, *, command: str = "window") -> BaseException:
    """What the window may show of ``exc``: a refusal (:class:`UserError`) as it is worded;
    anything else — a database, file or internal error, whose message may carry data — as a
    :class:`Failure` with one line of Chinese. Either is written to the workspace's log."""
    if isinstance(exc, UserError):
        log_failure(str(exc), exc, command=command)
        return exc
    line = describe(exc, current_root())
    log_failure(line, exc, command=command)
    failure = Failure(line)
    failure.__cause__ = exc
    return failure


class _LogHandler(logging.Handler):
    """The program's own log records (a defect's traceback …) into the encrypted error log: the
    record's own text (the program's words) and the kind of its exception, never the
    exception's message."""

    def emit(self, record: logging.LogRecord) -> None:
        exc = record.exc_info[1] if record.exc_info else None
        with contextlib.suppress(Exception):
            log_failure(record.getMessage()[:500], exc, command=record.name)


def install_logging() -> None:
    """Send the program's log records (warnings and worse) to the workspace's error log and
    nowhere else: Python's fallback would print them, with tracebacks, on stderr."""
    root = logging.getLogger()
    if not any(isinstance(h, _LogHandler) for h in root.handlers):
        handler = _LogHandler(logging.WARNING)
        root.addHandler(handler)
