"""A Chinese paragraph flowable that lays text out cell by cell and obeys the 禁则 of linebreak.py.

ReportLab's own Paragraph breaks CJK text without the punctuation rules, so paragraphs of printed
documents use :class:`CJKParagraph`: every line is measured with the resolved TrueType fonts
(a character missing from a font falls back to another resolved font), broken by
:func:`app.documents.linebreak.break_lines`, justified to the frame (except the last line) and
drawn glyph run by glyph run. Lines sit on a fixed pitch (``leading``) so body text keeps the
GB/T 9704 grid of 22 lines.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import Any, Literal

from reportlab.lib.colors import Color, black
from reportlab.pdfbase import pdfmetrics
from reportlab.platypus import Flowable

from app.documents.colors import set_fill, set_stroke
from app.documents.fonts import FontRole, FontSet, get_fonts
from app.documents.linebreak import (
    CLOSING,
    COMPRESSIBLE,
    OPENING,
    Line,
    Unit,
    break_lines,
    split_units,
)

__all__ = [
    "WORD_BREAK",
    "Align",
    "CJKParagraph",
    "Run",
    "TextStyle",
    "draw_text",
    "text_width",
    "words",
]

Align = Literal["justify", "left", "center", "right"]
_EPS = 1e-6


@dataclass(frozen=True)
class TextStyle:
    """How a paragraph is set.

    ``em_top`` is the distance from the top of a line box to the top of the em box (``None``:
    the em box is centred in the line box). ``first_indent`` is added to ``left_indent`` on the
    first line (negative for a hanging first line).
    """

    role: FontRole = FontRole.FANGSONG
    size: float = 16.0
    leading: float = 28.99
    char_space: float = 0.0
    first_indent: float = 0.0
    left_indent: float = 0.0
    right_indent: float = 0.0
    align: Align = "justify"
    color: Color = black
    bold: bool = False
    em_top: float | None = 0.0
    keep_with_next: bool = False
    whole_words: bool = False
    """Break only between words (table headers, form labels): see :func:`words`."""

    def but(self, **changes: Any) -> TextStyle:
        """A copy with some fields changed."""
        return replace(self, **changes)


@dataclass(frozen=True)
class Run:
    """A stretch of text in its own role (e.g. a run-in heading in 楷体 before 仿宋 text)."""

    text: str
    role: FontRole | None = None
    bold: bool | None = None


@dataclass(frozen=True)
class _Piece:
    text: str
    font: str
    width: float
    bold: bool


def _pieces(
    text: str, role: FontRole, bold: bool, style: TextStyle, fonts: FontSet
) -> list[_Piece]:
    """Cut ``text`` (one unit) into same-font pieces with widths including character spacing."""
    base = fonts.name(role)
    synth = bold or fonts[role].synthetic_bold
    out: list[_Piece] = []
    for ch in text:
        font = fonts.font_for(base, ch)
        w = pdfmetrics.stringWidth(ch, font, style.size) + style.char_space
        if out and out[-1].font == font:
            last = out[-1]
            out[-1] = _Piece(last.text + ch, font, last.width + w, synth)
        else:
            out.append(_Piece(ch, font, w, synth))
    return out


WORD_BREAK = "\u200b"
"""Marks where a whole-words paragraph may break ("意见箱\u200b信件"); never printed."""


def words(text: str) -> list[str]:
    """Cut text into the words a whole-words paragraph keeps together.

    Breaks are allowed only at :data:`WORD_BREAK`, before an opening bracket, and after a closing
    bracket, a slash or 、 ("经办人（签字）" → 经办人 / （签字）); everything else stays whole.
    """
    out: list[str] = []
    current = ""
    for ch in text:
        if ch == WORD_BREAK:
            if current:
                out.append(current)
            current = ""
            continue
        if ch in "（(《" and current:
            out.append(current)
            current = ""
        current += ch
        if ch in "）)》/、":
            out.append(current)
            current = ""
    if current:
        out.append(current)
    return out


_INK_GAP = 0.06
"""Blank (in ems) kept between a compressed mark's glyph and its neighbours."""


def _unit(text: str, pieces: Sequence[_Piece], style: TextStyle, fonts: FontSet) -> Unit:
    """A measured unit; a full-width closing mark also gets the room its glyph leaves blank."""
    width = sum(p.width for p in pieces)
    if len(text) != 1 or text not in COMPRESSIBLE or width < 0.75 * style.size:
        return Unit(text, width)
    box = fonts.ink(pieces[0].font, text)
    if box is None:
        return Unit(text, width)
    size = style.size
    left = max(0.0, (box[0] - _INK_GAP) * size)
    right = max(0.0, width - (box[1] + _INK_GAP) * size)
    room = min(left + right, size / 2)
    return Unit(text, width, squeeze=room, left_room=min(left, room))


