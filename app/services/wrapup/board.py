"""The evening wrap-up (昼巡夜结): the day's board, sorting each problem, merging voices.

A day's board holds every live problem raised that day plus older ones still unsorted (never frozen
into a signed-off day, e.g. 待核实 carried over), grouped by village, each with the records that
raised it. A person sorts each problem into a category and a track (the domain suggests both from
the text, with the reason); near-identical problems of one village are merged into one problem with
several sources, keeping the number of voices (反映人次).

Closing the day and amendments after sign-off live in :mod:`app.services.wrapup.close`.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from typing import TYPE_CHECKING

from sqlalchemy import and_, or_
from sqlmodel import col, select

from app.domain.classify import Suggestion
from app.domain.vocabulary import (
    ProblemCategory,
    ProblemStatus,
    ReceivingBody,
    SourceKind,
    Subcategory,
    Track,
    Urgency,
    WrapupStatus,
    may_see_protected,
)
from app.services.field.records import Changed
from app.services.settings import Settings
from app.storage.errors import WorkspaceError
from app.storage.models import (
    DailyWrapup,
    Interview,
    OpinionEntry,
    Person,
    Problem,
    ProblemMerge,
    ProblemSource,
    Synced,
    Team,
    Township,
    User,
    Village,
    Visit,
    new_id,
    utcnow,
)
from app.storage.session import WorkspaceSession
from app.storage.workspace import Workspace

if TYPE_CHECKING:  # the reading loads on first use, off the GUI thread, not at program start
    from app.domain.merge import Comparison
    from app.domain.reading import Reading

__all__ = [
    "DEFAULT_REQUIREMENT",
    "UNIT_FOR_SUBCATEGORY",
    "Board",
    "Decision",
    "MergeCandidate",
    "ProblemRow",
    "SourceRef",
    "SourceText",
    "VillageGroup",
    "WrapupRefused",
    "compare_problems",
    "default_decision",
    "load_board",
    "merge_candidates",
    "merge_problems",
    "problem_decision",
    "source_text",
    "undo_merge",
    "validate_decision",
]

UNIT_FOR_SUBCATEGORY: dict[Subcategory, str] = {
    Subcategory.WATER: "区水利局",
    Subcategory.WELL: "区水利局",
    Subcategory.POWER: "国网供电公司",
    Subcategory.GAS: "区住房和城乡建设局",
    Subcategory.ROAD: "区交通运输局",
    Subcategory.BRIDGE: "区交通运输局",
}
"""The responsible unit suggested for a fix-now problem (otherwise the township government)."""

DEFAULT_REQUIREMENT = "建立整改清单，明确责任人和完成时限，按期整改到位后报请销号。"


class WrapupRefused(WorkspaceError):
    """A wrap-up step refused; ``field`` names the form field at fault (or "")."""

    def __init__(self, message: str, field: str = "") -> None:
        super().__init__(message)
        self.field = field


# -- the board ------------------------------------------------------------------------------
@dataclass(frozen=True)
class SourceRef:
    """One record that raised a problem (its text is one click away: :func:`source_text`)."""

    kind: SourceKind
    record_id: str
    at: datetime
    preview: str


@dataclass(frozen=True)
class SourceText:
    kind: SourceKind
    record_id: str
    at: datetime
    village: str
    heading: str
    text: str


@dataclass(frozen=True)
class Decision:
    """How a problem is handled: category, track and the track's particulars."""

    track: Track
    category: ProblemCategory | None = None
    subcategory: Subcategory | None = None
    responsible_unit: str = ""
    deadline: date | None = None
    receiving_body: ReceivingBody | None = None
    urgency: Urgency | None = None
    supervisor: str = ""
    requirement: str = ""


