"""Tables with Chinese text that wraps inside the cells (禁则 included)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TypeAlias

from reportlab.lib.colors import black
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable, Table, TableStyle

from app.documents.fonts import FontRole, FontSet, get_fonts
from app.documents.page import LANDSCAPE_TEXT_WIDTH, TEXT_WIDTH
from app.documents.paragraph import Align, CJKParagraph, TextStyle

__all__ = ["cell_style", "table"]

CellValue: TypeAlias = str | int | float | Flowable | None
_PADDING = 3.0


def cell_style(size: float = 12.0, *, header: bool = False, align: Align = "justify") -> TextStyle:
    """Style of table cells: 仿宋 (header 黑体), em box centred in a 1.45 × size line."""
    return TextStyle(
        role=FontRole.HEITI if header else FontRole.FANGSONG,
        size=size,
        leading=round(size * 1.45, 2),
        align="center" if header else align,
        em_top=None,
    )


def _cell(value: CellValue, style: TextStyle, fonts: FontSet | None) -> Flowable:
    if isinstance(value, Flowable):
        return value
    text = "" if value is None else str(value)
    return CJKParagraph(text, style, fonts=fonts)


def table(
    rows: Sequence[Sequence[CellValue]],
    *,
    col_widths: Sequence[float] | None = None,
    header_rows: int = 1,
    size: float = 12.0,
    align: Sequence[Align] | None = None,
    landscape: bool = False,
    width: float | None = None,
    fonts: FontSet | None = None,
    plain: bool = False,
) -> Table:
    """A ruled table as wide as the 版心 (portrait 156 mm, landscape 225 mm by default).

    ``col_widths`` are relative weights (scaled to the width); ``align`` per column for body
    cells; header rows (repeated on every page) are 黑体 and centred. Text wraps by character
    within cells, obeying the punctuation rules.

    ``plain`` (long tables of short labels): a body text that fits its column on one line is
    left to the table to draw, centred in the cell font, instead of being laid out as a
    paragraph — many times faster; only what does not fit is wrapped.
    """
    if not rows:
        raise ValueError("a table needs at least one row")
    fs = fonts or get_fonts()
    ncols = max(len(r) for r in rows)
    total = width if width is not None else (LANDSCAPE_TEXT_WIDTH if landscape else TEXT_WIDTH)
    weights = list(col_widths) if col_widths is not None else [1.0] * ncols
    if len(weights) != ncols:
        raise ValueError("col_widths must give one weight per column")
    scale = total / sum(weights)
    widths = [w * scale for w in weights]
    aligns: list[Align] = list(align) if align is not None else ["justify"] * ncols
    data: list[list[Flowable | str]] = []
    body_font = fs.name(FontRole.FANGSONG)
    for r, row in enumerate(rows):
        cells: list[Flowable | str] = []
        for c in range(ncols):
            value = row[c] if c < len(row) else None
            if r < header_rows:
                style = cell_style(size, header=True)
            else:
                style = cell_style(size, align=aligns[c] if c < len(aligns) else "justify")
            if (
                plain
                and r >= header_rows
                and isinstance(value, str | int)
                and stringWidth(str(value), body_font, size) <= widths[c] - 2 * _PADDING
            ):
                cells.append(str(value))
            else:
                cells.append(_cell(value, style, fs))
        data.append(cells)
    tbl = Table(data, colWidths=widths, repeatRows=header_rows, hAlign="CENTER")
    tbl.setStyle(
        TableStyle(
            [
                # Cells are flowables, but the table still sets a cell font: never Helvetica.
                ("FONT", (0, 0), (-1, -1), fs.name(FontRole.FANGSONG), size),
                ("GRID", (0, 0), (-1, -1), 0.5, black),
                ("BOX", (0, 0), (-1, -1), 1.0, black),
                ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                ("LEFTPADDING", (0, 0), (-1, -1), _PADDING),
                ("RIGHTPADDING", (0, 0), (-1, -1), _PADDING),
                ("TOPPADDING", (0, 0), (-1, -1), _PADDING),
                ("BOTTOMPADDING", (0, 0), (-1, -1), _PADDING),
            ]
        )
    )
    if plain:
        tbl.setStyle(
            TableStyle(
                [
                    ("ALIGN", (0, header_rows), (-1, -1), "CENTER"),
                    ("LEADING", (0, header_rows), (-1, -1), round(size * 1.45, 2)),
                ]
            )
        )
    return tbl
