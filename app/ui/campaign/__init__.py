"""The 集中整治 view (集中整治、制度推广、未巡先改)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QT_TRANSLATE_NOOP

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget

    from app.ui.context import AppContext


TITLE = QT_TRANSLATE_NOOP("Campaign", "Rectification")
"""The navigation title (listed in ``app/ui/views.py``; marked here for this area's .ts)."""


def create(ctx: AppContext) -> QWidget:
    """The view, for the main window's table of views (``app/ui/views.py``)."""
    from app.ui.campaign.view import CampaignView

    return CampaignView(ctx)
