"""Workspace ▸ Users…: the leader adds and removes the people who log in on this laptop (a team of
five often shares one), and makes a new recovery code. Members see the list only.

Every change goes through :mod:`app.services.users` on the task runner's write worker, the same
functions as ``python -m app user add|remove|list`` and ``recovery-key``.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QAbstractButton,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMainWindow,
    QMenu,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.domain.vocabulary import Role
from app.services.users import (
    Login,
    add_user,
    list_users,
    may_manage_users,
    new_recovery_code,
    remove_user,
    roles_for,
)
from app.ui.context import AppContext


class AddUserDialog(QDialog):
    """Name, role and password (typed twice) of a new user."""

    def __init__(self, roles: list[Role], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Add a user"))
        self.username = QLineEdit(self)
        self.username.setMaxLength(64)
        self.display = QLineEdit(self)
        self.display.setPlaceholderText(self.tr("Same as the user name"))
        self.role = QComboBox(self)
        for role in roles:
            self.role.addItem(role.label, role.value)
        self.password = QLineEdit(self)
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.again = QLineEdit(self)
        self.again.setEchoMode(QLineEdit.EchoMode.Password)
        self.error = QLabel("", self)
        self.error.setStyleSheet("color: #b00020;")
        form = QFormLayout()
        form.addRow(self.tr("User name"), self.username)
        form.addRow(self.tr("Name shown"), self.display)
        form.addRow(self.tr("Role"), self.role)
        form.addRow(self.tr("Password"), self.password)
        form.addRow(self.tr("Password again"), self.again)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self._on_buttons_accepted)
        buttons.rejected.connect(self.reject)
        lay = QVBoxLayout(self)
        lay.addLayout(form)
        lay.addWidget(self.error)
        lay.addWidget(buttons)

    def chosen_role(self) -> Role:
        return Role(self.role.currentData())

    def _on_buttons_accepted(self) -> None:
        if not self.username.text().strip():
            self.error.setText(self.tr("Please enter a user name."))
        elif not self.password.text():
            self.error.setText(self.tr("Please enter a password."))
        elif self.password.text() != self.again.text():
            self.error.setText(self.tr("The two passwords differ."))
        else:
            self.accept()


class UsersDialog(QDialog):
    """The users of the workspace; a leader may add, remove and renew the recovery code."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setWindowTitle(self.tr("Users"))
        self.table = QTableWidget(0, 4, self)
        self.table.setHorizontalHeaderLabels(
            [self.tr("User name"), self.tr("Name shown"), self.tr("Role"), self.tr("State")]
        )
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QTableWidget.SelectionMode.SingleSelection)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.verticalHeader().hide()
        self.message = QLabel("", self)
        self.message.setWordWrap(True)
        manager = may_manage_users(ctx.ws)
        self.add_button = QPushButton(self.tr("Add user…"), self)
        self.remove_button = QPushButton(self.tr("Remove user"), self)
        self.code_button = QPushButton(self.tr("New recovery code…"), self)
        for b in (self.add_button, self.remove_button, self.code_button):
            b.setEnabled(manager)
        self.add_button.clicked.connect(self._on_add_clicked)
        self.remove_button.clicked.connect(self._on_remove_clicked)
        self.code_button.clicked.connect(self._on_code_clicked)
        row = QHBoxLayout()
        for b in (self.add_button, self.remove_button, self.code_button):
            row.addWidget(b)
        row.addStretch(1)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        close.rejected.connect(self.reject)
        lay = QVBoxLayout(self)
        if not manager:
            lay.addWidget(QLabel(self.tr("Only the team leader can change the users."), self))
        lay.addWidget(self.table, 1)
        lay.addLayout(row)
        lay.addWidget(self.message)
        lay.addWidget(close)
        self.resize(620, 380)
        self.users: list[Login] = []
        self.refresh()

    # -- list -----------------------------------------------------------------------------
    def refresh(self) -> None:
        self.ctx.ops.query(
            partial(list_users, self.ctx.ws), self._on_users, on_error=self._on_failed
        )

    def _state(self, user: Login) -> str:
        if user.retired:
            return self.tr("Removed")
        return self.tr("Can log in") if user.has_password else self.tr("No password")

    def _on_users(self, users: list[Login]) -> None:
        self.users = users
        self.table.setRowCount(len(users))
        for r, u in enumerate(users):
            for c, text in enumerate((u.username, u.display_name, u.role.label, self._state(u))):
                item = QTableWidgetItem(text)
                item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEditable)
                self.table.setItem(r, c, item)
        self.table.resizeColumnsToContents()

    def _on_failed(self, exc: BaseException) -> None:
        self.message.setStyleSheet("color: #b00020;")
        self.message.setText(str(exc))

    def _write(self, job: Callable[[], object], done: str) -> None:
        self.ctx.ops.write(
            job, lambda _r: self._done(done), source="users", on_error=self._on_failed
        )

    def _done(self, text: str) -> None:
        self.message.setStyleSheet("")
        self.message.setText(text)
        self.refresh()

    # -- changes ----------------------------------------------------------------------------
    def _on_add_clicked(self) -> None:
        self.add_dialog = AddUserDialog(roles_for(self.ctx.ws), self)
        self.add_dialog.accepted.connect(self._on_add_dialog_accepted)
        self.add_dialog.open()

    def _on_add_dialog_accepted(self) -> None:
        dialog = self.add_dialog
        name = dialog.username.text().strip()
        job = partial(
            add_user,
            self.ctx.ws,
            name,
            dialog.password.text(),
            role=dialog.chosen_role(),
            display_name=dialog.display.text(),
        )
        added = self.tr("User added: %1").replace("%1", name)
        self._write(job, added)

    def selected(self) -> Login | None:
        row = self.table.currentRow()
        return self.users[row] if 0 <= row < len(self.users) else None

    def _ask(self, title: str, text: str, then: Callable[[], None]) -> QMessageBox:
        box = QMessageBox(QMessageBox.Icon.Question, title, text, parent=self)
        box.setStandardButtons(QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No)

        def on_clicked(button: QAbstractButton) -> None:
            if box.standardButton(button) == QMessageBox.StandardButton.Yes:
                then()

        box.buttonClicked.connect(on_clicked)
        box.open()
        self.question = box
        return box

    def _on_remove_clicked(self) -> None:
        user = self.selected()
        if user is None or user.retired:
            self._on_failed(ValueError(self.tr("Choose a user to remove first.")))
            return
        removed = self.tr("User removed: %1").replace("%1", user.username)
        self._ask(
            self.tr("Remove user"),
            self.tr(
                "Remove %1? Their records stay; their password no longer opens this workspace."
            ).replace("%1", user.username),
            lambda: self._write(partial(remove_user, self.ctx.ws, user.username), removed),
        )

    def _on_code_clicked(self) -> None:
        self._ask(
            self.tr("New recovery code"),
            self.tr("Make a new recovery code? The old code stops working."),
            lambda: self.ctx.ops.write(
                partial(new_recovery_code, self.ctx.ws),
                self._show_code,
                source="users",
                on_error=self._on_failed,
            ),
        )

    def _show_code(self, code: str) -> None:
        box = QMessageBox(self)
        box.setWindowTitle(self.tr("New recovery code"))
        box.setIcon(QMessageBox.Icon.Information)
        box.setText(
            self.tr(
                "Write this code on paper and keep it apart from the laptop. It is shown only "
                "this once; with it a forgotten password can be reset."
            )
        )
        box.setInformativeText(code)
        box.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.code_box = box
        box.open()
        self._done(self.tr("A new recovery code was made."))


def add_users_action(window: QMainWindow, menu: QMenu) -> QAction:
    """Workspace ▸ Users… (the window's ``ctx`` is read when it is chosen: None while locked)."""
    action = QAction(QCoreApplication.translate("UsersDialog", "Users…"), window)

    def on_triggered() -> None:
        ctx = getattr(window, "ctx", None)
        if isinstance(ctx, AppContext):
            dialog = UsersDialog(ctx, window)
            dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            dialog.open()

    action.triggered.connect(on_triggered)
    menu.addAction(action)
    return action


__all__ = ["AddUserDialog", "UsersDialog", "add_users_action"]
