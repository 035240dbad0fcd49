"""An exclusive lock on a small file beside what it guards (POSIX ``flock``, Windows ``locking``).

Used where two processes must not interleave a read-modify-write of a plain file (the key file:
two ``passwd`` at once). The lock belongs to the open file: the system drops it when the process
ends, however it ends, so a crash never leaves a stale lock behind.
"""

from __future__ import annotations

import contextlib
import os
import sys
import time
from collections.abc import Iterator
from pathlib import Path

from app.storage.errors import WorkspaceError


class LockTimeout(WorkspaceError):
    """Another process held the lock for longer than this one would wait."""


def _try_lock(fd: int) -> bool:
    if sys.platform == "win32":  # pragma: no cover - exercised on Windows only
        import msvcrt

        try:
            msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
        except OSError:
            return False
        return True
    import fcntl

    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        return False
    return True


def _unlock(fd: int) -> None:
    if sys.platform == "win32":  # pragma: no cover - exercised on Windows only
        import msvcrt

        os.lseek(fd, 0, os.SEEK_SET)
        msvcrt.locking(fd, msvcrt.LK_UNLCK, 1)
        return
    import fcntl

    fcntl.flock(fd, fcntl.LOCK_UN)


@contextlib.contextmanager
def exclusive(path: Path, *, wait_s: float = 30.0, busy: str = "") -> Iterator[None]:
    """Hold an exclusive lock on ``path`` (created if missing), waiting up to ``wait_s``.

    Raises :class:`LockTimeout` with ``busy`` (one line of Chinese) when the wait runs out.
    """
    fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o600)
    try:
        deadline = time.monotonic() + wait_s
        while not _try_lock(fd):
            if time.monotonic() >= deadline:
                raise LockTimeout(busy or "另一个程序正在修改同一个文件，请稍后再试。")
            time.sleep(0.05)
        try:
            yield
        finally:
            _unlock(fd)
    finally:
        os.close(fd)
