"""Key pairs: X25519 to seal bundles for a recipient, Ed25519 to sign them.

Keys travel as base64 of their 32 raw bytes. Private keys are kept only inside the encrypted
database (``sync_key``) and, for a team, in its password-sealed kit.
"""

from __future__ import annotations

import base64
from dataclasses import dataclass

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey, X25519PublicKey
from cryptography.hazmat.primitives.serialization import (
    Encoding,
    NoEncryption,
    PrivateFormat,
    PublicFormat,
)


def b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def unb64(text: str) -> bytes:
    return base64.b64decode(text.encode("ascii"), validate=True)


def _raw_public(key: Ed25519PublicKey | X25519PublicKey) -> bytes:
    return key.public_bytes(Encoding.Raw, PublicFormat.Raw)


def _raw_private(key: Ed25519PrivateKey | X25519PrivateKey) -> bytes:
    return key.private_bytes(Encoding.Raw, PrivateFormat.Raw, NoEncryption())


@dataclass(frozen=True)
class PublicIdentity:
    """Whom a bundle is sealed for / signed by: an id and two public keys (base64)."""

    peer_id: str
    name: str
    sign_public: str
    box_public: str

    def verifier(self) -> Ed25519PublicKey:
        return Ed25519PublicKey.from_public_bytes(unb64(self.sign_public))

    def box(self) -> X25519PublicKey:
        return X25519PublicKey.from_public_bytes(unb64(self.box_public))


@dataclass(frozen=True)
class KeyPair:
    """A private identity: an id, a name, the Ed25519 signing key and the X25519 box key."""

    owner_id: str
    name: str
    sign_private: bytes
    box_private: bytes

    @classmethod
    def generate(cls, owner_id: str, name: str) -> KeyPair:
        return cls(
            owner_id=owner_id,
            name=name,
            sign_private=_raw_private(Ed25519PrivateKey.generate()),
            box_private=_raw_private(X25519PrivateKey.generate()),
        )

    def signer(self) -> Ed25519PrivateKey:
        return Ed25519PrivateKey.from_private_bytes(self.sign_private)

    def box(self) -> X25519PrivateKey:
        return X25519PrivateKey.from_private_bytes(self.box_private)

    def public(self) -> PublicIdentity:
        return PublicIdentity(
            peer_id=self.owner_id,
            name=self.name,
            sign_public=b64(_raw_public(self.signer().public_key())),
            box_public=b64(_raw_public(self.box().public_key())),
        )