def _measure_units(
    runs: Sequence[Run], style: TextStyle, fonts: FontSet
) -> tuple[list[Unit], list[list[_Piece]]]:
    units: list[Unit] = []
    pieces: list[list[_Piece]] = []
    for run in runs:
        role = run.role or style.role
        bold = style.bold if run.bold is None else run.bold
        text_of_run = run.text.replace("\n", " ")
        parts = words(text_of_run) if style.whole_words else split_units(text_of_run)
        for text in parts:
            ps = _pieces(text, role, bold, style, fonts)
            units.append(_unit(text, ps, style, fonts))
            pieces.append(ps)
    # Adjacent punctuation (“），”, “。”” …): the first closing mark gives up its blank, by the
    # bounds of its glyph (its ink moves left, against the character before it).
    for k in range(len(units) - 1):
        u, nxt = units[k], units[k + 1]
        if u.squeeze > 0 and nxt.text[0] in _PUNCT and nxt.width >= 0.75 * style.size:
            units[k] = Unit(u.text, u.width - u.squeeze, shift=u.left_room)
    return units, pieces


_PUNCT = CLOSING | OPENING


def _squeeze_limit(unit: Unit) -> float:
    return unit.squeeze


def _descent(font: str) -> float:
    """Descent of a registered font as a fraction of the em (negative)."""
    face = pdfmetrics.getFont(font).face
    return float(face.descent) / 1000.0


def _baseline_offset(style: TextStyle, fonts: FontSet) -> float:
    """Distance from the top of a line box down to the baseline."""
    em_top = style.em_top if style.em_top is not None else (style.leading - style.size) / 2
    return em_top + style.size * (1.0 + _descent(fonts.name(style.role)))


def _draw_pieces(
    canv: Any,
    placed: Sequence[tuple[float, _Piece]],
    baseline: float,
    style: TextStyle,
) -> None:
    """Draw pieces, each at its own x, in one text object."""
    if not placed:
        return
    text_obj = canv.beginText()
    mode = None
    font = None
    for x, p in placed:
        want = 2 if p.bold else 0
        if want != mode:
            mode = want
            text_obj.setTextRenderMode(want)
        if p.font != font:
            font = p.font
            text_obj.setFont(p.font, style.size)
            text_obj.setCharSpace(style.char_space)
        text_obj.setTextOrigin(x, baseline)
        text_obj.textOut(p.text)
    canv.saveState()
    set_fill(canv, style.color)
    set_stroke(canv, style.color)
    canv.setLineWidth(style.size * 0.035)
    canv.setLineJoin(1)
    canv.drawText(text_obj)
    canv.restoreState()


def _split_unit(pieces: Sequence[_Piece], size: float, char_space: float) -> list[list[_Piece]]:
    """One unit per character (for a unit wider than a line)."""
    out: list[list[_Piece]] = []
    for p in pieces:
        for ch in p.text:
            w = pdfmetrics.stringWidth(ch, p.font, size) + char_space
            out.append([_Piece(ch, p.font, w, p.bold)])
    return out


def text_width(text: str, style: TextStyle, fonts: FontSet | None = None) -> float:
    """Width of a single line of ``text`` set in ``style`` (with character spacing)."""
    fs = fonts or get_fonts()
    return sum(p.width for p in _pieces(text, style.role, style.bold, style, fs))


def draw_text(
    canv: Any,
    text: str,
    style: TextStyle,
    x: float,
    top: float,
    *,
    align: Literal["left", "center", "right"] = "left",
    fonts: FontSet | None = None,
) -> float:
    """Draw one line whose em box top is ``top - style.em_top`` (line box top ``top``).

    ``x`` is the left edge, the centre or the right edge depending on ``align``. Returns the
    drawn width.
    """
    fs = fonts or get_fonts()
    pieces = _pieces(text, style.role, style.bold, style, fs)
    width = sum(p.width for p in pieces)
    if align == "center":
        x -= width / 2
    elif align == "right":
        x -= width
    placed: list[tuple[float, _Piece]] = []
    for p in pieces:
        placed.append((x, p))
        x += p.width
    _draw_pieces(canv, placed, top - _baseline_offset(style, fs), style)
    return width


