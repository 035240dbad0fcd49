"""The printed batch plan (批次安排表): a GB/T 9704 table on landscape pages.

One row per village in batch order (批次, 阶段, 起止时间, 巡察组, 序号, 乡镇, 村, 类别, 巡察方式,
列入渠道); a batch's own cells (批次 … 巡察组) are written on its first village and read as one
cell down its rows; a batch continued on the next page writes them again (第一批（续）). A short
count of batches and villages per phase comes above the table, the issuing body and the date
(in Chinese) below it.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import BinaryIO

from app.documents.builder import DocumentBuilder
from app.documents.fonts import FontSet
from app.documents.page import SnapToGrid, render_pdf
from app.documents.tables import CellValue, GroupedTable, RowGroup, table
from app.domain.batch_plan import (
    PHASE_SHORT,
    PLAN_HEADER,
    BatchPlan,
    phase_counts,
    plan_rows,
    plan_title,
)
from app.domain.formats import chinese_numeral
from app.domain.vocabulary import Phase

__all__ = ["render_batch_plan"]


def _summary(plan: BatchPlan) -> str:
    counts = phase_counts(plan)
    total = sum(len(b.village_ids) for b in plan.batches)
    parts = [
        f"{PHASE_SHORT[p]}{chinese_numeral(counts[p][0])}批{counts[p][1]}个村（社区）"
        for p in Phase
        if counts[p][0]
    ]
    text = f"本轮共{total}个村（社区），分{chinese_numeral(len(plan.batches))}批进行"
    if parts:
        text += "：" + "，".join(parts)
    if plan.unassigned:
        text += f"；另有{len(plan.unassigned)}个村（社区）尚未安排批次"
    return text + "。"


def render_batch_plan(
    plan: BatchPlan,
    out: str | Path | BinaryIO | None = None,
    *,
    title: str = "",
    issuer: str = "",
    date: dt.date | None = None,
    fonts: FontSet | None = None,
) -> bytes:
    """Render the plan; returns the PDF bytes (and writes ``out`` when given)."""
    doc = DocumentBuilder(fonts=fonts)
    doc.title(title or plan_title(plan))
    doc.blank()
    doc.body(_summary(plan))
    groups: list[RowGroup] = []
    for row in plan_rows(plan):
        batch, phase, period, team, *rest = row
        if not groups or groups[-1].lead[0] != batch:
            groups.append(RowGroup(lead=[batch, phase, period, team]))
        groups[-1].rows.append(["", "", "", "", *rest])
    if not groups:
        groups.append(RowGroup(rows=[["", "", "", "", "", "", "（尚无批次）", "", "", ""]]))
    # The document starts on landscape pages (render_pdf(landscape=True)), so the table is
    # as wide as the landscape 版心. Each batch's cells show on its first row on every page.
    grid = GroupedTable(
        list(PLAN_HEADER),
        groups,
        col_widths=[1.6, 3.3, 2.9, 2.6, 0.9, 2.2, 2.4, 0.9, 2.6, 4.6],
        size=10.5,
        align=[
            "center",
            "left",
            "center",
            "center",
            "center",
            "left",
            "left",
            "center",
            "center",
            "left",
        ],
        landscape=True,
        fonts=doc.fonts,
    )
    doc.add([grid, SnapToGrid()])
    focus = plan.focus_rows()
    if focus:
        doc.blank()
        doc.body(
            "第三步巡察从发现典型问题转向查找制度落实，以下村（社区）已建立的制度应作为巡察重点，"
            "查找制度短板、制度执行不力问题。"
        )
        rows2: list[list[CellValue]] = [["批次", "乡镇（街道）", "村（社区）", "重点查看的制度"]]
        rows2 += [list(r) for r in focus]
        focus_grid = table(
            rows2,
            col_widths=[2.0, 3.0, 3.0, 12.0],
            size=11,
            align=["center", "left", "left", "left"],
            landscape=True,
            fonts=doc.fonts,
        )
        doc.add([focus_grid, SnapToGrid()])
    if issuer:
        doc.signature(issuer, date or dt.date.today())
    return render_pdf(
        doc.flowables,
        out,
        landscape=True,
        title=title or "批次安排表",
        fonts=doc.fonts,
    )
