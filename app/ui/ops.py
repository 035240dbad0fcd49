"""Operations for the window: run a query or a write off the GUI thread, broadcast what changed.

Every view runs its jobs through one :class:`Operations` (``ctx.ops``):

* :meth:`Operations.query` runs a read on the read pool and hands the result to a callback;
* :meth:`Operations.write` runs a write on the serialized writer through
  :func:`app.services.operations.perform`, then broadcasts its
  :class:`~app.storage.changes.ChangeSet` once on :attr:`Operations.changed`. Views refresh from
  that broadcast only (never by hand after their own write), so one write means one refresh.

A failure without its own handler gets the default one: a :class:`~app.domain.errors.UserError`
is shown as it is worded; anything else is logged with its traceback and the user reads a short
Chinese message without details. The message is non-modal, so the form the user was typing in
stays open with its text.

Signals: ``changed(ChangeSet)`` after each write that changed something (and for changes made
elsewhere: :meth:`announce`).
"""

from __future__ import annotations

import logging
import sys
import types
from collections.abc import Callable
from typing import TypeVar

from PySide6.QtCore import QCoreApplication, QObject, Signal
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from app.domain.errors import UserError
from app.services.operations import Done, perform
from app.storage.changes import ChangeSet
from app.ui.tasks import Failed, TaskRunner

T = TypeVar("T")
log = logging.getLogger(__name__)


def failure_text(exc: BaseException) -> str:
    """What the user reads about a failure: a refusal's own words, else a plain message."""
    if isinstance(exc, UserError):
        return str(exc)
    if isinstance(exc, OSError):
        return QCoreApplication.translate("Ops", "A file could not be read or written: %1").replace(
            "%1", exc.strerror or type(exc).__name__
        )
    return QCoreApplication.translate(
        "Ops", "The operation failed because of an internal error. It has been logged."
    )


def show_failure(parent: QWidget | None, exc: BaseException, title: str = "") -> QMessageBox:
    """Tell the user about a failure (non-modal: nothing the user typed is closed or lost)."""
    if not isinstance(exc, UserError):
        log.error("operation failed", exc_info=exc)
    alive = parent if parent is not None and _alive(parent) else None
    box = QMessageBox(
        QMessageBox.Icon.Warning,
        title or QCoreApplication.translate("Ops", "Not done"),
        failure_text(exc),
        QMessageBox.StandardButton.Ok,
        alive or QApplication.activeWindow(),
    )
    box.setObjectName("failureMessage")
    _shown.add(box)  # a message without a parent lives until it is closed
    box.finished.connect(lambda _r: _shown.discard(box))
    box.open()
    return box


_shown: set[QMessageBox] = set()


def _alive(widget: QWidget) -> bool:
    try:
        import shiboken6

        return bool(shiboken6.isValid(widget))
    except ImportError:  # pragma: no cover - shiboken ships with PySide6
        return True


class Operations(QObject):
    """See the module docstring."""

    changed = Signal(object)

    def __init__(self, runner: TaskRunner, actor: str, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.runner = runner
        self.actor = actor
        self.failures: list[BaseException] = []
        """Failures that went to the default handler (the newest last; tests read it)."""

    def _fail(self, parent: QWidget | None, on_error: Failed | None) -> Failed:
        if on_error is not None:
            return on_error

        def default(exc: BaseException) -> None:
            self.failures.append(exc)
            show_failure(parent, exc)

        return default

    def query(
        self,
        job: Callable[[], T],
        on_done: Callable[[T], None],
        *,
        parent: QWidget | None = None,
        on_error: Failed | None = None,
    ) -> None:
        """Run a read off the GUI thread."""
        self.runner.submit(job, on_done, self._fail(parent, on_error))

    def write(
        self,
        job: Callable[[], T],
        on_done: Callable[[T], None] | None = None,
        *,
        source: str,
        parent: QWidget | None = None,
        on_error: Failed | None = None,
    ) -> None:
        """Run a write on the serialized writer; broadcast what it changed, once."""

        def done(result: Done[T]) -> None:
            if on_done is not None:
                on_done(result.value)
            self.announce(result.changes)

        self.runner.submit_write(
            lambda: perform(job, actor=self.actor, source=source),
            done,
            self._fail(parent, on_error),
        )

    def announce(self, changes: ChangeSet) -> None:
        """Broadcast changes (a write's, or one made elsewhere: another clerk, a sync import)."""
        if changes:
            self.changed.emit(changes)


def install_excepthook() -> None:
    """Log and show any exception that escapes to the event loop instead of crashing.

    Open forms stay open with their text (and their drafts stay saved).
    """

    def hook(kind: type[BaseException], exc: BaseException, tb: types.TracebackType | None) -> None:
        if issubclass(kind, KeyboardInterrupt):
            sys.__excepthook__(kind, exc, tb)
            return
        log.error("unhandled exception", exc_info=(kind, exc, tb))
        if QApplication.instance() is not None:
            show_failure(None, exc)

    sys.excepthook = hook