class CJKParagraph(Flowable):  # type: ignore[misc]
    """A paragraph of Chinese text (see the module docstring)."""

    def __init__(
        self,
        text: str | Sequence[Run],
        style: TextStyle,
        *,
        fonts: FontSet | None = None,
    ) -> None:
        super().__init__()
        self.runs: tuple[Run, ...] = (Run(text),) if isinstance(text, str) else tuple(text)
        self.style = style
        self._fonts = fonts
        self.keepWithNext = style.keep_with_next
        self._continuation = False  # the first line is a wrapped line (no first indent)
        self._ends_mid = False  # the last line is not the paragraph's last (justify it)
        self._units: list[Unit] | None = None
        self._pieces: list[list[_Piece]] = []
        self._lines: list[Line] = []
        self._layout_width: float | None = None

    # -- layout -------------------------------------------------------------------------

    @property
    def fonts(self) -> FontSet:
        if self._fonts is None:
            self._fonts = get_fonts()
        return self._fonts

    @property
    def text(self) -> str:
        return "".join(r.text for r in self.runs).replace(WORD_BREAK, "")

    def min_width(self) -> float:
        """The widest unbreakable unit (a whole word in a whole-words paragraph)."""
        units = self._ensure_units()
        return max((u.width for u in units), default=0.0)

    def _ensure_units(self) -> list[Unit]:
        if self._units is None:
            self._units, self._pieces = _measure_units(self.runs, self.style, self.fonts)
        return self._units

    def _line_widths(self, avail_width: float) -> tuple[float, float]:
        inner = avail_width - self.style.left_indent - self.style.right_indent
        first = inner if self._continuation else inner - self.style.first_indent
        return first, inner

    def _layout(self, avail_width: float) -> list[Line]:
        if self._layout_width is not None and abs(self._layout_width - avail_width) < _EPS:
            return self._lines
        units = self._ensure_units()
        first, inner = self._line_widths(avail_width)
        narrow = min(first, inner)
        if any(u.width > narrow + _EPS and len(u.text) > 1 for u in units):
            new_units: list[Unit] = []
            new_pieces: list[list[_Piece]] = []
            for u, ps in zip(units, self._pieces, strict=True):
                if u.width > narrow + _EPS and len(u.text) > 1:
                    for part in _split_unit(ps, self.style.size, self.style.char_space):
                        new_units.append(Unit(part[0].text, part[0].width))
                        new_pieces.append(part)
                else:
                    new_units.append(u)
                    new_pieces.append(ps)
            self._units, self._pieces = new_units, new_pieces
            units = new_units
        lines = break_lines(units, first, inner, squeeze_limit=_squeeze_limit)
        if self._ends_mid and lines and lines[-1].last:
            last = lines[-1]
            avail = first if len(lines) == 1 else inner
            lines[-1] = replace(last, last=False, extra=max(avail - last.natural, 0.0))
        self._lines = lines
        self._layout_width = avail_width
        return lines

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        lines = self._layout(availWidth)
        self.width = availWidth
        self.height = len(lines) * self.style.leading
        return availWidth, self.height

    def split(self, availWidth: float, availHeight: float) -> list[Flowable]:
        lines = self._layout(availWidth)
        fit = int((availHeight + 1e-3) // self.style.leading)
        if fit <= 0:
            return []
        if fit >= len(lines):
            return [self]
        cut = lines[fit].start
        head = self._part(0, cut)
        head._ends_mid = True
        head._continuation = self._continuation
        head._units = self._ensure_units()[:cut]
        head._pieces = self._pieces[:cut]
        head._lines = list(lines[:fit])
        head._layout_width = availWidth
        tail = self._part(cut, None)
        tail._continuation = True
        tail._ends_mid = self._ends_mid
        tail._units = self._ensure_units()[cut:]
        tail._pieces = self._pieces[cut:]
        # Lines of the tail are recomputed from its own units.
        return [head, tail]

    def _part(self, start: int, stop: int | None) -> CJKParagraph:
        units = self._ensure_units()[start:stop]
        part = CJKParagraph("".join(u.text for u in units), self.style, fonts=self.fonts)
        part.keepWithNext = False
        return part

    # -- drawing ------------------------------------------------------------------------

    def draw(self) -> None:
        canv = self.canv
        style = self.style
        lines = self._lines
        units = self._ensure_units()
        first_w, inner = self._line_widths(self.width)
        baseline_off = _baseline_offset(style, self.fonts)
        for n, line in enumerate(lines):
            avail = first_w if n == 0 else inner
            x0 = style.left_indent + (
                style.first_indent if n == 0 and not self._continuation else 0.0
            )
            natural = line.natural - line.squeeze
            gaps = max(line.end - line.start - 1, 0)
            extra_per_gap = 0.0
            if style.align == "center":
                x0 += (avail - natural) / 2
            elif style.align == "right":
                x0 += avail - natural
            elif style.align == "justify" and not line.last and gaps:
                extra_per_gap = line.extra / gaps
            squeeze_room = sum(units[k].squeeze for k in range(line.start, line.end))
            ratio = line.squeeze / squeeze_room if squeeze_room > 0 else 0.0
            top = self.height - n * style.leading
            baseline = top - baseline_off
            x = x0
            placed: list[tuple[float, _Piece]] = []
            for k in range(line.start, line.end):
                unit = units[k]
                given = unit.squeeze * ratio
                px = x - unit.shift - min(given, unit.left_room)
                for piece in self._pieces[k]:
                    placed.append((px, piece))
                    px += piece.width
                x += unit.width + extra_per_gap - given
            _draw_pieces(canv, placed, baseline, style)
