"""The main window: a thin shell with a left navigation of views, a lock, and the status bar.

The views come from the one table in ``app/ui/views.py``. A view is built from its spec the first
time it is shown, and again after every unlock: when the window locks, every view is destroyed
and the database is closed. Each built view receives every :class:`ChangeSet` the context's
operations broadcast (its ``on_changes``), and decides itself whether to refresh.

Signals: ``locked()`` after the views are gone and the workspace closed; ``unlocked(AppContext)``
after a successful unlock; ``view_built(str)`` after a view's widget was built (its key).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import cast

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from app.storage.errors import WorkspaceError
from app.ui.context import AppContext, View
from app.ui.i18n import fill
from app.ui.login import LockPage
from app.ui.users import add_users_action
from app.ui.views import VIEWS, ViewSpec

Unlocker = Callable[[str], AppContext]
"""password → a fresh context (the workspace reopened), or a WorkspaceError."""


@dataclass
class _View:
    spec: ViewSpec
    holder: QWidget
    widget: QWidget | None = None

    @property
    def view(self) -> View:
        return cast(View, self.widget)


class MainWindow(QMainWindow):
    locked = Signal()
    unlocked = Signal(object)
    view_built = Signal(str)

    def __init__(
        self,
        ctx: AppContext,
        unlocker: Unlocker,
        views: Sequence[ViewSpec] = VIEWS,
        parent: QWidget | None = None,
    ) -> None:
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
        right = QWidget(work)
        self.banners = QVBoxLayout(right)
        """Strips shown above every view (the first steps of an empty workspace)."""
        self.banners.setContentsMargins(0, 0, 0, 0)
        self.banners.setSpacing(0)
        self.banners.addWidget(self.pages, 1)
        lay.addWidget(right, 1)
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
        self.users_action = add_users_action(self, menu)
        quit_action = QAction(self.tr("Quit"), self)
        quit_action.setShortcut(QKeySequence.StandardKey.Quit)
        quit_action.triggered.connect(self.close)
        menu.addAction(quit_action)
        self.resize(1360, 820)
        for spec in views:
            self._add_view(spec)

    def _show_user(self) -> None:
        if self.ctx is not None:
            ws = self.ctx.ws
            text = fill(self.tr("User: %1 (%2)"), ws.username, ws.role.label)
            if ws.server_notice:  # an office on a server reached without TLS: say so
                text = f"{ws.server_notice}　{text}"
            self.user_label.setText(text)

    # -- views ----------------------------------------------------------------------------
    def _add_view(self, spec: ViewSpec) -> None:
        if spec.key in self._views:
            raise ValueError(f"view {spec.key!r} listed twice")
        holder = QWidget(self)
        QHBoxLayout(holder).setContentsMargins(0, 0, 0, 0)
        self._views[spec.key] = _View(spec, holder)
        self.pages.addWidget(holder)
        item = QListWidgetItem(spec.title(), self.nav)
        item.setData(Qt.ItemDataRole.UserRole, spec.key)
        item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)

    def view(self, key: str) -> QWidget | None:
        """The built widget of a view (None while locked or not yet shown)."""
        v = self._views.get(key)
        return None if v is None else v.widget

    def show_view(self, key: str) -> QWidget | None:
        """Show a view (building it if needed) and return its widget."""
        keys = list(self._views)
        if self.nav.currentRow() == keys.index(key):
            self._on_nav_current_row_changed(keys.index(key))
        else:
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
        v.widget = v.spec.build(self.ctx)
        layout = v.holder.layout()
        assert layout is not None
        layout.addWidget(v.widget)
        self.ctx.ops.changed.connect(v.view.on_changes)
        self.view_built.emit(v.spec.key)

    def start(self) -> None:
        """Show the first view (call once, after the window is set up)."""
        if self.nav.currentRow() < 0 and self.nav.count():
            self.nav.setCurrentRow(0)

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
            v.view.close_forms()
            self.ctx.ops.changed.disconnect(v.view.on_changes)
            v.widget.hide()
            v.widget.setParent(None)
            v.widget.deleteLater()
            v.widget = None
        ctx = self.ctx
        self.ctx = None
        ctx.external.stop()
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
                if v.widget is not None:
                    v.view.close_forms()
            self.ctx.external.stop()
            self.ctx.runner.wait()
            self.ctx.ws.close()
        super().closeEvent(event)
