from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

import pytest
from reportlab.platypus import Flowable

from app.documents import charts, elements
from app.documents.builder import DocumentBuilder
from app.documents.fonts import FontRole, get_fonts
from app.documents.page import CELL, TEXT_WIDTH, render_pdf
from app.documents.paragraph import CJKParagraph, text_width
from tests.unit.documents.pdfprobe import read_pages


def paragraph_texts(doc: DocumentBuilder) -> list[str]:
    return [f.text for f in doc.flowables if isinstance(f, CJKParagraph)]


def test_heading_numbers_count_and_restart() -> None:
    doc = DocumentBuilder()
    doc.heading(1, "甲")
    doc.heading(2, "子")
    doc.heading(2, "丑")
    doc.heading(3, "细")
    doc.heading(4, "末")
    doc.heading(1, "乙")
    doc.heading(2, "寅")
    doc.heading(3, "卯")
    for _ in range(9):
        doc.heading(1, "续")
    assert paragraph_texts(doc) == [
        "一、甲",
        "（一）子",
        "（二）丑",
        "1.细",
        "（1）末",
        "二、乙",
        "（一）寅",
        "1.卯",
        *[f"{n}、续" for n in ("三", "四", "五", "六", "七", "八", "九", "十", "十一")],
    ]


def test_heading_fonts_by_level() -> None:
    fonts = get_fonts()
    roles = [elements.heading_style(level).role for level in (1, 2, 3, 4)]
    assert roles == [FontRole.HEITI, FontRole.KAITI, FontRole.FANGSONG, FontRole.FANGSONG]
    assert fonts.name(FontRole.HEITI) != fonts.name(FontRole.FANGSONG)


def test_render_to_a_path_is_atomic(tmp_path: Path) -> None:
    doc = DocumentBuilder()
    doc.title("标题")
    doc.body("正文。")
    target = tmp_path / "out" / "通知.pdf"
    data = doc.render(target)
    assert target.read_bytes() == data and data.startswith(b"%PDF")
    assert [p.name for p in target.parent.iterdir()] == ["通知.pdf"]


class Exploding(Flowable):  # type: ignore[misc]
    def wrap(self, w: float, h: float) -> tuple[float, float]:
        return w, 10

    def draw(self) -> None:
        raise RuntimeError("boom")


def test_failed_render_leaves_no_file(tmp_path: Path) -> None:
    target = tmp_path / "x.pdf"
    target.write_bytes(b"old")
    with pytest.raises(RuntimeError, match="boom"):
        render_pdf([*elements.body("正文"), Exploding()], target)
    assert target.read_bytes() == b"old"
    assert [p.name for p in tmp_path.iterdir()] == ["x.pdf"]


def test_a_failed_pdf_write_keeps_the_old_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The PDF goes through the durable writer (app.files): no partial file under the name."""
    target = tmp_path / "x.pdf"
    target.write_bytes(b"old")

    def broken_fsync(fd: int) -> None:
        raise OSError("disk full")

    monkeypatch.setattr(os, "fsync", broken_fsync)
    with pytest.raises(OSError, match="disk full"):
        render_pdf(elements.body("正文。"), target)
    assert target.read_bytes() == b"old"
    assert [p.name for p in tmp_path.iterdir()] == ["x.pdf"]


def test_render_to_a_stream() -> None:
    import io

    buf = io.BytesIO()
    data = render_pdf(elements.body("正文。"), buf)
    assert buf.getvalue() == data


def test_missing_glyph_falls_back_to_another_resolved_font() -> None:
    fonts = get_fonts()
    name = fonts.name(FontRole.FANGSONG)
    assert fonts.font_for(name, "中") == name
    # A character no CJK font has keeps the primary font (drawn as .notdef, never crashes).
    assert fonts.font_for(name, "\U0001f600") == name


def test_signature_with_seal_and_long_date() -> None:
    block = elements.SignatureBlock("巡察办", "2026年11月27日", sealed=True)
    x_org, x_date = block.positions(TEXT_WIDTH)
    date_w = text_width("2026年11月27日", block.style)
    assert x_date + date_w == pytest.approx(TEXT_WIDTH - 4 * CELL)
    org_w = text_width("巡察办", block.style)
    assert x_org + org_w / 2 == pytest.approx(x_date + date_w / 2)
    # Unsealed, a date longer than the name ends two characters in and pushes the name left.
    block = elements.SignatureBlock("巡察办", "2026年11月27日")
    x_org, x_date = block.positions(TEXT_WIDTH)
    assert x_date + date_w == pytest.approx(TEXT_WIDTH - 2 * CELL)
    assert x_org == pytest.approx(x_date - 2 * CELL)


def test_charts_render_with_chinese_labels() -> None:
    data = {"信访问题集中村": 12, "信访举报高发村": 7, "软弱涣散/瘫痪村": 3, "返贫易发村": 0}
    flow = [
        charts.bar_chart(data, title="重点村来源统计"),
        charts.bar_chart(
            {"民生问题": 0, "问题线索": 0, "一般性问题": 0},
            series={"第一批": [3, 1, 2], "第二批": [5, 0, 4]},
            title="分批统计",
        ),
        charts.pie_chart({"立行立改": 5, "直查快办": 2, "对账销号": 9}, title="处置方式"),
    ]
    pages = read_pages(render_pdf(flow))
    text = "".join(p.text() for p in pages)
    for word in ("重点村来源统计", "信访问题集中村", "第二批", "对账销号", "56%"):
        assert word in text
    for drawing in flow:
        assert drawing.width <= 156 / 25.4 * 72 + 0.01


def test_chart_rejects_empty_data() -> None:
    with pytest.raises(ValueError):
        charts.bar_chart({})
    with pytest.raises(ValueError):
        charts.pie_chart({"甲": 0})


def test_imprint_without_cc_and_dates(tmp_path: Path) -> None:
    flow = elements.imprint(None, "某某区委巡察办", dt.date(2026, 7, 1))
    pages = read_pages(render_pdf([*elements.body("正文。"), *flow]))
    texts = ["".join(g.text for g in r) for r in pages[0].rows(14.0)]
    assert "2026年7月1日印发" in texts[0]
    rules = [r for r in pages[0].rules if r.horizontal]
    assert len(rules) == 2
