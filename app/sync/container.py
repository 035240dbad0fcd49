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
missing from it, members over :data:`MAX_MEMBER_BYTES`, a total over :data:`MAX_TOTAL_BYTES`, and a
compression ratio over :data:`MAX_RATIO`. Trailing bytes are refused too.
"""

from __future__ import annotations

import hashlib
import json
import re
import struct
import zlib
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from typing import Any

from app.sync.errors import BundleRefused

MAGIC = b"XDSI"
MANIFEST = "manifest.json"
TYPE_FILE = 0
TYPE_LINK = 1
TYPE_HARDLINK = 2
TYPE_DIR = 3
FLAG_ZLIB = 1

MAX_MEMBERS = 200_000
MAX_NAME = 200
MAX_MEMBER_BYTES = 256 * 1024 * 1024
MAX_TOTAL_BYTES = 4 * 1024 * 1024 * 1024
MAX_RATIO = 100
MAX_MANIFEST_BYTES = 64 * 1024 * 1024

_HEAD = struct.Struct(">4sI")
_ENTRY = struct.Struct(">BBQQ")
_NAME_OK = re.compile(r"[A-Za-z0-9._-]+(/[A-Za-z0-9._-]+)*")


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


@dataclass(frozen=True)
class _Entry:
    kind: int
    flags: int
    stored: memoryview
    raw_len: int


def _index(buf: memoryview) -> dict[str, _Entry]:
    if len(buf) < _HEAD.size:
        raise BundleRefused("同步包内容不完整。")
    magic, count = _HEAD.unpack_from(buf, 0)
    if magic != MAGIC:
        raise BundleRefused("同步包内容格式不对。")
    if count > MAX_MEMBERS:
        raise BundleRefused("同步包成员过多，已拒绝。")
    pos = _HEAD.size
    entries: dict[str, _Entry] = {}
    total = 0
    for _ in range(count):
        if pos + 2 > len(buf):
            raise BundleRefused("同步包内容不完整。")
        (name_len,) = struct.unpack_from(">H", buf, pos)
        pos += 2
        if pos + name_len + _ENTRY.size > len(buf):
            raise BundleRefused("同步包内容不完整。")
        try:
            name = bytes(buf[pos : pos + name_len]).decode("utf-8")
        except UnicodeDecodeError as exc:
            raise BundleRefused("同步包内有无法识别的成员名，已拒绝。") from exc
        pos += name_len
        kind, flags, stored_len, raw_len = _ENTRY.unpack_from(buf, pos)
        pos += _ENTRY.size
        check_name(name)
        if kind in (TYPE_LINK, TYPE_HARDLINK):
            raise BundleRefused(f"同步包内有链接成员，已拒绝：{name}")
        if kind != TYPE_FILE:
            raise BundleRefused(f"同步包内有非文件成员，已拒绝：{name}")
        if flags & ~FLAG_ZLIB:
            raise BundleRefused(f"同步包成员标志未知，已拒绝：{name}")
        if name in entries:
            raise BundleRefused(f"同步包内有重名成员，已拒绝：{name}")
        if raw_len > MAX_MEMBER_BYTES or stored_len > MAX_MEMBER_BYTES:
            raise BundleRefused(f"同步包成员过大，已拒绝：{name}")
        if flags & FLAG_ZLIB:
            if raw_len > max(stored_len, 1) * MAX_RATIO:
                raise BundleRefused(f"同步包成员压缩比异常（疑似压缩炸弹），已拒绝：{name}")
        elif stored_len != raw_len:
            raise BundleRefused(f"同步包成员长度不一致，已拒绝：{name}")
        total += raw_len
        if total > MAX_TOTAL_BYTES:
            raise BundleRefused("同步包解开后过大，已拒绝。")
        if pos + stored_len > len(buf):
            raise BundleRefused("同步包内容不完整。")
        entries[name] = _Entry(kind, flags, buf[pos : pos + stored_len], raw_len)
        pos += stored_len
    if pos != len(buf):
        raise BundleRefused("同步包内容末尾有多余数据，已拒绝。")
    return entries


def _data(name: str, entry: _Entry) -> bytes | memoryview:
    if not entry.flags & FLAG_ZLIB:
        return entry.stored
    d = zlib.decompressobj()
    try:
        out = d.decompress(entry.stored, entry.raw_len + 1)
    except zlib.error as exc:
        raise BundleRefused(f"同步包成员无法解压，已拒绝：{name}") from exc
    if len(out) != entry.raw_len or not d.eof or d.unused_data:
        raise BundleRefused(f"同步包成员长度与声明不符，已拒绝：{name}")
    return out


class Contents:
    """A verified container: the manifest and the members it lists, read by name only."""

    def __init__(self, buf: bytes | bytearray | memoryview) -> None:
        entries = _index(memoryview(buf))
        names = list(entries)
        if not names or names[0] != MANIFEST:
            raise BundleRefused("同步包缺少清单，已拒绝。")
        head = entries.pop(MANIFEST)
        if head.raw_len > MAX_MANIFEST_BYTES:
            raise BundleRefused("同步包清单过大，已拒绝。")
        try:
            manifest = json.loads(bytes(_data(MANIFEST, head)).decode("utf-8"))
            listed = {str(m["name"]): m for m in manifest["members"]}
            if not isinstance(manifest, dict) or len(listed) != len(manifest["members"]):
                raise ValueError("manifest")
        except (ValueError, KeyError, TypeError) as exc:
            raise BundleRefused("同步包清单无法读取，已拒绝。") from exc
        extra = sorted(set(entries) - set(listed))
        if extra:
            raise BundleRefused(f"同步包内有清单未列出的成员，已拒绝：{extra[0]}")
        missing = sorted(set(listed) - set(entries))
        if missing:
            raise BundleRefused(f"同步包缺少清单所列成员，已拒绝：{missing[0]}")
        self.manifest: dict[str, Any] = manifest
        self._entries = entries
        self._listed = listed
        self._verified: dict[str, bytes | memoryview] = {}

    def names(self) -> list[str]:
        return list(self._listed)

    def read(self, name: str) -> bytes | memoryview:
        """The bytes of the listed member ``name``, checked against its size and SHA-256."""
        if name in self._verified:
            return self._verified[name]
        meta = self._listed.get(name)
        if meta is None:
            raise BundleRefused(f"清单中没有这个成员：{name}")
        data = _data(name, self._entries[name])
        if len(data) != meta.get("size") or member_sha(data) != meta.get("sha256"):
            raise BundleRefused(f"同步包成员校验值不符（文件已被改动），已拒绝：{name}")
        self._verified[name] = data
        return data

    def sha256(self, name: str) -> str:
        """The SHA-256 the manifest lists for ``name`` (checked by :meth:`read`)."""
        return str(self._listed[name].get("sha256"))

    def verify_all(self) -> None:
        for name in self._listed:
            self.read(name)
