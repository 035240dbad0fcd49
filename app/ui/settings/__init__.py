"""The settings page (设置): the team, the round, deadlines, units and addressees, fonts."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

if TYPE_CHECKING:
    from app.ui.field.context import AppContext
    from app.ui.main_window import MainWindow


def create(ctx: AppContext) -> QWidget:
    from app.ui.settings.view import SettingsView

    return SettingsView(ctx)


def register(window: MainWindow) -> None:
    """Add the settings page to the main window's navigation."""

    def factory(ctx: AppContext) -> QWidget:
        from app.ui.settings.view import SettingsView

        view = SettingsView(ctx)
        view.saved.connect(window.report_change)
        watcher = getattr(window, "idle_watcher", None)
        if watcher is not None:
            view.settings_changed.connect(lambda st: watcher.set_minutes(st.idle_lock_minutes))
        return view

    window.add_view("settings", QCoreApplication.translate("SettingsView", "Settings"), factory)
