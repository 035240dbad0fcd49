"""整改台账 PDF: landscape pages, every item, extensions shown, colours; geometry and fonts."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from app.domain.followup import Action, ItemKind, StepInput
from app.services.followup.papers import LedgerScope, ledger_doc, ledger_pdf
from app.services.followup.steps import apply_step
from app.storage.workspace import Workspace
from tests.unit.documents.gb_checks import check_fonts_embedded, check_page_number, text_of
from tests.unit.documents.pdfprobe import read_pages
from tests.unit.documents.test_page import TOL
from tests.unit.services.followup.followup_seed import seed

# landscape 版心: 225 × 156 mm, binding margin at the top (28 mm), left 37 mm
L_LEFT, L_RIGHT, L_TOP, L_BOTTOM = 37.0, 262.0, 28.0, 184.0


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
        "时限",
        "进展",
        "销号情况",
        "王庄村",
        "李集村",
        "延期至2027.1.15：需村民代表会议表决",
        "未销号",
        "（逾期）",
    ):
        assert part in text, part
    for page in pages:
        assert page.width == pytest.approx(297, abs=0.5) and page.height == pytest.approx(
            210, abs=0.5
        )
        numbers = [g for g in page.glyphs if g.bottom > L_BOTTOM + 1]
        for g in page.glyphs:
            if g.bottom <= L_BOTTOM + 1:
                assert g.x0 >= L_LEFT - 0.2 and g.x1 <= L_RIGHT + 0.2
                assert g.top >= L_TOP - 0.2
        check_page_number(page.number, numbers, left=L_LEFT, right=L_RIGHT, bottom=L_BOTTOM)
        table = [r for r in page.rules if r.horizontal and r.x1 - r.x0 > 200]
        if table:
            assert min(r.x0 for r in table) == pytest.approx(L_LEFT, abs=TOL)
            assert max(r.x1 for r in table) == pytest.approx(L_RIGHT, abs=TOL)
    check_fonts_embedded(pdf, tmp_path)
