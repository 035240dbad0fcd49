"""The campaign's .xlsx sheets: the 制度推广 matrix and the 未巡先改 self-check form.

Text stays text: every string cell is stored as a string with the text number format, so a code
such as 411626100201 or an entry beginning with ``=`` is never turned into a number or a formula.
Sheets print landscape on A4, one page wide, with the header repeated.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from datetime import date

from openpyxl import Workbook
from openpyxl.cell.cell import Cell
from openpyxl.styles import Alignment, Border, Font, NamedStyle, PatternFill, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.worksheet import Worksheet

from app.domain.campaign import Practice, SelfCheckFix, SelfCheckFound, SystemStatus
from app.domain.formats import chinese_date
from app.services.campaign.systems import Matrix

__all__ = ["FORM_HEADER", "matrix_xlsx_bytes", "selfcheck_form_bytes"]

_THIN = Side(style="thin")
_BORDER = Border(left=_THIN, right=_THIN, top=_THIN, bottom=_THIN)
STATUS_FILL = {
    SystemStatus.ADOPTED: "C6EFCE",
    SystemStatus.IN_PROGRESS: "FFEB9C",
    SystemStatus.NOT_YET: "F2F2F2",
}
NOT_CARRIED_OUT_FILL = "FFC7CE"

FORM_HEADER = (
    "村（社区）",
    "序号",
    "问题类别",
    "典型问题",
    "自查要求",
    "是否存在",
    "整改情况",
    "自查说明",
    "填报单位",
    "村编号",
    "条目编号",
)
"""Columns of the self-check form; the last two identify the village and the item on import."""


def _styles(wb: Workbook) -> None:
    """Named styles, registered once: setting a style by name is far cheaper than setting a
    border, an alignment and a fill on every cell."""
    plain = Alignment(vertical="center", wrap_text=True)
    middle = Alignment(horizontal="center", vertical="center", wrap_text=True)
    specs: dict[str, tuple[str, Alignment, str | None, Font | None]] = {
        "text": ("@", plain, None, None),
        "number": ("General", plain, None, None),
        "date": ("yyyy-mm-dd", plain, None, None),
        "head": ("@", middle, None, Font(name="黑体", bold=True)),
    }
    for status, colour in STATUS_FILL.items():
        specs[f"fill-{status.value}"] = ("@", middle, colour, None)
    specs["fill-weak"] = ("@", middle, NOT_CARRIED_OUT_FILL, None)
    for name, (fmt, align, fill, font) in specs.items():
        style = NamedStyle(name=name, number_format=fmt, alignment=align, border=_BORDER)
        if fill is not None:
            style.fill = PatternFill("solid", fgColor=fill)
        if font is not None:
            style.font = font
        wb.add_named_style(style)


def _put(
    ws: Worksheet, row: int, column: int, value: str | int | date | None, style: str = ""
) -> Cell:
    cell = ws.cell(row=row, column=column)
    cell.value = value
    if isinstance(value, str):
        cell.data_type = "s"  # never a formula, never a number
        cell.style = style or "text"
    else:
        cell.style = style or ("date" if isinstance(value, date) else "number")
    return cell


def _title(ws: Worksheet, text: str, width: int) -> None:
    cell = ws.cell(row=1, column=1)
    cell.value = text
    cell.data_type = "s"
    ws.merge_cells(start_row=1, start_column=1, end_row=1, end_column=width)
    ws["A1"].font = Font(name="黑体", size=14, bold=True)
    ws["A1"].alignment = Alignment(horizontal="center")


def _header(ws: Worksheet, row: int, names: Sequence[str]) -> None:
    for i, name in enumerate(names, start=1):
        _put(ws, row, i, name, "head")


def _print_setup(ws: Worksheet, header_row: int) -> None:
    ws.freeze_panes = ws.cell(row=header_row + 1, column=1)
    ws.print_title_rows = f"{header_row}:{header_row}"
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True


def _bytes(wb: Workbook) -> bytes:
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


def matrix_xlsx_bytes(m: Matrix, title: str, as_of: date) -> bytes:
    """One sheet of villages × systems (with colours), one sheet of counts per township."""
    wb = Workbook()
    _styles(wb)
    ws = wb.active
    assert ws is not None
    ws.title = "制度推广情况"
    header = ["序号", "乡镇（街道）", "村（社区）", *(d.label for d in m.systems)]
    _title(ws, f"{title}（截至{chinese_date(as_of)}）", len(header))
    _header(ws, 2, header)
    for n, r in enumerate(m.rows, start=1):
        row = n + 2
        _put(ws, row, 1, n)
        _put(ws, row, 2, r.township)
        _put(ws, row, 3, r.village)
        for i, d in enumerate(m.systems, start=4):
            c = r.cell(d.code)
            text = c.status.label
            if c.status is SystemStatus.ADOPTED and c.practice is Practice.NOT_CARRIED_OUT:
                text += "（执行不力）"
            weak = c.status is SystemStatus.ADOPTED and c.practice is Practice.NOT_CARRIED_OUT
            _put(ws, row, i, text, "fill-weak" if weak else f"fill-{c.status.value}")
    widths = [6, 14, 14, *([12] * len(m.systems))]
    for i, w in enumerate(widths, start=1):
        ws.column_dimensions[get_column_letter(i)].width = w
    _print_setup(ws, 2)

    counts = wb.create_sheet("分乡镇统计")
    head = ["乡镇（街道）", "村（社区）数"]
    for d in m.systems:
        head += [f"{d.label}·已建立", f"{d.label}·推进中", f"{d.label}·未建立"]
    _title(counts, "制度推广分乡镇统计", len(head))
    _header(counts, 2, head)
    scopes: list[tuple[str, str | None]] = [(name, tid) for tid, name in m.townships]
    scopes.append(("合计", None))
    for n, (name, tid) in enumerate(scopes, start=3):
        counted = m.counts(tid)
        total = sum(1 for r in m.rows if tid is None or r.township_id == tid)
        values: list[str | int] = [name, total]
        for d in m.systems:
            values += [
                counted[d.code][SystemStatus.ADOPTED],
                counted[d.code][SystemStatus.IN_PROGRESS],
                counted[d.code][SystemStatus.NOT_YET],
            ]
        for i, v in enumerate(values, start=1):
            _put(counts, n, i, v)
    counts.column_dimensions["A"].width = 14
    _print_setup(counts, 2)
    return _bytes(wb)


def selfcheck_form_bytes(
    title: str,
    villages: Sequence[tuple[str, str]],
    items: Sequence[tuple[str, int, str, str, str]],
    unit: str,
) -> bytes:
    """The form a township hands its villages: one row per village and item, to be filled in.

    ``villages``: (village id, name); ``items``: (item id, number, category, text, requirement).
    The last two columns (village and item ids) let the office read the answers back.
    """
    wb = Workbook()
    _styles(wb)
    ws = wb.active
    assert ws is not None
    ws.title = "未巡先改自查表"
    _title(ws, title, len(FORM_HEADER))
    _header(ws, 2, FORM_HEADER)
    found = DataValidation(
        type="list", formula1='"' + ",".join(f.label for f in SelfCheckFound) + '"'
    )
    fixed = DataValidation(
        type="list", formula1='"' + ",".join(f.label for f in SelfCheckFix) + '"'
    )
    ws.add_data_validation(found)
    ws.add_data_validation(fixed)
    row = 3
    for vid, vname in villages:
        for iid, number, category, text, requirement in items:
            values: tuple[str | int, ...] = (
                vname,
                number,
                category,
                text,
                requirement,
                "",
                "",
                "",
                unit,
                vid,
                iid,
            )
            for col_n, value in enumerate(values, start=1):
                _put(ws, row, col_n, value)
            found.add(f"F{row}")
            fixed.add(f"G{row}")
            row += 1
    for i, w in enumerate((14, 6, 14, 40, 40, 10, 10, 30, 16, 8, 8), start=1):
        ws.column_dimensions[get_column_letter(i)].width = w
    for letter in ("J", "K"):
        ws.column_dimensions[letter].hidden = True
    _print_setup(ws, 2)
    return _bytes(wb)
