"""The field view (外业记录: navigator, a village's records, today, search, detail, forms)."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget

    from app.ui.context import AppContext


def create(ctx: AppContext) -> QWidget:
    """The view, for the main window's table of views (``app/ui/views.py``)."""
    from app.ui.field.view import FieldView

    view = FieldView(ctx)
    view.load()
    if ctx.offer_drafts:
        view.offer_drafts()
    return view
