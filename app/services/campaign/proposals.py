"""From the villages' 巡察报告 to the district committee's decision.

:func:`candidates` lists every village whose 巡察报告 recommends 集中整治 (the same rule and
the same facts the village report prints:
:func:`~app.services.followup.village_report.concentration_facts`), with its reasons.
:func:`propose` gathers the chosen ones into a 建议 (one ``campaign_proposal``, one
``campaign_village`` per village, status 已建议) and :func:`write_proposal` prints it:
关于对XX村等N个村开展集中整治的建议. :func:`decide` records the committee's decision — date and
文号 — for recommended villages and for villages added without a recommendation (a reason is then
required); :func:`decline` marks a recommended village the committee did not take.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from sqlmodel import col, select

from app.documents.campaign_proposal import (
    ProposalDoc,
    ProposalVillage,
    proposal_file_name,
    render_proposal,
)
from app.domain.campaign import (
    CampaignRefused,
    CampaignStatus,
    Move,
    check_doc_number,
    check_text,
    move,
)
from app.domain.followup import concentration_reasons
from app.files import atomic_write_bytes
from app.services.campaign.common import (
    DEFAULT_MEMBER_UNITS,
    Changed,
    require_office,
    today_or,
    village_places,
)
from app.services.followup.due import warning_settings
from app.services.followup.numbering import own_team
from app.services.followup.village_report import concentration_facts, concentration_rule
from app.services.fonts import workspace_fonts
from app.services.settings import Settings, load_settings
from app.storage.models import CampaignDecision, CampaignProposal, CampaignVillage
from app.storage.session import WorkspaceSession
from app.storage.workspace import Workspace

__all__ = [
    "Candidate",
    "candidates",
    "decide",
    "decline",
    "proposal_doc",
    "proposal_pdf",
    "propose",
    "write_proposal",
]

_OPEN = frozenset(
    {
        CampaignStatus.RECOMMENDED,
        CampaignStatus.DECIDED,
        CampaignStatus.UNDER_WAY,
        CampaignStatus.KEPT,
        CampaignStatus.TRANSFORMED,
    }
)
"""A village in one of these already has its campaign: it is not proposed again."""


@dataclass(frozen=True)
class Candidate:
    village_id: str
    township: str
    village: str
    tier_label: str
    problems: int
    clues: int
    overdue: int
    reasons: tuple[str, ...]
    status: CampaignStatus | None
    """The village's current campaign status (None: none yet)."""


def _statuses(s: WorkspaceSession) -> dict[str, CampaignStatus]:
    out: dict[str, CampaignStatus] = {}
    for vid, status in s.exec(
        select(col(CampaignVillage.village_id), col(CampaignVillage.status))
        .where(col(CampaignVillage.retired_at).is_(None))
        .order_by(col(CampaignVillage.created_at))
    ).all():
        out[vid] = status  # the newest row wins
    return out


def candidates(ws: Workspace, today: date | None = None) -> list[Candidate]:
    """Every live village whose 巡察报告 recommends 集中整治, by township and name."""
    today = today_or(today)
    settings = load_settings(ws)
    rule = concentration_rule(settings)
    with ws.session() as s:
        facts = concentration_facts(s, today, warning_settings(settings))
        places = village_places(s)
        statuses = _statuses(s)
    out: list[Candidate] = []
    for vid, f in facts.items():
        reasons = concentration_reasons(rule, f)
        if not reasons or vid not in places:
            continue
        town, name, _ = places[vid]
        out.append(
            Candidate(
                vid,
                town,
                name,
                f.tier_label,
                f.problems,
                f.clues,
                f.overdue,
                tuple(reasons),
                statuses.get(vid),
            )
        )
    out.sort(key=lambda c: (c.township, c.village))
    return out


def _member_units(settings: Settings, township: str) -> str:
    units = list(settings.campaign_member_units or DEFAULT_MEMBER_UNITS)
    if township and township not in units:
        units.append(township)
    return "、".join(units)


