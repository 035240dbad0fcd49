"""The campaign commands as a user runs them: an office demo of a district in its second year,
its counts in ``stats --json``, the list, the report files printed one path a line, and refusals
as one Chinese line."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.e2e.cli_helpers import run_app


@pytest.fixture(scope="module")
def office_demo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("campaign-cli") / "office"
    done = run_app(
        "--data-dir",
        root,
        "demo",
        "--office",
        "--villages",
        "18",
        "--days",
        "4",
        "--until",
        "2026-11-27",
    )
    assert done.returncode == 0, done.stderr
    assert "集中整治村" in done.stdout
    return root


def test_stats_count_campaign_villages_tasks_and_self_checks(office_demo: Path) -> None:
    counts = json.loads(run_app("--data-dir", office_demo, "stats", "--json").stdout)
    assert counts["campaign_villages"] >= 3
    assert counts["campaign_task"] > counts["campaign_villages"]
    assert counts["selfcheck_result"] > 0
    assert counts["village_system"] > 0


def test_list_report_and_refusals(office_demo: Path, tmp_path: Path) -> None:
    listed = run_app(
        "--data-dir", office_demo, "campaign", "list", "--json", "--today", "2026-11-27"
    )
    assert listed.returncode == 0, listed.stderr
    statuses = {r["status"] for r in json.loads(listed.stdout)}
    assert {"under_way", "transformed", "reviewed", "kept", "recommended"} <= statuses
    done = run_app(
        "--data-dir",
        office_demo,
        "campaign",
        "report",
        "--out",
        tmp_path / "out",
        "--today",
        "2026-11-27",
    )
    assert done.returncode == 0, done.stderr
    paths = [Path(line) for line in done.stdout.splitlines()]
    assert [p.suffix for p in paths] == [".pdf", ".pdf", ".xlsx"]
    assert all(p.exists() and p.stat().st_size > 1000 for p in paths)
    bad = run_app(
        "--data-dir",
        office_demo,
        "campaign",
        "evaluate",
        "--village",
        "没有这个村",
        "--kind",
        "验收",
        "--outcome",
        "整顿转化",
        "--reasons",
        "x",
    )
    assert bad.returncode == 1 and len(bad.stderr.strip().splitlines()) == 1
    assert "找不到村（社区）" in bad.stderr
    usage = run_app(
        "--data-dir",
        office_demo,
        "campaign",
        "evaluate",
        "--village",
        "x",
        "--kind",
        "不知道",
        "--outcome",
        "整顿转化",
        "--reasons",
        "x",
    )
    assert usage.returncode == 2 and "中期评估、验收、回头看" in usage.stderr
