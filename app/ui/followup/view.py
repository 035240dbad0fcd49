"""The follow-up view (跟踪督办): every notice, clue transfer and ledger item, filtered by state
and kind; the chosen item's detail with the steps the rules allow, its evidence and its paper.

Every item stays findable in every state: the list shows the unfinished ones by default (answered
notices waiting for 核查 included), what is due, the finished ones (办结, 已销号) or all of them.
Evidence (photos, scans) is added from a file or by dropping it on the right-hand panel, through
the photo intake, and is attached to the item at once. The list exports to .xlsx.

It refreshes from the broadcast change sets only (:meth:`FollowupView.on_changes`), its own steps
included: one step, one reload of the list and of the detail.
"""

from __future__ import annotations

from datetime import date
from functools import partial
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.domain.followup import Action, ItemKind, TransitionRefused
from app.media import ProcessedPhoto, intake_photo
from app.services.attachments import PhotoInfo, read_blob
from app.services.exports import followup_table, write_table
from app.services.followup.due import DueRow, Show, followup_items
from app.services.followup.evidence import add_evidence, evidence_of_item
from app.services.followup.papers import item_pdf
from app.services.followup.steps import ItemDetail, StepResult, apply_step, item_detail
from app.storage.changes import ChangeSet
from app.ui.context import AppContext
from app.ui.files import save_file_name
from app.ui.followup.model import DueModel
from app.ui.followup.panel import ItemPanel, ListBar, StepForm
from app.ui.i18n import fill

FOLLOWUP_TABLES = (
    "rectification_notice",
    "ledger_item",
    "clue_transfer",
    "deadline_extension",
    "attachment",
    "problem",
    "village",
    "daily_wrapup",
    "campaign_task",
    "campaign_village",
)
"""Kinds of record whose change alters the list or an item's detail (集中整治 tasks and 回头看
dates share the due list)."""

__all__ = ["FOLLOWUP_TABLES", "FollowupView", "StepForm"]


