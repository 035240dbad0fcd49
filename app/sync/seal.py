"""The outside of a bundle: a signed header and the container sealed for its recipient.

::

    b"XDSB" | u8 format version | u32 header_len | header (JSON) | payload | signature (64 bytes)

The header names the direction, bundle, team, device, sender and recipient, the ephemeral X25519
public key and salt, the segment size and the payload length; the file must be exactly as long as
it says. The payload is the container encrypted with AES-256-GCM in segments of ``segment`` bytes
(nonce = segment index and a last-segment flag; associated data = SHA-256 of the header), under a
key derived by HKDF-SHA256 from X25519(ephemeral, recipient). The signature is Ed25519 by the
sender over a domain tag and the SHA-256 of everything before it.

Opening checks, in order and before anything is decrypted or written: magic and version, header
shape, exact length (truncation), the sender is known (unknown team), the signature (any altered
byte), the recipient is us, then every segment's tag.
"""

from __future__ import annotations

import hashlib
import json
import os
import secrets
import struct
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from cryptography.exceptions import InvalidSignature, InvalidTag
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey, X25519PublicKey
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF
from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat

from app.files import fsync_dir
from app.sync.errors import BundleRefused
from app.sync.keys import KeyPair, PublicIdentity, b64, unb64

MAGIC = b"XDSB"
FORMAT = "xunchadesk-bundle"
FORMAT_VERSION = 1
SIG_TAG = b"xunchadesk bundle signature v1\x00"
SEGMENT = 4 * 1024 * 1024
MAX_HEADER = 16 * 1024
MAX_PAYLOAD = 8 * 1024 * 1024 * 1024
TAG = 16
SIG = 64
_PRE = struct.Struct(">4sBI")

TO_OFFICE = "to_office"
TO_TEAM = "to_team"
TO_CITY = "to_city"
"""A district office's upward bundle (上报) for its city office."""


@dataclass(frozen=True)
class Header:
    direction: str
    bundle_id: str
    team_id: str
    device_id: str
    sender: str
    recipient: str
    eph: str
    salt: str
    segment: int
    payload_len: int
    created_at: str

    def to_bytes(self) -> bytes:
        doc = {"format": FORMAT, "version": FORMAT_VERSION, **self.__dict__}
        return json.dumps(doc, sort_keys=True, separators=(",", ":")).encode("ascii")

    @classmethod
    def parse(cls, raw: bytes) -> Header:
        try:
            doc = json.loads(raw.decode("ascii"))
            if not isinstance(doc, dict) or doc.get("format") != FORMAT:
                raise BundleRefused("这不是巡察台同步包。")
            if doc.get("version") != FORMAT_VERSION:
                raise BundleRefused("同步包格式版本不受支持（请升级程序）。")
            fields = {k: doc[k] for k in cls.__dataclass_fields__}
            for k in ("segment", "payload_len"):
                if not isinstance(fields[k], int) or isinstance(fields[k], bool):
                    raise ValueError(k)
            for k, v in fields.items():
                if k not in ("segment", "payload_len") and not isinstance(v, str):
                    raise ValueError(k)
            if set(doc) != {"format", "version", *cls.__dataclass_fields__}:
                raise ValueError("fields")
        except BundleRefused:
            raise
        except (ValueError, KeyError, TypeError, UnicodeDecodeError) as exc:
            raise BundleRefused("同步包文件头已损坏。") from exc
        header = cls(**fields)
        if header.direction not in (TO_OFFICE, TO_TEAM, TO_CITY):
            raise BundleRefused("同步包方向未知。")
        if not 1024 <= header.segment <= 64 * 1024 * 1024:
            raise BundleRefused("同步包文件头已损坏（分段大小）。")
        if not TAG <= header.payload_len <= MAX_PAYLOAD:
            raise BundleRefused("同步包文件头已损坏（长度）。")
        return header


def _key(shared: bytes, salt: bytes, eph_pub: bytes, recipient_pub: bytes) -> bytes:
    return HKDF(
        algorithm=hashes.SHA256(),
        length=32,
        salt=salt,
        info=b"xunchadesk bundle v1\x00" + eph_pub + recipient_pub,
    ).derive(shared)


def _nonce(index: int, last: bool) -> bytes:
    return index.to_bytes(11, "big") + (b"\x01" if last else b"\x00")


