"""Tables with Chinese text that wraps inside the cells (禁则 included).

- :func:`table` — a ruled table as wide as the 版心; header cells (and label columns) break only
  between words, and columns widen so that no word of theirs is broken ("意见箱信/件" never
  happens);
- :class:`GroupedTable` — rows in groups (a township ledger's villages, a batch plan's batches)
  that paginates by itself: a group's heading never ends a page alone, and a group continued on the
  next page says so ("王庄村（续）", "第一批（续）").
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any, TypeAlias

from reportlab.lib.colors import black
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable, Table, TableStyle

from app.documents.fonts import FontRole, FontSet, get_fonts
from app.documents.page import LANDSCAPE_TEXT_WIDTH, TEXT_WIDTH, GroupedTableLike
from app.documents.paragraph import WORD_BREAK, Align, CJKParagraph, TextStyle

__all__ = [
    "CONTINUED",
    "GroupedTable",
    "RowGroup",
    "cell_style",
    "date_cell",
    "fit_widths",
    "table",
]

CellValue: TypeAlias = str | int | float | Flowable | None
_PADDING = 3.0
CONTINUED = "（续）"


def cell_style(size: float = 12.0, *, header: bool = False, align: Align = "justify") -> TextStyle:
    """Style of table cells: 仿宋 (header 黑体, whole words), em box centred in a 1.45 × size
    line."""
    return TextStyle(
        role=FontRole.HEITI if header else FontRole.FANGSONG,
        size=size,
        leading=round(size * 1.45, 2),
        align="center" if header else align,
        em_top=None,
        whole_words=header,
    )


def date_cell(day: date | None, empty: str = "—") -> str:
    """A date for a narrow column: 2026年12月20日, which may break only after 年 (put the
    column in ``word_columns``)."""
    if day is None:
        return empty
    return f"{day.year}年{WORD_BREAK}{day.month}月{day.day}日"


def _cell(value: CellValue, style: TextStyle, fonts: FontSet | None) -> Flowable:
    if isinstance(value, Flowable):
        return value
    text = "" if value is None else str(value)
    return CJKParagraph(text, style, fonts=fonts)


def fit_widths(widths: Sequence[float], minimum: Sequence[float]) -> list[float]:
    """Widen the columns narrower than their ``minimum``, taking the room from the columns that
    have more than theirs (in proportion to what they can spare). The total stays the same; when
    the minimums do not fit at all, the widths are returned unchanged."""
    out = list(widths)
    need = sum(max(m - w, 0.0) for w, m in zip(out, minimum, strict=True))
    if need <= 0:
        return out
    spare = [max(w - m, 0.0) for w, m in zip(out, minimum, strict=True)]
    total_spare = sum(spare)
    if total_spare < need:
        return out
    for i, (w, m) in enumerate(zip(out, minimum, strict=True)):
        if w < m:
            out[i] = m
        else:
            out[i] = w - need * spare[i] / total_spare
    return out


def _grid_style(fs: FontSet, size: float) -> list[tuple[Any, ...]]:
    return [
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


def _cells(
    rows: Sequence[Sequence[CellValue]],
    ncols: int,
    header_rows: int,
    size: float,
    aligns: Sequence[Align],
    word_columns: Sequence[int],
    fs: FontSet,
) -> list[list[Flowable]]:
    data: list[list[Flowable]] = []
    for r, row in enumerate(rows):
        cells: list[Flowable] = []
        for c in range(ncols):
            value = row[c] if c < len(row) else None
            if r < header_rows:
                style = cell_style(size, header=True)
            else:
                style = cell_style(size, align=aligns[c] if c < len(aligns) else "justify")
                if c in word_columns:
                    style = style.but(whole_words=True)
            cells.append(_cell(value, style, fs))
        data.append(cells)
    return data


def _min_widths(data: Sequence[Sequence[Flowable]], ncols: int) -> list[float]:
    """Per column: the widest whole word of its whole-words cells, plus the padding."""
    out = [0.0] * ncols
    for row in data:
        for c, cell in enumerate(row):
            if (isinstance(cell, CJKParagraph) and cell.style.whole_words) or getattr(
                cell, "keep_whole", False
            ):
                out[c] = max(out[c], cell.min_width() + 2 * _PADDING + 0.5)
    return out


def table(
    rows: Sequence[Sequence[CellValue]],
    *,
    col_widths: Sequence[float] | None = None,
    header_rows: int = 1,
    size: float = 12.0,
    align: Sequence[Align] | None = None,
    landscape: bool = False,
    width: float | None = None,
    word_columns: Sequence[int] = (),
    fonts: FontSet | None = None,
    plain: bool = False,
) -> Table:
    """A ruled table as wide as the 版心 (portrait 156 mm, landscape 225 mm by default).

    ``col_widths`` are relative weights (scaled to the width); ``align`` per column for body
    cells; header rows (repeated on every page) are 黑体 and centred. Body text wraps by
    character within cells, obeying the punctuation rules; header cells and the body cells of
    ``word_columns`` (form labels such as 经办人（签字）) break only between words, and their
    columns are widened to hold their longest word.

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
    aligns: list[Align] = list(align) if align is not None else ["justify"] * ncols
    laid = _cells(rows, ncols, header_rows, size, aligns, word_columns, fs)
    widths = fit_widths([w * scale for w in weights], _min_widths(laid, ncols))
    data: list[list[Flowable | str]] = [list(row) for row in laid]
    if plain:
        body_font = fs.name(FontRole.FANGSONG)
        for r in range(header_rows, len(rows)):
            for c in range(ncols):
                value = rows[r][c] if c < len(rows[r]) else None
                if (
                    isinstance(value, str | int)
                    and "\n" not in str(value)
                    and stringWidth(str(value), body_font, size) <= widths[c] - 2 * _PADDING
                ):
                    data[r][c] = str(value)
    tbl = Table(data, colWidths=widths, repeatRows=header_rows, hAlign="CENTER")
    tbl.setStyle(TableStyle(_grid_style(fs, size)))
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


