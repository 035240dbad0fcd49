"""Windows that fit the screen and come back where they were.

- :func:`fit_to_screen` sizes a window to what it would like, but never larger than the screen's
  available area (a 1366×768 laptop with a task bar has about 1366×728), and centres it there.
- :class:`GeometryKeeper` restores the main window's last size and place (kept per workspace in
  ``window.ini`` beside the database; nothing secret is in it) and saves them when the window
  closes. A saved place that no longer fits any screen (a second monitor unplugged) is dropped.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QByteArray, QEvent, QObject, QRect, QSettings, QSize
from PySide6.QtGui import QGuiApplication, QScreen
from PySide6.QtWidgets import QWidget

GEOMETRY_FILE = "window.ini"


def _screen(widget: QWidget) -> QScreen | None:
    return widget.screen() or QGuiApplication.primaryScreen()


def available_area(widget: QWidget) -> QRect:
    screen = _screen(widget)
    return screen.availableGeometry() if screen is not None else QRect(0, 0, 1366, 728)


def fit_to_screen(widget: QWidget, wanted: QSize, *, margin: int = 24) -> QSize:
    """Resize ``widget`` to ``wanted`` or the screen's available area less a margin, whichever
    is smaller, and centre it; returns the size used."""
    area = available_area(widget)
    frame = 32  # title bar and borders the window manager adds
    size = QSize(
        min(wanted.width(), area.width() - margin),
        min(wanted.height(), area.height() - margin - frame),
    )
    widget.resize(size)
    widget.move(
        area.x() + (area.width() - size.width()) // 2,
        area.y() + max(0, (area.height() - size.height() - frame) // 2),
    )
    return size


class GeometryKeeper(QObject):
    """Restores a window's geometry now and saves it when the window closes."""

    def __init__(self, window: QWidget, folder: Path, default: QSize) -> None:
        super().__init__(window)
        self._window = window
        self._file = QSettings(str(folder / GEOMETRY_FILE), QSettings.Format.IniFormat)
        if not self.restore():
            fit_to_screen(window, default)
        window.installEventFilter(self)

    def restore(self) -> bool:
        data = self._file.value("main/geometry")
        if not isinstance(data, QByteArray | bytes) or not data:
            return False
        if not self._window.restoreGeometry(QByteArray(data)):
            return False
        area = available_area(self._window)
        frame = self._window.frameGeometry()
        # the screen it was on is gone, or smaller: start afresh
        return area.intersects(frame) and frame.width() <= area.width() + 16

    def save(self) -> None:
        self._file.setValue("main/geometry", self._window.saveGeometry())
        self._file.sync()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self._window and event.type() == QEvent.Type.Close:
            self.save()
        return False


__all__ = ["GEOMETRY_FILE", "GeometryKeeper", "available_area", "fit_to_screen"]
