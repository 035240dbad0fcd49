"""What the daily report (巡察日报) of one day says, gathered from the workspace.

Plain data for :mod:`app.documents.daily_report`: the team, the villages covered, the day's records
by kind and visit method, the problems by category and track and the list under each track, the
amendments since the last report, what falls due tomorrow or is overdue, and the sign-off.

No protected name (``Person.protected``) ever reaches the report: every printed text passes
through :func:`scrub`, which replaces such names with 某某.
"""

from __future__ import annotations

from collections import Counter
from datetime import date, datetime, time, timedelta

from sqlalchemy import func
from sqlmodel import col, select

from app.documents.daily_report import AmendmentLine, DailyReportData, DueLine, TrackLine
from app.domain.vocabulary import (
    ClueStatus,
    LedgerStatus,
    NoticeStatus,
    ProblemCategory,
    Track,
    VisitMethod,
    WrapupStatus,
)
from app.services.wrapup.board import board_problems, team_of, wrapup_for
from app.storage.models import (
    ClueTransfer,
    DailyWrapup,
    Interview,
    LedgerItem,
    OpinionEntry,
    Person,
    Problem,
    RectificationNotice,
    Township,
    User,
    Village,
    Visit,
    WrapupAmendment,
)
from app.storage.session import WorkspaceSession
from app.storage.workspace import Workspace

__all__ = [
    "AmendmentLine",
    "DailyReportData",
    "DueLine",
    "TrackLine",
    "daily_report_data",
    "day_has_records",
    "scrub",
]

MASK = "某某"
TRACK_ORDER = (Track.FIX_NOW, Track.FAST_INVESTIGATION, Track.LEDGER, Track.VERIFY)
CATEGORY_ORDER = (ProblemCategory.LIVELIHOOD, ProblemCategory.CLUE, ProblemCategory.GENERAL)


def scrub(text: str, names: list[str]) -> str:
    """``text`` with every protected name in ``names`` (longest first) replaced by 某某."""
    for name in names:
        if name in text:
            text = text.replace(name, MASK)
    return text


def _protected_names(s: WorkspaceSession) -> list[str]:
    names = s.exec(select(Person.name).where(col(Person.protected).is_(True))).all()
    return sorted({n.strip() for n in names if len(n.strip()) >= 2}, key=len, reverse=True)


def _day_bounds(day: date) -> tuple[datetime, datetime]:
    start = datetime.combine(day, time())
    return start, start + timedelta(days=1)


def day_has_records(ws: Workspace, day: date) -> bool:
    """Whether anything was recorded or decided on ``day`` (a report makes sense)."""
    start, end = _day_bounds(day)
    with ws.session() as s:
        for model, column in (
            (Visit, Visit.occurred_at),
            (OpinionEntry, OpinionEntry.received_at),
            (Interview, Interview.started_at),
        ):
            n = s.exec(
                select(func.count())
                .select_from(model)
                .where(col(column) >= start, col(column) < end, col(model.retired_at).is_(None))
            ).one()
            if n:
                return True
        n = s.exec(
            select(func.count()).select_from(Problem).where(col(Problem.raised_on) == day)
        ).one()
        if n:
            return True
        team = team_of(s, ws)
        wrap = wrapup_for(s, team.id, day)
        return wrap is not None and wrap.status is WrapupStatus.CLOSED


def _track_line(p: Problem, village: str, names: list[str]) -> TrackLine:
    if p.track is Track.FIX_NOW:
        handler = p.responsible_unit
    elif p.track is Track.FAST_INVESTIGATION:
        body = p.receiving_body.label if p.receiving_body else ""
        handler = f"{body}（{p.urgency.label}）" if p.urgency else body
    elif p.track is Track.LEDGER:
        handler = p.supervisor
    else:
        handler = ""
    return TrackLine(
        scrub(p.description, names), village, scrub(handler, names), p.deadline, p.voices
    )


