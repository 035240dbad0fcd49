"""Logging in, creating a first workspace, and the lock page.

Opening and creating run through the ``opener``/``creator`` callables the composition root gives
(they are quick: one Argon2id derivation), so these widgets never open a database themselves.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.storage.errors import WorkspaceError
from app.ui.i18n import fill

if TYPE_CHECKING:
    from app.storage.workspace import Workspace

Opener = Callable[[str, str | None], "Workspace"]
"""(password, user name or None) → the open workspace, or a WorkspaceError."""
Creator = Callable[[str, str, str], "Workspace"]
"""(team name, leader, password) → the new, open workspace."""


def _error_label(parent: QWidget) -> QLabel:
    label = QLabel("", parent)
    label.setStyleSheet("color: #b00020;")
    label.setWordWrap(True)
    return label


class LoginDialog(QDialog):
    """User name and password; opens the workspace or says why not, in the dialog."""

    def __init__(self, root: Path, opener: Opener, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("XunchaDesk — log in"))
        self._opener = opener
        self.workspace: Workspace | None = None
        form = QFormLayout(self)
        self.user = QLineEdit(self)
        self.user.setPlaceholderText(self.tr("May be left empty: the password tells who you are"))
        self.password = QLineEdit(self)
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.error = _error_label(self)
        where = QLabel(str(root), self)
        where.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        form.addRow(self.tr("Workspace:"), where)
        form.addRow(self.tr("User:"), self.user)
        form.addRow(self.tr("Password:"), self.password)
        form.addRow(self.error)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.accepted.connect(self._on_buttons_accepted)
        self.buttons.rejected.connect(self.reject)
        form.addRow(self.buttons)
        self.setMinimumWidth(460)
        self.password.setFocus()

    def _on_buttons_accepted(self) -> None:
        if not self.password.text():
            self.error.setText(self.tr("Please enter the password."))
            return
        try:
            self.workspace = self._opener(self.password.text(), self.user.text().strip() or None)
        except WorkspaceError as exc:
            self.error.setText(exc.message)
            self.password.selectAll()
            self.password.setFocus()
            return
        self.accept()


class CreateWorkspaceDialog(QDialog):
    """The first start: team name, leader, password twice."""

    def __init__(self, root: Path, creator: Creator, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("XunchaDesk — new workspace"))
        self._creator = creator
        self.workspace: Workspace | None = None
        lay = QVBoxLayout(self)
        intro = QLabel(self.tr("There is no workspace here yet. Create one for your team:"), self)
        intro.setWordWrap(True)
        lay.addWidget(intro)
        form = QFormLayout()
        self.team = QLineEdit(self)
        self.team.setPlaceholderText(self.tr("e.g. the first inspection team of the district"))
        self.leader = QLineEdit(self)
        self.password = QLineEdit(self)
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.again = QLineEdit(self)
        self.again.setEchoMode(QLineEdit.EchoMode.Password)
        form.addRow(self.tr("Workspace:"), QLabel(str(root), self))
        form.addRow(self.tr("Team name:"), self.team)
        form.addRow(self.tr("Leader (user name):"), self.leader)
        form.addRow(self.tr("Password:"), self.password)
        form.addRow(self.tr("Password again:"), self.again)
        lay.addLayout(form)
        self.error = _error_label(self)
        lay.addWidget(self.error)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.accepted.connect(self._on_buttons_accepted)
        self.buttons.rejected.connect(self.reject)
        lay.addWidget(self.buttons)
        self.setMinimumWidth(480)

    def _on_buttons_accepted(self) -> None:
        team, leader = self.team.text().strip(), self.leader.text().strip()
        if not team:
            self.error.setText(self.tr("Please enter the team name."))
        elif not leader:
            self.error.setText(self.tr("Please enter the leader's name."))
        elif len(self.password.text()) < 6:
            self.error.setText(self.tr("The password needs at least 6 characters."))
        elif self.password.text() != self.again.text():
            self.error.setText(self.tr("The two passwords differ."))
        else:
            try:
                self.workspace = self._creator(team, leader, self.password.text())
            except WorkspaceError as exc:
                self.error.setText(exc.message)
                return
            self.accept()


class LockPage(QWidget):
    """Shown while the window is locked: views cleared, database closed; password to unlock.

    Signals: ``unlock_requested(password)``.
    """

    unlock_requested = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        lay = QVBoxLayout(self)
        lay.addStretch(1)
        title = QLabel(self.tr("Locked"), self)
        title.setStyleSheet("font-size: 20pt; font-weight: bold;")
        title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.who = QLabel("", self)
        self.who.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.password = QLineEdit(self)
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setPlaceholderText(self.tr("Password"))
        self.password.setMaximumWidth(320)
        self.password.returnPressed.connect(self._on_unlock_clicked)
        self.button = QPushButton(self.tr("Unlock"), self)
        self.button.clicked.connect(self._on_unlock_clicked)
        self.error = _error_label(self)
        self.error.setAlignment(Qt.AlignmentFlag.AlignCenter)
        for w in (title, self.who):
            lay.addWidget(w)
        lay.addWidget(self.password, 0, Qt.AlignmentFlag.AlignHCenter)
        lay.addWidget(self.button, 0, Qt.AlignmentFlag.AlignHCenter)
        lay.addWidget(self.error)
        lay.addStretch(2)

    def reset(self, username: str) -> None:
        self.who.setText(fill(self.tr("The workspace of %1 is locked."), username))
        self.password.clear()
        self.error.clear()
        self.password.setFocus()

    def _on_unlock_clicked(self) -> None:
        self.unlock_requested.emit(self.password.text())