@dataclass(frozen=True)
class ProblemRow:
    id: str
    village_id: str
    village: str
    township: str
    party_committee: str
    description: str
    raised_on: date
    status: ProblemStatus
    decision: Decision | None
    voices: int
    frozen: bool
    """Part of a signed-off day: a change now is an amendment."""
    carried: bool
    """Raised on an earlier day and still unsorted."""
    sources: tuple[SourceRef, ...]
    suggestion: Suggestion
    reading: Reading | None = None
    """What the (masked) text says, for merging; None only for rows built by hand."""
    merged_count: int = 0
    """Problems merged into this one that can still be taken apart (undo of a merge)."""


@dataclass(frozen=True)
class VillageGroup:
    village_id: str
    village: str
    problem_ids: tuple[str, ...]


@dataclass(frozen=True)
class Board:
    day: date
    status: WrapupStatus
    wrapup_id: str | None
    closed_by: str
    closed_at: datetime | None
    villages: tuple[VillageGroup, ...]
    problems: dict[str, ProblemRow] = field(default_factory=dict)

    @property
    def closed(self) -> bool:
        return self.status is WrapupStatus.CLOSED

    @property
    def unsorted(self) -> int:
        return sum(1 for p in self.problems.values() if p.decision is None)

    def rows(self) -> list[ProblemRow]:
        return [self.problems[pid] for g in self.villages for pid in g.problem_ids]

    def rows_ids(self) -> list[str]:
        return [pid for g in self.villages for pid in g.problem_ids]


def team_of(s: WorkspaceSession, ws: Workspace) -> Team:
    user = s.get(User, ws.user_id)
    team = s.get(Team, user.team_id) if user is not None and user.team_id else None
    team = team or s.exec(select(Team).where(col(Team.retired_at).is_(None))).first()
    if team is None:
        raise WrapupRefused("工作区中没有巡察组。")
    return team


def wrapup_for(s: WorkspaceSession, team_id: str, day: date) -> DailyWrapup | None:
    return s.exec(
        select(DailyWrapup).where(DailyWrapup.team_id == team_id, DailyWrapup.day == day)
    ).first()


def problem_decision(p: Problem) -> Decision | None:
    if p.track is None:
        return None
    return Decision(
        track=p.track,
        category=p.category,
        subcategory=p.subcategory,
        responsible_unit=p.responsible_unit,
        deadline=p.deadline,
        receiving_body=p.receiving_body,
        urgency=p.urgency,
        supervisor=p.supervisor,
        requirement=p.requirement,
    )


def closed_wrapup_ids(s: WorkspaceSession) -> set[str]:
    return set(
        s.exec(select(DailyWrapup.id).where(DailyWrapup.status == WrapupStatus.CLOSED)).all()
    )


def board_problems(s: WorkspaceSession, day: date, wrap: DailyWrapup | None) -> list[Problem]:
    """The live, unmerged problems of ``day``'s board (see the module docstring)."""
    closed = wrap is not None and wrap.status is WrapupStatus.CLOSED
    live = (col(Problem.retired_at).is_(None), Problem.status != ProblemStatus.MERGED)
    if closed:
        assert wrap is not None
        where = or_(
            col(Problem.wrapup_id) == wrap.id,
            and_(col(Problem.raised_on) == day, col(Problem.wrapup_id).is_(None)),
        )
    else:
        conditions = [
            col(Problem.raised_on) == day,
            and_(col(Problem.raised_on) < day, col(Problem.wrapup_id).is_(None)),
        ]
        if wrap is not None:
            conditions.append(col(Problem.wrapup_id) == wrap.id)
        where = or_(*conditions)
    return list(
        s.exec(
            select(Problem)
            .where(*live, where)
            .order_by(col(Problem.raised_on), col(Problem.created_at))
        ).all()
    )


def _preview(text: str, limit: int = 60) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[: limit - 1] + "…"


