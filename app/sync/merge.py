"""Import: verify everything, then merge in one transaction; conflicts go to a list.

Before anything is written: the file's length, sender, signature and every segment's tag
(``seal``), then — reading the decrypted container once, a piece at a time — the container's
names, sizes, limits and hashes (``container``), every row's columns and values, every photo (the
JPEG the intake writes, and named by a row of the bundle), then the manifest against the header.
Then, in one transaction (foreign keys checked at commit, so parents and children may come in any
order within it), every row is decided and every row that would be created or changed is checked
against the ownership rule (:mod:`app.storage.ownership`): one row the signer may not write
refuses the whole bundle, naming that row, before anything is written. Only then:

- a row the office does not hold is inserted (``new``);
- the same stamp (origin, version) as the stored row, or a stamp the stored row already built on,
  is a no-op (``unchanged``);
- a newer version from the same origin as the stored row, or a change whose base is the stored
  row's stamp, replaces it (``updated``);
- equal content under another stamp is a no-op;
- anything else is a change that diverged from the stored row: it goes to the conflict list
  (``conflict``), the stored row stays as it is until a person decides.

The owner of each new row is recorded from the verified signer (at a team: as the office's
bundle declares it). Photos of the rows taken are decrypted a third time from the file and stored
once by hash, inside the transaction, before the rows that name them are committed; none is
written for a refused bundle, and none is left half-written by a kill (see
:mod:`app.storage.mediastore`). A bundle imported again writes nothing.
"""

from __future__ import annotations

import contextlib
import json
import re
import threading
from collections import defaultdict
from collections.abc import Callable, Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import sqlalchemy as sa
from sqlalchemy.exc import DataError, IntegrityError, OperationalError
from sqlmodel import select

from app.domain.limits import Limits
from app.domain.vocabulary import WorkspaceKind
from app.storage.bulk import write_audit_events, write_change_log
from app.storage.dialect import (
    defer_foreign_keys,
    insert_rows,
    serialize_on,
)
from app.storage.limits import load_limits
from app.storage.locks import job
from app.storage.mediastore import MediaStore, referenced_names
from app.storage.models import SyncBundle, SyncConflict, SyncDevice, Synced, utcnow
from app.storage.ownership import (
    IDENTITY,
    OFFICE,
    Facts,
    describe,
    own_party,
    party_names,
    record_owners,
    recorded_owners,
    references,
    refusal,
)
from app.storage.ownership import label as ownership_label
from app.storage.session import SYNC_MERGE_KEY, Actor
from app.storage.workspace import Workspace
from app.sync import identity, rows, upward
from app.sync.container import Contents, Listed, Sink, walk
from app.sync.errors import BundleRefused
from app.sync.export import CONTENTS_FORMAT, CONTENTS_VERSION
from app.sync.keys import PublicIdentity
from app.sync.photos import intake_jpeg_refusal
from app.sync.seal import TO_CITY, TO_OFFICE, TO_TEAM, Header, Opened, open_sealed

KINDS = ("new", "updated", "unchanged", "conflict")
_SHA = re.compile(r"[0-9a-f]{64}")
_ROW_MEMBER = re.compile(r"rows/([a-z_]+)\.json")
_MEDIA_MEMBER = re.compile(r"media/([0-9a-f]{64})\.jpg")

Progress = Callable[[int, str], None]


@dataclass
class ImportReport:
    path: Path
    bundle_id: str
    team_id: str
    device_id: str
    direction: str
    already_imported: bool = False
    counts: dict[str, dict[str, int]] = field(default_factory=dict)
    """kind (table) → {"new", "updated", "unchanged", "conflict"} → rows."""
    media_new: int = 0
    media_total: int = 0
    seq_from: int = 0
    seq_to: int = 0

    def total(self, what: str) -> int:
        return sum(c.get(what, 0) for c in self.counts.values())

    def to_json(self) -> dict[str, Any]:
        return {"counts": self.counts, "media_new": self.media_new, "media": self.media_total}


@dataclass
class _Incoming:
    table: str
    cols: list[str]
    rows: list[list[Any]]
    bases: list[tuple[str, int]]


