"""Dialogs of the wrap-up: signing the day off, merging alike problems, reading a source record.

``CloseDayDialog`` signal: ``close_requested(str)`` with the password (the view runs the service
and calls ``show_error`` or ``accept``). ``MergeDialog`` signal: ``merge_requested(object)`` with a
list of (keep id, [merged ids]).
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from app.services.wrapup.board import MergeCandidate, SourceText
from app.ui.i18n import fill
from app.ui.style import ERROR_STYLE


class CloseDayDialog(QDialog):
    close_requested = Signal(str)

    def __init__(self, day: date, summary: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Sign off the day"))
        form = QFormLayout(self)
        text = self.tr("Sign off %1. The day's decisions freeze and its papers are created.")
        intro = QLabel(fill(text, f"{day.year}年{day.month}月{day.day}日"), self)
        intro.setWordWrap(True)
        form.addRow(intro)
        form.addRow(QLabel(summary, self))
        self.password = QLineEdit(self)
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        form.addRow(self.tr("Leader's password:"), self.password)
        self.error = QLabel(self)
        self.error.setStyleSheet(ERROR_STYLE)
        self.error.setWordWrap(True)
        form.addRow(self.error)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setText(self.tr("Sign off"))
        self.buttons.accepted.connect(self._on_buttons_accepted)
        self.buttons.rejected.connect(self.reject)
        form.addRow(self.buttons)

    def _on_buttons_accepted(self) -> None:
        self.error.clear()
        self.close_requested.emit(self.password.text())

    def show_error(self, message: str) -> None:
        self.error.setText(message)
        self.password.selectAll()
        self.password.setFocus()


class MergeDialog(QDialog):
    merge_requested = Signal(object)

    def __init__(self, candidates: list[MergeCandidate], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Merge alike problems"))
        self.resize(640, 420)
        layout = QVBoxLayout(self)
        intro = QLabel(
            self.tr("Ticked groups become one problem (the first is kept) with all their voices."),
            self,
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.list = QListWidget(self)
        for cand in candidates:
            lines = "\n".join(f"  · {d}" for d in cand.descriptions)
            head = self.tr("%1: %2 problems, %3 voices, similarity %4")
            head = fill(head, cand.village, len(cand.ids), cand.voices, f"{cand.similarity:.2f}")
            item = QListWidgetItem(f"{head}\n{lines}", self.list)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked)
            item.setData(Qt.ItemDataRole.UserRole, cand)
        layout.addWidget(self.list)
        self.error = QLabel(self)
        self.error.setStyleSheet(ERROR_STYLE)
        layout.addWidget(self.error)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setText(self.tr("Merge ticked"))
        buttons.accepted.connect(self._on_buttons_accepted)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def chosen(self) -> list[tuple[str, list[str]]]:
        out: list[tuple[str, list[str]]] = []
        for i in range(self.list.count()):
            item = self.list.item(i)
            if item.checkState() == Qt.CheckState.Checked:
                cand: MergeCandidate = item.data(Qt.ItemDataRole.UserRole)
                out.append((cand.ids[0], list(cand.ids[1:])))
        return out

    def _on_buttons_accepted(self) -> None:
        groups = self.chosen()
        if not groups:
            self.error.setText(self.tr("Tick at least one group."))
            return
        self.merge_requested.emit(groups)

    def show_error(self, message: str) -> None:
        self.error.setText(message)


class SourceDialog(QDialog):
    """The full text of a record that raised a problem (read only)."""

    def __init__(self, source: SourceText, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(source.kind.label)
        self.resize(520, 360)
        layout = QVBoxLayout(self)
        head = QLabel(f"<b>{source.village}</b>　{source.at:%Y-%m-%d %H:%M}　{source.heading}")
        layout.addWidget(head)
        self.text = QPlainTextEdit(self)
        self.text.setPlainText(source.text)
        self.text.setReadOnly(True)
        layout.addWidget(self.text)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
