"""Asking before a window with unsaved changes closes (Esc, the close button): save, discard,
or go on editing. Non-modal: the window stays as it is until the user answers."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QAbstractButton, QMessageBox, QWidget


def ask_unsaved(
    parent: QWidget, text: str, on_save: Callable[[], None], on_discard: Callable[[], None]
) -> QMessageBox:
    box = QMessageBox(
        QMessageBox.Icon.Question,
        QCoreApplication.translate("Closing", "Unsaved changes"),
        text,
        parent=parent,
    )
    box.setObjectName("askUnsaved")
    save = box.addButton(
        QCoreApplication.translate("Closing", "Save"), QMessageBox.ButtonRole.AcceptRole
    )
    discard = box.addButton(
        QCoreApplication.translate("Closing", "Discard the changes"),
        QMessageBox.ButtonRole.DestructiveRole,
    )
    box.addButton(
        QCoreApplication.translate("Closing", "Go on editing"), QMessageBox.ButtonRole.RejectRole
    )
    box.setDefaultButton(save)

    def clicked(button: QAbstractButton) -> None:
        if button is save:
            on_save()
        elif button is discard:
            on_discard()

    box.buttonClicked.connect(clicked)
    box.open()
    return box


def plan_unsaved_text() -> str:
    return QCoreApplication.translate("Closing", "The batch plan has changes that are not saved.")


__all__ = ["ask_unsaved", "plan_unsaved_text"]
