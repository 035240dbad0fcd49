"""Read glyph positions, lines and fonts back from a produced PDF (pdfminer.six and pypdf)."""

from __future__ import annotations

import io
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import cache

from pdfminer.high_level import extract_pages
from pdfminer.layout import LAParams, LTChar, LTCurve, LTLine, LTPage, LTRect
from pypdf import PdfReader

MM = 72.0 / 25.4


@dataclass
class Glyph:
    text: str
    size: float
    x0: float  # mm from the left edge (the origin)
    x1: float  # x0 + advance
    top: float  # mm from the top edge (em box top)
    bottom: float
    font: str = ""  # PostScript name without the subset tag

    @property
    def ink(self) -> tuple[float, float]:
        """Left and right edge of the glyph's box (its outline, read from the font), in mm."""
        box = glyph_ink(self.font, self.text)
        if box is None:
            return self.x0, self.x0
        return self.x0 + box[0] * self.size / MM, self.x0 + box[1] * self.size / MM


@cache
def _faces() -> dict[str, str]:
    """PostScript name → ReportLab name of every resolved font."""
    from reportlab.pdfbase import pdfmetrics

    from app.documents.fonts import get_fonts

    out: dict[str, str] = {}
    for rl_name in get_fonts().all_names():
        face = pdfmetrics.getFont(rl_name).face
        name = face.name.decode() if isinstance(face.name, bytes) else str(face.name)
        out[name] = rl_name
    return out


def glyph_ink(font: str, char: str) -> tuple[float, float] | None:
    """The glyph box of ``char`` in the PDF font ``font`` (in ems), from the font file."""
    from app.documents.fonts import get_fonts

    rl_name = _faces().get(font)
    if rl_name is None:
        raise LookupError(f"font {font!r} is not one of the resolved fonts")
    return get_fonts().ink(rl_name, char)


@dataclass
class Rule:
    x0: float
    x1: float
    y: float  # mm from the top (middle)
    width: float  # line width in mm
    horizontal: bool
    top: float = 0.0
    bottom: float = 0.0


@dataclass
class Page:
    number: int
    width: float  # mm
    height: float
    glyphs: list[Glyph] = field(default_factory=list)
    rules: list[Rule] = field(default_factory=list)

    def rows(self, size: float, tol: float = 0.05) -> list[list[Glyph]]:
        """Glyphs of one size grouped by baseline, top to bottom, each sorted left to right."""
        rows: dict[float, list[Glyph]] = {}
        for g in self.glyphs:
            if abs(g.size - size) < tol and g.text.strip():
                rows.setdefault(round(g.bottom, 1), []).append(g)
        return [sorted(r, key=lambda g: g.x0) for _, r in sorted(rows.items())]

    def text(self, size: float | None = None) -> str:
        return "".join(g.text for g in self.glyphs if size is None or abs(g.size - size) < 0.05)


def _walk(obj: object) -> Iterator[object]:
    yield obj
    if isinstance(obj, LTChar):
        return
    try:
        children = list(obj)  # type: ignore[call-overload]
    except TypeError:
        return
    for child in children:
        yield from _walk(child)


def _base_name(name: str) -> str:
    """``AAAAAA+UMingCN-0`` → ``UMingCN`` (subset tag and ReportLab's subset number dropped)."""
    name = name.split("+", 1)[-1]
    head, sep, tail = name.rpartition("-")
    return head if sep and tail.isdigit() else name


def read_pages(pdf: bytes) -> list[Page]:
    pages: list[Page] = []
    for n, lt in enumerate(extract_pages(io.BytesIO(pdf), laparams=LAParams()), start=1):
        assert isinstance(lt, LTPage)
        h = lt.height
        page = Page(n, lt.width / MM, h / MM)
        for obj in _walk(lt):
            if isinstance(obj, LTChar):
                page.glyphs.append(
                    Glyph(
                        obj.get_text(),
                        obj.size,
                        obj.x0 / MM,
                        obj.x1 / MM,
                        (h - obj.y1) / MM,
                        (h - obj.y0) / MM,
                        _base_name(obj.fontname),
                    )
                )
            elif isinstance(obj, LTLine | LTRect | LTCurve) and not isinstance(obj, LTChar):
                x0, y0, x1, y1 = obj.bbox
                lw = float(getattr(obj, "linewidth", 0) or 0) / MM
                horizontal = abs(y1 - y0) < abs(x1 - x0)
                y = (h - (y0 + y1) / 2) / MM
                page.rules.append(
                    Rule(x0 / MM, x1 / MM, y, lw, horizontal, (h - y1) / MM, (h - y0) / MM)
                )
        pages.append(page)
    return pages


def font_embedding(pdf: bytes) -> dict[str, bool]:
    """Every font resource of every page (and of nested forms): base name → embedded."""
    reader = PdfReader(io.BytesIO(pdf))
    found: dict[str, bool] = {}

    def visit(resources: object) -> None:
        if resources is None:
            return
        res = resources.get_object()  # type: ignore[attr-defined]
        fonts = res.get("/Font")
        if fonts is not None:
            for ref in fonts.get_object().values():
                font = ref.get_object()
                name = str(font.get("/BaseFont"))
                targets = [font]
                if "/DescendantFonts" in font:
                    targets = [d.get_object() for d in font["/DescendantFonts"]]
                embedded = False
                for t in targets:
                    desc = t.get("/FontDescriptor")
                    if desc is not None:
                        d = desc.get_object()
                        embedded = embedded or any(
                            k in d for k in ("/FontFile", "/FontFile2", "/FontFile3")
                        )
                found[name] = embedded
        xobjects = res.get("/XObject")
        if xobjects is not None:
            for ref in xobjects.get_object().values():
                xo = ref.get_object()
                if "/Resources" in xo:
                    visit(xo["/Resources"])

    for page in reader.pages:
        visit(page.get("/Resources"))
    return found
