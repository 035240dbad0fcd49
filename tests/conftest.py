"""Shared fixtures. GUI tests run on Qt's offscreen platform, set here before Qt loads."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

# ... with one screen of the smallest laptop the window must fit (1366×768)
os.environ.setdefault(
    "QT_QPA_PLATFORM", f"offscreen:configfile={Path(__file__).with_name('screen_1366x768.json')}"
)

from app.storage.workspace import Workspace

PASSWORD = "正确的密码-1"
LEADER = "李组长"
SHOTS_ENV = "XUNCHA_SHOTS"


@pytest.fixture
def shots(request: pytest.FixtureRequest, tmp_path: Path) -> Path:
    """Where a test saves its screenshots: ``$XUNCHA_SHOTS/<test module>`` when that is set (to
    look at them afterwards), else the test's own temp folder."""
    root = os.environ.get(SHOTS_ENV)
    folder = Path(root) / request.module.__name__.rsplit(".", 1)[-1] if root else tmp_path / "shots"
    folder.mkdir(parents=True, exist_ok=True)
    return folder


@pytest.fixture
def ws(tmp_path: Path) -> Iterator[Workspace]:
    """A fresh team workspace, open as its leader."""
    workspace = Workspace.create(
        tmp_path / "ws", team_name="第一巡察组", leader=LEADER, password=PASSWORD
    )
    try:
        yield workspace
    finally:
        workspace.close()


def snapshot(folder: Path) -> dict[str, bytes]:
    """Every file under ``folder`` with its bytes (to prove that nothing changed), but the
    workspace's error log (``logs/``): a refusal is written there, and only there, on purpose."""
    return {
        str(p.relative_to(folder)): p.read_bytes()
        for p in sorted(folder.rglob("*"))
        if p.is_file() and p.relative_to(folder).parts[0] != "logs"
    }


# -- PostgreSQL: one throw-away cluster per session, one database per test ---------------------
@pytest.fixture(scope="session")
def pg_cluster() -> Iterator[Any]:
    """The session's PostgreSQL cluster (see tests/pgcluster.py); started on first use."""
    from tests import pgcluster

    if pgcluster.server_bin() is None:
        if os.environ.get("CI"):
            pytest.fail("PostgreSQL server binaries are missing: .ci/run installs postgresql")
        pytest.skip("PostgreSQL server binaries are not installed (apt-get install postgresql)")
    with pgcluster.cluster_for_session() as cluster:
        yield cluster


@pytest.fixture
def pg_database(pg_cluster: Any) -> Iterator[str]:
    """A fresh database at the program's schema (from the template), dropped afterwards."""
    name = pg_cluster.new_database()
    try:
        yield name
    finally:
        pg_cluster.drop_database(name)