def _sources(s: WorkspaceSession, ids: Sequence[str]) -> dict[str, list[SourceRef]]:
    out: dict[str, list[SourceRef]] = {pid: [] for pid in ids}
    if not ids:
        return out
    links = s.exec(
        select(ProblemSource).where(
            col(ProblemSource.problem_id).in_(ids), col(ProblemSource.retired_at).is_(None)
        )
    ).all()
    visit_ids = [x.visit_id for x in links if x.visit_id]
    entry_ids = [x.entry_id for x in links if x.entry_id]
    interview_ids = [x.interview_id for x in links if x.interview_id]
    visits = {v.id: v for v in s.exec(select(Visit).where(col(Visit.id).in_(visit_ids))).all()}
    entries = {
        e.id: e for e in s.exec(select(OpinionEntry).where(col(OpinionEntry.id).in_(entry_ids)))
    }
    talks = {i.id: i for i in s.exec(select(Interview).where(col(Interview.id).in_(interview_ids)))}
    for link in links:
        ref: SourceRef | None = None
        if link.visit_id and link.visit_id in visits:
            v = visits[link.visit_id]
            ref = SourceRef(SourceKind.VISIT, v.id, v.occurred_at, _preview(v.notes))
        elif link.entry_id and link.entry_id in entries:
            e = entries[link.entry_id]
            ref = SourceRef(SourceKind.ENTRY, e.id, e.received_at, _preview(e.content))
        elif link.interview_id and link.interview_id in talks:
            i = talks[link.interview_id]
            ref = SourceRef(SourceKind.INTERVIEW, i.id, i.started_at, _preview(i.record))
        if ref is not None:
            out[link.problem_id].append(ref)
    for refs in out.values():
        refs.sort(key=lambda r: r.at)
    return out


def _masks(s: WorkspaceSession) -> dict[str, str]:
    """Protected name → its masked form (张*), longest names first."""
    names = s.exec(select(Person.name).where(col(Person.protected).is_(True))).all()
    found = sorted({n.strip() for n in names if len(n.strip()) >= 2}, key=len, reverse=True)
    return {n: n[0] + "*" * (len(n) - 1) for n in found}


def _mask(text: str, masks: dict[str, str]) -> str:
    for name, masked in masks.items():
        if name in text:
            text = text.replace(name, masked)
    return text


def load_board(ws: Workspace, day: date) -> Board:
    """The wrap-up board of ``day``: its problems by village, decisions, sources, suggestions
    (the reading, loaded here on first use, and the team's learned model; call it off the GUI
    thread)."""
    from app.services.reading import load_reader, suggestion_for, team_model

    reader = load_reader()
    model = team_model(ws)
    with ws.session() as s:
        team = team_of(s, ws)
        wrap = wrapup_for(s, team.id, day)
        problems = board_problems(s, day, wrap)
        closed_ids = closed_wrapup_ids(s)
        villages = {v.id: v for v in s.exec(select(Village)).all()}
        towns = {t.id: t for t in s.exec(select(Township)).all()}
        sources = _sources(s, [p.id for p in problems])
        masked = _masks(s) if not may_see_protected(ws.role) else {}
        closer = s.get(User, wrap.closed_by_id) if wrap and wrap.closed_by_id else None
        undoable = _undoable_counts(s, [p.id for p in problems])
        rows: dict[str, ProblemRow] = {}
        by_village: dict[str, list[str]] = {}
        for p in problems:
            village = villages.get(p.village_id)
            town = towns.get(village.township_id) if village is not None else None
            text = _mask(p.description, masked)
            reading = reader.read(text)
            rows[p.id] = ProblemRow(
                id=p.id,
                village_id=p.village_id,
                village=village.name if village is not None else "",
                township=town.name if town is not None else "",
                party_committee=town.party_committee if town is not None else "",
                description=text,
                raised_on=p.raised_on,
                status=p.status,
                decision=problem_decision(p),
                voices=p.voices,
                frozen=p.wrapup_id in closed_ids,
                carried=p.raised_on < day and p.wrapup_id is None,
                sources=tuple(sources.get(p.id, ())),
                suggestion=suggestion_for(reading, model),
                reading=reading,
                merged_count=undoable.get(p.id, 0),
            )
            by_village.setdefault(p.village_id, []).append(p.id)

        def village_key(vid: str) -> tuple[str, str]:
            v = villages.get(vid)
            return (v.code, v.name) if v is not None else ("", "")

        groups = tuple(
            VillageGroup(vid, rows[ids[0]].village, tuple(ids))
            for vid, ids in sorted(by_village.items(), key=lambda kv: village_key(kv[0]))
        )
        return Board(
            day=day,
            status=wrap.status if wrap is not None else WrapupStatus.OPEN,
            wrapup_id=wrap.id if wrap is not None else None,
            closed_by=closer.display_name if closer is not None else "",
            closed_at=wrap.closed_at if wrap is not None else None,
            villages=groups,
            problems=rows,
        )


