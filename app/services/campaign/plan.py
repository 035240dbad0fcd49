"""The work group and the 一村一策 plan of a campaign village.

- :func:`set_work_group`: lead unit (default 区纪委监委), member units, the 挂钩领导's post,
  and which of 软、散、瘫、恶、乱 the organisation suffers from; :func:`add_member` /
  :func:`retire_member`: the people (names and phones are protected).
- :func:`add_task`: a task under one of the four headings, with owner unit and deadline. Links
  are checked against the village: a 抓坏人 task to one of its clue transfers, a 办好事 task to
  one of its 立行立改 notices (or ledger items), a 建机制 task to a system (the matrix cell
  becomes 推进中), a 强组织 task to one of 软散瘫恶乱. The first task moves the village from
  已决定 to 整治中.
- :func:`extend_task`: a task that cannot be finished in time gets a reason and a later deadline;
  the history is kept as for follow-up items (``deadline_extension``, kind ``campaign_task``).
- :func:`add_case`: a case under 抓坏人 and how far it has gone (立案、处分、移送司法), linked to a
  clue transfer of the village; :func:`add_cadre_change`: a 班子 change under 强组织.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date
from typing import Any

from sqlmodel import col, func, select

from app.domain.campaign import (
    ACTIVE_STATUSES,
    CadreChangeKind,
    CampaignRefused,
    CaseStage,
    Heading,
    MemberRole,
    Move,
    OrgIssue,
    SystemSource,
    SystemStatus,
    TaskStatus,
    check_deadline,
    check_text,
    move,
)
from app.services.campaign.common import (
    Changed,
    live_campaign,
    require_office,
    today_or,
    ws_catalogue,
)
from app.services.campaign.systems import set_system_in
from app.storage.models import (
    CampaignCadreChange,
    CampaignCase,
    CampaignMember,
    CampaignTask,
    ClueTransfer,
    DeadlineExtension,
    LedgerItem,
    Problem,
    RectificationNotice,
)
from app.storage.session import WorkspaceSession
from app.storage.workspace import Workspace

__all__ = [
    "TASK_KIND",
    "add_cadre_change",
    "add_case",
    "add_member",
    "add_task",
    "extend_task",
    "retire_member",
    "set_work_group",
]

TASK_KIND = "campaign_task"
"""``deadline_extension.item_kind`` of a campaign task."""


def set_work_group(
    ws: Workspace,
    campaign_id: str,
    *,
    lead_unit: str | None = None,
    member_units: Sequence[str] | None = None,
    linked_leader_post: str | None = None,
    org_issues: Sequence[OrgIssue] | None = None,
    member: Mapping[str, Any] | None = None,
) -> Changed:
    """The work group's units, 挂钩领导 and 软散瘫恶乱 (what is given), and, with ``member``
    (role, name, unit, post, phone), one more person — in one transaction."""
    require_office(ws, "组建工作组")
    person = _member_fields(member) if member is not None else None
    out = Changed()
    with ws.session() as s:
        row = live_campaign(s, campaign_id)
        if lead_unit is not None:
            row.lead_unit = check_text(lead_unit, "牵头单位", "lead_unit", limit=100)
        if member_units is not None:
            units = [u.strip() for u in member_units if u.strip()]
            row.member_units = "、".join(dict.fromkeys(units))
        if linked_leader_post is not None:
            row.linked_leader_post = linked_leader_post.strip()[:100]
        if org_issues is not None:
            row.org_issues = ",".join(i.value for i in OrgIssue if i in set(org_issues))
        s.add(row)
        if s.is_modified(row):
            out.add(row)
        if person is not None:
            new = CampaignMember(campaign_id=row.id, village_id=row.village_id, **person)
            s.add(new)
            s.flush()
            out.add(new)
        s.commit()
    return out


def _member_fields(member: Mapping[str, Any]) -> dict[str, Any]:
    phone = str(member.get("phone", "")).strip()
    if phone and not all(ch.isdigit() or ch in "-+ " for ch in phone):
        raise CampaignRefused("电话号码只能包含数字和“-”。", "phone")
    return {
        "role": MemberRole(member.get("role", MemberRole.MEMBER)),
        "name": check_text(str(member.get("name", "")), "姓名", "name", limit=64),
        "unit": str(member.get("unit", "")).strip()[:100],
        "post": str(member.get("post", "")).strip()[:64],
        "phone": phone[:40],
    }


def add_member(
    ws: Workspace,
    campaign_id: str,
    *,
    role: MemberRole,
    name: str,
    unit: str = "",
    post: str = "",
    phone: str = "",
) -> Changed:
    """A person of the work group. Protected: the audit log names the row, never the person."""
    member = {"role": role, "name": name, "unit": unit, "post": post, "phone": phone}
    return set_work_group(ws, campaign_id, member=member)


def retire_member(ws: Workspace, member_id: str) -> Changed:
    require_office(ws, "组建工作组")
    from app.storage.models import utcnow

    out = Changed()
    with ws.session() as s:
        m = s.get(CampaignMember, member_id)
        if m is None or m.retired_at is not None:
            raise CampaignRefused("找不到这名工作组成员。")
        m.retired_at = utcnow()
        s.add(m)
        out.add(m)
        s.commit()
    return out


def _village_of_clue(s: WorkspaceSession, clue_id: str) -> str | None:
    clue = s.get(ClueTransfer, clue_id)
    if clue is None or clue.retired_at is not None:
        return None
    problem = s.get(Problem, clue.problem_id)
    return problem.village_id if problem else None


def _check_links(
    s: WorkspaceSession,
    village_id: str,
    heading: Heading,
    *,
    clue_transfer_id: str | None,
    notice_id: str | None,
    ledger_item_id: str | None,
    system: str,
    org_issue: OrgIssue | None,
    systems: set[str],
) -> None:
    if clue_transfer_id is not None:
        if heading is not Heading.CATCH:
            raise CampaignRefused("只有“抓坏人”任务可以关联问题线索移交。", "clue")
        if _village_of_clue(s, clue_transfer_id) != village_id:
            raise CampaignRefused("所关联的问题线索不属于该村（社区）。", "clue")
    if notice_id is not None:
        if heading is not Heading.GOOD_WORKS:
            raise CampaignRefused("只有“办好事”任务可以关联立行立改通知书。", "notice")
        n = s.get(RectificationNotice, notice_id)
        if n is None or n.retired_at is not None or n.village_id != village_id:
            raise CampaignRefused("所关联的立行立改通知书不属于该村（社区）。", "notice")
    if ledger_item_id is not None:
        item = s.get(LedgerItem, ledger_item_id)
        if item is None or item.retired_at is not None or item.village_id != village_id:
            raise CampaignRefused("所关联的整改台账事项不属于该村（社区）。", "ledger")
    if system:
        if heading is not Heading.SYSTEMS:
            raise CampaignRefused("只有“建机制”任务可以指定制度。", "system")
        if system not in systems:
            raise CampaignRefused(f"没有这项制度：{system}（可在设置中增加）。", "system")
    if org_issue is not None and heading is not Heading.ORGANISE:
        raise CampaignRefused("只有“强组织”任务可以指定软、散、瘫、恶、乱问题。", "org_issue")


def add_task(
    ws: Workspace,
    campaign_id: str,
    *,
    heading: Heading,
    title: str,
    owner_unit: str,
    deadline: date | None,
    detail: str = "",
    clue_transfer_id: str | None = None,
    notice_id: str | None = None,
    ledger_item_id: str | None = None,
    system: str = "",
    org_issue: OrgIssue | None = None,
) -> Changed:
    """A task of the plan (see the module docstring)."""
    require_office(ws, "制定整治方案")
    title = check_text(title, "任务名称", "title", limit=200)
    owner_unit = check_text(owner_unit, "责任单位", "owner_unit", limit=100)
    systems = {d.code for d in ws_catalogue(ws)}
    out = Changed()
    with ws.session() as s:
        row = live_campaign(s, campaign_id)
        deadline = check_deadline(deadline, row.started_on)
        row.status = move(row.status, Move.PLAN)
        _check_links(
            s,
            row.village_id,
            heading,
            clue_transfer_id=clue_transfer_id,
            notice_id=notice_id,
            ledger_item_id=ledger_item_id,
            system=system,
            org_issue=org_issue,
            systems=systems,
        )
        seq = s.exec(
            select(func.coalesce(func.max(CampaignTask.seq), 0)).where(
                CampaignTask.campaign_id == row.id, CampaignTask.heading == heading
            )
        ).one()
        task = CampaignTask(
            campaign_id=row.id,
            village_id=row.village_id,
            heading=heading,
            seq=int(seq) + 1,
            title=title,
            detail=detail.strip()[:4000],
            owner_unit=owner_unit,
            deadline=deadline,
            clue_transfer_id=clue_transfer_id,
            notice_id=notice_id,
            ledger_item_id=ledger_item_id,
            system=system,
            org_issue=org_issue,
        )
        s.add(task)
        s.add(row)
        s.flush()
        out.add(task)
        if s.is_modified(row):
            out.add(row)
        if system:
            cell = set_system_in(
                s,
                row.village_id,
                system,
                SystemStatus.IN_PROGRESS,
                on=row.started_on or date.today(),
                source=SystemSource.TASK,
                task_id=task.id,
                only_forward=True,
            )
            if cell is not None:
                out.add(cell)
        s.flush()
        s.audit("campaign_task", task, note=heading.value)
        s.commit()
    return out


def _live_task(s: WorkspaceSession, task_id: str) -> CampaignTask:
    task = s.get(CampaignTask, task_id)
    if task is None or task.retired_at is not None:
        raise CampaignRefused("找不到这项整治任务。")
    return task


def extend_task(
    ws: Workspace, task_id: str, new_deadline: date, reason: str, *, on: date | None = None
) -> Changed:
    """A new, later deadline with its reason; the extension is kept (never dropped silently)."""
    require_office(ws, "调整整治任务时限")
    reason = check_text(reason, "延期理由", "reason")
    out = Changed()
    with ws.session() as s:
        task = _live_task(s, task_id)
        if task.status is TaskStatus.DONE:
            raise CampaignRefused("任务已完成，不能延期。")
        if new_deadline <= task.deadline:
            raise CampaignRefused("新的时限须晚于原时限。", "new_deadline")
        ext = DeadlineExtension(
            item_kind=TASK_KIND,
            item_id=task.id,
            old_deadline=task.deadline,
            new_deadline=new_deadline,
            reason=reason,
            decided_on=today_or(on),
            decided_by=ws.username,
        )
        task.deadline = new_deadline
        s.add(ext)
        s.add(task)
        s.flush()
        out.add(ext)
        out.add(task)
        s.commit()
    return out


def add_case(
    ws: Workspace,
    task_id: str,
    *,
    stage: CaseStage,
    on: date | None = None,
    clue_transfer_id: str | None = None,
    persons: int = 1,
    gang_related: bool = False,
    note: str = "",
) -> Changed:
    """A case under 抓坏人 (its clue defaults to the task's)."""
    require_office(ws, "登记案件查处情况")
    if persons < 0 or persons > 999:
        raise CampaignRefused("涉及人数不合理。", "persons")
    out = Changed()
    with ws.session() as s:
        task = _live_task(s, task_id)
        if task.heading is not Heading.CATCH:
            raise CampaignRefused("案件查处情况只能登记在“抓坏人”任务下。")
        clue = clue_transfer_id or task.clue_transfer_id
        if clue is not None and _village_of_clue(s, clue) != task.village_id:
            raise CampaignRefused("所关联的问题线索不属于该村（社区）。", "clue")
        case = CampaignCase(
            task_id=task.id,
            village_id=task.village_id,
            clue_transfer_id=clue,
            stage=stage,
            stage_on=today_or(on),
            persons=persons,
            gang_related=gang_related,
            note=note.strip()[:2000],
        )
        s.add(case)
        s.flush()
        out.add(case)
        s.audit("campaign_case", case, note=stage.value)
        s.commit()
    return out


def add_cadre_change(
    ws: Workspace,
    task_id: str,
    *,
    kind: CadreChangeKind,
    post: str,
    on: date | None = None,
    note: str = "",
) -> Changed:
    """A 班子 change under 强组织 (the post, e.g. 村党支部书记; no names)."""
    require_office(ws, "登记班子调整")
    post = check_text(post, "职务", "post", limit=64)
    out = Changed()
    with ws.session() as s:
        task = _live_task(s, task_id)
        if task.heading is not Heading.ORGANISE:
            raise CampaignRefused("班子调整只能登记在“强组织”任务下。")
        change = CampaignCadreChange(
            task_id=task.id,
            village_id=task.village_id,
            kind=kind,
            post=post,
            changed_on=today_or(on),
            note=note.strip()[:2000],
        )
        s.add(change)
        s.flush()
        out.add(change)
        s.audit("campaign_cadre_change", change, note=kind.value)
        s.commit()
    return out


def running_tasks(s: WorkspaceSession, campaign_id: str) -> int:
    return int(
        s.exec(
            select(func.count()).where(
                CampaignTask.campaign_id == campaign_id,
                col(CampaignTask.retired_at).is_(None),
                CampaignTask.status != TaskStatus.DONE,
            )
        ).one()
    )


def is_active(status: object) -> bool:
    return status in ACTIVE_STATUSES
