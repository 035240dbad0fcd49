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
import queue
import secrets
import struct
import threading
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any, BinaryIO

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
    """Seal, sign and write ``plaintext`` to ``out`` (see :func:`write_sealed_stream`)."""
    view = memoryview(plaintext)
    return write_sealed_stream(
        out,
        [view],
        len(view),
        direction=direction,
        bundle_id=bundle_id,
        team_id=team_id,
        device_id=device_id,
        created_at=created_at,
        sender=sender,
        recipient=recipient,
        progress=progress,
        segment=segment,
    )


FLUSH_EVERY = 32 * 1024 * 1024
"""Bytes written between two background ``fdatasync`` calls: the disk writes while we encrypt, so
the last sync has little left to do (as ``cp`` + ``sync`` would, but overlapped)."""


class _Sink:
    """Where sealed segments go: a thread of its own hashes and writes them (both release the
    GIL, so this overlaps encrypting the next segment), and another asks the disk to write what
    is written so far every :data:`FLUSH_EVERY` bytes (``fdatasync``)."""

    def __init__(self, fh: BinaryIO, digest: Any) -> None:
        self._fh, self._digest = fh, digest
        self._blocks: queue.Queue[bytes | None] = queue.Queue(maxsize=4)
        self._due = threading.Event()
        self._done = False
        self.error: BaseException | None = None
        self._writer = threading.Thread(target=self._write, name="bundle-write", daemon=True)
        self._flusher = threading.Thread(target=self._flush, name="bundle-flush", daemon=True)
        self._writer.start()
        self._flusher.start()

    def _write(self) -> None:
        since = 0
        try:
            while (block := self._blocks.get()) is not None:
                self._digest.update(block)
                self._fh.write(block)
                since += len(block)
                if since >= FLUSH_EVERY:
                    self._fh.flush()
                    self._due.set()
                    since = 0
        except BaseException as exc:  # handed to the caller by close()
            self.error = exc
            while self._blocks.get() is not None:  # let put() return until close()
                pass

    def _flush(self) -> None:
        sync = getattr(os, "fdatasync", os.fsync)
        while True:
            self._due.wait()
            self._due.clear()
            if self._done:
                return
            try:
                sync(self._fh.fileno())
            except OSError as exc:
                self.error = self.error or exc
                return

    def put(self, block: bytes) -> None:
        if self.error is not None:
            raise self.error
        self._blocks.put(block)

    def close(self, *, quiet: bool = False) -> None:
        """Wait for every block to be hashed and written; raise what went wrong meanwhile
        (unless ``quiet``: the caller is raising already)."""
        self._blocks.put(None)
        self._writer.join()
        self._done = True
        self._due.set()
        self._flusher.join()
        if self.error is not None and not quiet:
            raise self.error


