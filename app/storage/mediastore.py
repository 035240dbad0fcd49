"""Photos at rest: encrypted, content-addressed, written atomically, stored once.

A file's name is a keyed hash of its content (so equal photos share one file, and a name says
nothing about the photo to whoever finds the laptop); its bytes are ``MAGIC + nonce + AES-256-GCM``
under a key derived from the database key, with the name as associated data (a file renamed onto
another name does not decrypt).
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
from dataclasses import dataclass
from pathlib import Path

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from app.files import atomic_write_bytes
from app.storage.errors import WorkspaceError

MAGIC = b"XDM1"
NONCE_BYTES = 12


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
