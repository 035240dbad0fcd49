"""GB/T 9704 checks shared by the follow-up papers' tests (read back from the PDF)."""

from __future__ import annotations

import itertools
import re
import subprocess
from pathlib import Path

import pytest

from tests.unit.documents.pdfprobe import Page, font_embedding
from tests.unit.documents.test_page import (
    BOTTOM,
    CELL_MM,
    INK_TOL,
    LEFT,
    RIGHT,
    TOL,
    TOP,
    ink_x1,
    is_full_width,
)

# landscape 版心: 225 × 156 mm, binding margin at the top (28 mm), left 37 mm
L_LEFT, L_RIGHT, L_TOP, L_BOTTOM = 37.0, 262.0, 28.0, 184.0

NUMBER = re.compile(r"[^\s〔]+〔\d{4}〕\d+号")
ONE_CHAR_4 = 14 / 72 * 25.4  # one 4号 character, mm


def text_of(pages: list[Page]) -> str:
    return "".join(g.text for p in pages for g in p.glyphs)


def check_portrait_page(page: Page) -> None:
    """A4, nothing outside the 版心 but the page number, first line at 37 mm."""
    assert page.width == pytest.approx(210, abs=0.5) and page.height == pytest.approx(297, abs=0.5)
    numbers = []
    for g in page.glyphs:
        if g.size > 100:
            continue  # draft mark
        if g.bottom > BOTTOM + 1:
            numbers.append(g)
            continue
        # No glyph's box reaches past the 版心 (184 mm from the left edge).
        assert g.ink[0] >= LEFT - INK_TOL and ink_x1(g) <= RIGHT + INK_TOL, (page.number, g)
        assert g.top >= TOP - 0.2, (page.number, g)
    check_page_number(page.number, numbers)
    tops = [g.top for g in page.glyphs if g.size < 100 and g.top < BOTTOM]
    tops += [r.y for r in page.rules if r.horizontal]
    assert min(tops) >= TOP - TOL


def check_page_number(
    n: int, glyphs: list, *, left: float = LEFT, right: float = RIGHT, bottom: float = BOTTOM
) -> None:
    """ "— n —" in 4号, 7 mm below the 版心; odd pages right, even pages left (one char in)."""
    glyphs = sorted(glyphs, key=lambda g: g.x0)
    assert "".join(g.text for g in glyphs).replace(" ", "") == f"—{n}—"
    assert all(g.size == pytest.approx(14) for g in glyphs)
    assert glyphs[0].top == pytest.approx(bottom + 7, abs=TOL)
    if n % 2:
        assert glyphs[-1].x1 == pytest.approx(right - ONE_CHAR_4, abs=TOL)
    else:
        assert glyphs[0].x0 == pytest.approx(left + ONE_CHAR_4, abs=TOL)


def full_body_rows(pages: list[Page]) -> list[list]:
    """16 pt rows of full-width text that fill the line (not the last line of a paragraph)."""
    out = []
    for page in pages:
        for row in page.rows(16.0):
            text = "".join(g.text for g in row)
            if not is_full_width(text):
                continue
            if row[-1].x1 < RIGHT - CELL_MM / 2 - TOL:
                continue
            out.append(row)
    return out


def check_28_per_line(pages: list[Page], minimum: int = 3) -> None:
    rows = full_body_rows(pages)
    assert len(rows) >= minimum
    for row in rows:
        first = row[0].x0
        assert first == pytest.approx(LEFT, abs=TOL) or first == pytest.approx(
            LEFT + 2 * CELL_MM, abs=TOL
        )
        cells = len(row) + (2 if first > LEFT + TOL else 0)
        assert cells in (27, 28, 29), "".join(g.text for g in row)
        assert ink_x1(row[-1]) <= RIGHT + INK_TOL
        assert row[-1].x1 == pytest.approx(RIGHT, abs=CELL_MM / 2 + TOL)
    counts = [len(r) + (2 if r[0].x0 > LEFT + TOL else 0) for r in rows]
    assert counts.count(28) >= len(counts) / 2


def check_fonts_embedded(pdf: bytes, tmp_path: Path) -> None:
    fonts = font_embedding(pdf)
    assert fonts and all(fonts.values()), fonts
    path = tmp_path / "f.pdf"
    path.write_bytes(pdf)
    out = subprocess.run(["pdffonts", str(path)], capture_output=True, text=True, check=True)
    lines = out.stdout.splitlines()[2:]
    assert lines and all(line.split()[-5] == "yes" for line in lines), out.stdout


def check_imprint(page: Page) -> None:
    rules = sorted((r for r in page.rules if r.horizontal and r.x1 - r.x0 > 150), key=lambda r: r.y)
    assert len(rules) >= 2
    assert rules[-1].y == pytest.approx(BOTTOM, abs=0.4)
    texts = ["".join(g.text for g in r) for r in page.rows(14.0) if r[0].top < BOTTOM]
    assert any(t.startswith("抄送：") and t.endswith("。") for t in texts)
    assert texts[-1].endswith("印发")


def check_landscape_page(page: Page, *, page_numbers: bool = True) -> None:
    """A4 landscape, every glyph's box inside the landscape 版心, page number below it."""
    assert page.width == pytest.approx(297, abs=0.5) and page.height == pytest.approx(210, abs=0.5)
    numbers = []
    for g in page.glyphs:
        if g.size > 100:
            continue
        if g.bottom > L_BOTTOM + 1:
            numbers.append(g)
            continue
        assert g.ink[0] >= L_LEFT - INK_TOL and g.ink[1] <= L_RIGHT + INK_TOL, (page.number, g)
        assert g.top >= L_TOP - 0.2, (page.number, g)
    if page_numbers:
        check_page_number(page.number, numbers, left=L_LEFT, right=L_RIGHT, bottom=L_BOTTOM)


COMPRESSIBLE = set("，。、；：？！）》」』】〕”’")
MIN_GAP_EM = 0.08


def check_punctuation_spacing(pages: list[Page]) -> int:
    """A punctuation mark never runs into the character after it on the same line: its glyph
    box ends at least 0.08 em before the next glyph box starts. Returns the pairs checked."""
    checked = 0
    for page in pages:
        for size in {round(g.size, 1) for g in page.glyphs if g.size < 100}:
            for row in page.rows(size):
                for a, b in itertools.pairwise(row):
                    if a.text not in COMPRESSIBLE or b.x0 - a.x1 > 2 * a.size / 72 * 25.4:
                        continue
                    gap = b.ink[0] - a.ink[1]
                    assert gap >= MIN_GAP_EM * a.size / 72 * 25.4, (page.number, a.text + b.text)
                    checked += 1
    return checked
