"""Townships and their villages, as the navigator shows them."""

from __future__ import annotations

from dataclasses import dataclass, field

from sqlalchemy import func
from sqlmodel import col, select

from app.domain.vocabulary import InspectionStyle, Tier
from app.storage.models import Interview, OpinionEntry, Problem, Township, Village, Visit
from app.storage.workspace import Workspace


@dataclass(frozen=True)
class VillageRow:
    id: str
    name: str
    tier: Tier | None
    style: InspectionStyle | None
    visits: int
    entries: int
    interviews: int
    problems: int


@dataclass
class TownshipNode:
    id: str
    name: str
    villages: list[VillageRow] = field(default_factory=list)


def village_tree(ws: Workspace) -> list[TownshipNode]:
    """Every live township with its live villages and their record counts, sorted by code."""
    with ws.session() as s:
        counts: dict[str, dict[str, int]] = {}
        for name, model, key in (
            ("visits", Visit, Visit.village_id),
            ("entries", OpinionEntry, OpinionEntry.village_id),
            ("interviews", Interview, Interview.village_id),
            ("problems", Problem, Problem.village_id),
        ):
            rows = s.exec(
                select(key, func.count()).where(col(model.retired_at).is_(None)).group_by(key)
            ).all()
            counts[name] = {str(vid): int(n) for vid, n in rows}
        towns = s.exec(
            select(Township).where(col(Township.retired_at).is_(None)).order_by(Township.code)
        ).all()
        nodes = {t.id: TownshipNode(t.id, t.name) for t in towns}
        villages = s.exec(
            select(Village).where(col(Village.retired_at).is_(None)).order_by(Village.code)
        ).all()
        for v in villages:
            node = nodes.get(v.township_id)
            if node is None:
                continue
            node.villages.append(
                VillageRow(
                    id=v.id,
                    name=v.name,
                    tier=v.tier_override or v.tier,
                    style=v.style,
                    visits=counts["visits"].get(v.id, 0),
                    entries=counts["entries"].get(v.id, 0),
                    interviews=counts["interviews"].get(v.id, 0),
                    problems=counts["problems"].get(v.id, 0),
                )
            )
        return list(nodes.values())
