"""The font-file setting reaches every paper a service prints, not only the daily report."""

from __future__ import annotations

import subprocess
from dataclasses import replace
from datetime import date, datetime
from pathlib import Path

import pytest
from sqlmodel import select

from app.services.demo.build import DemoOptions, fill_demo
from app.services.followup.papers import LedgerScope, ledger_pdf, notice_pdf
from app.services.followup.village_report import write_village_report
from app.services.registry.batch_plan import current_plan, plan_pdf
from app.services.settings import load_settings, save_settings
from app.services.wrapup.files import daily_report_pdf
from app.storage.models import RectificationNotice, Village
from app.storage.workspace import Workspace

ZENHEI = Path("/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc")
DAY = date(2026, 11, 26)


def _fonts(pdf: bytes, tmp_path: Path, name: str) -> set[str]:
    path = tmp_path / name
    path.write_bytes(pdf)
    out = subprocess.run(["pdffonts", str(path)], capture_output=True, text=True, check=True)
    return {line.split()[0].split("+")[-1] for line in out.stdout.splitlines()[2:] if line}


@pytest.mark.skipif(not ZENHEI.exists(), reason="needs fonts-wqy-zenhei (installed by .ci/run)")
def test_every_paper_prints_in_the_configured_font_files(ws: Workspace, tmp_path: Path) -> None:
    fill_demo(ws, DemoOptions(villages=4, days=2, until=DAY, seed=5, now=datetime(2026, 11, 27)))
    roles = ("fangsong", "kaiti", "heiti", "song", "title")
    save_settings(ws, replace(load_settings(ws), font_files=dict.fromkeys(roles, str(ZENHEI))))
    with ws.session() as s:
        notice = s.exec(select(RectificationNotice)).first()
        village = s.exec(select(Village)).first()
    assert notice is not None and village is not None
    village_pdf = write_village_report(ws, village.id, tmp_path / "village.pdf", DAY).read_bytes()
    papers = {
        "notice": notice_pdf(ws, notice.id),
        "ledger": ledger_pdf(ws, LedgerScope(), DAY),
        "daily": daily_report_pdf(ws, DAY),
        "village": village_pdf,
        "plan": plan_pdf(ws, current_plan(ws)),
    }
    for name, pdf in papers.items():
        used = _fonts(pdf, tmp_path, f"{name}.pdf")
        assert used, name
        assert all(f.startswith("WenQuanYi") for f in used), (name, used)