def write_sealed_stream(
    out: Path,
    chunks: Iterable[bytes | bytearray | memoryview],
    plain_len: int,
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
    """Seal, sign and write the ``plain_len`` bytes that ``chunks`` yield to ``out``, as they come.

    Each segment is encrypted and hashed as it is written (the signature signs that running
    hash), to a temp file beside ``out`` that is synced — in the background while writing, then
    once at the end — and renamed. What was written is verified from what was hashed while
    writing: the signature checks against the sender's public key, and the file on disk has the
    exact length the header says, its first and last bytes those written. The file is not read
    back whole. A partial file never stands under ``out``."""
    eph = X25519PrivateKey.generate()
    eph_pub = eph.public_key().public_bytes(Encoding.Raw, PublicFormat.Raw)
    rec_pub = recipient.box().public_bytes(Encoding.Raw, PublicFormat.Raw)
    salt = secrets.token_bytes(16)
    aead = AESGCM(_key(eph.exchange(recipient.box()), salt, eph_pub, rec_pub))
    count = max(1, -(-plain_len // segment))
    payload_len = plain_len + count * TAG
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
    pre = _PRE.pack(MAGIC, FORMAT_VERSION, len(head)) + head
    digest = hashlib.sha256(pre)
    total = len(pre) + payload_len + SIG
    out.parent.mkdir(parents=True, exist_ok=True)
    tmp = out.with_name(f".{out.name}.{secrets.token_hex(4)}.part")
    try:
        with tmp.open("xb") as fh:
            fh.write(pre)
            sink = _Sink(fh, digest)
            buf = bytearray(segment)
            filled = index = taken = 0
            last_block = b""

            def seal(block: memoryview, last: bool) -> None:
                nonlocal index, last_block
                sealed = aead.encrypt(_nonce(index, last), block, aad)
                sink.put(sealed)
                index += 1
                if last:
                    last_block = sealed[-TAG:]
                if progress is not None:
                    progress(index, count)

            try:
                for chunk in chunks:
                    view = memoryview(chunk).cast("B")
                    taken += len(view)
                    if taken > plain_len:
                        raise ValueError("more bytes than announced")
                    pos = 0
                    while pos < len(view):
                        n = min(segment - filled, len(view) - pos)
                        buf[filled : filled + n] = view[pos : pos + n]
                        filled += n
                        pos += n
                        if filled == segment and taken - (len(view) - pos) < plain_len:
                            seal(memoryview(buf), False)
                            filled = 0
                if taken != plain_len:
                    raise ValueError("fewer bytes than announced")
                seal(memoryview(buf)[:filled], True)
            except BaseException:
                sink.close(quiet=True)
                raise
            sink.close()
            signature = sender.signer().sign(SIG_TAG + digest.digest())
            fh.write(signature)
            fh.flush()
            os.fsync(fh.fileno())
            size = os.fstat(fh.fileno()).st_size
        signed = digest.digest()
        digest.update(signature)
        whole = digest.hexdigest()
        # verified from what was hashed while writing, not by reading the file back
        try:
            sender.public().verifier().verify(signature, SIG_TAG + signed)
        except InvalidSignature as exc:
            raise BundleRefused("写入后校验失败（签名）。") from exc
        ends = _ends_as_written(tmp, pre, last_block + signature)
        if index != count or size != total or not ends:
            raise BundleRefused("写入后校验失败。")
        tmp.replace(out)
        fsync_dir(out.parent)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    return Written(path=out, size_bytes=total, sha256=whole)


def _ends_as_written(path: Path, head: bytes, tail: bytes) -> bool:
    """The file's first and last bytes are those written (a cheap check of what stands on disk:
    the header and the last segment's tag with the signature)."""
    with path.open("rb") as fh:
        if fh.read(len(head)) != head:
            return False
        fh.seek(-len(tail), os.SEEK_END)
        return fh.read() == tail


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
    path: Path,
) -> Opened:
    """One pass over the file: header, exact length, sender, then each segment hashed and (with
    ``me``) its tag checked; the signature is checked before any decrypted byte is trusted. No
    plaintext is kept: :meth:`Opened.chunks` decrypts again, segment by segment."""
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
    damaged = False
    for i, n in enumerate(sizes):
        block = _read_exact(fh, n)
        digest.update(block)
        if aead is not None and not damaged:
            try:
                aead.decrypt(_nonce(i, i == len(sizes) - 1), block, aad)
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
    return Opened(
        header=header,
        file_sha256=digest.hexdigest(),
        path=path,
        _aead=aead,
        _head=pre + head,
        _sizes=tuple(sizes),
    )


@dataclass(frozen=True)
class Opened:
    header: Header
    file_sha256: str
    """SHA-256 of the signed bytes and the signature (the bundle's identity as a file)."""
    path: Path
    _aead: AESGCM | None
    _head: bytes
    _sizes: tuple[int, ...]

    def chunks(self) -> Iterator[bytes]:
        """The payload's plaintext, one segment at a time, read and decrypted again from the file.

        Every segment's tag is checked again (only the sender, who made the ephemeral key, can
        make segments that pass), and the whole file must hash as it did when it was verified:
        a file swapped or changed since is refused, at the latest after its last segment."""
        if self._aead is None:
            raise BundleRefused("同步包未解密。")
        aad = hashlib.sha256(self._head[_PRE.size :]).digest()
        digest = hashlib.sha256()
        try:
            fh = self.path.open("rb")
        except OSError as exc:
            raise BundleRefused(f"无法读取同步包：{self.path.name}") from exc
        with fh:
            head = fh.read(len(self._head))
            if head != self._head:
                raise BundleRefused("同步包在校验后被改动，已拒绝。")
            digest.update(head)
            last = len(self._sizes) - 1
            for i, n in enumerate(self._sizes):
                block = _read_exact(fh, n)
                digest.update(block)
                try:
                    plain = self._aead.decrypt(_nonce(i, i == last), block, aad)
                except InvalidTag as exc:
                    raise BundleRefused("同步包在校验后被改动，已拒绝。") from exc
                if i == last:
                    digest.update(_read_exact(fh, SIG))
                    if fh.read(1) or digest.hexdigest() != self.file_sha256:
                        raise BundleRefused("同步包在校验后被改动，已拒绝。")
                yield plain

    def read_all(self) -> bytes:
        """The whole plaintext in memory (small bundles and tests only)."""
        return b"".join(self.chunks())


def open_sealed(
    path: Path,
    *,
    signer_of: Callable[[Header], PublicIdentity],
    me: KeyPair | None,
) -> Opened:
    """Verify the bundle at ``path`` in one pass (with ``me``, every segment's tag too); nothing
    is written and no plaintext kept (see :meth:`Opened.chunks`).

    ``signer_of`` returns the sender's public identity for a header or raises
    :class:`BundleRefused` (an unknown team)."""
    try:
        size = path.stat().st_size
        fh = path.open("rb")
    except OSError as exc:
        raise BundleRefused(f"无法读取同步包：{path.name}") from exc
    with fh:
        return _open(fh, size, signer_of, me, path)
