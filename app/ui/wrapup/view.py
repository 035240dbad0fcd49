"""The evening wrap-up view: a day's problems by village, sorting each, merging alike ones,
signing the day off, and the daily report's preview.

Every service call goes through the context's operations (reads with ``query``, writes with
``write``); results come back on the GUI thread. The board refreshes from the broadcast change
sets only (:meth:`WrapupView.on_changes`), its own writes included: one write, one reload.

Signals: ``board_loaded(object)`` after a board is shown (the :class:`Board`).
"""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import QDate, QItemSelection, Signal
from PySide6.QtWidgets import (
    QDateEdit,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSplitter,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from app.documents.daily_report import report_file_name
from app.services.wrapup.board import (
    Board,
    Decision,
    SourceRef,
    SourceText,
    candidates_on,
    load_board,
    merge_groups,
    source_text,
)
from app.services.wrapup.close import CloseResult, close_day, sort_problem
from app.services.wrapup.files import daily_report_pdf
from app.storage.changes import ChangeSet
from app.storage.errors import WorkspaceError
from app.ui.context import AppContext
from app.ui.i18n import fill
from app.ui.pdf_preview import PdfPreviewDialog
from app.ui.style import ERROR_STYLE
from app.ui.wrapup.dialogs import CloseDayDialog, MergeDialog, SourceDialog
from app.ui.wrapup.model import BoardModel
from app.ui.wrapup.panel import DecisionPanel


def _message(exc: BaseException) -> str:
    if isinstance(exc, WorkspaceError):
        return exc.message
    return f"操作失败：{exc}"


BOARD_TABLES = (
    "problem",
    "problem_source",
    "daily_wrapup",
    "wrapup_amendment",
    "rectification_notice",
    "clue_transfer",
    "ledger_item",
    "visit",
    "opinion_entry",
    "interview",
    "village",
)
"""Kinds of record whose change alters a day's board."""


class WrapupView(QWidget):
    board_loaded = Signal(object)

    def __init__(
        self, ctx: AppContext, *, day: date | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.ws = ctx.ws
        self.ops = ctx.ops
        self.settings = ctx.settings
        self._pending_select: str | None = None
        self.close_dialog: CloseDayDialog | None = None
        self.merge_dialog: MergeDialog | None = None
        self.preview: PdfPreviewDialog | None = None
        self.source_dialog: SourceDialog | None = None

        start = day or date.today()
        self.date = QDateEdit(QDate(start.year, start.month, start.day), self)
        self.date.setCalendarPopup(True)
        self.date.setDisplayFormat("yyyy-MM-dd")
        self.status = QLabel(self)
        self.refresh = QPushButton(self.tr("Refresh"), self)
        self.merge = QPushButton(self.tr("Merge alike…"), self)
        self.sign_off = QPushButton(self.tr("Sign off the day…"), self)
        self.report = QPushButton(self.tr("Daily report…"), self)
        self.message = QLabel(self)
        self.message.setWordWrap(True)

        self.model = BoardModel(self)
        self.tree = QTreeView(self)
        self.tree.setModel(self.model)
        self.tree.setUniformRowHeights(True)
        self.tree.setAlternatingRowColors(True)
        header = self.tree.header()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(False)
        self.panel = DecisionPanel(self.settings, self)

        bar = QHBoxLayout()
        bar.addWidget(QLabel(self.tr("Date:"), self))
        bar.addWidget(self.date)
        bar.addWidget(self.refresh)
        bar.addWidget(self.status, 1)
        for b in (self.merge, self.sign_off, self.report):
            bar.addWidget(b)
        split = QSplitter(self)
        split.addWidget(self.tree)
        split.addWidget(self.panel)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 2)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(split, 1)
        layout.addWidget(self.message)

        self.date.dateChanged.connect(self._on_date_date_changed)
        self.refresh.clicked.connect(self._on_refresh_clicked)
        self.merge.clicked.connect(self._on_merge_clicked)
        self.sign_off.clicked.connect(self._on_sign_off_clicked)
        self.report.clicked.connect(self._on_report_clicked)
        self.tree.selectionModel().selectionChanged.connect(self._on_tree_selection_changed)
        self.panel.save_requested.connect(self._on_panel_save_requested)
        self.panel.source_requested.connect(self._on_panel_source_requested)
        self.load()

    # -- loading --------------------------------------------------------------------------
    @property
    def day(self) -> date:
        q = self.date.date()
        return date(q.year(), q.month(), q.day())

    @property
    def board(self) -> Board | None:
        return self.model.board

    def load(self, select: str | None = None) -> None:
        """Read the board of the chosen day (in the background) and show it."""
        self._pending_select = select
        day = self.day
        self.ops.query(
            lambda: load_board(self.ws, day),
            self._on_board_done,
            on_error=self._on_failed,
        )

    def _on_board_done(self, board: Board) -> None:
        if board.day != self.day:
            return  # the date changed meanwhile; its own load follows
        self.model.set_board(board)
        self.tree.expandAll()
        if board.closed:
            text = fill(self.tr("Signed off by %1"), board.closed_by)
        else:
            text = self.tr("Open: %1 problem(s), %2 unsorted")
            text = fill(text, str(len(board.problems)), str(board.unsorted))
        self.status.setText(text)
        self.sign_off.setEnabled(not board.closed)
        self.merge.setEnabled(not board.closed and bool(board.problems))
        target, self._pending_select = self._pending_select, None
        index = self.model.index_of(target) if target else self.model.index(0, 0)
        if index.isValid() and not target and self.model.rowCount(index) > 0:
            index = self.model.index(0, 0, index)
        if index.isValid():
            self.tree.setCurrentIndex(index)
        else:
            self.panel.show_row(None, board.day)
        self.board_loaded.emit(board)

    def _on_failed(self, exc: BaseException) -> None:
        self.message.setStyleSheet(ERROR_STYLE)
        self.message.setText(_message(exc))

    def _say(self, text: str) -> None:
        self.message.setStyleSheet("")
        self.message.setText(text)

    # -- selection and sorting --------------------------------------------------------------
    def _on_tree_selection_changed(self, selected: QItemSelection, _old: QItemSelection) -> None:
        board = self.model.board
        indexes = selected.indexes()
        pid = self.model.problem_id(indexes[0]) if indexes else None
        row = board.problems.get(pid) if board is not None and pid else None
        self.panel.show_row(row, self.day)

    def _on_panel_save_requested(self, problem_id: str, decision: Decision, reason: str) -> None:
        def done(result: Any) -> None:
            self._pending_select = problem_id
            if result.amendment:
                self._say(self.tr("Amendment saved; it will be listed in the next daily report."))
            else:
                self._say(self.tr("Decision saved."))

        self.ops.write(
            lambda: sort_problem(self.ws, problem_id, decision, reason=reason),
            done,
            source="wrapup",
            on_error=lambda exc: self.panel.show_error(_message(exc)),
        )

    def _on_panel_source_requested(self, ref: SourceRef) -> None:
        def done(text: SourceText) -> None:
            self.source_dialog = SourceDialog(text, self)
            self.source_dialog.show()

        self.ops.query(
            lambda: source_text(self.ws, ref.kind, ref.record_id),
            done,
            on_error=self._on_failed,
        )

    # -- toolbar ----------------------------------------------------------------------------
    def _on_date_date_changed(self, _date: QDate) -> None:
        self.load()

    def _on_refresh_clicked(self) -> None:
        self.load()

    def on_changes(self, changes: ChangeSet) -> None:
        """Something was written (here or elsewhere): show the board afresh if it is touched."""
        if changes.touches(*BOARD_TABLES):
            self.load(select=self._pending_select or self._current_problem())

    def _current_problem(self) -> str | None:
        index = self.tree.currentIndex()
        return self.model.problem_id(index) if index.isValid() else None

    def close_forms(self) -> None:
        """Nothing to keep: the wrap-up's decisions are saved as they are made."""

    def _on_merge_clicked(self) -> None:
        board = self.model.board
        if board is None:
            return
        candidates = candidates_on(board)
        if not candidates:
            self._say(self.tr("No alike problems found."))
            return
        self.merge_dialog = MergeDialog(candidates, self)
        self.merge_dialog.merge_requested.connect(self._on_merge_dialog_merge_requested)
        self.merge_dialog.show()

    def _on_merge_dialog_merge_requested(self, groups: list[tuple[str, list[str]]]) -> None:
        dialog = self.merge_dialog

        def work() -> list[Any]:
            return merge_groups(self.ws, groups)

        def done(_result: list[Any]) -> None:
            if dialog is not None:
                dialog.accept()
            self._pending_select = groups[0][0]
            self._say(fill(self.tr("%1 group(s) merged."), str(len(groups))))

        def failed(exc: BaseException) -> None:
            if dialog is not None:
                dialog.show_error(_message(exc))

        self.ops.write(work, done, source="wrapup", on_error=failed)

    def _on_sign_off_clicked(self) -> None:
        board = self.model.board
        if board is None:
            return
        summary = self.tr("%1 problem(s) on the list, %2 unsorted.")
        summary = fill(summary, str(len(board.problems)), str(board.unsorted))
        self.close_dialog = CloseDayDialog(board.day, summary, self)
        self.close_dialog.close_requested.connect(self._on_close_dialog_close_requested)
        self.close_dialog.show()

    def _on_close_dialog_close_requested(self, password: str) -> None:
        dialog = self.close_dialog
        day = self.day

        def done(result: CloseResult) -> None:
            if dialog is not None:
                dialog.accept()
            text = self.tr("Signed off: %1 notice(s), %2 clue transfer(s), %3 ledger item(s).")
            text = fill(text, len(result.notices), len(result.clues), len(result.ledger_items))
            self._say(text)

        def failed(exc: BaseException) -> None:
            if dialog is not None:
                dialog.show_error(_message(exc))

        self.ops.write(
            lambda: close_day(self.ws, day, password),
            done,
            source="wrapup",
            on_error=failed,
        )

    def _on_report_clicked(self) -> None:
        day = self.day
        self._say(self.tr("Preparing the daily report…"))
        self.report.setEnabled(False)

        def done(pdf: bytes) -> None:
            self.report.setEnabled(True)
            self._say("")
            title = fill(self.tr("Daily report %1"), day.isoformat())
            self.preview = PdfPreviewDialog(pdf, report_file_name(day), title, self)
            self.preview.show()

        def failed(exc: BaseException) -> None:
            self.report.setEnabled(True)
            self._on_failed(exc)

        self.ops.write(
            lambda: daily_report_pdf(self.ws, day),
            done,
            source="wrapup",
            on_error=failed,
        )


__all__ = ["WrapupView"]
