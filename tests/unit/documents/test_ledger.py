"""整改台账 PDF: landscape pages, every item, extensions shown, colours; geometry and fonts."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pytest

from app.domain.followup import Action, ItemKind, StepInput
from app.services.followup.papers import LedgerScope, ledger_doc, ledger_pdf
from app.services.followup.steps import apply_step
from app.storage.workspace import Workspace
from tests.unit.documents.gb_checks import (
    L_LEFT,
    L_RIGHT,
    check_fonts_embedded,
    check_landscape_page,
    text_of,
)
from tests.unit.documents.pdfprobe import read_pages
from tests.unit.documents.test_page import TOL
from tests.unit.services.followup.followup_seed import seed


def test_township_ledger_pdf(ws: Workspace, tmp_path: Path) -> None:
    ids = seed(ws)
    apply_step(
        ws,
        ItemKind.LEDGER,
        ids.ledger[0],
        Action.EXTEND,
        StepInput(reason="需村民代表会议表决", new_deadline=date(2027, 1, 15)),
        today=date(2026, 11, 27),
    )
    d = ledger_doc(ws, LedgerScope(township_id=ids.township), date(2027, 1, 3))
    assert len(d.rows) == 4
    pdf = ledger_pdf(ws, LedgerScope(township_id=ids.township), date(2027, 1, 3))
    pages = read_pages(pdf)
    text = text_of(pages)
    for part in (
        "城关镇巡察发现问题整改台账",
        "序号",
        "问题",
        "整改要求",
        "责任单位",
        "责任人",
        "整改时限",
        "完成时间",
        "整改进展",
        "销号情况",
        "预警",
        "王庄村",
        "李集村",
        "延期至2027年1月15日：需村民代表会议表决",
        "未销号",
        "红色预警（逾期",
        "填报人：李组长",
        "填报日期：2027年1月3日",
    ):
        assert part in text, part
    assert not re.search(r"\d{4}[.\-/]\d{1,2}[.\-/]\d{1,2}", text)  # dates in Chinese only
    for page in pages:
        check_landscape_page(page)
        table = [r for r in page.rules if r.horizontal and r.x1 - r.x0 > 200]
        if table:
            assert min(r.x0 for r in table) == pytest.approx(L_LEFT, abs=TOL)
            assert max(r.x1 for r in table) == pytest.approx(L_RIGHT, abs=TOL)
    check_fonts_embedded(pdf, tmp_path)


def _many_rows() -> list:
    from app.documents.ledger import LedgerRow

    rows = []
    for village, n in (("王庄村", 7), ("李集村", 9), ("张庄村", 6)):
        for k in range(n):
            rows.append(
                LedgerRow(
                    village=village,
                    problem=f"{village}村务公开不及时、不全面，“四议两公开”执行不到位第{k + 1}项"
                    * 2,
                    requirement="按月公开村务，建立台账，逐项整改到位",
                    unit=f"{village}党组织（城关镇党委督办）",
                    deadline=date(2026, 12, 20),
                    progress="已制定整改方案，正在推进",
                    ticked="未销号",
                    warning="黄色预警（剩余8天）",
                )
            )
    return rows


def test_township_ledger_keeps_villages_with_their_rows_and_marks_continuations() -> None:
    from app.documents.ledger import LedgerDoc, render_ledger

    rows = _many_rows()
    d = LedgerDoc("城关镇", "中共淮阳区委第一巡察组", date(2026, 12, 12), rows, by_village=True)
    pages = read_pages(render_ledger(d))
    assert len(pages) >= 3
    names = {"王庄村", "李集村", "张庄村"}
    continued = 0
    for page in pages:
        check_landscape_page(page)
        lines = ["".join(g.text for g in r) for r in page.rows(10.5) if r[0].bottom < 184]
        table_lines = [t for t in lines if not t.startswith("填报人")]
        # a village's heading row never ends a page
        assert table_lines[-1] not in names, (page.number, table_lines[-1])
        assert table_lines[0].startswith("序号问题整改要求")  # the header row, on every page
        if page.number > 1:
            first = table_lines[1]
            # a page that goes on with a village's rows says so
            if first not in names:
                assert first.endswith("（续）") and first[:-3] in names, (page.number, first)
                continued += 1
    assert continued >= 1
    assert text_of(pages).count("（续）") == continued


def test_progress_names_the_responsible_person_and_the_completion_date(
    ws: Workspace, tmp_path: Path
) -> None:
    from openpyxl import load_workbook

    from app.services.followup.ledger_xlsx import XLSX_HEADER
    from app.services.followup.papers import write_ledger_files

    ids = seed(ws)
    apply_step(
        ws,
        ItemKind.LEDGER,
        ids.ledger[0],
        Action.PROGRESS,
        StepInput(
            on=date(2026, 11, 25),
            text="已按月公开村务。",
            responsible_person="王建国",
            completed_on=date(2026, 11, 25),
        ),
        today=date(2026, 11, 27),
    )
    d = ledger_doc(ws, LedgerScope(village_id=ids.villages[0]), date(2026, 11, 27))
    row = next(r for r in d.rows if r.responsible_person)
    assert (row.responsible_person, row.completed_on) == ("王建国", date(2026, 11, 25))
    assert d.filled_by == "李组长" and d.filled_on == date(2026, 11, 27)
    pdf, xlsx = write_ledger_files(ws, LedgerScope(village_id=ids.villages[0]), tmp_path, None)
    text = text_of(read_pages(pdf.read_bytes()))
    assert "王建国" in text and "2026年11月25日" in text
    sheet = load_workbook(xlsx).active
    assert sheet is not None
    values = [[c.value for c in r] for r in sheet.iter_rows()]
    col = {h: i for i, h in enumerate(XLSX_HEADER)}
    body = [r for r in values if r[col["责任人"]] == "王建国"]
    assert body and body[0][col["完成时间"]].date() == date(2026, 11, 25)
