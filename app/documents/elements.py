"""Flowable factories for the parts of a GB/T 9704 document.

Each factory returns a list of flowables (some parts carry the blank lines the standard puts
before them), so a document is ``[*red_header(...), *title(...), *addressee(...), ...]``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any

from reportlab.platypus import CondPageBreak, Flowable, PageBreak, Spacer

from app.documents.colors import set_stroke
from app.documents.fonts import FontRole, FontSet, get_fonts
from app.documents.page import (
    BODY_CHAR_SPACE,
    BODY_SIZE,
    CELL,
    IMPRINT_SIZE,
    LINE_PITCH,
    MM,
    RED,
    TEXT_HEIGHT,
    TEXT_WIDTH,
    TITLE_SIZE,
)
from app.documents.paragraph import CJKParagraph, Run, TextStyle, draw_text, text_width
from app.domain.formats import chinese_date, heading_number

__all__ = [
    "Imprint",
    "KeepTail",
    "SignatureBlock",
    "addressee",
    "attachment_line",
    "blank",
    "body",
    "body_style",
    "heading",
    "heading_style",
    "imprint",
    "keep_with_tail",
    "page_break",
    "red_header",
    "signature_block",
    "title",
]

_HEADING_ROLES = {
    1: FontRole.HEITI,
    2: FontRole.KAITI,
    3: FontRole.FANGSONG,
    4: FontRole.FANGSONG,
}
RULE_THICK = 0.35 * MM
RULE_THIN = 0.25 * MM
RED_RULE = 1.0 * MM / 2
IMPRINT_LEADING = 0.8 * LINE_PITCH


def body_style(**changes: Any) -> TextStyle:
    """3号仿宋 on the 28 × 22 grid, two characters' indent, justified."""
    style = TextStyle(
        role=FontRole.FANGSONG,
        size=BODY_SIZE,
        leading=LINE_PITCH,
        char_space=BODY_CHAR_SPACE,
        first_indent=2 * CELL,
        align="justify",
        em_top=0.0,
    )
    return style.but(**changes) if changes else style


def heading_style(level: int) -> TextStyle:
    """Headings 一、 (黑体) / （一） (楷体) / 1. and （1） (仿宋), indented like paragraphs."""
    if level not in _HEADING_ROLES:
        raise ValueError(f"heading level must be 1–4, not {level}")
    return body_style(role=_HEADING_ROLES[level])


def _as_date(value: dt.date | str) -> str:
    return value if isinstance(value, str) else chinese_date(value)


def blank(lines: float = 1) -> list[Flowable]:
    """Blank body lines (keeps the line grid)."""
    return [Spacer(1, lines * LINE_PITCH)]


def page_break() -> list[Flowable]:
    return [PageBreak()]


def body(text: str | Sequence[Run], *, fonts: FontSet | None = None) -> list[Flowable]:
    """A body paragraph: 3号仿宋, first line indented two characters, wrapped lines flush left."""
    return [CJKParagraph(text, body_style(), fonts=fonts)]


def heading(
    level: int,
    text: str,
    number: int | None = None,
    *,
    run_in: str | None = None,
    fonts: FontSet | None = None,
) -> list[Flowable]:
    """A heading; ``number`` adds the sequence mark (一、/（一）/1./（1）).

    ``run_in`` is body text that continues on the heading's line (common for levels 2–4:
    "（一）标题。正文……"); the heading part keeps its font, the rest is 仿宋.
    """
    style = heading_style(level)
    mark = heading_number(level, number) if number is not None else ""
    if run_in:
        runs = [Run(mark + text, style.role), Run(run_in, FontRole.FANGSONG)]
        para = CJKParagraph(runs, style.but(keep_with_next=False), fonts=fonts)
        para.heading_level = level
        return [CondPageBreak(2 * LINE_PITCH - 1), para]
    # A heading never ends a page: it needs room for itself and two lines of what follows.
    para = CJKParagraph(mark + text, style, fonts=fonts)
    para.heading_level = level
    return [CondPageBreak(3 * LINE_PITCH - 1), para]


def title(text: str, *, fonts: FontSet | None = None) -> list[Flowable]:
    """The title: 2号小标宋 (or its substitute), centred; ``\\n`` breaks lines by hand."""
    style = TextStyle(
        role=FontRole.TITLE,
        size=TITLE_SIZE,
        leading=1.2 * LINE_PITCH,
        align="center",
        em_top=0.0,
        keep_with_next=True,
    )
    return [CJKParagraph(line, style, fonts=fonts) for line in text.split("\n") if line.strip()]


