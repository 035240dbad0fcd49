"""The sync view (bundles, conflicts, the office overview)."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget

    from app.ui.context import AppContext


def create(ctx: AppContext) -> QWidget:
    """The view, for the main window's table of views (``app/ui/views.py``)."""
    from app.ui.sync.panels import SyncView

    return SyncView(ctx)
