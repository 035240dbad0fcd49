"""Dialogs of the registry view: the channel-list import preview, the tier override and the
village editor. Each calls services through the task runner and shows errors in itself.

Signals: ``ChannelImportDialog.imported(object)`` (the ImportResult),
``OverrideDialog.saved(object)`` (the OverrideChange), ``VillageEditDialog.saved(object)`` (the
RegistryChange).
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QTabBar,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.domain.vocabulary import STYLE_FOR_TIER, Channel, Tier
from app.services.registry.channels import (
    ImportOptions,
    ImportPlan,
    ImportResult,
    RowOutcome,
    apply_channel_import,
    plan_channel_import,
)
from app.services.registry.triage import OverrideChange, VillageTriage, clear_override, set_override
from app.services.registry.villages import (
    RegistryChange,
    RegistryRow,
    TownshipRow,
    add_village,
    update_village,
)
from app.storage.workspace import Workspace
from app.ui.i18n import fill
from app.ui.ops import Operations
from app.ui.registry.models import ImportPreviewModel
from app.ui.style import ERROR_STYLE

_TABS: tuple[RowOutcome | None, ...] = (
    None,
    RowOutcome.MATCHED,
    RowOutcome.NEW,
    RowOutcome.AMBIGUOUS,
    RowOutcome.SKIPPED,
)


def _message(exc: BaseException) -> str:
    return str(exc) or exc.__class__.__name__


class ChannelImportDialog(QDialog):
    """The match report of one file before anything is written; import on confirmation."""

    imported = Signal(object)

    def __init__(
        self, ws: Workspace, ops: Operations, path: Path, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(fill(self.tr("Import channel list — %1"), path.name))
        self._ws, self._ops, self._path = ws, ops, path
        self._options = ImportOptions()
        self.plan: ImportPlan | None = None

        self.channel = QComboBox(self)
        self.channel.addItem(self.tr("From the file (channel column or file name)"), None)
        for ch in Channel:
            self.channel.addItem(ch.label, ch.value)
        self.skip_ambiguous = QCheckBox(self.tr("Skip ambiguous rows"), self)
        self.skip_new = QCheckBox(self.tr("Do not add villages missing from the registry"), self)
        self.summary = QLabel(self)
        self.summary.setWordWrap(True)
        self.changes = QLabel(self)
        self.changes.setWordWrap(True)
        self.changes.setTextFormat(Qt.TextFormat.PlainText)
        self.tabs = QTabBar(self)
        for label in (
            self.tr("All"),
            self.tr("Matched"),
            self.tr("New"),
            self.tr("Ambiguous"),
            self.tr("Skipped"),
        ):
            self.tabs.addTab(label)
        self.model = ImportPreviewModel(self)
        self.table = QTableView(self)
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QTableView.SelectionMode.SingleSelection)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.candidates = QComboBox(self)
        self.choose = QPushButton(self.tr("Use this village for the row"), self)
        self.error = QLabel(self)
        self.error.setStyleSheet(ERROR_STYLE)
        self.error.setWordWrap(True)
        self.buttons = QDialogButtonBox(self)
        self.import_button = self.buttons.addButton(
            self.tr("Import"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)

        options = QHBoxLayout()
        options.addWidget(QLabel(self.tr("Channel:"), self))
        options.addWidget(self.channel)
        options.addWidget(self.skip_ambiguous)
        options.addWidget(self.skip_new)
        options.addStretch(1)
        pick = QHBoxLayout()
        pick.addWidget(QLabel(self.tr("Candidates:"), self))
        pick.addWidget(self.candidates, 1)
        pick.addWidget(self.choose)
        layout = QVBoxLayout(self)
        layout.addLayout(options)
        layout.addWidget(self.summary)
        layout.addWidget(self.changes)
        layout.addWidget(self.tabs)
        layout.addWidget(self.table, 1)
        layout.addLayout(pick)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self.resize(1100, 680)

        self.channel.currentIndexChanged.connect(self._on_options_changed)
        self.skip_ambiguous.toggled.connect(self._on_options_changed)
        self.skip_new.toggled.connect(self._on_options_changed)
        self.tabs.currentChanged.connect(self._on_tabs_current_changed)
        self.table.selectionModel().currentRowChanged.connect(self._on_table_current_changed)
        self.choose.clicked.connect(self._on_choose_clicked)
        self.buttons.accepted.connect(self._on_buttons_accepted)
        self.buttons.rejected.connect(self.reject)
        self._update_picker()
        self.refresh()

    # -- planning ---------------------------------------------------------------------------
    def refresh(self) -> None:
        """Recompute the report (off the GUI thread) with the current options."""
        self.import_button.setEnabled(False)
        self.error.clear()
        ws, path, options = self._ws, self._path, self._options
        self._ops.query(
            lambda: plan_channel_import(ws, path, options),
            self._on_plan_ready,
            on_error=self._on_failed,
        )

    def _on_options_changed(self, *_args: object) -> None:
        code = self.channel.currentData()
        self._options = replace(
            self._options,
            channel=Channel(code) if code else None,
            skip_ambiguous=self.skip_ambiguous.isChecked(),
            skip_new=self.skip_new.isChecked(),
        )
        self.refresh()

    def _on_plan_ready(self, plan: ImportPlan) -> None:
        self.plan = plan
        self.summary.setText(plan.summary())
        lines = []
        for c in plan.channels:
            line = fill(
                self.tr("%1: %2 villages (%3 join, %4 stay, %5 leave)"),
                c.channel.label,
                str(c.listed),
                str(len(c.joining)),
                str(len(c.staying)),
                str(len(c.leaving)),
            )
            if c.leaving:
                line += fill(self.tr(" — leaving: %1"), "、".join(c.leaving))
            if c.replaces:
                line += fill(self.tr(" — replaces %1 (kept in history)"), "、".join(c.replaces))
            lines.append(line)
        self.changes.setText("\n".join(lines))
        self.model.set_plan(plan, _TABS[self.tabs.currentIndex()])
        self.import_button.setEnabled(plan.can_apply)
        if not plan.can_apply:
            self.error.setText(
                fill(
                    self.tr(
                        "%1 rows are ambiguous: pick the village for each, or skip ambiguous rows."
                    ),
                    str(plan.count(RowOutcome.AMBIGUOUS)),
                )
            )
        self._update_picker()

    def _on_failed(self, exc: BaseException) -> None:
        self.plan = None
        self.model.set_plan(None)
        self.summary.clear()
        self.changes.clear()
        self.error.setText(_message(exc))
        self.import_button.setEnabled(False)

    def _on_tabs_current_changed(self, index: int) -> None:
        self.model.set_plan(self.plan, _TABS[index])
        self._update_picker()

    # -- resolving an ambiguous row -------------------------------------------------------------
    def _current_row(self) -> int:
        index = self.table.currentIndex()
        return index.row() if index.isValid() else -1

    def _update_picker(self) -> None:
        row = self.model.row_at(self._current_row())
        self.candidates.clear()
        if row is not None and row.candidates:
            for c in row.candidates:
                self.candidates.addItem(f"{c.label}（{c.code or '—'}）", c.id)
            if row.village_id:
                self.candidates.setCurrentIndex(self.candidates.findData(row.village_id))
        enabled = row is not None and bool(row.candidates)
        self.candidates.setEnabled(enabled)
        self.choose.setEnabled(enabled)

    def _on_table_current_changed(self, *_args: object) -> None:
        self._update_picker()

    def _on_choose_clicked(self) -> None:
        row = self.model.row_at(self._current_row())
        vid = self.candidates.currentData()
        if row is None or not vid:
            return
        self.choose_village(row.row_number, str(vid))

    def choose_village(self, row_number: int, village_id: str) -> None:
        """Decide an ambiguous row (the row number as in the file)."""
        choices = dict(self._options.choices)
        choices[row_number] = village_id
        self._options = replace(self._options, choices=choices)
        self.refresh()

    # -- importing ------------------------------------------------------------------------------
    def _on_buttons_accepted(self) -> None:
        plan = self.plan
        if plan is None or not plan.can_apply:
            return
        self.import_button.setEnabled(False)
        ws, path = self._ws, self._path
        self._ops.write(
            lambda: apply_channel_import(ws, path, plan),
            self._on_imported,
            source="registry",
            on_error=self._on_failed,
        )

    def _on_imported(self, result: ImportResult) -> None:
        self.imported.emit(result)
        self.accept()


class OverrideDialog(QDialog):
    """A person sets a village's tier with a written reason (required), or goes back to the rule."""

    saved = Signal(object)

    def __init__(
        self,
        ws: Workspace,
        ops: Operations,
        village: VillageTriage,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._ws, self._ops, self._village = ws, ops, village
        self.setWindowTitle(fill(self.tr("Adjust tier — %1"), village.name))
        result = village.result
        self.rule = QLabel(fill(self.tr("By the rule: %1"), result.rule_reason_zh), self)
        self.rule.setWordWrap(True)
        self.tier = QComboBox(self)
        for tier in Tier:
            self.tier.addItem(f"{tier.label}（{STYLE_FOR_TIER[tier].label}）", tier.value)
        self.tier.setCurrentIndex(self.tier.findData(result.tier.value))
        self.reason = QPlainTextEdit(self)
        self.reason.setPlaceholderText(self.tr("Why (required; kept with the village)"))
        self.reason.setPlainText(village.override_reason)
        self.error = QLabel(self)
        self.error.setStyleSheet(ERROR_STYLE)
        self.clear_button = QPushButton(self.tr("Back to the rule"), self)
        self.clear_button.setEnabled(result.overridden)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        form = QFormLayout(self)
        form.addRow(self.rule)
        form.addRow(self.tr("Tier:"), self.tier)
        form.addRow(self.tr("Reason:"), self.reason)
        form.addRow(self.error)
        row = QHBoxLayout()
        row.addWidget(self.clear_button)
        row.addStretch(1)
        row.addWidget(buttons)
        form.addRow(row)
        buttons.accepted.connect(self._on_buttons_accepted)
        buttons.rejected.connect(self.reject)
        self.clear_button.clicked.connect(self._on_clear_button_clicked)
        self.reason.textChanged.connect(self.error.clear)
        self.resize(560, 360)

    def _on_buttons_accepted(self) -> None:
        reason = self.reason.toPlainText().strip()
        if not reason:
            self.error.setText(self.tr("A written reason is required."))
            self.reason.setFocus()
            return
        tier = Tier(self.tier.currentData())
        ws, vid = self._ws, self._village.village_id
        self._ops.write(
            lambda: set_override(ws, vid, tier, reason),
            self._on_saved,
            source="registry",
            on_error=self._on_failed,
        )

    def _on_clear_button_clicked(self) -> None:
        ws, vid = self._ws, self._village.village_id
        self._ops.write(
            lambda: clear_override(ws, vid),
            self._on_saved,
            source="registry",
            on_error=self._on_failed,
        )

    def _on_saved(self, change: OverrideChange) -> None:
        self.saved.emit(change)
        self.accept()

    def _on_failed(self, exc: BaseException) -> None:
        self.error.setText(_message(exc))


class VillageEditDialog(QDialog):
    """Edit a village's name, code and township, or add a new village (``village`` None)."""

    saved = Signal(object)

    def __init__(
        self,
        ws: Workspace,
        ops: Operations,
        townships: list[TownshipRow],
        village: RegistryRow | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._ws, self._ops, self._village = ws, ops, village
        self.setWindowTitle(self.tr("Edit village") if village else self.tr("Add village"))
        self.township = QComboBox(self)
        for t in townships:
            self.township.addItem(t.name, t.id)
        self.name = QLineEdit(self)
        self.code = QLineEdit(self)
        if village is not None:
            self.township.setCurrentIndex(self.township.findData(village.township_id))
            self.name.setText(village.name)
            self.code.setText(village.code)
        self.error = QLabel(self)
        self.error.setStyleSheet(ERROR_STYLE)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        form = QFormLayout(self)
        form.addRow(self.tr("Township:"), self.township)
        form.addRow(self.tr("Village:"), self.name)
        form.addRow(self.tr("Code:"), self.code)
        form.addRow(self.error)
        form.addRow(buttons)
        buttons.accepted.connect(self._on_buttons_accepted)
        buttons.rejected.connect(self.reject)

    def _on_buttons_accepted(self) -> None:
        ws, village = self._ws, self._village
        town = self.township.currentData()
        if not town:
            self.error.setText(self.tr("Choose a township."))
            return
        name, code = self.name.text(), self.code.text()

        def work() -> RegistryChange:
            if village is None:
                return add_village(ws, str(town), name, code)
            return update_village(ws, village.id, name=name, code=code, township_id=str(town))

        self._ops.write(work, self._on_saved, source="registry", on_error=self._on_failed)

    def _on_saved(self, change: RegistryChange) -> None:
        self.saved.emit(change)
        self.accept()

    def _on_failed(self, exc: BaseException) -> None:
        self.error.setText(_message(exc))
