"""The demo district in its second year: 集中整治 villages at every stage, the 制度推广 matrix and
the 未巡先改 self-check results.

Last year's round put a few of the worst villages under 集中整治; this year:

- one village was accepted as 整顿转化 last spring and its 回头看 found the change held (好);
- one was accepted as 整顿转化 a few months ago: its 回头看 is due soon (on the due list);
- one failed 验收 (继续整治) and has new tasks;
- two are under way, their tasks green, yellow, red or done, with monthly checks and a mid-course
  evaluation;
- one was decided this month on this round's findings, its tasks linked to the village's clue
  transfers and notices;
- this round's villages whose 巡察报告 recommends 集中整治 are proposed, awaiting the decision.

Every task heading (抓坏人, 办好事, 强组织, 建机制) is used. The matrix holds the systems adopted
across the district, a few of them found not carried out in the third-phase villages. A
典型问题清单 drawn from the first batch went to the later batches' townships; some of their
villages answered, and the team verified a few answers. Dates are relative to the demo's last day.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Protocol

from sqlmodel import col, select

from app.domain.campaign import (
    BUILT_IN_SYSTEMS,
    SELF_CHECK_REQUIREMENTS,
    CadreChangeKind,
    CampaignStatus,
    CaseStage,
    CheckRating,
    EvaluationKind,
    Heading,
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
    generalise,
    pair_id,
)
from app.domain.deadlines import add_months
from app.domain.vocabulary import Phase, ProblemStatus, Tier, Track
from app.storage.models import (
    Batch,
    CampaignCadreChange,
    CampaignCase,
    CampaignCheck,
    CampaignDecision,
    CampaignEvaluation,
    CampaignMember,
    CampaignProgress,
    CampaignProposal,
    CampaignTask,
    CampaignVillage,
    ClueTransfer,
    InspectionRound,
    Problem,
    RectificationNotice,
    SelfCheckResult,
    Township,
    TypicalProblem,
    TypicalProblemList,
    Village,
    VillageSystem,
    VillageTierChange,
)
from app.storage.session import WorkspaceSession


class _Options(Protocol):
    @property
    def until(self) -> date: ...


class _Gen(Protocol):
    """What this module uses of the demo generator (``app.services.demo.build``)."""

    s: WorkspaceSession
    rng: random.Random
    members: list[str]

    @property
    def opts(self) -> _Options: ...

    def person_name(self) -> str: ...

    def photo(self, subject: str, *, campaign_progress_id: str | None = None) -> None: ...


MEMBER_UNITS = "区委组织部、区委政法委、区民政局、区信访局"
LINKED_POSTS = ("区人大常委会副主任", "区政协副主席", "副区长", "区委常委、政法委书记")

TASKS: dict[Heading, tuple[tuple[str, str], ...]] = {
    Heading.CATCH: (
        ("查处村干部侵占集体资金问题", "区纪委监委"),
        ("深挖彻查涉黑涉恶线索", "区公安局"),
        ("追缴违规领取的惠农补贴", "区纪委监委"),
    ),
    Heading.GOOD_WORKS: (
        ("修复村内主干道和生产路", "区交通运输局"),
        ("改造饮水管网，解决吃水难", "区水利局"),
        ("维修机井，保障灌溉", "区水利局"),
        ("整治村容村貌，清运积存垃圾", "乡镇人民政府"),
    ),
    Heading.ORGANISE: (
        ("调整充实村“两委”班子", "乡镇党委"),
        ("选优配强村党支部书记", "区委组织部"),
        ("培养后备干部", "乡镇党委"),
    ),
    Heading.SYSTEMS: (),  # one task per system, see below
}
ISSUE_FOR_TASK = (OrgIssue.SOFT, OrgIssue.LAX, OrgIssue.PARALYSED)
PROGRESS = (
    "已召开专题会议研究部署，明确责任人和时间表。",
    "已完成前期摸排，正在组织实施。",
    "工作组入村督导，推进过半。",
    "已基本完成，正在组织验收。",
)


@dataclass
class _Ctx:
    gen: _Gen
    s: WorkspaceSession
    rng: random.Random
    until: date
    towns: dict[str, Township]


def _d(until: date, days: int) -> date:
    return until - timedelta(days=days)


def fill_campaigns(gen: _Gen, villages: list[Village]) -> None:
    """Add the campaign data (one transaction, the caller commits)."""
    s, rng, until = gen.s, gen.rng, gen.opts.until
    towns = {t.id: t for t in s.exec(select(Township)).all()}
    ctx = _Ctx(gen, s, rng, until, towns)
    pool = sorted(villages, key=lambda v: (v.tier is not Tier.POOR, v.code))
    if len(pool) < 2:
        return
    last_year = CampaignDecision(
        decided_on=_d(until, 420),
        doc_number=f"淮发〔{until.year - 1}〕12号",
        body="中共淮阳区委",
        note="关于对部分村开展集中整治的决定",
    )
    this_year = CampaignDecision(
        decided_on=_d(until, 150),
        doc_number=f"淮发〔{until.year}〕7号",
        body="中共淮阳区委",
    )
    s.add_all([last_year, this_year])
    s.flush()
    plan: list[tuple[CampaignStatus, CampaignDecision]] = [
        (CampaignStatus.REVIEWED, last_year),
        (CampaignStatus.TRANSFORMED, last_year),
        (CampaignStatus.KEPT, last_year),
        (CampaignStatus.UNDER_WAY, this_year),
        (CampaignStatus.UNDER_WAY, this_year),
    ]
    chosen = pool[: min(len(plan), max(2, len(pool) // 6))]
    for (status, decision), village in zip(plan, chosen, strict=False):
        _campaign(ctx, village, status, decision)
    rest = [v for v in pool if v not in chosen]
    if rest:
        _fresh_campaign(ctx, rest[0])
        poor = [v for v in rest[1:] if v.tier is Tier.POOR]
        _proposals(ctx, (poor or rest[1:])[:2])
    _matrix(ctx, villages)
    _selfcheck(ctx, villages)


def _tier_change(
    ctx: _Ctx, v: Village, on: date, before: Tier | None, after: Tier, why: str, source: str
) -> None:
    ctx.s.add(
        VillageTierChange(
            village_id=v.id,
            changed_on=on,
            from_tier=before,
            to_tier=after,
            reason=why,
            source=source,
        )
    )


def _work_group(ctx: _Ctx, row: CampaignVillage, v: Village) -> None:
    town = ctx.towns[v.township_id]
    row.member_units = f"{MEMBER_UNITS}、{town.name}"
    row.linked_leader_post = ctx.rng.choice(LINKED_POSTS)
    row.org_issues = ",".join(i.value for i in ctx.rng.sample(list(OrgIssue)[:3], 2))
    people = (
        (MemberRole.LEADER, "区纪委监委", "第三纪检监察室主任"),
        (MemberRole.DEPUTY, "区委组织部", "组织科科长"),
        (MemberRole.MEMBER, "区委政法委", "干部"),
        (MemberRole.LIAISON, town.name, "党委副书记"),
    )
    for role, unit, post in people:
        ctx.s.add(
            CampaignMember(
                campaign_id=row.id,
                village_id=v.id,
                role=role,
                name=ctx.gen.person_name(),
                unit=unit,
                post=post,
                phone=f"139{ctx.rng.randint(10_000_000, 99_999_999)}",
            )
        )


def _campaign(ctx: _Ctx, v: Village, status: CampaignStatus, decision: CampaignDecision) -> None:
    s, rng, until = ctx.s, ctx.rng, ctx.until
    start = decision.decided_on
    row = CampaignVillage(
        village_id=v.id,
        decision_id=decision.id,
        status=CampaignStatus.UNDER_WAY,
        reasons="该村（社区）经综合研判为“差”类；巡察发现违纪违法问题线索较多，群众反映强烈",
        started_on=start,
    )
    s.add(row)
    s.flush()
    _work_group(ctx, row, v)
    _tier_change(
        ctx, v, _d(start, 30), None, Tier.POOR, "上一轮巡察综合研判：多个渠道列名", "triage"
    )
    finished = status in (CampaignStatus.REVIEWED, CampaignStatus.TRANSFORMED, CampaignStatus.KEPT)
    tasks = _tasks(ctx, row, v, start, all_done=status is not CampaignStatus.KEPT and finished)
    for month in range(1, 13):
        on = add_months(start, month)
        if on > until or (finished and on > start + timedelta(days=240)):
            break
        rating = rng.choice([CheckRating.NORMAL] * 3 + [CheckRating.SLOW])
        s.add(
            CampaignCheck(
                campaign_id=row.id,
                village_id=v.id,
                checked_on=on,
                checker="区委巡察办督查组",
                findings=rng.choice(
                    (
                        "整治任务按计划推进，群众满意度提升。",
                        "个别任务进度滞后，已督促责任单位加快推进。",
                        "班子调整到位，村务公开栏已按月更新。",
                    )
                ),
                rating=rating,
            )
        )
    mid = start + timedelta(days=90)
    if mid <= until:
        s.add(
            CampaignEvaluation(
                campaign_id=row.id,
                village_id=v.id,
                kind=EvaluationKind.MIDTERM,
                evaluated_on=mid,
                outcome=Outcome.ON_TRACK if rng.random() < 0.7 else Outcome.LAGGING,
                reasons="对照整治方案逐项评估，多数任务按期推进。",
                evaluator="王主任",
            )
        )
    if not finished:
        return
    accepted = start + timedelta(days=260)
    if status is CampaignStatus.KEPT:
        s.add(
            CampaignEvaluation(
                campaign_id=row.id,
                village_id=v.id,
                kind=EvaluationKind.ACCEPTANCE,
                evaluated_on=accepted,
                outcome=Outcome.KEPT,
                reasons="集体资金问题尚未查清，群众满意度不足60%，继续整治三个月。",
                evaluator="王主任",
            )
        )
        row.status = CampaignStatus.KEPT
        for heading, (title, unit) in (
            (Heading.CATCH, TASKS[Heading.CATCH][2]),
            (Heading.GOOD_WORKS, TASKS[Heading.GOOD_WORKS][3]),
        ):
            seq = 1 + sum(1 for t in tasks if t.heading is heading)
            t = CampaignTask(
                campaign_id=row.id,
                village_id=v.id,
                heading=heading,
                seq=seq,
                title=title,
                owner_unit=unit,
                deadline=until + timedelta(days=rng.choice((5, 25, 45))),
                status=TaskStatus.IN_PROGRESS,
                progress=PROGRESS[1],
            )
            s.add(t)
        s.add(row)
        return
    review_months = 6
    if status is CampaignStatus.TRANSFORMED:
        accepted = add_months(until, -review_months) + timedelta(days=12)  # 回头看 due in 12 days
    else:  # reviewed: its 回头看 was done some weeks ago
        accepted = add_months(until, -review_months) - timedelta(days=40)
    s.add(
        CampaignEvaluation(
            campaign_id=row.id,
            village_id=v.id,
            kind=EvaluationKind.ACCEPTANCE,
            evaluated_on=accepted,
            outcome=Outcome.TRANSFORMED,
            reasons="整治任务全部完成，班子健全，群众满意度达到90%以上。",
            tier_after=Tier.MIDDLE,
            evaluator="王主任",
        )
    )
    _tier_change(ctx, v, accepted, Tier.POOR, Tier.MIDDLE, "集中整治验收：整顿转化", "campaign")
    row.status = CampaignStatus.TRANSFORMED
    row.accepted_on = accepted
    row.review_due = add_months(accepted, review_months)
    tier = Tier.MIDDLE
    if status is CampaignStatus.REVIEWED and row.review_due <= until:
        s.add(
            CampaignEvaluation(
                campaign_id=row.id,
                village_id=v.id,
                kind=EvaluationKind.REVIEW,
                evaluated_on=row.review_due,
                outcome=Outcome.HOLDING,
                reasons="回头看：制度运行正常，未出现反弹，群众评价较好。",
                tier_after=Tier.GOOD,
                evaluator="王主任",
            )
        )
        _tier_change(ctx, v, row.review_due, Tier.MIDDLE, Tier.GOOD, "回头看：成效巩固", "campaign")
        row.status = CampaignStatus.REVIEWED
        tier = Tier.GOOD
    v.tier_override = tier
    v.tier_override_reason = "集中整治验收：整顿转化" if tier is Tier.MIDDLE else "回头看：成效巩固"
    s.add(v)
    s.add(row)


def _tasks(
    ctx: _Ctx,
    row: CampaignVillage,
    v: Village,
    start: date,
    *,
    all_done: bool,
    clue_ids: list[str] | None = None,
    notice_ids: list[str] | None = None,
) -> list[CampaignTask]:
    s, rng, until = ctx.s, ctx.rng, ctx.until
    made: list[CampaignTask] = []
    systems = [*rng.sample(BUILT_IN_SYSTEMS[:4], 3), BUILT_IN_SYSTEMS[4]]
    for heading in Heading:
        items: list[tuple[str, str, str]] = []
        if heading is Heading.SYSTEMS:
            items = [(f"推行“{label}”制度", "乡镇党委", code) for code, label in systems]
        else:
            picks = rng.sample(TASKS[heading], 2)
            items = [(t, u, "") for t, u in picks]
        for seq, (title, unit, system) in enumerate(items, start=1):
            deadline = start + timedelta(days=rng.randint(60, 200))
            if all_done:
                status, done_on = TaskStatus.DONE, min(deadline, until) - timedelta(days=5)
            else:
                roll = rng.random()
                if deadline < until and roll < 0.55:
                    status, done_on = TaskStatus.DONE, deadline - timedelta(days=rng.randint(1, 20))
                elif roll < 0.85:
                    status, done_on = TaskStatus.IN_PROGRESS, None
                    if deadline < until - timedelta(days=40):
                        deadline = until + timedelta(days=rng.choice((-6, 3, 8, 15, 30, 60)))
                else:
                    status, done_on = TaskStatus.PLANNED, None
                    deadline = max(deadline, until + timedelta(days=rng.randint(5, 90)))
            t = CampaignTask(
                campaign_id=row.id,
                village_id=v.id,
                heading=heading,
                seq=seq,
                title=title,
                owner_unit=unit,
                deadline=deadline,
                status=status,
                done_on=done_on,
                progress=PROGRESS[3]
                if status is TaskStatus.DONE
                else (PROGRESS[rng.randint(0, 2)] if status is TaskStatus.IN_PROGRESS else ""),
                system=system,
                org_issue=ISSUE_FOR_TASK[seq - 1] if heading is Heading.ORGANISE else None,
                clue_transfer_id=_nth(clue_ids, seq) if heading is Heading.CATCH else None,
                notice_id=_nth(notice_ids, seq) if heading is Heading.GOOD_WORKS else None,
            )
            s.add(t)
            s.flush()
            made.append(t)
            if status is not TaskStatus.PLANNED:
                first = min(start + timedelta(days=20), until)
                s.add(
                    CampaignProgress(
                        task_id=t.id,
                        village_id=v.id,
                        reported_on=first,
                        text=PROGRESS[0],
                        status_after=TaskStatus.IN_PROGRESS,
                        reporter="区委巡察办",
                    )
                )
            if status is TaskStatus.DONE and done_on is not None:
                p = CampaignProgress(
                    task_id=t.id,
                    village_id=v.id,
                    reported_on=done_on,
                    text="任务已完成，经工作组核实。",
                    status_after=TaskStatus.DONE,
                    reporter="区委巡察办",
                )
                s.add(p)
                s.flush()
                if heading is Heading.GOOD_WORKS and rng.random() < 0.5:
                    ctx.gen.photo(rng.choice(["road", "well", "bridge"]), campaign_progress_id=p.id)
            if heading is Heading.CATCH and status is not TaskStatus.PLANNED:
                stages = [CaseStage.FILED, CaseStage.PARTY_DISCIPLINE, CaseStage.JUDICIAL]
                for k, stage in enumerate(stages[: rng.randint(1, 3)]):
                    s.add(
                        CampaignCase(
                            task_id=t.id,
                            village_id=v.id,
                            clue_transfer_id=t.clue_transfer_id,
                            stage=stage,
                            stage_on=min(start + timedelta(days=30 + 40 * k), until),
                            persons=rng.randint(1, 3),
                            gang_related=seq == 2 and stage is CaseStage.JUDICIAL,
                        )
                    )
            if heading is Heading.ORGANISE and seq == 1 and status is not TaskStatus.PLANNED:
                s.add(
                    CampaignCadreChange(
                        task_id=t.id,
                        village_id=v.id,
                        kind=CadreChangeKind.REPLACED,
                        post="村党支部书记",
                        changed_on=min(start + timedelta(days=45), until),
                        note="原书记因违纪被撤换，经乡镇党委研究选派新书记。",
                    )
                )
                s.add(
                    CampaignCadreChange(
                        task_id=t.id,
                        village_id=v.id,
                        kind=CadreChangeKind.RESERVE,
                        post="后备干部",
                        changed_on=min(start + timedelta(days=60), until),
                    )
                )
            if system:
                adopted = status is TaskStatus.DONE
                s.merge(
                    VillageSystem(
                        id=pair_id("village_system", v.id, system),
                        village_id=v.id,
                        system=system,
                        status=SystemStatus.ADOPTED if adopted else SystemStatus.IN_PROGRESS,
                        since=done_on if adopted else start,
                        source=SystemSource.TASK,
                        task_id=t.id,
                        practice=Practice.CARRIED_OUT if adopted and all_done else Practice.UNKNOWN,
                    )
                )
    return made


def _nth(ids: list[str] | None, seq: int) -> str | None:
    """The seq-th id (the last one when there are fewer), None when there are none."""
    return ids[min(seq, len(ids)) - 1] if ids else None


def _fresh_campaign(ctx: _Ctx, v: Village) -> None:
    """A village decided this month on this round's findings; tasks tied to its clues/notices."""
    s, until = ctx.s, ctx.until
    decided = _d(until, 3)
    proposal = CampaignProposal(proposed_on=_d(until, 10), issuer="中共淮阳区委巡察办")
    decision = CampaignDecision(
        decided_on=decided, doc_number=f"淮发〔{until.year}〕21号", body="中共淮阳区委"
    )
    s.add_all([proposal, decision])
    s.flush()
    row = CampaignVillage(
        village_id=v.id,
        proposal_id=proposal.id,
        decision_id=decision.id,
        status=CampaignStatus.UNDER_WAY,
        reasons="本轮巡察发现问题突出，群众反映强烈",
        started_on=decided,
    )
    s.add(row)
    s.flush()
    _work_group(ctx, row, v)
    clues = list(
        s.exec(
            select(ClueTransfer.id)
            .join(Problem, col(Problem.id) == col(ClueTransfer.problem_id))
            .where(Problem.village_id == v.id)
        ).all()
    )
    notices = list(
        s.exec(select(RectificationNotice.id).where(RectificationNotice.village_id == v.id)).all()
    )
    _tasks(ctx, row, v, decided, all_done=False, clue_ids=clues or None, notice_ids=notices or None)


