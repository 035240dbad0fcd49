"""Writing an :class:`~app.services.exports.ExportTable` as an .xlsx file.

Interim: issue 11 brings the one shared workbook writer (``app/documents/workbook.py``: text kept
as text, print setup, row heights, real dates). Until it is on main this writes a plain sheet with
the same promises that matter for safety — every text cell a string cell, never a formula, and the
file written atomically — and then this module becomes a call to that writer.
"""

from __future__ import annotations

import io
import re
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font

from app.storage.files import atomic_write_bytes

if TYPE_CHECKING:
    from app.services.exports import ExportTable

_ILLEGAL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
DATE_FORMAT = 'yyyy"年"m"月"d"日"'


def export_bytes(table: ExportTable) -> bytes:
    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws.title = table.name[:31]
    ws.cell(row=1, column=1, value=table.title).font = Font(bold=True, size=13)
    for c, column in enumerate(table.columns, start=1):
        cell = ws.cell(row=2, column=c, value=column.header)
        cell.font = Font(bold=True)
        letter = cell.column_letter
        ws.column_dimensions[letter].width = column.width
    ws.freeze_panes = "A3"
    for r, values in enumerate(table.rows, start=3):
        for c, (value, column) in enumerate(zip(values, table.columns, strict=True), start=1):
            cell = ws.cell(row=r, column=c)
            if value is None:
                continue
            if column.kind == "date" and isinstance(value, date | datetime):
                cell.value = value
                cell.number_format = DATE_FORMAT + (" h:mm" if isinstance(value, datetime) else "")
            elif column.kind == "number" and isinstance(value, int) and not isinstance(value, bool):
                cell.value = value
            else:
                cell._value = _ILLEGAL.sub("", str(value))[:32767]  # a string, never a formula
                cell.data_type = "s"
                cell.alignment = Alignment(wrap_text=column.width >= 30, vertical="top")
    ws.print_title_rows = "2:2"
    ws.page_setup.orientation = "landscape"
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


def write_export(table: ExportTable, path: Path) -> None:
    atomic_write_bytes(path, export_bytes(table))


__all__ = ["export_bytes", "write_export"]
