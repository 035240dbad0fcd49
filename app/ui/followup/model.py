"""The due / overdue table: one row per followed item, coloured by its three-colour warning."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QBrush, QColor

from app.domain.deadlines import WarningColour, days_left_zh
from app.services.followup.due import DueRow

Index = QModelIndex | QPersistentModelIndex

COLOURS = {
    WarningColour.GREEN: QColor("#c6efce"),
    WarningColour.YELLOW: QColor("#ffeb9c"),
    WarningColour.RED: QColor("#ffc7ce"),
}
"""Background of a row per warning colour (the same fills as the .xlsx ledger)."""


class DueModel(QAbstractTableModel):
    """Holds the item ids in order; each row's fields are read from the listing it was given."""

    COLUMNS = (
        QT_TRANSLATE_NOOP("DueModel", "Kind"),
        QT_TRANSLATE_NOOP("DueModel", "Number"),
        QT_TRANSLATE_NOOP("DueModel", "Village"),
        QT_TRANSLATE_NOOP("DueModel", "Unit"),
        QT_TRANSLATE_NOOP("DueModel", "Deadline"),
        QT_TRANSLATE_NOOP("DueModel", "Days left"),
        QT_TRANSLATE_NOOP("DueModel", "Warning"),
        QT_TRANSLATE_NOOP("DueModel", "Status"),
    )

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._ids: list[str] = []
        self._rows: dict[str, DueRow] = {}

    def set_rows(self, rows: list[DueRow]) -> None:
        self.beginResetModel()
        self._ids = [r.item_id for r in rows]
        self._rows = {r.item_id: r for r in rows}
        self.endResetModel()

    def row_at(self, row: int) -> DueRow | None:
        if 0 <= row < len(self._ids):
            return self._rows.get(self._ids[row])
        return None

    def row_of(self, item_id: str) -> int:
        return self._ids.index(item_id) if item_id in self._ids else -1

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._ids)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.COLUMNS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(self.COLUMNS):
            return QCoreApplication.translate("DueModel", str(self.COLUMNS[section]))
        if orientation == Qt.Orientation.Vertical:
            return section + 1
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        r = self.row_at(index.row())
        if r is None:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return (
                r.kind.label,
                r.number or "—",
                f"{r.township}{r.village}",
                r.unit,
                f"{r.deadline.year}年{r.deadline.month}月{r.deadline.day}日",
                days_left_zh(r.days_left),
                r.colour.label if r.colour is not WarningColour.NONE else "",
                r.status_label,
            )[index.column()]
        if role == Qt.ItemDataRole.BackgroundRole and r.colour in COLOURS:
            return QBrush(COLOURS[r.colour])
        if role == Qt.ItemDataRole.ForegroundRole and r.colour in COLOURS:
            return QBrush(QColor("#000000"))
        if role == Qt.ItemDataRole.UserRole:
            return r.item_id
        return None
