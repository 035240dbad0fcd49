"""Sync export on a workspace that has not joined: said before a file is picked, joined in the
window; an exported bundle gets its .xdsb ending."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QFileDialog

import app.sync.kit as kitmod
from app.storage import keyfile
from app.storage.workspace import Workspace
from app.sync.identity import issue_team_kit
from app.ui.app import build_main_window
from app.ui.sync.panels import SyncView
from app.ui.tasks import SyncTaskRunner
from tests.gui.shots import shot
from tests.unit.sync.conftest import KIT_PASSWORD, PASSWORD, CheapKdf, make_office

pytestmark = pytest.mark.qt_log_ignore("does not support propagateSizeHints")


def test_an_unjoined_workspace_is_told_before_picking_a_file_and_joins_here(
    app, qtbot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(keyfile, "KdfParams", CheapKdf)
    monkeypatch.setattr(kitmod, "KdfParams", CheapKdf)
    office = make_office(tmp_path / "office")
    issue_team_kit(office, "第一巡察组", KIT_PASSWORD, tmp_path / "一组.kit")
    office.close()
    ws = Workspace.create(tmp_path / "team", team_name="一组", leader="李组长", password=PASSWORD)
    window = build_main_window(ws, SyncTaskRunner(), idle_lock=False, offer_drafts=False)
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    view = window.show_view("sync")
    assert isinstance(view, SyncView)
    panel = view.export_panel
    asked: list[str] = []

    def ask(*a: object, **k: object) -> tuple[str, str]:
        asked.append("asked")
        return "", ""

    monkeypatch.setattr(QFileDialog, "getSaveFileName", ask)
    notice = panel.join_notice.findChild(type(panel.message))
    assert notice is not None
    assert panel.join_notice.isVisible() and "组包" in notice.text()
    assert not panel.button.isEnabled()  # no file is asked for: it could not be written
    shot(window, "sync-not-joined")
    dialog = panel.join_notice.open_dialog()
    dialog.path.setText(str(tmp_path / "一组.kit"))
    dialog.password.setText("错的")
    dialog.buttons.accepted.emit()
    assert dialog.isVisible() and dialog.error.text()
    dialog.password.setText(KIT_PASSWORD)
    dialog.buttons.accepted.emit()
    assert not dialog.isVisible()
    assert not panel.join_notice.isVisible() and panel.button.isEnabled()
    assert "第一巡察组" in panel.message.text()
    assert asked == []
    out = tmp_path / "给巡察办"  # typed without the ending
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(out), ""))
    panel.button.click()
    assert (tmp_path / "给巡察办.xdsb").is_file(), panel.message.text()
    window.close()
