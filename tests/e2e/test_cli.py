"""The command-line contract: exit 0 ok, 1 refused with one line on stderr, 2 usage."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.conftest import snapshot
from tests.e2e.cli_helpers import run_app


@pytest.fixture(scope="module")
def demo_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("cli") / "demo"
    done = run_app(
        "--data-dir",
        root,
        "demo",
        "--villages",
        "12",
        "--days",
        "5",
        "--until",
        "2026-11-27",
        password="pw",
    )
    assert done.returncode == 0, done.stderr
    return root


def _one_line_error(done) -> str:
    assert done.returncode == 1
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1, done.stderr
    return lines[0]


def test_init_then_refuses_to_touch_it_again(tmp_path: Path) -> None:
    root = tmp_path / "team"
    done = run_app("--data-dir", root, "init", "--team", "第二巡察组", "--leader", "王组长")
    assert done.returncode == 0, done.stderr
    assert "第二巡察组" not in done.stderr
    before = snapshot(root)
    again = run_app("--data-dir", root, "init", "--team", "x", "--leader", "y")
    assert "已有工作区" in _one_line_error(again)
    assert snapshot(root) == before
    stats = run_app("--data-dir", root, "stats", "--json")
    assert json.loads(stats.stdout)["user"] == 1


def test_office_workspace(tmp_path: Path) -> None:
    done = run_app(
        "--data-dir",
        tmp_path / "o",
        "init",
        "--team",
        "区委巡察办",
        "--leader",
        "办主任",
        "--office",
    )
    assert done.returncode == 0 and "巡察办工作区" in done.stdout


def test_demo_stats_and_check(demo_dir: Path) -> None:
    stats = run_app("--data-dir", demo_dir, "stats", "--json")
    assert stats.returncode == 0, stats.stderr
    counts = json.loads(stats.stdout)
    for kind in (
        "township",
        "village",
        "batch",
        "channel_listing",
        "visit",
        "opinion_entry",
        "interview",
        "problem",
        "rectification_notice",
        "clue_transfer",
        "ledger_item",
        "attachment",
    ):
        assert counts[kind] > 0, kind
    check = run_app("--data-dir", demo_dir, "check")
    assert check.returncode == 0, check.stderr
    assert "检查通过" in check.stdout


def test_wrong_password_missing_workspace_and_usage(demo_dir: Path, tmp_path: Path) -> None:
    before = snapshot(demo_dir)
    assert "密码" in _one_line_error(run_app("--data-dir", demo_dir, "stats", password="wrong"))
    assert snapshot(demo_dir) == before
    assert "没有工作区" in _one_line_error(run_app("--data-dir", tmp_path / "none", "stats"))
    assert not (tmp_path / "none").exists()
    no_pw = run_app("--data-dir", demo_dir, "stats", password=None)
    assert "XUNCHA_PASSWORD" in _one_line_error(no_pw)
    assert run_app("--data-dir", demo_dir, "frobnicate").returncode == 2
    assert run_app("--data-dir", demo_dir, "demo", "--days", "zero").returncode == 2
    assert run_app("init", "--team", "x").returncode == 2


def test_backup_is_verified_and_never_overwrites(demo_dir: Path, tmp_path: Path) -> None:
    out = tmp_path / "b" / "backup.db"
    done = run_app("--data-dir", demo_dir, "backup", "--out", out)
    assert done.returncode == 0, done.stderr
    assert out.exists() and "已校验" in done.stdout
    assert list(out.parent.iterdir()) == [out]  # no temp file left
    data = out.read_bytes()
    assert "已备份" not in data.decode("latin-1") and not data.startswith(b"SQLite format 3")
    again = run_app("--data-dir", demo_dir, "backup", "--out", out)
    assert "已存在" in _one_line_error(again)
    assert out.read_bytes() == data


def test_passwd_rewraps(tmp_path: Path) -> None:
    root = tmp_path / "p"
    assert run_app("--data-dir", root, "init", "--team", "组", "--leader", "甲").returncode == 0
    done = run_app("--data-dir", root, "passwd", XUNCHA_NEW_PASSWORD="新密码")
    assert done.returncode == 0, done.stderr
    assert run_app("--data-dir", root, "stats", password="新密码").returncode == 0
    assert run_app("--data-dir", root, "stats", password="pw").returncode == 1


def test_demo_is_deterministic_for_a_seed(tmp_path: Path) -> None:
    def texts(root: Path) -> dict[str, int]:
        args = ("demo", "--villages", "6", "--days", "3", "--until", "2026-10-10", "--seed", "7")
        assert run_app("--data-dir", root, *args).returncode == 0
        return json.loads(run_app("--data-dir", root, "stats", "--json").stdout)

    a, b = texts(tmp_path / "a"), texts(tmp_path / "b")
    assert a == b
    c_root = tmp_path / "c"
    run_app(
        "--data-dir",
        c_root,
        "demo",
        "--villages",
        "6",
        "--days",
        "3",
        "--until",
        "2026-10-10",
        "--seed",
        "8",
    )
    assert json.loads(run_app("--data-dir", c_root, "stats", "--json").stdout) != a
