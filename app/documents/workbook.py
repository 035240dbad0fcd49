"""Excel workbooks (.xlsx) the program writes: every list export goes through this one module.

Use it for any table that leaves the program as a workbook (ledger, batch plan, list exports)::

    from app.documents.workbook import Column, Sheet, write_workbook

    sheet = Sheet(
        name="整改台账",
        title="城关镇巡察发现问题整改台账（截至2026年12月16日）",
        columns=[
            Column("序号", 6, kind="number", align="center"),
            Column("问题", 40),
            Column("时限", 14, kind="date", align="center"),
        ],
        rows=[[1, "=HYPERLINK(…)", date(2026, 12, 20)]],
        note="填报人：赵文静　　填报日期：2026年12月16日",
    )
    write_workbook(path, [sheet])        # atomically: temp file, then rename

What every workbook gets, so nobody needs to fix it in Excel or WPS before printing:

- **Text stays text.** A text cell is always written as a string cell, never as a formula, whatever
  it starts with (``=``, ``+``, ``-``, ``@``, a tab, a carriage return, their full-width forms …);
  such cells also carry Excel's *quote prefix* (the cell reads as typed, no apostrophe is shown, and
  editing it in Excel or WPS does not turn it into a formula). A carriage return survives the round
  trip (written as ``&#13;``). Characters a workbook cannot hold (control characters other than tab,
  line feed and carriage return) are dropped; text past Excel's 32,767-character limit is cut.
- **Print setup.** The header row is frozen and repeated on every printed page; landscape (or
  portrait) A4, scaled to one page wide; page numbers in the footer (第 N 页，共 M 页).
- **Row heights** that hold the wrapped text of each row (Excel and WPS do not grow rows by
  themselves when a file is opened).
- **Real dates.** ``date``/``datetime`` values are date cells shown as 2026年12月16日.

Text a caller wants written *as a formula* does not exist here on purpose.
"""

from __future__ import annotations

import io
import math
import re
import unicodedata
import zipfile
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path
from typing import Literal, TypeAlias

from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from app.files import atomic_write_bytes

__all__ = [
    "DATE_FORMAT",
    "MAX_TEXT",
    "Cell",
    "CellData",
    "Column",
    "Sheet",
    "safe_text",
    "workbook_bytes",
    "write_workbook",
]

DATE_FORMAT = 'yyyy"年"m"月"d"日"'
"""How date cells show: 2026年12月16日 (a real date underneath)."""
MAX_TEXT = 32767
"""Excel's limit of characters in one cell."""

Scalar: TypeAlias = str | int | float | Decimal | date | datetime | None


@dataclass(frozen=True)
class Cell:
    """A value with a background fill (``"FFC7CE"``) and/or bold type."""

    value: Scalar
    fill: str = ""
    bold: bool = False


CellData: TypeAlias = Scalar | Cell


@dataclass(frozen=True)
class Column:
    """A column: its header, width in Excel character units, kind and alignment.

    ``kind`` "text" writes everything as text (a number too, as its digits); "number" writes
    numbers as numbers; "date" writes dates as date cells. ``None`` is an empty cell.
    """

    header: str
    width: float = 12.0
    kind: Literal["text", "number", "date"] = "text"
    align: Literal["left", "center", "right"] = "left"


@dataclass(frozen=True)
class Sheet:
    """One worksheet: an optional title row, the header row, the rows, an optional note below."""

    name: str
    columns: Sequence[Column]
    rows: Sequence[Sequence[CellData]]
    title: str = ""
    subtitle: str = ""
    note: str = ""
    landscape: bool = True
    font: str = "宋体"
    header_font: str = "黑体"
    size: float = 11.0
    extra: Mapping[str, str] = field(default_factory=dict)
    """Document properties (e.g. ``{"subject": "整改台账"}``); never protected names."""


# -- text that stays text -----------------------------------------------------------------------

