"""Item models of the field window: the village navigator, record lists and search results.

They hold ids and fetch display rows lazily, a page at a time, through a service function they
are given (``fetch(keys) -> {key: row}``); they never touch the database themselves.
"""

from __future__ import annotations

import html
from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import (
    QAbstractItemModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QBrush, QColor

from app.services.field.navigator import TownshipNode, VillageRow
from app.services.field.reads import RecordKey, RecordRow, SearchRow
from app.services.field.records import HIGHLIGHT_CLOSE, HIGHLIGHT_OPEN
from app.ui.i18n import fill
from app.ui.table import Column, Query, TableModel

TIER_COLOURS = {"good": "#2e7d32", "middle": "#b26a00", "poor": "#c62828"}
ID_ROLE = int(Qt.ItemDataRole.UserRole) + 1
HTML_ROLE = int(Qt.ItemDataRole.UserRole) + 2
_Index = QModelIndex | QPersistentModelIndex


class VillageTreeModel(QAbstractItemModel):
    """Townships → villages, columns: name, tier (好/中/差), inspection style."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._towns: list[TownshipNode] = []
        self._headers = [self.tr("Township / village"), self.tr("Tier"), self.tr("Style")]

    def set_tree(self, towns: list[TownshipNode]) -> None:
        self.beginResetModel()
        self._towns = towns
        self.endResetModel()

    def village_at(self, index: QModelIndex) -> VillageRow | None:
        if not index.isValid() or index.internalId() == 0:
            return None
        return self._towns[index.internalId() - 1].villages[index.row()]

    def index_of_village(self, village_id: str) -> QModelIndex:
        for t, town in enumerate(self._towns):
            for r, v in enumerate(town.villages):
                if v.id == village_id:
                    return self.createIndex(r, 0, t + 1)
        return QModelIndex()

    def first_village(self) -> QModelIndex:
        """The first village with records (else the first village at all)."""
        fallback = QModelIndex()
        for t, town in enumerate(self._towns):
            for r, v in enumerate(town.villages):
                if v.visits or v.entries or v.interviews or v.problems:
                    return self.createIndex(r, 0, t + 1)
                if not fallback.isValid():
                    fallback = self.createIndex(r, 0, t + 1)
        return fallback

    # -- QAbstractItemModel ---------------------------------------------------------------
    def index(self, row: int, column: int, parent: _Index = QModelIndex()) -> QModelIndex:  # noqa: B008
        if not self.hasIndex(row, column, parent):
            return QModelIndex()
        if not parent.isValid():
            return self.createIndex(row, column, 0)
        if parent.internalId() == 0:
            return self.createIndex(row, column, parent.row() + 1)
        return QModelIndex()

    def parent(self, index: _Index = QModelIndex()) -> QModelIndex:  # type: ignore[override]  # noqa: B008
        if not index.isValid() or index.internalId() == 0:
            return QModelIndex()
        return self.createIndex(index.internalId() - 1, 0, 0)

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        if parent.column() > 0:
            return 0
        if not parent.isValid():
            return len(self._towns)
        if parent.internalId() == 0:
            return len(self._towns[parent.row()].villages)
        return 0

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 3

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self._headers[section] if 0 <= section < 3 else None
        return None

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        if index.internalId() == 0:
            town = self._towns[index.row()]
            if role == Qt.ItemDataRole.DisplayRole and index.column() == 0:
                return f"{town.name}（{len(town.villages)}）"
            if role == ID_ROLE:
                return town.id
            return None
        v = self._towns[index.internalId() - 1].villages[index.row()]
        col = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if col == 0:
                return v.name
            if col == 1:
                return v.tier.label if v.tier else self.tr("Unsorted")
            return v.style.label if v.style else ""
        if role == Qt.ItemDataRole.ForegroundRole and col == 1 and v.tier:
            return QBrush(QColor(TIER_COLOURS[v.tier.value]))
        if role == Qt.ItemDataRole.ToolTipRole and col == 0:
            return fill(
                self.tr("%1 visits, %2 entries, %3 interviews, %4 problems"),
                str(v.visits),
                str(v.entries),
                str(v.interviews),
                str(v.problems),
            )
        if role == ID_ROLE:
            return v.id
        return None


def _when(row: RecordRow) -> str:
    return row.when.strftime("%Y-%m-%d" if row.kind == "problem" else "%Y-%m-%d %H:%M")


class RecordTableModel(TableModel[RecordKey, RecordRow]):
    """A list of records by key (kind, id); display rows read a page at a time off the GUI
    thread (``fetch`` through ``query``)."""

    COLUMNS = ("when", "kind", "village", "label", "person", "summary")

    def __init__(
        self,
        fetch: Callable[[Sequence[RecordKey]], dict[RecordKey, RecordRow]],
        query: Query | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__([], fetch=fetch, query=query, parent=parent)
        kinds = kind_labels()
        tip = {int(Qt.ItemDataRole.ToolTipRole): lambda r: r.summary}
        columns: list[Column[RecordRow]] = [
            Column(self.tr("Time"), _when),
            Column(self.tr("Kind"), lambda r: kinds.get(r.kind, r.kind)),
            Column(self.tr("Village"), lambda r: r.village_name),
            Column(self.tr("Method / status"), lambda r: r.label),
            Column(self.tr("People"), lambda r: r.person),
            Column(self.tr("Content"), lambda r: r.summary, tip),
        ]
        self.set_columns(columns)


def kind_labels(_obj: QObject | None = None) -> dict[str, str]:
    """The kinds of record by name, translated (context ``Kinds``)."""
    return {
        "visit": QCoreApplication.translate("Kinds", "Visit"),
        "opinion_entry": QCoreApplication.translate("Kinds", "Opinion-box entry"),
        "interview": QCoreApplication.translate("Kinds", "Interview"),
        "problem": QCoreApplication.translate("Kinds", "Problem"),
    }


def _lead_in(snippet: str, keep: int = 10) -> str:
    """Drop text before the first match beyond ``keep`` characters, so the match shows."""
    at = snippet.find(HIGHLIGHT_OPEN)
    return snippet if at <= keep else "…" + snippet[at - keep :]


def snippet_html(snippet: str) -> str:
    """The snippet as HTML with the matches highlighted."""
    text = html.escape(_lead_in(snippet))
    return text.replace(
        html.escape(HIGHLIGHT_OPEN), "<span style='background:#ffe066;color:#000'>"
    ).replace(html.escape(HIGHLIGHT_CLOSE), "</span>")


def snippet_plain(snippet: str) -> str:
    return _lead_in(snippet).replace(HIGHLIGHT_OPEN, "").replace(HIGHLIGHT_CLOSE, "")


class SearchResultModel(TableModel[str, SearchRow]):
    """Search hits: kind, village, snippet (plain for display, HTML with highlights by role)."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__([], parent=parent)
        kinds = kind_labels()
        columns: list[Column[SearchRow]] = [
            Column(self.tr("Kind"), lambda h: kinds.get(h.kind, h.kind)),
            Column(self.tr("Village"), lambda h: h.village_name),
            Column(
                self.tr("Match"),
                lambda h: snippet_plain(h.snippet),
                {HTML_ROLE: lambda h: snippet_html(h.snippet)},
            ),
        ]
        self.set_columns(columns)

    def set_hits(self, hits: list[SearchRow]) -> None:
        self.set_items(hits, lambda h: f"{h.kind}:{h.id}")

    def hit_at(self, row: int) -> SearchRow | None:
        return self.record(row)
