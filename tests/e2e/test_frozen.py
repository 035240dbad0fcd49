"""The frozen one-folder program (PyInstaller): built once, then used as an inspector would.

Run alone with ``pytest -m frozen``. The build takes about a minute; CI runs it.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.e2e.cli_helpers import REPO, app_env, run_app

pytestmark = [pytest.mark.frozen, pytest.mark.slow]

EXE = REPO / "dist" / "XunchaDesk" / ("xunchadesk-cli.exe" if os.name == "nt" else "XunchaDesk")
SIZE_LIMIT_MB = 150


@pytest.fixture(scope="module")
def frozen() -> Path:
    done = subprocess.run(
        [sys.executable, str(REPO / "build" / "build.py")],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=1200,
    )
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-3000:]
    assert EXE.exists()
    print(done.stdout.strip().splitlines()[-1])
    return EXE


def run_frozen(
    exe: Path, *args: str | Path, password: str = "pw"
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(exe), *map(str, args)],
        env=app_env(password),
        capture_output=True,
        text=True,
        timeout=300,
        stdin=subprocess.DEVNULL,
    )


def test_frozen_program_works_and_shares_workspaces(frozen: Path, tmp_path: Path) -> None:
    made_frozen = tmp_path / "by-frozen"
    done = run_frozen(
        frozen, "--data-dir", made_frozen, "init", "--team", "第三巡察组", "--leader", "赵组长"
    )
    assert done.returncode == 0, done.stderr
    # a workspace made by the frozen program opens in python -m app
    stats = run_app("--data-dir", made_frozen, "stats", "--json")
    assert stats.returncode == 0, stats.stderr

    # and the other way round: a demo made by python -m app opens in the frozen program
    made_python = tmp_path / "by-python"
    demo = run_app(
        "--data-dir", made_python, "demo", "--villages", "8", "--days", "3", "--until", "2026-11-27"
    )
    assert demo.returncode == 0, demo.stderr
    check = run_frozen(frozen, "--data-dir", made_python, "check")
    assert check.returncode == 0, check.stderr
    assert "检查通过" in check.stdout

    # the frozen program fills a demo itself, with photos through Pillow
    frozen_demo = tmp_path / "frozen-demo"
    demo2 = run_frozen(
        frozen,
        "--data-dir",
        frozen_demo,
        "demo",
        "--villages",
        "6",
        "--days",
        "2",
        "--until",
        "2026-11-27",
    )
    assert demo2.returncode == 0, demo2.stderr
    assert "照片" in demo2.stdout
    wrong = run_frozen(frozen, "--data-dir", frozen_demo, "stats", password="wrong")
    assert wrong.returncode == 1 and len(wrong.stderr.strip().splitlines()) == 1


def test_frozen_folder_is_lean(frozen: Path) -> None:
    folder = frozen.parent
    size = sum(p.stat().st_size for p in folder.rglob("*") if p.is_file() and not p.is_symlink())
    print(f"one-folder build: {size / 1e6:.1f} MB")
    assert size / 1e6 < SIZE_LIMIT_MB
    translations = [p.name for p in folder.rglob("*.qm") if "PySide6" in str(p)]
    assert translations == ["qtbase_zh_CN.qm"]
    libs = {p.name for p in folder.rglob("libQt6*")}
    assert not {n for n in libs if "Qml" in n or "Quick" in n or "Network" in n}