def propose(
    ws: Workspace,
    village_ids: Sequence[str] | None = None,
    *,
    on: date | None = None,
    doc_number: str = "",
) -> Changed:
    """Gather recommended villages (all open candidates when ``village_ids`` is None) into a 建议.

    A village whose report does not recommend 集中整治, or that already has a campaign, is refused:
    the committee can still add such a village in its decision, with a reason.
    """
    require_office(ws, "提出集中整治建议")
    on = today_or(on)
    found = {c.village_id: c for c in candidates(ws, on)}
    if village_ids is None:
        chosen = [c for c in found.values() if c.status not in _OPEN]
        if not chosen:
            raise CampaignRefused("没有巡察报告建议开展集中整治、且尚未提出建议的村（社区）。")
    else:
        if not village_ids:
            raise CampaignRefused("请选择要建议集中整治的村（社区）。")
        chosen = []
        for vid in dict.fromkeys(village_ids):
            c = found.get(vid)
            if c is None:
                raise CampaignRefused(
                    "所选村（社区）的巡察报告未建议开展集中整治；如需列入，"
                    "请在登记区委决定时直接列入并说明理由。"
                )
            if c.status in _OPEN:
                raise CampaignRefused(
                    f"{c.township}{c.village}已在集中整治名单中（{c.status.label}）。"
                )
            chosen.append(c)
    settings = load_settings(ws)
    out = Changed()
    with ws.session() as s:
        team = own_team(s, ws.user_id)
        proposal = CampaignProposal(
            proposed_on=on,
            doc_number=doc_number.strip()[:64],
            issuer=team.issuing_body or team.name,
        )
        s.add(proposal)
        s.flush()
        out.add(proposal)
        for c in chosen:
            row = CampaignVillage(
                village_id=c.village_id,
                proposal_id=proposal.id,
                status=CampaignStatus.RECOMMENDED,
                reasons="；".join(c.reasons),
                lead_unit=settings.campaign_lead_unit,
                member_units=_member_units(settings, c.township),
            )
            s.add(row)
            out.add(row)
        s.flush()
        s.audit("campaign_propose", proposal, note=f"{len(chosen)} 个村（社区）")
        s.commit()
    out.message = f"已提出建议：{len(chosen)}个村（社区）。"
    return out


def proposal_doc(ws: Workspace, proposal_id: str) -> ProposalDoc:
    settings = load_settings(ws)
    with ws.session() as s:
        p = s.get(CampaignProposal, proposal_id)
        if p is None or p.retired_at is not None:
            raise CampaignRefused("找不到这份集中整治建议。")
        rows = s.exec(
            select(CampaignVillage).where(
                CampaignVillage.proposal_id == p.id, col(CampaignVillage.retired_at).is_(None)
            )
        ).all()
        facts = concentration_facts(
            s, p.proposed_on, warning_settings(settings), [r.village_id for r in rows]
        )
        places = village_places(s)
    villages = []
    for r in rows:
        town, name, _ = places.get(r.village_id, ("", "", ""))
        f = facts.get(r.village_id)
        villages.append(
            ProposalVillage(
                township=town,
                village=name,
                tier_label=f.tier_label if f else "",
                problems=f.problems if f else 0,
                clues=f.clues if f else 0,
                reasons=tuple(x for x in r.reasons.split("；") if x),
            )
        )
    villages.sort(key=lambda v: (v.township, v.village))
    return ProposalDoc(
        committee=settings.campaign_committee,
        issuer=p.issuer,
        on=p.proposed_on,
        doc_number=p.doc_number,
        villages=villages,
        lead_unit=settings.campaign_lead_unit,
        member_units=tuple(settings.campaign_member_units or DEFAULT_MEMBER_UNITS),
        review_months=settings.campaign_review_months,
    )


def proposal_pdf(ws: Workspace, proposal_id: str) -> tuple[bytes, str]:
    """The 建议 as PDF bytes and its file name, for the window's preview; audited as printed."""
    doc = proposal_doc(ws, proposal_id)
    data = render_proposal(doc, fonts=workspace_fonts(ws))
    with ws.session() as s:
        s.audit("print_campaign_proposal", s.get(CampaignProposal, proposal_id), note="preview")
        s.commit()
    return data, proposal_file_name(doc)


def write_proposal(ws: Workspace, proposal_id: str, out: Path) -> Path:
    """Print the 建议 as PDF (``out``: a file, or a folder for the standard name); audited."""
    doc = proposal_doc(ws, proposal_id)
    path = out / proposal_file_name(doc) if out.is_dir() else out
    atomic_write_bytes(path, render_proposal(doc, fonts=workspace_fonts(ws)))
    with ws.session() as s:
        p = s.get(CampaignProposal, proposal_id)
        s.audit("print_campaign_proposal", p, note=path.name)
        s.commit()
    return path


