"""The settings page (设置): the team, the round, deadlines, units and addressees, fonts."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget

    from app.ui.context import AppContext


def create(ctx: AppContext) -> QWidget:
    """The page, for the main window's table of views (``app/ui/views.py``)."""
    from app.ui.settings.view import SettingsView

    return SettingsView(ctx)