def _signer_of(ws: Workspace) -> Callable[[Header], PublicIdentity]:
    def signer_of(h: Header) -> PublicIdentity:
        if ws.kind is WorkspaceKind.OFFICE:
            if h.direction == TO_CITY:
                return upward.signer_at_city(ws, h)
            if h.direction != TO_OFFICE:
                raise BundleRefused("这个同步包是发给巡察组的，不能在巡察办导入。")
            found = identity.peer(ws, h.sender)
            if found is None or h.team_id != h.sender:
                raise BundleRefused("同步包来自未知的巡察组（未为其签发组包），已拒绝。")
            return found
        if h.direction != TO_TEAM:
            raise BundleRefused("这个同步包是发给巡察办的，不能在巡察组导入。")
        office = identity.office_identity(ws)
        if h.sender != office.peer_id:
            raise BundleRefused("同步包不是本组的巡察办签发的，已拒绝。")
        return office

    return signer_of


_SPACE = re.compile(r"[ \t\n\r]*")


class _TooMany(Exception):
    pass


def _skip(text: str, pos: int) -> int:
    m = _SPACE.match(text, pos)
    return pos if m is None else m.end()


def _array(text: str, pos: int, limit: int) -> tuple[list[Any], int]:
    """A JSON array at ``pos``, decoded one element at a time: more than ``limit`` elements
    stops the decoding (so a member of a million rows is refused after ``limit + 1``)."""
    dec = json.JSONDecoder()
    if text[pos : pos + 1] != "[":
        raise ValueError("array")
    items: list[Any] = []
    pos = _skip(text, pos + 1)
    if text[pos : pos + 1] == "]":
        return items, pos + 1
    while True:
        item, pos = dec.raw_decode(text, pos)
        items.append(item)
        if len(items) > limit:
            raise _TooMany
        pos = _skip(text, pos)
        sep = text[pos : pos + 1]
        if sep == "]":
            return items, pos + 1
        if sep != ",":
            raise ValueError("array")
        pos = _skip(text, pos + 1)


def _rows_doc(text: str, limit: int) -> dict[str, Any]:
    """A row table's JSON object; its ``rows`` and ``base`` arrays at most ``limit`` long."""
    dec = json.JSONDecoder()
    pos = _skip(text, 0)
    if text[pos : pos + 1] != "{":
        raise ValueError("object")
    doc: dict[str, Any] = {}
    pos = _skip(text, pos + 1)
    while True:
        key, pos = dec.raw_decode(text, pos)
        if (
            not isinstance(key, str)
            or key in doc
            or key not in ("table", "columns", "rows", "base")
        ):
            raise ValueError("key")
        pos = _skip(text, pos)
        if text[pos : pos + 1] != ":":
            raise ValueError("colon")
        pos = _skip(text, pos + 1)
        if key in ("rows", "base"):
            doc[key], pos = _array(text, pos, limit)
        else:
            doc[key], pos = dec.raw_decode(text, pos)
        pos = _skip(text, pos)
        sep = text[pos : pos + 1]
        if sep == "}":
            if _skip(text, pos + 1) != len(text):
                raise ValueError("trailing")
            return doc
        if sep != ",":
            raise ValueError("object")
        pos = _skip(text, pos + 1)


class _RowsSink:
    """Collects a row table's member and checks it once its hash is verified: no more rows than
    the manifest announced for the table (and the announced total is within the limit)."""

    def __init__(self, table: str, out: list[_Incoming], declared: int) -> None:
        self.table, self._out, self._declared = table, out, declared
        self._buf = bytearray()

    def write(self, data: memoryview | bytes) -> None:
        self._buf += data

    def close(self) -> None:
        t = ownership_label(self.table)
        try:
            text = self._buf.decode("utf-8")
            self._buf = bytearray()
            doc = _rows_doc(text, self._declared)
            del text
            cols = doc["columns"]
            data = doc["rows"]
            bases = [(str(o), int(v)) for o, v in doc["base"]]
            if doc["table"] != self.table or not isinstance(data, list) or len(bases) != len(data):
                raise ValueError("table")
        except _TooMany:
            raise BundleRefused(
                f"同步包中的{t}数据条数多于清单所列（{self._declared} 条），已拒绝。"
            ) from None
        except (ValueError, KeyError, TypeError, UnicodeDecodeError) as exc:
            raise BundleRefused(f"同步包中的{t}数据无法读取，已拒绝。") from exc
        if len(data) != self._declared:
            raise BundleRefused(f"同步包中的{t}数据条数与清单不符，已拒绝。")
        if cols != rows.columns(self.table):
            raise BundleRefused(f"同步包的数据结构与本程序不一致（{t}），请两边使用同一版本。")
        decode = rows.decoders(self.table)
        for values in data:
            if not isinstance(values, list) or len(values) != len(cols):
                raise BundleRefused(f"同步包中的{t}数据列数不对，已拒绝。")
            try:
                for d, v in zip(decode, values, strict=True):
                    d(v)
            except (ValueError, TypeError) as exc:
                raise BundleRefused(f"同步包中的{t}数据有无效的值，已拒绝。") from exc
            if not isinstance(values[0], str) or not 1 <= len(values[0]) <= 36:
                raise BundleRefused(f"同步包中的{t}数据编号无效，已拒绝。")
        if len({v[0] for v in data}) != len(data):
            raise BundleRefused(f"同步包中的{t}数据有重复的记录，已拒绝。")
        self._out.append(_Incoming(self.table, cols, data, bases))


