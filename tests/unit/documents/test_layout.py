"""Pagination a secretary would not send: a lone signature, a gap left by a chart, heading levels
out of order, table headers broken inside a word. Each is checked on the PDF read back."""

from __future__ import annotations

import datetime as dt
import re

from app.documents.builder import DocumentBuilder
from app.documents.tables import table
from app.documents.village_report import ProblemLine, TrackState, VillageReportData
from tests.unit.documents.pdfprobe import Page, read_pages
from tests.unit.documents.test_page import BOTTOM, LEFT, RIGHT

WORD_BREAK = "\u200b"  # where a header may break (app.documents.paragraph.WORD_BREAK)
PITCH_MM = 225 / 22
LINE = "巡察组坚持昼巡夜结工作机制，当天梳理分类、分析研判，明确处置方式和整改类型。" * 2


def _body_lines(page: Page) -> list[str]:
    return ["".join(g.text for g in r) for r in page.rows(16.0) if r[0].bottom < BOTTOM]


def test_the_signature_never_stands_alone_on_a_page() -> None:
    for extra in range(0, 5):
        doc = DocumentBuilder()
        doc.title("关于某某问题的通知")
        doc.addressee("区水利局")
        for _ in range(4):
            doc.body(LINE)
        doc.body("甲" * (26 + 28 * extra))
        doc.signature("中共淮阳区委第一巡察组", dt.date(2026, 12, 16))
        pages = read_pages(doc.render())
        last = _body_lines(pages[-1])
        body = [t for t in last if t not in ("中共淮阳区委第一巡察组", "2026年12月16日")]
        assert "2026年12月16日" in last
        # the last page also holds at least two lines of the text
        assert len(body) >= 2 or len(pages) == 1, (extra, last)


def test_a_chart_that_does_not_fit_leaves_no_gap() -> None:
    doc = DocumentBuilder()
    doc.title("巡察情况报告")
    for _ in range(6):
        doc.body(LINE)
    doc.bar_chart({"立行立改": 7, "直查快办": 2, "对账销号": 4}, title="问题按处置方式统计（个）")
    for _ in range(6):
        doc.body(LINE)
    doc.heading(1, "整改落实情况")
    doc.body(LINE)
    pages = read_pages(doc.render())
    first = pages[0]
    lowest = max(g.bottom for g in first.glyphs if g.bottom < BOTTOM and g.size < 20)
    assert lowest > BOTTOM - 2 * PITCH_MM, f"page 1 ends at {lowest:.0f} mm"
    # the chart is still there, before the next heading
    text = "".join(p.text() for p in pages)
    assert text.index("问题按处置方式统计") < text.index("整改落实情况")


_CN = "一二三四五六七八九十"
HEADING = re.compile(rf"^(?:([{_CN}]+)、|（([{_CN}]+)）|(\d+)\.|（(\d+)）)")


def heading_levels(pages: list[Page]) -> list[int]:
    levels: list[int] = []
    for page in pages:
        for row in page.rows(16.0):
            if row[0].bottom > BOTTOM or row[0].x0 > LEFT + 2 * 156 / 28 + 1:
                continue
            m = HEADING.match("".join(g.text for g in row))
            if m:
                levels.append(next(i for i, g in enumerate(m.groups(), start=1) if g))
    return levels


def check_heading_order(levels: list[int]) -> None:
    """Within a 一、 section, items numbered 1. directly under it are never followed by a （一）;
    and a level never appears without its parent level above it in the section."""
    flat = False
    seen: set[int] = set()
    for level in levels:
        if level == 1:
            flat, seen = False, {1}
            continue
        if level == 3 and 2 not in seen:
            flat = True
        if level == 2:
            assert not flat, levels
        assert level - 1 in seen or (level == 3 and flat), levels
        seen.add(level)


def test_heading_levels_in_the_village_report_are_in_order() -> None:
    from app.documents.village_report import render_village_report

    d = VillageReportData(
        team="淮阳区委第一巡察组",
        issuing_body="中共淮阳区委第一巡察组",
        township="城关镇",
        village="王庄村",
        tier_label="差",
        style_label="重点巡察",
        entered_on=dt.date(2026, 11, 16),
        as_of=dt.date(2026, 12, 16),
        visits_by_method=[("开门迎访", 2), ("普遍走访", 5)],
        visits=7,
        entries=3,
        interviews=2,
        by_category=[("民生问题", 2)],
        by_track=[("立行立改", 2)],
        problems=[ProblemLine("村口道路破损", "民生问题", "立行立改", "区交通运输局", "已下发")],
        states=[TrackState("立行立改通知书", 1, 0, 1, 0)],
        recommendations=["督促责任单位按期反馈", "跟踪问题线索处置", "对账销号", "建立长效机制"],
        concentration=["该村为“差”类村", "移交问题线索3件"],
    )
    pages = read_pages(render_village_report(d))
    levels = heading_levels(pages)
    assert levels.count(1) == 4 and 3 in levels
    check_heading_order(levels)
    assert "5.建议对该村（社区）开展集中整治" in "".join(p.text() for p in pages)


def cell_lines(page: Page, size: float) -> list[list[str]]:
    """Text lines of each table cell (glyphs grouped by the vertical rules and by baseline)."""
    cuts = sorted({round(r.x0, 1) for r in page.rules if not r.horizontal})
    cells: dict[tuple[int, float], list[str]] = {}
    for row in page.rows(size):
        for g in row:
            col = sum(1 for c in cuts if c <= g.x0)
            cells.setdefault((col, round(g.bottom, 1)), []).append(g.text)
    by_col: dict[int, list[tuple[float, str]]] = {}
    for (col, y), chars in cells.items():
        by_col.setdefault(col, []).append((y, "".join(chars)))
    return [[t for _, t in sorted(v)] for _, v in sorted(by_col.items())]


def test_table_header_cells_break_only_between_words() -> None:
    header = [
        f"意见箱{WORD_BREAK}信件",
        f"立行立改{WORD_BREAK}通知书",
        "经办人（签字）",
        "乡镇（街道）",
        "序号",
    ]
    rows = [header, ["1", "2", "3", "4", "5"]]
    grid = table(rows, col_widths=[1, 1, 1, 1, 0.3], size=12, width=95 * 72 / 25.4)
    doc = DocumentBuilder()
    doc.add([grid])
    pages = read_pages(doc.render())
    lines = [line for cell in cell_lines(pages[0], 12.0) for line in cell]
    for bad in ("意见箱信", "立行立改通知", "经办人（签", "签字）", "乡镇（街"):
        assert bad not in lines, lines
    for word in ("意见箱", "信件", "立行立改", "通知书", "经办人", "（签字）", "乡镇", "（街道）"):
        assert any(word in line for line in lines), (word, lines)
    for g in pages[0].glyphs:
        assert g.ink[1] <= RIGHT + 0.05


def test_a_closing_group_without_text_never_starts_with_a_space_that_does_not_fit() -> None:
    """A landscape page is lower than a portrait one: the 集中整治 progress report (a long table,
    then the signature) failed to lay out when the closing group came near a page's foot."""
    from reportlab.platypus import Spacer

    from app.documents.elements import KeepTail

    group = KeepTail(None, [Spacer(1, 40), Spacer(1, 500)])
    assert group.split(400, 20) == []  # nothing fits here: all of it to the next page
    parts = group.split(400, 300)
    assert parts and parts[0].wrap(400, 300)[1] <= 300
