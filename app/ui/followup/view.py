"""The follow-up view: the due / overdue panel, the selected item's detail with the steps the
rules allow, and its paper (preview, print, save as PDF).

It refreshes from the broadcast change sets only (:meth:`FollowupView.on_changes`), its own steps
included: one step, one reload of the list and of the detail.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QDateEdit,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.domain.followup import Action, ItemKind, Need, StepInput, TransitionRefused
from app.services.followup.due import DueRow, due_items
from app.services.followup.papers import item_pdf
from app.services.followup.steps import ItemDetail, StepResult, apply_step, item_detail
from app.storage.changes import ChangeSet
from app.ui.context import AppContext
from app.ui.followup.model import COLOURS, DueModel
from app.ui.i18n import fill
from app.ui.pdf_preview import PdfPreview

_WHITE = "#ffffff"


def _qdate(d: date) -> QDate:
    return QDate(d.year, d.month, d.day)


def _pydate(q: QDate) -> date:
    return date(q.year(), q.month(), q.day())


class StepForm(QWidget):
    """Fields for one step; only those the chosen action needs are shown."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.on = QDateEdit(self)
        self.on.setCalendarPopup(True)
        self.on.setDisplayFormat("yyyy-MM-dd")
        self.text = QPlainTextEdit(self)
        self.text.setFixedHeight(70)
        self.verifier = QLineEdit(self)
        self.reason = QPlainTextEdit(self)
        self.reason.setFixedHeight(60)
        self.new_deadline = QDateEdit(self)
        self.new_deadline.setCalendarPopup(True)
        self.new_deadline.setDisplayFormat("yyyy-MM-dd")
        self.errors: dict[str, QLabel] = {}
        self.form = QFormLayout(self)
        self._rows: dict[str, tuple[QLabel, QWidget, QLabel]] = {}
        for key, label, widget in (
            ("on", self.tr("Date"), self.on),
            ("text", self.tr("Feedback / progress"), self.text),
            ("verifier", self.tr("Verifier"), self.verifier),
            ("reason", self.tr("Reason"), self.reason),
            ("new_deadline", self.tr("New deadline"), self.new_deadline),
        ):
            lab = QLabel(label, self)
            err = QLabel(self)
            err.setStyleSheet("color: #c00000")
            err.setWordWrap(True)
            box = QWidget(self)
            lay = QVBoxLayout(box)
            lay.setContentsMargins(0, 0, 0, 0)
            lay.addWidget(widget)
            lay.addWidget(err)
            self.form.addRow(lab, box)
            self.errors[key] = err
            self._rows[key] = (lab, box, err)

    def show_needs(self, needs: frozenset[str], today: date, deadline: date) -> None:
        for key, (lab, box, err) in self._rows.items():
            visible = key in needs
            lab.setVisible(visible)
            box.setVisible(visible)
            err.clear()
        self.on.setDate(_qdate(today))
        self.new_deadline.setDate(_qdate(max(deadline, today)).addDays(7))

    def value(self, needs: frozenset[str]) -> StepInput:
        return StepInput(
            on=_pydate(self.on.date()) if Need.ON in needs else None,
            text=self.text.toPlainText() if Need.TEXT in needs else "",
            verifier=self.verifier.text() if Need.VERIFIER in needs else "",
            reason=self.reason.toPlainText() if Need.REASON in needs else "",
            new_deadline=_pydate(self.new_deadline.date()) if Need.NEW_DEADLINE in needs else None,
        )

    def show_error(self, field: str, message: str) -> None:
        label = self.errors.get(field)
        if label is not None:
            label.setText(message)


FOLLOWUP_TABLES = (
    "rectification_notice",
    "ledger_item",
    "clue_transfer",
    "deadline_extension",
    "problem",
    "village",
    "daily_wrapup",
)
"""Kinds of record whose change alters the due list or an item's detail."""