def source_text(ws: Workspace, kind: SourceKind, record_id: str) -> SourceText:
    """The full text of a record that raised a problem (no informant's name is added)."""
    with ws.session() as s:
        heading: str
        rec: Visit | OpinionEntry | Interview | None
        if kind is SourceKind.VISIT:
            rec = s.get(Visit, record_id)
            if rec is None:
                raise WrapupRefused("找不到这条走访记录。")
            at, body = rec.occurred_at, rec.notes
            heading = f"{rec.method.label}　{rec.place}".strip()
        elif kind is SourceKind.ENTRY:
            rec = s.get(OpinionEntry, record_id)
            if rec is None:
                raise WrapupRefused("找不到这件意见箱信件。")
            at, body = rec.received_at, rec.content
            heading = f"{rec.channel.label}　{rec.box_label}".strip()
        else:
            rec = s.get(Interview, record_id)
            if rec is None:
                raise WrapupRefused("找不到这条谈话记录。")
            at, body = rec.started_at, rec.record
            heading = f"谈话记录　{rec.place}".strip()
        if not may_see_protected(ws.role):
            body = _mask(body, _masks(s))
        village = s.get(Village, rec.village_id)
        return SourceText(kind, record_id, at, village.name if village else "", heading, body)


# -- decisions ------------------------------------------------------------------------------
def default_decision(
    suggestion: Suggestion,
    day: date,
    settings: Settings,
    *,
    party_committee: str = "",
    track: Track | None = None,
) -> Decision:
    """The form's defaults for ``track`` (the suggested one if None), dated from ``day``."""
    chosen = track or suggestion.track
    category, sub = suggestion.category, suggestion.subcategory
    if chosen is Track.FIX_NOW:
        if category is not ProblemCategory.LIVELIHOOD:
            category, sub = ProblemCategory.LIVELIHOOD, Subcategory.LIVELIHOOD_OTHER
        unit = UNIT_FOR_SUBCATEGORY.get(sub, "乡镇人民政府") if sub else "乡镇人民政府"
        if suggestion.responsible_unit and suggestion.track is Track.FIX_NOW:
            unit = suggestion.responsible_unit  # the field's unit: 区卫生健康局 for a clinic
        return Decision(
            chosen,
            category,
            sub,
            responsible_unit=unit,
            deadline=day + timedelta(days=settings.fix_now_days),
        )
    if chosen is Track.FAST_INVESTIGATION:
        return Decision(
            chosen,
            ProblemCategory.CLUE,
            None,
            receiving_body=suggestion.receiving_body or ReceivingBody.DISCIPLINE_COMMISSION,
            urgency=Urgency.NORMAL,
        )
    if chosen is Track.LEDGER:
        if category is not ProblemCategory.GENERAL:
            category, sub = ProblemCategory.GENERAL, Subcategory.GENERAL_OTHER
        return Decision(
            chosen,
            category,
            sub,
            supervisor=party_committee,
            requirement=DEFAULT_REQUIREMENT,
            deadline=day + timedelta(days=settings.ledger_days),
        )
    return Decision(Track.VERIFY, category, sub)


