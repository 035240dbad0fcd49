"""The sample document, read back from the PDF: fonts, 禁则, GB/T 9704 geometry, 版记."""

from __future__ import annotations

import itertools
import shutil
import subprocess
from pathlib import Path

import pytest

from app.documents import elements
from app.documents.linebreak import CLOSING, OPENING
from app.documents.page import render_pdf
from tests.unit.documents.pdfprobe import Glyph, Page, font_embedding, read_pages

TOL = 1.0  # mm
CELL_MM = 156 / 28
LEFT, RIGHT, TOP, BOTTOM = 28.0, 184.0, 37.0, 262.0


SQUEEZABLE = set("，。、；：？！）》」』】〕”’")


INK_TOL = 0.05  # mm: no glyph box reaches past the 版心 (rounding only)


def ink_x1(g: Glyph) -> float:
    """Right edge of the glyph's box (its outline in the font used), in mm."""
    return g.ink[1]


def is_full_width(text: str) -> bool:
    return all(ord(c) > 0x2E80 for c in text)


def segments(page: Page, size: float) -> list[list[Glyph]]:
    """Rows of one size, cut at the vertical rules of tables."""
    out: list[list[Glyph]] = []
    for row in page.rows(size):
        mid = (row[0].top + row[0].bottom) / 2
        cuts = [r.x0 for r in page.rules if not r.horizontal and r.top <= mid <= r.bottom]
        current: list[Glyph] = []
        for g in row:
            if current and any(current[-1].x1 <= c <= g.x0 + 0.01 for c in cuts):
                out.append(current)
                current = []
            current.append(g)
        out.append(current)
    return out


def test_page_count(sample_pages: list[Page]) -> None:
    assert len(sample_pages) >= 4


def test_every_font_is_embedded(sample_pdf: bytes) -> None:
    fonts = font_embedding(sample_pdf)
    assert fonts, "no fonts found"
    assert all(fonts.values()), fonts
    assert not any("STSong" in name or "Helvetica" in name for name in fonts)


@pytest.mark.skipif(shutil.which("pdffonts") is None, reason="poppler-utils not installed")
def test_pdffonts_says_embedded(sample_pdf: bytes, tmp_path: Path) -> None:
    path = tmp_path / "s.pdf"
    path.write_bytes(sample_pdf)
    out = subprocess.run(["pdffonts", str(path)], capture_output=True, text=True, check=True)
    rows = out.stdout.splitlines()[2:]
    assert rows
    for row in rows:
        emb = row.split()[-5]  # columns counted from the end: emb sub uni object ID
        assert emb == "yes", row


def test_no_line_starts_with_closing_or_ends_with_opening(sample_pages: list[Page]) -> None:
    checked = 0
    for page in sample_pages:
        for size in (16.0, 14.0, 12.0):
            for seg in segments(page, size):
                text = "".join(g.text for g in seg)
                if text.startswith("—") and text.endswith("—"):
                    continue  # the page number "— 1 —"
                assert text[0] not in CLOSING, f"page {page.number}: {text}"
                assert text[-1] not in OPENING, f"page {page.number}: {text}"
                checked += 1
    assert checked > 80


def body_rows(page: Page) -> list[list[Glyph]]:
    """16 pt rows that run to the right edge (their last cell ends there)."""
    return [r for r in page.rows(16.0) if r and r[-1].x1 > RIGHT - CELL_MM / 2 - TOL]