_ILLEGAL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
_RISKY_START = frozenset("=+-@\t\r\n＝＋－＠")


def safe_text(value: object) -> str:
    """The text a cell holds for ``value``: illegal characters dropped, at most 32,767 long."""
    text = _ILLEGAL.sub("", str(value))
    if len(text) > MAX_TEXT:
        text = text[: MAX_TEXT - 1] + "…"
    return text


def _risky(text: str) -> bool:
    return bool(text) and text[0] in _RISKY_START


# -- row heights ------------------------------------------------------------------------------

_LINE_PT = 1.42  # line height per point of font size (CJK fonts in Excel, WPS and LibreOffice)
_PADDING_PT = 4.0


def _char_units(ch: str) -> float:
    """Width of one character in Excel's character units (the width of a digit)."""
    if unicodedata.east_asian_width(ch) in ("W", "F"):
        return 2.05
    if ch.isupper() or ch in "mwMW@%":
        return 1.25
    return 1.05


def _lines(text: str, width: float) -> int:
    usable = max(width - 1.2, 1.0)
    total = 0
    for part in text.split("\n"):
        w = sum(_char_units(c) for c in part.replace("\r", ""))
        total += max(1, math.ceil(w / usable))
    return total


def _display(value: Scalar) -> str:
    """The text a value shows (dates as their longest Chinese form), for row heights."""
    if value is None:
        return ""
    if isinstance(value, datetime):
        return "2026年12月30日 23:59"
    if isinstance(value, date):
        return "2026年12月30日"
    return str(value)


# -- writing ----------------------------------------------------------------------------------

_THIN = Side(style="thin")
_BORDER = Border(left=_THIN, right=_THIN, top=_THIN, bottom=_THIN)


def _put(ws: Worksheet, row: int, col: int, value: Scalar, column: Column) -> None:
    cell = ws.cell(row=row, column=col)
    if value is None:
        return
    if column.kind == "date" and isinstance(value, datetime | date):
        cell.value = value
        cell.number_format = DATE_FORMAT + " h:mm" if isinstance(value, datetime) else DATE_FORMAT
        return
    if column.kind == "number" and isinstance(value, int | float | Decimal):
        cell.value = value
        return
    text = safe_text(value)
    # Assigning through ``value`` would let openpyxl read "=…" as a formula: set the string
    # directly and mark its type.
    cell._value = text
    cell.data_type = "s"
    if _risky(text):
        cell.quotePrefix = True


