"""The board as a tree: villages, and under each its problems (ids; rows read from the board)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractItemModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor

from app.services.wrapup.board import Board, ProblemRow

Index = QModelIndex | QPersistentModelIndex
PROBLEM_ID_ROLE = Qt.ItemDataRole.UserRole + 1
_TOP = 0  # internal id of village rows; a problem row's is its village's row + 1
UNSORTED_COLOUR = "#b00020"
FROZEN_COLOUR = "#555555"


class BoardModel(QAbstractItemModel):
    """Two levels: village rows (with their problem count), problem rows (text, track, voices)."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._board: Board | None = None
        self._headers = [self.tr("Problem"), self.tr("Handling"), self.tr("Voices")]

    # -- content --------------------------------------------------------------------------
    def set_board(self, board: Board | None) -> None:
        self.beginResetModel()
        self._board = board
        self.endResetModel()

    @property
    def board(self) -> Board | None:
        return self._board

    def problem_id(self, index: Index) -> str | None:
        if not index.isValid() or index.internalId() == _TOP or self._board is None:
            return None
        group = self._board.villages[index.internalId() - 1]
        return group.problem_ids[index.row()]

    def index_of(self, problem_id: str) -> QModelIndex:
        if self._board is None:
            return QModelIndex()
        for v, group in enumerate(self._board.villages):
            if problem_id in group.problem_ids:
                return self.createIndex(group.problem_ids.index(problem_id), 0, v + 1)
        return QModelIndex()

    def _row(self, index: Index) -> ProblemRow | None:
        pid = self.problem_id(index)
        return None if pid is None or self._board is None else self._board.problems[pid]

    # -- the model ------------------------------------------------------------------------
    def index(self, row: int, column: int, parent: Index = QModelIndex()) -> QModelIndex:  # noqa: B008
        if not self.hasIndex(row, column, parent):
            return QModelIndex()
        if not parent.isValid():
            return self.createIndex(row, column, _TOP)
        return self.createIndex(row, column, parent.row() + 1)

    def parent(self, index: Index = QModelIndex()) -> QModelIndex:  # type: ignore[override]  # noqa: B008
        if not index.isValid() or index.internalId() == _TOP:
            return QModelIndex()
        return self.createIndex(index.internalId() - 1, 0, _TOP)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        if self._board is None:
            return 0
        if not parent.isValid():
            return len(self._board.villages)
        if parent.internalId() != _TOP or parent.column() != 0:
            return 0
        return len(self._board.villages[parent.row()].problem_ids)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return len(self._headers)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self._headers[section]
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    @staticmethod
    def _village_data(board: Board, index: Index, role: int) -> str | None:
        """A village row: its name with the count of problems, and the voices they carry."""
        group = board.villages[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            if index.column() == 0:
                return f"{group.village}（{len(group.problem_ids)}）"
            if index.column() == 2:
                return str(sum(board.problems[p].voices for p in group.problem_ids))
        return None

    def _problem_text(self, row: ProblemRow, column: int) -> str:
        """A problem's cell: its description, its track (or unsorted), its voices."""
        if column == 0:
            return row.description
        if column == 1:
            if row.decision is None:
                return self.tr("Unsorted")
            return row.decision.track.label
        return str(row.voices)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or self._board is None:
            return None
        if index.internalId() == _TOP:
            return self._village_data(self._board, index, role)
        row = self._row(index)
        if row is None:
            return None
        if role == PROBLEM_ID_ROLE:
            return row.id
        if role == Qt.ItemDataRole.DisplayRole:
            return self._problem_text(row, index.column())
        if role == Qt.ItemDataRole.ToolTipRole and index.column() == 0:
            tip = row.description
            if row.carried:
                tip += "\n" + self.tr("Raised on %1, still unsorted").replace(
                    "%1", row.raised_on.isoformat()
                )
            return tip
        if role == Qt.ItemDataRole.ForegroundRole and index.column() == 1:
            if row.decision is None:
                return QBrush(QColor(UNSORTED_COLOUR))
            if row.frozen:
                return QBrush(QColor(FROZEN_COLOUR))
        return None
