"""Table models of the sync views. Each holds ids (or a small report) and fetches rows lazily."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor

from app.domain.deadlines import WarningColour
from app.sync.conflicts import (
    FIELD_LABELS,
    KIND_LABELS,
    ConflictView,
    display_value,
    masked,
)
from app.sync.merge import KINDS, ImportReport
from app.sync.overview import OverviewRow
from app.sync.rows import META

Index = QModelIndex | QPersistentModelIndex
_DISPLAY = Qt.ItemDataRole.DisplayRole

COLOURS = {
    WarningColour.GREEN: QColor("#d8f0d8"),
    WarningColour.YELLOW: QColor("#fff1b8"),
    WarningColour.RED: QColor("#f8d0d0"),
}
DIFF = QColor("#fff1b8")


class ReportModel(QAbstractTableModel):
    """What an import did, per kind: new, updated, unchanged, conflict."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: list[tuple[str, dict[str, int]]] = []

    def set_report(self, report: ImportReport | None) -> None:
        self.beginResetModel()
        self._rows = (
            [] if report is None else [(k, c) for k, c in report.counts.items() if any(c.values())]
        )
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 1 + len(KINDS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = _DISPLAY) -> Any:
        if role != _DISPLAY or orientation != Qt.Orientation.Horizontal:
            return None
        titles = [
            self.tr("Kind"),
            self.tr("New"),
            self.tr("Updated"),
            self.tr("Unchanged"),
            self.tr("Conflicts"),
        ]
        return titles[section] if 0 <= section < len(titles) else None

    def data(self, index: Index, role: int = _DISPLAY) -> Any:
        if not index.isValid() or role != _DISPLAY:
            return None
        kind, counts = self._rows[index.row()]
        if index.column() == 0:
            return KIND_LABELS.get(kind, kind)
        return counts.get(KINDS[index.column() - 1], 0)


class IdTableModel(QAbstractTableModel):
    """Holds ids; asks ``fetch(ids)`` for the rows it shows, a page at a time, and caches them."""

    PAGE = 200

    def __init__(self, fetch: Callable[[list[str]], dict[str, Any]], parent: Any = None) -> None:
        super().__init__(parent)
        self._fetch = fetch
        self._ids: list[str] = []
        self._cache: dict[str, Any] = {}

    def set_ids(self, ids: list[str]) -> None:
        self.beginResetModel()
        self._ids = list(ids)
        self._cache = {}
        self.endResetModel()

    def ids(self) -> list[str]:
        return list(self._ids)

    def id_at(self, row: int) -> str | None:
        return self._ids[row] if 0 <= row < len(self._ids) else None

    def item(self, row: int) -> Any:
        rid = self._ids[row]
        if rid not in self._cache:
            start = row - row % self.PAGE
            page = [i for i in self._ids[start : start + self.PAGE] if i not in self._cache]
            self._cache.update(self._fetch(page))
        return self._cache.get(rid)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._ids)


class ConflictListModel(IdTableModel):
    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 4

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = _DISPLAY) -> Any:
        if role != _DISPLAY or orientation != Qt.Orientation.Horizontal:
            return None
        titles = [self.tr("Kind"), self.tr("Team"), self.tr("Record"), self.tr("Status")]
        return titles[section] if 0 <= section < len(titles) else None

    def data(self, index: Index, role: int = _DISPLAY) -> Any:
        if not index.isValid() or role != _DISPLAY:
            return None
        c: ConflictView | None = self.item(index.row())
        if c is None:
            return None
        return [c.kind_label, c.team_name, c.record_id[:8], c.status_label][index.column()]


class ComparisonModel(QAbstractTableModel):
    """Both versions of a conflicting row side by side, field by field; differences marked."""

    def __init__(self, may_see_protected: bool = False, parent: Any = None) -> None:
        super().__init__(parent)
        self._fields: list[str] = []
        self._view: ConflictView | None = None
        self._may_see = may_see_protected

    def set_conflict(self, view: ConflictView | None) -> None:
        self.beginResetModel()
        self._view = view
        self._fields = [] if view is None else [c for c in view.incoming if c not in META]
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._fields)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 3

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = _DISPLAY) -> Any:
        if role != _DISPLAY or orientation != Qt.Orientation.Horizontal:
            return None
        titles = [self.tr("Field"), self.tr("Office version"), self.tr("Incoming version")]
        return titles[section] if 0 <= section < len(titles) else None

    def data(self, index: Index, role: int = _DISPLAY) -> Any:
        if not index.isValid() or self._view is None:
            return None
        name = self._fields[index.row()]
        local, incoming = self._view.local.get(name), self._view.incoming.get(name)
        if role == Qt.ItemDataRole.BackgroundRole and index.column() > 0 and local != incoming:
            return QBrush(DIFF)
        if role != _DISPLAY:
            return None
        if index.column() == 0:
            return FIELD_LABELS.get(name, name)
        value = masked(
            self._view, name, [local, incoming][index.column() - 1], may_see=self._may_see
        )
        return display_value(self._view.table, name, value)


class OverviewModel(IdTableModel):
    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 8

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = _DISPLAY) -> Any:
        if role != _DISPLAY or orientation != Qt.Orientation.Horizontal:
            return None
        titles = [
            self.tr("Team"),
            self.tr("Township"),
            self.tr("Village"),
            self.tr("Problem"),
            self.tr("Track"),
            self.tr("Status"),
            self.tr("Deadline"),
            self.tr("Warning"),
        ]
        return titles[section] if 0 <= section < len(titles) else None

    def data(self, index: Index, role: int = _DISPLAY) -> Any:
        if not index.isValid():
            return None
        r: OverviewRow | None = self.item(index.row())
        if r is None:
            return None
        if role == Qt.ItemDataRole.BackgroundRole and index.column() == 7:
            colour = COLOURS.get(r.colour)
            return None if colour is None else QBrush(colour)
        if role == Qt.ItemDataRole.ToolTipRole and index.column() == 3:
            return r.description
        if role != _DISPLAY:
            return None
        deadline = "" if r.deadline is None else _fmt(r.deadline)
        text = r.description if len(r.description) <= 40 else r.description[:39] + "…"
        values = [
            r.team,
            r.township,
            r.village,
            text,
            "" if r.track is None else r.track.label,
            r.status.label,
            deadline,
            r.colour.label,
        ]
        return values[index.column()]


def _fmt(d: date) -> str:
    return f"{d.year}年{d.month}月{d.day}日"
