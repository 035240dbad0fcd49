"""The office flow on the command line, and a kill during import: all or nothing."""

from __future__ import annotations

import random
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest
from sqlmodel import func, select

import app.sync.kit as kitmod
from app import cli
from app.services.demo.build import DemoOptions, fill_demo
from app.storage import keyfile
from app.storage.check import check_workspace
from app.storage.models import SyncBundle, Visit
from app.storage.workspace import Workspace
from app.sync.export import export_bundle
from app.sync.identity import issue_team_kit, join_with_kit
from tests.e2e.cli_helpers import REPO, app_env, run_app
from tests.unit.sync.conftest import CheapKdf, make_office

KIT_PW = "kit-pw"


def _one_line_error(proc: subprocess.CompletedProcess[str], *words: str) -> None:
    assert proc.returncode == 1, proc
    lines = proc.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("错误："), proc.stderr
    for w in words:
        assert w in lines[0], lines[0]


@pytest.mark.slow
def test_office_flow_on_the_command_line(tmp_path: Path):
    """As a user runs it: one process per command."""
    _office_flow(tmp_path, run_app)


def test_office_flow_in_process(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
):
    """The same flow through ``app.cli.main`` in this process (fast: cheap Argon2 here)."""
    monkeypatch.setattr(keyfile, "KdfParams", CheapKdf)
    monkeypatch.setattr(kitmod, "KdfParams", CheapKdf)

    def run(*args: str | Path, **env: str) -> subprocess.CompletedProcess[str]:
        for k in ("XUNCHA_KIT_PASSWORD", "XUNCHA_USER"):
            monkeypatch.delenv(k, raising=False)
        monkeypatch.setenv("XUNCHA_PASSWORD", "pw")
        for k, v in env.items():
            monkeypatch.setenv(k, v)
        try:
            code = cli.main([str(a) for a in args])
        except SystemExit as exc:
            code = int(exc.code or 0)
        out = capsys.readouterr()
        return subprocess.CompletedProcess(list(args), code, out.out, out.err)

    _office_flow(tmp_path, run)