class _PhotoSink:
    """Checks one photo (the JPEG the intake writes) and forgets its bytes."""

    def __init__(self, name: str, max_edge: int) -> None:
        self._name, self._edge, self._buf = name, max_edge, bytearray()

    def write(self, data: memoryview | bytes) -> None:
        self._buf += data

    def close(self) -> None:
        why = intake_jpeg_refusal(self._buf, self._edge)
        self._buf = bytearray()
        if why is not None:
            raise BundleRefused(
                f"同步包中的照片不是本程序写入的 JPEG（{why}），已拒绝：{self._name}"
            )


@dataclass
class _Read:
    manifest: dict[str, Any]
    incoming: list[_Incoming]
    media: dict[str, str]
    """SHA-256 → member name of every photo in the bundle."""
    owners: dict[str, str]
    """Record id → owner, as an office bundle declares it."""
    origins: dict[str, tuple[str, str]] | None = None
    """An upward bundle's (上报) record id → (team id, device id) of the laptop that made it."""


class _Collect:
    """Keeps a small member's bytes (an upward bundle's origin list)."""

    def __init__(self) -> None:
        self.data = bytearray()

    def write(self, data: memoryview | bytes) -> None:
        self.data += data

    def close(self) -> None:
        pass


def _read(opened: Opened, header: Header, limits: Limits) -> _Read:
    """The one streaming read of a verified bundle: every member checked, rows kept, photos not."""
    incoming: list[_Incoming] = []
    media: dict[str, str] = {}
    counts: dict[str, int] = {}
    origin = _Collect() if header.direction == TO_CITY else None

    def on_manifest(manifest: dict[str, Any]) -> None:
        declared = manifest.get("counts")
        if not isinstance(declared, dict) or not all(
            isinstance(k, str) and isinstance(v, int) and not isinstance(v, bool) and v >= 0
            for k, v in declared.items()
        ):
            raise BundleRefused("同步包清单缺少各类记录的条数，已拒绝。")
        total = sum(declared.values())
        if total > limits.bundle_rows:
            raise BundleRefused(
                f"同步包有 {total} 条记录，超过上限 {limits.bundle_rows} 条，已拒绝；"
                "请分几次导出，或在设置中调高上限。"
            )
        counts.update(declared)

    def sink_for(m: Listed) -> Sink | None:
        if origin is not None and m.name == upward.ORIGIN_MEMBER:
            return origin
        if (rm := _ROW_MEMBER.fullmatch(m.name)) and rm.group(1) in rows.MODELS:
            return _RowsSink(rm.group(1), incoming, counts.get(rm.group(1), 0))
        if mm := _MEDIA_MEMBER.fullmatch(m.name):
            if mm.group(1) != m.sha256:
                raise BundleRefused(f"照片与其名称中的校验值不符，已拒绝：{m.name}")
            media[m.sha256] = m.name
            return _PhotoSink(m.name, limits.photo_edge)
        raise BundleRefused(f"同步包内有不认识的成员，已拒绝：{m.name}")

    manifest = walk(opened.chunks(), sink_for, limits, on_manifest)
    expect = {
        "format": CONTENTS_FORMAT,
        "version": CONTENTS_VERSION,
        "bundle_id": header.bundle_id,
        "direction": header.direction,
        "team_id": header.team_id,
        "device_id": header.device_id,
    }
    for k, v in expect.items():
        if manifest.get(k) != v:
            raise BundleRefused(f"同步包清单与文件头不符（{k}），已拒绝。")
    order = {t: i for i, t in enumerate(rows.ORDER)}
    incoming.sort(key=lambda inc: order[inc.table])
    origins = None
    if origin is not None:
        if not origin.data:
            raise BundleRefused("上报包缺少来源记录，已拒绝。")
        origins = upward.parse_origins(bytes(origin.data))
    return _Read(manifest, incoming, media, _declared_owners(manifest, header), origins)


