"""Start-up as whole processes, beside a bare PySide6 window (run on demand; prints, asserts none):

    .venv/bin/pytest tests/bench/bench_startup.py -s -p no:cacheprovider

Each command is started RUNS times in turn (bare window, login dialog, main window), so a drift of
the machine's speed touches all three alike; the medians and the ratios to the bare window are
printed. Goals (issue 17): login dialog ≤ 3 × the bare window; main window ready ≤ 1.0 s.
"""

from __future__ import annotations

import re
import statistics
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.e2e.cli_helpers import REPO, app_env

pytestmark = pytest.mark.bench
RUNS = 7


def _timed(args: list[str], env: dict[str, str]) -> tuple[float, str]:
    start = time.perf_counter()
    done = subprocess.run(
        args, cwd=REPO, env=env, capture_output=True, text=True, timeout=120, check=True
    )
    return time.perf_counter() - start, done.stdout


def test_start_up_beside_a_bare_window(tmp_path: Path) -> None:
    root = tmp_path / "demo"
    env = app_env("demo")
    subprocess.run(
        [sys.executable, "-m", "app", "--data-dir", str(root), "demo", "--villages", "300"],
        cwd=REPO, env=env, check=True, capture_output=True, timeout=900,
    )  # fmt: skip
    app = [sys.executable, "-m", "app", "--data-dir", str(root)]
    commands = {
        "bare window": [sys.executable, str(REPO / "tests/bench/bare_window.py")],
        "login dialog (--smoke=login)": [*app, "--smoke=login"],
        "main window (--smoke)": [*app, "--smoke"],
    }
    for args in commands.values():  # warm the file cache and the bytecode
        _timed(args, env)
    walls: dict[str, list[float]] = {k: [] for k in commands}
    ready: list[int] = []
    for _ in range(RUNS):
        for name, args in commands.items():
            wall, out = _timed(args, env)
            walls[name].append(wall)
            found = re.search(r"^ready in (\d+) ms", out, re.M)
            if found:
                ready.append(int(found.group(1)))
    bare = statistics.median(walls["bare window"])
    print(f"\nwhole processes, median of {RUNS} (min–max):")
    for name, w in walls.items():
        print(
            f"  {name:32s} {statistics.median(w):.3f} s ({min(w):.3f}–{max(w):.3f})"
            f"  = {statistics.median(w) / bare:.1f} × the bare window"
        )
    print(f"  main window ready (its own clock) median {statistics.median(ready)} ms")