def _proposals(ctx: _Ctx, villages: list[Village]) -> None:
    if not villages:
        return
    proposal = CampaignProposal(proposed_on=ctx.until, issuer="中共淮阳区委巡察办")
    ctx.s.add(proposal)
    ctx.s.flush()
    for v in villages:
        ctx.s.add(
            CampaignVillage(
                village_id=v.id,
                proposal_id=proposal.id,
                status=CampaignStatus.RECOMMENDED,
                reasons="该村（社区）经综合研判为“差”类；本轮巡察问题线索集中",
                member_units=f"{MEMBER_UNITS}、{ctx.towns[v.township_id].name}",
            )
        )


def _matrix(ctx: _Ctx, villages: list[Village]) -> None:
    """Systems adopted across the district; a few found not carried out in phase-③ villages."""
    s, rng, until = ctx.s, ctx.rng, ctx.until
    batches = {b.id: b for b in s.exec(select(Batch)).all()}
    share = {"micro_power": 0.55, "four_two": 0.7, "two_one": 0.45, "grid": 0.6, "one_four": 0.35}
    for v in villages:
        phase3 = (b := batches.get(v.batch_id or "")) is not None and b.phase is Phase.FULL_SPEED
        for code, _label in BUILT_IN_SYSTEMS:
            rid = pair_id("village_system", v.id, code)
            if s.get(VillageSystem, rid) is not None:
                continue
            roll = rng.random()
            if roll < share[code]:
                practice = Practice.UNKNOWN
                note = ""
                if phase3 and rng.random() < 0.35:
                    practice = Practice.NOT_CARRIED_OUT
                    note = rng.choice(("制度上墙但未按程序议事", "会议记录缺失，群众不知情"))
                elif rng.random() < 0.4:
                    practice = Practice.CARRIED_OUT
                status, since = SystemStatus.ADOPTED, _d(until, rng.randint(30, 400))
            elif roll < share[code] + 0.15:
                status, since, practice, note = (
                    SystemStatus.IN_PROGRESS,
                    _d(until, 20),
                    Practice.UNKNOWN,
                    "",
                )
            else:
                continue
            s.add(
                VillageSystem(
                    id=rid,
                    village_id=v.id,
                    system=code,
                    status=status,
                    since=since,
                    source=SystemSource.SELF_REPORT,
                    practice=practice,
                    practice_note=note,
                    checked_on=until if practice is not Practice.UNKNOWN else None,
                )
            )