def _check_fix_now(d: Decision, errors: dict[str, str]) -> None:
    if not d.responsible_unit.strip():
        errors["responsible_unit"] = "立行立改须写明责任单位。"
    if d.deadline is None:
        errors["deadline"] = "立行立改须定整改时限。"


def _check_fast_investigation(d: Decision, errors: dict[str, str]) -> None:
    if d.receiving_body is None:
        errors["receiving_body"] = "直查快办须选择移交对象。"
    if d.urgency is None:
        errors["urgency"] = "直查快办须选择紧急程度。"


def _check_ledger(d: Decision, errors: dict[str, str]) -> None:
    if not d.supervisor.strip():
        errors["supervisor"] = "对账销号须写明督办乡镇党委。"
    if not d.requirement.strip():
        errors["requirement"] = "对账销号须写明整改要求。"
    if d.deadline is None:
        errors["deadline"] = "对账销号须定整改时限。"


_TRACK_CHECKS: dict[Track, Callable[[Decision, dict[str, str]], None]] = {
    Track.FIX_NOW: _check_fix_now,
    Track.FAST_INVESTIGATION: _check_fast_investigation,
    Track.LEDGER: _check_ledger,
}


def validate_decision(d: Decision) -> dict[str, str]:
    """Field → Chinese message for everything wrong with ``d`` (empty when it is complete)."""
    errors: dict[str, str] = {}
    if d.category is not None:
        if d.category is ProblemCategory.CLUE and d.subcategory is not None:
            errors["subcategory"] = "问题线索不分小类。"
        elif d.subcategory is not None and d.subcategory.category is not d.category:
            errors["subcategory"] = f"“{d.subcategory.label}”不属于{d.category.label}。"
    if d.track is Track.VERIFY:
        return errors
    if d.category is None:
        errors["category"] = "请选择问题类别。"
    elif d.category is not ProblemCategory.CLUE and d.subcategory is None:
        errors["subcategory"] = "请选择问题小类。"
    check = _TRACK_CHECKS.get(d.track)
    if check is not None:
        check(d, errors)
    return errors


def normalised(d: Decision) -> Decision:
    """Keep only the particulars of ``d``'s track (others are cleared)."""
    fix, fast, ledger = (
        d.track is Track.FIX_NOW,
        d.track is Track.FAST_INVESTIGATION,
        d.track is Track.LEDGER,
    )
    return Decision(
        track=d.track,
        category=d.category,
        subcategory=None if d.category is ProblemCategory.CLUE else d.subcategory,
        responsible_unit=d.responsible_unit.strip() if fix else "",
        deadline=d.deadline if fix or ledger else None,
        receiving_body=d.receiving_body if fast else None,
        urgency=d.urgency if fast else None,
        supervisor=d.supervisor.strip() if ledger else "",
        requirement=d.requirement.strip() if ledger else "",
    )


def apply_decision(p: Problem, d: Decision) -> None:
    p.track = d.track
    p.category = d.category
    p.subcategory = d.subcategory
    p.responsible_unit = d.responsible_unit
    p.deadline = d.deadline
    p.receiving_body = d.receiving_body
    p.urgency = d.urgency
    p.supervisor = d.supervisor
    p.requirement = d.requirement


def changed(obj: Synced) -> Changed:
    return Changed(kind=str(type(obj).__tablename__), record_id=obj.id, version=obj.version)


# -- merging --------------------------------------------------------------------------------
@dataclass(frozen=True)
class MergeCandidate:
    """Problems of one village that tell the same problem; the first is the one kept by default.
    ``reason`` says why in words (同一水渠、同一问题（渗漏），地点一致（3组）)."""

    village_id: str
    village: str
    ids: tuple[str, ...]
    descriptions: tuple[str, ...]
    voices: int
    reason: str