def daily_report_data(ws: Workspace, day: date) -> DailyReportData:
    start, end = _day_bounds(day)
    with ws.session() as s:
        names = _protected_names(s)
        team = team_of(s, ws)
        wrap = wrapup_for(s, team.id, day)
        closed = wrap is not None and wrap.status is WrapupStatus.CLOSED
        closer = s.get(User, wrap.closed_by_id) if wrap and wrap.closed_by_id else None
        data = DailyReportData(
            team=team.name,
            issuing_body=team.issuing_body or team.name,
            day=day,
            closed=closed,
            closed_by=closer.display_name if closer is not None else "",
            closed_at=wrap.closed_at if closed and wrap is not None else None,
        )
        villages = {v.id: v for v in s.exec(select(Village)).all()}
        towns = {t.id: t for t in s.exec(select(Township)).all()}

        visits = s.exec(
            select(Visit.method, Visit.village_id).where(
                col(Visit.occurred_at) >= start,
                col(Visit.occurred_at) < end,
                col(Visit.retired_at).is_(None),
            )
        ).all()
        entries = s.exec(
            select(OpinionEntry.village_id).where(
                col(OpinionEntry.received_at) >= start,
                col(OpinionEntry.received_at) < end,
                col(OpinionEntry.retired_at).is_(None),
            )
        ).all()
        talks = s.exec(
            select(Interview.village_id).where(
                col(Interview.started_at) >= start,
                col(Interview.started_at) < end,
                col(Interview.retired_at).is_(None),
            )
        ).all()
        methods = Counter(m for m, _ in visits)
        data.visits_by_method = [(m.label, methods.get(m, 0)) for m in VisitMethod]
        data.visits, data.entries, data.interviews = len(visits), len(entries), len(talks)

        problems = board_problems(s, day, wrap)
        covered = {v for _, v in visits} | set(entries) | set(talks)
        covered |= {p.village_id for p in problems if p.raised_on == day}
        by_town: dict[str, list[Village]] = {}
        for vid in covered:
            village = villages.get(vid)
            if village is not None:
                by_town.setdefault(village.township_id, []).append(village)
        for tid in sorted(by_town, key=lambda t: towns[t].code if t in towns else ""):
            members = sorted(by_town[tid], key=lambda v: v.code)
            town = towns[tid].name if tid in towns else ""
            data.villages.append((town, [v.name for v in members]))

        data.problems = len(problems)
        data.voices = sum(p.voices for p in problems)
        cats = Counter(p.category for p in problems)
        data.by_category = [(c.label, cats.get(c, 0)) for c in CATEGORY_ORDER]
        if cats.get(None):
            data.by_category.append(("未分类", cats[None]))
        tracks = Counter(p.track for p in problems)
        data.by_track = [(t.label, tracks.get(t, 0)) for t in TRACK_ORDER]
        if tracks.get(None):
            data.by_track.append(("未研判", tracks[None]))
        data.lists = {t: [] for t in TRACK_ORDER}
        for p in problems:
            vname = villages[p.village_id].name if p.village_id in villages else ""
            line = _track_line(p, vname, names)
            if p.track is None:
                data.unsorted.append(line)
            else:
                data.lists[p.track].append(line)

        data.amendments = _amendments(s, wrap, closed, villages, names)
        data.due = _due(s, day, villages, names)
        return data


def _amendments(
    s: WorkspaceSession,
    wrap: DailyWrapup | None,
    closed: bool,
    villages: dict[str, Village],
    names: list[str],
) -> list[AmendmentLine]:
    query = select(WrapupAmendment).where(col(WrapupAmendment.retired_at).is_(None))
    if closed:
        assert wrap is not None
        query = query.where(WrapupAmendment.reported_in_id == wrap.id)
    else:
        query = query.where(col(WrapupAmendment.reported_in_id).is_(None))
    rows = s.exec(query.order_by(col(WrapupAmendment.created_at))).all()
    out: list[AmendmentLine] = []
    for a in rows:
        p = s.get(Problem, a.problem_id)
        amended = s.get(DailyWrapup, a.wrapup_id)
        if p is None or amended is None:
            continue
        out.append(
            AmendmentLine(
                day=amended.day,
                village=villages[p.village_id].name if p.village_id in villages else "",
                description=scrub(p.description, names),
                fields=a.fields,
                before=scrub(a.before, names),
                after=scrub(a.after, names),
                reason=scrub(a.reason, names),
                by=a.amended_by,
            )
        )
    return out


def _due(
    s: WorkspaceSession, day: date, villages: dict[str, Village], names: list[str]
) -> list[DueLine]:
    """Notices, ledger items and clue feedback due by tomorrow (or overdue) and still open."""
    limit = day + timedelta(days=1)
    out: list[DueLine] = []

    def vname(vid: str) -> str:
        return villages[vid].name if vid in villages else ""

    notices = s.exec(
        select(RectificationNotice).where(
            col(RectificationNotice.deadline) <= limit,
            col(RectificationNotice.status).in_(
                [NoticeStatus.ISSUED, NoticeStatus.FEEDBACK_RECEIVED]
            ),
            col(RectificationNotice.retired_at).is_(None),
        )
    ).all()
    for n in notices:
        count = s.exec(
            select(func.count()).select_from(Problem).where(Problem.notice_id == n.id)
        ).one()
        out.append(
            DueLine(
                "立行立改",
                f"立行立改通知书（{count}个问题）",
                vname(n.village_id),
                n.responsible_unit,
                n.deadline,
                (n.deadline - day).days,
            )
        )
    items = s.exec(
        select(LedgerItem, Problem)
        .join(Problem, col(Problem.id) == LedgerItem.problem_id)
        .where(
            col(LedgerItem.deadline) <= limit,
            LedgerItem.status != LedgerStatus.TICKED_OFF,
            col(LedgerItem.retired_at).is_(None),
        )
    ).all()
    for item, p in items:
        out.append(
            DueLine(
                "对账销号",
                scrub(p.description, names),
                vname(item.village_id),
                scrub(item.supervisor, names),
                item.deadline,
                (item.deadline - day).days,
            )
        )
    clues = s.exec(
        select(ClueTransfer, Problem)
        .join(Problem, col(Problem.id) == ClueTransfer.problem_id)
        .where(
            col(ClueTransfer.feedback_deadline) <= limit,
            col(ClueTransfer.feedback_on).is_(None),
            col(ClueTransfer.status).in_([ClueStatus.TRANSFERRED, ClueStatus.PRELIMINARY]),
            col(ClueTransfer.retired_at).is_(None),
        )
    ).all()
    for clue, p in clues:
        out.append(
            DueLine(
                "直查快办反馈",
                scrub(p.description, names),
                vname(p.village_id),
                clue.receiving_body.label,
                clue.feedback_deadline,
                (clue.feedback_deadline - day).days,
            )
        )
    out.sort(key=lambda d: (d.deadline, d.kind, d.village))
    return out
