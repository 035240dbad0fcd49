"""The due / overdue table: one row per followed item, coloured by its three-colour warning."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QObject, Qt
from PySide6.QtGui import QBrush, QColor

from app.domain.deadlines import WarningColour, days_left_zh
from app.domain.formats import chinese_date
from app.services.followup.due import DueRow
from app.ui.table import Column, TableModel

COLOURS = {
    WarningColour.GREEN: QColor("#c6efce"),
    WarningColour.YELLOW: QColor("#ffeb9c"),
    WarningColour.RED: QColor("#ffc7ce"),
}
"""Background of a row per warning colour (the same fills as the .xlsx ledger)."""
_BLACK = QColor("#000000")


def _tr(text: str) -> str:
    return QCoreApplication.translate("DueModel", text)


def _fill(r: DueRow) -> QBrush | None:
    colour = COLOURS.get(r.colour)
    return None if colour is None else QBrush(colour)


def _ink(r: DueRow) -> QBrush | None:
    return QBrush(_BLACK) if r.colour in COLOURS else None


class DueModel(TableModel[str, DueRow]):
    """The items of a due listing, by id, in the listing's order."""

    def __init__(self, parent: QObject | None = None) -> None:
        shade = {
            int(Qt.ItemDataRole.BackgroundRole): _fill,
            int(Qt.ItemDataRole.ForegroundRole): _ink,
        }
        columns: list[Column[DueRow]] = [
            Column(_tr("Kind"), lambda r: r.kind.label, shade),
            Column(_tr("Number"), lambda r: r.number or "—", shade),
            Column(_tr("Village"), lambda r: f"{r.township}{r.village}", shade),
            Column(_tr("Unit"), lambda r: r.unit, shade),
            Column(_tr("Deadline"), lambda r: chinese_date(r.deadline), shade),
            Column(_tr("Days left"), lambda r: days_left_zh(r.days_left), shade),
            Column(
                _tr("Warning"),
                lambda r: r.colour.label if r.colour is not WarningColour.NONE else "",
                shade,
            ),
            Column(_tr("Status"), lambda r: r.status_label, shade),
        ]
        super().__init__(columns, parent=parent)

    def set_rows(self, rows: list[DueRow]) -> None:
        self.set_items(rows, lambda r: r.item_id)

    def row_at(self, row: int) -> DueRow | None:
        return self.record(row)
