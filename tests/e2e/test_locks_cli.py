"""One long writer must not crash every other command (issue 17, part 3).

Another process holds the write lock (a long import, say). ``stats`` and ``check`` only read, so
they run at once; ``backup`` writes one audit line, so it waits for the writer and either goes
ahead when the writer is done or says, in one line, who holds the database. Before, each died
after about 12 s with a 64-line ``database is locked`` traceback.
"""

from __future__ import annotations

import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from tests.e2e.cli_helpers import REPO, app_env, run_app

LEADER = "李明"

_WRITER = """
import select, sys
from pathlib import Path
from app.storage.models import Township
from app.storage.workspace import Workspace

ws = Workspace.open(Path(sys.argv[1]), "pw")
with ws.session() as s:
    s.add(Township(name="长事务镇"))
    s.flush()  # the write lock is held from here to the commit
    print("held", flush=True)
    select.select([sys.stdin], [], [], float(sys.argv[2]))  # until told, or the time is up
    s.commit()
ws.close()
print("done", flush=True)
"""


@pytest.fixture(scope="module")
def team(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("locks") / "team"
    done = run_app(
        "--data-dir", root, "demo", "--villages", "3", "--days", "2", "--until", "2026-11-27"
    )
    assert done.returncode == 0, done.stderr
    return root


@contextmanager
def _writer(root: Path, seconds: float) -> Iterator[subprocess.Popen[str]]:
    """Another process holding the write lock for ``seconds`` (or until its stdin closes)."""
    with subprocess.Popen(
        [sys.executable, "-c", _WRITER, str(root), str(seconds)],
        cwd=REPO,
        env=app_env(),
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
    ) as proc:
        assert proc.stdin is not None and proc.stdout is not None
        try:
            assert proc.stdout.readline().strip() == "held"
            yield proc
        finally:
            proc.stdin.close()
            proc.wait(timeout=seconds + 60)


def _timed(*args: object, **env: str) -> tuple[subprocess.CompletedProcess[str], float]:
    t = time.monotonic()
    done = run_app("--data-dir", *args, **env)  # type: ignore[arg-type]
    return done, time.monotonic() - t


def test_reads_run_beside_a_writer_and_a_write_says_who_holds_it(
    team: Path, tmp_path: Path
) -> None:
    with _writer(team, 600) as writer:
        stats, _ = _timed(team, "stats", "--json")
        assert stats.returncode == 0, stats.stderr
        check, _ = _timed(team, "check")
        assert check.returncode == 0, check.stderr
        backup, waited = _timed(team, "backup", "--out", tmp_path / "b.zip", XUNCHA_LOCK_WAIT="2")
        assert writer.poll() is None  # all of it while the writer held the lock
        assert backup.returncode == 1 and waited >= 2
        lines = backup.stderr.strip().splitlines()
        assert len(lines) == 1, backup.stderr
        assert "占用" in lines[0] and LEADER in lines[0] and "Traceback" not in backup.stderr
        assert not (tmp_path / "b.zip").exists()
    assert writer.returncode == 0
    again = run_app("--data-dir", team, "backup", "--out", tmp_path / "b.zip")
    assert again.returncode == 0, again.stderr


@pytest.mark.slow
def test_a_thirty_second_writer(team: Path, tmp_path: Path) -> None:
    """The issue's case as it is: 30 s of writing, commands with their default wait (60 s)."""
    with _writer(team, 30) as writer:
        stats, _ = _timed(team, "stats")
        check, _ = _timed(team, "check")
        assert stats.returncode == 0 and check.returncode == 0, stats.stderr + check.stderr
        assert writer.poll() is None  # they did not wait for the writer
        backup = run_app("--data-dir", team, "backup", "--out", tmp_path / "b.zip")
        assert backup.returncode == 0, backup.stderr  # it waited for the writer, then went ahead
        assert writer.stdout is not None and writer.stdout.readline().strip() == "done"
