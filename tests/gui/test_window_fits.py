"""The window fits a 1366×768 laptop (the tests' screen), keeps its place, and so do previews."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QRect
from PySide6.QtGui import QGuiApplication

from app.storage.workspace import Workspace
from app.ui.app import build_main_window
from app.ui.geometry import GEOMETRY_FILE
from app.ui.main_window import MainWindow
from app.ui.pdf_preview import PdfPreviewDialog
from app.ui.tasks import SyncTaskRunner
from tests.conftest import PASSWORD
from tests.gui.field_helpers import LEADER
from tests.gui.shots import shot

pytestmark = pytest.mark.qt_log_ignore("does not support propagateSizeHints")


def _screen() -> QRect:
    screen = QGuiApplication.primaryScreen()
    assert screen is not None
    return screen.availableGeometry()


def test_the_tests_run_on_a_1366_by_768_screen(app) -> None:
    assert _screen().size().toTuple() == (1366, 768)


def test_the_main_window_and_every_view_fit_the_screen(window: MainWindow, qtbot) -> None:
    window.show()
    area = _screen()
    assert area.contains(window.frameGeometry()), window.frameGeometry()
    for key in window.view_keys():
        window.show_view(key)
        hint = window.minimumSizeHint()
        assert hint.width() <= area.width() and hint.height() <= area.height() - 40, (key, hint)
        assert area.contains(window.frameGeometry()), (key, window.frameGeometry())
    assert window.statusBar().isVisible()
    assert window.statusBar().geometry().bottom() <= window.height()
    window.show_view("field")
    shot(window, "main-1366x768")


def test_the_window_comes_back_where_it_was(app, demo_root: Path, qtbot) -> None:
    ws = Workspace.open(demo_root, PASSWORD, LEADER)
    win = build_main_window(ws, SyncTaskRunner(), idle_lock=False, offer_drafts=False)
    win.show()
    win.setGeometry(100, 80, 1000, 600)
    win.close()
    assert (demo_root / GEOMETRY_FILE).is_file()
    ws = Workspace.open(demo_root, PASSWORD, LEADER)
    again = build_main_window(ws, SyncTaskRunner(), idle_lock=False, offer_drafts=False)
    again.show()
    try:
        assert again.geometry().size().toTuple() == (1000, 600)
        assert again.geometry().topLeft().toTuple() == (100, 80)
    finally:
        again.close()


def test_a_preview_fits_the_screen(app, qtbot) -> None:
    dialog = PdfPreviewDialog(b"%PDF-1.4\n", "x.pdf", "预览")
    qtbot.addWidget(dialog)
    dialog.show()
    assert _screen().contains(dialog.frameGeometry())
    assert dialog.height() < 768
