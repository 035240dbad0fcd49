"""Photos at rest: encrypted, content-addressed, written atomically, stored once.

A file's name is a keyed hash of its content (so equal photos share one file, and a name says
nothing about the photo to whoever finds the laptop); its bytes are ``MAGIC + nonce + AES-256-GCM``
under a key derived from the database key, with the name as associated data (a file renamed onto
another name does not decrypt).

Photos that arrive with a sync bundle are written only once the bundle is accepted, inside its
import transaction, each as an unnamed file that gets its name when complete
(:func:`~app.files.write_new_file`). Before naming any, the import lists them in a journal
(``media/.import-<bundle>.journal``) that it holds locked until it has committed; a journal whose
import died (its lock is free) names the files an import added but never committed, which
:meth:`MediaStore.recover` removes unless a row refers to them — the way SQLite rolls back a hot
journal. :meth:`MediaStore.orphans` lists stored files no row refers to, :meth:`MediaStore.strays`
temp files nobody is writing any more.
"""

from __future__ import annotations

import contextlib
import hashlib
import hmac
import os
import re
import secrets
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any, BinaryIO

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from app.files import atomic_write_bytes, fsync_dir, try_lock, write_new_file
from app.storage.errors import WorkspaceError

MAGIC = b"XDM1"
NONCE_BYTES = 12
JOURNAL_HEAD = b"xunchadesk media import journal v1\n"
STRAY_AFTER_SECONDS = 15 * 60
"""A temp file untouched this long is left over from a job that died, not one being written."""
_NAME = re.compile(r"[0-9a-f]{40}")


class MediaDamaged(WorkspaceError):
    """A stored photo is missing or fails its authentication."""


@dataclass(frozen=True)
class StoredBlob:
    sha256: str
    name: str
    size_bytes: int
    created: bool


