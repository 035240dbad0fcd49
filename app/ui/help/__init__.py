"""The help page (帮助): what each view is for, the three tracks, the shortcuts (F1)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QWidget

if TYPE_CHECKING:
    from app.ui.field.context import AppContext
    from app.ui.main_window import MainWindow


def create(ctx: AppContext) -> QWidget:
    from app.ui.help.view import HelpView

    return HelpView()


def register(window: MainWindow) -> None:
    """Add the help page to the navigation; F1 opens it from anywhere in the window."""
    window.add_view("help", QCoreApplication.translate("HelpView", "Help"), create)
    shortcut = QShortcut(QKeySequence(Qt.Key.Key_F1), window)
    shortcut.activated.connect(lambda: window.show_view("help"))
