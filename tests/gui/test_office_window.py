"""The office's window on both stores (SQLCipher, PostgreSQL): its views load the merged data, and a
change made by another clerk reaches the open window."""

from __future__ import annotations

import time
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QApplication
from sqlmodel import select

import app.sync.kit as kitmod
from app.domain.vocabulary import WorkspaceKind
from app.services.demo.build import DemoOptions, fill_demo
from app.storage import keyfile
from app.storage.changes import ChangeSet
from app.storage.models import Problem, Township
from app.storage.pg.server import ServerSettings
from app.storage.workspace import Workspace
from app.sync.export import export_bundle
from app.sync.identity import ensure_office_keys, issue_team_kit, join_with_kit
from app.sync.merge import import_bundle
from app.ui.app import build_main_window, setup_application
from app.ui.tasks import SyncTaskRunner
from tests.unit.sync.conftest import KIT_PASSWORD, PASSWORD, CheapKdf


@pytest.fixture(params=["sqlite", "postgresql"])
def office(
    request: pytest.FixtureRequest, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> Iterator[tuple[Workspace, str | None]]:
    monkeypatch.setattr(keyfile, "KdfParams", CheapKdf)
    monkeypatch.setattr(kitmod, "KdfParams", CheapKdf)
    cluster: Any = None
    db = None
    server = None
    db_password = None
    if request.param == "postgresql":
        from tests.pgcluster import OWNER_PASSWORD

        cluster = request.getfixturevalue("pg_cluster")
        db = cluster.new_database()
        server = ServerSettings.parse(cluster.url(db))
        db_password = OWNER_PASSWORD
    ws = Workspace.create(
        tmp_path / "office",
        team_name="区委巡察办",
        leader="王主任",
        password=PASSWORD,
        kind=WorkspaceKind.OFFICE,
        server=server,
        db_password=db_password,
    )
    ensure_office_keys(ws)
    issue_team_kit(ws, "第一巡察组", KIT_PASSWORD, tmp_path / "k.kit")
    team = join_with_kit(
        tmp_path / "t", tmp_path / "k.kit", KIT_PASSWORD, leader="李", password=PASSWORD
    )
    fill_demo(team, DemoOptions(villages=3, days=2, until=date(2026, 11, 27)))
    import_bundle(ws, export_bundle(team, tmp_path / "b.xdsb").path)
    team.close()
    try:
        yield ws, db_password
    finally:
        ws.close()
        if cluster is not None:
            cluster.drop_database(db)


def test_office_window_on_the_store(
    qapp: QApplication, qtbot: Any, office: tuple[Workspace, str | None], tmp_path: Path
) -> None:
    setup_application()
    ws, db_password = office
    with ws.session() as s:
        live = len([p for p in s.exec(select(Problem)).all() if p.retired_at is None])
    win = build_main_window(ws, SyncTaskRunner(), idle_lock=False, offer_drafts=False)
    qtbot.addWidget(win)
    win.show()
    assert win.ctx is not None
    ctx = win.ctx
    heard: list[ChangeSet] = []
    ctx.ops.changed.connect(heard.append)
    sync = win.show_view("sync")
    panel = sync.overview_panel  # type: ignore[union-attr]
    panel.today = date(2026, 11, 27)
    panel.refresh()
    assert panel.model.rowCount() == live > 0
    for key in ("followup", "registry", "wrapup"):
        assert win.show_view(key) is not None
    assert ctx.ops.failures == []
    shot = tmp_path / "office-window.png"
    win.show_view("sync")
    assert win.grab().save(str(shot)) and shot.stat().st_size > 10_000

    # another clerk adds a township; the window hears of it through its watcher
    other = Workspace.open(ws.paths.root, PASSWORD, db_password=db_password)
    try:
        with other.session() as s:
            s.add(Township(name="新设镇"))
            s.commit()
    finally:
        other.close()
    for _ in range(40):
        ctx.external._on_timer_timeout()  # the timer's tick, run now
        if any(c.source == "other-clerk" and c.touches("township") for c in heard):
            break
        time.sleep(0.05)
    assert any(c.source == "other-clerk" and c.touches("township") for c in heard)
    assert ctx.ops.failures == []
    win.close()
