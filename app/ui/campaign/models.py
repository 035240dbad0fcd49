"""Table models of the 集中整治 view: campaign villages, one village's tasks, the 制度推广 matrix,
a village's self-check results. Each holds the ids in order and the rows it was given."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date
from typing import Any, Generic, TypeVar

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

from app.domain.campaign import Practice, SelfCheckFound, SystemDef, SystemStatus, Verdict
from app.domain.deadlines import WarningColour, days_left_zh
from app.services.campaign.reads import CampaignRow, TaskRow
from app.services.campaign.selfcheck import ResultRow
from app.services.campaign.systems import Matrix, MatrixRow

_Index = QModelIndex | QPersistentModelIndex
_ROOT = QModelIndex()
R = TypeVar("R")

COLOURS = {
    WarningColour.GREEN: QColor("#c6efce"),
    WarningColour.YELLOW: QColor("#ffeb9c"),
    WarningColour.RED: QColor("#ffc7ce"),
}
"""The three-colour fills, as in the follow-up list and the .xlsx ledger."""
STATUS_FILL = {
    SystemStatus.ADOPTED: QColor("#c6efce"),
    SystemStatus.IN_PROGRESS: QColor("#ffeb9c"),
}
WEAK_FILL = QColor("#ffc7ce")
BLACK = QColor("#000000")


def _d(d: date | None) -> str:
    return f"{d.year}-{d.month:02d}-{d.day:02d}" if d else "—"


class _Rows(QAbstractTableModel, Generic[R]):
    """Rows by id, in order; ``_cells`` gives a row's texts, ``_fill`` its background."""

    CONTEXT = ""
    COLUMNS: tuple[object, ...] = ()

    def __init__(self, key: Callable[[R], str], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._key = key
        self._ids: list[str] = []
        self._rows: dict[str, R] = {}
        self._headers: list[str] | None = None

    def set_rows(self, rows: Sequence[R]) -> None:
        self.beginResetModel()
        self._ids = [self._key(r) for r in rows]
        self._rows = {self._key(r): r for r in rows}
        self.endResetModel()

    def row_at(self, row: int) -> R | None:
        if 0 <= row < len(self._ids):
            return self._rows.get(self._ids[row])
        return None

    def rows(self) -> list[R]:
        return [self._rows[k] for k in self._ids]

    def row_of(self, key: str) -> int:
        return self._ids.index(key) if key in self._rows else -1

    def headers(self) -> list[str]:
        if self._headers is None:  # translated once: the language does not change while open
            self._headers = [QCoreApplication.translate(self.CONTEXT, str(c)) for c in self.COLUMNS]
        return self._headers

    def rowCount(self, parent: _Index = _ROOT) -> int:
        return 0 if parent.isValid() else len(self._ids)

    def columnCount(self, parent: _Index = _ROOT) -> int:
        return 0 if parent.isValid() else len(self.headers())

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal:
            names = self.headers()
            return names[section] if 0 <= section < len(names) else None
        return section + 1

    def _cells(self, r: R) -> tuple[str, ...]:  # pragma: no cover - abstract
        raise NotImplementedError

    def _fill(self, r: R, column: int) -> QColor | None:
        return None

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        r = self.row_at(index.row())
        if r is None:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            cells = self._cells(r)
            return cells[index.column()] if index.column() < len(cells) else None
        if role == Qt.ItemDataRole.BackgroundRole:
            fill = self._fill(r, index.column())
            return QBrush(fill) if fill is not None else None
        if role == Qt.ItemDataRole.ForegroundRole and self._fill(r, index.column()) is not None:
            return QBrush(BLACK)
        if role == Qt.ItemDataRole.UserRole:
            return self._key(r)
        return None


class CampaignModel(_Rows[CampaignRow]):
    CONTEXT = "CampaignModel"
    COLUMNS = (
        QT_TRANSLATE_NOOP("CampaignModel", "Township"),
        QT_TRANSLATE_NOOP("CampaignModel", "Village"),
        QT_TRANSLATE_NOOP("CampaignModel", "Status"),
        QT_TRANSLATE_NOOP("CampaignModel", "Tier"),
        QT_TRANSLATE_NOOP("CampaignModel", "Decision"),
        QT_TRANSLATE_NOOP("CampaignModel", "Tasks done"),
        QT_TRANSLATE_NOOP("CampaignModel", "Red / yellow"),
        QT_TRANSLATE_NOOP("CampaignModel", "Look-back due"),
    )

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(lambda r: r.campaign_id, parent)

    def _cells(self, r: CampaignRow) -> tuple[str, ...]:
        return (
            r.township,
            r.village,
            r.status.label,
            r.tier.label if r.tier else "—",
            r.decision or "—",
            f"{r.done}/{r.tasks}",
            f"{r.red} / {r.yellow}",
            _d(r.review_due),
        )

    def _fill(self, r: CampaignRow, column: int) -> QColor | None:
        if column == 6 and r.red:
            return COLOURS[WarningColour.RED]
        if column == 6 and r.yellow:
            return COLOURS[WarningColour.YELLOW]
        return None


class TaskModel(_Rows[TaskRow]):
    CONTEXT = "TaskModel"
    COLUMNS = (
        QT_TRANSLATE_NOOP("TaskModel", "Heading"),
        QT_TRANSLATE_NOOP("TaskModel", "No."),
        QT_TRANSLATE_NOOP("TaskModel", "Task"),
        QT_TRANSLATE_NOOP("TaskModel", "Linked to"),
        QT_TRANSLATE_NOOP("TaskModel", "Owner unit"),
        QT_TRANSLATE_NOOP("TaskModel", "Deadline"),
        QT_TRANSLATE_NOOP("TaskModel", "Days left"),
        QT_TRANSLATE_NOOP("TaskModel", "Status"),
        QT_TRANSLATE_NOOP("TaskModel", "Latest progress"),
    )

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(lambda r: r.task_id, parent)

    def _cells(self, r: TaskRow) -> tuple[str, ...]:
        left = days_left_zh(r.days_left) if r.colour is not WarningColour.NONE else ""
        return (
            r.heading.label,
            str(r.seq),
            r.title,
            r.link,
            r.owner_unit,
            _d(r.deadline),
            left,
            r.status.label,
            r.progress,
        )

    def _fill(self, r: TaskRow, column: int) -> QColor | None:
        return COLOURS.get(r.colour) if column in (5, 6) else None


class MatrixModel(_Rows[MatrixRow]):
    """Villages × systems; the system columns follow the matrix it was given."""

    CONTEXT = "MatrixModel"
    COLUMNS = (
        QT_TRANSLATE_NOOP("MatrixModel", "Township"),
        QT_TRANSLATE_NOOP("MatrixModel", "Village"),
    )

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(lambda r: r.village_id, parent)
        self.systems: tuple[SystemDef, ...] = ()

    def set_matrix(self, m: Matrix, township_id: str | None = None) -> None:
        self.beginResetModel()
        self.systems = m.systems
        self._headers = None
        self.endResetModel()
        self.set_rows([r for r in m.rows if township_id is None or r.township_id == township_id])

    def headers(self) -> list[str]:
        if self._headers is None:
            names = [QCoreApplication.translate(self.CONTEXT, str(c)) for c in self.COLUMNS]
            self._headers = [*names, *(d.label for d in self.systems)]
        return self._headers

    def _cells(self, r: MatrixRow) -> tuple[str, ...]:
        out = [r.township, r.village]
        for d in self.systems:
            c = r.cell(d.code)
            weak = c.status is SystemStatus.ADOPTED and c.practice is Practice.NOT_CARRIED_OUT
            out.append(c.status.label + ("·" + Practice.NOT_CARRIED_OUT.label if weak else ""))
        return tuple(out)

    def _fill(self, r: MatrixRow, column: int) -> QColor | None:
        if column < 2 or column - 2 >= len(self.systems):
            return None
        c = r.cell(self.systems[column - 2].code)
        if c.status is SystemStatus.ADOPTED and c.practice is Practice.NOT_CARRIED_OUT:
            return WEAK_FILL
        return STATUS_FILL.get(c.status)


class ResultModel(_Rows[ResultRow]):
    CONTEXT = "ResultModel"
    COLUMNS = (
        QT_TRANSLATE_NOOP("ResultModel", "No."),
        QT_TRANSLATE_NOOP("ResultModel", "Category"),
        QT_TRANSLATE_NOOP("ResultModel", "Typical problem"),
        QT_TRANSLATE_NOOP("ResultModel", "Found"),
        QT_TRANSLATE_NOOP("ResultModel", "Rectified"),
        QT_TRANSLATE_NOOP("ResultModel", "Village's note"),
        QT_TRANSLATE_NOOP("ResultModel", "Verified"),
    )

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(lambda r: r.result_id, parent)

    def _cells(self, r: ResultRow) -> tuple[str, ...]:
        verdict = r.verdict.label + (f"：{r.verify_note}" if r.verify_note else "")
        return (
            str(r.number),
            r.category,
            r.text,
            r.found.label,
            r.fixed.label,
            r.note,
            verdict,
        )

    def _fill(self, r: ResultRow, column: int) -> QColor | None:
        if column == 6 and r.verdict is Verdict.DISPUTED:
            return COLOURS[WarningColour.RED]
        if column == 3 and r.found is SelfCheckFound.FOUND:
            return COLOURS[WarningColour.YELLOW]
        return None
