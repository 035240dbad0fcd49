"""The key file: the database key, wrapped under each user's password.

The database is encrypted with a random 256-bit raw key (no per-open KDF). That key is stored only
wrapped: for each user, Argon2id derives a key-encryption key from the password and a random salt,
and AES-256-GCM seals the database key under it. Changing a password re-wraps the same database key,
so the database is never re-encrypted and every earlier backup still opens with the current
key file.

User names are not stored in the clear: an entry is found by a hash of workspace id and user name,
so a lost key file does not even say who is on the team.

A checksum over the whole file tells a damaged file (refused as damaged) from a wrong password
(refused as wrong password).
"""

from __future__ import annotations

import base64
import hashlib
import json
import secrets
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from argon2 import PasswordHasher
from argon2.low_level import Type, hash_secret_raw
from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

from app.files import atomic_write_bytes
from app.storage.errors import KeyFileDamaged, WrongPassword

FORMAT = "xunchadesk-keyfile"
VERSION = 1
KEY_BYTES = 32

_DEFAULTS = PasswordHasher()
MIN_TIME_COST = _DEFAULTS.time_cost
MIN_MEMORY_COST = _DEFAULTS.memory_cost
MIN_PARALLELISM = _DEFAULTS.parallelism


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def _unb64(text: str) -> bytes:
    return base64.b64decode(text.encode("ascii"), validate=True)


def user_tag(workspace_id: str, user: str) -> str:
    """The lookup tag of a user's entry (the user name itself is not stored)."""
    return hashlib.sha256(f"{workspace_id}\x00{user}".encode()).hexdigest()


@dataclass(frozen=True)
class KdfParams:
    time_cost: int = MIN_TIME_COST
    memory_cost: int = MIN_MEMORY_COST
    parallelism: int = MIN_PARALLELISM

    def derive(self, password: str, salt: bytes) -> bytes:
        return hash_secret_raw(
            secret=password.encode("utf-8"),
            salt=salt,
            time_cost=self.time_cost,
            memory_cost=self.memory_cost,
            parallelism=self.parallelism,
            hash_len=KEY_BYTES,
            type=Type.ID,
        )


