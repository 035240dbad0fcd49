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
    QAbstractTableModel,
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

TIER_COLOURS = {"good": "#2e7d32", "middle": "#b26a00", "poor": "#c62828"}
ID_ROLE = Qt.ItemDataRole.UserRole + 1
HTML_ROLE = Qt.ItemDataRole.UserRole + 2
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


class RecordTableModel(QAbstractTableModel):
    """A list of records (ids), display rows fetched a page at a time."""

    PAGE = 100
    COLUMNS = ("when", "kind", "village", "label", "person", "summary")

    def __init__(
        self,
        fetch: Callable[[Sequence[RecordKey]], dict[RecordKey, RecordRow]],
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._fetch = fetch
        self._keys: list[RecordKey] = []
        self._rows: dict[RecordKey, RecordRow] = {}
        self._loaded = 0
        self._headers = {
            "when": self.tr("Time"),
            "kind": self.tr("Kind"),
            "village": self.tr("Village"),
            "label": self.tr("Method / status"),
            "person": self.tr("People"),
            "summary": self.tr("Content"),
        }
        self._kinds = kind_labels(self)

    def set_keys(
        self, keys: list[RecordKey], first_rows: dict[RecordKey, RecordRow] | None = None
    ) -> None:
        self.beginResetModel()
        self._keys = keys
        self._rows = dict(first_rows or {})
        self._loaded = min(len(keys), self.PAGE)
        self.endResetModel()

    def key_at(self, row: int) -> RecordKey | None:
        return self._keys[row] if 0 <= row < self._loaded else None

    def row_of(self, key: RecordKey) -> int:
        try:
            return self._keys.index(key)
        except ValueError:
            return -1

    def keys(self) -> list[RecordKey]:
        return list(self._keys)

    def _row(self, r: int) -> RecordRow | None:
        key = self._keys[r]
        row = self._rows.get(key)
        if row is None:
            start = (r // self.PAGE) * self.PAGE
            page = [k for k in self._keys[start : start + self.PAGE] if k not in self._rows]
            self._rows.update(self._fetch(page))
            row = self._rows.get(key)
        return row

    # -- lazy growth ----------------------------------------------------------------------
    def canFetchMore(self, parent: _Index = QModelIndex()) -> bool:  # noqa: B008
        return not parent.isValid() and self._loaded < len(self._keys)

    def fetchMore(self, parent: _Index = QModelIndex()) -> None:  # noqa: B008
        if parent.isValid():
            return
        more = min(self.PAGE, len(self._keys) - self._loaded)
        if more <= 0:
            return
        self.beginInsertRows(QModelIndex(), self._loaded, self._loaded + more - 1)
        self._loaded += more
        self.endInsertRows()

    # -- QAbstractTableModel --------------------------------------------------------------
    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self._loaded

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.COLUMNS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(self.COLUMNS):
            return self._headers[self.COLUMNS[section]]
        if orientation == Qt.Orientation.Vertical:
            return section + 1
        return None

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < self._loaded:
            return None
        if role == ID_ROLE:
            return self._keys[index.row()][1]
        if role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return None
        row = self._row(index.row())
        if row is None:
            return None
        col = self.COLUMNS[index.column()]
        if col == "when":
            fmt = "%Y-%m-%d" if row.kind == "problem" else "%Y-%m-%d %H:%M"
            return row.when.strftime(fmt)
        if col == "kind":
            return self._kinds.get(row.kind, row.kind)
        if col == "village":
            return row.village_name
        if col == "label":
            return row.label
        if col == "person":
            return row.person
        return row.summary


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


class SearchResultModel(QAbstractTableModel):
    """Search hits: kind, village, snippet (plain for display, HTML with highlights by role)."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._hits: list[SearchRow] = []
        self._headers = [self.tr("Kind"), self.tr("Village"), self.tr("Match")]
        self._kinds = kind_labels(self)

    def set_hits(self, hits: list[SearchRow]) -> None:
        self.beginResetModel()
        self._hits = hits
        self.endResetModel()

    def hit_at(self, row: int) -> SearchRow | None:
        return self._hits[row] if 0 <= row < len(self._hits) else None

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._hits)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 3

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self._headers[section] if 0 <= section < 3 else None
        return None

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._hits):
            return None
        hit = self._hits[index.row()]
        if role == ID_ROLE:
            return hit.id
        if role == Qt.ItemDataRole.DisplayRole:
            return (
                self._kinds.get(hit.kind, hit.kind),
                hit.village_name,
                snippet_plain(hit.snippet),
            )[index.column()]
        if role == HTML_ROLE and index.column() == 2:
            return snippet_html(hit.snippet)
        return None
