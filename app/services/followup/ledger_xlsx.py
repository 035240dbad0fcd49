"""The 整改台账 as an .xlsx workbook for township staff who work in Excel or WPS.

One sheet through :mod:`app.documents.workbook` (text stays text, print setup, row heights, real
dates): the columns of the printed ledger plus 村（社区）, a title with the as-of date in Chinese,
and the 填报人 / 填报日期 line below the table. The 预警 column says the colour and the days left
(or overdue) as of the ledger's date, with the colour as the cell's fill.
"""

from __future__ import annotations

from pathlib import Path

from app.documents.ledger import LedgerDoc, ledger_title
from app.documents.workbook import Cell, CellData, Column, Sheet, workbook_bytes, write_workbook
from app.domain.formats import chinese_date

__all__ = ["XLSX_COLUMNS", "XLSX_HEADER", "ledger_sheet", "ledger_xlsx_bytes", "write_ledger_xlsx"]

XLSX_COLUMNS = (
    Column("序号", 6, kind="number", align="center"),
    Column("村（社区）", 12, align="center"),
    Column("问题", 36),
    Column("整改要求", 28),
    Column("责任单位", 20, align="center"),
    Column("责任人", 10, align="center"),
    Column("整改时限", 16, kind="date", align="center"),
    Column("完成时间", 16, kind="date", align="center"),
    Column("整改进展", 28),
    Column("销号情况", 20, align="center"),
    Column("预警", 16, align="center"),
)
XLSX_HEADER = tuple(c.header for c in XLSX_COLUMNS)
_FILL = {
    "绿色预警": "C6EFCE",
    "黄色预警": "FFEB9C",
    "红色预警": "FFC7CE",
}


def ledger_sheet(d: LedgerDoc) -> Sheet:
    rows: list[list[CellData]] = []
    for n, r in enumerate(d.rows, start=1):
        fill = _FILL.get(r.colour, "")
        rows.append(
            [
                n,
                r.village,
                r.problem,
                r.requirement,
                r.unit,
                r.responsible_person,
                r.deadline,
                r.completed_on,
                r.progress,
                r.ticked,
                Cell(r.warning or r.colour, fill=fill),
            ]
        )
    filled_on = d.filled_on or d.as_of
    return Sheet(
        name="整改台账",
        title=ledger_title(d),
        subtitle=f"（截至{chinese_date(d.as_of)}）",
        columns=XLSX_COLUMNS,
        rows=rows,
        note=f"填报人：{d.filled_by or '＿＿＿＿'}　　填报日期：{chinese_date(filled_on)}",
    )


def ledger_xlsx_bytes(d: LedgerDoc) -> bytes:
    return workbook_bytes([ledger_sheet(d)])


def write_ledger_xlsx(d: LedgerDoc, path: Path) -> Path:
    return write_workbook(path, [ledger_sheet(d)])
