"""Before entering: the village registry, channel lists, triage, batch plan and public notices."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

if TYPE_CHECKING:
    from app.ui.field.context import AppContext
    from app.ui.main_window import MainWindow


def register(window: MainWindow) -> None:
    """Add the registry view to the main window's navigation."""
    from app.ui.registry.view import RegistryView

    def factory(ctx: AppContext) -> QWidget:
        view = RegistryView(ctx.ws, ctx.runner)
        view.records_changed.connect(window.report_change)
        return view

    window.add_view(
        "registry", QCoreApplication.translate("RegistryView", "Villages & triage"), factory
    )
