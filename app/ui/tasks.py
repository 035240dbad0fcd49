"""The one task runner: long work off the GUI thread, results back on it by signal.

Widgets never call a service that touches the disk directly from a slot; they hand a callable to
the runner. ``submit`` runs reads and other work on a thread pool; ``submit_write`` runs database
writes one at a time on a single serialized worker. A failure reaches ``on_error`` as the
program's own refusal, or as one line of Chinese with no data in it (a database or file error's
message may carry SQL parameters), and is written to the workspace's encrypted log.
``SyncTaskRunner`` runs everything at once on the calling thread, for tests that want
deterministic order.

Signals: none public; each task's callbacks are invoked on the GUI thread.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

from app.storage.errorlog import for_user

T = TypeVar("T")
Done = Callable[[Any], None]
Failed = Callable[[BaseException], None]


class _Relay(QObject):
    """Carries a finished task's outcome back to the thread that owns the relay (the GUI)."""

    finished = Signal(object, object)  # result, exception

    def __init__(
        self, on_done: Done, on_error: Failed | None, keep: set[_Relay] | None = None
    ) -> None:
        super().__init__()
        self._on_done = on_done
        self._on_error = on_error
        # The relay must outlive its job: the pool deletes a finished job (and with it the last
        # Python reference to the relay) before the queued signal is delivered.
        self._keep = keep
        if keep is not None:
            keep.add(self)
        self.finished.connect(self._on_finished)

    def _on_finished(self, result: object, error: object) -> None:
        if self._keep is not None:
            self._keep.discard(self)
        try:
            if isinstance(error, BaseException):
                if self._on_error is None:
                    raise error
                self._on_error(error)
            else:
                self._on_done(result)
        finally:
            self.deleteLater()


class _Job(QRunnable):
    def __init__(self, fn: Callable[[], Any], relay: _Relay) -> None:
        super().__init__()
        self._fn = fn
        self._relay = relay

    def run(self) -> None:
        try:
            result = self._fn()
        except BaseException as exc:  # delivered to on_error on the GUI thread, said in one line
            self._relay.finished.emit(None, for_user(exc))
        else:
            self._relay.finished.emit(result, None)


class TaskRunner(QObject):
    """Background work for the window (see module docstring)."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(max(2, QThreadPool.globalInstance().maxThreadCount()))
        self._writer = QThreadPool(self)
        self._writer.setMaxThreadCount(1)
        self._pending: set[_Relay] = set()

    def submit(
        self, fn: Callable[[], T], on_done: Callable[[T], None], on_error: Failed | None = None
    ) -> None:
        self._pool.start(_Job(fn, _Relay(on_done, on_error, self._pending)))

    def submit_write(
        self, fn: Callable[[], T], on_done: Callable[[T], None], on_error: Failed | None = None
    ) -> None:
        self._writer.start(_Job(fn, _Relay(on_done, on_error, self._pending)))

    def wait(self, msecs: int = 30_000) -> bool:
        """Block until all work is done (shutdown, tests)."""
        return bool(self._writer.waitForDone(msecs) and self._pool.waitForDone(msecs))


class SyncTaskRunner(TaskRunner):
    """Runs each task at once on the calling thread (tests)."""

    def submit(
        self, fn: Callable[[], T], on_done: Callable[[T], None], on_error: Failed | None = None
    ) -> None:
        try:
            result = fn()
        except Exception as exc:
            if on_error is None:
                raise
            on_error(for_user(exc))
        else:
            on_done(result)

    submit_write = submit
