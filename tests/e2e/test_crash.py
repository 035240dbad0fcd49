"""Crash safety: a writer killed with SIGKILL at random moments, again and again.

After every kill the workspace must open, pass the full check (cipher pages, SQLite integrity,
foreign keys, search index in step), and hold every transaction the writer reported as committed,
at least at the version it reported.
"""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from sqlmodel import select

from app.storage.check import check_workspace
from app.storage.models import Problem, Township, Village, Visit
from app.storage.workspace import Workspace
from tests.e2e.cli_helpers import REPO, app_env

KILLS = 100
PASSWORD = "crash-pw"


def _read_lines(proc: subprocess.Popen[str]) -> list[str]:
    out, _ = proc.communicate(timeout=30)
    return out.splitlines()


@pytest.mark.slow
@pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL is POSIX")
def test_sigkill_at_random_moments_loses_nothing_reported(tmp_path: Path) -> None:
    root = tmp_path / "ws"
    with (
        Workspace.create(root, team_name="组", leader="甲", password=PASSWORD) as ws,
        ws.session() as s,
    ):
        town = Township(name="城关镇")
        s.add(town)
        s.flush()
        village = Village(township_id=town.id, name="王庄村")
        s.add(village)
        s.commit()
        village_id = village.id

    rng = random.Random(20261127)
    reported: dict[str, tuple[str, int]] = {}
    kills_while_writing = 0
    for run in range(KILLS):
        proc = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "tests.e2e.crash_writer",
                str(root),
                PASSWORD,
                village_id,
                str(run),
            ],
            cwd=REPO,
            env=app_env(None),
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
            text=True,
        )
        assert proc.stdout is not None
        if rng.random() < 0.1:
            time.sleep(rng.uniform(0.0, 0.4))  # sometimes while it is still opening
        else:
            line = proc.stdout.readline()
            assert line.strip() == "ready", line
            time.sleep(rng.uniform(0.0, 0.25))
            kills_while_writing += 1
        os.kill(proc.pid, signal.SIGKILL)
        for line in _read_lines(proc):
            parts = line.split()
            if len(parts) == 3:
                kind, rid, version = parts
                prev = reported.get(rid)
                reported[rid] = (kind, max(int(version), prev[1] if prev else 0))
        assert proc.returncode == -signal.SIGKILL

        with Workspace.open(root, PASSWORD) as ws:
            assert check_workspace(ws) == [], f"after kill {run}"
            with ws.session() as s:
                visits = {v.id: v.version for v in s.exec(select(Visit))}
                problems = {p.id: p.version for p in s.exec(select(Problem))}
            for rid, (kind, committed) in reported.items():
                table = visits if kind == "visit" else problems
                assert rid in table, f"{kind} {rid} reported committed but missing after kill {run}"
                assert table[rid] >= committed
    assert kills_while_writing >= 80
    assert len(reported) > 200  # the writer did real work between kills
