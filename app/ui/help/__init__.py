"""The help page (帮助): what each view is for, the three tracks, the shortcuts (F1 opens it;
the key is set up with the window in ``app/ui/app.py``)."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget

    from app.ui.context import AppContext


def create(ctx: AppContext) -> QWidget:
    """The page, for the main window's table of views (``app/ui/views.py``)."""
    from app.ui.help.view import HelpView

    return HelpView()