def _sheet(ws: Worksheet, sheet: Sheet) -> None:
    ncols = len(sheet.columns)
    if ncols == 0:
        raise ValueError("a sheet needs at least one column")
    last = get_column_letter(ncols)
    row = 1
    for text, size in ((sheet.title, sheet.size + 5), (sheet.subtitle, sheet.size + 1)):
        if not text:
            continue
        _put(ws, row, 1, text, Column(""))
        ws.merge_cells(f"A{row}:{last}{row}")
        head = ws.cell(row=row, column=1)
        head.font = Font(name=sheet.header_font, size=size, bold=size > sheet.size + 2)
        head.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
        total_width = sum(c.width for c in sheet.columns)
        ws.row_dimensions[row].height = (
            _lines(safe_text(text), total_width / (size / 11)) * (size * _LINE_PT) + _PADDING_PT * 2
        )
        row += 1
    header_row = row
    body_font = Font(name=sheet.font, size=sheet.size)
    head_font = Font(name=sheet.header_font, size=sheet.size, bold=True)
    lines = 1
    for c, column in enumerate(sheet.columns, start=1):
        _put(ws, header_row, c, column.header, Column(""))
        cell = ws.cell(row=header_row, column=c)
        cell.font = head_font
        cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
        cell.border = _BORDER
        lines = max(lines, _lines(column.header, column.width))
    ws.row_dimensions[header_row].height = lines * sheet.size * _LINE_PT + _PADDING_PT
    for values in sheet.rows:
        row += 1
        lines = 1
        for c, column in enumerate(sheet.columns, start=1):
            data = values[c - 1] if c - 1 < len(values) else None
            styled = data if isinstance(data, Cell) else None
            value: Scalar = data.value if isinstance(data, Cell) else data
            _put(ws, row, c, value, column)
            cell = ws.cell(row=row, column=c)
            cell.font = body_font if styled is None or not styled.bold else head_font
            cell.alignment = Alignment(horizontal=column.align, vertical="center", wrap_text=True)
            cell.border = _BORDER
            if styled is not None and styled.fill:
                cell.fill = PatternFill("solid", fgColor=styled.fill)
            lines = max(lines, _lines(safe_text(_display(value)), column.width))
        ws.row_dimensions[row].height = lines * sheet.size * _LINE_PT + _PADDING_PT
    if sheet.note:
        row += 2
        _put(ws, row, 1, sheet.note, Column(""))
        ws.merge_cells(f"A{row}:{last}{row}")
        cell = ws.cell(row=row, column=1)
        cell.font = body_font
        cell.alignment = Alignment(horizontal="left", vertical="center", wrap_text=True)
        total_width = sum(c.width for c in sheet.columns)
        ws.row_dimensions[row].height = (
            _lines(safe_text(sheet.note), total_width) * sheet.size * _LINE_PT + _PADDING_PT
        )
    for c, column in enumerate(sheet.columns, start=1):
        ws.column_dimensions[get_column_letter(c)].width = column.width
    # Print setup: header frozen and repeated, A4 one page wide, page numbers in the footer.
    ws.freeze_panes = f"A{header_row + 1}"
    ws.print_title_rows = f"{header_row}:{header_row}"
    ws.page_setup.orientation = "landscape" if sheet.landscape else "portrait"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.print_options.horizontalCentered = True
    ws.page_margins.left = ws.page_margins.right = 0.5
    ws.page_margins.top = 0.6
    ws.page_margins.bottom = 0.7
    ws.page_margins.footer = 0.3
    ws.oddFooter.center.text = "第 &P 页，共 &N 页"
    ws.oddFooter.center.size = 10
    ws.evenFooter.center.text = "第 &P 页，共 &N 页"


def _keep_carriage_returns(data: bytes) -> bytes:
    """Write carriage returns in the sheets' XML as ``&#13;`` (a raw CR reads back as LF)."""
    src = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            member = src.read(info.filename)
            if info.filename.startswith("xl/worksheets/") and b"\r" in member:
                member = member.replace(b"\r", b"&#13;")
            dst.writestr(info, member)
    return out.getvalue()


def workbook_bytes(sheets: Sequence[Sheet]) -> bytes:
    """The workbook holding ``sheets`` (in order) as .xlsx bytes."""
    if not sheets:
        raise ValueError("a workbook needs at least one sheet")
    wb = Workbook()
    first = wb.active
    assert first is not None
    for i, sheet in enumerate(sheets):
        ws = first if i == 0 else wb.create_sheet()
        ws.title = _sheet_name(sheet.name, i)
        _sheet(ws, sheet)
        if i == 0:
            for key, value in sheet.extra.items():
                setattr(wb.properties, key, value)
    wb.properties.creator = "巡察台 XunchaDesk"
    buf = io.BytesIO()
    wb.save(buf)
    return _keep_carriage_returns(buf.getvalue())


def _sheet_name(name: str, index: int) -> str:
    """Excel sheet names: at most 31 characters, none of ``[]:*?/\\``."""
    clean = re.sub(r"[\[\]:*?/\\]", "", safe_text(name)).strip("'") or f"Sheet{index + 1}"
    return clean[:31]


def write_workbook(path: Path | str, sheets: Sequence[Sheet]) -> Path:
    """Write the workbook to ``path`` atomically (temp file, then rename); return the path."""
    target = Path(path)
    atomic_write_bytes(target, workbook_bytes(sheets))
    return target
