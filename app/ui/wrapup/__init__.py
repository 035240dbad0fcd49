"""The evening wrap-up (昼巡夜结) view and its registration in the main window."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QTimer
from PySide6.QtWidgets import QWidget

if TYPE_CHECKING:
    from app.ui.field.context import AppContext
    from app.ui.main_window import MainWindow


WARM_UP_MS = 4000
"""The evening reading (jieba and the lexicon) loads in the background this long after start, so
that start-up never waits for it and the field form's category guess and the board find it ready."""


def register(window: MainWindow) -> None:
    """Add the wrap-up view to the main window's navigation (and warm the reading up later)."""
    from app.ui.wrapup.view import WrapupView

    def factory(ctx: AppContext) -> QWidget:
        view = WrapupView(ctx.ws, ctx.runner, settings=ctx.settings)
        view.records_changed.connect(window.report_change)
        return view

    window.add_view("wrapup", QCoreApplication.translate("Wrapup", "Evening wrap-up"), factory)

    def warm_up() -> None:
        ctx = window.ctx
        if ctx is None:
            return
        from app.services.reading import load_reader

        ctx.runner.submit(load_reader, lambda _reader: None, lambda _exc: None)

    QTimer.singleShot(WARM_UP_MS, window, warm_up)