def _office_flow(tmp_path: Path, run_app: Any) -> None:
    office, team_a, team_b = tmp_path / "office", tmp_path / "a", tmp_path / "b"
    kit = tmp_path / "team.kit"
    assert (
        run_app(
            "--data-dir", office, "init", "--office", "--team", "区委巡察办", "--leader", "王主任"
        ).returncode
        == 0
    )
    made = run_app(
        "--data-dir",
        office,
        "team-kit",
        "--team",
        "第一巡察组",
        "--out",
        kit,
        XUNCHA_KIT_PASSWORD=KIT_PW,
    )
    assert made.returncode == 0, made.stderr
    assert "第一巡察组" not in kit.read_text()
    again = run_app(
        "--data-dir",
        office,
        "team-kit",
        "--team",
        "第一巡察组",
        "--out",
        kit,
        XUNCHA_KIT_PASSWORD=KIT_PW,
    )
    _one_line_error(again, "已存在")
    wrong = run_app(
        "--data-dir", team_a, "init", "--kit", kit, "--leader", "李组长", XUNCHA_KIT_PASSWORD="nope"
    )
    _one_line_error(wrong, "组包密码不正确")
    assert not team_a.exists()
    no_kit_pw = run_app("--data-dir", team_a, "init", "--kit", kit, "--leader", "李组长")
    _one_line_error(no_kit_pw, "组包密码", "XUNCHA_KIT_PASSWORD")  # not the workspace's variable
    assert not team_a.exists()
    joined = run_app(
        "--data-dir", team_a, "init", "--kit", kit, "--leader", "李组长", XUNCHA_KIT_PASSWORD=KIT_PW
    )
    assert joined.returncode == 0, joined.stderr
    demo = run_app(
        "--data-dir",
        team_b,
        "demo",
        "--kit",
        kit,
        "--villages",
        "3",
        "--days",
        "2",
        XUNCHA_KIT_PASSWORD=KIT_PW,
    )
    assert demo.returncode == 0, demo.stderr

    bundle = tmp_path / "b.xdsb"
    exported = run_app("--data-dir", team_b, "export-bundle", "--out", bundle)
    assert exported.returncode == 0, exported.stderr
    assert "已导出同步包" in exported.stdout
    first = run_app("--data-dir", office, "import-bundle", bundle)
    assert first.returncode == 0, first.stderr
    assert "新增" in first.stdout and "冲突 0" in first.stdout
    second = run_app("--data-dir", office, "import-bundle", bundle)
    assert "新增 0，更新 0" in second.stdout and "此前已导入过" in second.stdout

    damaged = tmp_path / "damaged.xdsb"
    raw = bytearray(bundle.read_bytes())
    raw[len(raw) // 2] ^= 0x10
    damaged.write_bytes(bytes(raw))
    _one_line_error(run_app("--data-dir", office, "import-bundle", damaged), "签名无效")
    cut = tmp_path / "cut.xdsb"
    cut.write_bytes(bundle.read_bytes()[:-100])
    _one_line_error(run_app("--data-dir", office, "import-bundle", cut), "截断")
    _one_line_error(run_app("--data-dir", team_a, "import-bundle", bundle), "发给巡察办")

    back = tmp_path / "back.xdsb"
    sent = run_app("--data-dir", office, "export-bundle", "--out", back, "--team", "第一巡察组")
    assert sent.returncode == 0, sent.stderr
    got = run_app("--data-dir", team_a, "import-bundle", back)
    assert got.returncode == 0 and "新增" in got.stdout, got.stderr
    listed = run_app("--data-dir", office, "conflicts")
    assert listed.returncode == 0 and "没有待处理的冲突" in listed.stdout
    usage = run_app("--data-dir", tmp_path / "c", "init", "--leader", "x")
    assert usage.returncode == 2


@pytest.mark.slow
@pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL is POSIX")
def test_kill_during_import_all_or_nothing_then_import_completes(tmp_path: Path):
    office = make_office(tmp_path / "office")
    issue_team_kit(office, "第一巡察组", KIT_PW, tmp_path / "k.kit")
    office.close()
    team = join_with_kit(tmp_path / "team", tmp_path / "k.kit", KIT_PW, leader="李", password="pw")
    fill_demo(team, DemoOptions(villages=30, days=10))
    bundle = export_bundle(team, tmp_path / "big.xdsb")
    team.close()
    with Workspace.open(tmp_path / "team", "pw") as t, t.session() as s:
        expected = s.exec(select(func.count()).select_from(Visit)).one()
    assert bundle.counts["visit"] == expected > 100

    def visits_and_logs() -> tuple[int, int]:
        with Workspace.open(tmp_path / "office", "pw") as ws:
            assert check_workspace(ws) == []
            with ws.session() as s:
                return (
                    s.exec(select(func.count()).select_from(Visit)).one(),
                    s.exec(select(func.count()).select_from(SyncBundle)).one(),
                )

    # how long a whole import takes here, on a copy
    shutil.copytree(tmp_path / "office", tmp_path / "timing")
    start = time.perf_counter()
    timed = run_app("--data-dir", tmp_path / "timing", "import-bundle", bundle.path)
    full = time.perf_counter() - start
    assert timed.returncode == 0, timed.stderr

    rng = random.Random(7)
    for _ in range(12):
        proc = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "app",
                "--data-dir",
                str(tmp_path / "office"),
                "import-bundle",
                str(bundle.path),
            ],
            cwd=REPO,
            env=app_env("pw"),
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        time.sleep(rng.uniform(0.3, full * 0.95))
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        visits, logs = visits_and_logs()
        assert (visits, logs) in ((0, 0), (expected, 1)), (visits, logs)
        if visits:
            break
    done = run_app("--data-dir", tmp_path / "office", "import-bundle", bundle.path)
    assert done.returncode == 0, done.stderr
    assert visits_and_logs() == (expected, 1)
