"""The one table-model base: a column spec, rows held by key and fetched lazily, paging, stale
marking, and an error cell instead of an exception.

A :class:`TableModel` holds the keys of what it lists (ids, or small tuples). Their rows come
either with the keys (:meth:`TableModel.set_keys`, e.g. a query that reads the ids and the first
page together) or later, a page at a time, from ``fetch(keys) -> {key: row}`` when a view first
shows them. ``fetch`` reads the database, so the model runs it through ``query`` — the context's
``ops.query``, off the GUI thread — and shows "…" until the page arrives. Only models over plain
in-memory data may leave ``query`` out (then ``fetch`` runs in place).

* Columns are :class:`Column` objects: a header, the display text of a row, and other roles
  (tooltip, colour, alignment, ids) as functions of the row.
* Paging: the view sees :attr:`TableModel.PAGE` more rows each time it scrolls to the end
  (``canFetchMore``/``fetchMore``), so a list of 100,000 ids costs nothing until scrolled.
* Stale marking: :meth:`TableModel.mark_stale` keeps showing rows that changed elsewhere, in
  grey, while they are fetched afresh.
* A column function that fails shows :data:`BROKEN` in its cell and is logged once; ``data()``
  never raises into Qt.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Hashable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, Generic, TypeVar

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    QTimer,
)
from PySide6.QtGui import QBrush, QColor

K = TypeVar("K", bound=Hashable)
R = TypeVar("R")
T = TypeVar("T")
Index = QModelIndex | QPersistentModelIndex
Query = Callable[[Callable[[], Any], Callable[[Any], None]], None]
"""How to run a read off the GUI thread: ``query(job, on_done)`` (the context's ``ops.query``)."""

KEY_ROLE = int(Qt.ItemDataRole.UserRole)
"""The role under which every cell answers with its row's key."""
STALE_COLOUR = QColor("#8a8a8a")
log = logging.getLogger(__name__)


def loading_text() -> str:
    return "…"


def broken_text() -> str:
    """What a cell shows when its row cannot be shown (the failure is logged)."""
    return QCoreApplication.translate("Table", "(cannot be shown)")


@dataclass(frozen=True)
class Column(Generic[R]):
    """One column: its header, the text of a row, and more roles as functions of the row."""

    header: str
    display: Callable[[R], object]
    roles: Mapping[int, Callable[[R], object]] = field(default_factory=dict)


class TableModel(QAbstractTableModel, Generic[K, R]):
    """See the module docstring."""

    PAGE = 100

    def __init__(
        self,
        columns: Sequence[Column[R]],
        *,
        fetch: Callable[[Sequence[K]], Mapping[K, R]] | None = None,
        query: Query | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._columns: list[Column[R]] = list(columns)
        self._fetch = fetch
        self._query = query
        self._keys: list[K] = []
        self._index: dict[K, int] = {}
        self._rows: dict[K, R] = {}
        self._stale: set[K] = set()
        self._pending: set[K] = set()
        self._wanted: list[K] = []
        self._generation = 0
        self._shown = 0
        self._broken: set[tuple[K, int]] = set()

    # -- content --------------------------------------------------------------------------
    def set_columns(self, columns: Sequence[Column[R]]) -> None:
        self.beginResetModel()
        self._columns = list(columns)
        self.endResetModel()

    def set_keys(self, keys: Sequence[K], rows: Mapping[K, R] | None = None) -> None:
        """List ``keys``; ``rows`` gives the rows already read (all, or the first page)."""
        self.beginResetModel()
        self._generation += 1
        self._keys = list(keys)
        self._index = {k: i for i, k in enumerate(self._keys)}
        self._rows = dict(rows or {})
        self._stale.clear()
        self._pending.clear()
        self._wanted.clear()
        self._broken.clear()
        self._shown = min(len(self._keys), self.PAGE)
        self.endResetModel()

    def set_items(self, items: Sequence[R], key: Callable[[R], K]) -> None:
        """List in-memory rows (keyed by ``key(row)``)."""
        self.set_keys([key(r) for r in items], {key(r): r for r in items})

    def clear(self) -> None:
        self.set_keys([])

    def keys(self) -> list[K]:
        return list(self._keys)

    def key_at(self, row: int) -> K | None:
        return self._keys[row] if 0 <= row < self._shown else None

    def row_of(self, key: K) -> int:
        """The row of ``key`` (shown or not yet paged in), or -1."""
        return self._index.get(key, -1)

    def record(self, row: int) -> R | None:
        """The row's data if it has been read (None while it is being fetched)."""
        key = self.key_at(row)
        return None if key is None else self._rows.get(key)

    def mark_stale(self, keys: Iterable[K] | None = None) -> None:
        """Rows that changed elsewhere: shown in grey, and read afresh (all rows with ``None``)."""
        chosen = [k for k in (self._keys if keys is None else keys) if k in self._index]
        if not chosen:
            return
        self._stale.update(chosen)
        self._want(chosen)
        rows = [self._index[k] for k in chosen]
        self._changed(min(rows), max(rows))

    # -- fetching -------------------------------------------------------------------------
    def _row(self, row: int) -> R | None:
        key = self._keys[row]
        found = self._rows.get(key)
        if found is None and key not in self._pending:
            start = (row // self.PAGE) * self.PAGE
            page = [k for k in self._keys[start : start + self.PAGE] if k not in self._rows]
            self._want(page)
            found = self._rows.get(key)
        return found

    def _want(self, keys: Sequence[K]) -> None:
        if self._fetch is None:
            return
        new = [k for k in keys if k not in self._pending]
        if not new:
            return
        self._pending.update(new)
        if self._query is None:  # in-memory data: read in place
            self._wanted.extend(new)
            self._flush()
            return
        if not self._wanted:
            QTimer.singleShot(0, self._flush)
        self._wanted.extend(new)

    def _flush(self) -> None:
        keys, self._wanted = self._wanted, []
        fetch, generation = self._fetch, self._generation
        if not keys or fetch is None:
            return
        if self._query is None:
            self._arrived(generation, fetch(keys))
        else:
            self._query(lambda: fetch(keys), lambda rows: self._arrived(generation, rows))

    def _arrived(self, generation: int, rows: Mapping[K, R]) -> None:
        if generation != self._generation:
            return  # the list was replaced meanwhile
        got = [k for k in rows if k in self._index]
        self._rows.update({k: rows[k] for k in got})
        self._pending.difference_update(rows)
        self._stale.difference_update(got)
        numbers = [self._index[k] for k in got if self._index[k] < self._shown]
        if numbers:
            self._changed(min(numbers), max(numbers))

    def _changed(self, first: int, last: int) -> None:
        last = min(last, self._shown - 1)
        if first <= last:
            self.dataChanged.emit(
                self.index(first, 0), self.index(last, max(0, len(self._columns) - 1))
            )

    # -- paging ---------------------------------------------------------------------------
    def canFetchMore(self, parent: Index = QModelIndex()) -> bool:  # noqa: B008
        return not parent.isValid() and self._shown < len(self._keys)

    def fetchMore(self, parent: Index = QModelIndex()) -> None:  # noqa: B008
        more = 0 if parent.isValid() else min(self.PAGE, len(self._keys) - self._shown)
        if more <= 0:
            return
        self.beginInsertRows(QModelIndex(), self._shown, self._shown + more - 1)
        self._shown += more
        self.endInsertRows()

    def show_all(self) -> None:
        """Page every key in (for exports and tests)."""
        while self.canFetchMore():
            self.fetchMore()

    # -- QAbstractTableModel --------------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self._shown

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._columns)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal:
            return self._columns[section].header if 0 <= section < len(self._columns) else None
        return section + 1

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < self._shown:
            return None
        if not 0 <= index.column() < len(self._columns):
            return None
        key = self._keys[index.row()]
        if role == KEY_ROLE:
            return key
        row = self._row(index.row())
        if row is None:
            return loading_text() if role == Qt.ItemDataRole.DisplayRole else None
        if role == Qt.ItemDataRole.ForegroundRole and key in self._stale:
            return QBrush(STALE_COLOUR)
        column = self._columns[index.column()]
        getter = column.display if role == Qt.ItemDataRole.DisplayRole else column.roles.get(role)
        if getter is None:
            return None
        try:
            return getter(row)
        except Exception as exc:  # one broken row must not break the view
            if (key, index.column()) not in self._broken:
                self._broken.add((key, index.column()))
                log.error("a table cell could not be shown", exc_info=exc)
            return broken_text() if role == Qt.ItemDataRole.DisplayRole else None