def _selfcheck(ctx: _Ctx, villages: list[Village]) -> None:
    """A list from batch 1's problems; answers of some later villages, a few verified."""
    s, rng, until = ctx.s, ctx.rng, ctx.until
    rnd = s.exec(select(InspectionRound)).first()
    batches = sorted(s.exec(select(Batch)).all(), key=lambda b: b.number)
    if rnd is None or len(batches) < 2:
        return
    first = batches[0]
    in_first = {v.id for v in villages if v.batch_id == first.id}
    problems = s.exec(
        select(Problem).where(
            col(Problem.village_id).in_(in_first),
            col(Problem.track).is_not(None),
            Problem.status != ProblemStatus.MERGED,
        )
    ).all()
    names = [v.name for v in villages] + [t.name for t in ctx.towns.values()]
    seen: dict[str, tuple[str, str]] = {}
    for p in problems:
        code = (
            "clue"
            if p.track is Track.FAST_INVESTIGATION
            else (p.subcategory.value if p.subcategory else "general_other")
        )
        text = generalise(p.description, names)
        if text and code not in seen:
            seen[code] = (text, code)
    if not seen:
        return
    published = (first.ends_on or until) + timedelta(days=1)
    lst = TypicalProblemList(
        round_id=rnd.id,
        after_batch=first.number,
        title=f"{rnd.name}第一批村级巡察典型问题清单",
        published_on=min(published, until),
    )
    s.add(lst)
    s.flush()
    from app.domain.vocabulary import Subcategory

    items: list[TypicalProblem] = []
    for seq, (text, code) in enumerate(seen.values(), start=1):
        label = "违纪违法问题" if code == "clue" else Subcategory(code).label
        item = TypicalProblem(
            list_id=lst.id,
            seq=seq,
            category=label,
            text=f"{text}等问题",
            requirement=SELF_CHECK_REQUIREMENTS.get(code, SELF_CHECK_REQUIREMENTS["general_other"]),
        )
        s.add(item)
        items.append(item)
    s.flush()
    later = [v for v in villages if v.batch_id in {b.id for b in batches[1:]}]
    answered = rng.sample(later, max(1, len(later) * 2 // 3)) if later else []
    for v in answered:
        for item in items:
            found = SelfCheckFound.FOUND if rng.random() < 0.4 else SelfCheckFound.NOT_FOUND
            fixed = (
                rng.choice([SelfCheckFix.FIXED, SelfCheckFix.FIXED, SelfCheckFix.FIXING])
                if found is SelfCheckFound.FOUND
                else SelfCheckFix.NOT_NEEDED
            )
            verdict = Verdict.PENDING
            if v.batch_id == batches[1].id and rng.random() < 0.5:
                verdict = Verdict.CONFIRMED if rng.random() < 0.8 else Verdict.DISPUTED
            s.add(
                SelfCheckResult(
                    id=pair_id("selfcheck_result", v.id, item.id),
                    village_id=v.id,
                    list_id=lst.id,
                    item_id=item.id,
                    found=found,
                    fixed=fixed,
                    note="已对照清单逐项自查，建立整改台账。"
                    if found is SelfCheckFound.FOUND
                    else "",
                    reported_on=min(published + timedelta(days=rng.randint(3, 10)), until),
                    reported_by=ctx.towns[v.township_id].name,
                    verdict=verdict,
                    verified_on=until if verdict is not Verdict.PENDING else None,
                    verified_by=ctx.gen.members[0] if verdict is not Verdict.PENDING else "",
                    verify_note="实地查看与自查情况不符，问题仍然存在。"
                    if verdict is Verdict.DISPUTED
                    else "",
                )
            )
