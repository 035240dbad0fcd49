"""Evening wrap-up benchmark (run on demand; it prints figures and asserts no timings):

    .venv/bin/pytest tests/bench/bench_wrapup.py -s -p no:cacheprovider

A day with 200 problems in 20 villages (visits, opinion-box entries, interviews behind them),
every problem sorted by its suggestion; then: loading the board, finding merge candidates,
closing the day (leader's password checked with Argon2id, notices/clues/ledger created) and
gathering + rendering its daily report. Target: close + report under 2 s.
"""

from __future__ import annotations

import random
import time
from datetime import date, datetime
from datetime import time as dtime
from pathlib import Path

from sqlmodel import select

from app.documents.daily_report import render_daily_report
from app.domain.vocabulary import VisitMethod
from app.services.demo.text import CLUE_TEXTS, GENERAL_TEXTS, LIVELIHOOD_TEXTS
from app.services.settings import load_settings
from app.services.wrapup.board import default_decision, load_board, merge_candidates
from app.services.wrapup.close import close_day
from app.services.wrapup.report import daily_report_data
from app.storage.models import Problem, ProblemSource, Township, Village, Visit
from app.storage.workspace import Workspace

DAY = date(2026, 11, 20)
PROBLEMS = 200
VILLAGES = 20
PASSWORD = "bench"


def _fill(ws: Workspace) -> None:
    rng = random.Random(7)
    texts = [t for t, _ in LIVELIHOOD_TEXTS] + list(CLUE_TEXTS) + [t for t, _ in GENERAL_TEXTS]
    with ws.session() as s:
        town = Township(code="01", name="城关镇", party_committee="城关镇党委")
        s.add(town)
        s.flush()
        villages = [
            Village(township_id=town.id, code=f"01{i:03d}", name=f"第{i + 1}村")
            for i in range(VILLAGES)
        ]
        s.add_all(villages)
        s.flush()
        for n in range(PROBLEMS):
            village = villages[n % VILLAGES]
            visit = Visit(
                village_id=village.id,
                occurred_at=datetime.combine(DAY, dtime(8 + n % 10)),
                method=rng.choice(list(VisitMethod)),
                notes="走访群众。",
            )
            s.add(visit)
            s.flush()
            text = f"{village.name}{rng.choice(texts)}涉及{rng.randint(3, 90)}户（第{n}件）。"
            p = Problem(village_id=village.id, description=text, raised_on=DAY)
            s.add(p)
            s.flush()
            s.add(ProblemSource(problem_id=p.id, visit_id=visit.id))
        s.commit()
    settings = load_settings(ws)
    board = load_board(ws, DAY)
    with ws.session() as s:
        for row in board.rows():
            d = default_decision(row.suggestion, DAY, settings, party_committee=row.party_committee)
            p = s.get_one(Problem, row.id)
            for name in ("track", "category", "subcategory", "responsible_unit", "deadline"):
                setattr(p, name, getattr(d, name))
            p.receiving_body, p.urgency = d.receiving_body, d.urgency
            p.supervisor, p.requirement = d.supervisor, d.requirement
            s.add(p)
        s.commit()


def test_close_a_day_of_200_problems_and_render_its_report(tmp_path: Path) -> None:
    ws = Workspace.create(tmp_path / "ws", team_name="第一巡察组", leader="组长", password=PASSWORD)
    try:
        _fill(ws)
        t0 = time.perf_counter()
        board = load_board(ws, DAY)
        t1 = time.perf_counter()
        cands = merge_candidates(ws, DAY)
        t2 = time.perf_counter()
        result = close_day(ws, DAY, PASSWORD)
        t3 = time.perf_counter()
        data = daily_report_data(ws, DAY)
        t4 = time.perf_counter()
        pdf = render_daily_report(data)
        t5 = time.perf_counter()
        render_daily_report(daily_report_data(ws, DAY))  # fonts loaded, as in a running program
        t6 = time.perf_counter()
        with ws.session() as s:
            frozen = len(s.exec(select(Problem).where(Problem.wrapup_id == result.wrapup_id)).all())
        assert len(board.problems) == PROBLEMS and frozen + result.carried == PROBLEMS
        print(
            f"\n{PROBLEMS} problems in {VILLAGES} villages: "
            f"{len(result.notices)} notices, {len(result.clues)} clues, "
            f"{len(result.ledger_items)} ledger items, {result.carried} carried, "
            f"{len(cands)} merge groups; report {len(pdf) // 1024} KB"
        )
        print(f"load board            {1000 * (t1 - t0):8.0f} ms")
        print(f"merge candidates      {1000 * (t2 - t1):8.0f} ms")
        print(f"close day (incl. KDF) {1000 * (t3 - t2):8.0f} ms")
        print(f"report data           {1000 * (t4 - t3):8.0f} ms")
        print(f"render report PDF     {1000 * (t5 - t4):8.0f} ms   (first document: fonts load)")
        print(f"data + render again   {1000 * (t6 - t5):8.0f} ms   (fonts already loaded)")
        print(f"close + report, cold  {1000 * (t5 - t2):8.0f} ms   (target < 2000 ms)")
        print(f"close + report, warm  {1000 * (t3 - t2 + t6 - t5):8.0f} ms")
    finally:
        ws.close()