def merge_candidates(ws: Workspace, day: date) -> list[MergeCandidate]:
    """Problems of one village on ``day``'s board (its open days) that tell the same problem."""
    board = load_board(ws, day)
    return candidates_on(board)


def candidates_on(board: Board) -> list[MergeCandidate]:
    """Merge candidates among the board's problems not yet frozen, village by village: a problem
    told again days later (still on the board, its day not signed off) is offered too."""
    from app.domain.merge import merge_groups as same_problem_groups

    out: list[MergeCandidate] = []
    for group in board.villages:
        rows = [board.problems[pid] for pid in group.problem_ids]
        open_rows = [r for r in rows if not r.frozen and r.reading is not None]
        by_id = {r.id: r for r in open_rows}
        items = [(r.id, r.reading) for r in open_rows if r.reading is not None]
        for found in same_problem_groups(items):
            members = [by_id[i] for i in found.ids]
            out.append(
                MergeCandidate(
                    village_id=group.village_id,
                    village=group.village,
                    ids=found.ids,
                    descriptions=tuple(m.description for m in members),
                    voices=sum(m.voices for m in members),
                    reason=found.reason,
                )
            )
    return out


def compare_problems(board: Board, ids: Sequence[str]) -> list[tuple[str, Comparison]]:
    """How each selected problem compares with the first (for a merge a person chose): problem
    id → the comparison, in words (a conflict is a warning, the person decides)."""
    from app.domain.merge import compare

    rows = [board.problems[i] for i in ids if i in board.problems]
    if len(rows) < 2 or rows[0].reading is None:
        return []
    first = rows[0].reading
    return [(r.id, compare(first, r.reading)) for r in rows[1:] if r.reading is not None]


def _undoable_counts(s: WorkspaceSession, ids: Sequence[str]) -> dict[str, int]:
    if not ids:
        return {}
    rows = s.exec(
        select(ProblemMerge.keep_id).where(
            col(ProblemMerge.keep_id).in_(ids), col(ProblemMerge.undone_at).is_(None)
        )
    ).all()
    counts: dict[str, int] = {}
    for keep_id in rows:
        counts[keep_id] = counts.get(keep_id, 0) + 1
    return counts


def merge_problems(ws: Workspace, keep_id: str, merge_ids: Iterable[str]) -> list[Changed]:
    """Merge ``merge_ids`` into ``keep_id``: the kept problem takes every source and the voices
    (反映人次 = the sum); the others become 已合并 and point to it. One transaction."""
    return merge_groups(ws, [(keep_id, list(merge_ids))])


def merge_groups(ws: Workspace, groups: Iterable[tuple[str, Iterable[str]]]) -> list[Changed]:
    """Merge several groups (each: the problem kept, the problems merged into it) in one
    transaction: all of them, or none."""
    with ws.session() as s:
        closed_ids = closed_wrapup_ids(s)
        result: list[Changed] = []
        for keep_id, merge_ids in groups:
            result.extend(_merge_into(s, closed_ids, keep_id, merge_ids))
        s.commit()
        return result


