"""集中整治 benchmark (run on demand; prints figures, asserts no timings):

    .venv/bin/pytest tests/bench/bench_campaign.py -s -p no:cacheprovider

A district of 500 villages in 25 townships, 60 of them under 集中整治 with 40 tasks each (10 per
heading, a third done, the rest spread over the warning colours), two progress entries per task,
cases, 班子 changes, monthly checks, and the 制度推广 matrix filled for every village. Targets: the
progress report and the matrix (report PDF, matrix PDF and .xlsx) ≤ 3 s; opening the campaign
view ≤ 300 ms.
"""

from __future__ import annotations

import os
import random
import time
from datetime import date, timedelta
from pathlib import Path
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from app.domain.campaign import (
    BUILT_IN_SYSTEMS,
    CadreChangeKind,
    CampaignStatus,
    CaseStage,
    CheckRating,
    Heading,
    Practice,
    SystemSource,
    SystemStatus,
    TaskStatus,
    pair_id,
)
from app.domain.vocabulary import Tier, WorkspaceKind
from app.services.campaign.report import write_campaign_report
from app.storage.bulk import bulk_insert
from app.storage.models import (
    CampaignCadreChange,
    CampaignCase,
    CampaignCheck,
    CampaignDecision,
    CampaignProgress,
    CampaignTask,
    CampaignVillage,
    Township,
    Village,
    VillageSystem,
    new_id,
)
from app.storage.workspace import Workspace

VILLAGES = 500
TOWNS = 25
CAMPAIGNS = 60
TASKS_PER_HEADING = 10
TODAY = date(2027, 3, 1)


def _fill(ws: Workspace, rng: random.Random) -> None:
    with ws.session() as s:
        towns = [{"id": new_id(), "code": f"4116{i:02d}", "name": f"第{i}镇"} for i in range(TOWNS)]
        bulk_insert(s, Township, towns)
        villages = [
            {
                "id": new_id(),
                "township_id": towns[i % TOWNS]["id"],
                "code": f"4116{i:06d}",
                "name": f"{'东西南北'[i % 4]}{i:03d}庄村",
                "tier": rng.choice(list(Tier)),
                "tier_override_reason": "",
                "notes": "",
            }
            for i in range(VILLAGES)
        ]
        bulk_insert(s, Village, villages)
        decision = {"id": new_id(), "decided_on": date(2026, 6, 1), "doc_number": "淮发〔2026〕7号"}
        bulk_insert(s, CampaignDecision, [decision | {"body": "区委", "note": ""}])
        campaigns: list[dict[str, Any]] = []
        tasks: list[dict[str, Any]] = []
        progress: list[dict[str, Any]] = []
        cases: list[dict[str, Any]] = []
        changes: list[dict[str, Any]] = []
        checks: list[dict[str, Any]] = []
        for v in rng.sample(villages, CAMPAIGNS):
            cid = new_id()
            campaigns.append(
                {
                    "id": cid,
                    "village_id": v["id"],
                    "decision_id": decision["id"],
                    "status": CampaignStatus.UNDER_WAY,
                    "reasons": "问题突出",
                    "added_reason": "",
                    "member_units": "区委组织部、区委政法委",
                    "started_on": date(2026, 6, 1),
                }
            )
            for month in range(1, 9):
                checks.append(
                    {
                        "campaign_id": cid,
                        "village_id": v["id"],
                        "checked_on": date(2026, 6, 1) + timedelta(days=30 * month),
                        "checker": "督查组",
                        "findings": "推进有序",
                        "rating": rng.choice(list(CheckRating)),
                    }
                )
            for heading in Heading:
                for seq in range(1, TASKS_PER_HEADING + 1):
                    tid = new_id()
                    done = rng.random() < 0.33
                    deadline = TODAY + timedelta(days=rng.randint(-30, 90))
                    tasks.append(
                        {
                            "id": tid,
                            "campaign_id": cid,
                            "village_id": v["id"],
                            "heading": heading,
                            "seq": seq,
                            "title": f"{heading.label}任务{seq}",
                            "detail": "",
                            "owner_unit": "乡镇党委",
                            "deadline": deadline,
                            "status": TaskStatus.DONE if done else TaskStatus.IN_PROGRESS,
                            "done_on": TODAY - timedelta(days=3) if done else None,
                            "progress": "推进中",
                            "system": "",
                        }
                    )
                    for k in range(2):
                        progress.append(
                            {
                                "task_id": tid,
                                "village_id": v["id"],
                                "reported_on": date(2026, 7, 1) + timedelta(days=30 * k),
                                "text": "已推进",
                                "status_after": TaskStatus.IN_PROGRESS,
                                "reporter": "督查组",
                            }
                        )
                    if heading is Heading.CATCH and seq <= 2:
                        cases.append(
                            {
                                "task_id": tid,
                                "village_id": v["id"],
                                "stage": rng.choice(list(CaseStage)),
                                "stage_on": date(2026, 9, 1),
                                "persons": rng.randint(1, 3),
                                "gang_related": rng.random() < 0.1,
                                "note": "",
                            }
                        )
                    if heading is Heading.ORGANISE and seq == 1:
                        changes.append(
                            {
                                "task_id": tid,
                                "village_id": v["id"],
                                "kind": rng.choice(list(CadreChangeKind)),
                                "post": "村党支部书记",
                                "changed_on": date(2026, 8, 1),
                                "note": "",
                            }
                        )
        bulk_insert(s, CampaignVillage, campaigns)
        bulk_insert(s, CampaignTask, tasks)
        bulk_insert(s, CampaignProgress, progress)
        bulk_insert(s, CampaignCase, cases)
        bulk_insert(s, CampaignCadreChange, changes)
        bulk_insert(s, CampaignCheck, checks)
        cells = []
        for v in villages:
            for code, _ in BUILT_IN_SYSTEMS:
                roll = rng.random()
                if roll < 0.2:
                    continue
                cells.append(
                    {
                        "id": pair_id("village_system", v["id"], code),
                        "village_id": v["id"],
                        "system": code,
                        "status": SystemStatus.ADOPTED if roll < 0.7 else SystemStatus.IN_PROGRESS,
                        "since": date(2026, 5, 1),
                        "source": SystemSource.SELF_REPORT,
                        "practice": Practice.NOT_CARRIED_OUT if roll < 0.3 else Practice.UNKNOWN,
                        "practice_note": "",
                    }
                )
        bulk_insert(s, VillageSystem, cells)
        s.commit()


