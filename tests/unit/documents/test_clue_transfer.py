"""问题线索移交: letter and register read back from the PDF; 份号 and 保密期限 on every copy, each
copy its own 份号 recorded with its recipient; the addressee by its configured name (no name, no
paper); unit and post written once; informants' names only when a user with the right includes
them explicitly; every print audited."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from sqlmodel import col, select

from app.domain.followup import TransitionRefused
from app.domain.vocabulary import ReceivingBody, Role
from app.services.followup.numbering import number_pending
from app.services.followup.papers import transfer_pdf, write_transfer
from app.services.settings import load_settings, save_settings
from app.storage.models import AuditEvent, ClueTransfer, PaperCopy
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
    number = re.search(r"淮巡移〔2026〕(\d+)号", text)  # the transfers' own series
    assert number is not None
    for part in (
        "秘密★1年",
        "紧急",
        "关于移交问题线索的函",
        "中共淮阳区纪委 淮阳区监委：",
        "2027年2月20日前将处置情况书面反馈",
        "问题线索移交登记表",
        "编号",
        "线索来源",
        "意见箱",
        "被反映人",
        "钱有福",
        "单位及职务",
        "王庄村村委会主任",
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
        "签收时间",
        "巡察组组长意见",
        "巡察办意见",
        "密级",
    ):
        assert part in text, part
    assert "村委会村委会" not in text  # unit and post written once
    # 份号 (six digits) on the first line of the 版心, 密级★保密期限 on the second, top left
    first, second = transfers.pages[0].rows(16.0)[:2]
    assert "".join(g.text for g in first) == "000001"
    assert "".join(g.text for g in second) == "秘密★1年"
    for row, line in ((first, 0), (second, 1)):
        assert row[0].x0 == pytest.approx(LEFT, abs=TOL)
        assert row[0].top == pytest.approx(TOP + line * 225 / 22, abs=TOL)
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


def test_each_copy_has_its_own_number_recorded_with_its_recipient(
    transfers: Transfers, tmp_path: Path
) -> None:
    clue = transfers.ids.clues[1]
    paths = write_transfer(
        transfers.ws, clue, tmp_path, recipients=["中共淮阳区纪委 淮阳区监委", "巡察组存档"]
    )
    more = write_transfer(transfers.ws, clue, tmp_path, recipients=["区委巡察办"])
    copies = [text_of(read_pages(p.read_bytes()))[:6] for p in [*paths, *more]]
    assert copies == ["000001", "000002", "000003"]  # never the same 份号 twice
    assert [p.name.split("-第")[1] for p in paths] == ["000001份.pdf", "000002份.pdf"]
    with transfers.ws.session() as s:
        rows = s.exec(
            select(PaperCopy).where(PaperCopy.doc_id == clue).order_by(col(PaperCopy.copy_no))
        ).all()
        events = s.exec(
            select(AuditEvent).where(
                AuditEvent.action == "print_copy", AuditEvent.record_id == clue
            )
        ).all()
    assert [(r.copy_no, r.recipient) for r in rows] == [
        (1, "中共淮阳区纪委 淮阳区监委"),
        (2, "巡察组存档"),
        (3, "区委巡察办"),
    ]
    notes = sorted(e.note for e in events)
    assert len(notes) == 3
    assert any("份号000002 → 巡察组存档" in n for n in notes)


def test_no_paper_without_its_addressee(transfers: Transfers) -> None:
    ws = transfers.ws
    settings = load_settings(ws)
    save_settings(ws, settings.with_changes(discipline_body=""))
    try:
        with pytest.raises(TransitionRefused, match=r"未设置纪检监察机关名称.*--discipline"):
            transfer_pdf(ws, transfers.ids.clues[0])
    finally:
        save_settings(ws, settings)
    with ws.session() as s:
        c = s.get_one(ClueTransfer, transfers.ids.clues[2])
        c.receiving_body = ReceivingBody.POLICE
        s.add(c)
        s.commit()
    text = text_of(read_pages(transfer_pdf(ws, transfers.ids.clues[2])))
    assert "淮阳区公安局：" in text and "公安机关" not in text
