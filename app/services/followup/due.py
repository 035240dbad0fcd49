"""What is due soon and overdue: notices, ledger items and clue transfers still running.

An item is listed while its deadline still runs (``WAITING_ON_DEADLINE``: a notice not yet
answered, a ledger item not yet ticked off, a clue with no feedback yet) and it has a warning
colour (三色预警, thresholds from the settings); ``everything=True`` lists every running item.
Rows are sorted most urgent first (fewest days left), then by kind and number.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from datetime import date
from typing import Any

from sqlmodel import col, select

from app.domain.deadlines import WarningColour, WarningSettings, days_left, warning_colour
from app.domain.followup import WAITING_ON_DEADLINE, ItemKind, status_label
from app.services.settings import Settings, load_settings
from app.storage.models import (
    ClueTransfer,
    LedgerItem,
    Problem,
    RectificationNotice,
    Township,
    Village,
)
from app.storage.workspace import Workspace

__all__ = ["DueRow", "due_items", "item_colour", "warning_settings"]

_KIND_ORDER = {ItemKind.NOTICE: 0, ItemKind.CLUE: 1, ItemKind.LEDGER: 2}


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


def due_items(
    ws: Workspace, today: date | None = None, *, everything: bool = False
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
            if colour is WarningColour.NONE and not everything:
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

        running = WAITING_ON_DEADLINE
        for n in s.exec(
            select(RectificationNotice).where(
                col(RectificationNotice.retired_at).is_(None),
                col(RectificationNotice.status).in_(list(running[ItemKind.NOTICE])),
            )
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
        for c in s.exec(
            select(ClueTransfer).where(
                col(ClueTransfer.retired_at).is_(None),
                col(ClueTransfer.status).in_(list(running[ItemKind.CLUE])),
            )
        ):
            add(
                ItemKind.CLUE,
                c.id,
                c.doc_number or "（待编号）",
                problem_village.get(c.problem_id, ""),
                c.receiving_body.label,
                c.feedback_deadline,
                c.status,
            )
        for item in s.exec(
            select(LedgerItem).where(
                col(LedgerItem.retired_at).is_(None),
                col(LedgerItem.status).in_(list(running[ItemKind.LEDGER])),
            )
        ):
            add(
                ItemKind.LEDGER,
                item.id,
                "",
                item.village_id,
                item.supervisor,
                item.deadline,
                item.status,
            )
    rows.sort(key=lambda r: (r.days_left, _KIND_ORDER[r.kind], r.number, r.village))
    return rows
