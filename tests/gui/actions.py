"""Driving the real widgets the way a user does, counting what is not typing.

Every click, every key press that is not text (a shortcut, Tab, Enter, Esc, an arrow) and every
drop counts as one action; text typed into a field does not. Key presses go to the widget that
has the focus, as a keyboard's do. QTest cannot type Chinese: such text is put in through the
field's own editing (still not an action).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt, QUrl
from PySide6.QtGui import QDropEvent, QKeySequence
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QLineEdit, QPlainTextEdit, QWidget


class Actions:
    def __init__(self, home: QWidget | None = None) -> None:
        self.count = 0
        self.log: list[str] = []
        self.home = home
        """The main window: when a dialog closes, the window manager activates it again (the
        offscreen platform has no window manager, so this does)."""

    def _note(self, what: str) -> None:
        self.count += 1
        self.log.append(what)

    def focus(self) -> QWidget:
        if QApplication.activeWindow() is None and self.home is not None:
            self.home.activateWindow()
            QApplication.processEvents()
        widget = QApplication.focusWidget() or QApplication.activeWindow() or self.home
        assert widget is not None, "nothing has the keyboard focus"
        return widget

    def press(self, keys: str, to: QWidget | None = None) -> None:
        """A key or shortcut (``"Ctrl+N"``, ``"Alt+R"``, ``"Return"``, ``"A"``), one action."""
        seq = QKeySequence(keys)
        combo = seq[0]  # type: ignore[index]  # the stubs lack QKeySequence.__getitem__
        target = to or self.focus()
        QTest.keyClick(target, combo.key(), combo.keyboardModifiers())
        self._note(f"key {keys}")

    def click(self, widget: QWidget, pos: QPoint | None = None) -> None:
        if pos is None:
            QTest.mouseClick(widget, Qt.MouseButton.LeftButton)
        else:
            QTest.mouseClick(widget, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, pos)
        self._note(f"click {type(widget).__name__}")

    def drop(self, widget: QWidget, paths: list[Path]) -> None:
        """Files dropped on ``widget`` from a file manager (one action).

        QApplication discards a Drop that no drag of its own started, so the event goes to the
        widget's own handler directly, as a real drop reaches it.
        """
        data = QMimeData()
        data.setUrls([QUrl.fromLocalFile(str(p)) for p in paths])
        event = QDropEvent(
            QPointF(widget.width() / 2, widget.height() / 2),
            Qt.DropAction.CopyAction,
            data,
            Qt.MouseButton.NoButton,
            Qt.KeyboardModifier.NoModifier,
        )
        widget.event(event)
        self._note(f"drop on {type(widget).__name__}")

    def outside(self, what: str) -> None:
        """An action in a dialog the test cannot drive (the system's print dialog's OK)."""
        self._note(what)

    def type(self, text: str, into: QWidget | None = None) -> None:
        """Typing: not an action."""
        widget = into or self.focus()
        if text.isascii():
            QTest.keyClicks(widget, text)
        elif isinstance(widget, QLineEdit):
            widget.insert(text)
        elif isinstance(widget, QPlainTextEdit):
            widget.insertPlainText(text)
        else:
            raise AssertionError(f"cannot type into {type(widget).__name__}")
