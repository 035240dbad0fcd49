"""Triage of every village (好/中/差 and the inspection style) from its channel listings.

The rule is :class:`app.domain.triage.TriageRule`, tuned in the settings (weights per channel,
thresholds). :func:`run_triage` applies it to every live village and stores the rule's tier in
``Village.tier`` and the final style in ``Village.style``; a person's override (``tier_override``
with its written reason) always wins and is audited. :func:`triage_rows` gives each village's
result with the channels behind it, for the window and the command line.

Listings count when they are active (not replaced by a newer list) and belong to the current
round (or to no round).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import sqlalchemy as sa
from sqlmodel import col, or_, select

from app.domain.triage import DEFAULT_RULE, ManualOverride, TriageResult, TriageRule, triage
from app.domain.vocabulary import STYLE_FOR_TIER, Channel, Tier
from app.services.registry.villages import RegistryError, current_round
from app.services.settings import Settings, load_settings
from app.storage.bulk import bulk_update
from app.storage.models import Batch, ChannelListing, Township, Village
from app.storage.session import WorkspaceSession
from app.storage.workspace import Workspace


def rule_from_settings(settings: Settings) -> TriageRule:
    """The triage rule the settings describe (defaults where a setting is not given)."""
    weights = dict(DEFAULT_RULE.weights)
    for code, weight in (settings.triage_weights or {}).items():
        weights[Channel(code)] = int(weight)
    alone = (
        DEFAULT_RULE.poor_alone
        if settings.triage_poor_alone is None
        else frozenset(Channel(c) for c in settings.triage_poor_alone)
    )
    return TriageRule(
        weights=weights,
        middle_from=settings.triage_middle_from,
        poor_from=settings.triage_poor_from,
        poor_alone=alone,
        poor_from_channels=settings.triage_poor_from_channels,
        count_step=settings.triage_count_step,
        count_bonus_cap=settings.triage_count_bonus_cap,
    )


def load_rule(ws: Workspace) -> TriageRule:
    return rule_from_settings(load_settings(ws))


@dataclass(frozen=True)
class VillageTriage:
    """A village's triage: the rule's result (with any override applied) and where it is."""

    village_id: str
    township: str
    name: str
    code: str
    result: TriageResult
    batch_number: int | None
    override_reason: str

    @property
    def channels(self) -> tuple[Channel, ...]:
        return tuple(c.channel for c in self.result.contributions)


@dataclass(frozen=True)
class TriageRun:
    """What :func:`run_triage` changed."""

    changed: tuple[str, ...]
    counts: dict[Tier, int]
    villages: int


def _listings(s: WorkspaceSession) -> dict[str, list[tuple[Channel, int]]]:
    rnd = current_round(s)
    query = select(ChannelListing.village_id, ChannelListing.channel, ChannelListing.count).where(
        col(ChannelListing.active).is_(True), col(ChannelListing.retired_at).is_(None)
    )
    if rnd is not None:
        query = query.where(
            or_(col(ChannelListing.round_id) == rnd.id, col(ChannelListing.round_id).is_(None))
        )
    out: dict[str, list[tuple[Channel, int]]] = {}
    for vid, channel, count in s.exec(query).all():
        out.setdefault(vid, []).append((Channel(channel), int(count)))
    return out


def _override(v: Village) -> ManualOverride | None:
    if v.tier_override is None:
        return None
    return ManualOverride(v.tier_override, v.tier_override_reason or "（未写理由）")


def _live_villages(s: WorkspaceSession) -> list[Village]:
    return list(s.exec(select(Village).where(col(Village.retired_at).is_(None))).all())


def run_triage(ws: Workspace, rule: TriageRule | None = None) -> TriageRun:
    """Sort every live village; write only the villages whose tier or style changed."""
    rule = rule or load_rule(ws)
    with ws.session() as s:
        listings = _listings(s)
        counts = dict.fromkeys(Tier, 0)
        v = Village.__table__.c  # type: ignore[attr-defined]
        villages = (
            s.connection()
            .execute(
                sa.select(
                    v.id, v.version, v.tier, v.style, v.tier_override, v.tier_override_reason
                ).where(v.retired_at.is_(None))
            )
            .all()
        )
        updates: list[tuple[str, int, dict[str, Any]]] = []
        for vid, version, tier, style, override, reason in villages:
            manual = ManualOverride(override, reason or "（未写理由）") if override else None
            result = triage(listings.get(vid, ()), rule, manual)
            counts[result.tier] += 1
            new_style = STYLE_FOR_TIER[result.tier]
            if tier != result.rule_tier or style != new_style:
                updates.append((vid, version, {"tier": result.rule_tier, "style": new_style}))
        bulk_update(s, Village, updates)
        changed = [u[0] for u in updates]
        if changed:
            s.audit("triage", note=f"{len(changed)} 个村（社区）分类有变化")
        s.commit()
    return TriageRun(changed=tuple(changed), counts=counts, villages=len(villages))


def triage_rows(
    ws: Workspace, ids: Sequence[str] | None = None, rule: TriageRule | None = None
) -> list[VillageTriage]:
    """Each live village's triage (computed now, with the current rule), by township and code."""
    rule = rule or load_rule(ws)
    with ws.session() as s:
        listings = _listings(s)
        towns = {
            t.id: t for t in s.exec(select(Township).where(col(Township.retired_at).is_(None)))
        }
        batches = {b.id: b.number for b in s.exec(select(Batch))}
        villages = _live_villages(s)
    wanted = set(ids) if ids is not None else None
    out: list[VillageTriage] = []
    for v in villages:
        town = towns.get(v.township_id)
        if town is None or (wanted is not None and v.id not in wanted):
            continue
        out.append(
            VillageTriage(
                village_id=v.id,
                township=town.name,
                name=v.name,
                code=v.code,
                result=triage(listings.get(v.id, ()), rule, _override(v)),
                batch_number=batches.get(v.batch_id) if v.batch_id else None,
                override_reason=v.tier_override_reason,
            )
        )
    order = {tid: (t.code or "\uffff", t.name) for tid, t in towns.items()}
    town_of = {v.id: v.township_id for v in villages}
    out.sort(key=lambda r: (order[town_of[r.village_id]], r.code or "\uffff", r.name))
    return out


