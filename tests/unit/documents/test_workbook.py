"""The shared workbook helper: text stays text, print setup, row heights, real dates."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

import pytest
from openpyxl import load_workbook

from app.documents.workbook import (
    DATE_FORMAT,
    MAX_TEXT,
    Cell,
    CellData,
    Column,
    Sheet,
    safe_text,
    write_workbook,
)
from tests.unit.documents.workbook_checks import (
    STARTS,
    check_no_formula,
    check_reads_as_typed,
    planted,
)

COLUMNS = [
    Column("序号", 6, kind="number", align="center"),
    Column("问题描述", 30),
    Column("时限", 20, kind="date", align="center"),
    Column("数量", 8, kind="number"),
]


def test_dangerous_starts_stay_text(tmp_path: Path) -> None:
    texts = [planted(f"问题{k}", k) for k in range(len(STARTS))]
    texts += ["＝全角等号", "=1+1", "-", "+", "@", "\r\n=3+3", "a\tb=c"]
    sheet = Sheet(
        name="测试",
        title=planted("标题", 0),
        columns=COLUMNS,
        rows=[[i, t, date(2026, 12, 16), "=2*3"] for i, t in enumerate(texts, start=1)],
        note=planted("填报人", 2),
    )
    path = write_workbook(tmp_path / "t.xlsx", [sheet])
    check_no_formula(path)
    check_reads_as_typed(path, [*texts, "=2*3"])
    ws = load_workbook(path).active
    assert ws is not None
    # a text in a number column stays text; the carriage return survives the round trip
    assert ws.cell(row=3, column=4).value == "=2*3"
    assert ws.cell(row=3, column=4).data_type == "s"
    assert any(c.value == "\r问题5" for c in ws["B"])


def test_illegal_characters_are_dropped_and_long_text_cut() -> None:
    assert safe_text("a\x00b\x07c\x1fd\te\nf\rg") == "abcd\te\nf\rg"
    assert len(safe_text("长" * (MAX_TEXT + 10))) == MAX_TEXT


def test_print_setup_and_dates(tmp_path: Path) -> None:
    long = "村干部优亲厚友，低保评定不公开、不透明，群众反映强烈。" * 4
    rows: list[list[CellData]] = [
        [1, "短", date(2026, 12, 16), 3],
        [2, long, datetime(2026, 12, 16, 9, 30), Cell(5, fill="FFC7CE", bold=True)],
        [3, "第一行\n第二行\n第三行", None, None],
    ]
    path = write_workbook(
        tmp_path / "p.xlsx",
        [Sheet(name="清单", title="某某清单（截至2026年12月16日）", columns=COLUMNS, rows=rows)],
    )
    ws = load_workbook(path).active
    assert ws is not None
    assert ws.freeze_panes == "A3"  # title, header, then the rows
    assert ws.print_title_rows == "$2:$2"
    assert ws.page_setup.orientation == "landscape"
    assert int(ws.page_setup.paperSize) == int(ws.PAPERSIZE_A4)
    assert ws.sheet_properties.pageSetUpPr.fitToPage
    assert int(ws.page_setup.fitToWidth) == 1 and int(ws.page_setup.fitToHeight) == 0
    assert "&P" in (ws.oddFooter.center.text or "") and "&N" in (ws.oddFooter.center.text or "")
    # real dates shown as 2026年12月16日
    assert ws["C3"].is_date and ws["C3"].value == datetime(2026, 12, 16)
    assert ws["C3"].number_format == DATE_FORMAT
    assert ws["C4"].is_date
    # numbers in number columns are numbers
    assert ws["A3"].value == 1 and ws["D3"].value == 3
    assert ws["D4"].fill.fgColor.rgb.endswith("FFC7CE") and ws["D4"].font.b
    # rows grow with their text: three lines, a long wrapped text
    short, wrapped, three = (ws.row_dimensions[r].height for r in (3, 4, 5))
    assert wrapped >= 3 * short and three >= 2.5 * short
    assert "2026年12月16日" in ws["A1"].value


def test_sheet_names_are_cleaned(tmp_path: Path) -> None:
    path = write_workbook(
        tmp_path / "n.xlsx",
        [Sheet(name="台账[城关镇]/2026:12*?" + "长" * 40, columns=COLUMNS, rows=[])],
    )
    name = load_workbook(path).sheetnames[0]
    assert len(name) <= 31 and not set(name) & set("[]:*?/\\")


def test_a_workbook_needs_a_sheet_and_columns(tmp_path: Path) -> None:
    with pytest.raises(ValueError):
        write_workbook(tmp_path / "x.xlsx", [])
    with pytest.raises(ValueError):
        write_workbook(tmp_path / "x.xlsx", [Sheet(name="a", columns=[], rows=[])])
    assert not list(tmp_path.iterdir())