def test_text_area_and_margins(sample_pages: list[Page]) -> None:
    for page in sample_pages:
        assert page.width == pytest.approx(210, abs=0.5)
        assert page.height == pytest.approx(297, abs=0.5)
        for g in page.glyphs:
            if g.size > 100:
                continue  # draft mark
            if g.bottom > BOTTOM + 1:
                assert g.size == pytest.approx(14)  # only page numbers below the 版心
                continue
            assert g.ink[0] >= LEFT - INK_TOL and ink_x1(g) <= RIGHT + INK_TOL, (page.number, g)
            assert g.top >= TOP - 0.2, (page.number, g)
        if page.number > 1:
            # The first thing on the page (a text line or a table's top rule) is at 37 mm.
            tops = [g.top for g in page.glyphs if g.size < 100 and g.top < BOTTOM]
            tops += [r.y for r in page.rules if r.horizontal]
            assert min(tops) == pytest.approx(TOP, abs=TOL)
        rows = body_rows(page)
        assert rows, page.number
        lefts = {round(r[0].x0, 1) for r in rows}
        for left in lefts:
            # Wrapped lines start flush left; first lines of paragraphs two characters in.
            assert left == pytest.approx(LEFT, abs=TOL) or left == pytest.approx(
                LEFT + 2 * CELL_MM, abs=TOL
            ), (page.number, left)
        assert min(lefts) == pytest.approx(LEFT, abs=TOL)
        for r in rows:
            assert ink_x1(r[-1]) <= RIGHT + INK_TOL
            assert r[-1].x1 == pytest.approx(RIGHT, abs=TOL) or r[-1].text in SQUEEZABLE


def test_body_lines_hold_28_characters(sample_pages: list[Page]) -> None:
    """Full lines of Chinese text hold 28 characters; 27 or 29 only where the 禁则 acted."""
    counts: list[int] = []
    for page in sample_pages:
        rows = page.rows(16.0)
        for n, row in enumerate(rows):
            text = "".join(g.text for g in row)
            if row not in body_rows(page) or not is_full_width(text) or row[0].x0 > LEFT + TOL:
                continue
            pairs = sum(
                1 for a, b in itertools.pairwise(text) if a in SQUEEZABLE and b in CLOSING | OPENING
            )
            nxt = "".join(g.text for g in rows[n + 1]) if n + 1 < len(rows) else ""
            if len(row) == 29:
                assert text[-1] in CLOSING or pairs >= 2, text  # closing mark pulled up
            elif len(row) == 27:
                assert nxt[:2][-1:] in CLOSING or text[-1:] in OPENING or nxt[:1] in OPENING, text
            else:
                assert len(row) == 28 or (len(row) == 29 and pairs >= 2), (page.number, text)
            counts.append(len(row))
    assert len(counts) >= 15
    assert counts.count(28) >= len(counts) / 2


def test_line_pitch_is_225_over_22(sample_pages: list[Page]) -> None:
    page = sample_pages[1]
    tops = sorted({round(r[0].top, 2) for r in page.rows(16.0)})
    steps = [b - a for a, b in itertools.pairwise(tops)]
    pitch = 225 / 22
    assert steps and all(abs(s / pitch - round(s / pitch)) < 0.02 for s in steps)
    assert min(steps) == pytest.approx(pitch, abs=0.05)


def test_page_numbers(sample_pages: list[Page]) -> None:
    for page in sample_pages:
        glyphs = sorted(
            (g for g in page.glyphs if g.top > BOTTOM and g.size < 100), key=lambda g: g.x0
        )
        text = "".join(g.text for g in glyphs).replace(" ", "")
        assert text == f"—{page.number}—"
        assert all(g.size == pytest.approx(14) for g in glyphs)  # 4号
        assert glyphs[0].top == pytest.approx(BOTTOM + 7, abs=TOL)
        one_char = 14 / 72 * 25.4
        if page.number % 2:
            assert glyphs[-1].x1 == pytest.approx(RIGHT - one_char, abs=TOL)
        else:
            assert glyphs[0].x0 == pytest.approx(LEFT + one_char, abs=TOL)


