"""A village's tier history (差 → 中 → 好): every change of its effective tier, dated, with why.

The effective tier is the override when a person set one, else the rule's. Triage, a person's
override (or clearing it) and a 集中整治 evaluation each write one row when — and only when — the
effective tier changes. :func:`tier_history` reads them back in order; a village whose first tier
came before history was kept starts with its current tier, undated.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlmodel import col, select

from app.domain.vocabulary import Tier
from app.storage.models import Village, VillageTierChange
from app.storage.session import WorkspaceSession
from app.storage.workspace import Workspace

__all__ = [
    "SOURCE_LABELS",
    "TierStep",
    "effective_tier",
    "record_tier_change",
    "tier_history",
]

SOURCE_LABELS: dict[str, str] = {
    "triage": "综合研判",
    "override": "人工调整",
    "override_cleared": "恢复研判结果",
    "campaign": "集中整治",
}


def effective_tier(v: Village) -> Tier | None:
    return v.tier_override or v.tier


def record_tier_change(
    s: WorkspaceSession,
    village_id: str,
    before: Tier | None,
    after: Tier | None,
    on: date,
    reason: str,
    source: str,
) -> VillageTierChange | None:
    """Add a history row in the caller's transaction when the effective tier really changes."""
    if after is None or before == after:
        return None
    row = VillageTierChange(
        village_id=village_id,
        changed_on=on,
        from_tier=before,
        to_tier=after,
        reason=reason.strip()[:2000],
        source=source,
    )
    s.add(row)
    return row


@dataclass(frozen=True)
class TierStep:
    on: date | None
    from_tier: Tier | None
    to_tier: Tier
    reason: str
    source: str

    @property
    def source_label(self) -> str:
        return SOURCE_LABELS.get(self.source, self.source)

    def describe(self) -> str:
        when = f"{self.on.year}年{self.on.month}月{self.on.day}日" if self.on else "（日期不详）"
        move = f"{self.from_tier.label} → " if self.from_tier else ""
        why = f"：{self.reason}" if self.reason else ""
        return f"{when} {move}{self.to_tier.label}（{self.source_label}）{why}"


def tier_history(ws: Workspace, village_id: str) -> list[TierStep]:
    with ws.session() as s:
        return history_in(s, village_id)


def history_in(s: WorkspaceSession, village_id: str) -> list[TierStep]:
    rows = s.exec(
        select(VillageTierChange)
        .where(
            VillageTierChange.village_id == village_id,
            col(VillageTierChange.retired_at).is_(None),
        )
        .order_by(col(VillageTierChange.changed_on), col(VillageTierChange.created_at))
    ).all()
    steps = [TierStep(r.changed_on, r.from_tier, r.to_tier, r.reason, r.source) for r in rows]
    v = s.get(Village, village_id)
    first = steps[0].from_tier if steps else (effective_tier(v) if v else None)
    if first is not None:
        steps.insert(0, TierStep(None, None, first, "记录分类历史之前的分类", "triage"))
    return steps