class MediaStore:
    def __init__(self, folder: Path, db_key: bytes) -> None:
        self.folder = folder
        self._key = HKDF(
            algorithm=hashes.SHA256(), length=64, salt=None, info=b"xunchadesk media v1"
        ).derive(db_key)

    def name_for(self, sha256: str) -> str:
        return hmac.new(self._key[32:], sha256.encode("ascii"), hashlib.sha256).hexdigest()[:40]

    def path_for(self, name: str) -> Path:
        return self.folder / name[:2] / f"{name}.bin"

    def exists(self, name: str) -> bool:
        return self.path_for(name).exists()

    def existing(self, names: list[str]) -> set[str]:
        """Which of ``names`` are stored."""
        return {n for n in names if self.exists(n)}

    def put(self, data: bytes) -> StoredBlob:
        """Store ``data`` (once: an equal blob already stored is kept as it is)."""
        sha = hashlib.sha256(data).hexdigest()
        name = self.name_for(sha)
        path = self.path_for(name)
        if path.exists():
            return StoredBlob(sha256=sha, name=name, size_bytes=len(data), created=False)
        nonce = secrets.token_bytes(NONCE_BYTES)
        sealed = AESGCM(self._key[:32]).encrypt(nonce, data, name.encode("ascii"))
        atomic_write_bytes(path, MAGIC + nonce + sealed)
        return StoredBlob(sha256=sha, name=name, size_bytes=len(data), created=True)

    def sealed(self, data: bytes | bytearray) -> tuple[str, bytes]:
        """The stored name and the sealed bytes of ``data``."""
        name = self.name_for(hashlib.sha256(data).hexdigest())
        nonce = secrets.token_bytes(NONCE_BYTES)
        sealed = AESGCM(self._key[:32]).encrypt(nonce, data, name.encode("ascii"))
        return name, MAGIC + nonce + sealed

    def put_new(self, data: bytes | bytearray) -> str:
        """Store ``data`` without ever leaving a partial file (see the module docstring); the
        caller syncs the folders (:meth:`sync_folders`). Returns the stored name."""
        name, sealed = self.sealed(data)
        path = self.path_for(name)
        if not path.exists():
            write_new_file(path, sealed)
        return name

    def sync_folders(self, names: Iterable[str]) -> None:
        for folder in sorted({self.path_for(n).parent for n in names}):
            fsync_dir(folder)
        if self.folder.exists():
            fsync_dir(self.folder)

    # -- imports: a journal of what an import adds, until it commits --------------------------
    @contextlib.contextmanager
    def import_journal(self, bundle_id: str, names: list[str]) -> Iterator[None]:
        """Around writing ``names`` for an import: list them in a locked journal first; the
        journal goes when the block ends without error (the import committed). After an error
        the journal stays, unlocked, and :meth:`recover` undoes it."""
        self.folder.mkdir(parents=True, exist_ok=True)
        path = self.folder / f".import-{bundle_id}.journal"
        fh = path.open("wb")
        try:
            try_lock(fh, wait=True)
            fh.write(JOURNAL_HEAD + "".join(f"{n}\n" for n in names).encode("ascii"))
            fh.flush()
            os.fsync(fh.fileno())
            fsync_dir(self.folder)
            yield
            path.unlink()
        finally:
            fh.close()

    def discard_import(self, bundle_id: str, names: list[str]) -> None:
        """After an import failed: remove the files it just added, and its journal."""
        for name in names:
            self.path_for(name).unlink(missing_ok=True)
        (self.folder / f".import-{bundle_id}.journal").unlink(missing_ok=True)

    def recover(self, referenced: Callable[[list[str]], set[str]]) -> list[str]:
        """Undo imports that died before they committed: remove the files their journals list that
        no row refers to (``referenced`` says which of some names a row names). Journals still
        locked by a running import are left alone. Returns the names removed."""
        removed: list[str] = []
        for journal in sorted(self.folder.glob(".import-*.journal")):
            try:
                fh: BinaryIO = journal.open("rb+")
            except OSError:
                continue
            with fh:
                if not try_lock(fh):
                    continue  # an import is running
                raw = fh.read()
                names = [
                    n for n in raw.decode("ascii", "replace").splitlines()[1:] if _NAME.fullmatch(n)
                ]
                keep = referenced(names) if names else set()
                for name in names:
                    path = self.path_for(name)
                    for part in path.parent.glob(f".{path.name}.*.part"):
                        part.unlink(missing_ok=True)
                    if name not in keep and path.exists():
                        path.unlink()
                        removed.append(name)
                journal.unlink()
        return removed

    # -- what check reports ----------------------------------------------------------------------
    def stored_names(self) -> Iterator[str]:
        if not self.folder.exists():
            return
        for path in self.folder.glob("??/*.bin"):
            if _NAME.fullmatch(path.stem) and path.parent.name == path.stem[:2]:
                yield path.stem

    def orphans(self, referenced: Callable[[list[str]], set[str]]) -> list[str]:
        """Stored files no row refers to."""
        names = sorted(self.stored_names())
        keep: set[str] = set()
        for i in range(0, len(names), 500):
            keep |= referenced(names[i : i + 500])
        return [n for n in names if n not in keep]

    def strays(self, now: float | None = None) -> list[Path]:
        """Files in the media folder that are neither a stored photo nor a running import's journal:
        temp files (``.part``) not touched for a while, dead journals, anything else."""
        if not self.folder.exists():
            return []
        now = time.time() if now is None else now
        out: list[Path] = []
        for path in sorted(self.folder.rglob("*")):
            if path.is_dir():
                continue
            rel = path.relative_to(self.folder)
            if len(rel.parts) == 2 and _NAME.fullmatch(path.stem) and path.suffix == ".bin":
                continue
            if path.name.endswith(".part") and now - path.stat().st_mtime < STRAY_AFTER_SECONDS:
                continue  # being written
            if path.name.startswith(".import-") and path.suffix == ".journal":
                with path.open("rb") as fh:
                    if not try_lock(fh):
                        continue  # a running import
            out.append(path)
        return out

    def plain_size(self, name: str) -> int:
        """The size of the photo stored under ``name`` without reading it (its file's size less
        the magic, nonce and tag)."""
        try:  # os.stat of the path as text: an export asks this of every photo
            size = os.stat(f"{self.folder}{os.sep}{name[:2]}{os.sep}{name}.bin").st_size  # noqa: PTH116
        except FileNotFoundError as exc:
            raise MediaDamaged(f"照片文件不存在：{name}") from exc
        overhead = len(MAGIC) + NONCE_BYTES + 16
        if size < overhead:
            raise MediaDamaged(f"照片文件已损坏：{name}")
        return size - overhead

    def get(self, name: str) -> bytes:
        path = self.path_for(name)
        try:
            raw = path.read_bytes()
        except FileNotFoundError as exc:
            raise MediaDamaged(f"照片文件不存在：{name}") from exc
        if not raw.startswith(MAGIC):
            raise MediaDamaged(f"照片文件已损坏：{name}")
        nonce = raw[len(MAGIC) : len(MAGIC) + NONCE_BYTES]
        try:
            return AESGCM(self._key[:32]).decrypt(
                nonce, raw[len(MAGIC) + NONCE_BYTES :], name.encode("ascii")
            )
        except InvalidTag as exc:
            raise MediaDamaged(f"照片文件已损坏：{name}") from exc


def referenced_names(conn: Any) -> set[str]:
    """Every stored name a row refers to (photos and thumbnails), from an SQLAlchemy connection
    or a DB-API one."""
    sql = "SELECT stored_name, thumb_name FROM attachment"
    rows = conn.exec_driver_sql(sql) if hasattr(conn, "exec_driver_sql") else conn.execute(sql)
    return {str(n) for pair in rows for n in pair if n}
