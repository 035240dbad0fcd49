"""Tables built to exhaust the machine are refused early, with one Chinese line, and the reading
process's peak memory (``resource.getrusage``, in a fresh process) under 300 MB.

Measured before this fix: a 5.9 MB .xlsx zip bomb still parsing after 240 s at 1.9 GB; a
10⁶-row CSV read for 5 min 50 s at 4.6 GB; a 1,000,000-character cell failing with
``field larger than field limit``; an entity bomb failing with ``ParseError``.
"""

from __future__ import annotations

import json
import subprocess
import sys
import zipfile
from pathlib import Path
from typing import Any

import openpyxl
import pytest

from app.services.tabular import TableReadError, read_table
from tests.e2e.cli_helpers import REPO

PEAK_MB = 300


def _run(path: Path) -> dict[str, Any]:
    proc = subprocess.run(
        [sys.executable, "-m", "tests.bomb_runner", "table", str(path)],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert proc.returncode == 0, proc.stderr
    got: dict[str, Any] = json.loads(proc.stdout.strip().splitlines()[-1])
    print(f"{path.name}: {got}")
    assert got["peak_mb"] < PEAK_MB, got
    assert got["refused"] and got["refused"].startswith(f"无法读取文件“{path.name}”："), got
    return got


def _xlsx_with_sheet(path: Path, sheet_xml_parts: Any) -> Path:
    """A real workbook whose first sheet's XML is replaced by ``sheet_xml_parts`` (streamed)."""
    base = path.with_suffix(".base.xlsx")
    wb = openpyxl.Workbook()
    ws = wb.active
    assert ws is not None
    ws.append(["乡镇", "村名"])
    wb.save(base)
    with zipfile.ZipFile(base) as src, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as out:
        for info in src.infolist():
            if info.filename == "xl/worksheets/sheet1.xml":
                with out.open(info.filename, "w", force_zip64=True) as dst:
                    for part in sheet_xml_parts:
                        dst.write(part)
            else:
                out.writestr(info, src.read(info))
    base.unlink()
    return path


_HEAD = (
    b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    b'<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>'
)
_TAIL = b"</sheetData></worksheet>"


@pytest.mark.slow
def test_a_million_row_csv_is_refused_at_the_row_limit(tmp_path: Path):
    path = tmp_path / "million.csv"
    with path.open("w", encoding="utf-8") as fh:
        fh.write("乡镇,村名,件数\n")
        for i in range(1_000_000):
            fh.write(f"城关镇,王庄{i}村,{i % 9}\n")
    got = _run(path)
    assert "行数超过上限（100000 行）" in got["refused"]


def test_a_million_character_cell_is_refused(tmp_path: Path):
    path = tmp_path / "cell.csv"
    path.write_text("乡镇,村名,备注\n城关镇,王庄村," + "x" * 1_000_000 + "\n", encoding="utf-8")
    got = _run(path)
    assert "第 2 行有单元格超过 10000 字" in got["refused"]
    from app.domain.limits import Limits

    with pytest.raises(TableReadError, match="有单元格超过 50 字"):
        read_table(path, limits=Limits(cell_chars=50))


@pytest.mark.slow
def test_an_xlsx_zip_bomb_is_refused(tmp_path: Path):
    """A few MB on disk, 512 MB of sheet once inflated."""
    row = b'<row r="1"><c r="A1" t="inlineStr"><is><t>' + b"x" * 4000 + b"</t></is></c></row>"
    parts = [_HEAD, *(row * 256 for _ in range(512)), _TAIL]
    path = _xlsx_with_sheet(tmp_path / "bomb.xlsx", parts)
    assert path.stat().st_size < 8 * 1024 * 1024
    got = _run(path)
    assert "工作表过大" in got["refused"]


def test_an_xlsx_entity_bomb_is_refused(tmp_path: Path):
    lol = (
        b'<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">'
        + b"".join(
            f'<!ENTITY lol{i} "{("&lol" + (str(i - 1) if i > 1 else "") + ";") * 10}">'.encode()
            for i in range(1, 10)
        )
        + b']><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
        b'<sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>&lol9;</t></is></c></row>'
        b"</sheetData></worksheet>"
    )
    path = _xlsx_with_sheet(tmp_path / "entities.xlsx", [lol])
    got = _run(path)
    assert "XML 实体声明" in got["refused"]


@pytest.mark.slow
def test_an_xlsx_of_300000_rows_is_refused_at_the_row_limit(tmp_path: Path):
    rows = (f'<row r="{i}"><c r="A{i}"><v>{i}</v></c></row>'.encode() for i in range(1, 300_001))
    path = _xlsx_with_sheet(tmp_path / "rows.xlsx", [_HEAD, *rows, _TAIL])
    got = _run(path)
    assert "行数超过上限" in got["refused"]


def test_limits_are_configurable(tmp_path: Path):
    from app.domain.limits import Limits

    path = tmp_path / "small.csv"
    path.write_text("乡镇,村名\n" + "".join(f"城关镇,村{i}\n" for i in range(30)), encoding="utf-8")
    assert len(read_table(path).rows) == 30
    with pytest.raises(TableReadError, match="行数超过上限（5 行）"):
        read_table(path, limits=Limits(import_rows=5))
    with pytest.raises(TableReadError, match="文件过大"):
        read_table(path, limits=Limits(import_file_bytes=100))