def _segments(payload_len: int, segment: int) -> list[int]:
    """The ciphertext length of each segment for a payload of ``payload_len`` bytes."""
    full = segment + TAG
    count = max(1, -(-payload_len // full))
    sizes = [full] * (count - 1) + [payload_len - full * (count - 1)]
    if sizes[-1] < TAG:
        raise BundleRefused("同步包文件头已损坏（长度）。")
    return sizes


@dataclass(frozen=True)
class Written:
    path: Path
    size_bytes: int
    sha256: str


def write_sealed(
    out: Path,
    plaintext: bytes | bytearray | memoryview,
    *,
    direction: str,
    bundle_id: str,
    team_id: str,
    device_id: str,
    created_at: str,
    sender: KeyPair,
    recipient: PublicIdentity,
    progress: Callable[[int, int], None] | None = None,
    segment: int = SEGMENT,
) -> Written:
    """Seal, sign and write ``plaintext`` to ``out``: a temp file beside it, synced, renamed, then
    read back and verified (hash and signature). A partial file never stands under ``out``."""
    eph = X25519PrivateKey.generate()
    eph_pub = eph.public_key().public_bytes(Encoding.Raw, PublicFormat.Raw)
    rec_pub = recipient.box().public_bytes(Encoding.Raw, PublicFormat.Raw)
    salt = secrets.token_bytes(16)
    aead = AESGCM(_key(eph.exchange(recipient.box()), salt, eph_pub, rec_pub))
    view = memoryview(plaintext)
    count = max(1, -(-len(view) // segment))
    payload_len = len(view) + count * TAG
    header = Header(
        direction=direction,
        bundle_id=bundle_id,
        team_id=team_id,
        device_id=device_id,
        sender=sender.owner_id,
        recipient=recipient.peer_id,
        eph=b64(eph_pub),
        salt=b64(salt),
        segment=segment,
        payload_len=payload_len,
        created_at=created_at,
    )
    head = header.to_bytes()
    aad = hashlib.sha256(head).digest()
    digest = hashlib.sha256()
    out.parent.mkdir(parents=True, exist_ok=True)
    tmp = out.with_name(f".{out.name}.{secrets.token_hex(4)}.part")
    try:
        with tmp.open("wb") as fh:

            def put(data: bytes) -> None:
                digest.update(data)
                fh.write(data)

            put(_PRE.pack(MAGIC, FORMAT_VERSION, len(head)) + head)
            for i in range(count):
                chunk = view[i * segment : (i + 1) * segment]
                put(aead.encrypt(_nonce(i, i == count - 1), chunk, aad))
                if progress is not None:
                    progress(i + 1, count)
            signature = sender.signer().sign(SIG_TAG + digest.digest())
            fh.write(signature)
            fh.flush()
            os.fsync(fh.fileno())
        total = _PRE.size + len(head) + payload_len + SIG
        digest.update(signature)
        whole = digest.hexdigest()
        tmp.replace(out)
        fsync_dir(out.parent)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    # read back what stands under the final name: the whole file, and the signature
    try:
        back = open_sealed(out, signer_of=lambda _h: sender.public(), me=None)
        if back.header != header or back.file_sha256 != whole or out.stat().st_size != total:
            raise BundleRefused("写入后读回校验失败。")
    except BaseException:
        out.unlink(missing_ok=True)
        raise
    return Written(path=out, size_bytes=total, sha256=whole)


def _read_exact(fh: BinaryIO, n: int) -> bytes:
    data = fh.read(n)
    if len(data) != n:
        raise BundleRefused("同步包不完整（文件被截断）。")
    return data


def _open(
    fh: BinaryIO,
    size: int,
    signer_of: Callable[[Header], PublicIdentity],
    me: KeyPair | None,
) -> Opened:
    """One pass over the file: header, exact length, sender, then each segment hashed and (with
    ``me``) decrypted; the signature is checked before any decrypted byte is trusted."""
    if size < _PRE.size:
        raise BundleRefused("同步包不完整（文件被截断）。")
    pre = _read_exact(fh, _PRE.size)
    magic, version, head_len = _PRE.unpack(pre)
    if magic != MAGIC:
        raise BundleRefused("这不是巡察台同步包。")
    if version != FORMAT_VERSION:
        raise BundleRefused("同步包格式版本不受支持（请升级程序）。")
    if head_len > MAX_HEADER or _PRE.size + head_len > size:
        raise BundleRefused("同步包不完整或文件头已损坏。")
    head = _read_exact(fh, head_len)
    header = Header.parse(head)
    expected = _PRE.size + head_len + header.payload_len + SIG
    if size < expected:
        raise BundleRefused("同步包不完整（文件被截断）。")
    if size > expected:
        raise BundleRefused("同步包末尾有多余数据，已拒绝。")
    sizes = _segments(header.payload_len, header.segment)
    identity = signer_of(header)
    aead: AESGCM | None = None
    if me is not None:
        if header.recipient != me.owner_id:
            raise BundleRefused("这个同步包不是发给本工作区的。")
        try:
            eph_pub = unb64(header.eph)
            shared = me.box().exchange(X25519PublicKey.from_public_bytes(eph_pub))
            my_pub = me.box().public_key().public_bytes(Encoding.Raw, PublicFormat.Raw)
            aead = AESGCM(_key(shared, unb64(header.salt), eph_pub, my_pub))
        except ValueError as exc:
            raise BundleRefused("同步包文件头已损坏（密钥）。") from exc
    digest = hashlib.sha256(pre + head)
    aad = hashlib.sha256(head).digest()
    plain = bytearray()
    damaged = False
    for i, n in enumerate(sizes):
        block = _read_exact(fh, n)
        digest.update(block)
        if aead is not None and not damaged:
            try:
                plain += aead.decrypt(_nonce(i, i == len(sizes) - 1), block, aad)
            except InvalidTag:
                damaged = True
    signature = _read_exact(fh, SIG)
    try:
        identity.verifier().verify(signature, SIG_TAG + digest.digest())
    except InvalidSignature as exc:
        raise BundleRefused("同步包签名无效：文件已被改动，或不是该组签发。") from exc
    if damaged:
        raise BundleRefused("同步包无法解密：内容已被改动，或不是发给本工作区的。")
    digest.update(signature)
    return Opened(header=header, plaintext=plain, file_sha256=digest.hexdigest())


@dataclass(frozen=True)
class Opened:
    header: Header
    plaintext: bytearray
    file_sha256: str
    """SHA-256 of the signed bytes and the signature (the bundle's identity as a file)."""


def open_sealed(
    path: Path,
    *,
    signer_of: Callable[[Header], PublicIdentity],
    me: KeyPair | None,
) -> Opened:
    """Verify (and, with ``me``, decrypt) the bundle at ``path`` in one pass; nothing is written.

    ``signer_of`` returns the sender's public identity for a header or raises
    :class:`BundleRefused` (an unknown team)."""
    try:
        size = path.stat().st_size
        fh = path.open("rb")
    except OSError as exc:
        raise BundleRefused(f"无法读取同步包：{path.name}") from exc
    with fh:
        return _open(fh, size, signer_of, me)