class FollowupView(QWidget):
    """See the module docstring."""

    def __init__(
        self, ctx: AppContext, *, today: date | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.ws = ctx.ws
        self.ops = ctx.ops
        self.today = today or date.today()
        self.detail: ItemDetail | None = None
        self._resetting = False
        self.action: Action | None = None

        self.model = DueModel(self)
        self.table = QTableView(self)
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QTableView.SelectionMode.SingleSelection)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.everything = QCheckBox(self.tr("Show every running item"), self)
        self.refresh_button = QPushButton(self.tr("Refresh"), self)
        self.summary = QLabel(self)

        self.title = QLabel(self)
        self.title.setWordWrap(True)
        self.title.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.badge = QLabel(self)
        self.badge.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.history = QLabel(self)
        self.history.setWordWrap(True)
        self.action_bar = QHBoxLayout()
        self.action_buttons: dict[Action, QPushButton] = {}
        self.form = StepForm(self)
        self.form.setVisible(False)
        self.apply_button = QPushButton(self.tr("Save step"), self)
        self.apply_button.setVisible(False)
        self.preview_button = QPushButton(self.tr("Preview document"), self)
        self.preview_button.setEnabled(False)
        self.message = QLabel(self)
        self.message.setWordWrap(True)
        self.preview = PdfPreview(self)

        top = QHBoxLayout()
        top.addWidget(self.everything)
        top.addStretch(1)
        top.addWidget(self.summary)
        top.addWidget(self.refresh_button)
        left = QWidget(self)
        ll = QVBoxLayout(left)
        ll.addLayout(top)
        ll.addWidget(self.table, 1)
        right = QWidget(self)
        rl = QVBoxLayout(right)
        rl.addWidget(self.title)
        rl.addWidget(self.badge)
        rl.addWidget(self.history)
        rl.addLayout(self.action_bar)
        rl.addWidget(self.form)
        rl.addWidget(self.apply_button)
        rl.addWidget(self.message)
        rl.addWidget(self.preview_button)
        rl.addWidget(self.preview, 1)
        split = QSplitter(self)
        split.addWidget(left)
        split.addWidget(right)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 2)
        layout = QVBoxLayout(self)
        layout.addWidget(split)

        self.everything.toggled.connect(self._on_everything_toggled)
        self.refresh_button.clicked.connect(self._on_refresh_button_clicked)
        self.table.selectionModel().selectionChanged.connect(self._on_table_selection_changed)
        self.apply_button.clicked.connect(self._on_apply_button_clicked)
        self.preview_button.clicked.connect(self._on_preview_button_clicked)
        self.refresh()

    # -- the list -------------------------------------------------------------------------
    def refresh(self) -> None:
        everything = self.everything.isChecked()
        self.ops.query(
            lambda: due_items(self.ws, self.today, everything=everything),
            self._on_rows_loaded,
            on_error=self._on_failed,
        )

    def _on_rows_loaded(self, rows: list[DueRow]) -> None:
        keep = self.detail.item_id if self.detail else None
        self._resetting = True
        try:
            self.model.set_rows(rows)
            self.table.clearSelection()
        finally:
            self._resetting = False
        self.table.resizeColumnsToContents()
        overdue = sum(1 for r in rows if r.days_left < 0)
        self.summary.setText(fill(self.tr("%1 items, %2 overdue"), str(len(rows)), str(overdue)))
        if keep is not None and self.model.row_of(keep) >= 0:
            self.table.selectRow(self.model.row_of(keep))

    def _on_everything_toggled(self, _on: bool) -> None:
        self.refresh()

    def _on_refresh_button_clicked(self) -> None:
        self.refresh()

    def select_item(self, item_id: str) -> None:
        row = self.model.row_of(item_id)
        if row >= 0:
            self.table.selectRow(row)

    def _on_table_selection_changed(self, *_args: object) -> None:
        # Selection, not the current index: focus alone moves the current index to row 0.
        if self._resetting:
            return
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            return
        r = self.model.row_at(rows[0].row())
        if r is None:
            return
        self.load_detail(r.kind, r.item_id)

    # -- the detail -----------------------------------------------------------------------
    def load_detail(self, kind: ItemKind, item_id: str) -> None:
        self.ops.query(
            lambda: item_detail(self.ws, kind, item_id, self.today),
            self._on_detail_loaded,
            on_error=self._on_failed,
        )

    def _on_detail_loaded(self, d: ItemDetail) -> None:
        from app.domain.deadlines import WarningColour, days_left_zh

        other_item = self.detail is None or self.detail.item_id != d.item_id
        if other_item:
            self.preview.setVisible(False)  # the paper shown belongs to another item
        self.detail = d
        self.action = None
        head = f"{d.kind.label}　{d.number}".strip()
        self.title.setText(
            f"<b>{head}</b><br>{d.village}　{d.unit}<br>"
            + fill(self.tr("Status: %1"), d.status_label)
            + "　"
            + fill(
                self.tr("Deadline: %1"),
                f"{d.deadline.year}年{d.deadline.month}月{d.deadline.day}日",
            )
        )
        colour = WarningColour(d.colour)
        shade = COLOURS.get(colour)
        if d.running:
            self.badge.setText(f"{days_left_zh(d.days_left)}　{d.colour_label}")
        else:
            self.badge.setText(fill(self.tr("%1: the deadline no longer runs"), d.status_label))
        self.badge.setStyleSheet(
            f"background: {shade.name() if shade else _WHITE}; padding: 4px; color: #000000"
        )
        self.history.setText("<br>".join(d.history))
        while self.action_bar.count():
            item = self.action_bar.takeAt(0)
            w = item.widget() if item is not None else None
            if w is not None:
                w.deleteLater()
        self.action_buttons = {}
        for choice in d.actions:
            b = QPushButton(choice.label, self)
            b.clicked.connect(lambda _=False, a=choice.action: self.choose_action(a))
            self.action_bar.addWidget(b)
            self.action_buttons[choice.action] = b
        self.form.setVisible(False)
        self.apply_button.setVisible(False)
        self.preview_button.setEnabled(True)
        if other_item:
            self.message.clear()  # what was said of the previous item (a step's result stays)

    def choose_action(self, action: Action) -> None:
        if self.detail is None:
            return
        self.action = action
        needs = next(c.needs for c in self.detail.actions if c.action is action)
        self.form.show_needs(frozenset(needs), self.today, self.detail.deadline)
        self.form.setVisible(True)
        self.apply_button.setText(action.label)
        self.apply_button.setVisible(True)
        self.message.clear()

    def _on_apply_button_clicked(self) -> None:
        d, action = self.detail, self.action
        if d is None or action is None:
            return
        needs = frozenset(next(c.needs for c in d.actions if c.action is action))
        given = self.form.value(needs)
        self.ops.write(
            lambda: apply_step(self.ws, d.kind, d.item_id, action, given, today=self.today),
            self._on_step_applied,
            source="followup",
            on_error=self._on_step_refused,
        )

    def _on_step_applied(self, result: StepResult) -> None:
        self.message.setText(fill(self.tr("Saved: %1"), result.status_label))

    def _on_step_refused(self, exc: BaseException) -> None:
        if isinstance(exc, TransitionRefused):
            if exc.field:
                self.form.show_error(exc.field, str(exc))
            self.message.setText(str(exc))
            return
        self._on_failed(exc)

    # -- the paper ------------------------------------------------------------------------
    def _on_preview_button_clicked(self) -> None:
        d = self.detail
        if d is None:
            return
        self.preview_button.setEnabled(False)
        self.ops.write(  # printing is audited: a write
            lambda: item_pdf(self.ws, d.kind, d.item_id, self.today),
            self._on_pdf_ready,
            source="followup",
            on_error=self._on_failed,
        )

    def _on_pdf_ready(self, result: tuple[bytes, str]) -> None:
        data, name = result
        self.preview.set_pdf(data, name)
        self.preview.setVisible(True)
        self.preview_button.setEnabled(True)

    def _on_failed(self, exc: BaseException) -> None:
        self.preview_button.setEnabled(self.detail is not None)
        self.message.setText(str(exc) if str(exc) else self.tr("The work could not be done."))

    def on_changes(self, changes: ChangeSet) -> None:
        """Refresh the list, and the item shown, when follow-up records changed."""
        if not changes.touches(*FOLLOWUP_TABLES):
            return
        self.refresh()
        if self.detail is not None:
            self.load_detail(self.detail.kind, self.detail.item_id)

    def close_forms(self) -> None:
        """Nothing to keep: a step is written when it is saved."""
