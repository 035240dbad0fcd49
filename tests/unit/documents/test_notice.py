"""立行立改通知书 read back from the PDF: number, contents, the full 回执 as the notice's 附件, the
版记 on the notice's last page, the addressee by its real name, GB/T 9704 geometry, fonts, and no
protected name (one is planted in a problem)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, replace
from pathlib import Path

import pytest
from sqlmodel import select

from app.documents.notice import render_notice
from app.domain.followup import TransitionRefused
from app.services.followup.numbering import number_pending
from app.services.followup.papers import notice_doc, notice_pdf
from app.storage.models import AuditEvent, Problem, RectificationNotice
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
from tests.unit.documents.test_page import BOTTOM, LEFT, RIGHT, TOL, TOP
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
    receipt = text_of(notices.pages[0][-1:])
    for part in (
        "整改措施",
        "整改结果",
        "完成时间",
        "单位负责人（签字）",
        "联系电话",
        "（单位盖章）",
        "签收人",
        "签收日期",
        "区水利局",
    ):
        assert part in receipt, part


def test_the_receipt_is_an_attachment_and_the_imprint_closes_the_notice(notices: Notices) -> None:
    for pages in notices.pages:
        receipt, last = pages[-1], pages[-2]
        # the 版记 on the notice's own last page, none on the 回执 (it is torn off and returned)
        check_imprint(last)
        assert "印发" not in receipt.text() and "抄送" not in receipt.text()
        assert not [r for r in receipt.rules if r.horizontal and abs(r.y - BOTTOM) < 1]
        # "附件" (3号黑体) on the first line, the 回执 title (2号) centred on the third
        label = receipt.rows(16.0)[0]
        assert "".join(g.text for g in label) == "附件"
        assert label[0].x0 == pytest.approx(LEFT, abs=TOL)
        assert label[0].top == pytest.approx(TOP, abs=TOL)
        title = receipt.rows(22.0)[0]
        assert "".join(g.text for g in title) == "立行立改通知书回执"
        assert title[0].top == pytest.approx(TOP + 2 * 225 / 22, abs=TOL)
        assert (title[0].x0 + title[-1].x1) / 2 == pytest.approx((LEFT + RIGHT) / 2, abs=TOL)


def test_the_addressee_is_named_from_the_registry(notices: Notices) -> None:
    ws, nid = notices.ws, notices.ids.notices[1]
    with ws.session() as s:
        n = s.get_one(RectificationNotice, nid)
        n.responsible_unit = "乡镇人民政府"
        s.add(n)
        s.commit()
    text = text_of(read_pages(notice_pdf(ws, nid)))
    assert "城关镇人民政府：" in text and "乡镇人民政府" not in text
    with ws.session() as s:
        n = s.get_one(RectificationNotice, nid)
        n.responsible_unit = " "
        s.add(n)
        s.commit()
    with pytest.raises(TransitionRefused, match="没有责任单位"):
        notice_pdf(ws, nid)


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
