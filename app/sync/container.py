"""The inside of a bundle: a flat, length-prefixed list of members, the manifest first.

Why not zip: a zip has two directories that may disagree, paths, links, extra fields and
compression bombs to guard against; this format has nothing but what a bundle needs, and the guards
below refuse anything else rather than clean it::

    b"XDSI" | u32 count | count × (u16 name_len | name | u8 type | u8 flags |
                                   u64 stored_len | u64 raw_len | stored bytes)

``type`` must be 0 (a regular file; 1 link, 2 hard link, 3 folder are named only to be refused);
``flags`` bit 0 means zlib-compressed. The first member is ``manifest.json``; every other member
must be listed in the manifest with its SHA-256 and size, and is read only by that name.
Refused, never cleaned: absolute paths, ``..``, ``.``, empty parts, drive letters, backslashes,
characters outside ``[A-Za-z0-9._-/]``, links, duplicate names, members not in the manifest or
missing from it, and — against :class:`~app.domain.limits.Limits` — too many members, a member or
a total too large, a compression ratio too high. Trailing bytes are refused too. A container is
read once, front to back, a piece at a time (:func:`walk`): a member is checked while it streams
and never held whole unless its reader keeps it.
"""

from __future__ import annotations

import hashlib
import json
import re
import struct
import zlib
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass
from typing import Any, Protocol

from app.domain.limits import DEFAULT_LIMITS, Limits, megabytes
from app.sync.errors import BundleRefused

MAGIC = b"XDSI"
MANIFEST = "manifest.json"
TYPE_FILE = 0
TYPE_LINK = 1
TYPE_HARDLINK = 2
TYPE_DIR = 3
FLAG_ZLIB = 1

MAX_NAME = 200
MAX_MANIFEST_BYTES = 64 * 1024 * 1024

_HEAD = struct.Struct(">4sI")
_ENTRY = struct.Struct(">BBQQ")
_NAME_OK = re.compile(r"[A-Za-z0-9._-]+(/[A-Za-z0-9._-]+)*")
_SHA = re.compile(r"[0-9a-f]{64}")


@dataclass(frozen=True)
class Member:
    """One member as written: a name, its bytes, and whether to compress them."""

    name: str
    data: bytes
    compress: bool = False
    kind: int = TYPE_FILE
    sha256: str = ""
    """The SHA-256 of ``data`` when the writer has it already (photos are named by it)."""


def check_name(name: str) -> None:
    """Refuse a member name that could escape, alias or surprise (see the module docstring)."""
    why = ""
    if not name or len(name) > MAX_NAME:
        why = "名称为空或过长"
    elif name.startswith(("/", "\\")) or re.match(r"^[A-Za-z]:", name):
        why = "绝对路径"
    elif "\\" in name:
        why = "含反斜杠"
    elif any(part in ("..", ".", "") for part in name.split("/")):
        why = "含“..”或空路径段"
    elif not _NAME_OK.fullmatch(name):
        why = "含不允许的字符"
    if why:
        raise BundleRefused(f"同步包内有不安全的成员名（{why}），已拒绝：{name[:60]!r}")


def member_sha(data: bytes | memoryview) -> str:
    return hashlib.sha256(data).hexdigest()


def pack(members: list[Member]) -> bytearray:
    """The container bytes of ``members`` (the first must be the manifest). No checks: tests use it
    to build hostile containers; :func:`build` is the checked way."""
    out = bytearray(_HEAD.pack(MAGIC, len(members)))
    for m in members:
        raw = m.data
        stored = zlib.compress(raw, 6) if m.compress else raw
        name = m.name.encode("utf-8")
        out += struct.pack(">H", len(name)) + name
        out += _ENTRY.pack(m.kind, FLAG_ZLIB if m.compress else 0, len(stored), len(raw))
        out += stored
    return out


def build(manifest: dict[str, Any], members: list[Member]) -> bytearray:
    """A container: the manifest (with every member's name, size and SHA-256 added) and members."""
    seen: set[str] = set()
    listed: list[dict[str, Any]] = []
    for m in members:
        check_name(m.name)
        if m.name in seen or m.name == MANIFEST:
            raise ValueError(f"duplicate member {m.name}")
        seen.add(m.name)
        sha = m.sha256 or member_sha(m.data)
        listed.append({"name": m.name, "size": len(m.data), "sha256": sha})
    doc = dict(manifest, members=listed)
    head = Member(MANIFEST, json.dumps(doc, ensure_ascii=False, sort_keys=True).encode("utf-8"))
    return pack([head, *members])


_CHUNK = 1024 * 1024


