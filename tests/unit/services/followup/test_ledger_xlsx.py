"""The ledger as .xlsx: opens with openpyxl and holds every row, dates as dates."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

from openpyxl import load_workbook

from app.services.followup.ledger_xlsx import XLSX_HEADER
from app.services.followup.papers import LedgerScope, ledger_doc, write_ledger_files
from app.storage.workspace import Workspace
from tests.unit.services.followup.followup_seed import INFORMANT, seed


def test_xlsx_holds_every_row(ws: Workspace, tmp_path: Path) -> None:
    ids = seed(ws)
    scope = LedgerScope(township_id=ids.township)
    pdf, xlsx = write_ledger_files(ws, scope, tmp_path / "out", date(2026, 12, 5))
    assert pdf.read_bytes().startswith(b"%PDF")
    sheet = load_workbook(xlsx).active
    assert sheet is not None
    values = [list(r) for r in sheet.iter_rows(values_only=True)]
    assert "城关镇" in str(values[0][0])
    assert tuple(values[1]) == XLSX_HEADER
    body = values[2:]
    d = ledger_doc(ws, scope, date(2026, 12, 5))
    assert len(body) == len(d.rows) == 4
    assert [r[0] for r in body] == [1, 2, 3, 4]
    assert {r[1] for r in body} == {"王庄村", "李集村"}
    assert [r[2] for r in body] == [r.problem for r in d.rows]
    assert all(isinstance(r[5], datetime) for r in body)
    assert {r[7] for r in body} == {"未销号"}
    assert "绿色预警" in {r[8] for r in body}  # 12-20 is 15 days away
    assert INFORMANT not in str(values)
