"""Password change, backup and check in the window."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from app.storage.workspace import Workspace
from app.ui.main_window import MainWindow
from app.ui.maintenance.view import MaintenanceView
from tests.conftest import PASSWORD
from tests.e2e.cli_helpers import run_app
from tests.gui.field_helpers import LEADER
from tests.gui.shots import shot

pytestmark = pytest.mark.qt_log_ignore("does not support propagateSizeHints")


def _page(window: MainWindow) -> MaintenanceView:
    view = window.show_view("maintenance")
    assert isinstance(view, MaintenanceView)
    return view


def test_change_the_password_in_the_window(window: MainWindow, demo_root: Path, qtbot) -> None:
    page = _page(window)
    page.old.setText("错的")
    page.new.setText("新密码-123")
    page.again.setText("新密码-124")
    page.change_button.click()
    assert page.password_message.text() == "两次输入的新密码不一致。"
    page.again.setText("新密码-123")
    page.change_button.click()
    assert "密码不正确" in page.password_message.text()  # counted like a login
    page.old.setText(PASSWORD)
    qtbot.keyClick(page.again, Qt.Key.Key_Return)
    assert page.password_message.text() == "密码已修改。"
    assert page.old.text() == ""
    window.close()
    Workspace.open(demo_root, "新密码-123", LEADER).close()


def test_backup_and_check_in_the_window(window: MainWindow, tmp_path: Path) -> None:
    window.resize(1366, 768)
    window.show()
    page = _page(window)
    out = tmp_path / "备份" / "b.db"
    page.backup_to(out)
    assert out.is_file() and "已备份到" in page.backup_message.text()
    assert "张照片" in page.backup_message.text()  # the whole workspace, photos too
    page.backup_to(out)  # never over an existing file
    assert "不会覆盖" in page.backup_message.text()
    # the window's backup is the file the command line restores
    restored = run_app("restore", out, "--to", tmp_path / "copy", password=PASSWORD)
    assert restored.returncode == 0, restored.stderr
    Workspace.open(tmp_path / "copy", PASSWORD, LEADER).close()
    page.check_button.click()
    assert page.check_result.toPlainText().startswith("检查通过")
    assert "workspace.key" in " ".join(
        w.text() for w in page.findChildren(type(page.backup_message))
    )
    shot(window, "maintenance")