# -- grouped rows -----------------------------------------------------------------------------


@dataclass
class RowGroup:
    """Rows that belong together under a heading row (``label``) or under lead cells.

    With ``lead`` cells (a batch plan's 批次 and 阶段 …) the group's first row on each page shows
    them, and the rows below show them blank, without rules between, so the cells read as one.
    """

    label: str = ""
    rows: list[list[CellValue]] = field(default_factory=list)
    lead: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class _Line:
    group: int
    row: int  # -1: the group's heading row
    continued: bool = False


class GroupedTable(Flowable, GroupedTableLike):  # type: ignore[misc]
    """A table of :class:`RowGroup` s that paginates by itself (see the module docstring).

    A group's heading row is kept with at least its first row; a group continued on a new page
    starts with its heading (or lead cells) marked （续）. The header row repeats on every page.
    """

    def __init__(
        self,
        header: Sequence[CellValue],
        groups: Sequence[RowGroup],
        *,
        col_widths: Sequence[float] | None = None,
        size: float = 12.0,
        align: Sequence[Align] | None = None,
        landscape: bool = False,
        word_columns: Sequence[int] = (),
        fonts: FontSet | None = None,
        _lines: Sequence[_Line] | None = None,
    ) -> None:
        super().__init__()
        self.header = list(header)
        self.groups = list(groups)
        self.ncols = len(self.header)
        self.col_widths = list(col_widths) if col_widths is not None else [1.0] * self.ncols
        self.size = size
        self.align: list[Align] = list(align) if align is not None else ["justify"] * self.ncols
        self.landscape = landscape
        self.word_columns = tuple(word_columns)
        self._fonts = fonts
        self.lines: list[_Line] = list(_lines) if _lines is not None else self._all_lines()
        self._table: Table | None = None
        self._built_for: float | None = None

    def _all_lines(self) -> list[_Line]:
        out: list[_Line] = []
        for g, group in enumerate(self.groups):
            if group.label:
                out.append(_Line(g, -1))
            out.extend(_Line(g, r) for r in range(len(group.rows)))
        return out

    def _part(self, lines: Sequence[_Line]) -> GroupedTable:
        return GroupedTable(
            self.header,
            self.groups,
            col_widths=self.col_widths,
            size=self.size,
            align=self.align,
            landscape=self.landscape,
            word_columns=self.word_columns,
            fonts=self._fonts,
            _lines=lines,
        )

    # -- building ---------------------------------------------------------------------------

    def _rows(self) -> tuple[list[list[CellValue]], list[tuple[Any, ...]]]:
        """The part's rows and its rules: a lead cell's rows have no rule between them."""
        rows: list[list[CellValue]] = [self.header]
        style: list[tuple[Any, ...]] = [
            ("BOX", (0, 0), (-1, -1), 1.0, black),
            ("LINEBEFORE", (1, 0), (-1, -1), 0.5, black),
            ("LINEBELOW", (0, 0), (-1, 0), 0.5, black),
        ]
        seen: set[int] = set()
        for line in self.lines:
            group = self.groups[line.group]
            n = len(rows)
            if line.row < 0:
                text = group.label + (CONTINUED if line.continued else "")
                heading: list[CellValue] = [text, *([""] * (self.ncols - 1))]
                rows.append(heading)
                style += [("SPAN", (0, n), (-1, n)), ("LINEABOVE", (0, n), (-1, n), 0.5, black)]
                continue
            row = list(group.rows[line.row])
            lead = len(group.lead)
            first = 0
            if lead:
                if line.group not in seen:
                    marks = [CONTINUED if line.continued and i == 0 else "" for i in range(lead)]
                    row[:lead] = [t + m for t, m in zip(group.lead, marks, strict=True)]
                else:
                    row[:lead] = [""] * lead
                    first = lead
            seen.add(line.group)
            style.append(("LINEABOVE", (first, n), (-1, n), 0.5, black))
            rows.append(row)
        return rows, style

    def _build(self, avail_width: float) -> Table:
        if self._table is not None and self._built_for == avail_width:
            return self._table
        fs = self._fonts or get_fonts()
        rows, extra = self._rows()
        data = _cells(rows, self.ncols, 1, self.size, self.align, self.word_columns, fs)
        for r, row in enumerate(rows):
            if r and row[0] and self.lines[r - 1].row < 0:
                label = CJKParagraph(
                    str(row[0]), cell_style(self.size, header=True).but(align="left"), fonts=fs
                )
                data[r][0] = label
        scale = avail_width / sum(self.col_widths)
        widths = fit_widths([w * scale for w in self.col_widths], _min_widths(data, self.ncols))
        tbl = Table(data, colWidths=widths, repeatRows=1, hAlign="CENTER")
        grid = [c for c in _grid_style(fs, self.size) if c[0] not in ("GRID", "BOX")]
        tbl.setStyle(TableStyle(grid + extra))
        self._table = tbl
        self._built_for = avail_width
        return tbl

    # -- flowable ---------------------------------------------------------------------------

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        tbl = self._build(availWidth)
        self.width, self.height = tbl.wrap(availWidth, availHeight)
        return self.width, self.height

    def _fits(self, lines: Sequence[_Line], avail_width: float, avail_height: float) -> bool:
        part = self._part(lines)
        return bool(part.wrap(avail_width, avail_height)[1] <= avail_height + 1e-6)

    def _allowed(self, k: int) -> bool:
        """Whether the first ``k`` lines may end a page: never right after a heading row."""
        return k > 0 and self.lines[k - 1].row >= 0 and not (k == 1 and self.lines[0].continued)

    def split(self, availWidth: float, availHeight: float) -> list[Flowable]:
        tbl = self._build(availWidth)
        tbl.wrap(availWidth, availHeight)
        heights = list(tbl._rowHeights)
        used = heights[0]
        k = 0
        while k < len(self.lines) and used + heights[k + 1] <= availHeight + 1e-6:
            used += heights[k + 1]
            k += 1
        while k > 0 and not (
            self._allowed(k) and self._fits(self.lines[:k], availWidth, availHeight)
        ):
            k -= 1
        if k <= 0 or k >= len(self.lines):
            return []
        head = self.lines[:k]
        rest = list(self.lines[k:])
        nxt = rest[0]
        if nxt.row >= 0:
            group = self.groups[nxt.group]
            if group.label:
                rest.insert(0, _Line(nxt.group, -1, continued=True))
            elif group.lead and any(line.group == nxt.group for line in head):
                rest[0] = _Line(nxt.group, nxt.row, continued=True)
        return [self._part(head), self._part(rest)]

    def draw(self) -> None:
        tbl = self._build(self.width)
        tbl.wrap(self.width, self.height)
        tbl.drawOn(self.canv, 0, 0)