def _declared_owners(manifest: dict[str, Any], header: Header) -> dict[str, str]:
    raw = manifest.get("owners")
    if raw is None:
        return {}
    if header.direction != TO_TEAM:
        raise BundleRefused("巡察组的同步包不能声明记录归属，已拒绝。")
    out: dict[str, str] = {}
    try:
        if not isinstance(raw, dict):
            raise TypeError("owners")
        for party, ids in raw.items():
            if not isinstance(party, str) or not 1 <= len(party) <= 36 or not isinstance(ids, list):
                raise TypeError("owners")
            for rid in ids:
                if not isinstance(rid, str):
                    raise TypeError("owners")
                out[rid] = party
    except TypeError as exc:
        raise BundleRefused("同步包的记录归属无法读取，已拒绝。") from exc
    return out


def _int(v: Any) -> int:
    return v if isinstance(v, int) and not isinstance(v, bool) else 0


def _normalise(inc: _Incoming, store: MediaStore, media: dict[str, str]) -> set[str]:
    """Make incoming rows local: photo tokens become this workspace's media names. Returns the
    SHA-256 of every photo the rows name."""
    named: set[str] = set()
    if inc.table == "attachment":
        idx = [inc.cols.index("stored_name"), inc.cols.index("thumb_name")]
        for values in inc.rows:
            for i in idx:
                v = values[i]
                if not v:
                    continue
                sha = v.removeprefix("sha256:")
                if not v.startswith("sha256:") or not _SHA.fullmatch(sha) or sha not in media:
                    raise BundleRefused("同步包中的照片记录引用了包内没有的照片，已拒绝。")
                named.add(sha)
                values[i] = store.name_for(sha)
    return named


def verify_bundle(
    ws: Workspace, path: Path, limits: Limits | None = None
) -> tuple[Header, Contents, str]:
    """Every check that needs no write, with the whole container in memory (small bundles and
    tests; :func:`import_bundle` streams instead). Returns the header, the contents, the file
    hash."""
    opened = _open(ws, path)
    contents = Contents(opened.read_all(), limits or load_limits(ws))
    return opened.header, contents, opened.file_sha256


def _open(ws: Workspace, path: Path) -> Opened:
    me = identity.own_keys(ws)
    opened = open_sealed(path, signer_of=_signer_of(ws), me=me)
    if ws.kind is not WorkspaceKind.OFFICE and opened.header.team_id != me.owner_id:
        raise BundleRefused("这个同步包是发给另一个巡察组的。")
    return opened


def import_bundle(
    ws: Workspace, path: Path, progress: Progress | None = None, limits: Limits | None = None
) -> ImportReport:
    """Verify the bundle at ``path`` and merge it (see the module docstring)."""

    def report_progress(pct: int, what: str) -> None:
        if progress is not None:
            progress(pct, what)

    limits = limits or load_limits(ws)
    report_progress(0, "正在校验签名与完整性…")
    opened = _open(ws, path)
    header = opened.header
    report_progress(20, "正在检查内容…")
    got = _read(opened, header, limits)
    store = ws.media_store()
    named: set[str] = set()
    for inc in got.incoming:
        named |= _normalise(inc, store, got.media)
    unnamed = sorted(set(got.media) - named)
    if unnamed:
        raise BundleRefused(f"同步包中有没有任何记录引用的照片，已拒绝：{got.media[unnamed[0]]}")
    report = ImportReport(
        path=path,
        bundle_id=header.bundle_id,
        team_id=header.team_id,
        device_id=header.device_id,
        direction=header.direction,
        media_total=len(got.media),
        seq_from=_int(got.manifest.get("seq_from")),
        seq_to=_int(got.manifest.get("seq_to")),
    )
    report_progress(50, "正在合并记录…")
    for attempt in range(1, MERGE_ATTEMPTS + 1):
        try:
            _merge(ws, opened, got, store, limits, report)
            break
        except (IntegrityError, OperationalError) as exc:  # rolled back: nothing was written
            if ws.on_server and attempt < MERGE_ATTEMPTS and _concurrent(exc):
                report.counts.clear()  # another clerk's import got there first: go again
                continue
            if isinstance(exc, OperationalError) and not _concurrent(exc):
                raise
            raise BundleRefused(_integrity_reason(exc)) from exc
        except DataError as exc:
            raise BundleRefused(
                "同步包中有超出长度或格式不对的值，已拒绝（未写入任何数据）。"
            ) from exc
    report_progress(100, "导入完成")
    return report


