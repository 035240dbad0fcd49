"""集中整治 and what follows a round: recommendations and decisions, work groups, the 一村一策 plan
under four headings with its progress, cases, 班子 changes, checks and evaluations; a village's tier
history; the 制度推广 matrix; the 典型问题清单 and the villages' self-check results.

Every table is synced. ``village_id`` is carried by every village-scoped row (also where a parent
has it) so that the office can send a team exactly the rows of the villages it covers.
``campaign_member`` holds people's names and phones: it stays at the office (never sent to a team)
and is masked for users who may not see protected names.
"""

from __future__ import annotations

from datetime import date

import sqlalchemy as sa
from sqlmodel import Field

from app.domain.campaign import (
    CadreChangeKind,
    CampaignStatus,
    CaseStage,
    CheckRating,
    EvaluationKind,
    MemberRole,
    OrgIssue,
    Outcome,
    Practice,
    SelfCheckFix,
    SelfCheckFound,
    SystemSource,
    SystemStatus,
    TaskStatus,
    Verdict,
)
from app.domain.campaign import (
    Heading as TaskHeading,
)
from app.domain.vocabulary import Tier
from app.storage.models.base import Synced, enum_field, fk, text_field
from app.storage.protect import Protected


class CampaignProposal(Synced, table=True):
    """The 建议 to the district committee: 关于对XX村等N个村开展集中整治的建议."""

    __tablename__ = "campaign_proposal"

    proposed_on: date = Field(nullable=False)
    doc_number: str = Field(default="", max_length=64, nullable=False)
    issuer: str = Field(default="", max_length=100, nullable=False)
    note: str = text_field()


class CampaignDecision(Synced, table=True):
    """The district committee's decision: which villages, when, under which 文号."""

    __tablename__ = "campaign_decision"

    decided_on: date = Field(nullable=False)
    doc_number: str = Field(max_length=64, nullable=False)
    body: str = Field(default="", max_length=100, nullable=False)
    note: str = text_field()


class CampaignVillage(Synced, table=True):
    """A village recommended for, or put under, 集中整治, with its work group's units."""

    __tablename__ = "campaign_village"
    __table_args__ = (sa.Index("ix_campaign_village_village_status", "village_id", "status"),)

    village_id: str = fk("village.id", nullable=False)
    proposal_id: str | None = fk("campaign_proposal.id")
    decision_id: str | None = fk("campaign_decision.id")
    status: CampaignStatus = enum_field(CampaignStatus, default=CampaignStatus.RECOMMENDED)
    reasons: str = text_field()
    added_reason: str = text_field()
    lead_unit: str = Field(default="区纪委监委", max_length=100, nullable=False)
    member_units: str = text_field()
    linked_leader_post: str = Field(default="", max_length=100, nullable=False)
    org_issues: str = Field(default="", max_length=64, nullable=False)
    started_on: date | None = None
    accepted_on: date | None = None
    review_due: date | None = Field(default=None, index=True)


class CampaignMember(Synced, table=True):
    """A person of a village's work group (protected: names and phones stay at the office)."""

    __tablename__ = "campaign_member"

    campaign_id: str = fk("campaign_village.id", nullable=False)
    village_id: str = fk("village.id", nullable=False)
    role: MemberRole = enum_field(MemberRole, default=MemberRole.MEMBER)
    # sealed by the program on a database server (see storage/protect.py), plain in SQLCipher
    name: str = Field(sa_type=Protected("campaign_member.name", 64), nullable=False)
    unit: str = Field(default="", max_length=100, nullable=False)
    post: str = Field(default="", max_length=64, nullable=False)
    phone: str = Field(default="", sa_type=Protected("campaign_member.phone", 40), nullable=False)


class CampaignTask(Synced, table=True):
    """One task of the 一村一策 plan under one of the four headings."""

    __tablename__ = "campaign_task"

    campaign_id: str = fk("campaign_village.id", nullable=False)
    village_id: str = fk("village.id", nullable=False)
    heading: TaskHeading = enum_field(TaskHeading, index=True)
    seq: int = Field(default=0, nullable=False)
    title: str = Field(max_length=200, nullable=False)
    detail: str = text_field()
    owner_unit: str = Field(default="", max_length=100, nullable=False)
    deadline: date = Field(nullable=False, index=True)
    status: TaskStatus = enum_field(TaskStatus, default=TaskStatus.PLANNED, index=True)
    done_on: date | None = None
    progress: str = text_field()
    clue_transfer_id: str | None = fk("clue_transfer.id")
    notice_id: str | None = fk("rectification_notice.id")
    ledger_item_id: str | None = fk("ledger_item.id")
    system: str = Field(default="", max_length=64, nullable=False)
    org_issue: OrgIssue | None = enum_field(OrgIssue, nullable=True)


class CampaignProgress(Synced, table=True):
    """A progress entry of a task (with evidence photos as attachments)."""

    __tablename__ = "campaign_progress"

    task_id: str = fk("campaign_task.id", nullable=False)
    village_id: str = fk("village.id", nullable=False)
    reported_on: date = Field(nullable=False)
    text: str = text_field()
    status_after: TaskStatus = enum_field(TaskStatus)
    reporter: str = Field(default="", max_length=64, nullable=False)


