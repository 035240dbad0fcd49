"""Cheap table cells for long tables: one centred line, drawn directly.

A :class:`LineCell` measures its text once and draws it as a single line (font fallback and
character spacing as :func:`~app.documents.paragraph.draw_text` does). When the text does not fit
the column it becomes an ordinary wrapping :class:`~app.documents.paragraph.CJKParagraph`, so long
names still wrap with the punctuation rules. Used by the 巡察报告's problem table, where most
cells are short labels (类别, 处置方式, 状态) and laying each out as a paragraph dominates the time.
"""

from __future__ import annotations

from reportlab.platypus import Flowable

from app.documents.fonts import FontSet, get_fonts
from app.documents.paragraph import CJKParagraph, TextStyle, draw_text, text_width
from app.documents.tables import cell_style

__all__ = ["LineCell", "line_cell"]


class LineCell(Flowable):  # type: ignore[misc]
    """See the module docstring. ``keep_whole``: a short label (已下发, 立行立改, a number) that
    its column must hold on one line (the table widens the column for it)."""

    def __init__(
        self,
        text: str,
        style: TextStyle,
        fonts: FontSet | None = None,
        *,
        keep_whole: bool = False,
    ) -> None:
        super().__init__()
        self.text = text
        self.style = style
        self._fonts = fonts
        self.keep_whole = keep_whole
        self._width: float | None = None
        self._para: CJKParagraph | None = None

    def min_width(self) -> float:
        """The width the cell needs on one line (0 unless it is kept whole)."""
        return self._text_width() if self.keep_whole else 0.0

    def _text_width(self) -> float:
        if self._width is None:
            self._width = text_width(self.text, self.style, self._fonts or get_fonts())
        return self._width

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        if self._text_width() > availWidth:
            self._para = CJKParagraph(self.text, self.style, fonts=self._fonts)
            w, h = self._para.wrap(availWidth, availHeight)
            self.width, self.height = w, h
            return w, h
        self._para = None
        self.width, self.height = availWidth, self.style.leading
        return availWidth, self.style.leading

    def draw(self) -> None:
        if self._para is not None:
            self._para.drawOn(self.canv, 0, 0)
            return
        draw_text(
            self.canv,
            self.text,
            self.style,
            self.width / 2,
            self.height,
            align="center",
            fonts=self._fonts,
        )


def line_cell(text: str, size: float = 12.0, *, fonts: FontSet | None = None) -> LineCell:
    """A centred body cell of a table (same style as the table's own cells). A short label (up to
    six characters) or a number is kept on one line: it never breaks as 已下/发."""
    whole = len(text) <= 6 or text.isascii()
    return LineCell(text, cell_style(size, align="center"), fonts, keep_whole=whole)
