"""Every workbook the program writes prints as people expect: converted with LibreOffice
(``soffice --headless --convert-to pdf``), each page is landscape A4, holds all the columns under
the repeated header row, loses no text, and no text runs over its row."""

from __future__ import annotations

import shutil
import subprocess
from collections import Counter
from datetime import date, datetime
from pathlib import Path

import pytest
from openpyxl import load_workbook
from sqlmodel import select

from app.documents.workbook import Column, Sheet, write_workbook
from app.services.demo.build import DemoOptions, fill_demo
from app.services.followup.papers import LedgerScope, write_ledger_files
from app.services.registry.batch_plan import current_plan, export_plan_xlsx
from app.storage.models import Township, Village
from app.storage.workspace import Workspace
from tests.unit.documents.pdfprobe import Page, read_pages

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice is not installed"),
]

TODAY = date(2026, 11, 27)


def _convert(files: list[Path], out: Path) -> dict[Path, list[Page]]:
    profile = out / "profile"
    subprocess.run(
        [
            "soffice",
            f"-env:UserInstallation={profile.as_uri()}",
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            str(out),
            *map(str, files),
        ],
        check=True,
        capture_output=True,
        timeout=300,
    )
    return {f: read_pages((out / f"{f.stem}.pdf").read_bytes()) for f in files}


def _shown(value: object) -> str:
    if isinstance(value, datetime):
        return f"{value.year}年{value.month}月{value.day}日"
    return "" if value is None else str(value)


def _expected(path: Path) -> tuple[list[str], Counter[str]]:
    """The header texts (the row frozen at the top) and every character the sheet shows."""
    ws = load_workbook(path).active
    assert ws is not None
    header_row = int(str(ws.print_title_rows).split(":")[0].strip("$"))
    headers = [str(c.value) for c in ws[header_row] if c.value]
    chars: Counter[str] = Counter()
    for row in ws.iter_rows():
        for c in row:
            chars.update(ch for ch in _shown(c.value) if not ch.isspace())
    return headers, chars


def _check(path: Path, pages: list[Page]) -> None:
    headers, expected = _expected(path)
    seen: Counter[str] = Counter()
    for page in pages:
        assert page.width > page.height and page.width == pytest.approx(297, abs=1), path.name
        text = "".join(g.text for g in page.glyphs).replace(" ", "")
        # every column on every page: the whole header row is there
        for h in headers:
            assert h in text, (path.name, page.number, h)
        rules = [r for r in page.rules if r.horizontal]
        assert rules, (path.name, page.number)
        left = min(r.x0 for r in rules)
        right = max(r.x1 for r in rules)
        for g in page.glyphs:
            if not g.text.strip():
                continue
            seen[g.text] += 1
            inside = left - 0.5 <= g.x0 <= right + 0.5
            # no text runs over its row: no row rule passes through a glyph of the table
            crossing = [
                r
                for r in rules
                if inside and r.x0 <= g.x0 <= r.x1 and g.top + 0.3 < r.y < g.bottom - 0.3
            ]
            assert not crossing, (path.name, page.number, g.text, round(g.top, 1))
    # nothing lost to a row too short to hold it
    missing = expected - seen
    assert not missing, (path.name, dict(missing))


def test_every_workbook_prints_whole_on_landscape_pages(tmp_path: Path) -> None:
    root = tmp_path / "ws"
    with Workspace.create(
        root, team_name="淮阳区委第一巡察组", leader="李明", password="demo"
    ) as ws:
        fill_demo(ws, DemoOptions(villages=10, days=4, until=TODAY))
        with ws.session() as s:
            town = s.exec(select(Township)).first()
            village = s.exec(select(Village)).first()
            assert town is not None and village is not None
            town_id, village_id = town.id, village.id
        out = tmp_path / "books"
        scopes = {
            "township": LedgerScope(township_id=town_id),
            "village": LedgerScope(village_id=village_id),
        }
        files = [
            p
            for name, scope in scopes.items()
            for p in write_ledger_files(ws, scope, out / name, TODAY)
            if p.suffix == ".xlsx"
        ]
        files.append(export_plan_xlsx(current_plan(ws), out / "批次计划.xlsx"))
    long_text = "村干部优亲厚友，低保评定不公开、不透明，群众反映强烈，要求逐户核查。" * 6
    files.append(
        write_workbook(
            out / "清单.xlsx",
            [
                Sheet(
                    name="清单",
                    title="问题清单（截至2026年11月27日）",
                    columns=[
                        Column("序号", 6, kind="number", align="center"),
                        Column("问题描述", 40),
                        Column("发现日期", 16, kind="date", align="center"),
                        Column("备注", 24),
                    ],
                    rows=[
                        [i, long_text[: 20 * i], TODAY, "第一行\n第二行\n第三行" if i % 2 else ""]
                        for i in range(1, 40)
                    ],
                    note="填报人：李明　　填报日期：2026年11月27日",
                )
            ],
        )
    )
    flat = tmp_path / "flat"
    flat.mkdir()
    copies = []
    for n, f in enumerate(files):
        copy = flat / f"book{n}.xlsx"
        shutil.copyfile(f, copy)
        copies.append(copy)
    converted = _convert(copies, tmp_path / "pdf")
    assert len(converted) == 4
    for path, pages in converted.items():
        assert pages, path.name
        _check(path, pages)
    assert len(converted[copies[-1]]) >= 2  # the long list runs over pages