class FollowupView(QWidget):
    """See the module docstring."""

    def __init__(
        self, ctx: AppContext, *, today: date | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.ws = ctx.ws
        self.ops = ctx.ops
        self.today = today or date.today()
        self.detail: ItemDetail | None = None
        self._resetting = False
        self.action: Action | None = None
        self.rows: list[DueRow] = []
        self.viewer: QWidget | None = None

        self.bar = ListBar(self)
        self.summary = self.bar.summary
        self.refresh_button = self.bar.refresh_button
        self.model = DueModel(self)
        self.table = QTableView(self)
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QTableView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(False)
        self.table.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        last = len(DueModel.COLUMNS) - 1
        for c in range(last):
            header.setSectionResizeMode(c, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(last, QHeaderView.ResizeMode.Stretch)

        self.panel = ItemPanel(self)
        # the panel's parts, under the names the rest of the program and the tests use
        self.badge = self.panel.badge
        self.history = self.panel.history
        self.form = self.panel.form
        self.apply_button = self.panel.apply_button
        self.message = self.panel.message
        self.preview_button = self.panel.preview_button
        self.preview = self.panel.preview

        left = QWidget(self)
        ll = QVBoxLayout(left)
        ll.setContentsMargins(0, 0, 0, 0)
        ll.addWidget(self.bar)
        ll.addWidget(self.table, 1)
        split = QSplitter(self)
        split.addWidget(left)
        split.addWidget(self.panel)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 2)
        split.setChildrenCollapsible(False)
        layout = QVBoxLayout(self)
        layout.addWidget(split)

        self.bar.changed.connect(self.refresh)
        self.bar.export_requested.connect(self._on_export_requested)
        self.table.selectionModel().selectionChanged.connect(self._on_table_selection_changed)
        self.panel.action_chosen.connect(self.choose_action)
        self.panel.apply_requested.connect(self._on_apply_requested)
        self.panel.preview_requested.connect(self._on_preview_requested)
        self.panel.evidence_files.connect(self.add_evidence_files)
        self.panel.evidence_opened.connect(self._on_evidence_opened)
        save = QShortcut(QKeySequence.StandardKey.Save, self)
        save.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        save.activated.connect(self._on_apply_requested)
        self.refresh()

    @property
    def action_buttons(self) -> dict[Action, QPushButton]:
        return dict(self.panel.action_buttons)

    # -- the list -------------------------------------------------------------------------
    def refresh(self) -> None:
        show, kind, today = self.bar.state, self.bar.kind, self.today

        def job() -> list[DueRow]:
            rows = followup_items(self.ws, today, show=show)
            return [r for r in rows if kind is None or r.kind is kind]

        self.ops.query(job, self._on_rows_loaded, on_error=self._on_failed)

    def _on_rows_loaded(self, rows: list[DueRow]) -> None:
        keep = self.detail.item_id if self.detail else None
        self.rows = rows
        self._resetting = True
        try:
            self.model.set_rows(rows)
            self.table.clearSelection()
        finally:
            self._resetting = False
        overdue = sum(1 for r in rows if r.days_left < 0 and r.colour.value == "red")
        self.summary.setText(
            fill(
                QCoreApplication.translate("FollowupPanel", "%1 items, %2 overdue"),
                len(rows),
                overdue,
            )
        )
        if keep is not None and self.model.row_of(keep) >= 0:
            self._resetting = True  # the same item stays shown: no reload, nothing cleared
            try:
                self.table.selectRow(self.model.row_of(keep))
            finally:
                self._resetting = False

    def set_state(self, show: Show) -> None:
        self.bar.set_show(show)

    def select_item(self, item_id: str) -> None:
        """Show an item; it is looked for in every state if the filter hides it."""
        row = self.model.row_of(item_id)
        if row < 0 and self.bar.state is not Show.ALL:
            self.bar.set_show(Show.ALL)
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
        ws, today = self.ws, self.today
        self.ops.query(
            lambda: (item_detail(ws, kind, item_id, today), evidence_of_item(ws, kind, item_id)),
            self._on_detail_loaded,
            on_error=self._on_failed,
        )

    def _on_detail_loaded(self, loaded: tuple[ItemDetail, list[PhotoInfo]]) -> None:
        d, photos = loaded
        same = self.detail is not None and self.detail.item_id == d.item_id
        self.detail = d
        self.action = None
        self.panel.show_detail(d, same_item=same)
        self.panel.set_evidence(photos)
        for p in photos:
            if p.thumb_name:
                self.ops.query(
                    partial(read_blob, self.ws, p.thumb_name),
                    partial(self.panel.set_thumbnail, p.id),
                    on_error=lambda _exc: None,
                )

    def choose_action(self, action: Action) -> None:
        if self.detail is None:
            return
        self.action = action
        needs = next(c.needs for c in self.detail.actions if c.action is action)
        self.panel.show_step(action, frozenset(needs), self.today, self.detail.deadline)

    def _on_apply_requested(self) -> None:
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
        self.form.reset()
        if self.detail is not None:
            self.panel.forget_typed(self.detail.item_id)
        self.message.setStyleSheet("")
        self.message.setText(
            QCoreApplication.translate("FollowupPanel", "Saved: %1").replace(
                "%1", result.status_label
            )
        )

    def _on_step_refused(self, exc: BaseException) -> None:
        if isinstance(exc, TransitionRefused):
            if exc.field:
                self.form.show_error(exc.field, str(exc))
            self.message.setStyleSheet("color: #c00000")
            self.message.setText(str(exc))
            return
        self._on_failed(exc)

    # -- evidence -------------------------------------------------------------------------
    def add_evidence_files(self, paths: list[Path]) -> None:
        """Take the files in (off the GUI thread) and attach them to the item shown."""
        d = self.detail
        if d is None or not paths:
            return
        max_edge = self.ctx.settings.photo_max_edge
        step = self.action

        def job() -> list[ProcessedPhoto]:
            return [intake_photo(Path(p), max_edge=max_edge) for p in paths]

        def store(photos: list[ProcessedPhoto]) -> None:
            self.ops.write(
                lambda: add_evidence(self.ws, d.kind, d.item_id, photos, step=step),
                self._on_evidence_added,
                source="followup",
                on_error=self._on_failed,
            )

        self.message.setText(QCoreApplication.translate("FollowupPanel", "Taking the files in…"))
        self.ops.query(job, store, on_error=self._on_failed)

    def _on_evidence_added(self, result: object) -> None:
        added = len(getattr(result, "added", []))
        self.message.setStyleSheet("")
        self.message.setText(
            QCoreApplication.translate("FollowupPanel", "Evidence added: %1").replace(
                "%1", str(added)
            )
        )

    def _on_evidence_opened(self, attachment_id: str) -> None:
        d = self.detail
        if d is None:
            return
        ws = self.ws

        def job() -> tuple[str, bytes]:
            info = next(p for p in evidence_of_item(ws, d.kind, d.item_id) if p.id == attachment_id)
            return info.original_name, read_blob(ws, info.stored_name)

        def show(found: tuple[str, bytes]) -> None:
            from app.ui.field.formkit import PhotoViewer

            self.viewer = PhotoViewer(found[1], found[0], self)
            self.viewer.open()

        self.ops.query(job, show, on_error=self._on_failed)

    # -- the paper ------------------------------------------------------------------------
    def _on_preview_requested(self) -> None:
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
        self.panel.set_preview(data, name)
        self.preview_button.setEnabled(True)

    # -- export ---------------------------------------------------------------------------
    def _on_export_requested(self) -> None:
        show = self.bar.state
        table_name = "即将到期和逾期事项" if show is Show.DUE else "跟踪督办事项"
        path = save_file_name(
            self,
            QCoreApplication.translate("FollowupPanel", "Export to Excel"),
            f"{table_name}-{self.today:%Y%m%d}.xlsx",
            QCoreApplication.translate("FollowupPanel", "Excel workbooks (*.xlsx)"),
            ".xlsx",
        )
        if path is not None:
            self.export_to(path)

    def export_to(self, path: Path) -> None:
        show, today = self.bar.state, self.today
        self.ops.write(
            lambda: write_table(self.ws, followup_table(self.ws, today, show), path),
            lambda p: self.message.setText(
                fill(QCoreApplication.translate("FollowupPanel", "Exported: %1"), str(p))
            ),
            source="followup",
            on_error=self._on_failed,
        )

    def _on_failed(self, exc: BaseException) -> None:
        self.preview_button.setEnabled(self.detail is not None)
        self.message.setStyleSheet("color: #c00000")
        text = str(exc) or QCoreApplication.translate(
            "FollowupPanel", "The work could not be done."
        )
        self.message.setText(text)

    # -- the window's protocol ------------------------------------------------------------
    def on_changes(self, changes: ChangeSet) -> None:
        """Refresh the list, and the item shown, when follow-up records changed."""
        if not changes.touches(*FOLLOWUP_TABLES):
            return
        self.refresh()
        if self.detail is not None:
            self.load_detail(self.detail.kind, self.detail.item_id)

    def close_forms(self) -> None:
        """Nothing to keep: a step is written when it is saved."""
