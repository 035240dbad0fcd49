"""Follow-up papers benchmark (run on demand; it prints figures and asserts no timings):

    .venv/bin/pytest tests/bench/bench_documents.py -s -p no:cacheprovider

- one 立行立改通知书: rendering from its data, and gathering + rendering from the workspace
  (target: under 100 ms), median of 20 after a warm-up (fonts loaded once per process);
- a village 巡察报告 of about 100 pages (1,400 problems in its table): gathering from the
  workspace and rendering (target: under 3 s).
"""

from __future__ import annotations

import random
import statistics
import time
from datetime import date, timedelta
from pathlib import Path

from sqlmodel import select

from app.documents.notice import render_notice
from app.documents.village_report import render_village_report
from app.domain.vocabulary import ProblemCategory, Subcategory, Tier, Track
from app.services.demo.text import CLUE_TEXTS, GENERAL_TEXTS, LIVELIHOOD_TEXTS
from app.services.followup.numbering import number_pending
from app.services.followup.papers import notice_doc, notice_pdf
from app.services.followup.village_report import village_report_data
from app.storage.models import Problem, RectificationNotice, Team, Township, Village
from app.storage.workspace import Workspace

DAY = date(2026, 11, 20)
PROBLEMS = 1400


def _fill(ws: Workspace) -> tuple[str, str]:
    rng = random.Random(5)
    texts = [t for t, _ in LIVELIHOOD_TEXTS] + list(CLUE_TEXTS) + [t for t, _ in GENERAL_TEXTS]
    with ws.session() as s:
        team = s.exec(select(Team)).first()
        assert team is not None
        team.doc_prefix, team.issuing_body = "淮巡立改", "中共淮阳区委第一巡察组"
        s.add(team)
        town = Township(name="城关镇")
        s.add(town)
        s.flush()
        v = Village(township_id=town.id, name="王庄村", tier=Tier.POOR)
        s.add(v)
        s.flush()
        n = RectificationNotice(
            village_id=v.id,
            responsible_unit="区水利局",
            year=2026,
            issued_on=DAY,
            deadline=DAY + timedelta(days=7),
        )
        s.add(n)
        s.flush()
        tracks = [Track.FIX_NOW, Track.LEDGER, Track.FAST_INVESTIGATION, Track.VERIFY]
        for k in range(PROBLEMS):
            track = tracks[k % 4]
            s.add(
                Problem(
                    village_id=v.id,
                    description=rng.choice(texts) + f"（第{k + 1}条）",
                    raised_on=DAY,
                    category=ProblemCategory.LIVELIHOOD,
                    subcategory=Subcategory.WATER,
                    track=track,
                    responsible_unit="区水利局",
                    notice_id=n.id if k < 5 else None,
                    requirement="立即整改" if k < 5 else "",
                )
            )
        s.commit()
        return v.id, n.id


def test_bench_documents(tmp_path: Path) -> None:
    ws = Workspace.create(
        tmp_path / "ws", team_name="淮阳区委第一巡察组", leader="李明", password="b"
    )
    try:
        vid, nid = _fill(ws)
        number_pending(ws)
        d = notice_doc(ws, nid)
        render_notice(d)  # warm-up: fonts
        pure, full = [], []
        for _ in range(20):
            t0 = time.perf_counter()
            render_notice(d)
            pure.append(time.perf_counter() - t0)
            t0 = time.perf_counter()
            notice_pdf(ws, nid)
            full.append(time.perf_counter() - t0)
        print(
            f"\nnotice: render {statistics.median(pure) * 1000:.0f} ms (median of 20), "
            f"gather + render + audit {statistics.median(full) * 1000:.0f} ms  [target < 100 ms]"
        )
        t0 = time.perf_counter()
        data = village_report_data(ws, vid, date(2026, 12, 1))
        t1 = time.perf_counter()
        pdf = render_village_report(data)
        t2 = time.perf_counter()
        pages = pdf.count(b"/Type /Page\n") or pdf.count(b"/Type /Page ")
        import io

        from pypdf import PdfReader

        pages = len(PdfReader(io.BytesIO(pdf)).pages)
        print(
            f"village report: {len(data.problems)} problems, {pages} pages, "
            f"gather {t1 - t0:.2f} s + render {t2 - t1:.2f} s = {t2 - t0:.2f} s  [target < 3 s]"
        )
    finally:
        ws.close()
