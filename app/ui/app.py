"""The window: log in, then the villages of the workspace.

This is the first, small window of the program (the composition root): a login dialog and a main
window with the townships → villages navigator and each village's record counts. The field forms,
search, idle lock and translations arrive with the field-window issue.
"""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import QLibraryInfo, QLocale, Qt, QTranslator
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QMainWindow,
    QMessageBox,
    QSplitter,
    QTreeWidget,
    QTreeWidgetItem,
    QWidget,
)

from app.config import Environment
from app.services.registry import TownshipNode, VillageRow, village_tree
from app.storage.errors import WorkspaceError
from app.storage.workspace import Workspace, WorkspacePaths


def install_qt_translation(app: QApplication) -> QTranslator | None:
    """Qt's own zh_CN strings, so standard buttons read 确定/取消."""
    translator = QTranslator(app)
    path = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    if translator.load(
        QLocale(QLocale.Language.Chinese, QLocale.Country.China), "qtbase", "_", path
    ):
        app.installTranslator(translator)
        return translator
    return None


class LoginDialog(QDialog):
    """User name and password; opens the workspace or says why not, in the dialog."""

    def __init__(self, root: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("巡察台 — 登录")
        self._root = root
        self.workspace: Workspace | None = None
        form = QFormLayout(self)
        self.user = QLineEdit(self)
        self.user.setPlaceholderText("可留空：按密码识别用户")
        self.password = QLineEdit(self)
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.error = QLabel("", self)
        self.error.setStyleSheet("color: #b00020")
        form.addRow("工作区：", QLabel(str(root), self))
        form.addRow("用户名：", self.user)
        form.addRow("密码：", self.password)
        form.addRow(self.error)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self._on_buttons_accepted)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def _on_buttons_accepted(self) -> None:
        try:
            self.workspace = Workspace.open(
                self._root, self.password.text(), self.user.text().strip() or None
            )
        except WorkspaceError as exc:
            self.error.setText(exc.message)
            self.password.selectAll()
            return
        self.accept()


TIER_COLOURS = {"good": "#2e7d32", "middle": "#b26a00", "poor": "#c62828"}


class MainWindow(QMainWindow):
    """Townships → villages on the left; the selected village's summary on the right."""

    def __init__(self, ws: Workspace) -> None:
        super().__init__()
        self.ws = ws
        self.setWindowTitle(f"巡察台 XunchaDesk — {'演示' if ws.is_demo else ''}工作区")
        split = QSplitter(self)
        self.tree = QTreeWidget(split)
        self.tree.setHeaderLabels(["乡镇 / 村（社区）", "类别", "巡察方式"])
        self.tree.setColumnWidth(0, 220)
        self.detail = QLabel("请选择左侧的村（社区）。", split)
        self.detail.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.detail.setMargin(16)
        self.detail.setTextFormat(Qt.TextFormat.RichText)
        split.setSizes([480, 520])
        self.setCentralWidget(split)
        self.resize(1000, 640)
        self._rows: dict[str, VillageRow] = {}
        self._fill(village_tree(ws))
        self.tree.currentItemChanged.connect(self._on_tree_current_changed)
        self.statusBar().showMessage(f"当前用户：{ws.username}（{ws.role.label}）")

    def _fill(self, towns: list[TownshipNode]) -> None:
        for town in towns:
            parent = QTreeWidgetItem(self.tree, [f"{town.name}（{len(town.villages)}）"])
            for v in town.villages:
                item = QTreeWidgetItem(
                    parent,
                    [
                        v.name,
                        v.tier.label if v.tier else "未分类",
                        v.style.label if v.style else "",
                    ],
                )
                if v.tier:
                    item.setForeground(1, QBrush(QColor(TIER_COLOURS[v.tier.value])))
                    item.setData(1, Qt.ItemDataRole.ToolTipRole, f"{v.tier.label}村")
                item.setData(0, Qt.ItemDataRole.UserRole, v.id)
                self._rows[v.id] = v
            parent.setExpanded(True)

    def _on_tree_current_changed(self, current: QTreeWidgetItem | None, _prev: object) -> None:
        vid = None if current is None else current.data(0, Qt.ItemDataRole.UserRole)
        row = self._rows.get(vid) if isinstance(vid, str) else None
        if row is None:
            self.detail.setText("请选择左侧的村（社区）。")
            return
        colour = TIER_COLOURS.get(row.tier.value if row.tier else "", "#555")
        tier = row.tier.label if row.tier else "未分类"
        self.detail.setText(
            f"<h2>{row.name}</h2>"
            f"<p>类别：<b style='color:{colour}'>{tier}</b>　"
            f"巡察方式：{row.style.label if row.style else '—'}</p>"
            f"<p>走访记录 {row.visits}　意见箱信件 {row.entries}　"
            f"谈话记录 {row.interviews}　问题 {row.problems}</p>"
        )

    def closeEvent(self, event: object) -> None:
        self.ws.close()
        super().closeEvent(event)  # type: ignore[arg-type]


def run_gui(root: Path, env: Environment) -> int:
    app = QApplication.instance() or QApplication(sys.argv)
    assert isinstance(app, QApplication)
    app.setApplicationName("XunchaDesk")
    install_qt_translation(app)
    if not WorkspacePaths(root).has_workspace():
        QMessageBox.warning(
            None,
            "巡察台",
            f"这里没有工作区：{root}\n请先用命令 init 新建，或用 demo 生成演示工作区。",
        )
        return 1
    ws: Workspace | None = None
    if env.password is not None:
        try:
            ws = Workspace.open(root, env.password, env.user)
        except WorkspaceError:
            ws = None
    if ws is None:
        dialog = LoginDialog(root)
        if dialog.exec() != QDialog.DialogCode.Accepted or dialog.workspace is None:
            return 0
        ws = dialog.workspace
    window = MainWindow(ws)
    window.show()
    return int(app.exec())
