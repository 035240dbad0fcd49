"""Wrong passwords in the window: a growing delay, counted down, at login, lock and sign-off."""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox

from app.services.access import open_guarded
from app.storage.attempts import read_attempts, write_attempts
from app.ui.login import LoginDialog
from app.ui.main_window import MainWindow
from app.ui.wrapup.view import WrapupView
from tests.conftest import PASSWORD
from tests.gui.shots import shot

pytestmark = pytest.mark.qt_log_ignore("does not support propagateSizeHints")


def _age_failures(root: Path, seconds: float = 3600) -> None:
    """Let the delay run out (as if the user had waited)."""
    log = read_attempts(root)
    assert log is not None
    log.last -= seconds
    write_attempts(root, log)


def _is_locked(window: MainWindow) -> bool:
    return window.is_locked


def _login(root: Path) -> LoginDialog:
    return LoginDialog(root, lambda pw, user: open_guarded(root, pw, user)[0])


def test_login_counts_wrong_passwords_and_makes_the_user_wait(app, demo_root: Path, qtbot):
    dialog = _login(demo_root)
    qtbot.addWidget(dialog)
    ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    texts = []
    for _ in range(3):
        dialog.password.setText("错的密码")
        qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)
        texts.append(dialog.error.text())
    assert len(set(texts)) == 3 and "已连续输错3次" in texts[2]
    assert "请等待" in texts[2] and "秒后再试" in texts[2]
    assert not ok.isEnabled() and dialog.countdown.running
    dialog.password.setText(PASSWORD)
    qtbot.keyClick(dialog.password, Qt.Key.Key_Return)  # Enter does not get around the wait
    assert dialog.workspace is None
    shot(dialog, "guard-login-waiting")
    # a restart: the new dialog still waits
    again = _login(demo_root)
    qtbot.addWidget(again)
    again_ok = again.buttons.button(QDialogButtonBox.StandardButton.Ok)
    assert not again_ok.isEnabled() and "请等待" in again.error.text()
    _age_failures(demo_root)
    again.countdown.tick()
    assert again_ok.isEnabled() and not again.countdown.running
    again.password.setText(PASSWORD)
    qtbot.mouseClick(again_ok, Qt.MouseButton.LeftButton)
    assert again.workspace is not None
    again.workspace.close()


def test_the_lock_page_counts_down_too(window: MainWindow, qtbot) -> None:
    window.show()
    window.lock()
    page = window.lock_page
    for _ in range(3):
        page.password.clear()
        qtbot.keyClicks(page.password, "wrong")
        qtbot.keyClick(page.password, Qt.Key.Key_Return)
    assert window.is_locked and not page.button.isEnabled()
    assert "已连续输错3次" in page.error.text() and "请等待" in page.error.text()
    shot(window, "guard-lock-waiting")
    assert window.lock_page._root is not None
    root = Path(window.lock_page._root)
    _age_failures(root)
    page.countdown.tick()
    assert page.button.isEnabled()
    page.password.setText(PASSWORD)
    page.button.click()
    assert not _is_locked(window)  # read afresh: mypy keeps the property narrowed above
    assert "3次密码输入错误" in window.statusBar().currentMessage()


def test_sign_off_counts_wrong_passwords(window: MainWindow, qtbot) -> None:
    view = window.show_view("wrapup")
    assert isinstance(view, WrapupView)
    view.sign_off.click()
    dialog = view.close_dialog
    assert dialog is not None
    for _ in range(3):
        dialog.password.setText("不对")
        dialog.buttons.accepted.emit()
    ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    assert "已连续输错3次" in dialog.error.text() and "请等待" in dialog.error.text()
    assert not ok.isEnabled() and dialog.isVisible()
    shot(dialog, "guard-signoff-waiting")
    assert window.ctx is not None
    attempts = read_attempts(window.ctx.ws.paths.root)
    assert attempts is not None
    assert attempts.streak == 3
    assert time.time() - attempts.last < 60
