"""中期评估, 验收 and 回头看 of a campaign village, and what they do to its tier.

- 中期评估 (进展正常 / 进展滞后): a record; the village stays under rectification.
- 验收 整顿转化: allowed only when every task is done; the village's tier moves one step up
  (差 → 中) unless the evaluation names another, and the 回头看 is due ``campaign_review_months``
  later (it appears on the due list). 验收 继续整治: the village stays under rectification, with
  the reasons written down; more tasks can be planned.
- 回头看 成效巩固: the tier moves up again (中 → 好); 出现反弹: back under rectification, tier 差.

Each tier change goes through the registry's override (:func:`~app.services.registry.triage.
apply_override`, the evaluation's reasons as its reason) and so into the village's tier history —
in the same transaction as the evaluation.
"""

from __future__ import annotations

from datetime import date

from app.domain.campaign import (
    CampaignRefused,
    EvaluationKind,
    Move,
    Outcome,
    check_text,
    evaluation_move,
    move,
    review_due,
    tier_after,
)
from app.domain.vocabulary import Tier
from app.services.campaign.common import Changed, live_campaign, require_office, today_or
from app.services.campaign.plan import running_tasks
from app.services.registry.tier_history import effective_tier
from app.services.registry.triage import apply_override, load_rule
from app.services.registry.villages import RegistryError
from app.services.settings import load_settings
from app.storage.models import CampaignEvaluation, User, Village
from app.storage.workspace import Workspace

__all__ = ["evaluate"]


def evaluate(
    ws: Workspace,
    campaign_id: str,
    *,
    kind: EvaluationKind,
    outcome: Outcome,
    reasons: str,
    on: date | None = None,
    tier: Tier | None = None,
    today: date | None = None,
) -> Changed:
    """Record an evaluation (see the module docstring); ``tier`` overrides the default move."""
    require_office(ws, kind.label)
    what = evaluation_move(kind, outcome)
    reasons = check_text(reasons, "评估意见", "reasons")
    today = today_or(today)
    on = on or today
    if on > today:
        raise CampaignRefused("评估日期不能晚于今天。", "on")
    settings = load_settings(ws)
    rule = load_rule(ws)
    out = Changed()
    with ws.session() as s:
        row = live_campaign(s, campaign_id)
        after = move(row.status, what)
        if row.started_on is not None and on < row.started_on:
            raise CampaignRefused("评估日期不能早于区委决定日期。", "on")
        if what is Move.ACCEPT_TRANSFORMED:
            left = running_tasks(s, row.id)
            if left:
                raise CampaignRefused(f"尚有{left}项整治任务未完成，不能验收为整顿转化。")
        village = s.get(Village, row.village_id)
        if village is None:
            raise CampaignRefused("找不到这个村（社区）。")
        current = effective_tier(village)
        new_tier = tier if tier is not None else tier_after(what, current)
        user = s.get(User, ws.user_id)
        ev = CampaignEvaluation(
            campaign_id=row.id,
            village_id=row.village_id,
            kind=kind,
            evaluated_on=on,
            outcome=outcome,
            reasons=reasons,
            tier_after=new_tier,
            evaluator=(user.display_name if user else ws.username)[:64],
        )
        s.add(ev)
        row.status = after
        if what is Move.ACCEPT_TRANSFORMED:
            row.accepted_on = on
            row.review_due = review_due(on, settings.campaign_review_months)
        elif what is Move.REVIEW_RELAPSED:
            row.review_due = None
        s.add(row)
        s.flush()
        out.add(ev)
        out.add(row)
        if new_tier is not None and new_tier != current:
            try:
                changed = apply_override(
                    s,
                    row.village_id,
                    new_tier,
                    f"集中整治{kind.label}：{outcome.label}。{reasons}",
                    rule,
                    on=on,
                    source="campaign",
                )
            except RegistryError as exc:
                raise CampaignRefused(str(exc)) from None
            out.ids["village"].append(row.village_id)
            if changed.tier_change_id:
                out.ids["village_tier_change"].append(changed.tier_change_id)
        s.audit("campaign_evaluate", ev, note=f"{kind.value} {outcome.value}")
        s.commit()
    out.message = f"已登记{kind.label}：{outcome.label}。"
    return out
