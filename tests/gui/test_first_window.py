from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtWidgets import QApplication, QDialogButtonBox

from app.services.demo import DemoOptions, fill_demo
from app.storage.workspace import Workspace
from app.ui.app import LoginDialog, MainWindow, install_qt_translation
from tests.conftest import PASSWORD


def _demo(tmp_path: Path) -> Path:
    root = tmp_path / "demo"
    with Workspace.create(root, team_name="组", leader="甲", password=PASSWORD, demo=True) as ws:
        fill_demo(ws, DemoOptions(villages=8, days=3, until=date(2026, 11, 27), seed=3))
    return root


def test_login_refuses_wrong_password_then_opens(qtbot, tmp_path: Path) -> None:
    root = _demo(tmp_path)
    assert install_qt_translation(QApplication.instance()) is not None
    dialog = LoginDialog(root)
    qtbot.addWidget(dialog)
    dialog.password.setText("错的")
    ok = dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok)
    assert ok.text() == "确定"
    ok.click()
    assert "密码" in dialog.error.text() and dialog.workspace is None
    dialog.password.setText(PASSWORD)
    ok.click()
    assert dialog.workspace is not None
    window = MainWindow(dialog.workspace)
    qtbot.addWidget(window)
    tree = window.tree
    villages = sum(tree.topLevelItem(i).childCount() for i in range(tree.topLevelItemCount()))
    assert villages == 8
    first = tree.topLevelItem(0).child(0)
    tree.setCurrentItem(first)
    assert first.text(0) in window.detail.text() and "走访记录" in window.detail.text()
    window.close()
