"""The main window: a thin shell with a left navigation of views, a lock, and the status bar.

Views plug in with :meth:`MainWindow.add_view` (see ``app/ui/app.py`` for where to register).
A view is built from its factory the first time it is shown, and again after every unlock: when
the window locks, every view is destroyed and the database is closed.

Signals: ``locked()`` after the views are gone and the workspace closed; ``unlocked(AppContext)``
after a successful unlock; ``records_changed(object)`` when a view reports a write (a view
connects to it through ``MainWindow.records_changed`` if it wants to refresh).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QStackedWidget,
    QWidget,
)

from app.storage.errors import WorkspaceError
from app.ui.field.context import AppContext
from app.ui.login import LockPage

ViewFactory = Callable[[AppContext], QWidget]
Unlocker = Callable[[str], AppContext]
"""password → a fresh context (the workspace reopened), or a WorkspaceError."""


@dataclass
class _View:
    key: str
    title: str
    factory: ViewFactory
    holder: QWidget
    widget: QWidget | None = None


class MainWindow(QMainWindow):
    locked = Signal()
    unlocked = Signal(object)
    records_changed = Signal(object)

    def __init__(self, ctx: AppContext, unlocker: Unlocker, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx: AppContext | None = ctx
        self._username = ctx.ws.username
        self._unlocker = unlocker
        self._views: dict[str, _View] = {}
        demo = self.tr(" (demo)") if ctx.ws.is_demo else ""
        self.setWindowTitle(self.tr("XunchaDesk") + demo)
        self.nav = QListWidget(self)
        self.nav.setFixedWidth(112)
        self.nav.setIconSize(QSize(24, 24))
        self.nav.setStyleSheet(
            "QListWidget { background: #24364b; color: #e8eef5; border: none; font-size: 11pt; }"
            "QListWidget::item { padding: 12px 8px; }"
            "QListWidget::item:selected { background: #3b5878; color: white; }"
        )
        self.pages = QStackedWidget(self)
        work = QWidget(self)
        lay = QHBoxLayout(work)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.setSpacing(0)
        lay.addWidget(self.nav)
        lay.addWidget(self.pages, 1)
        self.lock_page = LockPage(self, ctx.ws.paths.root)
        self.lock_page.unlock_requested.connect(self.try_unlock)
        self.central = QStackedWidget(self)
        self.central.addWidget(work)
        self.central.addWidget(self.lock_page)
        self.setCentralWidget(self.central)
        self.nav.currentRowChanged.connect(self._on_nav_current_row_changed)
        self.user_label = QLabel("", self)
        self.statusBar().addPermanentWidget(self.user_label)
        self._show_user()
        menu = self.menuBar().addMenu(self.tr("&Workspace"))
        self.lock_action = QAction(self.tr("Lock"), self)
        self.lock_action.setShortcut(QKeySequence(Qt.Modifier.CTRL | Qt.Key.Key_L))
        self.lock_action.triggered.connect(self.lock)
        menu.addAction(self.lock_action)
        quit_action = QAction(self.tr("Quit"), self)
        quit_action.setShortcut(QKeySequence.StandardKey.Quit)
        quit_action.triggered.connect(self.close)
        menu.addAction(quit_action)
        self.resize(1360, 820)

    def _show_user(self) -> None:
        if self.ctx is not None:
            ws = self.ctx.ws
            self.user_label.setText(
                self.tr("User: %1 (%2)").replace("%1", ws.username).replace("%2", ws.role.label)
            )

    # -- views ----------------------------------------------------------------------------
    def add_view(self, key: str, title: str, factory: ViewFactory) -> None:
        """Add a view: ``title`` in the left navigation, ``factory(ctx)`` builds its widget.

        The factory runs when the view is first shown and after every unlock; the widget is
        destroyed when the window locks. A widget with a ``close_forms()`` method has it called
        before locking; one with ``on_records_changed(result)`` gets every reported write.
        """
        if key in self._views:
            raise ValueError(f"view {key!r} already added")
        holder = QWidget(self)
        QHBoxLayout(holder).setContentsMargins(0, 0, 0, 0)
        self._views[key] = _View(key, title, factory, holder)
        self.pages.addWidget(holder)
        item = QListWidgetItem(title, self.nav)
        item.setData(Qt.ItemDataRole.UserRole, key)
        item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
        if self.nav.count() == 1:
            self.nav.setCurrentRow(0)

    def view(self, key: str) -> QWidget | None:
        """The built widget of a view (None while locked or not yet shown)."""
        v = self._views.get(key)
        return None if v is None else v.widget

    def show_view(self, key: str) -> QWidget | None:
        keys = list(self._views)
        self.nav.setCurrentRow(keys.index(key))
        return self.view(key)

    def view_keys(self) -> list[str]:
        return list(self._views)

    def _on_nav_current_row_changed(self, row: int) -> None:
        if row < 0:
            return
        v = list(self._views.values())[row]
        self._build(v)
        self.pages.setCurrentWidget(v.holder)

    def _build(self, v: _View) -> None:
        if v.widget is not None or self.ctx is None:
            return
        v.widget = v.factory(self.ctx)
        layout = v.holder.layout()
        assert layout is not None
        layout.addWidget(v.widget)
        slot = getattr(v.widget, "on_records_changed", None)
        if callable(slot):
            self.records_changed.connect(slot)

    def report_change(self, result: object) -> None:
        """Views call this (or connect their signal to it) after a write."""
        self.records_changed.emit(result)

    # -- lock -----------------------------------------------------------------------------
    @property
    def is_locked(self) -> bool:
        return self.ctx is None

    def lock(self) -> None:
        """Clear every view, close the database, ask for the password."""
        if self.ctx is None:
            return
        for v in self._views.values():
            if v.widget is None:
                continue
            close_forms = getattr(v.widget, "close_forms", None)
            if callable(close_forms):
                close_forms()
            slot = getattr(v.widget, "on_records_changed", None)
            if callable(slot):
                self.records_changed.disconnect(slot)
            v.widget.hide()
            v.widget.setParent(None)
            v.widget.deleteLater()
            v.widget = None
        ctx = self.ctx
        self.ctx = None
        ctx.runner.wait()
        ctx.ws.close()
        self.user_label.clear()
        self.lock_action.setEnabled(False)
        self.lock_page.reset(self._username)
        self.central.setCurrentWidget(self.lock_page)
        self.locked.emit()

    def try_unlock(self, password: str) -> bool:
        if self.ctx is not None:
            return True
        try:
            ctx = self._unlocker(password)
        except WorkspaceError as exc:
            self.lock_page.show_refusal(exc)
            return False
        self.ctx = ctx
        self.lock_action.setEnabled(True)
        self._show_user()
        self.central.setCurrentIndex(0)
        row = max(0, self.nav.currentRow())
        self._build(list(self._views.values())[row])
        self.unlocked.emit(ctx)
        return True

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.ctx is not None:
            for v in self._views.values():
                close_forms = getattr(v.widget, "close_forms", None)
                if callable(close_forms):
                    close_forms()
            self.ctx.runner.wait()
            self.ctx.ws.close()
        super().closeEvent(event)
