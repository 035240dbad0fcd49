"""District → city 汇总: the city provisions districts as a district provisions teams.

- At the city: ``issue_district_kit`` makes a district's identity (a ``team`` row of kind office,
  its key pairs, the district as a known peer of kind ``district``) and seals it in a kit, the same
  format and password rules as a team kit.
- At the district: ``adopt_district_kit`` keeps that identity (keys with role ``district``, the
  city as peer of kind ``city``) beside the office's own keys; its teams are not affected.
- ``export_upward`` writes an upward bundle (上报, direction ``to_city``): the same sealed and
  signed format, carrying every row the district holds or changed since its last report, merged rows
  included, plus ``origin.json``: for each row, the team and the team laptop it came from.
- The city imports it with the usual merge (verified first, one transaction, idempotent, conflicts
  to the list). :func:`check_district_rows` refuses a bundle that would change a row of another
  district or of the city itself; :func:`record_origins` keeps team → district → city for every
  new row in ``row_origin``.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import sqlalchemy as sa
from sqlmodel import select

from app.domain.vocabulary import WorkspaceKind
from app.storage.dialect import insert_ignoring_duplicates, settle_change_log
from app.storage.models import RowOrigin, SyncChange, SyncKey, SyncPeer, SyncState, Team, new_id
from app.storage.models import utcnow as _utcnow
from app.storage.workspace import Workspace
from app.sync import identity, rows
from app.sync.container import Member, layout, stream
from app.sync.errors import BundleRefused, SyncError
from app.sync.export import (
    CONTENTS_FORMAT,
    CONTENTS_VERSION,
    ExportResult,
    _plan,
    _read_ahead,
    _with_parents,
)
from app.sync.keys import KeyPair, PublicIdentity
from app.sync.kit import TeamKit, open_kit, seal_kit
from app.sync.seal import TO_CITY, Header, write_sealed_stream

ROLE_DISTRICT = "district"
ROLE_CITY = "city"
CITY_PEER = "city"
ORIGIN_MEMBER = "origin.json"

_ORIGIN: sa.Table = RowOrigin.__table__  # type: ignore[attr-defined]


# -- at the city ----------------------------------------------------------------------------
def find_district(ws: Workspace, name: str) -> str | None:
    """The id of the district provisioned under ``name`` here (None if none)."""
    with ws.session() as s:
        found = s.exec(
            select(SyncPeer.peer_id).where(SyncPeer.kind == ROLE_DISTRICT, SyncPeer.name == name)
        ).first()
    return None if found is None else str(found)


def districts(ws: Workspace) -> list[tuple[str, str]]:
    """(id, name) of every district provisioned here, by name."""
    with ws.session() as s:
        found = s.exec(
            select(SyncPeer.peer_id, SyncPeer.name)
            .where(SyncPeer.kind == ROLE_DISTRICT)
            .order_by(SyncPeer.name)
        ).all()
    return [(str(i), str(n)) for i, n in found]


def issue_district_kit(ws: Workspace, name: str, password: str, out: Path) -> TeamKit:
    """At the city: the kit of district ``name``, provisioning it on first issue."""
    city = identity.ensure_office_keys(ws)
    name = name.strip()
    if not name:
        raise SyncError("区县名称不能为空。")
    district_id = find_district(ws, name)
    if district_id is None:
        with ws.session() as s:
            team = Team(name=name, kind=WorkspaceKind.OFFICE)
            s.add(team)
            s.commit()
            district_id = team.id
        pair = KeyPair.generate(district_id, name)
        with ws.session() as s:
            s.add(
                SyncKey(
                    owner_id=pair.owner_id,
                    role=ROLE_DISTRICT,
                    name=name,
                    sign_private=_b64(pair.sign_private),
                    box_private=_b64(pair.box_private),
                )
            )
            public = pair.public()
            s.add(
                SyncPeer(
                    peer_id=public.peer_id,
                    kind=ROLE_DISTRICT,
                    name=name,
                    sign_public=public.sign_public,
                    box_public=public.box_public,
                )
            )
            s.audit("district_keys", note=district_id)
            s.commit()
    with ws.session() as s:
        key_row = s.get(SyncKey, district_id)
    assert key_row is not None
    pair = KeyPair(
        key_row.owner_id, key_row.name, _unb64(key_row.sign_private), _unb64(key_row.box_private)
    )
    with ws.engine.connect() as conn:
        row = rows.read_rows(conn, "team", [district_id])[district_id]
    kit = TeamKit(
        team_row=rows.as_dict(rows.columns("team"), row), team_keys=pair, office=city.public()
    )
    seal_kit(kit, password, out)
    with ws.session() as s:
        s.audit("district_kit", note=district_id)
        s.commit()
    return kit


def district_peer(ws: Workspace, peer_id: str) -> PublicIdentity | None:
    with ws.session() as s:
        row = s.get(SyncPeer, peer_id)
    if row is None or row.kind != ROLE_DISTRICT:
        return None
    return PublicIdentity(row.peer_id, row.name, row.sign_public, row.box_public)


def signer_at_city(ws: Workspace, header: Header) -> PublicIdentity:
    found = district_peer(ws, header.sender)
    if found is None or header.team_id != header.sender:
        raise BundleRefused("上报包来自未知的区县（未为其签发上报身份包），已拒绝。")
    return found


# -- at the district ------------------------------------------------------------------------
def adopt_district_kit(ws: Workspace, kit_path: Path, password: str) -> TeamKit:
    """At a district office: keep the identity the city gave it (once)."""
    if ws.kind is not WorkspaceKind.OFFICE:
        raise SyncError("只有巡察办工作区可以使用上报身份包。")
    kit = open_kit(kit_path, password)
    if kit.team_row.get("kind") != WorkspaceKind.OFFICE.value:
        raise SyncError("这是巡察组的组包，不是区县的上报身份包。")
    with ws.session() as s:
        have = s.exec(select(SyncKey).where(SyncKey.role == ROLE_DISTRICT)).first()
        if have is not None:
            if have.owner_id == kit.team_id:
                return kit
            raise SyncError("本办已有另一个上报身份，不能再用别的身份包。")
        s.add(
            SyncKey(
                owner_id=kit.team_id,
                role=ROLE_DISTRICT,
                name=kit.team_name,
                sign_private=_b64(kit.team_keys.sign_private),
                box_private=_b64(kit.team_keys.box_private),
            )
        )
        s.add(
            SyncPeer(
                peer_id=kit.office.peer_id,
                kind=ROLE_CITY,
                name=kit.office.name,
                sign_public=kit.office.sign_public,
                box_public=kit.office.box_public,
            )
        )
        s.audit("district_identity", note=kit.team_id)
        s.commit()
    return kit


def district_identity(ws: Workspace) -> tuple[KeyPair, PublicIdentity]:
    """At a district office: its upward keys and the city it reports to."""
    with ws.session() as s:
        key = s.exec(select(SyncKey).where(SyncKey.role == ROLE_DISTRICT)).first()
        city = s.exec(select(SyncPeer).where(SyncPeer.kind == ROLE_CITY)).first()
    if key is None or city is None:
        raise SyncError("本办还没有上报身份：请用市巡察办签发的上报身份包（district-join）。")
    pair = KeyPair(key.owner_id, key.name, _unb64(key.sign_private), _unb64(key.box_private))
    return pair, PublicIdentity(city.peer_id, city.name, city.sign_public, city.box_public)


def _origins(conn: sa.Connection, got: dict[str, dict[str, list[Any]]]) -> dict[str, Any]:
    """Team and device of every row going up: from ``row_origin``, else who sent it here."""
    ids = [rid for found in got.values() for rid in found]
    known: dict[str, tuple[str, str]] = {}
    for i in range(0, len(ids), 1000):
        chunk = ids[i : i + 1000]
        for rid, team, device in conn.execute(
            sa.select(_ORIGIN.c.record_id, _ORIGIN.c.team_id, _ORIGIN.c.device_id).where(
                _ORIGIN.c.record_id.in_(chunk)
            )
        ):
            known[str(rid)] = (str(team), str(device))
    records: list[list[str]] = []
    for t in rows.ORDER:
        found = got.get(t, {})
        if not found:
            continue
        i_origin = rows.columns(t).index("origin")
        for rid in sorted(found):
            team, device = known.get(rid, ("", str(found[rid][i_origin])))
            records.append([rid, team, device])
    return {"records": records}


def export_upward(ws: Workspace, out: Path, *, all_rows: bool = False) -> ExportResult:
    """Write an upward bundle (上报) for the city: everything changed since the last one."""
    if ws.kind is not WorkspaceKind.OFFICE:
        raise SyncError("只有巡察办可以向市巡察办上报。")
    me, city = district_identity(ws)
    with ws.session() as s:
        state = s.exec(select(SyncState).where(SyncState.peer == CITY_PEER)).first()
    last = 0 if all_rows or state is None else state.last_exported_seq
    change: sa.Table = SyncChange.__table__  # type: ignore[attr-defined]
    with ws.engine.connect() as conn, conn.begin():
        settle_change_log(conn)
        seq_to = int(
            conn.execute(sa.select(sa.func.coalesce(sa.func.max(change.c.seq), 0))).scalar_one()
        )
        wanted: dict[str, set[str]] = {}
        if all_rows:
            for t in rows.ORDER:
                table = rows.table_of(rows.MODELS[t])
                wanted[t] = {str(i) for (i,) in conn.execute(sa.select(table.c.id))}
        else:
            for t, rid in conn.execute(
                sa.select(change.c.table_name, change.c.record_id).where(change.c.seq > last)
            ):
                if t in rows.MODELS:
                    wanted.setdefault(str(t), set()).add(str(rid))
        got = _with_parents(conn, wanted)
        origins = _origins(conn, got)
    members, planned, counts = _plan(ws.media_store(), got, {})
    media = len(planned)
    members.append(
        Member(
            ORIGIN_MEMBER,
            json.dumps(origins, ensure_ascii=False, separators=(",", ":")).encode("utf-8"),
            compress=True,
        )
    )
    bundle_id = new_id()
    created = _utcnow().isoformat()
    manifest = {
        "format": CONTENTS_FORMAT,
        "version": CONTENTS_VERSION,
        "bundle_id": bundle_id,
        "direction": TO_CITY,
        "team_id": me.owner_id,
        "device_id": ws.device_id,
        "seq_from": last + 1,
        "seq_to": seq_to,
        "all": all_rows,
        "created_at": created,
        "counts": counts,
        "media": media,
    }
    plan = layout(manifest, members, planned)
    written = write_sealed_stream(
        out,
        stream(plan, _read_ahead([p.load for p in planned])),
        plan.length,
        direction=TO_CITY,
        bundle_id=bundle_id,
        team_id=me.owner_id,
        device_id=ws.device_id,
        created_at=created,
        sender=me,
        recipient=city,
    )
    with ws.session() as s:
        row = s.exec(select(SyncState).where(SyncState.peer == CITY_PEER)).first()
        row = row or SyncState(peer=CITY_PEER)
        row.last_exported_seq = max(row.last_exported_seq, seq_to)
        row.last_export_at = _utcnow()
        s.add(row)
        s.audit("export_upward", note=f"{bundle_id} {sum(counts.values())} rows {media} media")
        s.commit()
    return ExportResult(
        path=written.path,
        bundle_id=bundle_id,
        direction=TO_CITY,
        team_id=me.owner_id,
        seq_from=last + 1,
        seq_to=seq_to,
        counts=counts,
        media=media,
        size_bytes=written.size_bytes,
    )


# -- merging at the city (called by app.sync.merge) -----------------------------------------
def parse_origins(raw: bytes) -> dict[str, tuple[str, str]]:
    """``origin.json`` of an upward bundle: record id → (team id, device id)."""
    try:
        doc = json.loads(raw.decode("utf-8"))
        out: dict[str, tuple[str, str]] = {}
        for rid, team, device in doc["records"]:
            if not all(isinstance(v, str) and len(v) <= 64 for v in (rid, team, device)):
                raise ValueError("origin")
            out[rid] = (team, device)
        return out
    except (ValueError, KeyError, TypeError) as exc:
        raise BundleRefused("上报包中的来源记录无法读取，已拒绝。") from exc


def district_rows(conn: sa.Connection, district_id: str, ids: Iterable[str]) -> set[str]:
    """Which of ``ids`` the city holds as rows of ``district_id``."""
    wanted = sorted(set(ids))
    mine: set[str] = set()
    for i in range(0, len(wanted), 1000):
        chunk = wanted[i : i + 1000]
        mine.update(
            str(r)
            for (r,) in conn.execute(
                sa.select(_ORIGIN.c.record_id).where(
                    _ORIGIN.c.record_id.in_(chunk), _ORIGIN.c.district_id == district_id
                )
            )
        )
    return mine


def refuse_foreign_row(table: str, rid: str) -> BundleRefused:
    return BundleRefused(
        f"上报包含有不属于该区县的记录（{table} {rid[:8]}），已拒绝（未写入任何数据）。"
    )


def record_origins(
    conn: sa.Connection,
    new_rows: list[tuple[str, str]],
    *,
    district_id: str,
    team_id: str,
    devices: dict[str, str],
    origins: dict[str, tuple[str, str]] | None,
) -> None:
    """Remember where each new row came from (first writer wins: re-imports change nothing)."""
    if not new_rows:
        return
    values = []
    for table, rid in new_rows:
        if origins is not None:
            team, device = origins.get(rid, ("", devices.get(rid, "")))
        else:
            team, device = team_id, devices.get(rid, "")
        values.append(
            {
                "record_id": rid,
                "table_name": table,
                "district_id": district_id,
                "team_id": team,
                "device_id": device,
            }
        )
    insert_ignoring_duplicates(conn, _ORIGIN, values)


def _b64(data: bytes) -> str:
    from app.sync.keys import b64

    return b64(data)


def _unb64(text: str) -> bytes:
    from app.sync.keys import unb64

    return unb64(text)
