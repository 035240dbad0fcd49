"""``python -m app wrapup --date --out``: the daily report from the command line."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.e2e.cli_helpers import run_app
from tests.unit.documents.pdfprobe import read_pages


@pytest.fixture(scope="module")
def demo_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    d = tmp_path_factory.mktemp("wrapup") / "demo"
    done = run_app(
        "--data-dir", d, "demo", "--villages", "12", "--days", "5", "--until", "2026-11-27"
    )
    assert done.returncode == 0, done.stderr
    return d


def test_writes_the_report_and_prints_its_path(demo_dir: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    done = run_app("--data-dir", demo_dir, "wrapup", "--date", "2026-11-26", "--out", out)
    assert done.returncode == 0, done.stderr
    line = done.stdout.splitlines()[0]  # then the day's notices, transfers, ledger (issue 5)
    path = Path(line)
    assert path == out / "巡察日报-2026-11-26.pdf" and path.is_file()
    text = "".join(g.text for p in read_pages(path.read_bytes()) for g in p.glyphs)
    assert "巡察日报" in text and "2026年11月26日" in text and "组长签结：李明" in text
    # the open last day prints too, as a draft
    done = run_app("--data-dir", demo_dir, "wrapup", "--date", "2026-11-27", "--out", out)
    assert done.returncode == 0, done.stderr
    pages = read_pages(Path(done.stdout.strip()).read_bytes())
    assert any(g.size > 100 for g in pages[0].glyphs)  # 草稿


def test_a_date_without_records_is_refused_naming_it(demo_dir: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    done = run_app("--data-dir", demo_dir, "wrapup", "--date", "2026-12-25", "--out", out)
    assert done.returncode == 1
    assert done.stderr.strip().count("\n") == 0 and "2026-12-25" in done.stderr
    assert not out.exists()


def test_usage_errors_and_wrong_password(demo_dir: Path, tmp_path: Path) -> None:
    done = run_app("--data-dir", demo_dir, "wrapup", "--date", "26.11.2026", "--out", tmp_path)
    assert done.returncode == 2 and "YYYY-MM-DD" in done.stderr
    done = run_app("--data-dir", demo_dir, "wrapup", "--date", "2026-11-26")
    assert done.returncode == 2
    done = run_app(
        "--data-dir", demo_dir, "wrapup", "--date", "2026-11-26", "--out", tmp_path, password="x"
    )
    assert done.returncode == 1 and "密码" in done.stderr
