"""Chinese line breaking (禁则) on measured units.

Text is cut into units: one CJK character each, a run of Latin letters or digits (kept whole),
a run of dashes or ellipses (——, ……, kept whole). :func:`break_lines` fills lines greedily and then
applies the rules: no line starts with closing punctuation and none ends with opening punctuation.
When closing punctuation would start a line it is first pulled up into the line (compressing the
full-width closing punctuation of the line by up to half a cell each); if that is not possible the
last character of the line is pushed down with it and the short line is justified.

The module is pure: widths come from a callback, so it is tested without fonts.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

__all__ = [
    "CLOSING",
    "COMPRESSIBLE",
    "OPENING",
    "Line",
    "Unit",
    "break_lines",
    "is_closing",
    "is_opening",
    "split_units",
]

# Characters that must not start a line.
CLOSING = frozenset(
    "，。、；：？！）》」』】〕〗〙〛”’…—～·‧％‰℃"
    "﹐﹑﹒﹔﹕﹖﹗﹚﹜﹞︰"
    "．，：；？！）］｝｠｣、〉"
    ",.;:?!)]}%"
    "ヽヾーァィゥェォッャュョヮヵヶぁぃぅぇぉっゃゅょゎゕゖ々〻"
)
# Characters that must not end a line.
OPENING = frozenset("（《「『【〔〖〘〚“‘﹙﹛﹝（［｛｟｢〈([{")

# Full-width closing punctuation that may be compressed when a line needs the room (by the blank
# around its glyph in the font used: see app.documents.paragraph).
COMPRESSIBLE = frozenset("，。、；：？！）》」』】〕”’")
_COMPRESSIBLE = COMPRESSIBLE

_WORD_CHARS = frozenset(
    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789"
    "ＡＢＣＤＥＦＧＨＩＪＫＬＭＮＯＰＱＲＳＴＵＶＷＸＹＺａｂｃｄｅｆｇｈｉｊｋｌｍｎｏｐｑｒｓｔｕｖｗｘｙｚ"
    "０１２３４５６７８９"
    "_@#&*+=/\\'-.,:%"
)
_REPEAT_RUNS = frozenset("—…")
_EPS = 1e-6


def is_closing(char: str) -> bool:
    return char in CLOSING


def is_opening(char: str) -> bool:
    return char in OPENING


@dataclass(frozen=True)
class Unit:
    """An unbreakable piece of text and its natural width (points).

    ``squeeze`` is how much the unit may still give up when a line needs room (the blank around
    a punctuation mark's glyph, measured in the font used); ``left_room`` is the part of it on the
    glyph's left, and ``shift`` how far the glyph is already drawn to the left of the unit's
    start. Callers that measure glyphs set them; :func:`break_lines` only reads ``squeeze``
    through its ``squeeze_limit``.
    """

    text: str
    width: float
    squeeze: float = 0.0
    left_room: float = 0.0
    shift: float = 0.0

    @property
    def closing(self) -> bool:
        return bool(self.text) and self.text[0] in CLOSING

    @property
    def opening(self) -> bool:
        return bool(self.text) and self.text[-1] in OPENING

    @property
    def compressible(self) -> bool:
        return len(self.text) == 1 and self.text in _COMPRESSIBLE


@dataclass(frozen=True)
class Line:
    """Units ``start:end`` of the paragraph on one line.

    ``squeeze`` is the width taken out of the line's compressible punctuation (pull-up);
    ``extra`` the width to spread between units (justification); ``last`` marks the paragraph's
    last line (never justified).
    """

    start: int
    end: int
    natural: float
    squeeze: float = 0.0
    extra: float = 0.0
    last: bool = False


def _is_word_char(c: str) -> bool:
    return c in _WORD_CHARS


def split_units(text: str) -> list[str]:
    """Cut text into unbreakable pieces (see the module docstring)."""
    pieces: list[str] = []
    i = 0
    n = len(text)
    while i < n:
        c = text[i]
        j = i + 1
        if c in _REPEAT_RUNS:
            while j < n and text[j] == c:
                j += 1
        elif _is_word_char(c) and c not in CLOSING:
            while j < n and _is_word_char(text[j]):
                j += 1
            # A trailing closing mark (",", ".") belongs after the word, as its own unit.
            while j - 1 > i and text[j - 1] in CLOSING:
                j -= 1
            # A word may break after a hyphen or slash (0000-12345678, GB/T).
            for k in range(i + 1, j - 1):
                if text[k] in "-/":
                    j = k + 1
                    break
        elif c == " ":
            while j < n and text[j] == " ":
                j += 1
        pieces.append(text[i:j])
        i = j
    return pieces


def break_lines(
    units: Sequence[Unit],
    first_width: float,
    width: float,
    *,
    squeeze_limit: Callable[[Unit], float] | None = None,
) -> list[Line]:
    """Break ``units`` into lines: ``first_width`` for the first line, ``width`` for the rest.

    ``squeeze_limit`` gives how much a compressible unit may shrink (default: half its width).
    A unit wider than a line stands alone on its line (callers split long words beforehand).
    """
    limit = squeeze_limit or (lambda u: u.width / 2 if u.compressible else 0.0)
    lines: list[Line] = []
    n = len(units)
    i = 0
    while i < n:
        avail = first_width if not lines else width
        # Leading spaces of a wrapped line are dropped.
        if lines:
            while i < n and units[i].text.isspace():
                i += 1
            if i >= n:
                break
        j = i
        used = 0.0
        while j < n and used + units[j].width <= avail + _EPS:
            used += units[j].width
            j += 1
        if j >= n:
            lines.append(Line(i, n, used, last=True))
            break
        if j == i:  # a single unit wider than the line: it stands alone
            lines.append(Line(i, i + 1, units[i].width))
            i += 1
            continue
        if units[j].closing:
            # Try to pull the closing run up into this line.
            k = j
            while k < n and units[k].closing and k - j < 2:
                k += 1
            need = sum(u.width for u in units[j:k]) - (avail - used)
            room = sum(limit(u) for u in units[i:k])
            if k - j <= 2 and need <= room + _EPS and (k >= n or not units[k].closing):
                natural = used + sum(u.width for u in units[j:k])
                lines.append(Line(i, k, natural, squeeze=max(need, 0.0), last=k >= n))
                i = k
                continue
        # Push back until the next line starts with an allowed unit and this one ends well.
        m = j
        while m > i + 1 and (units[m].closing or units[m - 1].opening):
            m -= 1
        natural = sum(u.width for u in units[i:m])
        # Trailing spaces do not count.
        stop = m
        while stop > i + 1 and units[stop - 1].text.isspace():
            natural -= units[stop - 1].width
            stop -= 1
        lines.append(Line(i, m, natural, extra=max(avail - natural, 0.0)))
        i = m
    return lines
