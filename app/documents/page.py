"""The GB/T 9704-2012 page: A4, 版心 156 × 225 mm, page numbers, draft mark, PDF rendering.

Geometry (portrait): top margin 37 mm, binding margin (left) 28 mm, so right 26 mm and bottom
35 mm. Body text is 3号 (16 pt) 仿宋 on a grid of 22 lines × 28 characters: the line pitch is
225 mm / 22 and a character cell 156 mm / 28 (the font is set with a small negative character
spacing so that 28 characters fill a line exactly).

Landscape pages (wide tables) use the same margins turned a quarter: the binding margin becomes
the top, so the 版心 is 225 × 156 mm.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from pathlib import Path
from typing import Any, BinaryIO

from reportlab.lib.colors import CMYKColor, Color
from reportlab.lib.pagesizes import A4
from reportlab.platypus import BaseDocTemplate, Flowable, Frame, PageTemplate
from reportlab.platypus.doctemplate import NextPageTemplate
from reportlab.platypus.flowables import PageBreakIfNotEmpty

from app.documents.fonts import FontRole, FontSet, get_fonts
from app.documents.paragraph import TextStyle, draw_text
from app.domain.formats import page_number
from app.files import atomic_write_bytes

__all__ = [
    "BODY_CHAR_SPACE",
    "BODY_SIZE",
    "CELL",
    "LANDSCAPE_TEXT_HEIGHT",
    "LANDSCAPE_TEXT_WIDTH",
    "LINE_PITCH",
    "MARGIN_LEFT",
    "MARGIN_TOP",
    "MM",
    "PAGE_HEIGHT",
    "PAGE_NUMBER_GAP",
    "PAGE_NUMBER_SIZE",
    "PAGE_WIDTH",
    "RED",
    "TEXT_HEIGHT",
    "TEXT_WIDTH",
    "SnapToGrid",
    "begin_landscape",
    "end_landscape",
    "render_pdf",
]

MM = 72.0 / 25.4
PAGE_WIDTH, PAGE_HEIGHT = A4
MARGIN_TOP = 37 * MM
MARGIN_LEFT = 28 * MM
TEXT_WIDTH = 156 * MM
TEXT_HEIGHT = 225 * MM
LINES_PER_PAGE = 22
CHARS_PER_LINE = 28
BODY_SIZE = 16.0  # 3号
TITLE_SIZE = 22.0  # 2号
PAGE_NUMBER_SIZE = 14.0  # 4号
IMPRINT_SIZE = 14.0  # 4号
LINE_PITCH = TEXT_HEIGHT / LINES_PER_PAGE
CELL = TEXT_WIDTH / CHARS_PER_LINE
BODY_CHAR_SPACE = CELL - BODY_SIZE
PAGE_NUMBER_GAP = 7 * MM

# Landscape: the binding margin is at the top.
LANDSCAPE_TEXT_WIDTH = TEXT_HEIGHT
LANDSCAPE_TEXT_HEIGHT = TEXT_WIDTH
LANDSCAPE_MARGIN_TOP = MARGIN_LEFT
LANDSCAPE_MARGIN_LEFT = MARGIN_TOP

RED: Color = CMYKColor(0, 0.8, 0.8, 0)
_WATERMARK_GREY: Color = CMYKColor(0, 0, 0, 0.3, alpha=0.18)
_FRAME_SLACK = 0.01  # points, so that exactly 22 lines always fit

PORTRAIT = "portrait"
LANDSCAPE = "landscape"


def _page_number_style() -> TextStyle:
    return TextStyle(role=FontRole.SONG, size=PAGE_NUMBER_SIZE, leading=PAGE_NUMBER_SIZE, em_top=0)


class _GBDocTemplate(BaseDocTemplate):  # type: ignore[misc]
    """Portrait and landscape GB/T 9704 pages with page numbers and an optional draft mark."""

    def __init__(
        self,
        target: BinaryIO,
        *,
        fonts: FontSet,
        draft: bool,
        start_landscape: bool,
        page_numbers: bool,
        first_page_number: int,
        title: str,
        author: str,
    ) -> None:
        self._fonts = fonts
        self._draft = draft
        self._page_numbers = page_numbers
        self._first_page_number = first_page_number
        super().__init__(
            target,
            pagesize=A4,
            leftMargin=MARGIN_LEFT,
            rightMargin=PAGE_WIDTH - MARGIN_LEFT - TEXT_WIDTH,
            topMargin=MARGIN_TOP,
            bottomMargin=PAGE_HEIGHT - MARGIN_TOP - TEXT_HEIGHT,
            title=title,
            author=author,
            creator="巡察台 XunchaDesk",
            lang="zh-CN",
            initialFontName=fonts.name(FontRole.FANGSONG),
            invariant=True,
        )
        portrait = PageTemplate(
            id=PORTRAIT,
            frames=[self._frame(PAGE_WIDTH, PAGE_HEIGHT, MARGIN_LEFT, MARGIN_TOP, False)],
            onPageEnd=self._on_page_end,
            pagesize=(PAGE_WIDTH, PAGE_HEIGHT),
        )
        landscape = PageTemplate(
            id=LANDSCAPE,
            frames=[
                self._frame(
                    PAGE_HEIGHT, PAGE_WIDTH, LANDSCAPE_MARGIN_LEFT, LANDSCAPE_MARGIN_TOP, True
                )
            ],
            onPageEnd=self._on_page_end,
            pagesize=(PAGE_HEIGHT, PAGE_WIDTH),
        )
        templates = [landscape, portrait] if start_landscape else [portrait, landscape]
        self.addPageTemplates(templates)

    @staticmethod
    def _frame(page_w: float, page_h: float, left: float, top: float, landscape: bool) -> Frame:
        width = LANDSCAPE_TEXT_WIDTH if landscape else TEXT_WIDTH
        height = LANDSCAPE_TEXT_HEIGHT if landscape else TEXT_HEIGHT
        return Frame(
            left,
            page_h - top - height - _FRAME_SLACK,
            width,
            height + _FRAME_SLACK,
            leftPadding=0,
            rightPadding=0,
            topPadding=0,
            bottomPadding=0,
            id="body-landscape" if landscape else "body",
        )

    def _on_page_end(self, canv: Any, doc: Any) -> None:
        page_w, page_h = canv._pagesize
        landscape = page_w > page_h
        left = LANDSCAPE_MARGIN_LEFT if landscape else MARGIN_LEFT
        top = LANDSCAPE_MARGIN_TOP if landscape else MARGIN_TOP
        width = LANDSCAPE_TEXT_WIDTH if landscape else TEXT_WIDTH
        height = LANDSCAPE_TEXT_HEIGHT if landscape else TEXT_HEIGHT
        if self._draft:
            _draw_watermark(canv, self._fonts, page_w, page_h)
        if self._page_numbers:
            number = canv.getPageNumber() - 1 + self._first_page_number
            style = _page_number_style()
            y_top = page_h - top - height - PAGE_NUMBER_GAP
            one_char = PAGE_NUMBER_SIZE
            if number % 2:
                draw_text(
                    canv,
                    page_number(number),
                    style,
                    left + width - one_char,
                    y_top,
                    align="right",
                    fonts=self._fonts,
                )
            else:
                draw_text(
                    canv, page_number(number), style, left + one_char, y_top, fonts=self._fonts
                )


def _draw_watermark(canv: Any, fonts: FontSet, page_w: float, page_h: float) -> None:
    canv.saveState()
    canv.translate(page_w / 2, page_h / 2)
    canv.rotate(45)
    size = 150.0
    style = TextStyle(role=FontRole.HEITI, size=size, leading=size, color=_WATERMARK_GREY, em_top=0)
    draw_text(canv, "草稿", style, 0, size / 2, align="center", fonts=fonts)
    canv.restoreState()


class SnapToGrid(Flowable):  # type: ignore[misc]
    """Blank space down to the next body line of the page grid (after tables and charts).

    At least ``min_gap`` is left; at the top of a frame it takes no space.
    """

    def __init__(self, min_gap: float = 6.0) -> None:
        super().__init__()
        self.min_gap = min_gap

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        frame = getattr(self, "_frame", None)
        need = 0.0
        if frame is not None and not frame._atTop:
            used = frame._y2 - frame._topPadding - frame._y
            need = (-used) % LINE_PITCH
            if need > LINE_PITCH - 1e-3:
                need = 0.0
            if need < self.min_gap:
                need += LINE_PITCH
        self.width = availWidth
        self.height = min(need, availHeight)
        return availWidth, self.height

    def split(self, availWidth: float, availHeight: float) -> list[Flowable]:
        return []

    def draw(self) -> None:
        pass


def begin_landscape() -> list[Flowable]:
    """Flowables that start landscape pages (for wide tables)."""
    return [NextPageTemplate(LANDSCAPE), PageBreakIfNotEmpty()]


def end_landscape() -> list[Flowable]:
    """Flowables that go back to portrait pages."""
    return [NextPageTemplate(PORTRAIT), PageBreakIfNotEmpty()]


def render_pdf(
    flowables: Sequence[Flowable],
    out: str | Path | BinaryIO | None = None,
    *,
    draft: bool = False,
    landscape: bool = False,
    page_numbers: bool = True,
    first_page_number: int = 1,
    title: str = "",
    author: str = "",
    fonts: FontSet | None = None,
) -> bytes:
    """Lay out ``flowables`` on GB/T 9704 pages and return the PDF bytes.

    ``out`` may be a path (written atomically: temp file, then rename) or a binary stream (the
    bytes are written to it). ``draft`` prints a 草稿 mark on every page; ``landscape`` starts
    with landscape pages. Flowables are consumed by layout: build fresh ones for each call.
    """
    fs = fonts or get_fonts()
    buffer = io.BytesIO()
    doc = _GBDocTemplate(
        buffer,
        fonts=fs,
        draft=draft,
        start_landscape=landscape,
        page_numbers=page_numbers,
        first_page_number=first_page_number,
        title=title,
        author=author,
    )
    doc.build(list(flowables))
    data = buffer.getvalue()
    if isinstance(out, str | Path):
        atomic_write_bytes(Path(out), data)
    elif out is not None:
        out.write(data)
    return data
