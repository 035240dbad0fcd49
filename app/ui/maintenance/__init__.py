"""The page for the workspace itself (密码与备份): password, backup, integrity check."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

if TYPE_CHECKING:
    from app.ui.field.context import AppContext
    from app.ui.main_window import MainWindow


def create(ctx: AppContext) -> QWidget:
    from app.ui.maintenance.view import MaintenanceView

    return MaintenanceView(ctx)


def register(window: MainWindow) -> None:
    """Add the page to the main window's navigation."""
    window.add_view(
        "maintenance", QCoreApplication.translate("MaintenanceView", "Password & backup"), create
    )
