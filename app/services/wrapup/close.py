"""Sorting a problem, signing the day off, and amendments after sign-off.

Closing a day (签结) needs the leader's password, checked against the key file. In one transaction
the day's decisions freeze (problems get the day's wrap-up and 处置中), and the records that follow
them are created: one 立行立改通知书 per village and responsible unit gathering that unit's fix-now
problems, one 问题线索移交 per clue, one 整改台账 item per ledger problem. 待核实 problems are not
frozen: they stay on the next day's board. Document numbers are left to the official-documents
work (serial None, doc_number "").

A change to a frozen problem is an amendment: the problem and the records that follow it are
updated (a changed track retires the old record and creates the new one), a
:class:`~app.storage.models.WrapupAmendment` says what changed, the audit log gets an ``amend``
event, and the next day's sign-off attaches the amendment to that day's report.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from sqlmodel import col, select

from app.domain.deadlines import add_months
from app.domain.vocabulary import ProblemStatus, Role, Track, Urgency, WrapupStatus
from app.services.field.records import Changed
from app.services.followup.numbering import number_wrapup
from app.services.settings import Settings, load_settings
from app.services.wrapup.board import (
    Decision,
    WrapupRefused,
    apply_decision,
    board_problems,
    changed,
    closed_wrapup_ids,
    normalised,
    problem_decision,
    team_of,
    validate_decision,
    wrapup_for,
)
from app.storage.errors import WrongPassword
from app.storage.keyfile import KeyFile
from app.storage.models import (
    ClueTransfer,
    DailyWrapup,
    LedgerItem,
    Problem,
    RectificationNotice,
    Village,
    WrapupAmendment,
    utcnow,
)
from app.storage.session import WorkspaceSession
from app.storage.workspace import Workspace

__all__ = ["CloseResult", "SortResult", "close_day", "describe_decision", "sort_problem"]


@dataclass(frozen=True)
class SortResult:
    changed: list[Changed]
    amendment: bool


@dataclass
class CloseResult:
    wrapup_id: str
    day: date
    frozen: int = 0
    carried: int = 0
    notices: list[str] = field(default_factory=list)
    clues: list[str] = field(default_factory=list)
    ledger_items: list[str] = field(default_factory=list)
    amendments_reported: int = 0
    changed: list[Changed] = field(default_factory=list)


_FIELD_LABELS = {
    "track": "处置方式",
    "category": "问题类别",
    "subcategory": "问题小类",
    "responsible_unit": "责任单位",
    "deadline": "整改时限",
    "receiving_body": "移交对象",
    "urgency": "紧急程度",
    "supervisor": "督办党委",
    "requirement": "整改要求",
}


def describe_decision(d: Decision | None) -> str:
    """One line of Chinese: 立行立改（民生问题·水），区水利局，2026年12月4日前."""
    if d is None:
        return "未研判"
    kind = d.category.label if d.category else "未分类"
    if d.subcategory is not None:
        kind += f"·{d.subcategory.label}"
    parts = [f"{d.track.label}（{kind}）"]
    if d.track is Track.FIX_NOW:
        parts.append(d.responsible_unit)
    elif d.track is Track.FAST_INVESTIGATION:
        parts.append(f"移交{d.receiving_body.label if d.receiving_body else ''}")
        parts.append(d.urgency.label if d.urgency else "")
    elif d.track is Track.LEDGER:
        parts.append(f"{d.supervisor}督办")
    if d.deadline is not None and d.track in (Track.FIX_NOW, Track.LEDGER):
        parts.append(f"{d.deadline.year}年{d.deadline.month}月{d.deadline.day}日前")
    return "，".join(p for p in parts if p)


def _diff(before: Decision | None, after: Decision) -> list[str]:
    if before is None:
        return ["处置方式"]
    return [
        label
        for name, label in _FIELD_LABELS.items()
        if getattr(before, name) != getattr(after, name)
    ]


# -- records that follow a frozen problem ------------------------------------------------------
def _live_notice_problems(s: WorkspaceSession, notice_id: str, but: str) -> int:
    rows = s.exec(
        select(Problem.id).where(
            Problem.notice_id == notice_id,
            Problem.id != but,
            col(Problem.retired_at).is_(None),
            Problem.status != ProblemStatus.MERGED,
        )
    ).all()
    return len(rows)


def _detach_notice(s: WorkspaceSession, p: Problem) -> None:
    if p.notice_id is None:
        return
    notice = s.get(RectificationNotice, p.notice_id)
    p.notice_id = None
    if (
        notice is not None
        and notice.retired_at is None
        and _live_notice_problems(s, notice.id, p.id) == 0
    ):
        notice.retired_at = utcnow()
        s.add(notice)


def _retire(s: WorkspaceSession, rows: list[ClueTransfer] | list[LedgerItem]) -> None:
    for row in rows:
        row.retired_at = utcnow()
        s.add(row)


def _follow(
    s: WorkspaceSession, p: Problem, wrap: DailyWrapup, settings: Settings
) -> list[Changed]:
    """Make the records that follow ``p`` match its (frozen) decision; return what changed."""
    out: list[Changed] = []
    clues = list(
        s.exec(
            select(ClueTransfer).where(
                ClueTransfer.problem_id == p.id, col(ClueTransfer.retired_at).is_(None)
            )
        ).all()
    )
    items = list(
        s.exec(
            select(LedgerItem).where(
                LedgerItem.problem_id == p.id, col(LedgerItem.retired_at).is_(None)
            )
        ).all()
    )
    if p.track is not Track.FAST_INVESTIGATION:
        _retire(s, clues)
        clues = []
    if p.track is not Track.LEDGER:
        _retire(s, items)
        items = []
    if p.track is Track.FIX_NOW:
        current = s.get(RectificationNotice, p.notice_id) if p.notice_id else None
        if current is None or current.responsible_unit != p.responsible_unit:
            _detach_notice(s, p)
            target = s.exec(
                select(RectificationNotice).where(
                    RectificationNotice.wrapup_id == wrap.id,
                    RectificationNotice.village_id == p.village_id,
                    RectificationNotice.responsible_unit == p.responsible_unit,
                    col(RectificationNotice.retired_at).is_(None),
                )
            ).first()
            if target is None:
                target = _new_notice(p, wrap)
                s.add(target)
                s.flush()
            p.notice_id = target.id
            current = target
        assert p.deadline is not None
        others = s.exec(
            select(col(Problem.deadline)).where(
                Problem.notice_id == current.id,
                Problem.id != p.id,
                col(Problem.retired_at).is_(None),
                Problem.status != ProblemStatus.MERGED,
            )
        ).all()
        current.deadline = max([p.deadline, *(d for d in others if d is not None)])
        s.add(current)
        s.flush()
        out.append(changed(current))
    else:
        _detach_notice(s, p)
    if p.track is Track.FAST_INVESTIGATION:
        clue = clues[0] if clues else _new_clue(p, wrap, settings)
        assert p.receiving_body is not None and p.urgency is not None
        clue.receiving_body = p.receiving_body
        clue.urgency = p.urgency
        clue.summary = p.description
        s.add(clue)
        s.flush()
        out.append(changed(clue))
    if p.track is Track.LEDGER:
        item = items[0] if items else _new_ledger_item(p, wrap)
        assert p.deadline is not None
        item.requirement, item.supervisor, item.deadline = p.requirement, p.supervisor, p.deadline
        s.add(item)
        s.flush()
        out.append(changed(item))
    return out


def _new_notice(p: Problem, wrap: DailyWrapup) -> RectificationNotice:
    assert p.deadline is not None
    return RectificationNotice(
        village_id=p.village_id,
        wrapup_id=wrap.id,
        responsible_unit=p.responsible_unit,
        year=wrap.day.year,
        serial=None,
        doc_number="",
        issued_on=wrap.day,
        deadline=p.deadline,
    )


def _new_clue(p: Problem, wrap: DailyWrapup, settings: Settings) -> ClueTransfer:
    assert p.receiving_body is not None
    return ClueTransfer(
        problem_id=p.id,
        wrapup_id=wrap.id,
        year=wrap.day.year,
        serial=None,
        doc_number="",
        receiving_body=p.receiving_body,
        urgency=p.urgency or Urgency.NORMAL,
        transferred_on=wrap.day,
        feedback_deadline=add_months(wrap.day, settings.clue_feedback_months),
        summary=p.description,
    )


def _new_ledger_item(p: Problem, wrap: DailyWrapup) -> LedgerItem:
    assert p.deadline is not None
    return LedgerItem(
        problem_id=p.id,
        village_id=p.village_id,
        wrapup_id=wrap.id,
        requirement=p.requirement,
        supervisor=p.supervisor,
        deadline=p.deadline,
    )


# -- sorting ------------------------------------------------------------------------------------
def sort_problem(
    ws: Workspace, problem_id: str, decision: Decision, *, reason: str = ""
) -> SortResult:
    """Record how a problem is handled. On a signed-off day this is an amendment (audited, and
    listed in the next daily report); ``reason`` says why."""
    d = normalised(decision)
    errors = validate_decision(d)
    if errors:
        name, message = next(iter(errors.items()))
        raise WrapupRefused(message, name)
    settings = load_settings(ws)
    with ws.session() as s:
        p = s.get(Problem, problem_id)
        if p is None or p.retired_at is not None:
            raise WrapupRefused("找不到这个问题。")
        if p.status is ProblemStatus.MERGED:
            raise WrapupRefused("这个问题已合并到其他问题，请研判合并后的问题。")
        wrap = s.get(DailyWrapup, p.wrapup_id) if p.wrapup_id else None
        frozen = wrap is not None and wrap.status is WrapupStatus.CLOSED
        before = problem_decision(p)
        if before == d:
            return SortResult([], False)
        apply_decision(p, d)
        out: list[Changed] = []
        if not frozen:
            p.status = ProblemStatus.SORTED
            s.add(p)
            s.flush()
            s.commit()
            return SortResult([changed(p)], False)
        assert wrap is not None
        if not reason.strip():
            raise WrapupRefused("该日已签结，更正须写明理由。", "reason")
        if d.track is Track.VERIFY:
            # back to verifying: off the signed-off day, onto the next board
            p.wrapup_id = None
            p.status = ProblemStatus.SORTED
        out.extend(_follow(s, p, wrap, settings))
        number_wrapup(s, team_of(s, ws), wrap.id)  # a paper added to a closed day
        s.add(p)
        amendment = WrapupAmendment(
            problem_id=p.id,
            wrapup_id=wrap.id,
            amended_by=ws.username,
            fields="、".join(_diff(before, d)),
            before=describe_decision(before),
            after=describe_decision(d),
            reason=reason.strip(),
        )
        s.add(amendment)
        s.flush()
        s.audit("amend", p, note=f"{wrap.day.isoformat()}签结后更正：{amendment.fields}")
        s.commit()
        return SortResult([changed(p), changed(amendment), *out], True)


# -- closing the day ----------------------------------------------------------------------------
def check_leader_password(ws: Workspace, password: str) -> None:
    if ws.role is not Role.LEADER:
        raise WrapupRefused("只有组长可以签结。")
    if not password:
        raise WrapupRefused("请输入组长密码。", "password")
    try:
        KeyFile.load(ws.paths.key).unlock(password, ws.username)
    except WrongPassword as exc:
        raise WrapupRefused("密码不正确，未签结。", "password") from exc


def close_day(ws: Workspace, day: date, password: str) -> CloseResult:
    """The leader signs ``day`` off (see the module docstring). Nothing is written on refusal."""
    check_leader_password(ws, password)
    settings = load_settings(ws)
    with ws.session() as s:
        team = team_of(s, ws)
        wrap = wrapup_for(s, team.id, day)
        if wrap is not None and wrap.status is WrapupStatus.CLOSED:
            raise WrapupRefused(f"{day.year}年{day.month}月{day.day}日已签结。")
        if wrap is None:
            wrap = DailyWrapup(team_id=team.id, day=day)
            s.add(wrap)
            s.flush()
        closed_ids = closed_wrapup_ids(s)
        problems = [p for p in board_problems(s, day, wrap) if p.wrapup_id not in closed_ids]
        unsorted = [p for p in problems if p.track is None]
        if unsorted:
            raise WrapupRefused(f"还有{len(unsorted)}个问题未研判，请全部研判后再签结。")
        villages = {v.id: v.name for v in s.exec(select(Village)).all()}
        for p in problems:
            d = problem_decision(p)
            assert d is not None
            errors = validate_decision(d)
            if errors:
                message = next(iter(errors.values()))
                raise WrapupRefused(
                    f"{villages.get(p.village_id, '')}“{p.description[:16]}”：{message}"
                )
        result = CloseResult(wrapup_id=wrap.id, day=day)
        notices: dict[tuple[str, str], RectificationNotice] = {}
        for p in problems:
            if p.track is Track.VERIFY:
                p.status = ProblemStatus.SORTED
                p.wrapup_id = None
                result.carried += 1
                s.add(p)
                continue
            p.wrapup_id = wrap.id
            p.status = ProblemStatus.HANDLING
            result.frozen += 1
            if p.track is Track.FIX_NOW:
                assert p.deadline is not None
                key = (p.village_id, p.responsible_unit)
                notice = notices.get(key)
                if notice is None:
                    notice = notices[key] = _new_notice(p, wrap)
                    s.add(notice)
                notice.deadline = max(notice.deadline, p.deadline)
                p.notice_id = notice.id
            elif p.track is Track.FAST_INVESTIGATION:
                clue = _new_clue(p, wrap, settings)
                s.add(clue)
                result.clues.append(clue.id)
            elif p.track is Track.LEDGER:
                item = _new_ledger_item(p, wrap)
                s.add(item)
                result.ledger_items.append(item.id)
            s.add(p)
        result.notices = [n.id for n in notices.values()]
        number_wrapup(s, team, wrap.id)  # 发文字号 (issue 5; stays 待编号 off the numbering device)
        pending = s.exec(
            select(WrapupAmendment).where(
                col(WrapupAmendment.reported_in_id).is_(None),
                WrapupAmendment.wrapup_id != wrap.id,
                col(WrapupAmendment.retired_at).is_(None),
            )
        ).all()
        for amendment in pending:
            amendment.reported_in_id = wrap.id
            s.add(amendment)
        result.amendments_reported = len(pending)
        wrap.status = WrapupStatus.CLOSED
        wrap.closed_at = utcnow()
        wrap.closed_by_id = ws.user_id
        wrap.summary = (
            f"当日研判问题{result.frozen + result.carried}个：立行立改通知书{len(notices)}份，"
            f"问题线索移交{len(result.clues)}件，整改台账{len(result.ledger_items)}项，"
            f"待核实{result.carried}个。"
        )
        s.add(wrap)
        s.flush()
        s.audit("close_day", wrap, note=day.isoformat())
        s.commit()
        result.changed = [changed(wrap)]
        return result
