"""What the window and the command line show of 集中整治: the list of villages and one village's
whole file (work group, plan under the four headings, progress, cases, 班子 changes, systems,
checks, evaluations, tier history).

Work-group members' names and phones are masked (张*, 139****1234) for users who may not see
protected names. Warning colours are the follow-up's (three-colour rule and thresholds from the
settings).
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date

import sqlalchemy as sa
from sqlmodel import col, select

from app.domain.campaign import (
    CampaignRefused,
    CampaignStatus,
    Heading,
    OrgIssue,
    SystemDef,
    TaskStatus,
    mask_name,
    mask_phone,
    system_label,
)
from app.domain.deadlines import WarningColour, days_left
from app.domain.followup import ItemKind
from app.domain.vocabulary import Tier
from app.services.attachments import PhotoInfo, photos_of
from app.services.campaign.common import (
    may_see_people,
    today_or,
    village_places,
    ws_catalogue,
)
from app.services.followup.due import item_colour, warning_settings
from app.services.registry.tier_history import TierStep, history_in
from app.services.settings import load_settings
from app.storage.models import (
    CampaignCadreChange,
    CampaignCase,
    CampaignCheck,
    CampaignDecision,
    CampaignEvaluation,
    CampaignMember,
    CampaignProgress,
    CampaignTask,
    CampaignVillage,
    ClueTransfer,
    DeadlineExtension,
    LedgerItem,
    RectificationNotice,
    Village,
    VillageSystem,
)
from app.storage.workspace import Workspace

__all__ = [
    "CampaignDetail",
    "CampaignRow",
    "LinkChoices",
    "TaskRow",
    "campaign_detail",
    "campaign_rows",
    "link_choices",
    "task_photos",
    "task_rows",
]


@dataclass(frozen=True)
class CampaignRow:
    campaign_id: str
    village_id: str
    township: str
    village: str
    status: CampaignStatus
    tier: Tier | None
    decision: str
    tasks: int
    done: int
    yellow: int
    red: int
    review_due: date | None

    @property
    def place(self) -> str:
        return f"{self.township}{self.village}"


def campaign_rows(
    ws: Workspace, today: date | None = None, *, include_declined: bool = False
) -> list[CampaignRow]:
    """Every live campaign village (newest row per village), by township and name."""
    today = today_or(today)
    warn = warning_settings(load_settings(ws))
    with ws.session() as s:
        places = village_places(s)
        tiers = {
            vid: override or tier
            for vid, tier, override in s.exec(
                select(col(Village.id), col(Village.tier), col(Village.tier_override)).where(
                    col(Village.retired_at).is_(None)
                )
            ).all()
        }
        decisions = {d.id: d.doc_number for d in s.exec(select(CampaignDecision)).all()}
        rows = s.exec(
            select(CampaignVillage)
            .where(col(CampaignVillage.retired_at).is_(None))
            .order_by(col(CampaignVillage.created_at))
        ).all()
        t = CampaignTask.__table__.c  # type: ignore[attr-defined]
        tasks = (
            s.connection()
            .execute(sa.select(t.campaign_id, t.status, t.deadline).where(t.retired_at.is_(None)))
            .all()
        )
    counts: dict[str, Counter[str]] = defaultdict(Counter)
    for cid, status, deadline in tasks:
        c = counts[cid]
        c["tasks"] += 1
        if status is TaskStatus.DONE:
            c["done"] += 1
        colour = item_colour(ItemKind.CAMPAIGN_TASK, status, deadline, today, warn)
        c[colour.value] += 1
    latest: dict[str, CampaignVillage] = {}
    for r in rows:
        latest[r.village_id] = r
    out: list[CampaignRow] = []
    for r in latest.values():
        if r.village_id not in places:
            continue
        if r.status is CampaignStatus.DECLINED and not include_declined:
            continue
        town, name, _ = places[r.village_id]
        c = counts[r.id]
        out.append(
            CampaignRow(
                r.id,
                r.village_id,
                town,
                name,
                r.status,
                tiers.get(r.village_id),
                decisions.get(r.decision_id or "", ""),
                c["tasks"],
                c["done"],
                c[WarningColour.YELLOW.value],
                c[WarningColour.RED.value],
                r.review_due,
            )
        )
    out.sort(key=lambda r: (r.township, r.village))
    return out


@dataclass(frozen=True)
class TaskRow:
    task_id: str
    heading: Heading
    seq: int
    title: str
    owner_unit: str
    deadline: date
    status: TaskStatus
    done_on: date | None
    colour: WarningColour
    days_left: int
    progress: str
    link: str
    """What it is tied to: 线索 文号, 通知书 文号, a system, one of 软散瘫恶乱."""

    @property
    def number(self) -> str:
        return f"{self.heading.label}-{self.seq}"


@dataclass(frozen=True)
class Member:
    member_id: str
    role: str
    name: str
    unit: str
    post: str
    phone: str


@dataclass
class CampaignDetail:
    campaign_id: str
    village_id: str
    township: str
    village: str
    status: CampaignStatus
    tier: Tier | None
    reasons: str
    added_reason: str
    decision: str
    decided_on: date | None
    lead_unit: str
    member_units: str
    linked_leader_post: str
    org_issues: list[str]
    accepted_on: date | None
    review_due: date | None
    members: list[Member] = field(default_factory=list)
    tasks: list[TaskRow] = field(default_factory=list)
    progress: dict[str, list[str]] = field(default_factory=dict)
    """task id → its progress entries and extensions, oldest first (one line each)."""
    cases: list[str] = field(default_factory=list)
    cadre_changes: list[str] = field(default_factory=list)
    systems: list[str] = field(default_factory=list)
    checks: list[str] = field(default_factory=list)
    evaluations: list[str] = field(default_factory=list)
    tier_history: list[TierStep] = field(default_factory=list)

    @property
    def place(self) -> str:
        return f"{self.township}{self.village}"

    def by_heading(self) -> dict[Heading, list[TaskRow]]:
        out: dict[Heading, list[TaskRow]] = {h: [] for h in Heading}
        for t in self.tasks:
            out[t.heading].append(t)
        return out


def _d(d: date) -> str:
    return f"{d.year}年{d.month}月{d.day}日"


def task_rows(ws: Workspace, campaign_id: str, today: date | None = None) -> list[TaskRow]:
    return campaign_detail(ws, campaign_id, today).tasks


def _task_link(
    t: CampaignTask,
    clue_numbers: Mapping[str, str | None],
    notice_numbers: Mapping[str, str | None],
    ledger_units: Mapping[str, str],
    systems: Iterable[SystemDef],
) -> str:
    """What a task is tied to: a clue, a notice, a ledger item, a system or an org issue."""
    if t.clue_transfer_id:
        return f"线索 {clue_numbers.get(t.clue_transfer_id) or '（待编号）'}"
    if t.notice_id:
        return f"通知书 {notice_numbers.get(t.notice_id) or '（待编号）'}"
    if t.ledger_item_id:
        return f"台账 {ledger_units.get(t.ledger_item_id, '')}".strip()
    if t.system:
        return system_label(t.system, systems)
    if t.org_issue is not None:
        return f"治“{t.org_issue.label}”"
    return ""


def campaign_detail(ws: Workspace, campaign_id: str, today: date | None = None) -> CampaignDetail:
    today = today_or(today)
    settings = load_settings(ws)
    warn = warning_settings(settings)
    systems = ws_catalogue(ws)
    see = may_see_people(ws)
    with ws.session() as s:
        row = s.get(CampaignVillage, campaign_id)
        if row is None or row.retired_at is not None:
            raise CampaignRefused("找不到这个集中整治村（社区）。")
        places = village_places(s)
        village = s.get(Village, row.village_id)
        decision = s.get(CampaignDecision, row.decision_id) if row.decision_id else None
        town, name, _ = places.get(row.village_id, ("", village.name if village else "", ""))
        issues = {i.value: i.label for i in OrgIssue}
        d = CampaignDetail(
            campaign_id=row.id,
            village_id=row.village_id,
            township=town,
            village=name,
            status=row.status,
            tier=(village.tier_override or village.tier) if village else None,
            reasons=row.reasons,
            added_reason=row.added_reason,
            decision=decision.doc_number if decision else "",
            decided_on=decision.decided_on if decision else None,
            lead_unit=row.lead_unit,
            member_units=row.member_units,
            linked_leader_post=row.linked_leader_post,
            org_issues=[issues[c] for c in row.org_issues.split(",") if c in issues],
            accepted_on=row.accepted_on,
            review_due=row.review_due,
        )
        for m in s.exec(
            select(CampaignMember)
            .where(CampaignMember.campaign_id == row.id, col(CampaignMember.retired_at).is_(None))
            .order_by(col(CampaignMember.created_at))
        ).all():
            d.members.append(
                Member(
                    m.id,
                    m.role.label,
                    m.name if see else mask_name(m.name),
                    m.unit,
                    m.post,
                    m.phone if see else mask_phone(m.phone),
                )
            )
        tasks = s.exec(
            select(CampaignTask)
            .where(CampaignTask.campaign_id == row.id, col(CampaignTask.retired_at).is_(None))
            .order_by(col(CampaignTask.heading), col(CampaignTask.seq))
        ).all()
        clue_numbers = dict(
            s.exec(
                select(col(ClueTransfer.id), col(ClueTransfer.doc_number)).where(
                    col(ClueTransfer.id).in_(
                        [t.clue_transfer_id for t in tasks if t.clue_transfer_id]
                    )
                )
            ).all()
        )
        notice_numbers = dict(
            s.exec(
                select(col(RectificationNotice.id), col(RectificationNotice.doc_number)).where(
                    col(RectificationNotice.id).in_([t.notice_id for t in tasks if t.notice_id])
                )
            ).all()
        )
        ledger_units = dict(
            s.exec(
                select(col(LedgerItem.id), col(LedgerItem.supervisor)).where(
                    col(LedgerItem.id).in_([t.ledger_item_id for t in tasks if t.ledger_item_id])
                )
            ).all()
        )
        order = {h: i for i, h in enumerate(Heading)}
        for t in sorted(tasks, key=lambda t: (order[t.heading], t.seq)):
            link = _task_link(t, clue_numbers, notice_numbers, ledger_units, systems)
            d.tasks.append(
                TaskRow(
                    t.id,
                    t.heading,
                    t.seq,
                    t.title,
                    t.owner_unit,
                    t.deadline,
                    t.status,
                    t.done_on,
                    item_colour(ItemKind.CAMPAIGN_TASK, t.status, t.deadline, today, warn),
                    days_left(t.deadline, today),
                    t.progress,
                    link,
                )
            )
        ids = [t.id for t in tasks]
        lines: dict[str, list[tuple[date, str]]] = defaultdict(list)
        for p in s.exec(
            select(CampaignProgress)
            .where(
                col(CampaignProgress.task_id).in_(ids), col(CampaignProgress.retired_at).is_(None)
            )
            .order_by(col(CampaignProgress.reported_on), col(CampaignProgress.created_at))
        ).all():
            who = f"（{p.reporter}）" if p.reporter else ""
            lines[p.task_id].append(
                (p.reported_on, f"{_d(p.reported_on)} {p.status_after.label}：{p.text}{who}")
            )
        for e in s.exec(
            select(DeadlineExtension).where(col(DeadlineExtension.item_id).in_(ids))
        ).all():
            lines[e.item_id].append(
                (e.decided_on, f"{_d(e.decided_on)} 时限延至{_d(e.new_deadline)}：{e.reason}")
            )
        d.progress = {
            k: [text for _, text in sorted(v, key=lambda x: x[0])] for k, v in lines.items()
        }
        for c in s.exec(
            select(CampaignCase)
            .where(
                CampaignCase.village_id == row.village_id, col(CampaignCase.retired_at).is_(None)
            )
            .order_by(col(CampaignCase.stage_on))
        ).all():
            clue = (
                f"（线索 {clue_numbers.get(c.clue_transfer_id or '') or '待编号'}）"
                if c.clue_transfer_id
                else ""
            )
            gang = "，涉黑涉恶" if c.gang_related else ""
            note = f"：{c.note}" if c.note else ""
            d.cases.append(f"{_d(c.stage_on)} {c.stage.label}{c.persons}人{gang}{clue}{note}")
        for ch in s.exec(
            select(CampaignCadreChange)
            .where(
                CampaignCadreChange.village_id == row.village_id,
                col(CampaignCadreChange.retired_at).is_(None),
            )
            .order_by(col(CampaignCadreChange.changed_on))
        ).all():
            note = f"：{ch.note}" if ch.note else ""
            d.cadre_changes.append(f"{_d(ch.changed_on)} {ch.kind.label}{ch.post}{note}")
        for vs in s.exec(
            select(VillageSystem).where(
                VillageSystem.village_id == row.village_id, col(VillageSystem.retired_at).is_(None)
            )
        ).all():
            since = f"，{_d(vs.since)}起" if vs.since else ""
            d.systems.append(
                f"{system_label(vs.system, systems)}：{vs.status.label}{since}"
                f"（{vs.practice.label}）"
            )
        for ck in s.exec(
            select(CampaignCheck)
            .where(CampaignCheck.campaign_id == row.id, col(CampaignCheck.retired_at).is_(None))
            .order_by(col(CampaignCheck.checked_on))
        ).all():
            d.checks.append(f"{_d(ck.checked_on)} {ck.checker}：{ck.rating.label}。{ck.findings}")
        for ev in s.exec(
            select(CampaignEvaluation)
            .where(
                CampaignEvaluation.campaign_id == row.id,
                col(CampaignEvaluation.retired_at).is_(None),
            )
            .order_by(col(CampaignEvaluation.evaluated_on), col(CampaignEvaluation.created_at))
        ).all():
            tier = f"，分类调整为“{ev.tier_after.label}”" if ev.tier_after else ""
            d.evaluations.append(
                f"{_d(ev.evaluated_on)} {ev.kind.label}：{ev.outcome.label}{tier}。{ev.reasons}"
            )
        d.tier_history = history_in(s, row.village_id)
    return d


def task_photos(ws: Workspace, task_id: str) -> list[PhotoInfo]:
    """Evidence photos of every progress entry of a task, oldest first."""
    with ws.session() as s:
        ids = s.exec(
            select(CampaignProgress.id)
            .where(CampaignProgress.task_id == task_id, col(CampaignProgress.retired_at).is_(None))
            .order_by(col(CampaignProgress.created_at))
        ).all()
    out: list[PhotoInfo] = []
    for pid in ids:
        out.extend(photos_of(ws, "campaign_progress", pid))
    return out


@dataclass(frozen=True)
class LinkChoices:
    """What a new task of a village may be tied to."""

    clues: list[tuple[str, str]]
    notices: list[tuple[str, str]]
    ledger: list[tuple[str, str]]
    systems: list[tuple[str, str]]


def link_choices(ws: Workspace, village_id: str) -> LinkChoices:
    """The village's clue transfers, notices and ledger items, and the systems, as (id, label)."""
    from app.services.followup.papers import protected_names, scrub
    from app.storage.models import Problem

    with ws.session() as s:
        names = protected_names(s)
        clues = s.exec(
            select(ClueTransfer, Problem)
            .join(Problem, col(Problem.id) == col(ClueTransfer.problem_id))
            .where(Problem.village_id == village_id, col(ClueTransfer.retired_at).is_(None))
            .order_by(col(ClueTransfer.transferred_on))
        ).all()
        notices = s.exec(
            select(RectificationNotice)
            .where(
                RectificationNotice.village_id == village_id,
                col(RectificationNotice.retired_at).is_(None),
            )
            .order_by(col(RectificationNotice.issued_on))
        ).all()
        ledger = s.exec(
            select(LedgerItem, Problem)
            .join(Problem, col(Problem.id) == col(LedgerItem.problem_id))
            .where(LedgerItem.village_id == village_id, col(LedgerItem.retired_at).is_(None))
        ).all()
    return LinkChoices(
        clues=[
            (c.id, f"{c.doc_number or '（待编号）'} {scrub(p.description, names)[:30]}")
            for c, p in clues
        ],
        notices=[(n.id, f"{n.doc_number or '（待编号）'} {n.responsible_unit}") for n in notices],
        ledger=[(i.id, scrub(p.description, names)[:30]) for i, p in ledger],
        systems=[(d.code, d.label) for d in ws_catalogue(ws)],
    )
