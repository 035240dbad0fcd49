"""Table models of the registry views: villages (ids, rows fetched lazily), an import's match
report, and the batch plan."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence

from PySide6.QtCore import QCoreApplication, QObject, Qt
from PySide6.QtGui import QBrush, QColor

from app.domain.batch_plan import BatchPlan, PlanEntry
from app.domain.formats import batch_ordinal
from app.domain.vocabulary import Tier
from app.services.registry.channels import ImportPlan, ImportRow, RowOutcome
from app.services.registry.villages import RegistryRow
from app.ui.table import Column, Query, TableModel

TIER_COLOURS = {"good": "#2e7d32", "middle": "#b26a00", "poor": "#c62828"}
OUTCOME_COLOURS = {
    RowOutcome.MATCHED: "#2e7d32",
    RowOutcome.NEW: "#1565c0",
    RowOutcome.AMBIGUOUS: "#c62828",
    RowOutcome.SKIPPED: "#6d6d6d",
}


def _tier_text(r: RegistryRow) -> str:
    if r.tier is None:
        return QCoreApplication.translate("RegistryModel", "Not triaged")
    manual = QCoreApplication.translate("RegistryModel", " (manual)") if r.overridden else ""
    return r.tier.label + manual


def _tier_brush(tier: Tier | None) -> QBrush | None:
    return None if tier is None else QBrush(QColor(TIER_COLOURS[tier.value]))


class RegistryModel(TableModel[str, RegistryRow]):
    """Villages by id; rows read a page at a time (off the GUI thread) when first shown."""

    def __init__(
        self,
        fetch: Callable[[Sequence[str]], Mapping[str, RegistryRow]],
        query: Query | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__([], fetch=fetch, query=query, parent=parent)
        self.set_columns(
            [
                Column(self.tr("Township"), lambda r: r.township),
                Column(self.tr("Village"), lambda r: r.name),
                Column(self.tr("Code"), lambda r: r.code),
                Column(
                    self.tr("Tier"),
                    _tier_text,
                    {int(Qt.ItemDataRole.ForegroundRole): lambda r: _tier_brush(r.tier)},
                ),
                Column(self.tr("Inspection style"), lambda r: r.style.label if r.style else ""),
                Column(
                    self.tr("Batch"),
                    lambda r: batch_ordinal(r.batch_number) if r.batch_number else "",
                ),
            ]
        )

    def set_ids(self, ids: Sequence[str], first: Mapping[str, RegistryRow] | None = None) -> None:
        self.set_keys(ids, first)

    def village_id(self, row: int) -> str | None:
        return self.key_at(row)


class ImportPreviewModel(TableModel[int, ImportRow]):
    """The rows of a channel list import with what happens to each and why (no ids: the report
    lives in memory until it is applied)."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__([], parent=parent)
        outcome_ink = {
            int(Qt.ItemDataRole.ForegroundRole): lambda r: QBrush(
                QColor(OUTCOME_COLOURS[r.outcome])
            )
        }
        self.set_columns(
            [
                Column(self.tr("Row"), lambda r: r.row_number),
                Column(self.tr("Outcome"), lambda r: r.outcome.label, outcome_ink),
                Column(self.tr("Channel"), lambda r: r.channel.label if r.channel else ""),
                Column(self.tr("Township given"), lambda r: r.township),
                Column(self.tr("Village given"), lambda r: r.village),
                Column(self.tr("Registry village"), lambda r: r.village_label),
                Column(self.tr("Count"), lambda r: r.count),
                Column(
                    self.tr("Reason"),
                    lambda r: r.reason,
                    {int(Qt.ItemDataRole.ToolTipRole): lambda r: r.reason},
                ),
            ]
        )

    def set_plan(self, plan: ImportPlan | None, outcome: RowOutcome | None = None) -> None:
        rows = list(plan.rows) if plan else []
        shown = [r for r in rows if outcome is None or r.outcome is outcome]
        self.set_items(shown, lambda r: r.row_number)

    def row_at(self, row: int) -> ImportRow | None:
        return self.record(row)


class PlanModel(TableModel[str, PlanEntry]):
    """The villages of a batch plan in batch order (the unassigned last), by id."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__([], parent=parent)
        self._plan: BatchPlan | None = None
        self.set_columns(
            [
                Column(self.tr("Batch"), self._batch_text),
                Column(self.tr("Phase"), self._phase_text),
                Column(self.tr("Township"), lambda e: e.township),
                Column(self.tr("Village"), lambda e: e.name),
                Column(
                    self.tr("Tier"),
                    lambda e: e.tier.label,
                    {int(Qt.ItemDataRole.ForegroundRole): lambda e: _tier_brush(e.tier)},
                ),
                Column(self.tr("Inspection style"), lambda e: e.style.label),
                Column(self.tr("Channels"), lambda e: "、".join(c.label for c in e.channels)),
            ]
        )

    def _batch_text(self, e: PlanEntry) -> str:
        number = self._plan.batch_of(e.village_id) if self._plan else None
        return batch_ordinal(number) if number else self.tr("Not in a batch")

    def _phase_text(self, e: PlanEntry) -> str:
        number = self._plan.batch_of(e.village_id) if self._plan else None
        return self._plan.batch(number).phase.label if self._plan and number else ""

    def set_plan(self, plan: BatchPlan | None) -> None:
        self._plan = plan
        ids = (
            [v for b in plan.batches for v in b.village_ids] + list(plan.unassigned) if plan else []
        )
        self.set_keys(ids, {} if plan is None else {v: plan.villages[v] for v in ids})
        self.show_all()

    @property
    def plan(self) -> BatchPlan | None:
        return self._plan

    def village_id(self, row: int) -> str | None:
        return self.key_at(row)