def test_bench_campaign(tmp_path: Path) -> None:
    rng = random.Random(13)
    with Workspace.create(
        tmp_path / "ws",
        team_name="区委巡察办",
        leader="甲",
        password="b",
        kind=WorkspaceKind.OFFICE,
    ) as ws:
        t0 = time.perf_counter()
        _fill(ws, rng)
        t_fill = time.perf_counter() - t0

        times = []
        cpus = []
        for run in range(3):
            t0, c0 = time.perf_counter(), time.process_time()
            files = write_campaign_report(ws, tmp_path / f"out{run}", TODAY)
            times.append(time.perf_counter() - t0)
            cpus.append(time.process_time() - c0)
        sizes = [p.stat().st_size // 1024 for p in files.paths()]

        from PySide6.QtWidgets import QApplication

        from app.ui.app import setup_application
        from app.ui.campaign.view import CampaignView
        from app.ui.context import make_context
        from app.ui.tasks import SyncTaskRunner

        QApplication.instance() or QApplication([])
        setup_application()
        ctx = make_context(ws, SyncTaskRunner(), warm=False)
        opens = []
        open_cpus = []
        views = []
        for _ in range(3):
            t0, c0 = time.perf_counter(), time.process_time()
            view = CampaignView(ctx, today=TODAY)
            view.show()
            QApplication.processEvents()
            opens.append(time.perf_counter() - t0)
            open_cpus.append(time.process_time() - c0)
            views.append(view)
        view = views[-1]
        assert view.model.rowCount() == CAMPAIGNS
        t0 = time.perf_counter()
        view.select_village(view.model.row_at(0).village)  # type: ignore[union-attr]
        t_detail = time.perf_counter() - t0
        assert view.task_model.rowCount() == 4 * TASKS_PER_HEADING
        t0 = time.perf_counter()
        view.tabs.setCurrentIndex(1)
        t_matrix = time.perf_counter() - t0
        assert view.matrix_model.rowCount() == VILLAGES
        for v in views:
            v.close()

    print(
        f"\nfill: {VILLAGES} villages, {CAMPAIGNS} campaigns × {4 * TASKS_PER_HEADING} tasks "
        f"in {t_fill:.2f} s"
        f"\nprogress report + 制度推广 table (PDF, .xlsx): "
        f"{', '.join(f'{t:.2f}' for t in times)} s wall, "
        f"{', '.join(f'{t:.2f}' for t in cpus)} s CPU (target ≤ 3 s; first loads the fonts; "
        f"sizes {sizes} KB)"
        f"\nopening the campaign view: {', '.join(f'{t * 1000:.0f}' for t in opens)} ms wall, "
        f"{', '.join(f'{t * 1000:.0f}' for t in open_cpus)} ms CPU (target ≤ 300 ms)"
        f"\none village's plan ({4 * TASKS_PER_HEADING} tasks): {t_detail * 1000:.0f} ms"
        f"\nthe matrix tab ({VILLAGES} villages): {t_matrix * 1000:.0f} ms"
    )
