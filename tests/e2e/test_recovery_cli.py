"""A lost password or a dead laptop must not lose a round's work (issue 17, part 5), on the
command line: users, the recovery code, backup and restore, and a replacement laptop."""

from __future__ import annotations

import json
import re
import subprocess
from pathlib import Path

import pytest

import app.sync.kit as kitmod
from app import cli
from app.storage import keyfile
from tests.e2e.cli_helpers import run_app
from tests.unit.sync.conftest import CheapKdf

KIT_PW = "kit-pw"
CODE = re.compile(r"\b([0-9A-Z]{4}(?:-[0-9A-Z]{4}){5})\b")


@pytest.fixture
def run(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]):
    """``python -m app …`` in this process (cheap Argon2: these tests are about the flow)."""
    monkeypatch.setattr(keyfile, "KdfParams", CheapKdf)
    monkeypatch.setattr(kitmod, "KdfParams", CheapKdf)

    def run_in(*args: str | Path, **env: str) -> subprocess.CompletedProcess[str]:
        for k in (
            "XUNCHA_KIT_PASSWORD",
            "XUNCHA_USER",
            "XUNCHA_NEW_PASSWORD",
            "XUNCHA_RECOVERY_CODE",
        ):
            monkeypatch.delenv(k, raising=False)
        monkeypatch.setenv("XUNCHA_PASSWORD", env.pop("password", "pw"))
        for k, v in env.items():
            monkeypatch.setenv(k, v)
        try:
            code = cli.main([str(a) for a in args])
        except SystemExit as exc:
            code = int(exc.code or 0)
        out = capsys.readouterr()
        return subprocess.CompletedProcess(list(args), code, out.out, out.err)

    return run_in


def _ok(done: subprocess.CompletedProcess[str]) -> str:
    assert done.returncode == 0, done.stderr
    return done.stdout


def _one_line(done: subprocess.CompletedProcess[str], *words: str) -> None:
    assert done.returncode == 1, done
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1, done.stderr
    for w in words:
        assert w in lines[0], lines[0]


KINDS = (
    "visit",
    "opinion_entry",
    "interview",
    "person",
    "attachment",
    "problem",
    "rectification_notice",
    "clue_transfer",
    "ledger_item",
)


def test_a_replacement_laptop_carries_on(run, tmp_path: Path) -> None:
    """The office ``--all`` bundle used to bring back problems and notices but 0 visits,
    interviews, letters, people and photos."""
    office, old, new = tmp_path / "office", tmp_path / "old", tmp_path / "new"
    kit = tmp_path / "team.kit"
    _ok(run("--data-dir", office, "init", "--office", "--team", "区委巡察办", "--leader", "王主任"))
    _ok(
        run(
            "--data-dir", office, "team-kit", "--team", "第一巡察组", "--out", kit,
            XUNCHA_KIT_PASSWORD=KIT_PW,
        )
    )  # fmt: skip
    _ok(
        run(
            "--data-dir", old, "demo", "--kit", kit, "--villages", "3", "--days", "2",
            "--until", "2026-11-27", XUNCHA_KIT_PASSWORD=KIT_PW,
        )
    )  # fmt: skip
    before = json.loads(_ok(run("--data-dir", old, "stats", "--json")))
    assert all(before[k] > 0 for k in KINDS), before
    _ok(run("--data-dir", old, "export-bundle", "--out", tmp_path / "up.xdsb"))
    _ok(run("--data-dir", office, "import-bundle", tmp_path / "up.xdsb"))

    # the laptop dies; the office issues the kit again and the team joins with a new laptop
    kit2 = tmp_path / "again.kit"
    _ok(
        run(
            "--data-dir", office, "team-kit", "--team", "第一巡察组", "--out", kit2,
            XUNCHA_KIT_PASSWORD=KIT_PW,
        )
    )  # fmt: skip
    joined = _ok(
        run(
            "--data-dir", new, "init", "--kit", kit2, "--leader", "李明", password="新电脑密码",
            XUNCHA_KIT_PASSWORD=KIT_PW,
        )
    )  # fmt: skip
    assert CODE.search(joined)  # the new laptop's recovery code, shown once
    back = tmp_path / "back.xdsb"
    _ok(run("--data-dir", office, "export-bundle", "--all", "--team", "第一巡察组", "--out", back))
    got = _ok(run("--data-dir", new, "import-bundle", back, password="新电脑密码"))
    assert "冲突 0" in got
    after = json.loads(_ok(run("--data-dir", new, "stats", "--json", password="新电脑密码")))
    assert {k: after[k] for k in KINDS} == {k: before[k] for k in KINDS}
    assert "检查通过" in _ok(run("--data-dir", new, "check", password="新电脑密码"))

    # and it carries on: its next bundle goes to the office like any other
    nxt = tmp_path / "next.xdsb"
    _ok(run("--data-dir", new, "export-bundle", "--out", nxt, password="新电脑密码"))
    again = _ok(run("--data-dir", office, "import-bundle", nxt))
    assert "冲突 0" in again


