"""``python -m app due [--json]`` and the follow-up papers from the command line."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from tests.e2e.cli_helpers import run_app
from tests.unit.documents.pdfprobe import read_pages


@pytest.fixture(scope="module")
def demo_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    d = tmp_path_factory.mktemp("due") / "demo"
    done = run_app(
        "--data-dir", d, "demo", "--villages", "12", "--days", "12", "--until", "2026-11-27"
    )
    assert done.returncode == 0, done.stderr
    return d


def test_due_json_lists_kind_number_village_unit_deadline_days_colour(demo_dir: Path) -> None:
    done = run_app("--data-dir", demo_dir, "due", "--json", "--today", "2026-12-08")
    assert done.returncode == 0, done.stderr
    rows = json.loads(done.stdout)
    assert rows
    for r in rows:
        assert {"kind", "number", "village", "unit", "deadline", "days_left", "colour"} <= set(r)
        assert r["colour"] in ("green", "yellow", "red")
        # the demo's 集中整治 tasks and 回头看 dates share the list
        assert r["kind"] in ("notice", "ledger", "clue", "campaign_task", "campaign_review")
        if r["kind"] in ("notice", "clue"):
            assert re.search(r"〔\d{4}〕\d+号$", r["number"])
        left = r["days_left"]
        assert r["colour"] == ("red" if left < 0 else "yellow" if left <= 10 else "green")
    assert any(r["colour"] == "red" for r in rows)
    assert [r["days_left"] for r in rows] == sorted(r["days_left"] for r in rows)
    text = run_app("--data-dir", demo_dir, "due", "--today", "2026-12-08")
    assert text.returncode == 0
    assert "红色预警" in text.stdout and "已超期" in text.stdout
    assert len(text.stdout.strip().splitlines()) == len(rows) + 1


def test_usage_error_and_wrong_password(demo_dir: Path) -> None:
    done = run_app("--data-dir", demo_dir, "due", "--today", "27.11.2026")
    assert done.returncode == 2
    done = run_app("--data-dir", demo_dir, "due", password="wrong")
    assert done.returncode == 1 and done.stderr.strip().count("\n") == 0


def test_numbering_check_and_printing_a_notice(demo_dir: Path, tmp_path: Path) -> None:
    done = run_app("--data-dir", demo_dir, "numbering", "--check")
    assert done.returncode == 0, done.stderr
    assert "无重号" in done.stdout and "编号机" in done.stdout
    done = run_app(
        "--data-dir", demo_dir, "print", "notice", "--id", "淮巡立改〔2026〕1号", "--out", tmp_path
    )
    assert done.returncode == 0, done.stderr
    pdf = Path(done.stdout.strip())
    text = "".join(g.text for p in read_pages(pdf.read_bytes()) for g in p.glyphs)
    assert "淮巡立改〔2026〕1号" in text and "立行立改通知书" in text
    done = run_app(
        "--data-dir",
        demo_dir,
        "print",
        "notice",
        "--id",
        "淮巡立改〔2026〕999号",
        "--out",
        tmp_path,
    )
    assert done.returncode == 1 and "找不到" in done.stderr


def test_wrapup_out_also_writes_the_days_papers(demo_dir: Path, tmp_path: Path) -> None:
    out = tmp_path / "day"
    done = run_app("--data-dir", demo_dir, "wrapup", "--date", "2026-11-26", "--out", out)
    assert done.returncode == 0, done.stderr
    paths = [Path(p) for p in done.stdout.splitlines()]
    names = [p.name for p in paths]
    assert names[0] == "巡察日报-2026-11-26.pdf"
    assert any(n.startswith("立行立改通知书-") for n in names)
    assert any(n.endswith(".xlsx") and "整改台账" in n for n in names)
    assert all(p.is_file() for p in paths)
    numbers = [
        re.search(r"〔\d{4}〕\d+号", n).group(0)  # type: ignore[union-attr]
        for n in names
        if n.startswith(("立行立改通知书-", "问题线索移交-"))
    ]
    assert numbers and len(set(numbers)) == len(numbers)


def test_the_public_notice_carries_the_date_chosen(demo_dir: Path, tmp_path: Path) -> None:
    out = tmp_path / "公告.pdf"
    done = run_app(
        "--data-dir", demo_dir, "notice", "--batch", "1", "--date", "2026-11-16", "--out", out
    )
    assert done.returncode == 0, done.stderr
    pages = read_pages(out.read_bytes())
    for page in pages:
        text = "".join(g.text for g in page.glyphs)
        assert text.endswith("2026年11月16日"), text[-20:]


def test_print_working_papers_of_a_day_and_of_one_problem(demo_dir: Path, tmp_path: Path) -> None:
    out = tmp_path / "底稿"
    done = run_app(
        "--data-dir", demo_dir, "print", "working-paper", "--date", "2026-11-26", "--out", out
    )
    assert done.returncode == 0, done.stderr
    paths = [Path(p) for p in done.stdout.splitlines()]
    assert paths and all(p.is_file() and p.parent == out for p in paths)
    numbers = [re.search(r"20261126-\d{2}", p.name).group(0) for p in paths]  # type: ignore[union-attr]
    assert numbers == [f"20261126-{n:02d}" for n in range(1, len(paths) + 1)]
    text = "".join(g.text for g in read_pages(paths[0].read_bytes())[0].glyphs)
    assert f"底稿编号：{numbers[0]}" in text and "组长审核意见" in text
    one = run_app(
        "--data-dir", demo_dir, "print", "working-paper", "--problem", numbers[-1], "--out", out
    )
    assert one.returncode == 0, one.stderr
    assert [Path(p).name for p in one.stdout.splitlines()] == [paths[-1].name]
    bad = run_app("--data-dir", demo_dir, "print", "working-paper", "--out", out)
    assert bad.returncode == 2
    none = run_app(
        "--data-dir", demo_dir, "print", "working-paper", "--problem", "no-such", "--out", out
    )
    assert none.returncode == 1 and "找不到问题" in none.stderr


def test_paper_settings_and_the_clue_series(demo_dir: Path, tmp_path: Path) -> None:
    done = run_app("--data-dir", demo_dir, "papers", "--police", "淮阳区公安局")
    assert done.returncode == 0, done.stderr
    assert "公安机关名称：淮阳区公安局" in done.stdout
    assert "保密期限：1年" in done.stdout
    done = run_app("--data-dir", demo_dir, "numbering", "--check")
    assert done.returncode == 0, done.stderr
    assert "问题线索移交：淮巡移〔2026〕" in done.stdout
    assert "立行立改通知书：淮巡立改〔2026〕" in done.stdout
    done = run_app("--data-dir", demo_dir, "numbering", "--clue-prefix", "淮巡立改")
    assert done.returncode == 1 and "不能与立行立改通知书相同" in done.stderr
