"""Protected columns: sealed by the program before they reach a database server.

On a team laptop and in the SQLite office the whole database file is encrypted (SQLCipher), so
columns are stored as they are. On a PostgreSQL office the server (and whoever administers it) sees
the tables, so the columns that carry people's names and other secrets are sealed with AES-256-GCM
under a key derived from the workspace key (kept only in the key file): a random nonce per value,
the column's name as associated data (a value moved to another column does not open).

The cipher hangs on the engine's dialect (:func:`attach_cipher`), so a column type can find it when
SQLAlchemy binds or reads a value. A SQLite dialect never has one: there values pass unchanged.
"""

from __future__ import annotations

import base64
import secrets
from typing import Any

import sqlalchemy as sa
from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF
from sqlalchemy.engine import Dialect
from sqlalchemy.types import TypeDecorator

from app.storage.errors import DatabaseDamaged

PREFIX = "xdf1:"
"""Marks a sealed value (format version 1)."""
_NONCE = 12
_ATTR = "xuncha_field_cipher"


class FieldCipher:
    """AES-256-GCM over text values, keyed from the workspace key."""

    def __init__(self, workspace_key: bytes) -> None:
        key = HKDF(
            algorithm=hashes.SHA256(), length=32, salt=None, info=b"xunchadesk fields v1"
        ).derive(workspace_key)
        self._aead = AESGCM(key)

    def seal(self, label: str, value: str) -> str:
        nonce = secrets.token_bytes(_NONCE)
        sealed = self._aead.encrypt(nonce, value.encode("utf-8"), label.encode("ascii"))
        return PREFIX + base64.b64encode(nonce + sealed).decode("ascii")

    def open(self, label: str, value: str) -> str:
        if not value.startswith(PREFIX):
            raise DatabaseDamaged(f"受保护的字段未加密（{label}），数据库可能被改动。")
        try:
            raw = base64.b64decode(value[len(PREFIX) :], validate=True)
            plain = self._aead.decrypt(raw[:_NONCE], raw[_NONCE:], label.encode("ascii"))
        except (ValueError, InvalidTag) as exc:
            raise DatabaseDamaged(
                f"受保护的字段无法解密（{label}）：密钥不符或数据被改动。"
            ) from exc
        return plain.decode("utf-8")


def attach_cipher(dialect: Dialect, cipher: FieldCipher) -> None:
    """Seal protected columns on every connection of the engine that owns ``dialect``."""
    setattr(dialect, _ATTR, cipher)


def cipher_of(dialect: Dialect) -> FieldCipher | None:
    found = getattr(dialect, _ATTR, None)
    return found if isinstance(found, FieldCipher) else None


def needs_cipher(dialect: Dialect) -> bool:
    """Whether protected columns must be sealed on this dialect (every one but SQLite's)."""
    return dialect.name != "sqlite"


class Protected(TypeDecorator[str]):
    """A text column sealed by the program on a database server, plain inside SQLCipher.

    ``length`` is the column's length on SQLite; on PostgreSQL the column is TEXT (a sealed value
    is longer than the plain one). ``label`` names the column in the associated data.
    """

    impl = sa.String
    cache_ok = True

    def __init__(self, label: str, length: int | None = None) -> None:
        super().__init__(length)
        self.label = label

    def load_dialect_impl(self, dialect: Dialect) -> Any:
        if needs_cipher(dialect) or getattr(self.impl_instance, "length", None) is None:
            return dialect.type_descriptor(sa.Text())
        return dialect.type_descriptor(self.impl_instance)

    def process_bind_param(self, value: Any, dialect: Dialect) -> str | None:
        if value is None or not needs_cipher(dialect):
            return value  # type: ignore[no-any-return]
        cipher = cipher_of(dialect)
        if cipher is None:
            raise RuntimeError("a server engine needs its field cipher")
        return cipher.seal(self.label, str(value))

    def process_result_value(self, value: Any, dialect: Dialect) -> str | None:
        if value is None or not needs_cipher(dialect):
            return value  # type: ignore[no-any-return]
        cipher = cipher_of(dialect)
        if cipher is None:
            raise RuntimeError("a server engine needs its field cipher")
        return cipher.open(self.label, str(value))


def protected_field(label: str, *, max_length: int | None = None, default: str = "") -> Any:
    """A never-NULL protected text column (``label``: "table.column")."""
    from sqlmodel import Field

    return Field(default=default, sa_type=Protected(label, max_length), nullable=False)