def _local_usernames(inc: _Incoming, stored: dict[str, list[Any]]) -> None:
    """A user name is a login handle of this workspace, unique in it, not shared content: a user
    held here keeps their name; a new one from elsewhere gets the suffix of their id, so the
    leaders of two laptops (or teams) with the same name never collide."""
    i = inc.cols.index("username")
    for values in inc.rows:
        current = stored.get(str(values[0]))
        if current is not None:
            values[i] = current[i]
        else:
            values[i] = f"{values[i]}@{str(values[0])[:8]}"


def _ancestry(conn: sa.Connection, ids: list[str]) -> dict[str, dict[str, int]]:
    """Per record: for each origin, the highest version of it the stored row has built on."""
    out: dict[str, dict[str, int]] = defaultdict(dict)
    for i in range(0, len(ids), 500):
        chunk = ids[i : i + 500]
        for rid, origin, version in conn.execute(
            sa.text(
                "SELECT record_id, base_origin, max(base_version) FROM sync_change "
                "WHERE record_id IN :ids GROUP BY record_id, base_origin"
            ).bindparams(sa.bindparam("ids", expanding=True)),
            {"ids": chunk},
        ):
            out[str(rid)][str(origin)] = int(version)
    return out


def _decide(
    cols: list[str],
    stored: list[Any],
    values: list[Any],
    base: tuple[str, int],
    ancestry: dict[str, int],
) -> str:
    io, iv = cols.index("origin"), cols.index("version")
    s_origin, s_version = str(stored[io]), int(stored[iv])
    i_origin, i_version = str(values[io]), int(values[iv])
    same_content = rows.content_sha(cols, stored) == rows.content_sha(cols, values)
    if (s_origin, s_version) == (i_origin, i_version):
        return "unchanged" if same_content else "conflict"
    if i_origin == s_origin:
        return "updated" if i_version > s_version else "unchanged"
    if ancestry.get(i_origin, -1) >= i_version:
        return "unchanged"  # the stored row already built on this version
    if same_content:  # the same change made twice: keep the greater stamp, whatever the order
        return "updated" if (i_version, i_origin) > (s_version, s_origin) else "unchanged"
    if base == (s_origin, s_version):
        return "updated"
    return "conflict"


