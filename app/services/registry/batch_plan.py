"""The batch plan of a round: villages in batches (第一批 …) and phases ①②③.

:func:`suggest_plan` proposes a plan from the villages' tiers (差 first in small batches, then 中,
then 好; sizes from the settings); the office edits it (:meth:`BatchPlan.move`,
:meth:`BatchPlan.set_phase`) and :func:`save_plan` writes it in one transaction.
:func:`current_plan` reads what is stored. :func:`export_plan_xlsx` writes it as an Excel sheet.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from sqlmodel import col, select

from app.documents.workbook import CellData, Column, Sheet, write_workbook
from app.domain.batch_plan import (
    BatchPlan,
    PlanBatch,
    PlanEntry,
    plan_rows,
    plan_title,
)
from app.domain.triage import BatchPlanSettings, PlanVillage, suggest_batches
from app.services.registry.triage import triage_rows
from app.services.registry.villages import RegistryError, current_round
from app.services.settings import Settings, load_settings
from app.storage.bulk import bulk_update
from app.storage.models import Batch, Team, Village, utcnow
from app.storage.workspace import Workspace


def _entries(ws: Workspace) -> dict[str, PlanEntry]:
    return {
        r.village_id: PlanEntry(
            r.village_id,
            r.township,
            r.name,
            r.code,
            r.result.tier,
            r.result.style,
            r.channels,
        )
        for r in triage_rows(ws)
    }


def batch_settings(settings: Settings) -> BatchPlanSettings:
    return BatchPlanSettings(
        troubled_batch_size=settings.batch_troubled_size,
        steady_batch_size=settings.batch_steady_size,
        full_speed_batch_size=settings.batch_full_speed_size,
    )


def suggest_plan(ws: Workspace, sizes: BatchPlanSettings | None = None) -> BatchPlan:
    """A suggested plan from the villages' tiers (overrides included)."""
    sizes = sizes or batch_settings(load_settings(ws))
    entries = _entries(ws)
    planned = suggest_batches(
        [PlanVillage(e.village_id, e.township, e.name, e.tier) for e in entries.values()], sizes
    )
    with ws.session() as s:
        rnd = current_round(s)
    return BatchPlan(
        round_name=rnd.name if rnd else "",
        batches=[PlanBatch(p.number, p.phase, list(p.village_ids)) for p in planned],
        villages=entries,
    )


def current_plan(ws: Workspace) -> BatchPlan:
    """The stored plan of the current round (villages of no batch are ``unassigned``)."""
    entries = _entries(ws)
    with ws.session() as s:
        rnd = current_round(s)
        stored = (
            []
            if rnd is None
            else list(
                s.exec(
                    select(Batch)
                    .where(Batch.round_id == rnd.id, col(Batch.retired_at).is_(None))
                    .order_by(col(Batch.number))
                ).all()
            )
        )
        teams = {t.id: t.name for t in s.exec(select(Team)).all()}
        of_village = dict(
            s.exec(
                select(Village.id, Village.batch_id).where(col(Village.retired_at).is_(None))
            ).all()
        )
    batches = [
        PlanBatch(b.number, b.phase, [], b.starts_on, b.ends_on, teams.get(b.team_id or "", ""))
        for b in stored
    ]
    by_id = {b.id: pb for b, pb in zip(stored, batches, strict=True)}
    unassigned: list[str] = []
    for vid in entries:
        target = by_id.get(of_village.get(vid) or "")
        (target.village_ids if target else unassigned).append(vid)
    return BatchPlan(rnd.name if rnd else "", batches, entries, unassigned)


@dataclass(frozen=True)
class PlanChange:
    batches_created: tuple[str, ...]
    batches_updated: tuple[str, ...]
    batches_retired: tuple[str, ...]
    villages_moved: tuple[str, ...]


def save_plan(ws: Workspace, plan: BatchPlan) -> PlanChange:
    """Write the plan for the current round (created if there is none) in one transaction."""
    numbers = [b.number for b in plan.batches]
    if numbers != list(range(1, len(numbers) + 1)):
        raise RegistryError("批次应从第一批起连续编号")
    with ws.session() as s:
        rnd = current_round(s, create=True)
        assert rnd is not None
        stored = {
            b.number: b
            for b in s.exec(
                select(Batch).where(Batch.round_id == rnd.id, col(Batch.retired_at).is_(None))
            ).all()
        }
        created: list[str] = []
        updated: list[str] = []
        retired: list[str] = []
        batch_id_for: dict[str, str | None] = dict.fromkeys(plan.unassigned)
        for pb in plan.batches:
            row = stored.pop(pb.number, None)
            if row is None:
                row = Batch(round_id=rnd.id, number=pb.number, phase=pb.phase)
                s.add(row)
                created.append(row.id)
            elif (row.phase, row.starts_on, row.ends_on) != (pb.phase, pb.starts_on, pb.ends_on):
                updated.append(row.id)
            row.phase, row.starts_on, row.ends_on = pb.phase, pb.starts_on, pb.ends_on
            s.add(row)
            for vid in pb.village_ids:
                batch_id_for[vid] = row.id
        for row in stored.values():
            row.retired_at = utcnow()
            s.add(row)
            retired.append(row.id)
        s.flush()
        current = s.exec(
            select(Village.id, Village.version, Village.batch_id).where(
                col(Village.retired_at).is_(None)
            )
        ).all()
        updates = [
            (vid, version, {"batch_id": batch_id_for[vid]})
            for vid, version, batch_id in current
            if vid in batch_id_for and batch_id != batch_id_for[vid]
        ]
        bulk_update(s, Village, updates)
        moved = [u[0] for u in updates]
        s.audit("batch_plan", note=f"{len(plan.batches)} 批")
        s.commit()
    return PlanChange(tuple(created), tuple(updated), tuple(retired), tuple(moved))


PLAN_COLUMNS = (
    Column("批次", 9, align="center"),
    Column("阶段", 22),
    Column("开始日期", 16, kind="date", align="center"),
    Column("结束日期", 16, kind="date", align="center"),
    Column("巡察组", 18, align="center"),
    Column("序号", 6, kind="number", align="center"),
    Column("乡镇（街道）", 14),
    Column("村（社区）", 14),
    Column("类别", 6, align="center"),
    Column("巡察方式", 12, align="center"),
    Column("列入渠道", 36),
)


def plan_sheet(plan: BatchPlan, title: str = "") -> Sheet:
    """The plan as a worksheet: one row per village, every row with its batch's cells."""
    rows: list[list[CellData]] = []
    by_label = {b.label: b for b in plan.batches}
    for batch, phase, _period, _team, n, town, name, tier, style, channels in plan_rows(plan):
        b = by_label[batch]
        rows.append(
            [
                batch,
                phase,
                b.starts_on,
                b.ends_on,
                b.team or "未定",
                n,
                town,
                name,
                tier,
                style,
                channels,
            ]
        )
    return Sheet(
        name="批次计划",
        title=title or plan_title(plan),
        columns=PLAN_COLUMNS,
        rows=rows,
    )


def plan_pdf(ws: Workspace, plan: BatchPlan, out: Path | None = None) -> bytes:
    """The batch plan as PDF (written to ``out`` when given), in the workspace's fonts."""
    from app.documents.batch_plan_doc import render_batch_plan
    from app.services.fonts import workspace_fonts

    return render_batch_plan(plan, out, fonts=workspace_fonts(ws))


def export_plan_xlsx(plan: BatchPlan, path: Path | str, title: str = "") -> Path:
    """Write the plan as an .xlsx sheet (atomically: a temp file, then renamed)."""
    return write_workbook(path, [plan_sheet(plan, title)])
