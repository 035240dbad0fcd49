"""制度推广: which village has which system (the matrix), and where a system is on paper only.

A cell is one ``village_system`` row per village and system, its id fixed by the pair
(:func:`~app.domain.campaign.pair_id`), so the office and a team that record the same cell write
the same row. Cells are filled from 建机制 tasks (a task for a system puts it 推进中; the task done
makes it 已建立 from that day), from the villages' own reports and from checks
(:func:`set_system`). A cell never goes back from 已建立 because a later task was planned.

:func:`matrix` gives the whole district (or one township) with counts per system and township;
:func:`focus_list` is the third phase's inspection focus (找制度短板): in the villages of the
batches of phase ③, the systems adopted but not (or not yet shown to be) carried out.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Collection
from dataclasses import dataclass, field
from datetime import date

import sqlalchemy as sa
from sqlmodel import col, select

from app.domain.campaign import (
    CampaignRefused,
    Practice,
    SystemDef,
    SystemSource,
    SystemStatus,
    pair_id,
)
from app.domain.vocabulary import Phase
from app.services.campaign.common import Changed, today_or, village_places, ws_catalogue
from app.storage.models import Batch, Township, Village, VillageSystem
from app.storage.session import WorkspaceSession
from app.storage.workspace import Workspace

__all__ = [
    "FocusRow",
    "Matrix",
    "MatrixCell",
    "MatrixRow",
    "focus_for",
    "focus_list",
    "matrix",
    "set_system",
    "set_system_in",
]

_RANK = {SystemStatus.NOT_YET: 0, SystemStatus.IN_PROGRESS: 1, SystemStatus.ADOPTED: 2}


def set_system_in(
    s: WorkspaceSession,
    village_id: str,
    system: str,
    status: SystemStatus,
    *,
    on: date,
    source: SystemSource,
    task_id: str | None = None,
    practice: Practice | None = None,
    note: str = "",
    only_forward: bool = False,
) -> VillageSystem | None:
    """Write one matrix cell in the caller's transaction; returns it when it changed.

    ``only_forward`` (tasks) never lowers a cell (a new task does not undo 已建立).
    """
    rid = pair_id("village_system", village_id, system)
    row = s.get(VillageSystem, rid)
    new = row is None
    if row is None:
        row = VillageSystem(id=rid, village_id=village_id, system=system)
    elif only_forward and _RANK[status] <= _RANK[row.status]:
        return None
    before = (row.status, row.since, row.source, row.task_id, row.practice, row.practice_note)
    if row.status is not status:
        row.since = on if status is not SystemStatus.NOT_YET else None
    row.status = status
    row.source = source
    if task_id is not None:
        row.task_id = task_id
    if practice is not None:
        row.practice = practice
        row.checked_on = on
    if note:
        row.practice_note = note.strip()[:2000]
    revived = row.retired_at is not None
    row.retired_at = None
    after = (row.status, row.since, row.source, row.task_id, row.practice, row.practice_note)
    if not new and not revived and before == after:
        return None
    s.add(row)
    return row


def set_system(
    ws: Workspace,
    village_id: str,
    system: str,
    status: SystemStatus,
    *,
    on: date | None = None,
    source: SystemSource = SystemSource.SELF_REPORT,
    practice: Practice | None = None,
    note: str = "",
) -> Changed:
    """A village's report or a check says how a system stands there (and whether it is carried
    out). Allowed on a team laptop too: a team checks practice in the villages it covers."""
    codes = {d.code for d in ws_catalogue(ws)}
    if system not in codes:
        raise CampaignRefused(f"没有这项制度：{system}（可在设置中增加）。", "system")
    if practice is Practice.NOT_CARRIED_OUT and status is not SystemStatus.ADOPTED:
        raise CampaignRefused("只有已建立的制度才谈得上执行不力。", "practice")
    out = Changed()
    with ws.session() as s:
        v = s.get(Village, village_id)
        if v is None or v.retired_at is not None:
            raise CampaignRefused("找不到这个村（社区）。")
        row = set_system_in(
            s,
            village_id,
            system,
            status,
            on=today_or(on),
            source=source,
            practice=practice,
            note=note,
        )
        if row is not None:
            s.flush()
            out.add(row)
            s.audit("campaign_system", row, note=f"{system} {status.value}")
        s.commit()
    return out


# -- the matrix --------------------------------------------------------------------------------
@dataclass(frozen=True)
class MatrixCell:
    status: SystemStatus
    since: date | None
    practice: Practice
    source: SystemSource | None


EMPTY = MatrixCell(SystemStatus.NOT_YET, None, Practice.UNKNOWN, None)


@dataclass
class MatrixRow:
    village_id: str
    township_id: str
    township: str
    village: str
    cells: dict[str, MatrixCell] = field(default_factory=dict)

    def cell(self, code: str) -> MatrixCell:
        return self.cells.get(code, EMPTY)


@dataclass
class Matrix:
    systems: tuple[SystemDef, ...]
    rows: list[MatrixRow]
    townships: list[tuple[str, str]]
    """(id, name) of the townships present, in order."""

    def counts(self, township_id: str | None = None) -> dict[str, Counter[SystemStatus]]:
        """Per system: how many villages (of one township, or all) are in each state."""
        out: dict[str, Counter[SystemStatus]] = {d.code: Counter() for d in self.systems}
        for r in self.rows:
            if township_id is not None and r.township_id != township_id:
                continue
            for d in self.systems:
                out[d.code][r.cell(d.code).status] += 1
        return out

    def counts_for(self, village_ids: set[str]) -> dict[str, Counter[SystemStatus]]:
        """Per system: the states among the villages named."""
        out: dict[str, Counter[SystemStatus]] = {d.code: Counter() for d in self.systems}
        for r in self.rows:
            if r.village_id in village_ids:
                for d in self.systems:
                    out[d.code][r.cell(d.code).status] += 1
        return out

    def weak(self, code: str) -> int:
        """Villages where the system is adopted but found not carried out."""
        return sum(
            1
            for r in self.rows
            if r.cell(code).status is SystemStatus.ADOPTED
            and r.cell(code).practice is Practice.NOT_CARRIED_OUT
        )

    def not_carried_out(self) -> int:
        return sum(
            1
            for r in self.rows
            for c in r.cells.values()
            if c.status is SystemStatus.ADOPTED and c.practice is Practice.NOT_CARRIED_OUT
        )


def matrix(ws: Workspace, township_id: str | None = None) -> Matrix:
    systems = ws_catalogue(ws)
    codes = {d.code for d in systems}
    with ws.session() as s:
        towns = s.exec(select(Township).where(col(Township.retired_at).is_(None))).all()
        order = {t.id: (t.code or "\uffff", t.name) for t in towns}
        places = village_places(s)
        codes_of = {
            v.id: v.code
            for v in s.exec(select(Village).where(col(Village.retired_at).is_(None))).all()
        }
        t = VillageSystem.__table__.c  # type: ignore[attr-defined]
        cells = (
            s.connection()
            .execute(
                sa.select(t.village_id, t.system, t.status, t.since, t.practice, t.source).where(
                    t.retired_at.is_(None)
                )
            )
            .all()
        )
    rows: dict[str, MatrixRow] = {}
    for vid, (town, name, tid) in places.items():
        if township_id is not None and tid != township_id:
            continue
        rows[vid] = MatrixRow(vid, tid, town, name)
    for vid, system, status, since, practice, source in cells:
        row = rows.get(vid)
        if row is not None and system in codes:
            row.cells[system] = MatrixCell(status, since, practice, source)
    ordered = sorted(
        rows.values(),
        key=lambda r: (
            order.get(r.township_id, ("\uffff", "")),
            codes_of.get(r.village_id) or "\uffff",
            r.village,
        ),
    )
    present = list(dict.fromkeys((r.township_id, r.township) for r in ordered))
    return Matrix(systems, ordered, present)


# -- 找制度短板 -----------------------------------------------------------------------------------
@dataclass(frozen=True)
class FocusRow:
    village_id: str
    township: str
    village: str
    batch: int
    items: tuple[str, ...]
    """One line per system: 微权四化（已建立，执行不力：…）."""


def focus_for(ws: Workspace, village_ids: Collection[str]) -> dict[str, tuple[str, ...]]:
    """For each of these villages that has one: the systems adopted there whose practice is not
    shown to be carried out (执行不力 first), one line each — what a phase-③ team looks into."""
    systems = {d.code: d.label for d in ws_catalogue(ws)}
    with ws.session() as s:
        cells = s.exec(
            select(VillageSystem).where(
                col(VillageSystem.village_id).in_(list(village_ids)),
                col(VillageSystem.retired_at).is_(None),
                VillageSystem.status == SystemStatus.ADOPTED,
                VillageSystem.practice != Practice.CARRIED_OUT,
            )
        ).all()
    by_village: dict[str, list[VillageSystem]] = {}
    for c in cells:
        if c.system in systems:
            by_village.setdefault(c.village_id, []).append(c)
    out: dict[str, tuple[str, ...]] = {}
    for vid, found in by_village.items():
        found.sort(key=lambda c: (c.practice is not Practice.NOT_CARRIED_OUT, c.system))
        items = []
        for c in found:
            since = f"{c.since.year}年{c.since.month}月起" if c.since else ""
            note = f"：{c.practice_note}" if c.practice_note else ""
            state = "待核实执行情况" if c.practice is Practice.UNKNOWN else c.practice.label
            items.append(f"{systems[c.system]}（{since}已建立，{state}{note}）")
        out[vid] = tuple(items)
    return out


def focus_list(ws: Workspace, batch_number: int | None = None) -> list[FocusRow]:
    """The inspection focus of phase ③: per village of a phase-③ batch (or of ``batch_number``),
    the systems adopted there whose practice is not shown to be carried out."""
    with ws.session() as s:
        batches = {
            b.id: b
            for b in s.exec(select(Batch).where(col(Batch.retired_at).is_(None))).all()
            if (batch_number is None and b.phase is Phase.FULL_SPEED)
            or (batch_number is not None and b.number == batch_number)
        }
        villages = [
            v
            for v in s.exec(select(Village).where(col(Village.retired_at).is_(None))).all()
            if v.batch_id in batches
        ]
        places = village_places(s)
    focus = focus_for(ws, [v.id for v in villages])
    out: list[FocusRow] = []
    for v in villages:
        items = focus.get(v.id)
        if not items:
            continue
        town, name, _ = places.get(v.id, ("", v.name, ""))
        out.append(FocusRow(v.id, town, name, batches[v.batch_id or ""].number, items))
    out.sort(key=lambda r: (r.batch, r.township, r.village))
    return out
