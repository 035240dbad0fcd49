"""Who may write the rows of 集中整治, 制度推广 and 未巡先改 (storage/ownership.py): the office
writes them all; a team writes those of the villages it covers, each of the same village as the
task it names, never a new task and never the office's own rows."""

from __future__ import annotations

from typing import Any

from app.storage.ownership import OFFICE, Facts, refusal
from app.storage.workspace import Workspace

A, B = "team-a", "team-b"


def _facts(ws: Workspace, conn: Any) -> Facts:
    facts = Facts(conn, OFFICE)
    facts.pending.update(
        {
            "va": (A, "village", {"id": "va", "batch_id": None}),
            "vb": (B, "village", {"id": "vb", "batch_id": None}),
            "ta": (OFFICE, "campaign_task", {"id": "ta", "village_id": "va"}),
            "tb": (OFFICE, "campaign_task", {"id": "tb", "village_id": "vb"}),
        }
    )
    return facts


def _why(facts: Facts, writer: str, owner: str, table: str, new: bool, **values: Any) -> str | None:
    stored = None if new else dict(values)
    return refusal(writer, owner, table, new=new, values=values, facts=facts, stored=stored)


def test_a_team_writes_campaign_rows_of_its_own_villages_only(ws: Workspace) -> None:
    with ws.engine.connect() as conn:
        f = _facts(ws, conn)
        progress = {"id": "p1", "task_id": "ta", "village_id": "va"}
        assert _why(f, A, A, "campaign_progress", True, **progress) is None
        assert _why(f, A, OFFICE, "campaign_task", False, id="ta", village_id="va") is None
        assert _why(f, A, A, "campaign_check", True, id="c1", village_id="va") is None
        # another team's village
        assert "所巡村" in str(_why(f, B, B, "campaign_progress", True, **progress))
        assert "所巡村" in str(_why(f, B, OFFICE, "campaign_task", False, id="ta", village_id="va"))
        # a task of another village, named from one of its own villages
        other = {"id": "p2", "task_id": "tb", "village_id": "va"}
        assert "同一个村" in str(_why(f, A, A, "campaign_progress", True, **other))


def test_a_team_never_writes_the_offices_own_campaign_rows_nor_a_new_task(ws: Workspace) -> None:
    with ws.engine.connect() as conn:
        f = _facts(ws, conn)
        for table in ("campaign_proposal", "campaign_decision", "campaign_member"):
            why = _why(f, A, A, table, True, id="x", village_id="va")
            assert why is not None and "巡察办填写" in why, table
        why = _why(f, A, A, "campaign_task", True, id="t9", village_id="va")
        assert why is not None and "巡察办制定" in why
        # the office writes them all
        for table in ("campaign_decision", "campaign_task", "campaign_progress"):
            assert _why(f, OFFICE, OFFICE, table, True, id="y", village_id="vb") is None


def test_working_papers_are_a_teams_own_records(ws: Workspace) -> None:
    with ws.engine.connect() as conn:
        f = _facts(ws, conn)
        assert _why(f, A, A, "working_paper", True, id="w1", problem_id=None) is None
        assert _why(f, B, A, "working_paper", False, id="w1", problem_id=None) is not None
