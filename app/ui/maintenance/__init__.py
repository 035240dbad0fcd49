"""The page for the workspace itself (密码与备份): password, backup, integrity check."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget

    from app.ui.context import AppContext


def create(ctx: AppContext) -> QWidget:
    """The page, for the main window's table of views (``app/ui/views.py``)."""
    from app.ui.maintenance.view import MaintenanceView

    return MaintenanceView(ctx)
