"""The team kit: what a team laptop needs to join, sealed under a password.

A kit holds the team's identity (its ``team`` row exactly as the office holds it), the team's
private keys (Ed25519 to sign bundles, X25519 to open the office's bundles) and the office's public
keys. It is sealed like the workspace key file: Argon2id (``KdfParams``) derives a key from the
password and a random salt, and AES-256-GCM seals the body, with the header (format, version, KDF
parameters) as associated data, so any change to any byte is refused.
"""

from __future__ import annotations

import json
import secrets
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

from app.files import atomic_write_bytes
from app.storage.keyfile import KdfParams
from app.sync.errors import KitRefused
from app.sync.keys import KeyPair, PublicIdentity, b64, unb64

FORMAT = "xunchadesk-teamkit"
VERSION = 1
MAX_KIT_BYTES = 1024 * 1024


@dataclass(frozen=True)
class TeamKit:
    team_row: dict[str, Any]
    """The ``team`` row as the office holds it (encoded columns)."""
    team_keys: KeyPair
    office: PublicIdentity

    @property
    def team_id(self) -> str:
        return self.team_keys.owner_id

    @property
    def team_name(self) -> str:
        return str(self.team_row["name"])

    def _body(self) -> dict[str, Any]:
        return {
            "team_row": self.team_row,
            "team": {
                "id": self.team_keys.owner_id,
                "name": self.team_keys.name,
                "sign_private": b64(self.team_keys.sign_private),
                "box_private": b64(self.team_keys.box_private),
            },
            "office": self.office.__dict__,
        }


def _aad(header: dict[str, Any]) -> bytes:
    return json.dumps(header, sort_keys=True, separators=(",", ":")).encode("ascii")


def seal_kit(kit: TeamKit, password: str, out: Path, kdf: KdfParams | None = None) -> None:
    """Write ``kit`` to ``out`` (atomically), sealed under ``password``."""
    if not password:
        raise KitRefused("组包密码不能为空。")
    params = kdf or KdfParams()
    salt = secrets.token_bytes(16)
    nonce = secrets.token_bytes(12)
    header = {
        "format": FORMAT,
        "version": VERSION,
        "kdf": {
            "alg": "argon2id",
            "time_cost": params.time_cost,
            "memory_cost": params.memory_cost,
            "parallelism": params.parallelism,
            "salt": b64(salt),
        },
        "nonce": b64(nonce),
    }
    body = json.dumps(kit._body(), ensure_ascii=False, sort_keys=True).encode("utf-8")
    sealed = AESGCM(params.derive(password, salt)).encrypt(nonce, body, _aad(header))
    doc = dict(header, sealed=b64(sealed))
    atomic_write_bytes(out, json.dumps(doc, indent=1, sort_keys=True).encode("ascii") + b"\n")


def open_kit(path: Path, password: str) -> TeamKit:
    """Read and unseal the kit at ``path``; a wrong password or any damage is refused."""
    damaged = KitRefused("组包文件已损坏或不是巡察台组包。")
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise KitRefused(f"无法读取组包文件：{path.name}") from exc
    if len(raw) > MAX_KIT_BYTES:
        raise damaged
    try:
        doc = json.loads(raw.decode("ascii"))
        if not isinstance(doc, dict) or doc.get("format") != FORMAT:
            raise damaged
        if doc.get("version") != VERSION:
            raise KitRefused("组包版本不受支持，请升级程序。")
        sealed = unb64(doc.pop("sealed"))
        kdf = doc["kdf"]
        if kdf["alg"] != "argon2id" or set(doc) != {"format", "version", "kdf", "nonce"}:
            raise damaged
        params = KdfParams(int(kdf["time_cost"]), int(kdf["memory_cost"]), int(kdf["parallelism"]))
        if params.time_cost < 1 or not 8 <= params.memory_cost <= 4 * 1024 * 1024:
            raise damaged
        key = params.derive(password, unb64(kdf["salt"]))
        nonce = unb64(doc["nonce"])
    except KitRefused:
        raise
    except (ValueError, KeyError, TypeError, UnicodeDecodeError) as exc:
        raise damaged from exc
    try:
        body = json.loads(AESGCM(key).decrypt(nonce, sealed, _aad(doc)).decode("utf-8"))
    except InvalidTag as exc:
        raise KitRefused("组包密码不正确，或组包文件已被改动。") from exc
    try:
        team = body["team"]
        keys = KeyPair(
            owner_id=str(team["id"]),
            name=str(team["name"]),
            sign_private=unb64(team["sign_private"]),
            box_private=unb64(team["box_private"]),
        )
        keys.public()  # the keys parse
        office = PublicIdentity(**{k: str(v) for k, v in body["office"].items()})
        office.verifier()
        row = body["team_row"]
        if not isinstance(row, dict) or row.get("id") != keys.owner_id:
            raise damaged
        return TeamKit(team_row=row, team_keys=keys, office=office)
    except KitRefused:
        raise
    except (ValueError, KeyError, TypeError) as exc:
        raise damaged from exc
