"""The record changed while it was being edited: both versions side by side, the user chooses.

Shown by a field form whose save was refused with
:class:`~app.services.field.forms.RecordChanged` (the record was saved from another place since
the form read it). Nothing is lost while the user decides: the form keeps its content (and its
draft) until they save or cancel it.

- *Save mine*: save the form's content over the other version (knowingly: it is on screen);
- *Take theirs*: put the other version into the form (to edit on from there);
- *Back*: return to the form, to merge by hand (the other version stays shown in this dialog).
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

SAVE_MINE = 1
TAKE_THEIRS = 2
BACK = 0

_SKIP = {"base_version", "photo_paths", "problems", "links"}


def _labels() -> dict[str, str]:
    return {
        "village_id": QCoreApplication.translate("RecordChangedDialog", "Village"),
        "occurred_at": QCoreApplication.translate("RecordChangedDialog", "Time"),
        "method": QCoreApplication.translate("RecordChangedDialog", "Method"),
        "place": QCoreApplication.translate("RecordChangedDialog", "Place"),
        "people": QCoreApplication.translate("RecordChangedDialog", "People met"),
        "inspectors": QCoreApplication.translate("RecordChangedDialog", "Inspectors"),
        "notes": QCoreApplication.translate("RecordChangedDialog", "What was found"),
        "channel": QCoreApplication.translate("RecordChangedDialog", "Source"),
        "box_label": QCoreApplication.translate("RecordChangedDialog", "Opinion box"),
        "opened_at": QCoreApplication.translate("RecordChangedDialog", "Opened at"),
        "received_at": QCoreApplication.translate("RecordChangedDialog", "Received at"),
        "anonymous": QCoreApplication.translate("RecordChangedDialog", "Anonymous"),
        "writer_name": QCoreApplication.translate("RecordChangedDialog", "Writer"),
        "content": QCoreApplication.translate("RecordChangedDialog", "Content"),
        "interviewee_name": QCoreApplication.translate("RecordChangedDialog", "Interviewee"),
        "interviewee_post": QCoreApplication.translate("RecordChangedDialog", "Post"),
        "interviewee_unit": QCoreApplication.translate("RecordChangedDialog", "Unit"),
        "interviewers": QCoreApplication.translate("RecordChangedDialog", "Interviewers"),
        "started_at": QCoreApplication.translate("RecordChangedDialog", "Started at"),
        "ended_at": QCoreApplication.translate("RecordChangedDialog", "Ended at"),
        "record": QCoreApplication.translate("RecordChangedDialog", "Record"),
    }


def _text(value: Any) -> str:
    if isinstance(value, bool):
        if value:
            return QCoreApplication.translate("RecordChangedDialog", "Yes")
        return QCoreApplication.translate("RecordChangedDialog", "No")
    if isinstance(value, list):
        parts = []
        for item in value:
            if isinstance(item, dict):
                parts.append("，".join(str(v) for k, v in item.items() if k != "protected" and v))
            else:
                parts.append(str(item))
        return "；".join(parts)
    return "" if value is None else str(value)


def differences(mine: dict[str, Any], theirs: dict[str, Any]) -> list[tuple[str, str, str]]:
    """(field label, their value, my value) for every field the two versions disagree on."""
    labels = _labels()
    out: list[tuple[str, str, str]] = []
    for key, label in labels.items():
        if key in _SKIP or (key not in mine and key not in theirs):
            continue
        a, b = _text(theirs.get(key)), _text(mine.get(key))
        if a != b:
            out.append((label, a, b))
    return out


class RecordChangedDialog(QDialog):
    """Both versions of the fields that differ; ``exec()`` returns SAVE_MINE, TAKE_THEIRS or
    BACK."""

    def __init__(
        self, mine: dict[str, Any], theirs: dict[str, Any], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("The record was changed elsewhere"))
        intro = QLabel(
            self.tr(
                "While you were editing, this record was saved from another place. Compare the "
                "two versions and choose; nothing is saved until you do."
            ),
            self,
        )
        intro.setWordWrap(True)
        rows = differences(mine, theirs)
        self.table = QTableWidget(len(rows), 3, self)
        self.table.setHorizontalHeaderLabels(
            [self.tr("Field"), self.tr("Saved elsewhere"), self.tr("Yours")]
        )
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(True)
        for r, cells in enumerate(rows):
            for c, text in enumerate(cells):
                self.table.setItem(r, c, QTableWidgetItem(text))
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        buttons = QDialogButtonBox(self)
        self.save_mine = QPushButton(self.tr("Save mine over it"), self)
        self.take_theirs = QPushButton(self.tr("Take theirs into the form"), self)
        self.back = QPushButton(self.tr("Back to the form"), self)
        buttons.addButton(self.save_mine, QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(self.take_theirs, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.back, QDialogButtonBox.ButtonRole.RejectRole)
        self.save_mine.clicked.connect(lambda: self.done(SAVE_MINE))
        self.take_theirs.clicked.connect(lambda: self.done(TAKE_THEIRS))
        self.back.clicked.connect(lambda: self.done(BACK))
        lay = QVBoxLayout(self)
        lay.addWidget(intro)
        lay.addWidget(self.table, 1)
        lay.addWidget(buttons)
        self.resize(820, 420)


def record_changed(owner: QWidget, exc: Any) -> RecordChangedDialog:
    """Show both versions for the form dialog ``owner`` (``form`` and ``save()``) and act on the
    choice. ``exc`` is the :class:`~app.services.field.forms.RecordChanged` of the refused save."""
    assert isinstance(owner, QWidget)
    dialog_owner: Any = owner
    form = dialog_owner.form
    mine = form.payload()
    theirs: dict[str, Any] = dict(exc.theirs)
    dialog = RecordChangedDialog(mine, theirs, owner)

    def on_finished(choice: int) -> None:
        form.base_version = theirs.get("base_version")  # they have seen it: a save overwrites
        if choice == TAKE_THEIRS:  # their fields; problems and photos added here stay
            keep = {k: mine[k] for k in ("problems", "links") if k in mine}
            form.set_payload(dict(theirs, photo_paths=[], **keep))
        elif choice == SAVE_MINE:
            dialog_owner.save()

    dialog.finished.connect(on_finished)
    dialog.open()
    return dialog


__all__ = [
    "BACK",
    "SAVE_MINE",
    "TAKE_THEIRS",
    "RecordChangedDialog",
    "differences",
    "record_changed",
]
