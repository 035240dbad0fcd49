"""整改台账: the rectification ledger of a village or a township, on landscape GB/T 9704 pages.

Columns: 序号 / 问题 / 整改要求 / 责任单位 / 时限 / 进展 / 销号情况. An item whose deadline was
extended shows the reason and the new deadline in 进展 (never dropped); an overdue item says so
in 时限. The same rows feed the .xlsx (:mod:`app.services.followup.ledger_xlsx`).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import BinaryIO

from app.documents.builder import DocumentBuilder
from app.documents.elements import body_style
from app.documents.fonts import FontRole, FontSet
from app.documents.page import render_pdf
from app.documents.paragraph import CJKParagraph
from app.documents.tables import CellValue
from app.domain.formats import chinese_date

__all__ = [
    "LEDGER_COLUMNS",
    "LedgerDoc",
    "LedgerRow",
    "build_ledger",
    "ledger_file_name",
    "render_ledger",
]

LEDGER_COLUMNS = ("序号", "问题", "整改要求", "责任单位", "时限", "进展", "销号情况")
_WIDTHS = (0.9, 4.0, 3.1, 2.1, 2.2, 3.1, 2.0)


@dataclass(frozen=True)
class LedgerRow:
    village: str
    problem: str
    requirement: str
    unit: str
    deadline: date
    progress: str
    ticked: str
    """销号情况: 已销号（日期，核查人） or 未销号."""
    overdue: bool = False
    colour: str = ""
    """三色预警 label (绿色预警 …) or ""."""


@dataclass(frozen=True)
class LedgerDoc:
    scope: str
    """村 or 乡镇 name, as printed in the title."""
    issuing_body: str
    as_of: date
    rows: Sequence[LedgerRow] = field(default_factory=tuple)
    by_village: bool = False
    """Township ledgers group rows under each village."""


def ledger_file_name(d: LedgerDoc, ext: str = "pdf") -> str:
    return f"整改台账-{d.scope}-{d.as_of.isoformat()}.{ext}"


def deadline_cell(r: LedgerRow) -> str:
    text = f"{r.deadline.year}.{r.deadline.month}.{r.deadline.day}"
    if r.overdue:
        text += "（逾期）"
    return text


def build_ledger(d: LedgerDoc, *, fonts: FontSet | None = None) -> DocumentBuilder:
    doc = DocumentBuilder(fonts=fonts)
    fs = doc.fonts
    # Landscape from the first page on (render_pdf(landscape=True)); tables size to 225 mm.
    doc._landscape = True
    doc.title(f"{d.scope}巡察发现问题整改台账")
    centred = body_style(first_indent=0.0, align="center", role=FontRole.KAITI)
    done = sum(1 for r in d.rows if r.ticked.startswith("已销号"))
    doc.add(
        [
            CJKParagraph(
                f"（截至{chinese_date(d.as_of)}　共{len(d.rows)}项，已销号{done}项）",
                centred,
                fonts=fs,
            )
        ]
    )
    doc.blank()
    header: list[CellValue] = list(LEDGER_COLUMNS)
    if not d.rows:
        doc.body("暂无整改事项。")
        return doc
    table: list[list[CellValue]] = [header]
    current = None
    for n, r in enumerate(d.rows, start=1):
        if d.by_village and r.village != current:
            current = r.village
            table.append([f"{r.village}", "", "", "", "", "", ""])
        table.append([n, r.problem, r.requirement, r.unit, deadline_cell(r), r.progress, r.ticked])
    doc.table(
        table,
        col_widths=_WIDTHS,
        size=12.0,
        align=["center", "justify", "justify", "center", "center", "justify", "center"],
    )
    if d.by_village:
        tbl = doc.flowables[-2]
        spans = [
            ("SPAN", (0, i), (-1, i))
            for i, row in enumerate(table)
            if i > 0 and row[1] == "" and row[2] == ""
        ]
        tbl.setStyle(spans)
    return doc


def render_ledger(
    d: LedgerDoc, out: str | Path | BinaryIO | None = None, *, fonts: FontSet | None = None
) -> bytes:
    doc = build_ledger(d, fonts=fonts)
    return render_pdf(
        doc.flowables,
        out,
        landscape=True,
        title=f"{d.scope}整改台账",
        author=d.issuing_body,
        fonts=doc.fonts,
    )
