"""The follow-up view (跟踪督办: due / overdue panel, item detail, papers) and its registration."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

if TYPE_CHECKING:
    from app.ui.field.context import AppContext
    from app.ui.main_window import MainWindow


def register(window: MainWindow) -> None:
    """Add the follow-up view to the main window's navigation."""
    from app.ui.followup.view import FollowupView

    def factory(ctx: AppContext) -> QWidget:
        view = FollowupView(ctx.ws, ctx.runner)
        view.records_changed.connect(window.report_change)
        return view

    window.add_view("followup", QCoreApplication.translate("Followup", "Follow-up"), factory)
