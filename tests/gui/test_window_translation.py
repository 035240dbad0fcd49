"""Every view of the window in Chinese: the pages this issue added (settings, password and backup,
help), the rebuilt 跟踪督办, the wrap-up keys' words, the first steps, the join dialog, the date
fields, and Qt's own file dialog."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QFileDialog, QLabel, QTextBrowser

from app.ui.main_window import MainWindow
from app.ui.sync.join import JoinDialog
from tests.gui.test_field_translation import english_in, visible_texts

pytestmark = pytest.mark.qt_log_ignore("does not support propagateSizeHints")

KNOWN = {"workspace.key", "python -m app demo", "python -m app --demo", "XunchaDesk demo", "demo"}


def _allowed(texts: list[str]) -> list[str]:
    out = []
    for t in texts:
        for k in KNOWN:
            t = t.replace(k, "")
        out.append(t)
    return out


def test_every_view_and_its_panels_are_chinese(window: MainWindow, qtbot) -> None:
    window.resize(1366, 768)
    window.show()
    texts: list[str] = []
    for key in window.view_keys():
        view = window.show_view(key)
        assert view is not None
        texts += visible_texts(window)
        for browser in view.findChildren(QTextBrowser):
            if key != "help":  # the manual names keys and commands in Latin letters
                texts.append(browser.toPlainText())
    followup = window.show_view("followup")
    followup.select_item(followup.rows[0].item_id)  # type: ignore[union-attr]
    texts += visible_texts(window)
    texts += [followup.panel.info.toPlainText()]  # type: ignore[union-attr]
    sync = window.show_view("sync")
    assert window.ctx is not None
    texts += visible_texts(JoinDialog(window.ctx, sync))
    texts += [w.toolTip() for w in window.findChildren(QLabel)]
    found = english_in(_allowed(texts))
    assert found == []


def test_qt_s_own_file_dialog_is_chinese(app, qtbot, tmp_path: Path) -> None:
    dialog = QFileDialog(None, "选择", str(tmp_path), "图片 (*.jpg)")
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog)
    qtbot.addWidget(dialog)
    dialog.show()
    labels = [w.text() for w in dialog.findChildren(QLabel) if w.text()]
    assert "查找范围(&L)：" in labels and "文件类型(&T)：" in labels
    assert english_in(labels, {str(tmp_path)}) == []
