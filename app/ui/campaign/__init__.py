"""The 集中整治 view (集中整治、制度推广、未巡先改) and its registration."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

if TYPE_CHECKING:
    from app.ui.field.context import AppContext
    from app.ui.main_window import MainWindow


def register(window: MainWindow) -> None:
    """Add the campaign view to the main window's navigation."""
    from app.ui.campaign.view import CampaignView

    def factory(ctx: AppContext) -> QWidget:
        view = CampaignView(ctx)
        view.records_changed.connect(window.report_change)
        return view

    window.add_view("campaign", QCoreApplication.translate("Campaign", "Rectification"), factory)