class _Stream:
    """Exact reads over an iterator of byte chunks (the decrypted segments), nothing held but the
    current chunk."""

    def __init__(self, chunks: Iterable[bytes | bytearray | memoryview]) -> None:
        self._it = iter(chunks)
        self._cur: bytes | bytearray | memoryview = b""
        self._off = 0

    def _fill(self) -> bool:
        while self._off >= len(self._cur):
            try:
                self._cur = next(self._it)
            except StopIteration:
                return False
            self._off = 0
        return True

    def pieces(self, n: int) -> Iterator[memoryview]:
        while n > 0:
            if not self._fill():
                raise BundleRefused("同步包内容不完整。")
            take = min(n, len(self._cur) - self._off)
            yield memoryview(self._cur)[self._off : self._off + take]
            self._off += take
            n -= take

    def read(self, n: int) -> bytes:
        return b"".join(bytes(p) for p in self.pieces(n))

    def at_end(self) -> bool:
        return not self._fill()


@dataclass(frozen=True)
class Listed:
    """A member as the manifest lists it."""

    name: str
    size: int
    sha256: str


@dataclass(frozen=True)
class Planned:
    """A member to be streamed (:func:`stream`): its name, size and SHA-256 known before its bytes
    are read, and ``load()`` to read them (a photo from the media store) when its turn comes."""

    name: str
    size: int
    sha256: str
    load: Callable[[], bytes | memoryview]


def _entry_head(name: str, flags: int, stored_len: int, raw_len: int) -> bytes:
    raw = name.encode("utf-8")
    return struct.pack(">H", len(raw)) + raw + _ENTRY.pack(TYPE_FILE, flags, stored_len, raw_len)


@dataclass(frozen=True)
class Layout:
    """A container to be streamed: the manifest and the small members in memory (compressed
    already), the large ones planned; its exact length is known before a byte is written."""

    head: bytes
    members: list[tuple[bytes, bytes]]
    """(entry head, stored bytes) of the manifest and the in-memory members, in order."""
    planned: list[tuple[bytes, Planned]]
    length: int


def layout(manifest: dict[str, Any], members: list[Member], planned: list[Planned]) -> Layout:
    """Lay out a container of ``members`` (held) and ``planned`` (streamed), in that order, with
    the manifest first listing every member's name, size and SHA-256 — the layout :func:`build`
    makes of the same members (compressed members at zlib level 1: JSON rows shrink about as much
    as at level 6, many times faster)."""
    seen: set[str] = set()
    listed: list[dict[str, Any]] = []
    for name in [m.name for m in members] + [p.name for p in planned]:
        check_name(name)
        if name in seen or name == MANIFEST:
            raise ValueError(f"duplicate member {name}")
        seen.add(name)
    held: list[tuple[bytes, bytes]] = []
    for m in members:
        listed.append(
            {"name": m.name, "size": len(m.data), "sha256": m.sha256 or member_sha(m.data)}
        )
    for p in planned:
        listed.append({"name": p.name, "size": p.size, "sha256": p.sha256})
    doc = json.dumps(dict(manifest, members=listed), ensure_ascii=False, sort_keys=True).encode()
    held.append((_entry_head(MANIFEST, 0, len(doc), len(doc)), doc))
    for m in members:
        stored = zlib.compress(m.data, 1) if m.compress else m.data
        flags = FLAG_ZLIB if m.compress else 0
        held.append((_entry_head(m.name, flags, len(stored), len(m.data)), stored))
    streamed = [(_entry_head(p.name, 0, p.size, p.size), p) for p in planned]
    head = _HEAD.pack(MAGIC, len(held) + len(streamed))
    length = len(head) + sum(len(h) + len(d) for h, d in held)
    length += sum(len(h) + p.size for h, p in streamed)
    return Layout(head, held, streamed, length)


def stream(plan: Layout, loaded: Iterable[bytes | memoryview]) -> Iterator[bytes | memoryview]:
    """The container's bytes in order; ``loaded`` yields the planned members' bytes in their
    order (read ahead in parallel by the caller), each checked against its planned size."""
    yield plan.head
    for head, data in plan.members:
        yield head
        yield data
    it = iter(loaded)
    for head, p in plan.planned:
        got = next(it)
        if len(got) != p.size:
            raise ValueError(f"member {p.name} changed size while it was written")
        yield head
        yield got


class Sink(Protocol):
    """Where a member's bytes go while it is read: ``write`` per piece, ``close`` once its hash
    has been checked (a member whose hash is wrong is refused before ``close``)."""

    def write(self, data: memoryview | bytes) -> None: ...

    def close(self) -> None: ...


