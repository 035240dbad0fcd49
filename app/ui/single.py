"""One window per workspace: a second start on the same folder brings the first window forward.

The first window holds a lock file (``QLockFile``: the system's lock, released when the process
ends, a stale one from a crashed process taken over) and listens on a local socket
(``QLocalServer``: a named pipe on Windows, a socket file only its user may open elsewhere —
nothing leaves the machine). Both are named by a hash of the workspace folder's path, in the
system's temp folder, so a lock never sits inside the workspace and the folder's name is not
shown. A second start fails to take the lock, sends ``show`` to the first, says so and exits.

The command line is not affected: it may run beside the window (the database's own locking keeps
them apart).

Signals (``SingleWindow``): ``show_requested()`` when another start asked this window forward.
"""

from __future__ import annotations

import hashlib
import sys
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QDir, QLockFile, QObject, QTimer, Signal
from PySide6.QtNetwork import QLocalServer, QLocalSocket
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

SHOW = b"show\n"
TIMEOUT_MS = 2000


def _name(root: Path) -> str:
    digest = hashlib.sha256(str(root.expanduser().absolute()).encode("utf-8")).hexdigest()
    return f"xunchadesk-{digest[:24]}"


class SingleWindow(QObject):
    """The claim of one workspace folder by this process's window (see the module docstring)."""

    show_requested = Signal()

    def __init__(self, root: Path, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.name = _name(root)
        self._lock = QLockFile(str(Path(QDir.tempPath()) / f"{self.name}.lock"))
        self._lock.setStaleLockTime(0)  # only a dead process's lock is stale, never a slow one
        self._server: QLocalServer | None = None

    def claim(self) -> bool:
        """Take the workspace for this window; False when another window has it."""
        if not self._lock.tryLock(100):
            return False
        server = QLocalServer(self)
        server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        QLocalServer.removeServer(self.name)  # a socket file left by a crashed window
        if server.listen(self.name):
            server.newConnection.connect(self._on_server_new_connection)
            self._server = server
        return True

    def ask_first_to_show(self) -> bool:
        """(Second start) ask the window that has the workspace to come forward."""
        socket = QLocalSocket()
        try:
            socket.connectToServer(self.name)
            if not socket.waitForConnected(TIMEOUT_MS):
                return False
            socket.write(SHOW)
            ok = socket.waitForBytesWritten(TIMEOUT_MS)
            socket.disconnectFromServer()
            if socket.state() != QLocalSocket.LocalSocketState.UnconnectedState:
                socket.waitForDisconnected(TIMEOUT_MS)
            return bool(ok)
        finally:
            socket.abort()

    def release(self) -> None:
        if self._server is not None:
            self._server.close()
            self._server.deleteLater()
            self._server = None
        self._lock.unlock()

    def _on_server_new_connection(self) -> None:
        assert self._server is not None
        while (socket := self._server.nextPendingConnection()) is not None:
            # the other start writes one short line at once: read it here, then let go
            arrived = socket.bytesAvailable() > 0 or socket.waitForReadyRead(TIMEOUT_MS)
            if arrived and bytes(socket.readAll().data()).startswith(SHOW.strip()):
                self.show_requested.emit()
            socket.abort()
            socket.deleteLater()


def bring_forward(window: QWidget) -> None:
    """Show ``window`` in front (restored if minimised)."""
    if window.isMinimized():
        window.showNormal()
    window.show()
    window.raise_()
    window.activateWindow()


def claim_window(root: Path, notice_ms: int = 4000) -> SingleWindow | None:
    """The claim of ``root`` for this process's window, or None after telling the user (one line
    on stderr and a notice that closes itself) that the workspace is open in another window,
    which was asked to come forward."""
    single = SingleWindow(root, QApplication.instance())
    if single.claim():
        return single
    shown = single.ask_first_to_show()
    text = QCoreApplication.translate(
        "SingleWindow", "This workspace is already open in another window."
    )
    if shown:
        text += QCoreApplication.translate("SingleWindow", " It was brought forward.")
    print(text, file=sys.stderr, flush=True)
    title = QCoreApplication.translate("SingleWindow", "XunchaDesk")
    box = QMessageBox(QMessageBox.Icon.Information, title, text)
    QTimer.singleShot(notice_ms, box.accept)
    box.exec()
    return None


__all__ = ["SingleWindow", "bring_forward", "claim_window"]
