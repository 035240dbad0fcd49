"""The registry view: villages with their tier, style and batch; why each is where it is; imports,
triage, tier overrides, the batch plan and the public notices.

Signals: ``records_changed(object)`` after any write (what the service returned).
"""

from __future__ import annotations

import html
from collections.abc import Sequence
from functools import partial
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QSplitter,
    QTableView,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from app.services.registry.public_notice import PrintedNotices, print_public_notices
from app.services.registry.triage import TriageRun, VillageTriage, explain, load_rule, run_triage
from app.services.registry.villages import (
    RegistryRow,
    VillageImportReport,
    apply_village_import,
    plan_village_import,
    registry_ids,
    registry_rows,
    townships,
)
from app.storage.changes import ChangeSet
from app.storage.workspace import Workspace
from app.ui.context import AppContext
from app.ui.i18n import fill
from app.ui.registry.dialogs import (
    ChannelImportDialog,
    OverrideDialog,
    VillageEditDialog,
)
from app.ui.registry.models import TIER_COLOURS, RegistryModel
from app.ui.registry.plan_editor import BatchPlanEditor
from app.ui.style import ERROR_STYLE

FILE_FILTER = "CSV / Excel (*.csv *.xlsx *.xlsm *.txt)"


class TriagePanel(QTextBrowser):
    """Why a village is 好/中/差: the channels behind it, their points, the rule's sentence."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setOpenLinks(False)
        self.triage: VillageTriage | None = None
        self.show_nothing()

    def show_nothing(self) -> None:
        self.triage = None
        self.setHtml(
            f"<p>{html.escape(self.tr('Select a village to see why it has its tier.'))}</p>"
        )

    def show_triage(self, t: VillageTriage) -> None:
        self.triage = t
        r = t.result
        colour = TIER_COLOURS[r.tier.value]
        e = html.escape
        tier, style, score = self.tr("Tier"), self.tr("Inspection style"), self.tr("Score")
        parts = [
            f"<h2>{e(t.township)}{e(t.name)}</h2>",
            f"<p>{e(tier)}：<b style='color:{colour}'>{e(r.tier.label)}</b>"
            f"　{e(style)}：{e(r.style.label)}"
            f"　{e(score)}：{r.score}</p>",
        ]
        if r.contributions:
            head = "".join(
                f"<th>{e(h)}</th>"
                for h in (
                    self.tr("Channel"),
                    self.tr("Count"),
                    self.tr("Weight"),
                    self.tr("Points"),
                )
            )
            rows = "".join(
                f"<tr><td>{e(c.channel.label)}</td><td align='right'>{c.count}</td>"
                f"<td align='right'>{c.weight}</td><td align='right'>{c.points}</td></tr>"
                for c in r.contributions
            )
            parts.append(
                f"<table border='1' cellspacing='0' cellpadding='4'><tr>{head}</tr>{rows}</table>"
            )
        else:
            none = self.tr("No channel lists this village.")
            parts.append(f"<p>{e(none)}</p>")
        parts.append(f"<p>{e(r.reason_zh)}</p>")
        if r.overridden:
            alone = e(self.tr("By the rule alone"))
            parts.append(f"<p style='color:#555'>{alone}：{e(r.rule_reason_zh)}</p>")
        self.setHtml("".join(parts))


REGISTRY_TABLES = ("village", "township", "channel_listing", "channel_list", "batch")
"""Kinds of record whose change alters the registry table or a village's triage."""


def _rows_by_id(ws: Workspace, ids: Sequence[str]) -> dict[str, RegistryRow]:
    return {r.id: r for r in registry_rows(ws, list(ids))}


