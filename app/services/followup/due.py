"""What is due soon and overdue, and every followed item in any state.

:func:`due_items` (the ``due`` command): an item is listed while its deadline still runs
(``WAITING_ON_DEADLINE``: a notice not yet answered, a ledger item not yet ticked off, a clue with
no feedback yet) and it has a warning colour (三色预警, thresholds from the settings);
``everything=True`` lists every running item. The tasks of 集中整治 villages and their 回头看
dates are listed beside them (same three-colour rule, same list).

:func:`followup_items` (the window's list): every item in the chosen state (:class:`Show`), so
that an answered notice waiting for 核查 stays findable, and finished items (办结, 已销号) show
on request.

Rows are sorted most urgent first (fewest days left), then by kind and number.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass
from datetime import date
from enum import StrEnum
from typing import Any

from sqlmodel import col, select

from app.domain.deadlines import WarningColour, WarningSettings, days_left, warning_colour
from app.domain.followup import FINAL_STATUS, WAITING_ON_DEADLINE, ItemKind, status_label
from app.services.settings import Settings, load_settings
from app.storage.models import (
    CampaignTask,
    CampaignVillage,
    ClueTransfer,
    LedgerItem,
    Problem,
    RectificationNotice,
    Township,
    Village,
)
from app.storage.session import WorkspaceSession
from app.storage.workspace import Workspace

__all__ = [
    "DueRow",
    "Show",
    "due_items",
    "followup_items",
    "item_colour",
    "ledger_numbers",
    "warning_settings",
]

_KIND_ORDER = {
    ItemKind.NOTICE: 0,
    ItemKind.CLUE: 1,
    ItemKind.LEDGER: 2,
    ItemKind.CAMPAIGN_TASK: 3,
    ItemKind.CAMPAIGN_REVIEW: 4,
}


@dataclass(frozen=True)
class DueRow:
    kind: ItemKind
    item_id: str
    number: str
    village: str
    township: str
    unit: str
    deadline: date
    days_left: int
    colour: WarningColour
    status: str
    status_label: str

    @property
    def kind_label(self) -> str:
        return self.kind.label

    def as_json(self) -> dict[str, Any]:
        d = asdict(self)
        d["kind"] = self.kind.value
        d["kind_label"] = self.kind.label
        d["deadline"] = self.deadline.isoformat()
        d["colour"] = self.colour.value
        d["colour_label"] = self.colour.label
        return d


def warning_settings(settings: Settings) -> WarningSettings:
    return WarningSettings(
        green_within_days=settings.warn_green_days,
        yellow_within_days=settings.warn_yellow_days,
    )


def item_colour(
    kind: ItemKind, status: str, deadline: date, today: date, ws_settings: WarningSettings
) -> WarningColour:
    """The colour of an item: NONE once its deadline no longer runs (answered, closed …)."""
    running = str(status) in WAITING_ON_DEADLINE[kind]
    return warning_colour(deadline, today, ws_settings, closed=not running)


def ledger_numbers(s: WorkspaceSession, items: Sequence[LedgerItem]) -> dict[str, str]:
    """A ledger item's number in its village's ledger (``第3项``, in the order items were made;
    ledger items carry no document number)."""
    villages = {i.village_id for i in items}
    out: dict[str, str] = {}
    for vid in villages:
        ids = s.exec(
            select(LedgerItem.id)
            .where(LedgerItem.village_id == vid)
            .order_by(col(LedgerItem.created_at), col(LedgerItem.id))
        ).all()
        for n, lid in enumerate(ids, start=1):
            out[str(lid)] = f"第{n}项"
    return out


class Show(StrEnum):
    """Which items a follow-up list shows (the window's state filter)."""

    DUE = "due"  # running with a warning colour (due soon or overdue)
    OPEN = "open"  # not finished: running, answered and waiting for 核查, being handled
    DONE = "done"  # finished: 办结, 已销号, 了结
    ALL = "all"

    @property
    def label(self) -> str:
        return _SHOW_LABELS[self]


_SHOW_LABELS = {
    Show.DUE: "即将到期和逾期",
    Show.OPEN: "未办结",
    Show.DONE: "已办结、已销号",
    Show.ALL: "全部",
}


def due_items(
    ws: Workspace, today: date | None = None, *, everything: bool = False
) -> list[DueRow]:
    """Items whose deadline still runs: with a warning colour, or all of them (``everything``)."""

    def keep(kind: ItemKind, status: str, colour: WarningColour) -> bool:
        running = status in WAITING_ON_DEADLINE[kind]
        return running and (everything or colour is not WarningColour.NONE)

    return _listing(ws, today, keep)


def followup_items(
    ws: Workspace, today: date | None = None, *, show: Show = Show.OPEN
) -> list[DueRow]:
    """Every followed item in the chosen state (see :class:`Show`); finished ones on request."""

    def keep(kind: ItemKind, status: str, colour: WarningColour) -> bool:
        final = status in FINAL_STATUS[kind]
        if show is Show.DUE:
            return status in WAITING_ON_DEADLINE[kind] and colour is not WarningColour.NONE
        if show is Show.OPEN:
            return not final
        if show is Show.DONE:
            return final
        return True

    return _listing(ws, today, keep)


def _listing(
    ws: Workspace,
    today: date | None,
    keep: Callable[[ItemKind, str, WarningColour], bool],
) -> list[DueRow]:
    today = today or date.today()
    warn = warning_settings(load_settings(ws))
    rows: list[DueRow] = []
    with ws.session() as s:
        towns = {t.id: t.name for t in s.exec(select(Township)).all()}
        villages = {v.id: (v.name, towns.get(v.township_id, "")) for v in s.exec(select(Village))}
        problem_village = dict(
            s.exec(
                select(Problem.id, Problem.village_id).where(
                    col(Problem.id).in_(select(ClueTransfer.problem_id))
                )
            ).all()
        )

        def add(
            kind: ItemKind,
            item_id: str,
            number: str,
            village_id: str,
            unit: str,
            deadline: date,
            status: str,
        ) -> None:
            colour = item_colour(kind, status, deadline, today, warn)
            if not keep(kind, str(status), colour):
                return
            name, town = villages.get(village_id, ("", ""))
            rows.append(
                DueRow(
                    kind,
                    item_id,
                    number,
                    name,
                    town,
                    unit,
                    deadline,
                    days_left(deadline, today),
                    colour,
                    str(status),
                    status_label(kind, status),
                )
            )

        for n in s.exec(
            select(RectificationNotice).where(col(RectificationNotice.retired_at).is_(None))
        ):
            add(
                ItemKind.NOTICE,
                n.id,
                n.doc_number or "（待编号）",
                n.village_id,
                n.responsible_unit,
                n.deadline,
                n.status,
            )
        for c in s.exec(select(ClueTransfer).where(col(ClueTransfer.retired_at).is_(None))):
            add(
                ItemKind.CLUE,
                c.id,
                c.doc_number or "（待编号）",
                problem_village.get(c.problem_id, ""),
                c.receiving_body.label,
                c.feedback_deadline,
                c.status,
            )
        items = list(s.exec(select(LedgerItem).where(col(LedgerItem.retired_at).is_(None))))
        numbers = ledger_numbers(s, items)
        for item in items:
            add(
                ItemKind.LEDGER,
                item.id,
                numbers.get(item.id, ""),
                item.village_id,
                item.supervisor,
                item.deadline,
                item.status,
            )
        for task in s.exec(
            select(CampaignTask).where(
                col(CampaignTask.retired_at).is_(None),
            )
        ):
            add(
                ItemKind.CAMPAIGN_TASK,
                task.id,
                f"{task.heading.label}-{task.seq}",
                task.village_id,
                task.owner_unit,
                task.deadline,
                task.status,
            )
        for cv in s.exec(
            select(CampaignVillage).where(
                col(CampaignVillage.retired_at).is_(None),
                col(CampaignVillage.review_due).is_not(None),
            )
        ):
            assert cv.review_due is not None
            add(
                ItemKind.CAMPAIGN_REVIEW,
                cv.id,
                "",
                cv.village_id,
                cv.lead_unit,
                cv.review_due,
                cv.status,
            )
    rows.sort(key=lambda r: (r.days_left, _KIND_ORDER[r.kind], r.number, r.village))
    return rows
