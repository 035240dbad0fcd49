"""Export: the rows and photos changed since the last export (or all), sealed and signed.

A team laptop sends its own changes to the office; the office sends a team what it decided for it
(villages and triage, the batch plan, feedback on its notices, clues and ledger items). A bundle is
self-contained: the parents of every row it carries come with it (an unchanged parent is a no-op
at the other end), so bundles can be imported in any order.

Each row carries its *base*: the stamp (origin, version) it had before this device's first
change since it last received the row. The other end uses it to tell a change made on top of what
it holds (replace) from a diverging one (conflict).
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import sqlalchemy as sa
from sqlmodel import select

from app.domain.vocabulary import WorkspaceKind
from app.storage.dialect import settle_change_log
from app.storage.mediastore import MediaStore
from app.storage.models import SyncState, new_id, utcnow
from app.storage.workspace import Workspace
from app.sync import identity, rows
from app.sync.container import Member, build, member_sha
from app.sync.errors import SyncError
from app.sync.photos import assert_clean_jpeg
from app.sync.seal import TO_OFFICE, TO_TEAM, write_sealed

CONTENTS_FORMAT = "xunchadesk-bundle-contents"
CONTENTS_VERSION = 1
OFFICE_PEER = "office"

SHARED_TO_TEAMS = (
    "township",
    "inspection_round",
    "batch",
    "village",
    "channel_list",
    "channel_listing",
)
"""Registry kinds the office sends every team when they change."""
OWN_TO_TEAM = ("team", "problem", "rectification_notice", "clue_transfer", "ledger_item")
"""Follow-up kinds the office sends back only to the team they came from."""

Progress = Callable[[int, str], None]
"""progress(percent 0–100, what in Chinese)."""


@dataclass
class ExportResult:
    path: Path
    bundle_id: str
    direction: str
    team_id: str
    seq_from: int
    seq_to: int
    counts: dict[str, int] = field(default_factory=dict)
    media: int = 0
    size_bytes: int = 0

    @property
    def rows(self) -> int:
        return sum(self.counts.values())


def _bases(entries: list[tuple[str, str, str, int, bool]]) -> dict[str, tuple[str, int] | None]:
    """Per record: the base of its first local change after the last merge (None: unchanged)."""
    base: dict[str, tuple[str, int] | None] = {}
    for _table, rid, b_origin, b_version, merged in entries:
        if merged:
            base[rid] = None
        elif base.get(rid) is None:
            base[rid] = (b_origin, b_version)
    return base


def _fk_map() -> dict[str, list[tuple[int, str]]]:
    out: dict[str, list[tuple[int, str]]] = {}
    for name, model in rows.MODELS.items():
        table = rows.table_of(model)
        cols = [c.name for c in table.columns]
        out[name] = [
            (cols.index(fk.parent.name), fk.column.table.name)
            for fk in table.foreign_keys
            if fk.column.table.name in rows.MODELS
        ]
    return out


def _with_parents(
    conn: sa.Connection, wanted: dict[str, set[str]]
) -> dict[str, dict[str, list[Any]]]:
    """Read the wanted rows and, transitively, every row they point to."""
    fks = _fk_map()
    got: dict[str, dict[str, list[Any]]] = defaultdict(dict)
    todo = {t: set(ids) for t, ids in wanted.items() if ids}
    while todo:
        nxt: dict[str, set[str]] = defaultdict(set)
        for t in reversed(rows.ORDER):
            ids = todo.get(t)
            if not ids:
                continue
            fresh = rows.read_rows(conn, t, ids - set(got[t]))
            got[t].update(fresh)
            for values in fresh.values():
                for idx, target in fks[t]:
                    ref = values[idx]
                    if ref is not None and ref not in got[target]:
                        nxt[target].add(str(ref))
        todo = {t: ids for t, ids in nxt.items() if ids}
    return got


def export_bundle(
    ws: Workspace,
    out: Path,
    *,
    all_rows: bool = False,
    team: str | None = None,
    progress: Progress | None = None,
) -> ExportResult:
    """Write a bundle to ``out``. On a team laptop it goes to the office; at the office ``team``
    (a name) says which team it is for. Returns what went in."""

    def report(pct: int, what: str) -> None:
        if progress is not None:
            progress(pct, what)

    me = identity.own_keys(ws)
    if ws.kind is WorkspaceKind.OFFICE:
        if not team:
            raise SyncError("巡察办导出同步包时须指定巡察组（--team）。")
        team_row = identity.find_team(ws, team)
        recipient = None if team_row is None else identity.peer(ws, team_row.id)
        if team_row is None or recipient is None:
            raise SyncError(f"没有为这个巡察组签发过组包：{team}")
        direction, peer_key, team_id = TO_TEAM, team_row.id, team_row.id
    else:
        if team:
            raise SyncError("巡察组只能向巡察办导出同步包（不用 --team）。")
        recipient = identity.office_identity(ws)
        direction, peer_key, team_id = TO_OFFICE, OFFICE_PEER, me.owner_id
    report(0, "正在读取更改…")
    with ws.session() as s:
        state = s.exec(select(SyncState).where(SyncState.peer == peer_key)).first()
    last = 0 if all_rows or state is None else state.last_exported_seq

    with ws.engine.connect() as conn, conn.begin():
        settle_change_log(conn)
        seq_to = int(
            conn.exec_driver_sql("SELECT coalesce(max(seq), 0) FROM sync_change").scalar_one()
        )
        entries = [
            (str(t), str(r), str(o), int(v), bool(m))
            for t, r, o, v, m in conn.execute(
                sa.text(
                    "SELECT table_name, record_id, base_origin, base_version, merged "
                    "FROM sync_change WHERE seq > :last ORDER BY seq"
                ),
                {"last": 0 if all_rows else last},
            )
        ]
        wanted = _select(conn, entries, direction=direction, team_id=team_id, all_rows=all_rows)
        got = _with_parents(conn, wanted)
        bases = _bases([e for e in entries if e[0] in rows.MODELS])
    report(30, "正在打包照片…")
    store = ws.media_store()
    members, counts, media = _members(store, got, bases)
    bundle_id = new_id()
    created = utcnow().isoformat()
    manifest = {
        "format": CONTENTS_FORMAT,
        "version": CONTENTS_VERSION,
        "bundle_id": bundle_id,
        "direction": direction,
        "team_id": team_id,
        "device_id": ws.device_id,
        "seq_from": last + 1,
        "seq_to": seq_to,
        "all": all_rows,
        "created_at": created,
        "counts": counts,
        "media": media,
    }
    payload = build(manifest, members)
    report(60, "正在加密并签名…")
    written = write_sealed(
        out,
        payload,
        direction=direction,
        bundle_id=bundle_id,
        team_id=team_id,
        device_id=ws.device_id,
        created_at=created,
        sender=me,
        recipient=recipient,
        progress=lambda i, n: report(60 + 35 * i // n, "正在加密并签名…"),
    )
    with ws.session() as s:
        row = s.exec(select(SyncState).where(SyncState.peer == peer_key)).first()
        row = row or SyncState(peer=peer_key)
        row.last_exported_seq = max(row.last_exported_seq, seq_to)
        row.last_export_at = utcnow()
        s.add(row)
        s.audit("export_bundle", note=f"{bundle_id} {sum(counts.values())} rows {media} media")
        s.commit()
    report(100, "导出完成")
    return ExportResult(
        path=written.path,
        bundle_id=bundle_id,
        direction=direction,
        team_id=team_id,
        seq_from=last + 1,
        seq_to=seq_to,
        counts=counts,
        media=media,
        size_bytes=written.size_bytes,
    )


def _select(
    conn: sa.Connection,
    entries: list[tuple[str, str, str, int, bool]],
    *,
    direction: str,
    team_id: str,
    all_rows: bool,
) -> dict[str, set[str]]:
    wanted: dict[str, set[str]] = defaultdict(set)
    if direction == TO_OFFICE:
        if all_rows:
            for t in rows.ORDER:
                wanted[t] = {str(i) for (i,) in conn.exec_driver_sql(f'SELECT id FROM "{t}"')}
        else:
            for t, rid, _o, _v, merged in entries:
                if not merged and t in rows.MODELS:
                    wanted[t].add(rid)
        return wanted
    # office → team: registry changes for everyone, follow-up only for the team it came from
    if all_rows:
        for t in SHARED_TO_TEAMS:
            wanted[t] = {str(i) for (i,) in conn.exec_driver_sql(f'SELECT id FROM "{t}"')}
        candidates = {
            (str(t), str(r))
            for t, r in conn.execute(
                sa.text("SELECT table_name, record_id FROM sync_row_team WHERE team_id = :t"),
                {"t": team_id},
            )
        }
        candidates.add(("team", team_id))
    else:
        candidates = set()
        for t, rid, _o, _v, _m in entries:
            if t in SHARED_TO_TEAMS:
                wanted[t].add(rid)
            elif t in OWN_TO_TEAM:
                candidates.add((t, rid))
    owned = {
        str(r)
        for (r,) in conn.execute(
            sa.text("SELECT record_id FROM sync_row_team WHERE team_id = :t"), {"t": team_id}
        )
    }
    for t, rid in candidates:
        if t not in OWN_TO_TEAM:
            continue
        if rid in owned or (t == "team" and rid == team_id):
            wanted[t].add(rid)
    return wanted


def _members(
    store: MediaStore,
    got: dict[str, dict[str, list[Any]]],
    bases: dict[str, tuple[str, int] | None],
) -> tuple[list[Member], dict[str, int], int]:
    members: list[Member] = []
    counts: dict[str, int] = {}
    media: dict[str, bytes] = {}
    sha_of_name: dict[str, str] = {}
    found_media = got.get("attachment", {})
    if found_media:
        cols = rows.columns("attachment")
        idx = [cols.index("stored_name"), cols.index("thumb_name")]
        names = sorted({str(v[i]) for v in found_media.values() for i in idx if v[i]})

        def load(name: str) -> tuple[str, str, bytes]:
            data = store.get(name)
            assert_clean_jpeg(data, name)
            return name, member_sha(data), data

        # decrypting and hashing release the GIL: read the photos in parallel
        with ThreadPoolExecutor(max_workers=4) as pool:
            for name, sha, data in pool.map(load, names):
                sha_of_name[name] = sha
                media[sha] = data

    def token(name: str) -> str:
        return f"sha256:{sha_of_name[name]}" if name else ""

    for t in rows.ORDER:
        found = got.get(t)
        if not found:
            continue
        cols = rows.columns(t)
        i_origin, i_version = cols.index("origin"), cols.index("version")
        table_rows: list[list[Any]] = []
        base_list: list[list[Any]] = []
        for rid in sorted(found):
            values = list(found[rid])
            if t == "attachment":
                for c in ("stored_name", "thumb_name"):
                    values[cols.index(c)] = token(str(values[cols.index(c)]))
            b = bases.get(rid)
            table_rows.append(values)
            base_list.append(list(b) if b else [values[i_origin], values[i_version]])
        counts[t] = len(table_rows)
        doc = {"table": t, "columns": cols, "rows": table_rows, "base": base_list}
        data = json.dumps(doc, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
        members.append(Member(f"rows/{t}.json", data, compress=True))
    for sha in sorted(media):
        members.append(Member(f"media/{sha}.jpg", media[sha], sha256=sha))
    return members, counts, len(media)