class RegistryView(QWidget):
    """See module docstring."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        ws = ctx.ws
        self._ws, self._ops = ws, ctx.ops
        self.dialog: QWidget | None = None
        self.model = RegistryModel(
            partial(_rows_by_id, ws), partial(self._ops.query, parent=self), self
        )
        self.table = QTableView(self)
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.table.setColumnWidth(0, 110)
        self.table.setColumnWidth(1, 130)
        self.table.setColumnWidth(2, 110)
        self.panel = TriagePanel(self)
        self.rule_label = QLabel(self)
        self.rule_label.setWordWrap(True)
        self.rule_label.setStyleSheet("color: #555")
        self.status = QLabel(self)
        self.status.setWordWrap(True)

        self.import_villages_button = QPushButton(self.tr("Import registry…"), self)
        self.import_channels_button = QPushButton(self.tr("Import channel list…"), self)
        self.triage_button = QPushButton(self.tr("Triage all"), self)
        self.override_button = QPushButton(self.tr("Adjust tier…"), self)
        self.edit_button = QPushButton(self.tr("Edit village…"), self)
        self.add_button = QPushButton(self.tr("Add village…"), self)
        self.plan_button = QPushButton(self.tr("Batch plan…"), self)
        self.notice_button = QPushButton(self.tr("Print notices…"), self)

        bar = QHBoxLayout()
        for b in (
            self.import_villages_button,
            self.import_channels_button,
            self.triage_button,
            self.override_button,
            self.edit_button,
            self.add_button,
            self.plan_button,
            self.notice_button,
        ):
            bar.addWidget(b)
        bar.addStretch(1)
        right = QWidget(self)
        rl = QVBoxLayout(right)
        rl.setContentsMargins(0, 0, 0, 0)
        rl.addWidget(self.panel, 1)
        rl.addWidget(self.rule_label)
        split = QSplitter(Qt.Orientation.Horizontal, self)
        split.addWidget(self.table)
        split.addWidget(right)
        split.setSizes([620, 420])
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(split, 1)
        layout.addWidget(self.status)

        self.table.selectionModel().currentRowChanged.connect(self._on_table_current_changed)
        self.table.doubleClicked.connect(self._on_edit_button_clicked)
        self.import_villages_button.clicked.connect(self._on_import_villages_button_clicked)
        self.import_channels_button.clicked.connect(self._on_import_channels_button_clicked)
        self.triage_button.clicked.connect(self._on_triage_button_clicked)
        self.override_button.clicked.connect(self._on_override_button_clicked)
        self.edit_button.clicked.connect(self._on_edit_button_clicked)
        self.add_button.clicked.connect(self._on_add_button_clicked)
        self.plan_button.clicked.connect(self._on_plan_button_clicked)
        self.notice_button.clicked.connect(self._on_notice_button_clicked)
        self.reload()

    # -- loading ------------------------------------------------------------------------------
    def reload(self, keep: str | None = None) -> None:
        ws = self._ws
        keep = keep or self.current_id()

        def read() -> tuple[list[str], dict[str, RegistryRow], object]:
            ids = registry_ids(ws)
            return ids, _rows_by_id(ws, ids[: RegistryModel.PAGE]), load_rule(ws)

        self._ops.query(read, lambda result: self._on_loaded(result, keep), on_error=self._fail)

    def _on_loaded(
        self, result: tuple[list[str], dict[str, RegistryRow], object], keep: str | None
    ) -> None:
        ids, first, rule = result
        self.model.set_ids(ids, first)
        weights = getattr(rule, "weights", {})
        self.rule_label.setText(
            fill(
                self.tr("Rule: %1; middle from %2 points, poor from %3."),
                "，".join(f"{c.label} {w}" for c, w in weights.items()),
                str(getattr(rule, "middle_from", "")),
                str(getattr(rule, "poor_from", "")),
            )
        )
        row = self.model.row_of(keep) if keep else -1
        if row >= 0:
            self.table.selectRow(row)
        elif not ids:
            self.panel.show_nothing()
            self.status.setText(self.tr("The registry is empty: import a list of villages."))

    def current_id(self) -> str | None:
        index = self.table.currentIndex()
        return self.model.village_id(index.row()) if index.isValid() else None

    def select_village(self, village_id: str) -> None:
        row = self.model.row_of(village_id)
        if row >= 0:
            self.table.selectRow(row)

    def _on_table_current_changed(self, *_args: object) -> None:
        vid = self.current_id()
        if vid is None:
            self.panel.show_nothing()
            return
        ws = self._ws
        self._ops.query(lambda: explain(ws, vid), self.panel.show_triage, on_error=self._fail)

    def _fail(self, exc: BaseException) -> None:
        self.status.setStyleSheet(ERROR_STYLE)
        self.status.setText(str(exc))

    def _say(self, text: str) -> None:
        self.status.setStyleSheet("")
        self.status.setText(text)

    def on_changes(self, changes: ChangeSet) -> None:
        """Reload the table (and the triage shown) when the registry changed."""
        if changes.touches(*REGISTRY_TABLES):
            self.reload()

    def close_forms(self) -> None:
        """Nothing to keep: the dialogs write when they are confirmed."""

    # -- the registry ---------------------------------------------------------------------------
    def _ask_file(self, title: str) -> Path | None:
        name, _ = QFileDialog.getOpenFileName(self, title, "", FILE_FILTER)
        return Path(name) if name else None

    def _on_import_villages_button_clicked(self) -> None:
        path = self._ask_file(self.tr("Import registry"))
        if path is not None:
            self.import_villages_from(path, confirm=True)

    def import_villages_from(self, path: Path, *, confirm: bool = False) -> None:
        """Preview a registry list; with ``confirm`` ask before writing, else write at once."""
        ws = self._ws

        def previewed(report: VillageImportReport) -> None:
            if confirm:
                answer = QMessageBox.question(
                    self,
                    self.tr("Import registry"),
                    report.summary() + "\n" + self.tr("Write these changes?"),
                )
                if answer != QMessageBox.StandardButton.Yes:
                    return
            self._ops.write(
                lambda: apply_village_import(ws, path),
                self._on_villages_imported,
                source="registry",
                on_error=self._fail,
            )

        self._ops.query(lambda: plan_village_import(ws, path), previewed, on_error=self._fail)

    def _on_villages_imported(self, report: VillageImportReport) -> None:
        self._say(fill(self.tr("Registry imported: %1"), report.summary()))

    def _on_import_channels_button_clicked(self) -> None:
        path = self._ask_file(self.tr("Import channel list"))
        if path is not None:
            self.open_channel_import(path)

    def open_channel_import(self, path: Path) -> ChannelImportDialog:
        dialog = ChannelImportDialog(self._ws, self._ops, path, self)
        dialog.imported.connect(self._on_channels_imported)
        self.dialog = dialog
        dialog.open()
        return dialog

    def _on_channels_imported(self, _result: object) -> None:
        self.triage_all()

    # -- triage ---------------------------------------------------------------------------------
    def _on_triage_button_clicked(self) -> None:
        self.triage_all()

    def triage_all(self) -> None:
        ws = self._ws
        self._ops.write(
            lambda: run_triage(ws),
            self._on_triaged,
            source="registry",
            on_error=self._fail,
        )

    def _on_triaged(self, run: TriageRun) -> None:
        counts = "，".join(f"{tier.label} {n}" for tier, n in run.counts.items())
        self._say(
            fill(
                self.tr("Triaged %1 villages: %2; %3 changed."),
                str(run.villages),
                counts,
                str(len(run.changed)),
            )
        )

    def _on_override_button_clicked(self) -> None:
        if self.panel.triage is None or self.panel.triage.village_id != self.current_id():
            self._fail(RuntimeError(self.tr("Select a village first.")))
            return
        self.open_override(self.panel.triage)

    def open_override(self, village: VillageTriage) -> OverrideDialog:
        dialog = OverrideDialog(self._ws, self._ops, village, self)
        self.dialog = dialog
        dialog.open()
        return dialog

    def _on_edit_button_clicked(self, *_args: object) -> None:
        row = self.model.record(self.table.currentIndex().row())
        if row is None:
            self._fail(RuntimeError(self.tr("Select a village first.")))
            return
        self.open_editor(row.id)

    def _on_add_button_clicked(self) -> None:
        self.open_editor(None)

    def open_editor(self, village_id: str | None) -> None:
        """Open the village editor (for a new village with ``None``), once its data is read."""
        ws = self._ws

        def read() -> tuple[list[Any], Any]:
            row = registry_rows(ws, [village_id])[0] if village_id else None
            return townships(ws), row

        self._ops.query(read, self._on_editor_data, parent=self, on_error=self._fail)

    def _on_editor_data(self, data: tuple[list[Any], Any]) -> None:
        towns, row = data
        dialog = VillageEditDialog(self._ws, self._ops, towns, row, self)
        self.dialog = dialog
        dialog.open()

    # -- plan and notices -----------------------------------------------------------------------
    def _on_plan_button_clicked(self) -> None:
        self.open_plan()

    def open_plan(self) -> BatchPlanEditor:
        editor = BatchPlanEditor(self._ws, self._ops)
        editor.setParent(self, Qt.WindowType.Window)
        self.dialog = editor
        editor.show()
        return editor

    def selected_ids(self) -> list[str]:
        rows = sorted({i.row() for i in self.table.selectionModel().selectedRows()})
        return [v for v in (self.model.village_id(r) for r in rows) if v]

    def _on_notice_button_clicked(self) -> None:
        ids = self.selected_ids()
        if not ids:
            self._fail(RuntimeError(self.tr("Select the villages to print notices for.")))
            return
        self.print_notices(ids)

    def print_notices(self, ids: list[str]) -> None:
        ws = self._ws
        self._ops.write(  # printing is audited: a write, the same service as the command line's
            lambda: print_public_notices(ws, ids),
            self._on_notices_ready,
            source="registry",
            on_error=self._fail,
        )

    def _on_notices_ready(self, printed: PrintedNotices) -> None:
        from app.ui.pdf_preview import PdfPreviewDialog

        dialog = PdfPreviewDialog(printed.pdf, "巡察公告.pdf", self.tr("Public notices"), self)
        self.dialog = dialog
        dialog.setModal(False)
        dialog.show()
