"""Import: verify everything, then merge in one transaction; conflicts go to a list.

Before anything is written: the file's length, sender, signature and every segment's tag
(``seal``), then the container's names, sizes and hashes (``container``), then the manifest against
the header, then every row's columns and values. Only then, in one transaction (foreign keys
checked at commit, so parents and children may come in any order within it):

- a row the office does not hold is inserted (``new``);
- the same stamp (origin, version) as the stored row, or a stamp the stored row already built on,
  is a no-op (``unchanged``);
- a newer version from the same origin as the stored row, or a change whose base is the stored
  row's stamp, replaces it (``updated``);
- equal content under another stamp is a no-op;
- anything else is a change that diverged from the stored row: it goes to the conflict list
  (``conflict``), the stored row stays as it is until a person decides.

Photos are stored once by hash in the media store. A bundle imported again writes nothing.
"""

from __future__ import annotations

import json
import re
from collections import defaultdict
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import sqlalchemy as sa
from sqlalchemy.exc import DataError, IntegrityError, OperationalError
from sqlmodel import select

from app.domain.vocabulary import WorkspaceKind
from app.storage.bulk import write_audit_events, write_change_log
from app.storage.dialect import (
    defer_foreign_keys,
    insert_ignoring_duplicates,
    insert_rows,
    serialize_on,
)
from app.storage.mediastore import MediaStore
from app.storage.models import (
    SyncBundle,
    SyncConflict,
    SyncDevice,
    Synced,
    SyncRowTeam,
    utcnow,
)
from app.storage.session import SYNC_MERGE_KEY, Actor
from app.storage.workspace import Workspace
from app.sync import identity, rows, upward
from app.sync.container import Contents
from app.sync.errors import BundleRefused
from app.sync.export import CONTENTS_FORMAT, CONTENTS_VERSION
from app.sync.keys import PublicIdentity
from app.sync.seal import TO_CITY, TO_OFFICE, TO_TEAM, Header, open_sealed

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


def _parse(
    contents: Contents, header: Header
) -> tuple[list[_Incoming], dict[str, str], dict[str, tuple[str, str]] | None]:
    m = contents.manifest
    expect = {
        "format": CONTENTS_FORMAT,
        "version": CONTENTS_VERSION,
        "bundle_id": header.bundle_id,
        "direction": header.direction,
        "team_id": header.team_id,
        "device_id": header.device_id,
    }
    for k, v in expect.items():
        if m.get(k) != v:
            raise BundleRefused(f"同步包清单与文件头不符（{k}），已拒绝。")
    incoming: list[_Incoming] = []
    media: dict[str, str] = {}
    tables: dict[str, str] = {}
    origins: dict[str, tuple[str, str]] | None = None
    for name in contents.names():
        if name == upward.ORIGIN_MEMBER and header.direction == TO_CITY:
            origins = upward.parse_origins(bytes(contents.read(name)))
        elif (rm := _ROW_MEMBER.fullmatch(name)) and rm.group(1) in rows.MODELS:
            tables[rm.group(1)] = name
        elif mm := _MEDIA_MEMBER.fullmatch(name):
            media[mm.group(1)] = name
        else:
            raise BundleRefused(f"同步包内有不认识的成员，已拒绝：{name}")
    for t in rows.ORDER:
        if t not in tables:
            continue
        try:
            doc = json.loads(bytes(contents.read(tables[t])).decode("utf-8"))
            cols = doc["columns"]
            data = doc["rows"]
            bases = [(str(o), int(v)) for o, v in doc["base"]]
            if doc["table"] != t or len(bases) != len(data):
                raise ValueError("table")
        except (ValueError, KeyError, TypeError) as exc:
            raise BundleRefused(f"同步包中的{t}数据无法读取，已拒绝。") from exc
        if cols != rows.columns(t):
            raise BundleRefused(f"同步包的数据结构与本程序不一致（{t}），请两边使用同一版本。")
        decode = rows.decoders(t)
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
        incoming.append(_Incoming(t, cols, data, bases))
    for sha, name in media.items():
        if contents.sha256(name) != sha:
            raise BundleRefused(f"照片与其名称中的校验值不符，已拒绝：{name}")
    if header.direction == TO_CITY and origins is None:
        raise BundleRefused("上报包缺少来源记录，已拒绝。")
    return incoming, media, origins


def _int(v: Any) -> int:
    return v if isinstance(v, int) and not isinstance(v, bool) else 0


def _normalise(inc: _Incoming, store: MediaStore, media: dict[str, str]) -> None:
    """Make incoming rows local: photo tokens become this workspace's media names."""
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
                values[i] = store.name_for(sha)


def verify_bundle(ws: Workspace, path: Path) -> tuple[Header, Contents, str]:
    """Every check that needs no write; returns the header, the verified contents, the file hash."""
    me = identity.own_keys(ws)
    opened = open_sealed(path, signer_of=_signer_of(ws), me=me)
    header = opened.header
    if ws.kind is not WorkspaceKind.OFFICE and header.team_id != me.owner_id:
        raise BundleRefused("这个同步包是发给另一个巡察组的。")
    contents = Contents(opened.plaintext)
    contents.verify_all()
    return header, contents, opened.file_sha256


