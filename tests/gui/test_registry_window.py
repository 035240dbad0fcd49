"""村情分类 in the real window: every word Chinese (the triage panel's hint too); Esc closes the
batch plan, and asks first when it has unsaved changes."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from app.ui.main_window import MainWindow
from app.ui.registry.view import RegistryView, TriagePanel

pytestmark = pytest.mark.qt_log_ignore("does not support propagateSizeHints")


def registry(window: MainWindow) -> RegistryView:
    view = window.show_view("registry")
    assert isinstance(view, RegistryView)
    return view


def test_the_triage_panel_says_in_chinese_what_to_do(window: MainWindow) -> None:
    view = registry(window)
    browser = view.findChild(TriagePanel)
    assert browser is not None
    browser.show_nothing()
    assert browser.toPlainText() == "选择一个村（社区），查看其分类的理由。"


def test_esc_closes_the_batch_plan_and_asks_when_it_has_changes(window: MainWindow, qtbot) -> None:
    window.show()
    view = registry(window)
    editor = view.open_plan()
    with qtbot.waitActive(editor):
        editor.activateWindow()
    qtbot.keyClick(editor.table, Qt.Key.Key_Escape)
    assert not editor.isVisible()  # nothing changed: Esc simply closes
    editor = view.open_plan()
    with qtbot.waitActive(editor):
        editor.activateWindow()
    editor.suggest_button.click()  # the plan changes in the editor, unsaved
    assert editor.dirty
    qtbot.keyClick(editor.table, Qt.Key.Key_Escape)
    assert editor.isVisible()
    box = next(b for b in editor.findChildren(QMessageBox, "askUnsaved") if b.isVisible())
    button = next(b for b in box.buttons() if b.text().replace("&", "") == "继续修改")
    button.click()
    assert editor.isVisible() and editor.dirty
    qtbot.keyClick(editor.table, Qt.Key.Key_Escape)
    box = next(b for b in editor.findChildren(QMessageBox, "askUnsaved") if b.isVisible())
    button = next(b for b in box.buttons() if b.text().replace("&", "") == "放弃修改")
    button.click()
    assert not editor.isVisible()