def _merge(
    ws: Workspace,
    opened: Opened,
    got: _Read,
    store: MediaStore,
    limits: Limits,
    report: ImportReport,
) -> None:
    header = opened.header
    office = ws.kind is WorkspaceKind.OFFICE
    signer = header.team_id if office else OFFICE
    with job("导入同步包"), ws.session(write=True) as s:
        s.info[SYNC_MERGE_KEY] = True
        conn = s.connection()
        defer_foreign_keys(conn)
        serialize_on(conn, f"bundle:{header.bundle_id}")
        store.recover(lambda _names: referenced_names(conn))
        already = s.get(SyncBundle, header.bundle_id) is not None
        report.already_imported = already
        _check_device(s, header, signer)
        plans: list[_Plan] = []
        for inc in got.incoming:
            ids = [str(v[0]) for v in inc.rows]
            stored = rows.read_rows(conn, inc.table, ids)
            ancestry = _ancestry(conn, [i for i in ids if i in stored])
            if inc.table == "user":
                _local_usernames(inc, stored)
            decisions = [
                "new"
                if (current := stored.get(str(values[0]))) is None
                else _decide(inc.cols, current, values, base, ancestry.get(str(values[0]), {}))
                for values, base in zip(inc.rows, inc.bases, strict=True)
            ]
            plans.append(_Plan(inc, stored, decisions))
        if header.direction == TO_CITY:
            owners = _district_owners(conn, header, plans)
        else:
            owners = _check_owners(conn, header, signer, plans, got.owners)
        # photos of the rows taken, written before the rows that name them are committed
        wanted = _photos_wanted(plans, store)
        have = store.existing(wanted)  # one query per thousand on a server
        new_names = [n for n in wanted if n not in have]
        report.media_new = len(new_names)
        wrote = False
        with _journal(store, header.bundle_id, new_names):
            if new_names:
                to_write = set(new_names)
                writer = _PhotoWriter(store)

                def sink_for(m: Listed) -> Sink | None:
                    taken = m.name in got.media.values() and store.name_for(m.sha256) in to_write
                    return writer.sink() if taken else None

                try:  # the third read: decrypted and checked again
                    walk(opened.chunks(), sink_for, limits)
                finally:
                    writer.finish()
                store.sync_folders(new_names)
                wrote = True
            wrote = _write_rows(s, conn, header, plans, owners, report, got.origins) or wrote
            if s.get(SyncDevice, header.device_id) is None:
                s.add(SyncDevice(device_id=header.device_id, team_id=signer))
                wrote = True
            if not already:
                s.add(
                    SyncBundle(
                        bundle_id=header.bundle_id,
                        direction=header.direction,
                        team_id=header.team_id,
                        device_id=header.device_id,
                        seq_from=report.seq_from,
                        seq_to=report.seq_to,
                        file_sha256=opened.file_sha256,
                        report=json.dumps(report.to_json(), ensure_ascii=False, sort_keys=True),
                    )
                )
                wrote = True
            if not wrote:
                s.rollback()
                return
            s.audit("import_bundle", note=f"{header.bundle_id} {header.team_id} {header.device_id}")
            s.commit()


@dataclass
class _Plan:
    inc: _Incoming
    stored: dict[str, list[Any]]
    decisions: list[str]


class _PhotoWriter:
    """Stores the photos of an accepted bundle as the third read streams them (each hash checked
    first), a few at a time in parallel so the file system can group their syncs; at most
    ``in_flight`` photos are held."""

    def __init__(self, store: MediaStore, in_flight: int = 8) -> None:
        self._store = store
        self._pool = ThreadPoolExecutor(max_workers=in_flight)
        self._slots = threading.BoundedSemaphore(in_flight)
        self._pending: list[Future[str]] = []

    def sink(self) -> Sink:
        writer = self

        class _One:
            def __init__(self) -> None:
                self.buf = bytearray()

            def write(self, data: memoryview | bytes) -> None:
                self.buf += data

            def close(self) -> None:
                writer._slots.acquire()
                future = writer._pool.submit(writer._store.put_new, self.buf)
                future.add_done_callback(lambda _f: writer._slots.release())
                writer._pending.append(future)
                self.buf = bytearray()

        return _One()

    def finish(self) -> None:
        """Wait for every photo; the first failure (a full disk …) is raised."""
        try:
            for future in self._pending:
                future.result()
        finally:
            self._pool.shutdown(wait=True)


@contextlib.contextmanager
def _journal(store: MediaStore, bundle_id: str, names: list[str]) -> Iterator[None]:
    """The media journal around writing ``names`` and committing; on an error the files just
    added are removed again at once (only a killed import leaves them, to :meth:`recover`)."""
    if not names:
        yield
        return
    try:
        with store.import_journal(bundle_id, names):
            yield
    except BaseException:
        store.discard_import(bundle_id, names)
        raise


def _photos_wanted(plans: list[_Plan], store: MediaStore) -> list[str]:
    """Stored names of the photos of attachment rows taken (new, updated), and of rows already
    held whose file is missing here."""
    out: set[str] = set()
    for plan in plans:
        if plan.inc.table != "attachment":
            continue
        cols = plan.inc.cols
        idx = [cols.index("stored_name"), cols.index("thumb_name")]
        for values, what in zip(plan.inc.rows, plan.decisions, strict=True):
            if what == "conflict":
                continue  # the stored row stays: its photo, not the incoming one
            for i in idx:
                if values[i] and (what != "unchanged" or not store.exists(values[i])):
                    out.add(str(values[i]))
    return sorted(out)


def _check_device(s: Any, header: Header, signer: str) -> None:
    """A device belongs to one party: a bundle naming another party's device is refused."""
    known = s.get(SyncDevice, header.device_id)
    if known is not None and known.team_id != signer:
        raise BundleRefused("同步包的设备编号属于另一方，已拒绝。")


