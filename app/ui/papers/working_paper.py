"""The 问题底稿 of one problem: edit 依据 and 审核意见 before sign-off, print it or the whole day's.

Opened from the wrap-up (the selected problem) and from a problem's detail in the field view.
Every read and write goes through :mod:`app.services.wrapup.working_papers` by ``ctx.ops`` (reads
off the GUI thread, writes on the writer with their ChangeSet broadcast).

Signals: ``saved(object)`` after 依据/审核意见 are stored (what the service returned).
"""

from __future__ import annotations

import logging
from datetime import date

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.documents.working_paper import WorkingPaperDoc
from app.domain.errors import UserError
from app.services.wrapup.working_papers import (
    edit_working_paper,
    working_paper_docs,
    working_paper_pdf,
)
from app.storage.workspace import Workspace
from app.ui.ops import Operations
from app.ui.pdf_preview import PdfPreviewDialog
from app.ui.style import ERROR_STYLE


def _message(exc: BaseException) -> str:
    if isinstance(exc, UserError):
        return str(exc)
    logging.getLogger(__name__).error("working paper failed", exc_info=exc)
    return "操作失败，请重试；问题已记入日志。"


class WorkingPaperDialog(QDialog):
    """See the module docstring."""

    saved = Signal(object)

    def __init__(
        self, ws: Workspace, ops: Operations, problem_id: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.ws = ws
        self.ops = ops
        self.problem_id = problem_id
        self.doc: WorkingPaperDoc | None = None
        self.preview: PdfPreviewDialog | None = None
        self.setWindowTitle(self.tr("Working paper"))
        self.heading = QLabel(self)
        self.heading.setWordWrap(True)
        self.state = QLabel(self)
        self.basis = QPlainTextEdit(self)
        self.basis.setPlaceholderText(self.tr("The policy or rule the problem breaks"))
        self.review = QPlainTextEdit(self)
        self.review.setPlaceholderText(self.tr("The team leader's review"))
        self.message = QLabel(self)
        self.message.setWordWrap(True)
        self.save_button = QPushButton(self.tr("Save"), self)
        self.print_button = QPushButton(self.tr("Preview and print…"), self)
        self.day_button = QPushButton(self.tr("Print the whole day…"), self)
        self.close_button = QPushButton(self.tr("Close"), self)
        form = QFormLayout()
        form.addRow(self.tr("Basis"), self.basis)
        form.addRow(self.tr("Review"), self.review)
        buttons = QHBoxLayout()
        for b in (self.save_button, self.print_button, self.day_button):
            buttons.addWidget(b)
        buttons.addStretch(1)
        buttons.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.state)
        layout.addLayout(form, 1)
        layout.addWidget(self.message)
        layout.addLayout(buttons)
        self.save_button.clicked.connect(self._on_save_button_clicked)
        self.print_button.clicked.connect(self._on_print_button_clicked)
        self.day_button.clicked.connect(self._on_day_button_clicked)
        self.close_button.clicked.connect(self.reject)
        self.resize(640, 520)
        self.load()

    # -- loading ---------------------------------------------------------------------------
    def load(self) -> None:
        pid = self.problem_id
        ws = self.ws
        self.ops.query(
            lambda: working_paper_docs(ws, problem_id=pid)[0], self._on_loaded, on_error=self._fail
        )

    def _on_loaded(self, doc: WorkingPaperDoc) -> None:
        self.doc = doc
        self.heading.setText(f"{doc.township}{doc.village}：{doc.description}")
        if doc.frozen:
            text = self.tr("Signed off with the day as %1; it can no longer be changed.")
            self.state.setText(text.replace("%1", doc.number))
        else:
            self.state.setText(self.tr("Draft: editable until the day is signed off."))
        self.basis.setPlainText(doc.basis)
        self.review.setPlainText(doc.review)
        for w in (self.basis, self.review):
            w.setReadOnly(doc.frozen)
        self.save_button.setEnabled(not doc.frozen)

    @property
    def day(self) -> date | None:
        return self.doc.raised_on if self.doc is not None else None

    # -- actions ---------------------------------------------------------------------------
    def _on_save_button_clicked(self) -> None:
        basis, review, pid = self.basis.toPlainText(), self.review.toPlainText(), self.problem_id

        def done(result: object) -> None:
            self._say(self.tr("Saved."))
            self.saved.emit(result)

        ws = self.ws
        self.ops.write(
            lambda: edit_working_paper(ws, pid, basis=basis, review=review),
            done,
            source="wrapup",
            on_error=self._fail,
        )

    def _on_print_button_clicked(self) -> None:
        pid, ws = self.problem_id, self.ws
        # printing is audited: a write
        self.ops.write(
            lambda: working_paper_pdf(ws, problem_id=pid),
            self._show,
            source="wrapup",
            on_error=self._fail,
        )

    def _on_day_button_clicked(self) -> None:
        day = self.day
        if day is None:
            return
        ws = self.ws
        self.ops.write(
            lambda: working_paper_pdf(ws, day=day), self._show, source="wrapup", on_error=self._fail
        )

    def _show(self, result: tuple[bytes, str]) -> None:
        pdf, name = result
        self.preview = PdfPreviewDialog(pdf, name, self.tr("Working paper"), self)
        self.preview.show()

    def _say(self, text: str) -> None:
        self.message.setStyleSheet("")
        self.message.setText(text)

    def _fail(self, exc: BaseException) -> None:
        self.message.setStyleSheet(ERROR_STYLE)
        self.message.setText(_message(exc))
