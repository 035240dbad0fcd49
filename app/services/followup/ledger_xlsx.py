"""The 整改台账 as an .xlsx workbook (openpyxl) for township staff who work in Excel or WPS.

One sheet, the same columns as the printed ledger (序号/问题/整改要求/责任单位/时限/进展/
销号情况) plus 村（社区） and 预警; a title row, a frozen header, wrapped text, dates as real
dates, set up to print landscape on A4. Written atomically (temp file, then rename).
"""

from __future__ import annotations

import io
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side

from app.documents.ledger import LEDGER_COLUMNS, LedgerDoc
from app.files import atomic_write_bytes

__all__ = ["XLSX_HEADER", "ledger_xlsx_bytes", "write_ledger_xlsx"]

XLSX_HEADER = ("序号", "村（社区）", *LEDGER_COLUMNS[1:], "预警")
_WIDTHS = (6, 12, 40, 32, 22, 12, 32, 22, 10)
_FILL = {
    "绿色预警": "C6EFCE",
    "黄色预警": "FFEB9C",
    "红色预警": "FFC7CE",
}


def ledger_xlsx_bytes(d: LedgerDoc) -> bytes:
    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws.title = "整改台账"
    ws.append([f"{d.scope}巡察发现问题整改台账（截至{d.as_of.isoformat()}）"])
    ws.merge_cells(start_row=1, start_column=1, end_row=1, end_column=len(XLSX_HEADER))
    ws["A1"].font = Font(name="黑体", size=14, bold=True)
    ws["A1"].alignment = Alignment(horizontal="center")
    ws.append(list(XLSX_HEADER))
    thin = Side(style="thin")
    border = Border(left=thin, right=thin, top=thin, bottom=thin)
    for cell in ws[2]:
        cell.font = Font(name="黑体", bold=True)
        cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
        cell.border = border
    for n, r in enumerate(d.rows, start=1):
        ws.append(
            [
                n,
                r.village,
                r.problem,
                r.requirement,
                r.unit,
                r.deadline,
                r.progress,
                r.ticked,
                r.colour,
            ]
        )
        row = ws.max_row
        for cell in ws[row]:
            cell.alignment = Alignment(vertical="top", wrap_text=True)
            cell.border = border
        ws.cell(row=row, column=6).number_format = "yyyy-mm-dd"
        fill = _FILL.get(r.colour)
        if fill:
            ws.cell(row=row, column=9).fill = PatternFill("solid", fgColor=fill)
    for i, w in enumerate(_WIDTHS, start=1):
        ws.column_dimensions[chr(ord("A") + i - 1)].width = w
    ws.freeze_panes = "A3"
    ws.print_title_rows = "2:2"
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


def write_ledger_xlsx(d: LedgerDoc, path: Path) -> Path:
    atomic_write_bytes(Path(path), ledger_xlsx_bytes(d))
    return Path(path)