def test_first_page_header_title_and_addressee(sample_pages: list[Page]) -> None:
    page = sample_pages[0]
    big = [g for g in page.glyphs if g.size > 30]
    assert "".join(g.text for g in big) == "某某区委巡察办文件"
    assert min(g.top for g in big) == pytest.approx(TOP + 35, abs=TOL)
    centre = (LEFT + RIGHT) / 2
    assert (min(g.x0 for g in big) + max(g.x1 for g in big)) / 2 == pytest.approx(centre, abs=TOL)
    number = next(r for r in page.rows(16.0) if "〔" in "".join(g.text for g in r))
    assert "".join(g.text for g in number) == "区巡办〔2026〕7号"
    assert (number[0].x0 + number[-1].x1) / 2 == pytest.approx(centre, abs=TOL)
    red = [r for r in page.rules if r.horizontal and r.y < 150]
    assert red and red[0].x0 == pytest.approx(LEFT, abs=0.2)
    assert red[0].x1 == pytest.approx(RIGHT, abs=0.2)
    assert red[0].y - number[0].bottom == pytest.approx(4, abs=TOL)
    titles = page.rows(22.0)
    assert ["".join(g.text for g in r) for r in titles] == [
        "关于某某村巡察发现问题",
        "立行立改的通知",
    ]
    for r in titles:
        assert (r[0].x0 + r[-1].x1) / 2 == pytest.approx(centre, abs=TOL)
    to = next(r for r in page.rows(16.0) if "区水利局" in "".join(g.text for g in r))
    assert to[0].x0 == pytest.approx(LEFT, abs=0.2)
    assert to[-1].text == "："


def test_imprint_at_the_foot_of_the_last_page(sample_pages: list[Page]) -> None:
    last = sample_pages[-1]
    rules = sorted((r for r in last.rules if r.horizontal and r.x1 - r.x0 > 150), key=lambda r: r.y)
    assert len(rules) == 3
    assert rules[-1].y == pytest.approx(BOTTOM, abs=0.4)
    for r in rules:
        assert r.x0 == pytest.approx(LEFT, abs=0.2) and r.x1 == pytest.approx(RIGHT, abs=0.2)
    assert [round(r.width, 2) for r in rules] == [0.35, 0.25, 0.35]
    rows = last.rows(14.0)
    texts = ["".join(g.text for g in r) for r in rows if r[0].top < BOTTOM]
    assert texts[0].startswith("抄送：") and texts[-2].endswith("。")
    cc_first, cc_wrapped = rows[0], rows[1]
    one_char = 14 / 72 * 25.4
    assert cc_first[0].x0 == pytest.approx(LEFT + one_char, abs=0.3)
    # Wrapped lines align after "抄送：" (three 4号 characters).
    assert cc_wrapped[0].x0 == pytest.approx(LEFT + 4 * one_char, abs=0.3)
    issue = rows[-2]
    text = "".join(g.text for g in issue)
    assert text.startswith("中共某某区委巡察工作领导小组办公室")
    assert text.endswith("2026年11月27日印发")
    assert issue[0].x0 == pytest.approx(LEFT + one_char, abs=0.3)
    assert issue[-1].x1 == pytest.approx(RIGHT - one_char, abs=0.3)
    for page in sample_pages[:-1]:
        assert not [r for r in page.rules if r.horizontal and abs(r.y - BOTTOM) < 0.5]


def test_signature_block_and_attachments(sample_pages: list[Page]) -> None:
    last = sample_pages[-1]
    rows = {"".join(g.text for g in r): r for r in last.rows(16.0)}
    org = rows["中共某某区委巡察工作领导小组办公室"]
    date = rows["2026年11月27日"]
    assert org[-1].x1 == pytest.approx(RIGHT - 2 * CELL_MM, abs=TOL)
    assert date[0].x0 == pytest.approx(org[0].x0 + 2 * CELL_MM, abs=TOL)
    att = rows["附件：1.某某村巡察发现问题清单"]
    assert att[0].x0 == pytest.approx(LEFT + 2 * CELL_MM, abs=TOL)
    second = rows["2.立行立改回执"]
    assert second[0].x0 == pytest.approx(att[3].x0, abs=0.3)


def test_chart_and_table_text_is_real_text(sample_pdf: bytes, sample_pages: list[Page]) -> None:
    text = "".join(p.text() for p in sample_pages)
    for word in ("民生问题", "问题线索", "一般性问题", "立行立改", "责任单位", "区交通运输局"):
        assert word in text


def render(flowables: list, **kw: object) -> list[Page]:
    return read_pages(render_pdf(flowables, **kw))  # type: ignore[arg-type]


