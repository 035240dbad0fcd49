"""The delay after wrong passwords, shown where a password is asked for.

:class:`WaitCountdown` disables the buttons that would try a password and counts the seconds
down in a label until the delay of :mod:`app.services.access` has run out; it reads the delay
from the workspace's counter file each second, so a delay left by an earlier run of the program
(or by the command line) shows too.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QCoreApplication, QObject, QTimer, Signal
from PySide6.QtWidgets import QLabel, QMainWindow, QWidget

from app.services.access import GuardReport, LoginThrottled, PasswordRefused, wait_text
from app.storage.errors import WorkspaceError


def refusal_text(exc: WorkspaceError) -> str:
    """The line shown for a refused password, without the wait (the countdown shows that)."""
    if isinstance(exc, LoginThrottled | PasswordRefused):
        return exc.base
    return exc.message


def refusal_wait(exc: BaseException) -> float:
    """Seconds the user must now wait after this refusal (0: may try again at once)."""
    if isinstance(exc, LoginThrottled):
        return exc.seconds
    if isinstance(exc, PasswordRefused):
        return exc.wait
    return 0.0


class WaitCountdown(QObject):
    """Counts a running delay down in ``label`` with ``controls`` disabled meanwhile.

    Signals: ``finished()`` when the delay is over and the controls are enabled again.
    """

    finished = Signal()

    def __init__(
        self,
        label: QLabel,
        controls: Sequence[QWidget],
        wait_left: Callable[[], float],
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._label = label
        self._controls = list(controls)
        self._wait_left = wait_left
        self._prefix = ""
        self._timer = QTimer(self)
        self._timer.setInterval(1000)
        self._timer.timeout.connect(self.tick)

    @property
    def running(self) -> bool:
        return self._timer.isActive()

    def start(self, prefix: str = "") -> None:
        """Show ``prefix`` (the refusal) and, while a delay runs, the seconds left."""
        self._prefix = prefix
        self.tick()

    def tick(self) -> None:
        left = self._wait_left()
        if left <= 0:
            self._timer.stop()
            for w in self._controls:
                w.setEnabled(True)
            self._label.setText(self._prefix)
            self.finished.emit()
            return
        for w in self._controls:
            w.setEnabled(False)
        wait = QCoreApplication.translate("Guard", "Wait %1 before the next try.").replace(
            "%1", wait_text(left)
        )
        self._label.setText(f"{self._prefix}\n{wait}".strip())
        if not self._timer.isActive():
            self._timer.start()

    def check(self) -> None:
        """Start counting if a delay is running now (an earlier run left one)."""
        if self._wait_left() > 0:
            self.start(QCoreApplication.translate("Guard", "Too many wrong passwords."))


def show_guard_report(window: QMainWindow, report: GuardReport) -> None:
    """Say in the status bar what a login found: failures since the last one, a counter reset."""
    text = report.summary()
    if text:
        window.statusBar().showMessage(text)


__all__ = ["WaitCountdown", "refusal_text", "refusal_wait", "show_guard_report"]
