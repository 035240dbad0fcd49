"""The sync view (bundles, conflicts, the office overview) and its registration in the window."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

if TYPE_CHECKING:
    from app.ui.field.context import AppContext
    from app.ui.main_window import MainWindow


def register(window: MainWindow) -> None:
    """Add the sync view to the main window's navigation."""
    from app.ui.sync.panels import SyncView

    def factory(ctx: AppContext) -> QWidget:
        view = SyncView(ctx.ws, ctx.runner, ctx.settings)
        view.records_changed.connect(window.report_change)
        return view

    window.add_view("sync", QCoreApplication.translate("Sync", "Sync"), factory)
