"""Export: the rows and photos changed since the last export (or all), sealed and signed.

A team laptop sends its own changes to the office; the office sends a team what it decided for it
(villages and triage, the batch plan, feedback on its notices, clues and ledger items). With
``--all`` the office sends a team everything the team ever sent it as well — visits, letters,
interviews, people (protected names included: the office may read them, and the bundle is sealed
to that team's key alone), photos — so that a team whose laptop died carries on, on a new laptop
joined with a kit issued again. A bundle is self-contained: the parents of every row it carries
come with it (an unchanged parent is a no-op at the other end), so bundles can be imported in any
order.

Each row carries its *base*: the stamp (origin, version) it had before this device's first
change since it last received the row. The other end uses it to tell a change made on top of what
it holds (replace) from a diverging one (conflict).
"""

from __future__ import annotations

import json
import queue
import threading
from collections import defaultdict
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from typing import Any

import sqlalchemy as sa
from sqlmodel import select

from app.domain.vocabulary import WorkspaceKind
from app.storage.dialect import settle_change_log
from app.storage.mediastore import MediaStore
from app.storage.models import SyncState, new_id, utcnow
from app.storage.ownership import declared_owners
from app.storage.workspace import Workspace
from app.sync import identity, rows
from app.sync.container import Member, Planned, layout, member_sha, stream
from app.sync.errors import SyncError
from app.sync.photos import assert_clean_jpeg
from app.sync.seal import TO_OFFICE, TO_TEAM, write_sealed_stream

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
    "village_tier_change",
    "typical_problem_list",
    "typical_problem",
)
"""Registry kinds the office sends every team when they change (with the villages' tier history
and the 典型问题清单, which name no one)."""
BY_VILLAGE_TO_TEAM = (
    "campaign_village",
    "campaign_task",
    "campaign_progress",
    "campaign_case",
    "campaign_cadre_change",
    "campaign_check",
    "campaign_evaluation",
    "village_system",
    "selfcheck_result",
)
"""集中整治, 制度推广 and self-check rows the office sends a team for the villages the team covers
(those of its batches, and those where it raised problems); a matrix cell points at the task
that made it, so it goes only where the task may go. Work-group members (``campaign_member``:
names and phones) never go to a team; proposals and decisions travel as parents."""
_EVIDENCE_OF = {
    "campaign_progress_id": "campaign_progress",
    "selfcheck_result_id": "selfcheck_result",
}
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
        # the office says whose rows it carries (the team records it; see storage.ownership)
        owners = (
            declared_owners(conn, [r for t in got.values() for r in t])
            if direction == TO_TEAM
            else None
        )
    report(30, "正在打包照片…")
    store = ws.media_store()
    members, planned, counts = _plan(store, got, bases)
    media = len(planned)
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
    if owners is not None:
        manifest["owners"] = owners
    plan = layout(manifest, members, planned)
    report(40, "正在加密并签名…")
    # photos stream from the media store into the bundle: read ahead in parallel, encrypted,
    # hashed and written as they come (never the whole bundle in memory)
    loaded = _read_ahead([p.load for p in planned])
    written = write_sealed_stream(
        out,
        stream(plan, loaded),
        plan.length,
        direction=direction,
        bundle_id=bundle_id,
        team_id=team_id,
        device_id=ws.device_id,
        created_at=created,
        sender=me,
        recipient=recipient,
        progress=lambda i, n: report(40 + 55 * i // n, "正在加密并签名…"),
    )
    with ws.session(write=True) as s:
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


def _ids(conn: sa.Connection, table: str) -> set[str]:
    return {str(i) for (i,) in conn.exec_driver_sql(f'SELECT id FROM "{table}"').fetchall()}


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
                wanted[t] = _ids(conn, t)
        else:
            for t, rid, _o, _v, merged in entries:
                if not merged and t in rows.MODELS:
                    wanted[t].add(rid)
        return wanted
    # office → team: registry changes for everyone, follow-up only for the team it came from
    if all_rows:
        for t in SHARED_TO_TEAMS:
            wanted[t] = _ids(conn, t)
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
    # --all gives the team back everything it sent (its records, people, photos …): what a
    # replacement laptop needs to carry on; the incremental bundle only the office's follow-up
    kinds = set(rows.MODELS) if all_rows else set(OWN_TO_TEAM)
    for t, rid in candidates:
        if t not in kinds:
            continue
        if rid in owned or (t == "team" and rid == team_id):
            wanted[t].add(rid)
    changed = None if all_rows else {(t, rid) for t, rid, _o, _v, _m in entries}
    _by_village(conn, wanted, team_id, changed)
    return wanted


def _covered_villages(conn: sa.Connection, team_id: str) -> set[str]:
    """The villages a team covers: those of its batches and those where it raised problems."""
    return {
        str(v)
        for (v,) in conn.execute(
            sa.text(
                "SELECT v.id FROM village v JOIN batch b ON b.id = v.batch_id "
                "WHERE b.team_id = :t UNION SELECT p.village_id FROM problem p "
                "JOIN sync_row_team r ON r.record_id = p.id WHERE r.team_id = :t"
            ),
            {"t": team_id},
        )
    }


def _by_village(
    conn: sa.Connection,
    wanted: dict[str, set[str]],
    team_id: str,
    changed: set[tuple[str, str]] | None,
) -> None:
    """Add the campaign rows (and their evidence photos) of the team's villages: all of them, or
    those among ``changed``."""
    villages = _covered_villages(conn, team_id)
    if not villages:
        return
    for t in BY_VILLAGE_TO_TEAM:
        ids = None if changed is None else {rid for tt, rid in changed if tt == t}
        if ids is not None and not ids:
            continue
        for rid, vid in _village_of_rows(conn, t, ids):
            if vid in villages:
                wanted[t].add(rid)
    ids = None if changed is None else {rid for tt, rid in changed if tt == "attachment"}
    if ids is not None and not ids:
        return
    for column, parent in _EVIDENCE_OF.items():
        query = (
            f'SELECT a.id, p.village_id FROM attachment a JOIN "{parent}" p ON p.id = a.{column}'
        )
        for rid, vid in conn.exec_driver_sql(query):
            if str(vid) in villages and (ids is None or str(rid) in ids):
                wanted["attachment"].add(str(rid))


def _village_of_rows(
    conn: sa.Connection, table: str, ids: set[str] | None
) -> list[tuple[str, str]]:
    query = f'SELECT id, village_id FROM "{table}"'
    if ids is None:
        return [(str(r), str(v)) for r, v in conn.exec_driver_sql(query)]
    out: list[tuple[str, str]] = []
    wanted = sorted(ids)
    for i in range(0, len(wanted), 500):
        chunk = wanted[i : i + 500]
        out += [
            (str(r), str(v))
            for r, v in conn.execute(
                sa.text(f"{query} WHERE id IN :ids").bindparams(
                    sa.bindparam("ids", expanding=True)
                ),
                {"ids": chunk},
            )
        ]
    return out


def _photo_sha(store: MediaStore, name: str) -> str:
    data = store.get(name)
    assert_clean_jpeg(data, name)
    return member_sha(data)


def _plan(
    store: MediaStore,
    got: dict[str, dict[str, list[Any]]],
    bases: dict[str, tuple[str, int] | None],
) -> tuple[list[Member], list[Planned], dict[str, int]]:
    """The rows as in-memory members, the photos as planned members (streamed later).

    A photo's SHA-256 names it in the bundle and is listed in the manifest before any photo is
    written. A stored photo's name is a keyed hash of that SHA-256 and its bytes are authenticated
    under the name (see MediaStore), so the SHA-256 the attachment row records is the photo's
    when it names the file: no photo is read twice. Only thumbnails (and a row whose SHA-256
    does not name its file) are read once beforehand, to hash them."""
    members: list[Member] = []
    counts: dict[str, int] = {}
    sha_of_name: dict[str, str] = {}
    found_media = got.get("attachment", {})
    if found_media:
        cols = rows.columns("attachment")
        i_sha, i_stored, i_thumb = (cols.index(c) for c in ("sha256", "stored_name", "thumb_name"))
        names: set[str] = set()
        for v in found_media.values():
            stored, sha = str(v[i_stored] or ""), str(v[i_sha] or "")
            if stored and store.name_for(sha) == stored:
                sha_of_name[stored] = sha
            names.update(str(v[i]) for i in (i_stored, i_thumb) if v[i])
        for name in sorted(names - set(sha_of_name)):  # thumbnails: small, read here
            sha_of_name[name] = _photo_sha(store, name)

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
    by_sha = {sha: name for name, sha in sha_of_name.items()}
    planned = [
        Planned(f"media/{sha}.jpg", store.plain_size(name), sha, partial(_clean_photo, store, name))
        for sha, name in sorted(by_sha.items())
    ]
    return members, planned, counts


def _clean_photo(store: MediaStore, name: str) -> bytes:
    data = store.get(name)
    assert_clean_jpeg(data, name)
    return data


def _read_ahead(
    loads: list[Callable[[], bytes | memoryview]], workers: int = 2, ahead: int = 4
) -> Iterator[bytes | memoryview]:
    """``load()`` of each, in order, run by ``workers`` threads (the ``k``-th takes every
    ``k``-th), each at most ``ahead`` ahead: reading and decrypting photos (which releases the
    GIL) overlaps encrypting and writing the bundle, with a few photos in memory at a time."""
    if not loads:
        return
    queues: list[queue.Queue[tuple[bool, Any]]] = [
        queue.Queue(maxsize=ahead) for _ in range(workers)
    ]
    stop = threading.Event()

    def work(k: int) -> None:
        for load in loads[k::workers]:
            if stop.is_set():
                return
            try:
                item: tuple[bool, Any] = (True, load())
            except BaseException as exc:  # handed to the consumer, in order
                item = (False, exc)
            while not stop.is_set():
                try:
                    queues[k].put(item, timeout=0.1)
                    break
                except queue.Full:
                    continue
            if not item[0]:
                return

    threads = [threading.Thread(target=work, args=(k,), daemon=True) for k in range(workers)]
    for t in threads:
        t.start()
    try:
        for i in range(len(loads)):
            ok, value = queues[i % workers].get()
            if not ok:
                raise value
            yield value
    finally:
        stop.set()
        for t in threads:
            t.join()
