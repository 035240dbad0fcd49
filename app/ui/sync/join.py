"""Joining the office from the window: said before anything is picked, done in one dialog.

:class:`JoinNotice` stands on the export panel of a team workspace that has no team kit yet: it
says that bundles cannot be made and offers to join. :class:`JoinDialog` asks for the kit file
and its password and joins (:func:`app.sync.join.join_existing`).

Signals: ``JoinNotice.joined(str)`` (the team's name) after a successful join.
"""

from __future__ import annotations

from functools import partial
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.storage.errors import WorkspaceError
from app.sync.errors import SyncError
from app.sync.join import join_existing
from app.sync.kit import TeamKit
from app.ui.context import AppContext
from app.ui.files import open_file_name
from app.ui.i18n import fill


class JoinDialog(QDialog):
    """The kit file and its password; joins, or says why not in the dialog."""

    joined = Signal(str)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setWindowTitle(QCoreApplication.translate("SyncJoin", "Join the inspection office"))
        intro = QLabel(
            QCoreApplication.translate(
                "SyncJoin",
                "The office issues a team kit (a file) and tells you its password. Joining "
                "keeps every record of this workspace; from then on it can send bundles.",
            ),
            self,
        )
        intro.setWordWrap(True)
        self.path = QLineEdit(self)
        pick = QPushButton(QCoreApplication.translate("SyncJoin", "Choose…"), self)
        pick.clicked.connect(self._on_pick_clicked)
        row = QHBoxLayout()
        row.addWidget(self.path, 1)
        row.addWidget(pick)
        self.password = QLineEdit(self)
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.error = QLabel(self)
        self.error.setStyleSheet("color: #b00020;")
        self.error.setWordWrap(True)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.accepted.connect(self._on_buttons_accepted)
        self.buttons.rejected.connect(self.reject)
        form = QFormLayout()
        form.addRow(QCoreApplication.translate("SyncJoin", "Team kit"), row)
        form.addRow(QCoreApplication.translate("SyncJoin", "Kit password"), self.password)
        lay = QVBoxLayout(self)
        lay.addWidget(intro)
        lay.addLayout(form)
        lay.addWidget(self.error)
        lay.addWidget(self.buttons)
        self.setMinimumWidth(520)

    def _on_pick_clicked(self) -> None:
        path = open_file_name(
            self,
            QCoreApplication.translate("SyncJoin", "Team kit"),
            QCoreApplication.translate("SyncJoin", "All files (*)"),
        )
        if path is not None:
            self.path.setText(str(path))

    def _on_buttons_accepted(self) -> None:
        path = Path(self.path.text().strip())
        if not self.path.text().strip() or not path.is_file():
            self.error.setText(QCoreApplication.translate("SyncJoin", "Choose the team kit file."))
            return
        if not self.password.text():
            self.error.setText(QCoreApplication.translate("SyncJoin", "Enter the kit's password."))
            return
        self.buttons.setEnabled(False)
        self.ctx.ops.write(
            partial(join_existing, self.ctx.ws, path, self.password.text()),
            self._on_joined,
            source="sync",
            on_error=self._on_failed,
        )

    def _on_joined(self, kit: TeamKit) -> None:
        self.buttons.setEnabled(True)
        self.joined.emit(kit.team_name)
        self.accept()

    def _on_failed(self, exc: BaseException) -> None:
        self.buttons.setEnabled(True)
        if isinstance(exc, SyncError | WorkspaceError):
            self.error.setText(str(exc))
        else:
            self.error.setText(
                QCoreApplication.translate("SyncJoin", "Could not join: %1").replace(
                    "%1", str(exc) or type(exc).__name__
                )
            )
        self.password.selectAll()
        self.password.setFocus()


class JoinNotice(QFrame):
    """Said on the export panel before anything is picked: no kit, no bundle; join here."""

    joined = Signal(str)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setStyleSheet("JoinNotice { background: #fff8e1; border: 1px solid #e0b252; }")
        text = QLabel(
            QCoreApplication.translate(
                "SyncJoin",
                "This workspace has not joined the inspection office with a team kit, so it "
                "cannot make sync bundles yet. Join with the kit the office issued:",
            ),
            self,
        )
        text.setWordWrap(True)
        self.button = QPushButton(QCoreApplication.translate("SyncJoin", "Join with a kit…"), self)
        self.button.clicked.connect(self.open_dialog)
        self.dialog: JoinDialog | None = None
        lay = QHBoxLayout(self)
        lay.addWidget(text, 1)
        lay.addWidget(self.button)

    def open_dialog(self) -> JoinDialog:
        self.dialog = JoinDialog(self.ctx, self)
        self.dialog.joined.connect(self.joined)
        self.dialog.open()
        return self.dialog


def joined_text(team: str) -> str:
    return fill(
        QCoreApplication.translate(
            "SyncJoin", "Joined the inspection office as %1: bundles can be exported now."
        ),
        team,
    )


__all__ = ["JoinDialog", "JoinNotice", "joined_text"]