def import_bundle(ws: Workspace, path: Path, progress: Progress | None = None) -> ImportReport:
    """Verify the bundle at ``path`` and merge it (see the module docstring)."""

    def report_progress(pct: int, what: str) -> None:
        if progress is not None:
            progress(pct, what)

    report_progress(0, "正在校验签名与完整性…")
    header, contents, file_sha = verify_bundle(ws, path)
    incoming, media, origins = _parse(contents, header)
    store = ws.media_store()
    for inc in incoming:
        _normalise(inc, store, media)
    report = ImportReport(
        path=path,
        bundle_id=header.bundle_id,
        team_id=header.team_id,
        device_id=header.device_id,
        direction=header.direction,
        media_total=len(media),
        seq_from=_int(contents.manifest.get("seq_from")),
        seq_to=_int(contents.manifest.get("seq_to")),
    )
    report_progress(40, "正在保存照片…")
    have = store.existing([store.name_for(sha) for sha in media])
    missing = [n for sha, n in sorted(media.items()) if store.name_for(sha) not in have]
    # each photo is written and synced before the rows that name it are committed; in parallel,
    # so the file system can group the syncs
    with ThreadPoolExecutor(max_workers=8) as pool:
        list(pool.map(lambda n: store.put(bytes(contents.read(n))), missing))
    report.media_new = len(missing)
    report_progress(60, "正在合并记录…")
    for attempt in range(1, MERGE_ATTEMPTS + 1):
        try:
            _merge(ws, header, file_sha, incoming, report, origins)
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
    header: Header,
    file_sha: str,
    incoming: list[_Incoming],
    report: ImportReport,
    origins: dict[str, tuple[str, str]] | None = None,
) -> None:
    office = ws.kind is WorkspaceKind.OFFICE
    with ws.session() as s:
        s.info[SYNC_MERGE_KEY] = True
        conn = s.connection()
        defer_foreign_keys(conn)
        serialize_on(conn, f"bundle:{header.bundle_id}")
        already = s.get(SyncBundle, header.bundle_id) is not None
        report.already_imported = already
        city = header.direction == TO_CITY
        # at the city a district writes only its own rows, never another's or the city's
        mine = (
            upward.district_rows(
                conn, header.team_id, (str(v[0]) for i in incoming for v in i.rows)
            )
            if city
            else set()
        )
        wrote = False
        new_rows: list[tuple[str, str]] = []
        devices: dict[str, str] = {}
        for inc in incoming:
            model = rows.MODELS[inc.table]
            decode = rows.decoders(inc.table)
            ids = [str(v[0]) for v in inc.rows]
            stored = rows.read_rows(conn, inc.table, ids)
            ancestry = _ancestry(conn, [i for i in ids if i in stored])
            counts = dict.fromkeys(KINDS, 0)
            fresh: list[dict[str, Any]] = []
            if inc.table == "user":
                _local_usernames(inc, stored)
            for values, base in zip(inc.rows, inc.bases, strict=True):
                rid = str(values[0])
                current = stored.get(rid)
                if city and current is not None and rid not in mine:
                    raise upward.refuse_foreign_row(inc.table, rid)
                what = (
                    "new"
                    if current is None
                    else _decide(inc.cols, current, values, base, ancestry.get(rid, {}))
                )
                if what == "conflict":
                    assert current is not None
                    if _add_conflict(s, inc, current, values, header):
                        wrote = True
                counts[what] += 1
                if what not in ("new", "updated"):
                    continue
                wrote = True
                data = {c: d(v) for c, d, v in zip(inc.cols, decode, values, strict=True)}
                if what == "new":
                    fresh.append(data)
                    new_rows.append((inc.table, rid))
                    devices[rid] = str(data["origin"])
                else:
                    obj = s.get(model, rid)
                    assert isinstance(obj, Synced)
                    for c, v in data.items():
                        if c != "id" and getattr(obj, c) != v:
                            setattr(obj, c, v)
            report.counts[inc.table] = counts
            _insert_new(conn, inc.table, fresh, s.actor)
        if office and new_rows:
            insert_ignoring_duplicates(
                conn,
                SyncRowTeam.__table__,  # type: ignore[attr-defined]
                [{"record_id": r, "table_name": t, "team_id": header.team_id} for t, r in new_rows],
            )
            upward.record_origins(
                conn,
                new_rows,
                district_id=header.team_id if city else "",
                team_id=header.team_id,
                devices=devices,
                origins=origins if city else None,
            )
        if office and s.get(SyncDevice, header.device_id) is None:
            s.add(SyncDevice(device_id=header.device_id, team_id=header.team_id))
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
                    file_sha256=file_sha,
                    report=json.dumps(report.to_json(), ensure_ascii=False, sort_keys=True),
                )
            )
            wrote = True
        if not wrote:
            s.rollback()
            return
        s.audit("import_bundle", note=f"{header.bundle_id} {header.team_id} {header.device_id}")
        s.commit()


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
    if getattr(exc.orig, "sqlstate", None) in ("40001", "40P01"):
        return "与另一位同事的导入冲突，请稍后再导入一次（未写入任何数据）。"
    state = getattr(exc.orig, "sqlstate", None)
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
