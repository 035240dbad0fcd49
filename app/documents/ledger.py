"""整改台账: the rectification ledger of a village or a township, on landscape GB/T 9704 pages.

Columns: 序号 / 问题 / 整改要求 / 责任单位 / 责任人 / 整改时限 / 完成时间 / 整改进展 / 销号情况 /
预警. An item whose deadline was extended shows the reason and the new deadline in 整改进展 (never
dropped); 预警 gives the colour and the days left or overdue as of the ledger's date. A township
ledger groups the rows under each village (a village continued on the next page says 王庄村（续）).
填报人 and 填报日期 close the table. The same rows feed the .xlsx
(:mod:`app.services.followup.ledger_xlsx`).
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
from app.documents.page import CELL, SnapToGrid, render_pdf
from app.documents.paragraph import Align, CJKParagraph
from app.documents.tables import GroupedTable, RowGroup, date_cell
from app.domain.formats import chinese_date

__all__ = [
    "LEDGER_COLUMNS",
    "LedgerDoc",
    "LedgerRow",
    "build_ledger",
    "ledger_file_name",
    "ledger_title",
    "render_ledger",
]

LEDGER_COLUMNS = (
    "序号",
    "问题",
    "整改要求",
    "责任单位",
    "责任人",
    "整改时限",
    "完成时间",
    "整改进展",
    "销号情况",
    "预警",
)
_WIDTHS = (0.8, 3.8, 2.8, 2.1, 1.2, 1.7, 1.7, 3.0, 2.1, 2.1)
_ALIGN: tuple[Align, ...] = (
    "center",
    "justify",
    "justify",
    "center",
    "center",
    "center",
    "center",
    "justify",
    "center",
    "center",
)
TABLE_SIZE = 10.5  # 五号


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
    responsible_person: str = ""
    """责任人 (a person of the responsible unit), "" when not known yet."""
    completed_on: date | None = None
    """完成时间: when the unit reported the work done (or the item was ticked off)."""
    warning: str = ""
    """预警 as printed: 红色预警（逾期3天）, 黄色预警（剩余8天）, 已销号 …"""


@dataclass(frozen=True)
class LedgerDoc:
    scope: str
    """村 or 乡镇 name, as printed in the title."""
    issuing_body: str
    as_of: date
    rows: Sequence[LedgerRow] = field(default_factory=tuple)
    by_village: bool = False
    """Township ledgers group rows under each village."""
    filled_by: str = ""
    """填报人: who produced the ledger."""
    filled_on: date | None = None
    """填报日期 (the ledger's as-of date when not given)."""


def ledger_title(d: LedgerDoc) -> str:
    return f"{d.scope}巡察发现问题整改台账"


def ledger_file_name(d: LedgerDoc, ext: str = "pdf") -> str:
    return f"整改台账-{d.scope}-{d.as_of.isoformat()}.{ext}"


def deadline_cell(r: LedgerRow) -> str:
    return date_cell(r.deadline)


def build_ledger(d: LedgerDoc, *, fonts: FontSet | None = None) -> DocumentBuilder:
    doc = DocumentBuilder(fonts=fonts)
    fs = doc.fonts
    # Landscape from the first page on (render_pdf(landscape=True)); tables size to 225 mm.
    doc._landscape = True
    doc.title(ledger_title(d))
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
    if not d.rows:
        doc.body("暂无整改事项。")
    else:
        groups: list[RowGroup] = []
        for n, r in enumerate(d.rows, start=1):
            label = r.village if d.by_village else ""
            if not groups or (d.by_village and groups[-1].label != label):
                groups.append(RowGroup(label=label))
            groups[-1].rows.append(
                [
                    n,
                    r.problem,
                    r.requirement,
                    r.unit,
                    r.responsible_person or "—",
                    deadline_cell(r),
                    date_cell(r.completed_on),
                    r.progress,
                    r.ticked,
                    r.warning or r.colour or "—",
                ]
            )
        grid = GroupedTable(
            list(LEDGER_COLUMNS),
            groups,
            col_widths=_WIDTHS,
            size=TABLE_SIZE,
            align=_ALIGN,
            landscape=True,
            word_columns=(4, 5, 6, 9),
            fonts=fs,
        )
        doc.add([grid, SnapToGrid()])
    filled_on = d.filled_on or d.as_of
    doc.add(
        [
            CJKParagraph(
                f"填报人：{d.filled_by or '＿＿＿＿＿＿'}　　填报日期：{chinese_date(filled_on)}",
                body_style(first_indent=0.0, align="right", right_indent=2 * CELL),
                fonts=fs,
            )
        ]
    )
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