class CampaignCase(Synced, table=True):
    """A case under 抓坏人: linked to a clue transfer of the village, with how far it has gone."""

    __tablename__ = "campaign_case"

    task_id: str = fk("campaign_task.id", nullable=False)
    village_id: str = fk("village.id", nullable=False)
    clue_transfer_id: str | None = fk("clue_transfer.id")
    stage: CaseStage = enum_field(CaseStage)
    stage_on: date = Field(nullable=False)
    persons: int = Field(default=1, nullable=False)
    gang_related: bool = Field(default=False, nullable=False)
    note: str = text_field()


class CampaignCadreChange(Synced, table=True):
    """A change of the 两委 班子 under 强组织 (the post, not the person's name)."""

    __tablename__ = "campaign_cadre_change"

    task_id: str = fk("campaign_task.id", nullable=False)
    village_id: str = fk("village.id", nullable=False)
    kind: CadreChangeKind = enum_field(CadreChangeKind)
    post: str = Field(default="", max_length=64, nullable=False)
    changed_on: date = Field(nullable=False)
    note: str = text_field()


class CampaignCheck(Synced, table=True):
    """A monthly 督查 of a campaign village: who checked, what was found."""

    __tablename__ = "campaign_check"

    campaign_id: str = fk("campaign_village.id", nullable=False)
    village_id: str = fk("village.id", nullable=False)
    checked_on: date = Field(nullable=False, index=True)
    checker: str = Field(max_length=100, nullable=False)
    findings: str = text_field()
    rating: CheckRating = enum_field(CheckRating, default=CheckRating.NORMAL)


class CampaignEvaluation(Synced, table=True):
    """中期评估, 验收 or 回头看, with its conclusion and reasons."""

    __tablename__ = "campaign_evaluation"

    campaign_id: str = fk("campaign_village.id", nullable=False)
    village_id: str = fk("village.id", nullable=False)
    kind: EvaluationKind = enum_field(EvaluationKind)
    evaluated_on: date = Field(nullable=False)
    outcome: Outcome = enum_field(Outcome)
    reasons: str = text_field()
    tier_after: Tier | None = enum_field(Tier, nullable=True)
    evaluator: str = Field(default="", max_length=64, nullable=False)


class VillageTierChange(Synced, table=True):
    """A change of a village's tier (好/中/差) with its date and reason (its tier history)."""

    __tablename__ = "village_tier_change"

    village_id: str = fk("village.id", nullable=False)
    changed_on: date = Field(nullable=False)
    from_tier: Tier | None = enum_field(Tier, nullable=True)
    to_tier: Tier = enum_field(Tier)
    reason: str = text_field()
    source: str = Field(default="", max_length=32, nullable=False)


class VillageSystem(Synced, table=True):
    """A cell of the 制度推广 matrix: one system in one village (id fixed by the pair)."""

    __tablename__ = "village_system"

    village_id: str = fk("village.id", nullable=False)
    system: str = Field(max_length=64, nullable=False)
    status: SystemStatus = enum_field(SystemStatus, default=SystemStatus.NOT_YET)
    since: date | None = None
    source: SystemSource = enum_field(SystemSource, default=SystemSource.TASK)
    task_id: str | None = fk("campaign_task.id")
    practice: Practice = enum_field(Practice, default=Practice.UNKNOWN)
    practice_note: str = text_field()
    checked_on: date | None = None


class TypicalProblemList(Synced, table=True):
    """典型问题清单 published after a batch for the villages of later batches (未巡先改)."""

    __tablename__ = "typical_problem_list"

    round_id: str | None = fk("inspection_round.id")
    after_batch: int = Field(default=0, nullable=False)
    title: str = Field(max_length=200, nullable=False)
    published_on: date | None = None
    note: str = text_field()


class TypicalProblem(Synced, table=True):
    """One generalised problem of a list (no names, no village)."""

    __tablename__ = "typical_problem"

    list_id: str = fk("typical_problem_list.id", nullable=False)
    seq: int = Field(default=0, nullable=False)
    category: str = Field(default="", max_length=64, nullable=False)
    text: str = text_field()
    requirement: str = text_field()


class SelfCheckResult(Synced, table=True):
    """What a village reported of itself against one list item, and the team's verification."""

    __tablename__ = "selfcheck_result"

    village_id: str = fk("village.id", nullable=False)
    list_id: str = fk("typical_problem_list.id", nullable=False)
    item_id: str = fk("typical_problem.id", nullable=False)
    found: SelfCheckFound = enum_field(SelfCheckFound)
    fixed: SelfCheckFix = enum_field(SelfCheckFix, default=SelfCheckFix.NOT_NEEDED)
    note: str = text_field()
    reported_on: date = Field(nullable=False)
    reported_by: str = Field(default="", max_length=100, nullable=False)
    verdict: Verdict = enum_field(Verdict, default=Verdict.PENDING)
    verified_on: date | None = None
    verified_by: str = Field(default="", max_length=64, nullable=False)
    verify_note: str = text_field()
