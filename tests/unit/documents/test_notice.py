"""立行立改通知书 read back from the PDF: number, contents, 回执, GB/T 9704 geometry, fonts, and
no protected name (one is planted in a problem)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, replace
from pathlib import Path

import pytest
from sqlmodel import select

from app.documents.notice import render_notice
from app.services.followup.numbering import number_pending
from app.services.followup.papers import notice_doc, notice_pdf
from app.storage.models import AuditEvent, Problem
from app.storage.workspace import Workspace
from tests.conftest import LEADER, PASSWORD
from tests.unit.documents.gb_checks import (
    NUMBER,
    check_28_per_line,
    check_fonts_embedded,
    check_imprint,
    check_portrait_page,
    text_of,
)
from tests.unit.documents.pdfprobe import Page, read_pages
from tests.unit.documents.test_page import LEFT, RIGHT, TOL, TOP
from tests.unit.services.followup.followup_seed import INFORMANT, Seeded, seed


@dataclass
class Notices:
    ws: Workspace
    ids: Seeded
    pdfs: list[bytes]
    pages: list[list[Page]]


@pytest.fixture(scope="module")
def notices(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Notices]:
    ws = Workspace.create(
        tmp_path_factory.mktemp("notice") / "ws",
        team_name="淮阳区委第一巡察组",
        leader=LEADER,
        password=PASSWORD,
    )
    try:
        ids = seed(ws)
        number_pending(ws)
        pdfs = [notice_pdf(ws, n) for n in ids.notices]
        yield Notices(ws, ids, pdfs, [read_pages(p) for p in pdfs])
    finally:
        ws.close()


def test_numbers_match_the_form_and_are_unique(notices: Notices) -> None:
    found = []
    for pages in notices.pages:
        first = pages[0]
        rows = ["".join(g.text for g in r) for r in first.rows(16.0)]
        number = next(r for r in rows if "〔" in r)
        assert re.fullmatch(r"淮巡立改〔\d{4}〕\d+号", number)
        found.append(number)
        # the same number on the 回执
        assert text_of(pages).count(number) == 2
    assert len(set(found)) == len(found) == 4


def test_the_notice_holds_what_the_unit_needs(notices: Notices) -> None:
    text = text_of(notices.pages[0])
    for part in (
        "中共淮阳区委第一巡察组",  # 发文机关标志 and issuing body
        "立行立改通知书",
        "区水利局：",
        "淮阳区委第一巡察组于",
        "进驻城关镇王庄村",
        "一、发现的问题",
        "王庄村自来水停水三天",
        "二、整改要求",
        "立即抢修，恢复供水",
        "2026年11月27日前整改到位",
        "三、反馈要求",
        "2026年11月30日前将整改情况书面反馈",
        "联系人：赵文静",
        "0394-4321234",
        "附件：立行立改通知书回执",
        "2026年11月20日",
        "立行立改通知书回执",
        "签收人",
        "签收日期",
        "抄送：中共城关镇委员会，区委巡察办。",
        "印发",
    ):
        assert part in text, part


def test_no_protected_name_on_any_notice(notices: Notices) -> None:
    with notices.ws.session() as s:
        planted = s.exec(select(Problem).where(Problem.notice_id == notices.ids.notices[0])).all()
    assert any(INFORMANT in p.description for p in planted)  # the name is in the data
    for pages in notices.pages:
        assert INFORMANT not in text_of(pages)
    assert "某某反映" in text_of(notices.pages[0])


def test_gb_t_9704_geometry_and_page_numbers(notices: Notices) -> None:
    for pages in notices.pages:
        for page in pages:
            check_portrait_page(page)
        check_imprint(pages[-1])
        first = pages[0]
        big = [g for g in first.glyphs if g.size > 30]
        assert min(g.top for g in big) == pytest.approx(TOP + 35, abs=TOL)
        red = [r for r in first.rules if r.horizontal and r.y < 150]
        assert red[0].x0 == pytest.approx(LEFT, abs=0.2) and red[0].x1 == pytest.approx(
            RIGHT, abs=0.2
        )
    check_28_per_line([p for pages in notices.pages for p in pages])


def test_fonts_embedded(notices: Notices, tmp_path: Path) -> None:
    check_fonts_embedded(notices.pdfs[0], tmp_path)


def test_printing_is_audited_and_an_unnumbered_notice_is_a_draft(notices: Notices) -> None:
    with notices.ws.session() as s:
        events = s.exec(select(AuditEvent).where(AuditEvent.action == "print_notice")).all()
    assert {e.record_id for e in events} == set(notices.ids.notices)
    d = notice_doc(notices.ws, notices.ids.notices[0])
    draft = read_pages(render_notice(replace(d, doc_number="")))
    assert any(g.size > 100 for g in draft[0].glyphs)  # 草稿
    assert not NUMBER.search(text_of(draft)) and "待编号" in text_of(draft)
