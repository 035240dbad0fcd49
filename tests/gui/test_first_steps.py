"""An empty new workspace leads a new user through the first steps, from every view."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QFileDialog, QMessageBox

from app.storage.workspace import Workspace
from app.ui.app import build_main_window
from app.ui.field.view import FieldView
from app.ui.first_steps import FirstSteps
from app.ui.registry.view import RegistryView
from app.ui.tasks import SyncTaskRunner
from tests.gui.attached import attached
from tests.gui.shots import shot
from tests.unit.services.registry.channel_files import REGISTRY, write_csv

pytestmark = pytest.mark.qt_log_ignore("does not support propagateSizeHints")


def test_an_empty_workspace_shows_the_first_steps_everywhere_and_no_empty_form(
    app, ws: Workspace, qtbot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    window = build_main_window(ws, SyncTaskRunner(), idle_lock=False, offer_drafts=False)
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    steps = attached(window, "first_steps", FirstSteps)
    for key in window.view_keys():
        window.show_view(key)
        assert steps.isVisible(), key  # above every view
    window.show_view("field")
    shot(window, "first-steps")
    field = window.view("field")
    assert isinstance(field, FieldView)
    assert field.new_record("visit") is None  # no form with an empty village list …
    boxes = [b for b in field.findChildren(QMessageBox) if b.isVisible()]
    assert boxes and "村情分类" in boxes[0].text()  # … but what to do first
    boxes[0].close()
    csv = write_csv(tmp_path / "名册.csv", REGISTRY)
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(csv), ""))
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    steps.import_button.click()  # to the registry's import, in one click
    assert isinstance(window.view("registry"), RegistryView)
    assert window.nav.currentItem().text() == "村情分类"
    assert window.ctx is not None
    assert len(window.ctx.villages) == 6
    assert not steps.isVisible()  # the first step is done
    window.show_view("field")
    assert field.new_record("visit") is not None