def _entry(st: _Stream) -> tuple[str, int, int, int]:
    (name_len,) = struct.unpack(">H", st.read(2))
    raw_name = st.read(name_len)
    try:
        name = raw_name.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise BundleRefused("同步包内有无法识别的成员名，已拒绝。") from exc
    kind, flags, stored_len, raw_len = _ENTRY.unpack(st.read(_ENTRY.size))
    check_name(name)
    if kind in (TYPE_LINK, TYPE_HARDLINK):
        raise BundleRefused(f"同步包内有链接成员，已拒绝：{name}")
    if kind != TYPE_FILE:
        raise BundleRefused(f"同步包内有非文件成员，已拒绝：{name}")
    if flags & ~FLAG_ZLIB:
        raise BundleRefused(f"同步包成员标志未知，已拒绝：{name}")
    return name, flags, stored_len, raw_len


def _check_sizes(name: str, flags: int, stored: int, raw: int, cap: int, limits: Limits) -> None:
    if raw > cap:
        raise BundleRefused(
            f"同步包成员过大，已拒绝：{name}（解开后 {megabytes(raw)}，上限 {megabytes(cap)}）"
        )
    if flags & FLAG_ZLIB:
        if stored > cap + 1024 + cap // 100:
            raise BundleRefused(f"同步包成员过大，已拒绝：{name}")
        if raw > max(stored, 1) * limits.compression_ratio:
            raise BundleRefused(
                f"同步包成员压缩比异常（疑似压缩炸弹），已拒绝：{name}"
                f"（{raw // max(stored, 1)} 倍，上限 {limits.compression_ratio} 倍）"
            )
    elif stored != raw:
        raise BundleRefused(f"同步包成员长度不一致，已拒绝：{name}")


def _inflate(st: _Stream, name: str, flags: int, stored: int, raw: int) -> Iterator[memoryview]:
    """The member's bytes, inflated piece by piece; never more than ``raw`` of them."""
    if not flags & FLAG_ZLIB:
        yield from st.pieces(stored)
        return
    d = zlib.decompressobj()
    total = 0
    try:
        for piece in st.pieces(stored):
            buf: bytes | memoryview = piece
            while buf:
                if d.eof:
                    raise BundleRefused(f"同步包成员长度与声明不符，已拒绝：{name}")
                out = d.decompress(buf, _CHUNK)
                buf = d.unconsumed_tail
                total += len(out)
                if total > raw:
                    raise BundleRefused(f"同步包成员长度与声明不符，已拒绝：{name}")
                if out:
                    yield memoryview(out)
    except zlib.error as exc:
        raise BundleRefused(f"同步包成员无法解压，已拒绝：{name}") from exc
    if total != raw or not d.eof or d.unused_data:
        raise BundleRefused(f"同步包成员长度与声明不符，已拒绝：{name}")


def _listing(manifest: Any, limits: Limits) -> dict[str, Listed]:
    try:
        if not isinstance(manifest, dict) or not isinstance(manifest["members"], list):
            raise ValueError("manifest")
        listed: dict[str, Listed] = {}
        for m in manifest["members"]:
            name, size, sha = m["name"], m["size"], m["sha256"]
            if not isinstance(name, str) or not isinstance(sha, str) or not _SHA.fullmatch(sha):
                raise ValueError("member")
            if not isinstance(size, int) or isinstance(size, bool) or size < 0:
                raise ValueError("size")
            if name in listed or name == MANIFEST:
                raise ValueError("duplicate")
            listed[name] = Listed(name, size, sha)
    except (ValueError, KeyError, TypeError) as exc:
        raise BundleRefused("同步包清单无法读取，已拒绝。") from exc
    for m in listed.values():
        check_name(m.name)
        if m.size > limits.member_bytes:
            raise BundleRefused(
                f"同步包成员过大，已拒绝：{m.name}"
                f"（解开后 {megabytes(m.size)}，上限 {megabytes(limits.member_bytes)}）"
            )
    total = sum(m.size for m in listed.values())
    if total > limits.bundle_total_bytes:
        raise BundleRefused(
            f"同步包解开后过大，已拒绝（共 {megabytes(total)}，"
            f"上限 {megabytes(limits.bundle_total_bytes)}）。"
        )
    return listed


def _read_head(st: _Stream, limits: Limits) -> int:
    """The container's magic and member count (the manifest included), checked."""
    try:
        magic, count = _HEAD.unpack(st.read(_HEAD.size))
    except BundleRefused:
        raise BundleRefused("同步包内容不完整。") from None
    if magic != MAGIC:
        raise BundleRefused("同步包内容格式不对。")
    if count == 0:
        raise BundleRefused("同步包缺少清单，已拒绝。")
    if count - 1 > limits.bundle_members:
        raise BundleRefused(
            f"同步包成员过多，已拒绝（{count - 1} 个，上限 {limits.bundle_members} 个）。"
        )
    return int(count)