def _check_owners(
    conn: sa.Connection,
    header: Header,
    signer: str,
    plans: list[_Plan],
    declared: dict[str, str],
) -> dict[str, str]:
    """Refuse the bundle at the first row it would create or change that ``signer`` may not write
    (:func:`app.storage.ownership.refusal`); nothing has been written yet. Returns the owner of
    each new row."""
    own = own_party(conn)
    facts = Facts(conn, own)
    office_devices = {
        str(d)
        for (d,) in conn.execute(
            sa.text("SELECT device_id FROM sync_device WHERE team_id = :t"), {"t": OFFICE}
        )
    }
    if signer == OFFICE:
        office_devices.add(header.device_id)
    changed: list[str] = []
    new_owners: dict[str, str] = {}
    for plan in plans:
        cols = plan.inc.cols
        for values, what in zip(plan.inc.rows, plan.decisions, strict=True):
            rid = str(values[0])
            if what == "new":
                owner = signer if signer != OFFICE else declared.get(rid, OFFICE)
                new_owners[rid] = owner
                facts.pending[rid] = (owner, plan.inc.table, rows.as_dict(cols, values))
            elif what != "unchanged":
                changed.append(rid)
    recorded = recorded_owners(conn, changed)
    if signer != OFFICE:  # the owners of every row a team's rows point at, in a few queries
        targets: set[str] = set()
        for plan in plans:
            fks = [plan.inc.cols.index(c) for c, _t in references(plan.inc.table)]
            for values, what in zip(plan.inc.rows, plan.decisions, strict=True):
                if what != "unchanged":
                    targets.update(str(values[i]) for i in fks if values[i])
        facts.prefetch(targets)
    names: dict[str, str] | None = None
    for plan in plans:
        table, cols = plan.inc.table, plan.inc.cols
        io = cols.index("origin")
        for values, what in zip(plan.inc.rows, plan.decisions, strict=True):
            if what == "unchanged":
                continue
            rid = str(values[0])
            new = what == "new"
            owner = new_owners[rid] if new else recorded.get(rid, own)
            writer = signer
            if (
                signer == OFFICE
                and (table == "user" or (table in IDENTITY and not new))
                and owner != OFFICE
                and str(values[io]) not in office_devices
            ):
                writer = owner  # the office relays a team's own user, or a change to a team row
            current = None if new else plan.stored.get(rid)
            why = refusal(
                writer,
                owner,
                table,
                new=new,
                values=rows.as_dict(cols, values),
                facts=facts,
                stored=None if current is None else rows.as_dict(cols, current),
            )
            if why is not None:
                names = names or party_names(conn)
                what_zh = "新建" if new else "修改"
                raise BundleRefused(
                    f"同步包中有{describe(signer, names)}无权写入的记录，已拒绝（未写入任何数据）："
                    f"{what_zh}{ownership_label(table)} {rid[:8]}（属{describe(owner, names)}；"
                    f"{why}）"
                )
    return new_owners


def _district_owners(conn: sa.Connection, header: Header, plans: list[_Plan]) -> dict[str, str]:
    """At the city a district writes only its own rows, never another's or the city's; every new
    row is the district's."""
    mine = upward.district_rows(
        conn, header.team_id, (str(v[0]) for p in plans for v in p.inc.rows)
    )
    owners: dict[str, str] = {}
    for plan in plans:
        for values, what in zip(plan.inc.rows, plan.decisions, strict=True):
            rid = str(values[0])
            if what == "new":
                owners[rid] = header.team_id
            elif rid not in mine:
                raise upward.refuse_foreign_row(plan.inc.table, rid)
    return owners


