"""Views refresh when another clerk (or a command-line job) changes what they show.

Every :data:`INTERVAL_MS` the workspace's watcher (:mod:`app.storage.watch`: LISTEN/NOTIFY on a
PostgreSQL office, ``PRAGMA data_version`` on SQLite) is asked, off the GUI thread, what others
changed; the answer is broadcast through ``ctx.ops`` like any write, with source ``other-clerk``,
so each view decides from it whether to refresh, once.
"""

from __future__ import annotations

import contextlib
import threading

from PySide6.QtCore import QObject, QTimer

from app.storage.changes import ChangeSet
from app.storage.watch import ChangeWatcher
from app.storage.workspace import Workspace
from app.ui.ops import Operations

INTERVAL_MS = 2000
SOURCE = "other-clerk"


class ExternalChanges(QObject):
    """Polls the watcher while the workspace is open; :meth:`stop` before it closes."""

    def __init__(self, ops: Operations, ws: Workspace, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._ops = ops
        self._ws = ws
        self._watcher: ChangeWatcher | None = None
        self._busy = False
        self._stopped = False
        self._rebase = False
        self._lock = threading.Lock()
        ops.changed.connect(self._on_ops_changed)
        self.timer = QTimer(self)
        self.timer.setInterval(INTERVAL_MS)
        self.timer.timeout.connect(self._on_timer_timeout)

    def start(self) -> None:
        """Take the watcher's starting point now (off the GUI thread), then poll."""
        if self._stopped:
            return
        self._ops.query(self._ensure_watcher, lambda _w: None, on_error=self._on_failed)
        self.timer.start()

    def _ensure_watcher(self) -> ChangeWatcher:
        with self._lock:
            if self._watcher is None:
                self._watcher = self._ws.watcher()
            return self._watcher

    def stop(self) -> None:
        self._stopped = True
        self.timer.stop()
        if self._watcher is not None:
            with contextlib.suppress(Exception):
                self._watcher.close()
            self._watcher = None

    def _poll(self, rebase: bool) -> frozenset[str]:
        if self._stopped:
            return frozenset()
        found = self._ensure_watcher().poll()
        # SQLite cannot tell our own commits from others': after one of ours, start afresh
        return frozenset() if rebase and not self._ws.on_server else found

    def _on_ops_changed(self, changes: ChangeSet) -> None:
        if changes.source != SOURCE:
            self._rebase = True

    def _on_timer_timeout(self) -> None:
        if self._busy or self._stopped:
            return
        self._busy = True
        rebase, self._rebase = self._rebase, False
        self._ops.query(lambda: self._poll(rebase), self._on_polled, on_error=self._on_failed)

    def _on_polled(self, tables: frozenset[str]) -> None:
        self._busy = False
        if tables and not self._stopped:
            self._ops.announce(ChangeSet.of({t: () for t in tables}, source=SOURCE))

    def _on_failed(self, _exc: BaseException) -> None:
        self._busy = False  # a lost connection: the next tick tries again
