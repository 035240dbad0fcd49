"""``python -m app --data-dir DIR --smoke``: the real main window opens and loads, then exits."""

from __future__ import annotations

import ast
import re
import subprocess
import sys
from pathlib import Path

from tests.e2e.cli_helpers import REPO, app_env, run_app


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


HEAVY = ("sqlalchemy", "sqlmodel", "sqlcipher3", "reportlab", "openpyxl", "PIL", "argon2")
"""What start-up must not import before it is needed (the database, documents, photos)."""


def _imported_after(code: str, tmp_path: Path) -> list[str]:
    probe = f"import sys\n{code}\nprint(sorted(m for m in {HEAVY!r} if m in sys.modules))\n"
    done = subprocess.run(
        [sys.executable, "-c", probe],
        cwd=REPO,
        env=app_env(None),
        capture_output=True,
        text=True,
        timeout=120,
        stdin=subprocess.DEVNULL,
    )
    assert done.returncode == 0, done.stderr
    return list(ast.literal_eval(done.stdout.strip().splitlines()[-1]))


def test_the_command_line_reads_its_arguments_without_the_database_code(tmp_path: Path) -> None:
    code = "from app.cli import build_parser\nbuild_parser().parse_args(['stats'])"
    assert _imported_after(code, tmp_path) == []


def test_the_login_dialog_shows_before_the_database_code_is_loaded(tmp_path: Path) -> None:
    root = tmp_path / "ws"
    assert run_app("--data-dir", root, "init", "--team", "一组", "--leader", "甲").returncode == 0
    args = ["--data-dir", str(root), "--smoke=login"]
    code = f"from app.cli import main\nassert main({args!r}) == 0"
    assert _imported_after(code, tmp_path) == []
    shown = run_app("--data-dir", root, "--smoke=login", password=None)
    assert shown.returncode == 0, shown.stderr
    assert re.fullmatch(r"login ready in \d+ ms\n", shown.stdout)
