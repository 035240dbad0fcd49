"""The one task runner: long work off the GUI thread, results back on it by signal.

Widgets never call a service that touches the disk from a slot; they hand a callable to the
runner (through :class:`app.ui.ops.Operations`, which adds change broadcasting and the default
error message). ``submit`` runs reads and other work on a thread pool; ``submit_write`` runs
database writes one at a time on a single serialized worker.

:class:`SyncTaskRunner` is the test double: it runs the very same job and relay objects, but at
once on the calling thread, so tests are deterministic and still exercise the real code path
(as Picard's fake thread pool runs the real runnables).

A task without its own error callback goes to the runner's ``unhandled`` callback (set by the
composition root to log and show a message); nothing is ever re-raised into a Qt slot.

Signals: none public; each task's callbacks are invoked on the GUI thread.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any, TypeVar

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

T = TypeVar("T")
Done = Callable[[Any], None]
Failed = Callable[[BaseException], None]

log = logging.getLogger(__name__)


def _log_unhandled(exc: BaseException) -> None:
    log.error("background task failed", exc_info=exc)


class _Relay(QObject):
    """Carries a finished task's outcome back to the thread that owns the relay (the GUI)."""

    finished = Signal(object, object)  # result, exception

    def __init__(self, on_done: Done, on_error: Failed, keep: set[_Relay]) -> None:
        super().__init__()
        self._on_done = on_done
        self._on_error = on_error
        # The relay must outlive its job: the pool deletes a finished job (and with it the last
        # Python reference to the relay) before the queued signal is delivered.
        self._keep = keep
        keep.add(self)
        self.finished.connect(self._on_finished)

    def _on_finished(self, result: object, error: object) -> None:
        self._keep.discard(self)
        try:
            if isinstance(error, BaseException):
                self._on_error(error)
            else:
                self._on_done(result)
        except Exception as exc:  # a callback's own failure must not escape into Qt
            log.error("task callback failed", exc_info=exc)
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
        except BaseException as exc:  # delivered to on_error on the GUI thread
            self._relay.finished.emit(None, exc)
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
        self.unhandled: Failed = _log_unhandled
        """Called with a task's exception when the task has no error callback of its own."""

    def _job(
        self, fn: Callable[[], T], on_done: Callable[[T], None], on_error: Failed | None
    ) -> _Job:
        relay = _Relay(on_done, on_error or self._unhandled, self._pending)
        return _Job(fn, relay)

    def _unhandled(self, exc: BaseException) -> None:
        self.unhandled(exc)

    def submit(
        self, fn: Callable[[], T], on_done: Callable[[T], None], on_error: Failed | None = None
    ) -> None:
        """Run ``fn`` on the read pool; ``on_done(result)`` or ``on_error(exc)`` on the GUI."""
        self._start(self._pool, self._job(fn, on_done, on_error))

    def submit_write(
        self, fn: Callable[[], T], on_done: Callable[[T], None], on_error: Failed | None = None
    ) -> None:
        """Run ``fn`` on the single writer (writes never run side by side)."""
        self._start(self._writer, self._job(fn, on_done, on_error))

    def _start(self, pool: QThreadPool, job: _Job) -> None:
        pool.start(job)

    @property
    def pending(self) -> int:
        """Tasks whose outcome has not yet been delivered."""
        return len(self._pending)

    def wait(self, msecs: int = 30_000) -> bool:
        """Block until all work is done (shutdown, tests)."""
        return bool(self._writer.waitForDone(msecs) and self._pool.waitForDone(msecs))


class SyncTaskRunner(TaskRunner):
    """Runs each task's real job at once on the calling thread (tests)."""

    def _start(self, pool: QThreadPool, job: _Job) -> None:
        job.run()
