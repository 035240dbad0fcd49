"""The help page: every view explained, the three tracks, and every shortcut the window has."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence, QShortcut

from app.ui.help.view import SHORTCUTS, HelpView
from app.ui.main_window import MainWindow
from tests.gui.shots import shot

pytestmark = pytest.mark.qt_log_ignore("does not support propagateSizeHints")


def _keys(window: MainWindow) -> set[str]:
    found: set[str] = set()
    for key in window.view_keys():
        window.show_view(key)  # build every view
    objects: list[QShortcut | QAction] = [
        *window.findChildren(QShortcut),
        *window.findChildren(QAction),
    ]
    for obj in objects:
        seq = obj.key() if isinstance(obj, QShortcut) else obj.shortcut()
        text = seq.toString(QKeySequence.SequenceFormat.PortableText)
        if text:
            found.add(text)
    return found


def test_f1_opens_help_which_lists_every_view_track_and_shortcut(window: MainWindow, qtbot):
    window.resize(1366, 768)
    with qtbot.waitActive(window):
        window.show()
        window.activateWindow()
    qtbot.keyClick(window.focusWidget() or window, Qt.Key.Key_F1)
    page = window.view("help")
    assert isinstance(page, HelpView) and window.nav.currentItem().text() == "帮助"
    text = page.browser.toPlainText()
    titles = [window.nav.item(i).text() for i in range(window.nav.count())]
    assert all(t in text for t in titles), [t for t in titles if t not in text]
    for track in ("立行立改", "直查快办", "对账销号", "待核实"):
        assert track in text
    listed = {keys for _, keys, _ in SHORTCUTS}
    missing = _keys(window) - listed
    assert missing == set()
    shot(window, "help")