@dataclass(frozen=True)
class WrapEntry:
    tag: str
    salt: bytes
    nonce: bytes
    wrapped: bytes
    kdf: KdfParams

    def to_json(self) -> dict[str, Any]:
        return {
            "tag": self.tag,
            "kdf": {
                "alg": "argon2id",
                "time_cost": self.kdf.time_cost,
                "memory_cost": self.kdf.memory_cost,
                "parallelism": self.kdf.parallelism,
                "salt": _b64(self.salt),
            },
            "nonce": _b64(self.nonce),
            "wrapped": _b64(self.wrapped),
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> WrapEntry:
        kdf = data["kdf"]
        if kdf["alg"] != "argon2id":
            raise ValueError("unknown kdf")
        params = KdfParams(int(kdf["time_cost"]), int(kdf["memory_cost"]), int(kdf["parallelism"]))
        return cls(
            tag=str(data["tag"]),
            salt=_unb64(kdf["salt"]),
            nonce=_unb64(data["nonce"]),
            wrapped=_unb64(data["wrapped"]),
            kdf=params,
        )


def _aad(workspace_id: str, tag: str) -> bytes:
    return f"{FORMAT}/{VERSION}\x00{workspace_id}\x00{tag}".encode()


@dataclass
class KeyFile:
    """The parsed key file. Mutations return nothing; call :meth:`save` to write it."""

    workspace_id: str
    entries: list[WrapEntry] = field(default_factory=list)

    # -- wrapping -------------------------------------------------------------------------
    def _wrap(self, tag: str, password: str, db_key: bytes, kdf: KdfParams) -> WrapEntry:
        salt = secrets.token_bytes(16)
        nonce = secrets.token_bytes(12)
        kek = kdf.derive(password, salt)
        wrapped = AESGCM(kek).encrypt(nonce, db_key, _aad(self.workspace_id, tag))
        return WrapEntry(tag=tag, salt=salt, nonce=nonce, wrapped=wrapped, kdf=kdf)

    def _try_unwrap(self, entry: WrapEntry, password: str) -> bytes | None:
        kek = entry.kdf.derive(password, entry.salt)
        try:
            key = AESGCM(kek).decrypt(
                entry.nonce, entry.wrapped, _aad(self.workspace_id, entry.tag)
            )
        except InvalidTag:
            return None
        if len(key) != KEY_BYTES:
            raise KeyFileDamaged("密钥文件已损坏：数据库密钥长度不对。")
        return key

    def add_user(
        self, user: str, password: str, db_key: bytes, kdf: KdfParams | None = None
    ) -> None:
        """Wrap ``db_key`` for ``user``; replaces an earlier entry of the same user."""
        tag = user_tag(self.workspace_id, user)
        entry = self._wrap(tag, password, db_key, kdf or KdfParams())
        self.entries = [e for e in self.entries if e.tag != tag] + [entry]

    def has_user(self, user: str) -> bool:
        tag = user_tag(self.workspace_id, user)
        return any(e.tag == tag for e in self.entries)

    def remove_user(self, user: str) -> None:
        tag = user_tag(self.workspace_id, user)
        self.entries = [e for e in self.entries if e.tag != tag]

    def unlock(self, password: str, user: str | None = None) -> tuple[bytes, str]:
        """Return (database key, entry tag) for the password, or raise :class:`WrongPassword`.

        With ``user`` only that user's entry is tried; without, every entry is (a team has few).
        """
        if user is not None:
            tag = user_tag(self.workspace_id, user)
            candidates = [e for e in self.entries if e.tag == tag]
            if not candidates:
                raise WrongPassword("用户名或密码不正确。")
        else:
            candidates = list(self.entries)
        for entry in candidates:
            key = self._try_unwrap(entry, password)
            if key is not None:
                return key, entry.tag
        raise WrongPassword("用户名或密码不正确。" if user is not None else "密码不正确。")

    def change_password(self, user: str, old: str, new: str) -> None:
        """Re-wrap the same database key under ``new``; the database is not touched."""
        key, _ = self.unlock(old, user)
        self.add_user(user, new, key)

    # -- (de)serialising ------------------------------------------------------------------
    def _body(self) -> dict[str, Any]:
        return {
            "format": FORMAT,
            "version": VERSION,
            "workspace_id": self.workspace_id,
            "entries": [e.to_json() for e in self.entries],
        }

    @staticmethod
    def _checksum(body: dict[str, Any]) -> str:
        canonical = json.dumps(body, sort_keys=True, separators=(",", ":"), ensure_ascii=True)
        return hashlib.sha256(canonical.encode("ascii")).hexdigest()

    def to_bytes(self) -> bytes:
        body = self._body()
        doc = dict(body, checksum=self._checksum(body))
        return json.dumps(doc, indent=1, sort_keys=True).encode("ascii") + b"\n"

    @classmethod
    def from_bytes(cls, raw: bytes) -> KeyFile:
        damaged = KeyFileDamaged("密钥文件已损坏，无法读取（请用备份的密钥文件替换）。")
        try:
            doc = json.loads(raw.decode("ascii"))
            if not isinstance(doc, dict):
                raise damaged
            checksum = doc.pop("checksum")
            if doc.get("format") != FORMAT:
                raise KeyFileDamaged("这不是巡察台的密钥文件。")
            if cls._checksum(doc) != checksum:
                raise damaged
            if doc["version"] != VERSION:
                raise KeyFileDamaged("密钥文件版本不受支持，请升级程序。")
            entries = [WrapEntry.from_json(e) for e in doc["entries"]]
            return cls(workspace_id=str(doc["workspace_id"]), entries=entries)
        except KeyFileDamaged:
            raise
        except (ValueError, KeyError, TypeError, UnicodeDecodeError) as exc:
            raise damaged from exc

    @classmethod
    def load(cls, path: Path) -> KeyFile:
        return cls.from_bytes(path.read_bytes())

    def save(self, path: Path) -> None:
        atomic_write_bytes(path, self.to_bytes())


def new_database_key() -> bytes:
    """A fresh random 256-bit database key."""
    return secrets.token_bytes(KEY_BYTES)
