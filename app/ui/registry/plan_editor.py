"""The batch plan editor: suggest from the tiers, move villages between batches, set a batch's
phase, save, export to Excel, print.

Signals: ``saved(object)`` (the PlanChange) after the plan is written.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QCloseEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.domain.batch_plan import BatchPlan
from app.domain.vocabulary import Phase
from app.services.registry.batch_plan import (
    PlanChange,
    current_plan,
    export_plan_xlsx,
    plan_pdf,
    save_plan,
    suggest_plan,
)
from app.storage.workspace import Workspace
from app.ui.closing import ask_unsaved, plan_unsaved_text
from app.ui.i18n import fill
from app.ui.ops import Operations
from app.ui.registry.models import PlanModel
from app.ui.style import ERROR_STYLE


class BatchPlanEditor(QWidget):
    """Edits a copy of the plan in memory; nothing is written until Save."""

    saved = Signal(object)

    def __init__(self, ws: Workspace, ops: Operations, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ws, self._ops = ws, ops
        self.setWindowTitle(self.tr("Batch plan"))
        self.model = PlanModel(self)
        self.table = QTableView(self)
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.suggest_button = QPushButton(self.tr("Suggest from tiers"), self)
        self.save_button = QPushButton(self.tr("Save plan"), self)
        self.xlsx_button = QPushButton(self.tr("Export to Excel…"), self)
        self.print_button = QPushButton(self.tr("Print…"), self)
        self.batch = QSpinBox(self)
        self.batch.setMinimum(0)
        self.batch.setSpecialValueText(self.tr("No batch"))
        self.move_button = QPushButton(self.tr("Move selected to batch"), self)
        self.phase = QComboBox(self)
        for p in Phase:
            self.phase.addItem(p.label, p.value)
        self.phase_button = QPushButton(self.tr("Set phase of that batch"), self)
        self.status = QLabel(self)
        self.status.setWordWrap(True)

        top = QHBoxLayout()
        for w in (self.suggest_button, self.save_button, self.xlsx_button, self.print_button):
            top.addWidget(w)
        top.addStretch(1)
        edit = QHBoxLayout()
        edit.addWidget(QLabel(self.tr("Batch:"), self))
        edit.addWidget(self.batch)
        edit.addWidget(self.move_button)
        edit.addWidget(self.phase, 1)
        edit.addWidget(self.phase_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        layout.addLayout(edit)
        layout.addWidget(self.status)

        self.suggest_button.clicked.connect(self._on_suggest_button_clicked)
        self.save_button.clicked.connect(self._on_save_button_clicked)
        self.xlsx_button.clicked.connect(self._on_xlsx_button_clicked)
        self.print_button.clicked.connect(self._on_print_button_clicked)
        self.move_button.clicked.connect(self._on_move_button_clicked)
        self.phase_button.clicked.connect(self._on_phase_button_clicked)
        self.resize(1000, 640)
        self.dirty = False
        """Changes made here since the plan was read or saved (Esc then asks)."""
        self._close_after_save = False
        self._closing = False
        self.question: QMessageBox | None = None
        esc = QShortcut(QKeySequence(Qt.Key.Key_Escape), self)
        esc.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        esc.activated.connect(self.close)
        self.reload()

    @property
    def plan(self) -> BatchPlan | None:
        return self.model.plan

    def closeEvent(self, event: QCloseEvent) -> None:
        """Esc or the close button: unsaved moves are asked about, not lost."""
        if self.dirty and not self._closing:
            event.ignore()
            self.question = ask_unsaved(
                self, plan_unsaved_text(), self._save_and_close, self._discard_and_close
            )
            return
        super().closeEvent(event)

    def _save_and_close(self) -> None:
        self._close_after_save = True
        self._on_save_button_clicked()

    def _discard_and_close(self) -> None:
        self._closing = True
        self.close()

    def _show(self, plan: BatchPlan, *, edited: bool = False) -> None:
        self.dirty = edited
        self.model.set_plan(plan)
        self.batch.setMaximum(len(plan.batches) + 1)
        self.status.setStyleSheet("")
        self.status.setText(
            fill(
                self.tr("%1 batches; %2 villages not in a batch."),
                str(len(plan.batches)),
                str(len(plan.unassigned)),
            )
        )

    def _fail(self, exc: BaseException) -> None:
        self._close_after_save = False
        self.status.setStyleSheet(ERROR_STYLE)
        self.status.setText(str(exc))

    def reload(self) -> None:
        ws = self._ws
        self._ops.query(lambda: current_plan(ws), self._show, on_error=self._fail)

    def _on_suggest_button_clicked(self) -> None:
        ws = self._ws
        self._ops.query(
            lambda: suggest_plan(ws), lambda p: self._show(p, edited=True), on_error=self._fail
        )

    def selected_ids(self) -> list[str]:
        rows = sorted({i.row() for i in self.table.selectionModel().selectedRows()})
        return [v for v in (self.model.village_id(r) for r in rows) if v]

    def move_selected(self, number: int | None) -> None:
        plan = self.plan
        if plan is None:
            return
        try:
            for vid in self.selected_ids():
                plan.move(vid, number)
        except Exception as exc:
            self._fail(exc)
            return
        self._show(plan, edited=True)

    def _on_move_button_clicked(self) -> None:
        value = self.batch.value()
        self.move_selected(value or None)

    def _on_phase_button_clicked(self) -> None:
        plan, number = self.plan, self.batch.value()
        if plan is None or not number:
            return
        try:
            plan.set_phase(number, Phase(self.phase.currentData()))
        except Exception as exc:
            self._fail(exc)
            return
        self._show(plan, edited=True)

    def _on_save_button_clicked(self) -> None:
        plan = self.plan
        if plan is None:
            return
        plan.drop_empty()
        ws = self._ws
        self._ops.write(
            lambda: save_plan(ws, plan),
            self._on_saved,
            source="registry",
            on_error=self._fail,
        )

    def _on_saved(self, change: PlanChange) -> None:
        self.dirty = False
        self.saved.emit(change)
        if self._close_after_save:
            self.close()
            return
        self.reload()
        self.status.setText(self.tr("Plan saved."))

    def export_xlsx(self, path: Path) -> None:
        plan = self.plan
        if plan is None:
            return
        self._ops.query(
            lambda: export_plan_xlsx(plan, path),
            lambda p: self.status.setText(fill(self.tr("Exported: %1"), str(p))),
            on_error=self._fail,
        )

    def _on_xlsx_button_clicked(self) -> None:
        name, _ = QFileDialog.getSaveFileName(
            self, self.tr("Export batch plan"), "批次计划.xlsx", "Excel (*.xlsx)"
        )
        if name:
            self.export_xlsx(Path(name))

    def _on_print_button_clicked(self) -> None:
        plan = self.plan
        if plan is None:
            return
        ws = self._ws
        self._ops.query(lambda: plan_pdf(ws, plan), self._on_pdf_ready, on_error=self._fail)

    def _on_pdf_ready(self, data: bytes) -> None:
        from app.ui.pdf_preview import PdfPreviewDialog

        dialog = PdfPreviewDialog(data, "批次安排表.pdf", self.tr("Batch plan"), self)
        dialog.setModal(False)
        dialog.show()
        self.preview = dialog
