"""The batch plan: suggested from the tiers, edited, saved in one go, exported to .xlsx."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest
from sqlmodel import col, select

from app.domain.batch_plan import PLAN_HEADER, PlanError
from app.domain.vocabulary import Phase
from app.services.registry.batch_plan import (
    current_plan,
    export_plan_xlsx,
    save_plan,
    suggest_plan,
)
from app.services.registry.triage import run_triage
from app.services.registry.villages import registry_rows
from app.services.settings import load_settings, save_settings
from app.storage.models import Batch
from app.storage.workspace import Workspace
from tests.unit.services.registry.test_triage_service import listed  # noqa: F401  (fixture)


def _labels(ws: Workspace) -> dict[str, str]:
    return {r.id: r.label for r in registry_rows(ws)}


def test_suggested_plan_puts_troubled_villages_first(listed: Workspace) -> None:  # noqa: F811
    run_triage(listed)
    save_settings(listed, load_settings(listed).with_changes(batch_troubled_size=1))
    plan = suggest_plan(listed)
    names = _labels(listed)
    got = [(b.label, b.phase, [names[v] for v in b.village_ids]) for b in plan.batches]
    assert got == [
        ("第一批", Phase.TROUBLED_FIRST, ["城关镇新村"]),
        ("第二批", Phase.TROUBLED_FIRST, ["王店乡王庄村"]),
        ("第三批", Phase.STEADY, ["城关镇东关社区", "城关镇李庄村", "王店乡张庄村"]),
        ("第四批", Phase.FULL_SPEED, ["城关镇王庄村"]),
    ]


def test_edit_save_and_read_back(listed: Workspace, tmp_path: Path) -> None:  # noqa: F811
    plan = suggest_plan(listed)
    ids = {v: k for k, v in _labels(listed).items()}
    plan.move(ids["城关镇王庄村"], 1)
    plan.move(ids["城关镇李庄村"], None)
    plan.move(ids["王店乡张庄村"], len(plan.batches) + 1)
    plan.set_phase(len(plan.batches), Phase.FULL_SPEED)
    with pytest.raises(PlanError, match="没有第九批"):
        plan.move(ids["王店乡张庄村"], 9)
    change = save_plan(listed, plan)
    assert len(change.batches_created) == len(plan.batches) == 4
    stored = current_plan(listed)
    # within a batch the stored plan lists villages in registry order
    assert [(b.number, b.phase, sorted(b.village_ids)) for b in stored.batches] == [
        (b.number, b.phase, sorted(b.village_ids)) for b in plan.batches
    ]
    assert stored.unassigned == [ids["城关镇李庄村"]]
    rows = {r.label: r.batch_number for r in registry_rows(listed)}
    assert rows["城关镇王庄村"] == 1 and rows["城关镇李庄村"] is None
    # a shorter plan retires the batches it no longer has
    stored.batches = stored.batches[:1]
    stored.unassigned += [v for v in plan.villages if v not in stored.batches[0].village_ids]
    change = save_plan(listed, stored)
    assert len(change.batches_retired) == 3
    with listed.session() as s:
        live = s.exec(select(Batch).where(col(Batch.retired_at).is_(None))).all()
        assert [b.number for b in live] == [1]


def test_xlsx_export(listed: Workspace, tmp_path: Path) -> None:  # noqa: F811
    run_triage(listed)
    plan = suggest_plan(listed)
    path = export_plan_xlsx(plan, tmp_path / "out" / "批次计划.xlsx", title="2026年批次安排表")
    sheet = openpyxl.load_workbook(path).active
    assert sheet is not None
    values = [tuple(c.value for c in row) for row in sheet.iter_rows()]
    assert values[0][0] == "2026年批次安排表"
    assert values[1] == PLAN_HEADER
    assert values[2] == (
        "第一批",
        "第一步：先难后易治乱村",
        1,
        "城关镇",
        "新村",
        "差",
        "重点巡察",
        "大数据比对违规违纪问题线索明显",
    )
    assert len(values) == 2 + 6
    assert [p.name for p in path.parent.iterdir()] == ["批次计划.xlsx"]  # no temp file left