def addressee(
    names: str | Sequence[str], *, blank_before: bool = True, fonts: FontSet | None = None
) -> list[Flowable]:
    """主送机关: one blank line below the title, flush left, ending with a full-width colon."""
    text = names if isinstance(names, str) else "、".join(n.strip() for n in names if n.strip())
    text = text.rstrip("：:， ") + "："
    out: list[Flowable] = blank() if blank_before else []
    out.append(CJKParagraph(text, body_style(first_indent=0.0), fonts=fonts))
    return out


def attachment_line(names: str | Sequence[str], *, fonts: FontSet | None = None) -> list[Flowable]:
    """附件说明: one blank line after the body, two characters in: "附件：1.名称".

    Several attachments are numbered; wrapped names align with the first character of the name.
    """
    fs = fonts or get_fonts()
    items = [names] if isinstance(names, str) else [n for n in names if n.strip()]
    if not items:
        return []
    style = body_style()
    label = "附件："
    label_w = text_width(label, style, fs)
    out: list[Flowable] = blank()
    if len(items) == 1:
        hang = label_w
        out.append(
            CJKParagraph(
                label + items[0],
                style.but(left_indent=2 * CELL + hang, first_indent=-hang),
                fonts=fs,
            )
        )
        return _mark_attachment(out)
    for i, name in enumerate(items, start=1):
        mark = f"{i}."
        mark_w = text_width(mark, style, fs)
        left = 2 * CELL + label_w + mark_w
        prefix = (label if i == 1 else "") + mark
        first = -(label_w + mark_w) if i == 1 else -mark_w
        out.append(
            CJKParagraph(prefix + name, style.but(left_indent=left, first_indent=first), fonts=fs)
        )
    return _mark_attachment(out)


def _mark_attachment(flowables: list[Flowable]) -> list[Flowable]:
    for f in flowables:
        f.attachment_line = True
    return flowables


class SignatureBlock(Flowable):  # type: ignore[misc]
    """发文机关署名 and 成文日期 on two lines at the right.

    Without a seal the name ends two characters from the right and the date starts two
    characters right of the name's start (a longer date ends two characters from the right and
    pushes the name left). With a seal the date ends four characters from the right and the name
    is centred over it.
    """

    def __init__(
        self, org: str, date: str, *, sealed: bool = False, fonts: FontSet | None = None
    ) -> None:
        super().__init__()
        self.org = org
        self.date = date
        self.sealed = sealed
        self._fonts = fonts
        self.style = body_style(first_indent=0.0)

    def positions(self, width: float) -> tuple[float, float]:
        """Left x of the name and of the date."""
        fs = self._fonts or get_fonts()
        w_org = text_width(self.org, self.style, fs)
        w_date = text_width(self.date, self.style, fs)
        if self.sealed:
            x_date = width - 4 * CELL - w_date
            x_org = x_date + (w_date - w_org) / 2
            return x_org, x_date
        x_org = width - 2 * CELL - w_org
        x_date = x_org + 2 * CELL
        if x_date + w_date > width - 2 * CELL:
            x_date = width - 2 * CELL - w_date
            x_org = x_date - 2 * CELL
        return x_org, x_date

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        self.width = availWidth
        self.height = 2 * LINE_PITCH
        return availWidth, self.height

    def draw(self) -> None:
        fs = self._fonts or get_fonts()
        x_org, x_date = self.positions(self.width)
        draw_text(self.canv, self.org, self.style, x_org, self.height, fonts=fs)
        draw_text(self.canv, self.date, self.style, x_date, self.height - LINE_PITCH, fonts=fs)


