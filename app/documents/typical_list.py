"""典型问题清单 for 未巡先改: the round's problems, generalised (no names, no village), sent to a
township for the villages of later batches to check themselves against.

GB/T 9704: title, the township's Party committee as 主送, what to do and by when, the villages
that are to check themselves, the list as a table (序号, 类别, 典型问题, 自查要求), signature,
date and 版记.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import BinaryIO

from app.documents.builder import DocumentBuilder
from app.documents.cells import line_cell
from app.documents.fonts import FontSet
from app.documents.paragraph import Align
from app.documents.tables import CellValue
from app.domain.formats import chinese_date

__all__ = ["ListDoc", "ListItem", "render_typical_list"]

TABLE_SIZE = 12.0


@dataclass(frozen=True)
class ListItem:
    number: int
    category: str
    text: str
    requirement: str


@dataclass
class ListDoc:
    title: str
    issuer: str
    on: date
    township: str
    committee: str
    due: date | None
    villages: list[str] = field(default_factory=list)
    items: list[ListItem] = field(default_factory=list)


def build_typical_list(d: ListDoc, *, fonts: FontSet | None = None) -> DocumentBuilder:
    doc = DocumentBuilder(fonts=fonts)
    doc.title(d.title)
    doc.addressee(d.committee)
    due = f"，并于{chinese_date(d.due)}前将自查情况报区委巡察办" if d.due else ""
    doc.body(
        "为推动巡察整改举一反三、未巡先改，现将本轮已巡察村（社区）发现的典型问题梳理成清单"
        "（已隐去人名和村名）印发给你们。请组织以下尚未巡察的村（社区）逐项对照自查，"
        f"发现问题立行立改、建立台账{due}。自查情况将在巡察进驻时逐项核实。"
    )
    doc.heading(1, "需开展自查的村（社区）")
    doc.body("、".join(d.villages) + "。" if d.villages else "（无）。")
    doc.heading(1, "典型问题清单")
    rows: list[list[CellValue]] = [["序号", "类别", "典型问题", "自查要求"]]
    fs = doc.fonts
    for it in d.items:
        rows.append(
            [
                line_cell(str(it.number), TABLE_SIZE, fonts=fs),
                line_cell(it.category, TABLE_SIZE, fonts=fs),
                it.text,
                it.requirement,
            ]
        )
    align: list[Align] = ["center", "center", "justify", "justify"]
    doc.table(rows, col_widths=[0.7, 1.7, 3.8, 3.8], size=TABLE_SIZE, align=align)
    doc.signature(d.issuer, d.on)
    doc.imprint(["区纪委监委"], d.issuer, d.on)
    return doc


def render_typical_list(
    d: ListDoc, out: str | Path | BinaryIO | None = None, *, fonts: FontSet | None = None
) -> bytes:
    return build_typical_list(d, fonts=fonts).render(out, title=d.title, author=d.issuer)
