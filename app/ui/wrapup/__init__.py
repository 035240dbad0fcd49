"""The evening wrap-up (昼巡夜结) view and its registration in the main window."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

if TYPE_CHECKING:
    from app.ui.field.context import AppContext
    from app.ui.main_window import MainWindow


def register(window: MainWindow) -> None:
    """Add the wrap-up view to the main window's navigation."""
    from app.ui.wrapup.view import WrapupView

    def factory(ctx: AppContext) -> QWidget:
        view = WrapupView(ctx.ws, ctx.runner, settings=ctx.settings)
        view.records_changed.connect(window.report_change)
        return view

    window.add_view("wrapup", QCoreApplication.translate("Wrapup", "Evening wrap-up"), factory)
