"""``python -m app --data-dir DIR --smoke``: the real main window opens and loads, then exits."""

from __future__ import annotations

import re
from pathlib import Path

from tests.e2e.cli_helpers import run_app


def test_smoke_opens_the_main_window_and_reports_ready(tmp_path: Path) -> None:
    root = tmp_path / "demo"
    made = run_app("--data-dir", root, "demo", "--villages", "6", "--days", "2")
    assert made.returncode == 0, made.stderr
    done = run_app("--data-dir", root, "--smoke")
    assert done.returncode == 0, done.stderr
    assert re.fullmatch(r"ready in \d+ ms\n", done.stdout)


def test_smoke_fails_with_a_reason(tmp_path: Path) -> None:
    root = tmp_path / "demo"
    assert run_app("--data-dir", root, "demo", "--villages", "3", "--days", "1").returncode == 0
    wrong = run_app("--data-dir", root, "--smoke", password="不对")
    assert wrong.returncode == 1 and "密码" in wrong.stderr and wrong.stdout == ""
    missing = run_app("--data-dir", tmp_path / "nothing", "--smoke")
    assert missing.returncode == 1 and "工作区" in missing.stderr