def _merge_into(
    s: WorkspaceSession, closed_ids: set[str], keep_id: str, merge_ids: Iterable[str]
) -> list[Changed]:
    others = [pid for pid in dict.fromkeys(merge_ids) if pid != keep_id]
    if not others:
        raise WrapupRefused("请至少选择两个问题合并。")
    keep = s.get(Problem, keep_id)
    if keep is None or keep.retired_at is not None or keep.status is ProblemStatus.MERGED:
        raise WrapupRefused("要保留的问题不存在或已合并。")
    if keep.wrapup_id in closed_ids:
        raise WrapupRefused("该问题所在日已签结，不能再合并。")
    merged: list[Problem] = []
    for pid in others:
        p = s.get(Problem, pid)
        if p is None or p.retired_at is not None or p.status is ProblemStatus.MERGED:
            raise WrapupRefused("要合并的问题不存在或已合并。")
        if p.village_id != keep.village_id:
            raise WrapupRefused("只能合并同一个村（社区）的问题。")
        if p.wrapup_id in closed_ids:
            raise WrapupRefused("该问题所在日已签结，不能再合并。")
        merged.append(p)
    operation = new_id()  # what undo_merge takes apart again
    for p in merged:
        moved: list[str] = []
        for link in s.exec(
            select(ProblemSource).where(
                ProblemSource.problem_id == p.id, col(ProblemSource.retired_at).is_(None)
            )
        ).all():
            link.problem_id = keep.id
            moved.append(link.id)
            s.add(link)
        # problems merged into this one earlier now point to the kept one (that earlier merge's
        # own record stays: undoing this one makes it undoable again)
        repointed: list[str] = []
        for earlier in s.exec(select(Problem).where(Problem.merged_into_id == p.id)).all():
            earlier.merged_into_id = keep.id
            repointed.append(earlier.id)
            s.add(earlier)
        s.add(
            ProblemMerge(
                operation_id=operation,
                keep_id=keep.id,
                merged_id=p.id,
                voices=p.voices,
                status_before=p.status,
                source_ids="\n".join(moved),
                repointed_ids="\n".join(repointed),
                merged_by=s.actor.username,
            )
        )
        keep.voices += p.voices
        p.status = ProblemStatus.MERGED
        p.merged_into_id = keep.id
        s.add(p)
    s.add(keep)
    s.flush()
    s.audit("merge_problems", keep, note=f"{len(merged) + 1}个问题合并")
    return [changed(keep), *(changed(p) for p in merged)]


def undo_merge(ws: Workspace, keep_id: str) -> list[Changed]:
    """Take apart the latest merge into ``keep_id``: each merged problem gets back its sources,
    voices and status, and the kept one its own voices. Refused once the day is signed off (the
    merged problem is part of that day's papers then)."""
    with ws.session() as s:
        keep = s.get(Problem, keep_id)
        if keep is None or keep.retired_at is not None or keep.status is ProblemStatus.MERGED:
            raise WrapupRefused("这个问题不存在或已合并到其他问题。")
        if keep.wrapup_id in closed_wrapup_ids(s):
            raise WrapupRefused("该问题所在日已签结，不能再撤销合并。")
        records = list(
            s.exec(
                select(ProblemMerge)
                .where(ProblemMerge.keep_id == keep_id, col(ProblemMerge.undone_at).is_(None))
                .order_by(col(ProblemMerge.created_at).desc())
            ).all()
        )
        if not records:
            raise WrapupRefused("这个问题没有可以撤销的合并。")
        operation = records[0].operation_id
        undone: list[Problem] = []
        for record in (r for r in records if r.operation_id == operation):
            p = s.get(Problem, record.merged_id)
            if p is None or p.merged_into_id != keep.id:
                raise WrapupRefused("合并后的记录已被改动，不能撤销。")
            for link_id in filter(None, record.source_ids.splitlines()):
                link = s.get(ProblemSource, link_id)
                if link is not None and link.problem_id == keep.id:
                    link.problem_id = p.id
                    s.add(link)
            for earlier_id in filter(None, record.repointed_ids.splitlines()):
                earlier = s.get(Problem, earlier_id)
                if earlier is not None and earlier.merged_into_id == keep.id:
                    earlier.merged_into_id = p.id
                    s.add(earlier)
            p.status = record.status_before
            p.merged_into_id = None
            keep.voices = max(1, keep.voices - record.voices)
            record.undone_at = utcnow()
            s.add(p)
            s.add(record)
            undone.append(p)
        s.add(keep)
        s.flush()
        s.audit("undo_merge", keep, note=f"撤销合并，分出{len(undone)}个问题")
        s.commit()
        return [changed(keep), *(changed(p) for p in undone)]
