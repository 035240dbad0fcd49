"""Photos of an office on a database server: sealed exactly like ``media/`` files, in a table.

Every clerk's machine reads the same photos, and the server sees only sealed bytes (the name is a
keyed hash, the content AES-256-GCM under a key derived from the workspace key).
"""

from __future__ import annotations

import contextlib
import hashlib
import secrets
from collections.abc import Callable, Iterable, Iterator

import sqlalchemy as sa
from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from sqlalchemy.dialects.postgresql import insert
from sqlalchemy.engine import Engine

from app.storage.mediastore import MAGIC, NONCE_BYTES, MediaDamaged, MediaStore, StoredBlob
from app.storage.models import Attachment, MediaBlob

_BLOB: sa.Table = MediaBlob.__table__  # type: ignore[attr-defined]
_ATTACHMENT: sa.Table = Attachment.__table__  # type: ignore[attr-defined]


class ServerMediaStore(MediaStore):
    """The :class:`MediaStore` interface over the ``media_blob`` table."""

    def __init__(self, engine: Engine, db_key: bytes) -> None:
        super().__init__(folder=None, db_key=db_key)  # type: ignore[arg-type]
        self.engine = engine

    def exists(self, name: str) -> bool:
        with self.engine.connect() as conn:
            found = conn.execute(sa.select(_BLOB.c.name).where(_BLOB.c.name == name)).first()
        return found is not None

    def existing(self, names: list[str]) -> set[str]:
        """Which of ``names`` are stored (one query per 1,000)."""
        out: set[str] = set()
        with self.engine.connect() as conn:
            for i in range(0, len(names), 1000):
                chunk = names[i : i + 1000]
                out.update(
                    str(n)
                    for (n,) in conn.execute(sa.select(_BLOB.c.name).where(_BLOB.c.name.in_(chunk)))
                )
        return out

    def put(self, data: bytes) -> StoredBlob:
        sha = hashlib.sha256(data).hexdigest()
        name = self.name_for(sha)
        nonce = secrets.token_bytes(NONCE_BYTES)
        sealed = MAGIC + nonce + AESGCM(self._key[:32]).encrypt(nonce, data, name.encode("ascii"))
        stmt = (
            insert(_BLOB)
            .values(name=name, data=sealed, size_bytes=len(data))
            .on_conflict_do_nothing(index_elements=["name"])
        )
        with self.engine.begin() as conn:
            created = conn.execute(stmt).rowcount == 1
        return StoredBlob(sha256=sha, name=name, size_bytes=len(data), created=created)

    def plain_size(self, name: str) -> int:
        """The photo's size, from the row (no need to read and open the sealed bytes)."""
        with self.engine.connect() as conn:
            size = conn.execute(sa.select(_BLOB.c.size_bytes).where(_BLOB.c.name == name)).scalar()
        if size is None:
            raise MediaDamaged(f"照片不存在：{name}")
        return int(size)

    # -- an import's photos: rows in the same database, no files to journal or sync -------------
    def put_new(self, data: bytes | bytearray) -> str:
        return self.put(bytes(data)).name

    def sync_folders(self, names: Iterable[str]) -> None:
        pass

    @contextlib.contextmanager
    def import_journal(self, bundle_id: str, names: list[str]) -> Iterator[None]:
        yield

    def recover(self, referenced: Callable[[list[str]], set[str]]) -> list[str]:
        return []

    def discard_import(self, bundle_id: str, names: list[str]) -> None:
        """After an import failed: remove the photos it just added that no row names."""
        with self.engine.begin() as conn:
            for i in range(0, len(names), 1000):
                chunk = names[i : i + 1000]
                conn.execute(
                    sa.delete(_BLOB).where(
                        _BLOB.c.name.in_(chunk),
                        ~_BLOB.c.name.in_(
                            sa.select(_ATTACHMENT.c.stored_name).union(
                                sa.select(_ATTACHMENT.c.thumb_name)
                            )
                        ),
                    )
                )

    def get(self, name: str) -> bytes:
        with self.engine.connect() as conn:
            raw = conn.execute(sa.select(_BLOB.c.data).where(_BLOB.c.name == name)).scalar()
        if raw is None:
            raise MediaDamaged(f"照片不存在：{name}")
        raw = bytes(raw)
        if not raw.startswith(MAGIC):
            raise MediaDamaged(f"照片已损坏：{name}")
        nonce = raw[len(MAGIC) : len(MAGIC) + NONCE_BYTES]
        try:
            return AESGCM(self._key[:32]).decrypt(
                nonce, raw[len(MAGIC) + NONCE_BYTES :], name.encode("ascii")
            )
        except InvalidTag as exc:
            raise MediaDamaged(f"照片已损坏：{name}") from exc