class KeepTail(Flowable):  # type: ignore[misc]
    """The last lines of the text kept on one page with what closes the document.

    ``rest`` (the 附件 line, the signature and date, the 版记 …) never stands alone on a page:
    when it does not fit below the text, at least ``min_lines`` lines of ``lead`` (the last
    paragraph) go over to the next page with it. A 版记 among ``rest`` is drawn at the foot of
    the page, as on its own.
    """

    def __init__(
        self, lead: CJKParagraph | None, rest: Sequence[Flowable], *, min_lines: int = 2
    ) -> None:
        super().__init__()
        self.lead = lead
        self.rest = list(rest)
        self.min_lines = min_lines
        self._heights: list[float] = []
        self._lead_h = 0.0

    def _imprint(self) -> Imprint | None:
        last = self.rest[-1] if self.rest else None
        return last if isinstance(last, Imprint) else None

    def _measure(self, width: float, height: float) -> float:
        self._lead_h = self.lead.wrap(width, height)[1] if self.lead is not None else 0.0
        self._heights = []
        for f in self.rest:
            if isinstance(f, Imprint):
                f.wrap(width, 1e6)
                self._heights.append(f.need)
            else:
                self._heights.append(f.wrap(width, height)[1])
        return self._lead_h + sum(self._heights)

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        need = self._measure(availWidth, availHeight)
        self.width = availWidth
        # With a 版记 the group takes the page's remaining height (the 版记 sits at the foot).
        self.height = availHeight if self._imprint() is not None and need <= availHeight else need
        return availWidth, self.height

    def split(self, availWidth: float, availHeight: float) -> list[Flowable]:
        need = self._measure(availWidth, availHeight)
        if need <= availHeight:
            return [self]
        if self.lead is None or need > TEXT_HEIGHT:
            parts = [f for f in [self.lead, *self.rest] if f is not None]
            # what goes first must fit here (a landscape page is lower than TEXT_HEIGHT): a space
            # that does not is dropped, anything else goes to the next page whole
            while (
                parts
                and isinstance(parts[0], Spacer)
                and parts[0].wrap(availWidth, 1e6)[1] > (availHeight + 1e-3)
            ):
                parts.pop(0)
            if parts and parts[0].wrap(availWidth, availHeight)[1] > availHeight + 1e-3:
                return []
            return parts
        leading = self.lead.style.leading
        lines = round(self._lead_h / leading)
        fit = int((availHeight + 1e-3) // leading)
        keep = min(fit, lines - self.min_lines)
        if keep <= 0:
            return []
        parts = self.lead.split(availWidth, keep * leading + 1e-3)
        if len(parts) != 2:
            return []
        head, tail = parts
        return [head, KeepTail(tail, self.rest, min_lines=self.min_lines)]

    def draw(self) -> None:
        y = self.height
        if self.lead is not None:
            y -= self._lead_h
            self.lead.drawOn(self.canv, 0, y)
        imprint = self._imprint()
        for f, h in zip(self.rest, self._heights, strict=True):
            if f is imprint:
                continue
            y -= h
            f.drawOn(self.canv, 0, y)
        if imprint is not None:
            imprint.wrap(self.width, imprint.need)
            imprint.drawOn(self.canv, 0, 0)


def keep_with_tail(flowables: list[Flowable], tail: Sequence[Flowable]) -> None:
    """Replace the end of ``flowables`` by a :class:`KeepTail` holding its last paragraph (with
    the attachment lines and blanks after it) and ``tail``; an existing KeepTail grows."""
    last = flowables[-1] if flowables else None
    if isinstance(last, KeepTail):
        last.rest.extend(tail)
        return
    rest: list[Flowable] = []
    lead: CJKParagraph | None = None
    while flowables:
        f = flowables[-1]
        if isinstance(f, Spacer) or getattr(f, "attachment_line", False):
            rest.insert(0, flowables.pop())
            continue
        if isinstance(f, CJKParagraph):
            lead = flowables.pop()
        break
    flowables.append(KeepTail(lead, [*rest, *tail]))


def signature_block(
    org: str, date: dt.date | str, *, sealed: bool = False, fonts: FontSet | None = None
) -> list[Flowable]:
    """One blank line, then the issuing body and the date (成文日期, 2026年11月27日)."""
    block = SignatureBlock(org, _as_date(date), sealed=sealed, fonts=fonts)
    block.keepWithNext = False
    return [*blank(), block]


class Imprint(Flowable):  # type: ignore[misc]
    """版记 at the foot of the last page.

    It takes all the space left on the page and draws itself at the bottom, so its last rule
    lies on the bottom edge of the 版心; if it does not fit, it moves to a new page. Above the
    印发 line: 抄送 (and, for a report such as the 巡察日报, 报送 above it), thin rules between.
    """

    def __init__(
        self,
        cc: Sequence[str],
        issuer: str,
        date: str,
        *,
        report_to: Sequence[str] = (),
        fonts: FontSet | None = None,
    ) -> None:
        super().__init__()
        self.cc = [c.strip() for c in cc if c.strip()]
        self.report_to = [c.strip() for c in report_to if c.strip()]
        self.issuer = issuer
        self.date = date
        self._fonts = fonts
        self.style = TextStyle(
            role=FontRole.FANGSONG,
            size=IMPRINT_SIZE,
            leading=IMPRINT_LEADING,
            em_top=None,
            align="justify",
        )
        self._paras: list[CJKParagraph] | None = None
        self.need = 0.0

    def _paragraphs(self) -> list[CJKParagraph]:
        """The 抄送 line first (the lowest), then 报送."""
        if self._paras is None:
            fs = self._fonts or get_fonts()
            self._paras = []
            for label, names in (("抄送：", self.cc), ("报送：", self.report_to)):
                if not names:
                    continue
                hang = text_width(label, self.style, fs)
                text = label + "，".join(names).rstrip("。，") + "。"
                style = self.style.but(
                    left_indent=IMPRINT_SIZE + hang, first_indent=-hang, right_indent=IMPRINT_SIZE
                )
                self._paras.append(CJKParagraph(text, style, fonts=fs))
        return self._paras

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        self.width = availWidth
        need = IMPRINT_LEADING + RULE_THICK / 2
        for para in self._paragraphs():
            need += para.wrap(availWidth, availHeight)[1]
        self.need = need
        self.height = availHeight if need <= availHeight else need
        return availWidth, self.height

    def split(self, availWidth: float, availHeight: float) -> list[Flowable]:
        return []

    def draw(self) -> None:
        canv = self.canv
        fs = self._fonts or get_fonts()
        w = self.width
        row = IMPRINT_LEADING
        canv.saveState()
        canv.setStrokeColorRGB(0, 0, 0)
        # Bottom rule on the bottom edge of the 版心, 印发 row above it.
        y = RULE_THICK / 2
        canv.setLineWidth(RULE_THICK)
        canv.line(0, y, w, y)
        draw_text(canv, self.issuer, self.style, IMPRINT_SIZE, row, fonts=fs)
        draw_text(
            canv, f"{self.date}印发", self.style, w - IMPRINT_SIZE, row, align="right", fonts=fs
        )
        top = row
        for para in self._paragraphs():
            canv.setLineWidth(RULE_THIN)
            canv.line(0, top, w, top)
            para.drawOn(canv, 0, top)
            top += para.height
        canv.setLineWidth(RULE_THICK)
        canv.line(0, top, w, top)
        canv.restoreState()


def _names(value: str | Sequence[str] | None) -> list[str]:
    if value is None:
        return []
    if isinstance(value, str):
        return [p for p in value.replace("、", "，").split("，") if p.strip()]
    return list(value)


def imprint(
    cc: str | Sequence[str] | None,
    issuer: str,
    date: dt.date | str,
    *,
    report_to: str | Sequence[str] | None = None,
    fonts: FontSet | None = None,
) -> list[Flowable]:
    """版记: 抄送 (may be empty; 报送 above it when given) and 印发机关/印发日期 between rules, at
    the foot of the page."""
    return [Imprint(_names(cc), issuer, _as_date(date), report_to=_names(report_to), fonts=fonts)]


class _RedMark(Flowable):  # type: ignore[misc]
    """发文机关标志: red, centred, sized to fit the 版心."""

    def __init__(self, text: str, fonts: FontSet | None) -> None:
        super().__init__()
        self.text = text
        self._fonts = fonts

    def _style(self) -> TextStyle:
        fs = self._fonts or get_fonts()
        one = text_width(self.text, TextStyle(role=FontRole.TITLE, size=1.0), fs)
        size = min(48.0, 0.95 * TEXT_WIDTH / one) if one > 0 else 48.0
        return TextStyle(role=FontRole.TITLE, size=size, leading=size, color=RED, em_top=0.0)

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        self.width = availWidth
        self.height = self._style().size
        return availWidth, self.height

    def draw(self) -> None:
        style = self._style()
        draw_text(
            self.canv,
            self.text,
            style,
            self.width / 2,
            self.height,
            align="center",
            fonts=self._fonts,
        )


class _DocNumberRule(Flowable):  # type: ignore[misc]
    """发文字号 centred, and the red rule 4 mm below it, as wide as the 版心."""

    def __init__(self, number: str, fonts: FontSet | None) -> None:
        super().__init__()
        self.number = number
        self._fonts = fonts
        self.style = body_style(first_indent=0.0)

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        self.width = availWidth
        self.height = BODY_SIZE + 4 * MM + RED_RULE
        return availWidth, self.height

    def draw(self) -> None:
        if self.number:
            draw_text(
                self.canv,
                self.number,
                self.style,
                self.width / 2,
                self.height,
                align="center",
                fonts=self._fonts,
            )
        self.canv.saveState()
        set_stroke(self.canv, RED)
        self.canv.setLineWidth(RED_RULE)
        self.canv.line(0, RED_RULE / 2, self.width, RED_RULE / 2)
        self.canv.restoreState()


def red_header(
    org_mark: str, doc_number: str | None = None, *, fonts: FontSet | None = None
) -> list[Flowable]:
    """The red header: 发文机关标志 35 mm below the top of the 版心, 发文字号 two blank lines
    below it, the red rule 4 mm under the number, and two blank lines before the title."""
    return [
        Spacer(1, 35 * MM),
        _RedMark(org_mark, fonts),
        *blank(2),
        _DocNumberRule(doc_number or "", fonts),
        *blank(2),
    ]
