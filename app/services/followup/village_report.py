"""What a village's 巡察报告 says, from its records, problems and follow-up; writing it.

Counts come from live rows (retired ones and merged problems are left out). Every text passes
:func:`~app.services.followup.papers.scrub`. The 集中整治 recommendation follows the rule in the
settings (``concentrate_tiers``, ``concentrate_min_clues``, ``concentrate_min_problems``).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Collection
from datetime import date
from pathlib import Path

from sqlmodel import col, func, select

from app.documents.village_report import (
    ProblemLine,
    TrackState,
    VillageReportData,
    render_village_report,
    village_report_file_name,
)
from app.domain.deadlines import WarningColour, WarningSettings
from app.domain.followup import (
    FINAL_STATUS,
    ConcentrationRule,
    ItemKind,
    TransitionRefused,
    VillageFacts,
    concentration_reasons,
)
from app.domain.vocabulary import (
    ProblemCategory,
    ProblemStatus,
    Track,
    VisitMethod,
)
from app.services.followup.due import item_colour, warning_settings
from app.services.followup.numbering import own_team
from app.services.followup.papers import (
    GENERIC_TOWNSHIP_UNITS,
    entered_on,
    office_name,
    protected_names,
    receiving_body_name,
    scrub,
    township_government,
    village_and_township,
)
from app.services.fonts import workspace_fonts
from app.services.settings import Settings, load_settings
from app.storage.models import (
    ClueTransfer,
    Interview,
    LedgerItem,
    OpinionEntry,
    Problem,
    RectificationNotice,
    Township,
    Village,
    Visit,
    WorkingPaper,
)
from app.storage.session import WorkspaceSession
from app.storage.workspace import Workspace

__all__ = [
    "concentration_facts",
    "concentration_rule",
    "village_report_data",
    "write_village_report",
]

_TRACKS = (Track.FIX_NOW, Track.FAST_INVESTIGATION, Track.LEDGER, Track.VERIFY)


def concentration_rule(settings: Settings) -> ConcentrationRule:
    tiers = settings.concentrate_tiers if settings.concentrate_tiers is not None else ["poor"]
    return ConcentrationRule(
        tiers=frozenset(tiers),
        min_clues=settings.concentrate_min_clues,
        min_problems=settings.concentrate_min_problems,
    )


def concentration_facts(
    s: WorkspaceSession,
    today: date,
    warn: WarningSettings,
    village_ids: Collection[str] | None = None,
) -> dict[str, VillageFacts]:
    """What the 集中整治 rule looks at, for every live village (or those named), in a few queries:
    the effective tier, live clues, live problems (merged ones left out) and red (overdue) items.

    The village report asks this for its own village, the office's 建议 for all of them, so both
    always agree.
    """
    wanted = None if village_ids is None else set(village_ids)
    villages = [
        v
        for v in s.exec(select(Village).where(col(Village.retired_at).is_(None))).all()
        if wanted is None or v.id in wanted
    ]
    live_problem = (
        col(Problem.retired_at).is_(None),
        Problem.status != ProblemStatus.MERGED,
    )
    problems = dict(
        s.exec(
            select(Problem.village_id, func.count())
            .where(*live_problem)
            .group_by(Problem.village_id)
        ).all()
    )
    clue_rows = s.exec(
        select(
            col(Problem.village_id),
            col(ClueTransfer.status),
            col(ClueTransfer.feedback_deadline),
        )
        .join(ClueTransfer, col(ClueTransfer.problem_id) == col(Problem.id))
        .where(*live_problem, col(ClueTransfer.retired_at).is_(None))
    ).all()
    clues: Counter[str] = Counter()
    overdue: Counter[str] = Counter()

    def red(kind: ItemKind, status: str, deadline: date) -> bool:
        return item_colour(kind, status, deadline, today, warn) is WarningColour.RED

    for vid, c_status, c_deadline in clue_rows:
        clues[vid] += 1
        overdue[vid] += red(ItemKind.CLUE, c_status, c_deadline)
    for vid, n_status, n_deadline in s.exec(
        select(
            col(RectificationNotice.village_id),
            col(RectificationNotice.status),
            col(RectificationNotice.deadline),
        ).where(col(RectificationNotice.retired_at).is_(None))
    ).all():
        overdue[vid] += red(ItemKind.NOTICE, n_status, n_deadline)
    for vid, l_status, l_deadline in s.exec(
        select(col(LedgerItem.village_id), col(LedgerItem.status), col(LedgerItem.deadline)).where(
            col(LedgerItem.retired_at).is_(None)
        )
    ).all():
        overdue[vid] += red(ItemKind.LEDGER, l_status, l_deadline)
    out: dict[str, VillageFacts] = {}
    for v in villages:
        tier = v.tier_override or v.tier
        out[v.id] = VillageFacts(
            tier_label=tier.label if tier else "",
            tier=tier.value if tier else None,
            clues=clues[v.id],
            problems=int(problems.get(v.id, 0)),
            overdue=overdue[v.id],
        )
    return out


def _handler(p: Problem, town: Township, settings: Settings) -> str:
    """Who handles the problem, by name (the township government, the configured bodies)."""
    if p.track is Track.FIX_NOW:
        unit = p.responsible_unit.strip()
        return township_government(town) if unit in GENERIC_TOWNSHIP_UNITS else unit
    if p.track is Track.FAST_INVESTIGATION and p.receiving_body is not None:
        try:
            return receiving_body_name(settings, p.receiving_body)
        except TransitionRefused:
            return p.receiving_body.label
    if p.track is Track.LEDGER:
        return p.supervisor
    return ""


def village_report_data(
    ws: Workspace, village_id: str, today: date | None = None
) -> VillageReportData:
    today = today or date.today()
    settings = load_settings(ws)
    warn = warning_settings(settings)
    with ws.session() as s:
        names = protected_names(s)
        team = own_team(s, ws.user_id)
        v, town = village_and_township(s, village_id)
        tier = v.tier_override or v.tier
        methods = dict(
            s.exec(
                select(Visit.method, func.count())
                .where(Visit.village_id == v.id, col(Visit.retired_at).is_(None))
                .group_by(col(Visit.method))
            ).all()
        )
        entries = s.exec(
            select(func.count()).where(
                OpinionEntry.village_id == v.id, col(OpinionEntry.retired_at).is_(None)
            )
        ).one()
        interviews = s.exec(
            select(func.count()).where(
                Interview.village_id == v.id, col(Interview.retired_at).is_(None)
            )
        ).one()
        problems = s.exec(
            select(Problem)
            .where(
                Problem.village_id == v.id,
                col(Problem.retired_at).is_(None),
                Problem.status != ProblemStatus.MERGED,
            )
            .order_by(col(Problem.raised_on), col(Problem.created_at))
        ).all()
        pids = [p.id for p in problems]
        notices = s.exec(
            select(RectificationNotice).where(
                RectificationNotice.village_id == v.id,
                col(RectificationNotice.retired_at).is_(None),
            )
        ).all()
        clues = s.exec(
            select(ClueTransfer).where(
                col(ClueTransfer.problem_id).in_(pids), col(ClueTransfer.retired_at).is_(None)
            )
        ).all()
        items = s.exec(
            select(LedgerItem).where(
                LedgerItem.village_id == v.id, col(LedgerItem.retired_at).is_(None)
            )
        ).all()
        entered = entered_on(s, v)
        papers = dict(
            s.exec(
                select(WorkingPaper.problem_id, WorkingPaper.number).where(
                    col(WorkingPaper.problem_id).in_(pids),
                    col(WorkingPaper.retired_at).is_(None),
                    WorkingPaper.number != "",
                )
            ).all()
        )  # 底稿编号 of the frozen 问题底稿
    notice_status = {n.id: n.status for n in notices}
    clue_status = {c.problem_id: c.status for c in clues}
    item_status = {i.problem_id: i.status for i in items}

    def status_of(p: Problem) -> str:
        if p.track is Track.FIX_NOW and p.notice_id in notice_status:
            return notice_status[p.notice_id].label
        if p.track is Track.FAST_INVESTIGATION and p.id in clue_status:
            return clue_status[p.id].label
        if p.track is Track.LEDGER and p.id in item_status:
            return item_status[p.id].label
        return p.status.label

    cats = Counter(p.category for p in problems if p.category is not None)
    tracks = Counter(p.track for p in problems if p.track is not None)

    def state(label: str, kind: ItemKind, rows: list[tuple[str, date]]) -> TrackState:
        done = sum(1 for st, _ in rows if st in FINAL_STATUS[kind])
        overdue = sum(
            1 for st, dl in rows if item_colour(kind, st, dl, today, warn) is WarningColour.RED
        )
        return TrackState(label, len(rows), done, len(rows) - done, overdue)

    states = [
        state("立行立改通知书", ItemKind.NOTICE, [(n.status, n.deadline) for n in notices]),
        state("整改台账事项", ItemKind.LEDGER, [(i.status, i.deadline) for i in items]),
        state("移交问题线索", ItemKind.CLUE, [(c.status, c.feedback_deadline) for c in clues]),
    ]
    with ws.session() as s:
        facts = concentration_facts(s, today, warn, [v.id])[v.id]
    reasons = concentration_reasons(concentration_rule(settings), facts)
    recs = _recommendations(tracks, states, len(clues))
    return VillageReportData(
        team=team.name,
        issuing_body=team.issuing_body or team.name,
        township=town.name,
        village=v.name,
        tier_label=tier.label if tier else "",
        style_label=v.style.label if v.style else "",
        entered_on=entered,
        as_of=today,
        visits_by_method=[(m.label, int(methods.get(m, 0))) for m in VisitMethod],
        visits=int(sum(methods.values())),
        entries=int(entries),
        interviews=int(interviews),
        by_category=[(c.label, cats[c]) for c in ProblemCategory if cats[c]],
        by_track=[(t.label, tracks[t]) for t in _TRACKS if tracks[t]],
        problems=[
            ProblemLine(
                scrub(p.description, names),
                p.category.label if p.category else "未分类",
                p.track.label if p.track else "待研判",
                scrub(_handler(p, town, settings), names),
                status_of(p),
                papers.get(p.id, ""),
            )
            for p in problems
        ],
        states=states,
        recommendations=recs,
        concentration=reasons,
        cc=(town.party_committee or f"中共{town.name}委员会", office_name(settings)),
    )


def _recommendations(
    tracks: Counter[Track],
    states: list[TrackState],
    n_clues: int,
) -> list[str]:
    out: list[str] = []
    notices, ledger, _ = states
    if tracks[Track.FIX_NOW]:
        out.append(
            f"对立行立改的{notices.total}份通知书，督促责任单位按期反馈，巡察组逐项核查，"
            f"核查合格后方可办结"
            + (f"；逾期的{notices.overdue}份须说明理由并明确新的时限" if notices.overdue else "")
        )
    if tracks[Track.LEDGER]:
        out.append(
            f"乡镇党委对整改台账{ledger.total}项事项实行对账销号，"
            f"已销号{ledger.done}项，其余事项逐项明确责任人和时限，不得未改先销"
        )
    if n_clues:
        out.append(f"对已移交的{n_clues}件问题线索，跟踪接收单位的初核、立案等处置情况，按期反馈")
    if tracks[Track.VERIFY]:
        out.append(f"对待核实的{tracks[Track.VERIFY]}个问题，尽快核实后确定处置方式")
    out.append("村党组织对照巡察发现问题举一反三，健全“四议两公开”、村务公开等制度，建立长效机制")
    return out


def write_village_report(
    ws: Workspace, village_id: str, out: Path, today: date | None = None
) -> Path:
    d = village_report_data(ws, village_id, today)
    path = out / village_report_file_name(d) if out.is_dir() else out
    render_village_report(d, path, fonts=workspace_fonts(ws))
    with ws.session() as s:
        s.audit("print_village_report", note=f"{d.township}{d.village} {path.name}")
        s.commit()
    return path
