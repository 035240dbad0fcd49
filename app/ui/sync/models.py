"""Table models of the sync views. Each holds ids (or a small report) and fetches rows lazily."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import Any

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QBrush, QColor

from app.domain.deadlines import WarningColour
from app.domain.formats import chinese_date
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
from app.ui.table import Column, Query, TableModel

COLOURS = {
    WarningColour.GREEN: QColor("#d8f0d8"),
    WarningColour.YELLOW: QColor("#fff1b8"),
    WarningColour.RED: QColor("#f8d0d0"),
}
DIFF = QColor("#fff1b8")


def _count_of(kind: str) -> Callable[[tuple[str, dict[str, int]]], int]:
    return lambda r: r[1].get(kind, 0)


class ReportModel(TableModel[str, tuple[str, dict[str, int]]]):
    """What an import did, per kind: new, updated, unchanged, conflict."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__([], parent=parent)
        columns: list[Column[tuple[str, dict[str, int]]]] = [
            Column(self.tr("Kind"), lambda r: KIND_LABELS.get(r[0], r[0]))
        ]
        titles = [self.tr("New"), self.tr("Updated"), self.tr("Unchanged"), self.tr("Conflicts")]
        for title, kind in zip(titles, KINDS, strict=True):
            columns.append(Column(title, _count_of(kind)))
        self.set_columns(columns)

    def set_report(self, report: ImportReport | None) -> None:
        rows = (
            [] if report is None else [(k, c) for k, c in report.counts.items() if any(c.values())]
        )
        self.set_items(rows, lambda r: r[0])


class ConflictListModel(TableModel[str, ConflictView]):
    """Conflicts by id; each row read when shown."""

    def __init__(
        self,
        fetch: Callable[[Sequence[str]], Mapping[str, ConflictView]],
        query: Query | None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__([], fetch=fetch, query=query, parent=parent)
        columns: list[Column[ConflictView]] = [
            Column(self.tr("Kind"), lambda c: c.kind_label),
            Column(self.tr("Team"), lambda c: c.team_name),
            Column(self.tr("Record"), lambda c: c.record_id[:8]),
            Column(self.tr("Status"), lambda c: c.status_label),
        ]
        self.set_columns(columns)

    def set_ids(self, ids: list[str], first: Mapping[str, ConflictView] | None = None) -> None:
        self.set_keys(ids, first)

    def id_at(self, row: int) -> str | None:
        return self.key_at(row)

    def item(self, row: int) -> ConflictView | None:
        return self.record(row)


class ComparisonModel(TableModel[str, tuple[str, Any, Any]]):
    """Both versions of a conflicting row side by side, field by field; differences marked."""

    def __init__(self, may_see_protected: bool = False, parent: QObject | None = None) -> None:
        super().__init__([], parent=parent)
        self._view: ConflictView | None = None
        self._may_see = may_see_protected
        diff = {int(Qt.ItemDataRole.BackgroundRole): _diff}
        columns: list[Column[tuple[str, Any, Any]]] = [
            Column(self.tr("Field"), lambda f: FIELD_LABELS.get(f[0], f[0])),
            Column(self.tr("Office version"), lambda f: self._text(f[0], f[1]), diff),
            Column(self.tr("Incoming version"), lambda f: self._text(f[0], f[2]), diff),
        ]
        self.set_columns(columns)

    def set_conflict(self, view: ConflictView | None) -> None:
        self._view = view
        names = [] if view is None else [c for c in view.incoming if c not in META]
        rows = [] if view is None else [(n, view.local.get(n), view.incoming.get(n)) for n in names]
        self.set_items(rows, lambda f: f[0])

    def _text(self, name: str, value: Any) -> Any:
        view = self._view
        assert view is not None
        return display_value(view.table, name, masked(view, name, value, may_see=self._may_see))


def _diff(f: tuple[str, Any, Any]) -> QBrush | None:
    return QBrush(DIFF) if f[1] != f[2] else None


def _short(text: str) -> str:
    return text if len(text) <= 40 else text[:39] + "…"


def _warning(r: OverviewRow) -> QBrush | None:
    colour = COLOURS.get(r.colour)
    return None if colour is None else QBrush(colour)


class OverviewModel(TableModel[str, OverviewRow]):
    """Problems across teams by id; rows read a page at a time when shown."""

    def __init__(
        self,
        fetch: Callable[[Sequence[str]], Mapping[str, OverviewRow]],
        query: Query | None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__([], fetch=fetch, query=query, parent=parent)
        tip = {int(Qt.ItemDataRole.ToolTipRole): lambda r: r.description}
        columns: list[Column[OverviewRow]] = [
            Column(self.tr("Team"), lambda r: r.team),
            Column(self.tr("Township"), lambda r: r.township),
            Column(self.tr("Village"), lambda r: r.village),
            Column(self.tr("Problem"), lambda r: _short(r.description), tip),
            Column(self.tr("Track"), lambda r: "" if r.track is None else r.track.label),
            Column(self.tr("Status"), lambda r: r.status.label),
            Column(
                self.tr("Deadline"),
                lambda r: "" if r.deadline is None else chinese_date(r.deadline),
            ),
            Column(
                self.tr("Warning"),
                lambda r: r.colour.label,
                {int(Qt.ItemDataRole.BackgroundRole): _warning},
            ),
        ]
        self.set_columns(columns)

    def set_ids(self, ids: list[str], first: Mapping[str, OverviewRow] | None = None) -> None:
        self.set_keys(ids, first)

    def ids(self) -> list[str]:
        return self.keys()

    def id_at(self, row: int) -> str | None:
        return self.key_at(row)

    def item(self, row: int) -> OverviewRow | None:
        return self.record(row)
