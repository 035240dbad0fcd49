"""The printed batch plan (批次安排表): a GB/T 9704 table on landscape pages.

One row per village in batch order (批次, 阶段, 序号, 乡镇, 村, 类别, 巡察方式, 列入渠道); the
batch and phase cells are written on the first village of each batch only, so the eye finds
the batches. A short count of batches and villages per phase comes above the table.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import BinaryIO

from app.documents.builder import DocumentBuilder
from app.documents.fonts import FontSet
from app.documents.page import SnapToGrid, render_pdf
from app.documents.tables import CellValue, table
from app.domain.batch_plan import (
    PHASE_SHORT,
    PLAN_HEADER,
    BatchPlan,
    phase_counts,
    plan_rows,
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
    doc.title(title or f"{plan.round_name}批次安排表".strip())
    doc.blank()
    doc.body(_summary(plan))
    rows: list[list[CellValue]] = [list(PLAN_HEADER)]
    last_batch = ""
    for row in plan_rows(plan):
        batch, phase, *rest = row
        first = batch != last_batch
        last_batch = batch
        rows.append([batch if first else "", phase if first else "", *rest])
    if len(rows) == 1:
        rows.append(["", "", "", "", "（尚无批次）", "", "", ""])
    # The document starts on landscape pages (render_pdf(landscape=True)), so the table is
    # as wide as the landscape 版心.
    grid = table(
        rows,
        col_widths=[2.0, 5.9, 1.3, 4.3, 3.4, 1.3, 2.6, 6.2],
        size=11,
        align=["center", "left", "center", "left", "left", "center", "center", "left"],
        landscape=True,
        fonts=doc.fonts,
    )
    doc.add([grid, SnapToGrid()])
    if issuer:
        doc.signature(issuer, date or dt.date.today())
    return render_pdf(
        doc.flowables,
        out,
        landscape=True,
        title=title or "批次安排表",
        fonts=doc.fonts,
    )
