"""Durable file writes: a temp file in the same folder, flushed and synced, then renamed (and the
folder synced, so the rename survives a power cut). Every file the program writes goes through
here."""

from __future__ import annotations

import contextlib
import errno
import os
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO


def fsync_dir(folder: Path) -> None:
    """Make a rename inside ``folder`` durable (a no-op where directories cannot be opened)."""
    if os.name == "nt":  # pragma: no cover - Windows has no directory fsync
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


@contextlib.contextmanager
def atomic_path(final: Path) -> Iterator[Path]:
    """Yield a temp path beside ``final``; on success it is synced and renamed to ``final``.

    On any exception the temp file is removed and ``final`` is untouched, so a partial file never
    stands under the final name.
    """
    final.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp_name = tempfile.mkstemp(prefix=f".{final.name}.", suffix=".part", dir=final.parent)
    os.close(fd)
    tmp = Path(tmp_name)
    try:
        yield tmp
        with tmp.open("rb+") as fh:
            os.fsync(fh.fileno())
        tmp.replace(final)
        fsync_dir(final.parent)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            tmp.unlink()
        raise


def atomic_write_bytes(final: Path, data: bytes) -> None:
    """Write ``data`` to ``final`` durably and atomically."""
    with atomic_path(final) as tmp:
        tmp.write_bytes(data)


def _link_fd(fd: int, final: Path) -> bool:
    """Give the unnamed file ``fd`` (opened with O_TMPFILE) the name ``final``; False when this
    system cannot (the caller then writes a named temp file instead). An existing ``final`` is
    left as it is."""
    try:
        os.link(f"/proc/self/fd/{fd}", final, follow_symlinks=True)
        return True
    except FileExistsError:
        return True
    except OSError:
        pass
    try:  # where /proc links are refused: linkat(fd, "", AT_EMPTY_PATH)
        import ctypes

        libc = ctypes.CDLL(None, use_errno=True)
        at_fdcwd, at_empty_path = -100, 0x1000
        if libc.linkat(fd, b"", at_fdcwd, os.fsencode(final), at_empty_path) == 0:
            return True
        return ctypes.get_errno() == errno.EEXIST
    except (OSError, AttributeError):
        return False


def write_new_file(final: Path, data: bytes) -> None:
    """Write ``data`` to ``final`` durably, never leaving a partial file behind, not even after a
    kill: where the system allows it the bytes go to an unnamed file (O_TMPFILE) that gets its name
    only once complete and synced; elsewhere through a named temp file (:func:`atomic_path`).
    The caller syncs the folder (:func:`fsync_dir`) once for many files."""
    final.parent.mkdir(parents=True, exist_ok=True)
    flag = getattr(os, "O_TMPFILE", 0)
    if flag:
        try:
            fd = os.open(final.parent, flag | os.O_WRONLY, 0o600)
        except OSError:
            fd = -1
        if fd >= 0:
            try:
                view = memoryview(data)
                while view:
                    view = view[os.write(fd, view) :]
                os.fsync(fd)
                if _link_fd(fd, final):
                    return
            finally:
                os.close(fd)
    with atomic_path(final) as tmp:
        tmp.write_bytes(data)


def try_lock(fh: BinaryIO, *, wait: bool = False) -> bool:
    """Lock the open file ``fh`` for this process (released when it closes, or when the process
    dies); False when another process holds it and ``wait`` is not set."""
    if sys.platform == "win32":  # pragma: no cover - Windows
        import msvcrt

        mode = msvcrt.LK_LOCK if wait else msvcrt.LK_NBLCK
        try:
            msvcrt.locking(fh.fileno(), mode, 1)
            return True
        except OSError:
            return False
    import fcntl

    try:
        fcntl.flock(fh.fileno(), fcntl.LOCK_EX | (0 if wait else fcntl.LOCK_NB))
        return True
    except BlockingIOError:
        return False