def decide(
    ws: Workspace,
    *,
    decided_on: date,
    doc_number: str,
    village_ids: Sequence[str] = (),
    added: Mapping[str, str] | None = None,
    body: str = "",
    decline_others: bool = False,
) -> Changed:
    """Record the committee's decision: ``village_ids`` recommended villages it took, ``added``
    villages it put under 集中整治 without a recommendation (village id → reason).

    ``decline_others`` marks every other recommended village 未列入.
    """
    require_office(ws, "登记区委决定")
    number = check_doc_number(doc_number)
    added = dict(added or {})
    if not village_ids and not added:
        raise CampaignRefused("区委决定须至少列入一个村（社区）。")
    settings = load_settings(ws)
    out = Changed()
    with ws.session() as s:
        places = village_places(s)
        decision = CampaignDecision(
            decided_on=decided_on,
            doc_number=number,
            body=(body or settings.campaign_committee).strip()[:100],
        )
        s.add(decision)
        s.flush()
        out.add(decision)
        latest = _latest_rows(s)
        for vid in dict.fromkeys(village_ids):
            row = latest.get(vid)
            if row is None or row.status not in (
                CampaignStatus.RECOMMENDED,
                CampaignStatus.DECLINED,
            ):
                name = "".join(places.get(vid, ("", "该村（社区）", ""))[:2])
                raise CampaignRefused(
                    f"{name}不在建议名单中；未经建议列入的，请说明理由（--add 村名=理由）。"
                )
            row.status = move(row.status, Move.DECIDE)
            _take(row, decision, decided_on)
            s.add(row)
            out.add(row)
        for vid, reason in added.items():
            if vid not in places:
                raise CampaignRefused("找不到要列入的村（社区）。")
            text = check_text(reason, "直接列入的理由", "reason")
            row = latest.get(vid)
            if row is not None and row.status in (
                CampaignStatus.RECOMMENDED,
                CampaignStatus.DECLINED,
            ):
                row.added_reason = text
                row.status = move(row.status, Move.DECIDE)
            elif row is not None and row.status in _OPEN:
                town, name, _ = places[vid]
                raise CampaignRefused(f"{town}{name}已在集中整治中（{row.status.label}）。")
            else:
                row = CampaignVillage(
                    village_id=vid,
                    status=move(None, Move.DECIDE),
                    added_reason=text,
                    lead_unit=settings.campaign_lead_unit,
                    member_units=_member_units(settings, places[vid][0]),
                )
            _take(row, decision, decided_on)
            s.add(row)
            out.add(row)
        if decline_others:
            taken = set(village_ids) | set(added)
            for vid, row in latest.items():
                if vid not in taken and row.status is CampaignStatus.RECOMMENDED:
                    row.status = move(row.status, Move.DECLINE)
                    s.add(row)
                    out.add(row)
        s.flush()
        n = len(set(village_ids) | set(added))
        s.audit("campaign_decide", decision, note=f"{n} 个村（社区）")
        s.commit()
    out.message = f"已登记区委决定（{number}）：{n}个村（社区）列入集中整治。"
    return out


def _take(row: CampaignVillage, decision: CampaignDecision, on: date) -> None:
    row.decision_id = decision.id
    row.started_on = on


def _latest_rows(s: WorkspaceSession) -> dict[str, CampaignVillage]:
    out: dict[str, CampaignVillage] = {}
    for row in s.exec(
        select(CampaignVillage)
        .where(col(CampaignVillage.retired_at).is_(None))
        .order_by(col(CampaignVillage.created_at))
    ).all():
        out[row.village_id] = row
    return out


def decline(ws: Workspace, campaign_id: str) -> Changed:
    """A recommended village the committee did not take (未列入)."""
    require_office(ws, "登记区委决定")
    out = Changed()
    with ws.session() as s:
        row = s.get(CampaignVillage, campaign_id)
        if row is None or row.retired_at is not None:
            raise CampaignRefused("找不到这个集中整治村（社区）。")
        row.status = move(row.status, Move.DECLINE)
        s.add(row)
        out.add(row)
        s.commit()
    return out
