"""Follow-up steps and evidence from the command line: a ledger item ticked off to the end."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from PIL import Image

from tests.e2e.cli_helpers import run_app

TODAY = "2026-12-08"


@pytest.fixture(scope="module")
def demo_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    d = tmp_path_factory.mktemp("steps") / "demo"
    done = run_app(
        "--data-dir", d, "demo", "--villages", "6", "--days", "6", "--until", "2026-11-27"
    )
    assert done.returncode == 0, done.stderr
    return d


def _items(demo_dir: Path) -> list[dict[str, object]]:
    done = run_app("--data-dir", demo_dir, "due", "--json", "--all", "--today", TODAY)
    assert done.returncode == 0, done.stderr
    return list(json.loads(done.stdout))


def test_a_ledger_item_is_ticked_off_from_the_command_line(demo_dir: Path, tmp_path: Path):
    ledger = [r for r in _items(demo_dir) if r["kind"] == "ledger"]
    assert ledger
    lid = str(ledger[0]["item_id"])
    base = ("--data-dir", demo_dir, "step", "--id", lid, "--today", TODAY)
    if ledger[0]["status"] == "open":
        done = run_app(*base, "--action", "progress", "--text", "已召开党员大会整改。")
        assert done.returncode == 0, done.stderr
    done = run_app(*base, "--action", "tick_off", "--verifier", "王五")
    assert done.returncode == 1 and done.stderr.strip() == "错误：销号须附整改佐证照片。"
    photo = tmp_path / "公开栏.jpg"
    Image.new("RGB", (640, 480), (30, 90, 150)).save(photo, "JPEG")
    done = run_app(*base, "--action", "tick_off", "--verifier", "王五", "--evidence", photo)
    assert done.returncode == 0, done.stderr
    assert "已销号" in done.stdout
    assert lid not in {r["item_id"] for r in _items(demo_dir)}  # no longer running


def test_evidence_on_a_notice_by_document_number(demo_dir: Path, tmp_path: Path) -> None:
    notice = next(r for r in _items(demo_dir) if r["kind"] == "notice")
    scan = tmp_path / "回执.png"
    Image.new("RGB", (800, 1100), (240, 240, 240)).save(scan, "PNG")
    args = ("--data-dir", demo_dir, "evidence", "--id", str(notice["number"]))
    done = run_app(*args, "--step", "feedback", scan)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "立行立改通知书：已附佐证1份。"
    done = run_app(*args, tmp_path / "没有.png")
    assert done.returncode == 1 and "找不到文件" in done.stderr