def explain(ws: Workspace, village_id: str) -> VillageTriage:
    rows = triage_rows(ws, [village_id])
    if not rows:
        raise RegistryError("该村（社区）不存在或已作废")
    return rows[0]


@dataclass(frozen=True)
class OverrideChange:
    village_id: str
    tier: Tier
    rule_tier: Tier
    overridden: bool


def set_override(ws: Workspace, village_id: str, tier: Tier, reason: str) -> OverrideChange:
    """A person sets the village's tier, with a written reason (audited)."""
    try:
        override = ManualOverride(tier, reason)
    except ValueError as exc:
        raise RegistryError(str(exc)) from None
    rule = load_rule(ws)
    with ws.session() as s:
        v = s.get(Village, village_id)
        if v is None or v.retired_at is not None:
            raise RegistryError("该村（社区）不存在或已作废")
        result = triage(_listings(s).get(v.id, ()), rule, override)
        v.tier_override = tier
        v.tier_override_reason = override.reason.strip()
        v.tier = result.rule_tier
        v.style = STYLE_FOR_TIER[tier]
        s.add(v)
        # The reason stays on the village row; the log names the tier only (a reason may name
        # a person, and no name ever goes to the audit log).
        s.audit("tier_override", v, note=tier.value)
        s.commit()
        return OverrideChange(v.id, tier, result.rule_tier, True)


def clear_override(ws: Workspace, village_id: str) -> OverrideChange:
    """Back to the rule's tier (audited as ``tier_override_cleared``)."""
    rule = load_rule(ws)
    with ws.session() as s:
        v = s.get(Village, village_id)
        if v is None or v.retired_at is not None:
            raise RegistryError("该村（社区）不存在或已作废")
        result = triage(_listings(s).get(v.id, ()), rule)
        v.tier_override = None
        v.tier_override_reason = ""
        v.tier = result.rule_tier
        v.style = STYLE_FOR_TIER[result.rule_tier]
        s.add(v)
        s.audit("tier_override_cleared", v, note=result.rule_tier.value)
        s.commit()
        return OverrideChange(v.id, result.rule_tier, result.rule_tier, False)
