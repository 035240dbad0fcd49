"""问题底稿: made from the wrap-up, 依据 and 审核意见 editable before sign-off, frozen with its
number at sign-off, informants only as 某某, cited by number in the village report; read back
from the PDF."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from sqlmodel import select

from app.services.followup.village_report import village_report_data, write_village_report
from app.services.wrapup.board import WrapupRefused
from app.services.wrapup.close import close_day
from app.services.wrapup.working_papers import (
    edit_working_paper,
    working_paper_docs,
    working_paper_pdf,
    write_working_papers,
)
from app.storage.models import AuditEvent, Problem, WorkingPaper
from app.storage.workspace import Workspace
from tests.conftest import LEADER, PASSWORD
from tests.unit.documents.gb_checks import check_portrait_page, text_of
from tests.unit.documents.pdfprobe import read_pages
from tests.unit.services.wrapup.test_wrapup import DAY, PROTECTED, TEXTS, make_field, sort_all

BASIS = "《中华人民共和国村民委员会组织法》关于村务公开的规定"
REVIEW = "同意立行立改，三日内督促整改到位。"


def _text(pdf: bytes) -> str:
    return text_of(read_pages(pdf))


def test_before_sign_off_the_team_edits_basis_and_review(ws: Workspace) -> None:
    f = make_field(ws)
    sort_all(ws)
    water = f.problems["water"]
    edit_working_paper(ws, water, basis=BASIS, review=REVIEW)
    pdf, name = working_paper_pdf(ws, problem_id=water)
    pages = read_pages(pdf)
    text = text_of(pages)
    for part in (
        "问题底稿",
        "（签结后编号）",
        "城关镇乙村",
        "2026年11月20日",
        "自来水经常停水",
        "问题来源",
        "意见箱",
        "某某反映",  # the writer is protected: shown only as 某某
        "依据",
        BASIS,
        "责任主体",
        "处置建议",
        "立行立改：向",
        "组长审核意见",
        REVIEW,
    ):
        assert part in text, part
    assert PROTECTED not in text
    assert any(g.size > 100 for g in pages[0].glyphs)  # 草稿 until the day is signed off
    assert "未定稿" in name
    for page in pages:
        check_portrait_page(page)
    edit_working_paper(ws, water, review="改为：同意。")
    assert "改为：同意。" in _text(working_paper_pdf(ws, problem_id=water)[0])


def test_sign_off_freezes_the_days_papers_with_their_numbers(ws: Workspace, tmp_path: Path) -> None:
    f = make_field(ws)
    sort_all(ws)
    edit_working_paper(ws, f.problems["water"], basis=BASIS, review=REVIEW)
    result = close_day(ws, DAY, PASSWORD)
    assert result.frozen == 6
    assert result.working_papers == [f"20261120-{n:02d}" for n in range(1, 7)]
    with ws.session() as s:
        rows = s.exec(select(WorkingPaper)).all()
        frozen = {r.problem_id: r for r in rows if r.frozen_on is not None}
    assert len(frozen) == 6
    assert f.problems["vague"] not in frozen  # 待核实 is carried to the next board, not frozen
    # frozen: no more editing
    with pytest.raises(WrapupRefused, match="已定稿"):
        edit_working_paper(ws, f.problems["water"], review="再改")
    # it prints as it was signed, whatever changes later
    with ws.session() as s:
        p = s.get_one(Problem, f.problems["water"])
        p.description = "后来改过的描述"
        s.add(p)
        s.commit()
    [doc] = working_paper_docs(ws, problem_id=f.problems["water"])
    pages = read_pages(working_paper_pdf(ws, problem_id=f.problems["water"])[0])
    text = text_of(pages)
    assert doc.number == frozen[f.problems["water"]].number
    assert f"底稿编号：{doc.number}" in text
    assert TEXTS["water"].replace(PROTECTED, "某某") in text and "后来改过的描述" not in text
    assert BASIS in text and REVIEW in text
    assert f"签字：{LEADER}" in text and "2026年11月20日" in text
    assert not any(g.size > 100 for p in pages for g in p.glyphs)  # no 草稿 mark
    # a whole day, one file per paper, each path printed by the command line
    paths = write_working_papers(ws, tmp_path / "day", day=DAY)
    assert [p.name.split("-")[1] for p in paths] == ["20261120"] * 6
    assert len({p.name for p in paths}) == 6
    with ws.session() as s:
        events = s.exec(select(AuditEvent).where(AuditEvent.action == "print_working_paper")).all()
    assert events


def test_the_village_report_cites_each_problems_paper(ws: Workspace, tmp_path: Path) -> None:
    f = make_field(ws)
    sort_all(ws)
    close_day(ws, DAY, PASSWORD)
    data = village_report_data(ws, f.yi, DAY)
    numbers = [p.paper for p in data.problems]
    assert numbers and all(re.fullmatch(r"20261120-\d{2}", n) for n in numbers if n)
    assert any(numbers)
    path = write_village_report(ws, f.yi, tmp_path / "r.pdf", DAY)
    text = text_of(read_pages(path.read_bytes()))
    assert "底稿编号" in text
    for n in filter(None, numbers):
        assert n in text


def test_a_day_without_problems_has_no_papers(ws: Workspace) -> None:
    make_field(ws)
    with pytest.raises(WrapupRefused, match="没有问题"):
        working_paper_docs(ws, day=DAY.replace(day=1))
