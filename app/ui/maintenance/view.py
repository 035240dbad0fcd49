"""Password, backup and check in the window (the same service functions as the command line).

- 修改密码: the old password (checked like a login: wrong ones count toward the delay), the new
  one twice;
- 备份: a verified copy of the whole workspace (database, key file, photos) to a file the user
  picks (never over an existing file), the file ``restore`` reads; the page says what opens it;
- 检查: the integrity check (cipher, SQLite, foreign keys, version, search index, photos).

Signals: none.
"""

from __future__ import annotations

from datetime import datetime
from functools import partial
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from app.services.access import wait_left
from app.services.maintenance import (
    BackupDone,
    MaintenanceRefused,
    backup_to,
    change_password,
    run_check,
)
from app.storage.changes import ChangeSet
from app.storage.errors import WorkspaceError
from app.ui.context import AppContext
from app.ui.files import save_file_name
from app.ui.guard import WaitCountdown, refusal_text
from app.ui.i18n import fill
from app.ui.style import ERROR_STYLE, OK_STYLE


def _password_box(parent: QWidget) -> QLineEdit:
    box = QLineEdit(parent)
    box.setEchoMode(QLineEdit.EchoMode.Password)
    box.setMaximumWidth(320)
    return box


class MaintenanceView(QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        title = QLabel(self.tr("Password & backup"), self)
        title.setStyleSheet("font-size: 15pt; font-weight: bold;")

        # -- password --------------------------------------------------------------------
        pw_box = QGroupBox(self.tr("Change my password"), self)
        pw_form = QFormLayout(pw_box)
        who = QLabel(fill(self.tr("User: %1"), ctx.ws.username), pw_box)
        self.old = _password_box(pw_box)
        self.new = _password_box(pw_box)
        self.new.setPlaceholderText(self.tr("At least 6 characters"))
        self.again = _password_box(pw_box)
        self.change_button = QPushButton(self.tr("Change password"), pw_box)
        self.change_button.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        self.password_message = QLabel(pw_box)
        self.password_message.setWordWrap(True)
        note = QLabel(
            self.tr(
                "The database is not re-encrypted: earlier backups still open with the current "
                "key file and the new password."
            ),
            pw_box,
        )
        note.setWordWrap(True)
        note.setStyleSheet("color: #555;")
        pw_form.addRow(who)
        pw_form.addRow(self.tr("Current password"), self.old)
        pw_form.addRow(self.tr("New password"), self.new)
        pw_form.addRow(self.tr("New password again"), self.again)
        pw_form.addRow("", self.change_button)
        pw_form.addRow(self.password_message)
        pw_form.addRow(note)
        self.countdown = WaitCountdown(
            self.password_message,
            [self.change_button],
            lambda: wait_left(ctx.ws.paths.root),
            self,
        )

        # -- backup ----------------------------------------------------------------------
        bk_box = QGroupBox(self.tr("Backup"), self)
        bk = QVBoxLayout(bk_box)
        warn = QLabel(
            self.tr(
                "A backup holds the whole workspace, encrypted: the database, its key file "
                "(workspace.key) and the photos. It opens with the password of any user at the "
                "time, or the recovery code: keep it on another medium, locked away."
            ),
            bk_box,
        )
        warn.setWordWrap(True)
        warn.setStyleSheet("color: #8a4b00;")
        self.backup_button = QPushButton(self.tr("Back up to a file…"), bk_box)
        self.backup_message = QLabel(bk_box)
        self.backup_message.setWordWrap(True)
        self.backup_message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        row = QHBoxLayout()
        row.addWidget(self.backup_button)
        row.addStretch(1)
        bk.addWidget(warn)
        bk.addLayout(row)
        bk.addWidget(self.backup_message)

        # -- check -----------------------------------------------------------------------
        ck_box = QGroupBox(self.tr("Check the workspace"), self)
        ck = QVBoxLayout(ck_box)
        self.check_button = QPushButton(self.tr("Run the check"), ck_box)
        self.check_result = QPlainTextEdit(ck_box)
        self.check_result.setReadOnly(True)
        self.check_result.setPlaceholderText(
            self.tr(
                "Checks the encryption and the database, links between records, the version, "
                "the search index and the photos."
            )
        )
        self.check_result.setMaximumHeight(120)
        row2 = QHBoxLayout()
        row2.addWidget(self.check_button)
        row2.addStretch(1)
        ck.addLayout(row2)
        ck.addWidget(self.check_result)

        body = QVBoxLayout()
        for box in (pw_box, bk_box, ck_box):
            box.setMaximumWidth(900)
            body.addWidget(box)
        body.addStretch(1)
        lay = QVBoxLayout(self)
        lay.addWidget(title)
        lay.addLayout(body, 1)

        self.change_button.clicked.connect(self._on_change_button_clicked)
        self.again.returnPressed.connect(self._on_change_button_clicked)
        self.backup_button.clicked.connect(self._on_backup_button_clicked)
        self.check_button.clicked.connect(self._on_check_button_clicked)
        self.countdown.check()

    # -- password -------------------------------------------------------------------------
    def _say(self, label: QLabel, text: str, ok: bool) -> None:
        label.setStyleSheet(OK_STYLE if ok else ERROR_STYLE)
        label.setText(text)

    def _on_change_button_clicked(self) -> None:
        if self.countdown.running:
            return
        job = partial(
            change_password, self.ctx.ws, self.old.text(), self.new.text(), self.again.text()
        )
        self.change_button.setEnabled(False)
        self.ctx.ops.write(
            job, self._on_password_changed, source="maintenance", on_error=self._on_password_refused
        )

    def _on_password_changed(self, _result: object) -> None:
        self.change_button.setEnabled(True)
        for box in (self.old, self.new, self.again):
            box.clear()
        self._say(self.password_message, self.tr("Password changed."), True)

    def _on_password_refused(self, exc: BaseException) -> None:
        self.change_button.setEnabled(True)
        self.password_message.setStyleSheet(ERROR_STYLE)
        if isinstance(exc, MaintenanceRefused):
            self.password_message.setText(exc.message)
            target = {"new": self.new, "again": self.again}.get(exc.field, self.old)
        elif isinstance(exc, WorkspaceError):
            self.countdown.start(refusal_text(exc))
            target = self.old
        else:
            self.password_message.setText(self.tr("The password was not changed."))
            target = self.old
        target.selectAll()
        target.setFocus()

    # -- backup ---------------------------------------------------------------------------
    def _on_backup_button_clicked(self) -> None:
        name = f"巡察台备份-{datetime.now():%Y%m%d-%H%M}.db"
        path = save_file_name(
            self, self.tr("Back up to"), name, self.tr("Database backups (*.db)"), ".db"
        )
        if path is None:
            return
        self.backup_to(path)

    def backup_to(self, path: Path) -> None:
        self.backup_button.setEnabled(False)
        self._say(self.backup_message, self.tr("Backing up…"), True)
        self.ctx.ops.write(
            partial(backup_to, self.ctx.ws, path),
            self._on_backup_done,
            source="maintenance",
            on_error=self._on_backup_failed,
        )

    def _on_backup_done(self, result: BackupDone) -> None:
        self.backup_button.setEnabled(True)
        if result.photos is None:  # a server's database
            text = fill(
                self.tr("Backed up to %1 (%2 KB, checked)."), result.path, result.size_bytes // 1024
            )
        else:
            text = fill(
                self.tr("Backed up to %1 (%2 KB with %3 photos, checked)."),
                result.path,
                result.size_bytes // 1024,
                result.photos,
            )
        self._say(self.backup_message, text, True)

    def _on_backup_failed(self, exc: BaseException) -> None:
        self.backup_button.setEnabled(True)
        text = str(exc) if isinstance(exc, WorkspaceError) else ""
        if isinstance(exc, OSError):
            text = self.tr("The file could not be written: %1").replace(
                "%1", exc.strerror or type(exc).__name__
            )
        self._say(self.backup_message, text or self.tr("The backup failed."), False)

    # -- check ----------------------------------------------------------------------------
    def _on_check_button_clicked(self) -> None:
        self.check_button.setEnabled(False)
        self.check_result.setPlainText(self.tr("Checking…"))
        self.ctx.ops.write(  # the check is audited: a write
            partial(run_check, self.ctx.ws),
            self._on_check_done,
            source="maintenance",
            on_error=self._on_check_failed,
        )

    def _on_check_done(self, findings: list[str]) -> None:
        self.check_button.setEnabled(True)
        if findings:
            self.check_result.setStyleSheet(ERROR_STYLE)
            self.check_result.setPlainText("\n".join(findings))
        else:
            self.check_result.setStyleSheet(OK_STYLE)
            self.check_result.setPlainText(
                self.tr(
                    "Check passed: encryption and database sound, links consistent, version "
                    "current, search index in step, photos complete."
                )
            )

    def _on_check_failed(self, exc: BaseException) -> None:
        self.check_button.setEnabled(True)
        self.check_result.setStyleSheet(ERROR_STYLE)
        self.check_result.setPlainText(str(exc) or self.tr("The check could not run."))

    # -- the window's protocol ------------------------------------------------------------
    def on_changes(self, changes: ChangeSet) -> None:
        """Nothing here shows records."""

    def close_forms(self) -> None:
        for box in (self.old, self.new, self.again):
            box.clear()


__all__ = ["MaintenanceView"]