def _write_rows(
    s: Any,
    conn: sa.Connection,
    header: Header,
    plans: list[_Plan],
    owners: dict[str, str],
    report: ImportReport,
    origins: dict[str, tuple[str, str]] | None = None,
) -> bool:
    wrote = False
    new_rows: list[tuple[str, str, str]] = []
    devices: dict[str, str] = {}
    for plan in plans:
        inc = plan.inc
        model = rows.MODELS[inc.table]
        decode = rows.decoders(inc.table)
        counts = dict.fromkeys(KINDS, 0)
        fresh: list[dict[str, Any]] = []
        for values, what in zip(inc.rows, plan.decisions, strict=True):
            rid = str(values[0])
            counts[what] += 1
            if what == "conflict":
                if _add_conflict(s, inc, plan.stored[rid], values, header):
                    wrote = True
                continue
            if what not in ("new", "updated"):
                continue
            wrote = True
            data = {c: d(v) for c, d, v in zip(inc.cols, decode, values, strict=True)}
            if what == "new":
                fresh.append(data)
                new_rows.append((inc.table, rid, owners[rid]))
                devices[rid] = str(data["origin"])
            else:
                obj = s.get(model, rid)
                assert isinstance(obj, Synced)
                for c, v in data.items():
                    if c != "id" and getattr(obj, c) != v:
                        setattr(obj, c, v)
        report.counts[inc.table] = counts
        _insert_new(conn, inc.table, fresh, s.actor)
    record_owners(conn, new_rows, device=header.device_id, bundle=header.bundle_id, at=utcnow())
    if new_rows and header.direction in (TO_OFFICE, TO_CITY):
        city = header.direction == TO_CITY
        upward.record_origins(
            conn,
            [(t, r) for t, r, _o in new_rows],
            district_id=header.team_id if city else "",
            team_id=header.team_id,
            devices=devices,
            origins=origins if city else None,
        )
    return wrote


def _insert_new(conn: sa.Connection, table: str, fresh: list[dict[str, Any]], actor: Actor) -> None:
    """Insert new rows in bulk, with what the session hook writes for a merged row: an audit
    event (action "merge", no columns named) and a change-log entry (merged)."""
    if not fresh:
        return
    insert_rows(conn, rows.table_of(rows.MODELS[table]), fresh)
    items = [(str(d["id"]), int(d["version"])) for d in fresh]
    write_audit_events(conn, actor, utcnow(), "merge", table, [(r, v, "") for r, v in items])
    write_change_log(conn, table, [(r, "", 0) for r, _ in items], merged=True)


MERGE_ATTEMPTS = 3
"""On a server, a merge that collided with another clerk's (the same new row inserted by both, a
deadlock) is rolled back and run again; by then the other's rows are there to compare with."""


def _concurrent(exc: IntegrityError | OperationalError) -> bool:
    return getattr(exc.orig, "sqlstate", None) in ("23505", "40001", "40P01")


def _integrity_reason(exc: IntegrityError | OperationalError) -> str:
    state = getattr(exc.orig, "sqlstate", None)
    if state in ("40001", "40P01"):
        return "与另一位同事的导入冲突，请稍后再导入一次（未写入任何数据）。"
    if state == "23503":
        return "同步包中的记录引用了不存在的记录，已拒绝（未写入任何数据）。"
    if state == "23505":  # the constraint's name, never the values (they may be names)
        diag = getattr(exc.orig, "diag", None)
        what = getattr(diag, "constraint_name", None) or "唯一约束"
        return f"同步包中的记录与已有记录重复（{what}），已拒绝（未写入任何数据）。"
    text = str(exc.orig)
    if "FOREIGN KEY" in text:
        return "同步包中的记录引用了不存在的记录，已拒绝（未写入任何数据）。"
    if "UNIQUE" in text:
        what = text.split(":")[-1].strip()
        return f"同步包中的记录与已有记录重复（{what}），已拒绝（未写入任何数据）。"
    return "同步包中的记录不符合数据约束，已拒绝（未写入任何数据）。"


def _add_conflict(
    s: Any, inc: _Incoming, current: list[Any], values: list[Any], header: Header
) -> bool:
    cols = inc.cols
    sha = rows.content_sha(cols, values)
    io, iv = cols.index("origin"), cols.index("version")
    exists = s.exec(
        select(SyncConflict).where(
            SyncConflict.record_id == values[0],
            SyncConflict.incoming_origin == values[io],
            SyncConflict.incoming_version == values[iv],
            SyncConflict.incoming_sha == sha,
        )
    ).first()
    if exists is not None:
        return False
    s.add(
        SyncConflict(
            table_name=inc.table,
            record_id=values[0],
            team_id=header.team_id,
            bundle_id=header.bundle_id,
            local_origin=current[io],
            local_version=current[iv],
            local_data=json.dumps(rows.as_dict(cols, current), ensure_ascii=False),
            incoming_origin=values[io],
            incoming_version=values[iv],
            incoming_sha=sha,
            incoming_data=json.dumps(rows.as_dict(cols, values), ensure_ascii=False),
            detected_at=utcnow(),
        )
    )
    return True
