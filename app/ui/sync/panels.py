"""The sync views: export with progress, import by button or drag-and-drop with its report,
conflicts side by side with a decision, and the office's overview with its filters.

Widgets call the sync services through the task runner only (writes through ``submit_write``).

Signals: ``ExportPanel.exported(object)`` (an ExportResult), ``ImportPanel.imported(object)`` (an
ImportReport), ``ConflictsPanel.decided(object)`` (a ConflictView); each panel's ``records_changed``
relays writes to the main window.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date
from functools import partial
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QFileDialog,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QProgressBar,
    QPushButton,
    QSplitter,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from app.domain.deadlines import WarningColour, WarningSettings
from app.domain.vocabulary import Track, WorkspaceKind, may_see_protected
from app.storage.changes import ChangeSet
from app.sync import conflicts, overview
from app.sync.export import ExportResult, export_bundle
from app.sync.merge import ImportReport, import_bundle
from app.ui.context import AppContext
from app.ui.i18n import fill
from app.ui.style import ERROR_STYLE, OK_STYLE
from app.ui.sync.models import ComparisonModel, ConflictListModel, OverviewModel, ReportModel


class _Progress(QObject):
    """Carries progress from the worker thread to the GUI thread."""

    changed = Signal(int, str)


def _table(model: Any, parent: QWidget) -> QTableView:
    view = QTableView(parent)
    view.setModel(model)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.verticalHeader().setVisible(False)
    view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    view.horizontalHeader().setStretchLastSection(True)
    return view


class ExportPanel(QWidget):
    exported = Signal(object)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        ws = ctx.ws
        self.ws, self.ops = ws, ctx.ops
        self.choose_path: Callable[[], Path | None] = self._ask_path
        lay = QVBoxLayout(self)
        office = self._office = ws.kind is WorkspaceKind.OFFICE
        title = (
            self.tr("Send a bundle to a team: villages, triage, batch plan and feedback.")
            if office
            else self.tr("Export everything changed since the last export, sealed for the office.")
        )
        lay.addWidget(QLabel(title, self))
        row = QHBoxLayout()
        self.team_box = QComboBox(self)
        self.team_box.setVisible(office)
        if office:
            self.ops.query(lambda: overview.choices(ws), self._on_choices, parent=self)
        row.addWidget(self.team_box)
        self.all_box = QCheckBox(self.tr("All records, not only the changes"), self)
        row.addWidget(self.all_box)
        row.addStretch(1)
        self.button = QPushButton(self.tr("Export bundle…"), self)
        self.button.clicked.connect(self._on_button_clicked)
        row.addWidget(self.button)
        lay.addLayout(row)
        self.progress = QProgressBar(self)
        self.progress.setRange(0, 100)
        self.progress.setValue(0)
        lay.addWidget(self.progress)
        self.message = QLabel("", self)
        self.message.setWordWrap(True)
        lay.addWidget(self.message)
        lay.addStretch(1)
        self._relay = _Progress(self)
        self._relay.changed.connect(self._on_progress)

    def _on_choices(self, found: overview.Choices) -> None:
        for _tid, name in found.teams:
            self.team_box.addItem(name)

    def _ask_path(self) -> Path | None:
        name, _ = QFileDialog.getSaveFileName(
            self, self.tr("Export bundle"), "", self.tr("Sync bundles (*.xdsb)")
        )
        return Path(name) if name else None

    def _on_button_clicked(self) -> None:
        path = self.choose_path()
        if path is None:
            return
        if path.exists():
            self._fail(
                fill(self.tr("The file exists already and is not overwritten: %1"), path.name)
            )
            return
        team = (self.team_box.currentText() or None) if self._office else None
        all_rows = self.all_box.isChecked()
        ws, relay = self.ws, self._relay
        self.button.setEnabled(False)
        self.message.setText("")
        self.progress.setValue(0)
        self.ops.write(
            lambda: export_bundle(
                ws, path, all_rows=all_rows, team=team, progress=relay.changed.emit
            ),
            self._on_done,
            source="sync",
            on_error=self._on_error,
        )

    def _on_progress(self, pct: int, what: str) -> None:
        self.progress.setValue(pct)
        self.progress.setFormat(f"{what} %p%")

    def _on_done(self, result: ExportResult) -> None:
        self.button.setEnabled(True)
        self.progress.setValue(100)
        self.message.setStyleSheet(OK_STYLE)
        self.message.setText(
            fill(
                self.tr("Exported %1 records and %2 photos to %3."),
                str(result.rows),
                str(result.media),
                result.path.name,
            )
        )
        self.exported.emit(result)

    def _on_error(self, exc: BaseException) -> None:
        self.button.setEnabled(True)
        self.progress.setValue(0)
        self._fail(str(exc))

    def _fail(self, text: str) -> None:
        self.message.setStyleSheet(ERROR_STYLE)
        self.message.setText(text)


class DropArea(QFrame):
    """A frame that accepts bundle files dropped on it. Signal: ``dropped(list)`` of Paths."""

    dropped = Signal(list)

    def __init__(self, text: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAcceptDrops(True)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setMinimumHeight(90)
        self.setStyleSheet("DropArea { border: 2px dashed #8aa1b8; border-radius: 6px; }")
        lay = QVBoxLayout(self)
        label = QLabel(text, self)
        label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        lay.addWidget(label)

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if event.mimeData().hasUrls() and all(u.isLocalFile() for u in event.mimeData().urls()):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dropEvent(self, event: QDropEvent) -> None:
        paths = [Path(u.toLocalFile()) for u in event.mimeData().urls() if u.isLocalFile()]
        if paths:
            event.acceptProposedAction()
            self.dropped.emit(paths)


class ImportPanel(QWidget):
    imported = Signal(object)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ws, self.ops = ctx.ws, ctx.ops
        self.choose_paths: Callable[[], list[Path]] = self._ask_paths
        lay = QVBoxLayout(self)
        self.drop = DropArea(self.tr("Drop sync bundles here, or"), self)
        self.drop.dropped.connect(self.import_files)
        lay.addWidget(self.drop)
        row = QHBoxLayout()
        row.addStretch(1)
        self.button = QPushButton(self.tr("Import bundles…"), self)
        self.button.clicked.connect(self._on_button_clicked)
        row.addWidget(self.button)
        lay.addLayout(row)
        self.progress = QProgressBar(self)
        self.progress.setRange(0, 100)
        lay.addWidget(self.progress)
        self.message = QLabel("", self)
        self.message.setWordWrap(True)
        lay.addWidget(self.message)
        self.report_model = ReportModel(self)
        lay.addWidget(_table(self.report_model, self), 1)
        self._relay = _Progress(self)
        self._relay.changed.connect(lambda pct, _what: self.progress.setValue(pct))
        self._queue: list[Path] = []
        self._lines: list[tuple[bool, str]] = []

    def _ask_paths(self) -> list[Path]:
        names, _ = QFileDialog.getOpenFileNames(
            self, self.tr("Import bundles"), "", self.tr("Sync bundles (*.xdsb)")
        )
        return [Path(n) for n in names]

    def _on_button_clicked(self) -> None:
        self.import_files(self.choose_paths())

    def import_files(self, paths: list[Path]) -> None:
        """Import each file in turn (each its own transaction); report every one."""
        if not paths:
            return
        self._queue = list(paths)
        self._lines = []
        self.button.setEnabled(False)
        self.drop.setEnabled(False)
        self._next()

    def _next(self) -> None:
        if not self._queue:
            self.button.setEnabled(True)
            self.drop.setEnabled(True)
            failed = any(not ok for ok, _ in self._lines)
            self.message.setStyleSheet(ERROR_STYLE if failed else OK_STYLE)
            self.message.setText("\n".join(text for _ok, text in self._lines))
            return
        path = self._queue.pop(0)
        ws, relay = self.ws, self._relay
        self.progress.setValue(0)
        self.ops.write(
            lambda: import_bundle(ws, path, progress=relay.changed.emit),
            self._on_done,
            source="sync",
            on_error=lambda exc: self._on_error(path, exc),
        )

    def _on_done(self, report: ImportReport) -> None:
        self.report_model.set_report(report)
        text = fill(
            self.tr("%1: %2 new, %3 updated, %4 unchanged, %5 conflicts, %6 new photos"),
            report.path.name,
            str(report.total("new")),
            str(report.total("updated")),
            str(report.total("unchanged")),
            str(report.total("conflict")),
            str(report.media_new),
        )
        self._lines.append((True, text))
        self.imported.emit(report)
        self._next()

    def _on_error(self, path: Path, exc: BaseException) -> None:
        self._lines.append((False, f"{path.name}：{exc}"))
        self._next()


class ConflictsPanel(QWidget):
    decided = Signal(object)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        ws = ctx.ws
        self.ws, self.ops = ws, ctx.ops
        lay = QVBoxLayout(self)
        split = QSplitter(Qt.Orientation.Horizontal, self)
        self.list_model = ConflictListModel(self._fetch, partial(self.ops.query, parent=self), self)
        self.list_view = _table(self.list_model, split)
        self.list_view.selectionModel().currentRowChanged.connect(self._on_list_current_row_changed)
        right = QWidget(split)
        rlay = QVBoxLayout(right)
        rlay.setContentsMargins(0, 0, 0, 0)
        self.title = QLabel(self.tr("Choose a conflict on the left."), right)
        self.title.setWordWrap(True)
        rlay.addWidget(self.title)
        self.compare_model = ComparisonModel(may_see_protected(ws.role), self)
        self.compare_view = _table(self.compare_model, right)
        rlay.addWidget(self.compare_view, 1)
        buttons = QHBoxLayout()
        self.keep_button = QPushButton(self.tr("Keep the office version"), right)
        self.take_button = QPushButton(self.tr("Take the incoming version"), right)
        self.keep_button.clicked.connect(lambda: self._decide(False))
        self.take_button.clicked.connect(lambda: self._decide(True))
        buttons.addStretch(1)
        buttons.addWidget(self.keep_button)
        buttons.addWidget(self.take_button)
        rlay.addLayout(buttons)
        self.message = QLabel("", right)
        rlay.addWidget(self.message)
        split.addWidget(self.list_view)
        split.addWidget(right)
        split.setStretchFactor(1, 2)
        lay.addWidget(split)
        self._set_buttons(False)

    def _fetch(self, ids: Sequence[str]) -> dict[str, conflicts.ConflictView]:
        return {i: conflicts.get_conflict(self.ws, i) for i in ids}

    def refresh(self) -> None:
        def read() -> tuple[list[str], dict[str, conflicts.ConflictView]]:
            ids = conflicts.conflict_ids(self.ws)
            return ids, self._fetch(ids[: ConflictListModel.PAGE])

        self.ops.query(read, self._on_ids, parent=self)

    def _on_ids(self, found: tuple[list[str], dict[str, conflicts.ConflictView]]) -> None:
        ids, first = found
        self.list_model.set_ids(ids, first)
        self.compare_model.set_conflict(None)
        self._set_buttons(False)
        self.title.setText(
            self.tr("No open conflicts.") if not ids else self.tr("Choose a conflict on the left.")
        )
        if ids:
            self.list_view.selectRow(0)

    def _set_buttons(self, on: bool) -> None:
        self.keep_button.setEnabled(on)
        self.take_button.setEnabled(on)

    def _on_list_current_row_changed(self, current: Any, _previous: Any) -> None:
        view = self.list_model.item(current.row()) if current.isValid() else None
        self.compare_model.set_conflict(view)
        self._set_buttons(view is not None and view.status == "open")
        if view is not None:
            self.title.setText(
                fill(
                    self.tr("%1 from %2: the changed fields are marked."),
                    view.kind_label,
                    view.team_name or "—",
                )
            )

    def current_id(self) -> str | None:
        return self.list_model.id_at(self.list_view.currentIndex().row())

    def _decide(self, take: bool) -> None:
        cid = self.current_id()
        if cid is None:
            return
        ws = self.ws
        self._set_buttons(False)
        self.ops.write(
            lambda: conflicts.decide(ws, cid, take_incoming=take),
            self._on_decided,
            source="sync",
            on_error=self._on_error,
        )

    def on_changes(self, changes: ChangeSet) -> None:
        if changes.touches("sync_conflict"):
            self.refresh()

    def _on_decided(self, view: conflicts.ConflictView) -> None:
        self.message.setStyleSheet(OK_STYLE)
        self.message.setText(view.status_label)
        self.decided.emit(view)

    def _on_error(self, exc: BaseException) -> None:
        self.message.setStyleSheet(ERROR_STYLE)
        self.message.setText(str(exc))
        self._set_buttons(True)


OVERVIEW_TABLES = (
    "problem",
    "rectification_notice",
    "ledger_item",
    "clue_transfer",
    "village",
    "township",
    "team",
)
"""Kinds of record whose change alters the office overview."""


class OverviewPanel(QWidget):
    """Problems and follow-up across all teams and villages, filterable."""

    def __init__(
        self, ctx: AppContext, today: date | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.ws, self.ops = ctx.ws, ctx.ops
        s = ctx.settings
        self.warn = WarningSettings(
            green_within_days=s.warn_green_days, yellow_within_days=s.warn_yellow_days
        )
        self.today = today or date.today()
        lay = QVBoxLayout(self)
        row = QHBoxLayout()
        self.team_box = QComboBox(self)
        self.town_box = QComboBox(self)
        self.track_box = QComboBox(self)
        self.colour_box = QComboBox(self)
        for label, box in (
            (self.tr("Team"), self.team_box),
            (self.tr("Township"), self.town_box),
            (self.tr("Track"), self.track_box),
            (self.tr("Warning"), self.colour_box),
        ):
            row.addWidget(QLabel(label, self))
            row.addWidget(box)
        row.addStretch(1)
        self.count_label = QLabel("", self)
        row.addWidget(self.count_label)
        lay.addLayout(row)
        self.model = OverviewModel(self._fetch, partial(self.ops.query, parent=self), self)
        self.table = _table(self.model, self)
        header = self.table.horizontalHeader()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        lay.addWidget(self.table, 1)
        self._filling = False
        for box in (self.team_box, self.town_box, self.track_box, self.colour_box):
            box.currentIndexChanged.connect(self._on_filter_changed)
        ws = self.ws
        self.ops.query(lambda: overview.choices(ws), self._fill_choices, parent=self)

    def _fill_choices(self, found: overview.Choices) -> None:
        self._filling = True
        for box in (self.team_box, self.town_box, self.track_box, self.colour_box):
            box.clear()
        everything = self.tr("All")
        self.team_box.addItem(everything, None)
        self.team_box.addItem(self.tr("Office"), overview.OFFICE_TEAM)
        for tid, name in found.teams:
            self.team_box.addItem(name, tid)
        self.town_box.addItem(everything, None)
        for tid, name in found.townships:
            self.town_box.addItem(name, tid)
        self.track_box.addItem(everything, None)
        for track in Track:
            self.track_box.addItem(track.label, track.value)
        self.colour_box.addItem(everything, None)
        for colour in (WarningColour.RED, WarningColour.YELLOW, WarningColour.GREEN):
            self.colour_box.addItem(colour.label, colour.value)
        self._filling = False
        self.refresh()

    def current_filter(self) -> overview.OverviewFilter:
        track, colour = self.track_box.currentData(), self.colour_box.currentData()
        return overview.OverviewFilter(
            team_id=self.team_box.currentData(),
            township_id=self.town_box.currentData(),
            track=None if track is None else Track(track),
            colour=None if colour is None else WarningColour(colour),
        )

    def _fetch(self, ids: Sequence[str]) -> dict[str, overview.OverviewRow]:
        return dict(overview.overview_rows(self.ws, list(ids), today=self.today, warn=self.warn))

    def refresh(self) -> None:
        ws, flt, today, warn = self.ws, self.current_filter(), self.today, self.warn

        def read() -> tuple[list[str], dict[str, overview.OverviewRow]]:
            ids = overview.overview_ids(ws, flt, today=today, warn=warn)
            return ids, self._fetch(ids[: OverviewModel.PAGE])

        self.ops.query(read, self._on_ids, parent=self)

    def on_changes(self, changes: ChangeSet) -> None:
        if changes.touches(*OVERVIEW_TABLES):
            self.refresh()

    def _on_filter_changed(self, _index: int) -> None:
        if not self._filling:
            self.refresh()

    def _on_ids(self, found: tuple[list[str], dict[str, overview.OverviewRow]]) -> None:
        ids, first = found
        self.model.set_ids(ids, first)
        self.count_label.setText(fill(self.tr("%1 problems"), str(len(ids))))


class SyncView(QWidget):
    """The sync page: tabs for bundles, conflicts and (at the office) the overview."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        lay = QVBoxLayout(self)
        self.tabs = QTabWidget(self)
        bundles = QWidget(self.tabs)
        blay = QVBoxLayout(bundles)
        self.export_panel = ExportPanel(ctx, bundles)
        self.import_panel = ImportPanel(ctx, bundles)
        blay.addWidget(self.export_panel)
        blay.addWidget(self.import_panel, 1)
        self.tabs.addTab(bundles, self.tr("Bundles"))
        self.conflicts_panel = ConflictsPanel(ctx, self.tabs)
        self.tabs.addTab(self.conflicts_panel, self.tr("Conflicts"))
        self.overview_panel: OverviewPanel | None = None
        if ctx.ws.kind is WorkspaceKind.OFFICE:
            self.overview_panel = OverviewPanel(ctx, parent=self.tabs)
            self.tabs.addTab(self.overview_panel, self.tr("Overview"))
        lay.addWidget(self.tabs)
        self.conflicts_panel.refresh()

    def refresh(self) -> None:
        self.conflicts_panel.refresh()
        if self.overview_panel is not None:
            self.overview_panel.refresh()

    def on_changes(self, changes: ChangeSet) -> None:
        """Refresh the conflicts and the overview when what they show changed."""
        self.conflicts_panel.on_changes(changes)
        if self.overview_panel is not None:
            self.overview_panel.on_changes(changes)

    def close_forms(self) -> None:
        """Nothing to keep: imports and decisions are written when they are made."""