def test_closing_punctuation_is_pulled_up_or_pushes_a_character_down() -> None:
    # First lines hold 26 characters (two cells of indent).
    pull = "甲" * 10 + "，" + "乙" * 15 + "。" + "丙" * 5
    push = "甲" * 26 + "。" + "丙" * 5
    opening = "甲" * 25 + "“丙丙”" + "丁" * 30
    pages = render([*elements.body(pull), *elements.body(push), *elements.body(opening)])
    rows = ["".join(g.text for g in r) for r in pages[0].rows(16.0)]
    assert rows[0] == "甲" * 10 + "，" + "乙" * 15 + "。"  # pulled up: 27 characters
    assert rows[2] == "甲" * 25  # pushed down: the last character goes with the mark
    assert rows[3].startswith("甲。")
    assert rows[4] == "甲" * 25  # an opening quote never ends a line
    assert rows[5].startswith("“丙丙”")
    full = [r for r in pages[0].rows(16.0) if len(r) >= 25]
    for r in full:
        assert ink_x1(r[-1]) <= RIGHT + INK_TOL
        assert r[-1].x1 == pytest.approx(RIGHT, abs=TOL) or r[-1].text in SQUEEZABLE


def test_draft_mark_only_when_asked() -> None:
    plain = render(elements.body("正文。"))
    draft = render(elements.body("正文。"), draft=True)
    assert "草稿" not in plain[0].text()
    assert {"草", "稿"} <= {g.text for g in draft[0].glyphs if g.size > 100}


def test_landscape_pages_for_wide_tables() -> None:
    from app.documents.tables import table

    rows = [["序号", "问题", "整改要求", "责任单位", "时限", "进展", "销号"]]
    rows += [
        [str(i), "问题描述" * 6, "整改要求" * 5, "区水利局", "2026年12月31日", "推进中", ""]
        for i in range(1, 30)
    ]
    pages = render([table(rows, landscape=True)], landscape=True)
    assert len(pages) >= 2
    for page in pages:
        assert page.width == pytest.approx(297, abs=0.5)
        assert page.height == pytest.approx(210, abs=0.5)
        inside = [g for g in page.glyphs if g.size < 13]
        assert min(g.ink[0] for g in inside) >= 37 - INK_TOL
        assert max(g.ink[1] for g in inside) <= 37 + 225 + INK_TOL
        assert min(g.top for g in inside) >= 28 - 0.2
        # The header row repeats on every page.
        assert "责任单位" in page.text()


def test_mixed_portrait_and_landscape() -> None:
    from app.documents.page import begin_landscape, end_landscape
    from app.documents.tables import table

    flow = [
        *elements.body("竖版正文。"),
        *begin_landscape(),
        table([["甲", "乙"], ["1", "2"]], landscape=True),
        *end_landscape(),
        *elements.body("又回到竖版。"),
    ]
    pages = render(flow)
    assert [p.width > p.height for p in pages] == [False, True, False]


def test_compressed_punctuation_keeps_its_space_and_stays_inside() -> None:
    """Marks are compressed by their glyph's real bounds in the font used: a full stop never joins
    the next sentence ("共6页 。移交") and a mark pulled up to the end of a line stays inside."""
    from tests.unit.documents.gb_checks import check_punctuation_spacing

    pulled = "甲" * 5 + "。" + "乙" * 20 + "。" + "丙" * 8  # the line needs one cell of squeeze
    pair = "共6页。”移交材料" + "乙" * 17 + "，“" + "丙" * 6
    both = "请于2026年12月20日前报区委巡察办（联系人：张某，电话：0000-12345678）。" * 3
    pages = render([*elements.body(pulled), *elements.body(pair), *elements.body(both)])
    rows = ["".join(g.text for g in r) for r in pages[0].rows(16.0)]
    assert rows[0] == "甲" * 5 + "。" + "乙" * 20 + "。"
    assert check_punctuation_spacing(pages) >= 10
    for g in pages[0].glyphs:
        if g.bottom < BOTTOM:
            assert g.ink[0] >= LEFT - INK_TOL and g.ink[1] <= RIGHT + INK_TOL, g
    # the compressed full stop sits against the character before it
    row = pages[0].rows(16.0)[0]
    stop, before, after = row[5], row[4], row[6]
    assert stop.ink[0] - before.ink[1] < after.ink[0] - stop.ink[1]
