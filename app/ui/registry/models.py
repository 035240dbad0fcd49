"""Table models of the registry views: villages (ids, rows fetched lazily), an import's match
report, and the batch plan."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor

from app.domain.batch_plan import BatchPlan
from app.domain.formats import batch_ordinal
from app.services.registry.channels import ImportPlan, ImportRow, RowOutcome
from app.services.registry.villages import RegistryRow

TIER_COLOURS = {"good": "#2e7d32", "middle": "#b26a00", "poor": "#c62828"}
OUTCOME_COLOURS = {
    RowOutcome.MATCHED: "#2e7d32",
    RowOutcome.NEW: "#1565c0",
    RowOutcome.AMBIGUOUS: "#c62828",
    RowOutcome.SKIPPED: "#6d6d6d",
}
_Index = QModelIndex | QPersistentModelIndex
_ROOT = QModelIndex()
_CHUNK = 200


class _HeaderedTable(QAbstractTableModel):
    """A flat table with translated column headers; subclasses say how many rows there are."""

    _headers: list[str]

    def _row_total(self) -> int:
        raise NotImplementedError

    def rowCount(self, parent: _Index = _ROOT) -> int:
        return 0 if parent.isValid() else self._row_total()

    def columnCount(self, parent: _Index = _ROOT) -> int:
        return 0 if parent.isValid() else len(self._headers)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        horizontal = orientation == Qt.Orientation.Horizontal
        if horizontal and role == Qt.ItemDataRole.DisplayRole and 0 <= section < len(self._headers):
            return self._headers[section]
        return None


class RegistryModel(_HeaderedTable):
    """Villages by id; rows come from ``fetch(ids)`` a chunk at a time, when first shown."""

    def __init__(
        self, fetch: Callable[[Sequence[str]], list[RegistryRow]], parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self._fetch = fetch
        self._ids: list[str] = []
        self._rows: dict[str, RegistryRow] = {}
        self._headers = [
            self.tr("Township"),
            self.tr("Village"),
            self.tr("Code"),
            self.tr("Tier"),
            self.tr("Inspection style"),
            self.tr("Batch"),
        ]

    def set_ids(self, ids: Sequence[str]) -> None:
        self.beginResetModel()
        self._ids = list(ids)
        self._rows = {}
        self.endResetModel()

    def village_id(self, row: int) -> str | None:
        return self._ids[row] if 0 <= row < len(self._ids) else None

    def row_of(self, village_id: str) -> int:
        return self._ids.index(village_id) if village_id in self._ids else -1

    def record(self, row: int) -> RegistryRow | None:
        vid = self.village_id(row)
        if vid is None:
            return None
        if vid not in self._rows:
            start = (row // _CHUNK) * _CHUNK
            chunk = [i for i in self._ids[start : start + _CHUNK] if i not in self._rows]
            for r in self._fetch(chunk):
                self._rows[r.id] = r
        return self._rows.get(vid)

    def _row_total(self) -> int:
        return len(self._ids)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        r = self.record(index.row())
        if r is None:
            return None
        col = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if col == 0:
                return r.township
            if col == 1:
                return r.name
            if col == 2:
                return r.code
            if col == 3:
                if r.tier is None:
                    return self.tr("Not triaged")
                return r.tier.label + (self.tr(" (manual)") if r.overridden else "")
            if col == 4:
                return r.style.label if r.style else ""
            if col == 5:
                return batch_ordinal(r.batch_number) if r.batch_number else ""
        if role == Qt.ItemDataRole.ForegroundRole and col == 3 and r.tier is not None:
            return QBrush(QColor(TIER_COLOURS[r.tier.value]))
        if role == Qt.ItemDataRole.UserRole:
            return r.id
        return None


class ImportPreviewModel(_HeaderedTable):
    """The rows of a channel list import with what happens to each and why (no ids: the report
    lives in memory until it is applied)."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[ImportRow] = []
        self._headers = [
            self.tr("Row"),
            self.tr("Outcome"),
            self.tr("Channel"),
            self.tr("Township given"),
            self.tr("Village given"),
            self.tr("Registry village"),
            self.tr("Count"),
            self.tr("Reason"),
        ]

    def set_plan(self, plan: ImportPlan | None, outcome: RowOutcome | None = None) -> None:
        self.beginResetModel()
        rows = list(plan.rows) if plan else []
        self._rows = [r for r in rows if outcome is None or r.outcome is outcome]
        self.endResetModel()

    def row_at(self, row: int) -> ImportRow | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def _row_total(self) -> int:
        return len(self._rows)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        r = self._rows[index.row()]
        col = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            values = (
                r.row_number,
                r.outcome.label,
                r.channel.label if r.channel else "",
                r.township,
                r.village,
                r.village_label,
                r.count,
                r.reason,
            )
            return values[col] if 0 <= col < len(values) else None
        if role == Qt.ItemDataRole.ForegroundRole and col == 1:
            return QBrush(QColor(OUTCOME_COLOURS[r.outcome]))
        if role == Qt.ItemDataRole.ToolTipRole and col == 7:
            return r.reason
        return None


class PlanModel(_HeaderedTable):
    """The villages of a batch plan in batch order (the unassigned last), by id."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._plan: BatchPlan | None = None
        self._ids: list[str] = []
        self._headers = [
            self.tr("Batch"),
            self.tr("Phase"),
            self.tr("Township"),
            self.tr("Village"),
            self.tr("Tier"),
            self.tr("Inspection style"),
            self.tr("Channels"),
        ]

    def set_plan(self, plan: BatchPlan | None) -> None:
        self.beginResetModel()
        self._plan = plan
        self._ids = (
            [v for b in plan.batches for v in b.village_ids] + list(plan.unassigned) if plan else []
        )
        self.endResetModel()

    @property
    def plan(self) -> BatchPlan | None:
        return self._plan

    def village_id(self, row: int) -> str | None:
        return self._ids[row] if 0 <= row < len(self._ids) else None

    def _row_total(self) -> int:
        return len(self._ids)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        plan = self._plan
        if plan is None or not index.isValid() or not 0 <= index.row() < len(self._ids):
            return None
        vid = self._ids[index.row()]
        e = plan.villages[vid]
        number = plan.batch_of(vid)
        col = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if col == 0:
                return batch_ordinal(number) if number else self.tr("Not in a batch")
            if col == 1:
                return plan.batch(number).phase.label if number else ""
            values = (
                e.township,
                e.name,
                e.tier.label,
                e.style.label,
                "、".join(c.label for c in e.channels),
            )
            return values[col - 2] if 2 <= col < 7 else None
        if role == Qt.ItemDataRole.ForegroundRole and col == 4:
            return QBrush(QColor(TIER_COLOURS[e.tier.value]))
        if role == Qt.ItemDataRole.UserRole:
            return vid
        return None
