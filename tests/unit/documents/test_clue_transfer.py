"""问题线索移交: letter and register read back from the PDF; informants' names only when a user
with the right includes them explicitly; every print audited."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from sqlmodel import select

from app.domain.followup import TransitionRefused
from app.domain.vocabulary import Role
from app.services.followup.numbering import number_pending
from app.services.followup.papers import transfer_pdf
from app.storage.models import AuditEvent
from app.storage.workspace import Workspace
from tests.conftest import LEADER, PASSWORD
from tests.unit.documents.gb_checks import (
    check_fonts_embedded,
    check_imprint,
    check_portrait_page,
    text_of,
)
from tests.unit.documents.pdfprobe import Page, read_pages
from tests.unit.documents.test_page import LEFT, TOL, TOP
from tests.unit.services.followup.followup_seed import INFORMANT, Seeded, seed


@dataclass
class Transfers:
    ws: Workspace
    ids: Seeded
    pdf: bytes
    pages: list[Page]


@pytest.fixture(scope="module")
def transfers(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Transfers]:
    ws = Workspace.create(
        tmp_path_factory.mktemp("transfer") / "ws",
        team_name="淮阳区委第一巡察组",
        leader=LEADER,
        password=PASSWORD,
    )
    try:
        ids = seed(ws)
        number_pending(ws)
        pdf = transfer_pdf(ws, ids.clues[0])
        yield Transfers(ws, ids, pdf, read_pages(pdf))
    finally:
        ws.close()


def test_letter_and_register_hold_every_item(transfers: Transfers) -> None:
    text = text_of(transfers.pages)
    number = re.search(r"淮巡立改〔2026〕(\d+)号", text)
    assert number is not None
    for part in (
        "秘密",
        "紧急",
        "关于移交问题线索的函",
        "区纪委监委：",
        "2027年2月20日前将处置情况书面反馈",
        "问题线索移交登记表",
        "编号",
        "线索来源",
        "意见箱",
        "被反映人",
        "钱有福",
        "单位及职务",
        "王庄村村委会村委会主任",
        "问题摘要",
        "附件材料",
        "共4页",
        "移交单位",
        "中共淮阳区委第一巡察组",
        "接收单位",
        "移交日期",
        "2026年11月20日",
        "反馈期限",
        "经办人（签字）",
        "接收人（签字）",
        "密级",
    ):
        assert part in text, part
    # 密级 at the top left of the first line of the 版心
    first = transfers.pages[0].rows(16.0)[0]
    assert "".join(g.text for g in first) == "秘密"
    assert first[0].x0 == pytest.approx(LEFT, abs=TOL) and first[0].top == pytest.approx(
        TOP, abs=TOL
    )
    big = [g for g in transfers.pages[0].glyphs if g.size > 30]
    assert min(g.top for g in big) == pytest.approx(TOP + 35, abs=TOL)


def test_no_informant_name_unless_explicitly_included(transfers: Transfers) -> None:
    assert INFORMANT not in text_of(transfers.pages)
    with_names = read_pages(
        transfer_pdf(transfers.ws, transfers.ids.clues[0], include_protected=True)
    )
    assert f"反映人：{INFORMANT}" in text_of(with_names)


def test_a_member_may_not_include_names(
    transfers: Transfers, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(transfers.ws, "role", Role.MEMBER)
    with pytest.raises(TransitionRefused, match="无权"):
        transfer_pdf(transfers.ws, transfers.ids.clues[0], include_protected=True)
    assert INFORMANT not in text_of(read_pages(transfer_pdf(transfers.ws, transfers.ids.clues[0])))


def test_every_print_is_audited(transfers: Transfers) -> None:
    with transfers.ws.session() as s:
        events = s.exec(select(AuditEvent).where(AuditEvent.action == "print_clue_transfer")).all()
    assert events and all(e.record_id == transfers.ids.clues[0] for e in events)
    assert any("含反映人姓名" in e.note for e in events)
    assert all(INFORMANT not in e.note for e in events)


def test_geometry_and_fonts(transfers: Transfers, tmp_path: Path) -> None:
    for page in transfers.pages:
        check_portrait_page(page)
    check_imprint(transfers.pages[-1])
    check_fonts_embedded(transfers.pdf, tmp_path)
