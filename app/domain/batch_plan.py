"""The batch plan of a round as plain data: batches (第一批 …) in phases ①②③ and their villages.

The services build it from the workspace (:mod:`app.services.registry.batch_plan`); the batch plan
paper (:mod:`app.documents.batch_plan_doc`) and the window print and edit it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from app.domain.errors import UserError
from app.domain.formats import batch_ordinal
from app.domain.vocabulary import Channel, InspectionStyle, Phase, Tier


class PlanError(UserError, ValueError):
    """A change the plan cannot take (one line of Chinese)."""


PHASE_SHORT = {
    Phase.TROUBLED_FIRST: "第一步",
    Phase.STEADY: "第二步",
    Phase.FULL_SPEED: "第三步",
}


@dataclass(frozen=True)
class PlanEntry:
    """A village as the plan shows it."""

    village_id: str
    township: str
    name: str
    code: str
    tier: Tier
    style: InspectionStyle
    channels: tuple[Channel, ...]


@dataclass
class PlanBatch:
    number: int
    phase: Phase
    village_ids: list[str] = field(default_factory=list)
    starts_on: date | None = None
    ends_on: date | None = None

    @property
    def label(self) -> str:
        return batch_ordinal(self.number)


@dataclass
class BatchPlan:
    """Batches (numbered from 1, in order) and the villages not in any batch."""

    round_name: str
    batches: list[PlanBatch]
    villages: dict[str, PlanEntry]
    unassigned: list[str] = field(default_factory=list)

    def batch(self, number: int) -> PlanBatch:
        for b in self.batches:
            if b.number == number:
                return b
        raise PlanError(f"没有{batch_ordinal(number)}")

    def batch_of(self, village_id: str) -> int | None:
        for b in self.batches:
            if village_id in b.village_ids:
                return b.number
        return None

    def move(self, village_id: str, number: int | None) -> None:
        """Put a village in batch ``number`` (a new last batch if it is one past the end);
        ``None`` takes it out of every batch."""
        if village_id not in self.villages:
            raise PlanError("该村（社区）不在名录中")
        if number is not None and number == len(self.batches) + 1:
            phase = self.batches[-1].phase if self.batches else Phase.TROUBLED_FIRST
            self.batches.append(PlanBatch(number, phase))
        target = self.batch(number) if number is not None else None
        for b in self.batches:
            if village_id in b.village_ids:
                b.village_ids.remove(village_id)
        if village_id in self.unassigned:
            self.unassigned.remove(village_id)
        if target is None:
            self.unassigned.append(village_id)
        else:
            target.village_ids.append(village_id)

    def set_phase(self, number: int, phase: Phase) -> None:
        self.batch(number).phase = phase

    def drop_empty(self) -> None:
        """Remove empty batches and renumber the rest from 1."""
        kept = [b for b in self.batches if b.village_ids]
        for n, b in enumerate(kept, 1):
            b.number = n
        self.batches = kept


# -- rows for print and Excel ----------------------------------------------------------------------

PLAN_HEADER = ("批次", "阶段", "序号", "乡镇（街道）", "村（社区）", "类别", "巡察方式", "列入渠道")


def plan_rows(plan: BatchPlan) -> list[tuple[str, str, int, str, str, str, str, str]]:
    """One row per village in batch order: batch, phase, number within the batch, …"""
    out: list[tuple[str, str, int, str, str, str, str, str]] = []
    for b in plan.batches:
        for n, vid in enumerate(b.village_ids, 1):
            e = plan.villages[vid]
            out.append(
                (
                    b.label,
                    b.phase.label,
                    n,
                    e.township,
                    e.name,
                    e.tier.label,
                    e.style.label,
                    "、".join(_short(c) for c in e.channels) or "—",
                )
            )
    return out


def _short(channel: Channel) -> str:
    return channel.label.removesuffix("村")


def phase_counts(plan: BatchPlan) -> dict[Phase, tuple[int, int]]:
    """Per phase: (batches, villages)."""
    out = {p: (0, 0) for p in Phase}
    for b in plan.batches:
        n_b, n_v = out[b.phase]
        out[b.phase] = (n_b + 1, n_v + len(b.village_ids))
    return out