def _read_manifest(st: _Stream, limits: Limits) -> Any:
    """The first member, which must be the manifest, parsed as JSON (not yet checked)."""
    name, flags, stored, raw = _entry(st)
    if name != MANIFEST:
        raise BundleRefused("同步包缺少清单，已拒绝。")
    if raw > MAX_MANIFEST_BYTES:
        raise BundleRefused("同步包清单过大，已拒绝。")
    _check_sizes(name, flags, stored, raw, MAX_MANIFEST_BYTES, limits)
    head = b"".join(bytes(p) for p in _inflate(st, name, flags, stored, raw))
    try:
        return json.loads(head.decode("utf-8"))
    except (ValueError, UnicodeDecodeError) as exc:
        raise BundleRefused("同步包清单无法读取，已拒绝。") from exc


def _stream_member(
    st: _Stream,
    listed: Mapping[str, Listed],
    seen: set[str],
    sink_for: Callable[[Listed], Sink | None],
    limits: Limits,
) -> None:
    """The next member, checked against the manifest while it streams through its sink."""
    name, flags, stored, raw = _entry(st)
    if name in seen or name == MANIFEST:
        raise BundleRefused(f"同步包内有重名成员，已拒绝：{name}")
    meta = listed.get(name)
    if meta is None:
        raise BundleRefused(f"同步包内有清单未列出的成员，已拒绝：{name}")
    seen.add(name)
    _check_sizes(name, flags, stored, raw, limits.member_bytes, limits)
    if raw != meta.size:
        raise BundleRefused(f"同步包成员长度与清单不符，已拒绝：{name}")
    sink = sink_for(meta)
    digest = hashlib.sha256()
    for piece in _inflate(st, name, flags, stored, raw):
        digest.update(piece)
        if sink is not None:
            sink.write(piece)
    if digest.hexdigest() != meta.sha256:
        raise BundleRefused(f"同步包成员校验值不符（文件已被改动），已拒绝：{name}")
    if sink is not None:
        sink.close()


def walk(
    chunks: Iterable[bytes | bytearray | memoryview],
    sink_for: Callable[[Listed], Sink | None],
    limits: Limits = DEFAULT_LIMITS,
    on_manifest: Callable[[dict[str, Any]], None] | None = None,
) -> dict[str, Any]:
    """Read a container from ``chunks`` once, front to back, and return its manifest.

    Every member is checked (name, type, flags, sizes against ``limits`` and the manifest,
    compression ratio, length, SHA-256) while it streams through its sink (``sink_for`` a listed
    member: a :class:`Sink`, or None to check it only). ``on_manifest`` sees the manifest before
    any other member is read. At most one chunk and one inflated piece are held at a time.
    Anything wrong raises :class:`BundleRefused`."""
    st = _Stream(chunks)
    count = _read_head(st, limits)
    manifest = _read_manifest(st, limits)
    listed = _listing(manifest, limits)
    if on_manifest is not None:
        on_manifest(manifest)
    seen: set[str] = set()
    for _ in range(count - 1):
        _stream_member(st, listed, seen, sink_for, limits)
    missing = sorted(set(listed) - seen)
    if missing:
        raise BundleRefused(f"同步包缺少清单所列成员，已拒绝：{missing[0]}")
    if not st.at_end():
        raise BundleRefused("同步包内容末尾有多余数据，已拒绝。")
    return dict(manifest)


class _Collect:
    def __init__(self, into: dict[str, bytes], name: str) -> None:
        self._into, self._name, self._parts = into, name, bytearray()

    def write(self, data: memoryview | bytes) -> None:
        self._parts += data

    def close(self) -> None:
        self._into[self._name] = bytes(self._parts)


class Contents:
    """A whole verified container in memory: the manifest and every member by name. For small
    containers and tests; an import streams the members instead (:func:`walk`)."""

    def __init__(
        self, buf: bytes | bytearray | memoryview, limits: Limits = DEFAULT_LIMITS
    ) -> None:
        data: dict[str, bytes] = {}
        self.manifest: dict[str, Any] = walk([buf], lambda m: _Collect(data, m.name), limits)
        self._data = data
        self._listed = _listing(self.manifest, limits)

    def names(self) -> list[str]:
        return list(self._listed)

    def read(self, name: str) -> bytes:
        if name not in self._data:
            raise BundleRefused(f"清单中没有这个成员：{name}")
        return self._data[name]

    def sha256(self, name: str) -> str:
        return self._listed[name].sha256

    def verify_all(self) -> None:
        """Every member was verified when the container was read."""