def test_users_recovery_code_backup_and_restore(run, tmp_path: Path) -> None:
    ws = tmp_path / "team"
    made = _ok(run("--data-dir", ws, "init", "--team", "第一巡察组", "--leader", "李明"))
    code = CODE.search(made)
    assert code is not None and "只显示这一次" in made
    _ok(run("--data-dir", ws, "user", "add", "王五", XUNCHA_NEW_PASSWORD="成员密码"))
    listed = _ok(run("--data-dir", ws, "user", "list"))
    assert "王五" in listed and "可登录" in listed
    _one_line(run("--data-dir", ws, "user", "add", "外人", password="成员密码"), "组长")
    _ok(run("--data-dir", ws, "user", "remove", "王五"))
    _one_line(run("--data-dir", ws, "stats", password="成员密码"), "密码不正确")

    # every password forgotten: the code on paper sets a new one
    _one_line(
        run(
            "--data-dir", ws, "recover", "李明", password="",
            XUNCHA_RECOVERY_CODE="0000-0000-0000-0000-0000-0000", XUNCHA_NEW_PASSWORD="x",
        ),
        "恢复码不正确",
    )  # fmt: skip
    _ok(
        run(
            "--data-dir", ws, "recover", "李明", password="",
            XUNCHA_RECOVERY_CODE=code.group(1).lower(), XUNCHA_NEW_PASSWORD="新密码",
        )
    )  # fmt: skip
    _ok(run("--data-dir", ws, "stats", password="新密码"))

    out = tmp_path / "team.xdbak"
    backed = _ok(run("--data-dir", ws, "backup", "--out", out, password="新密码"))
    assert "workspace.key" in backed
    _one_line(run("--data-dir", ws, "restore", out, "--to", ws, password="新密码"), "不会覆盖")
    restored = _ok(
        run("--data-dir", ws, "restore", out, "--to", tmp_path / "copy", password="新密码")
    )
    assert "已校验" in restored
    assert "检查通过" in _ok(run("--data-dir", tmp_path / "copy", "check", password="新密码"))


def test_init_prints_the_recovery_code_as_a_real_process(tmp_path: Path) -> None:
    done = run_app("--data-dir", tmp_path / "t", "init", "--team", "组", "--leader", "甲")
    assert done.returncode == 0, done.stderr
    found = CODE.search(done.stdout)
    assert found is not None
    fixed = run_app(
        "--data-dir", tmp_path / "t", "recover", "甲", password=None,
        XUNCHA_RECOVERY_CODE=found.group(1), XUNCHA_NEW_PASSWORD="另一个密码",
    )  # fmt: skip
    assert fixed.returncode == 0, fixed.stderr
    assert run_app("--data-dir", tmp_path / "t", "stats", password="另一个密码").returncode == 0
