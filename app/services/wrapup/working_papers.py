"""问题底稿 (working papers): what each says; editing it before sign-off; freezing it at sign-off.

A problem's working paper is made from the problem, the records it came from (date and method;
informants only as 某某), their photos, the decision of the evening (处置建议) and who is
responsible where known, plus two texts the team writes: 依据 (the policy or rule the problem
breaks) and the leader's 审核意见. Those two may be edited until the day is signed off
(:func:`edit_working_paper`); signing the day off (:func:`freeze_working_papers`, called by
:func:`app.services.wrapup.close.close_day` in its transaction) gives each of the day's papers its
number (底稿编号, the day and its place: 20261126-03), the leader and the date, and stores a
snapshot of what it says. A frozen paper always prints from its snapshot, whatever changes later.
The village 巡察报告 cites each problem's paper by that number (:func:`paper_numbers`).

Every text passes the protected-name scrub; printing is audited.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from datetime import date
from pathlib import Path

from sqlmodel import col, select

from app.documents.working_paper import (
    SourceLine,
    WorkingPaperDoc,
    paper_number,
    render_working_papers,
    working_paper_file_name,
)
from app.domain.formats import chinese_date, join_unit_post
from app.domain.vocabulary import ProblemStatus, SourceKind, Track, WrapupStatus
from app.services.field.records import Changed
from app.services.fonts import workspace_fonts
from app.services.wrapup.board import (
    WrapupRefused,
    board_problems,
    changed,
    team_of,
    wrapup_for,
)
from app.storage.models import (
    Attachment,
    ClueTransfer,
    DailyWrapup,
    Interview,
    OpinionEntry,
    Person,
    Problem,
    ProblemSource,
    RectificationNotice,
    Team,
    Township,
    User,
    Village,
    Visit,
    WorkingPaper,
    utcnow,
)
from app.storage.session import WorkspaceSession
from app.storage.workspace import Workspace

__all__ = [
    "MAX_TEXT",
    "edit_working_paper",
    "freeze_working_papers",
    "paper_numbers",
    "working_paper_docs",
    "working_paper_pdf",
    "write_working_papers",
]

MASK = "某某"
MAX_TEXT = 4000
"""Longest 依据 or 审核意见 accepted (characters)."""


def _protected(s: WorkspaceSession) -> list[str]:
    names = s.exec(select(Person.name).where(col(Person.protected).is_(True))).all()
    return sorted({n.strip() for n in names if len(n.strip()) >= 2}, key=len, reverse=True)


def _scrub(text: str, names: Sequence[str]) -> str:
    for name in names:
        if name in text:
            text = text.replace(name, MASK)
    return text


def _paper_row(s: WorkspaceSession, problem_id: str) -> WorkingPaper | None:
    return s.exec(
        select(WorkingPaper).where(
            WorkingPaper.problem_id == problem_id, col(WorkingPaper.retired_at).is_(None)
        )
    ).first()


def _frozen_wrapup(s: WorkspaceSession, p: Problem) -> DailyWrapup | None:
    wrap = s.get(DailyWrapup, p.wrapup_id) if p.wrapup_id else None
    return wrap if wrap is not None and wrap.status is WrapupStatus.CLOSED else None


# -- what a paper says ---------------------------------------------------------------------------
def _sources(
    s: WorkspaceSession, problem_ids: Sequence[str], names: Sequence[str]
) -> tuple[list[SourceLine], list[str]]:
    """The records behind the problems (oldest first) and their photos' descriptions."""
    lines: list[tuple[object, SourceLine]] = []
    photos: list[str] = []
    links = s.exec(
        select(ProblemSource).where(
            col(ProblemSource.problem_id).in_(list(problem_ids)),
            col(ProblemSource.retired_at).is_(None),
        )
    ).all()
    for link in links:
        if link.visit_id:
            visit = s.get(Visit, link.visit_id)
            if visit is None:
                continue
            place = _scrub(visit.place.strip(), names)
            lines.append(
                (
                    visit.occurred_at,
                    SourceLine(
                        visit.occurred_at.date(),
                        f"{SourceKind.VISIT.label}（{visit.method.label}）",
                        f"地点：{place}" if place else "",
                    ),
                )
            )
            kind, record = "visit_id", visit.id
        elif link.entry_id:
            entry = s.get(OpinionEntry, link.entry_id)
            if entry is None:
                continue
            who = "匿名" if entry.anonymous or not entry.writer_id else f"{MASK}反映"
            lines.append(
                (
                    entry.received_at,
                    SourceLine(entry.received_at.date(), entry.channel.label, who),
                )
            )
            kind, record = "entry_id", entry.id
        elif link.interview_id:
            talk = s.get(Interview, link.interview_id)
            if talk is None:
                continue
            lines.append(
                (
                    talk.started_at,
                    SourceLine(talk.started_at.date(), SourceKind.INTERVIEW.label, f"{MASK}谈话"),
                )
            )
            kind, record = "interview_id", talk.id
        else:
            continue
        for a in s.exec(
            select(Attachment).where(
                getattr(Attachment, kind) == record, col(Attachment.retired_at).is_(None)
            )
        ).all():
            photos.append(_scrub(a.caption.strip() or _PHOTO_OF[kind], names))
    lines.sort(key=lambda item: str(item[0]))
    for a in s.exec(
        select(Attachment).where(
            col(Attachment.problem_id).in_(list(problem_ids)), col(Attachment.retired_at).is_(None)
        )
    ).all():
        photos.append(_scrub(a.caption.strip() or "问题现场照片", names))
    return [line for _, line in lines], photos


_PHOTO_OF = {
    "visit_id": "走访现场照片",
    "entry_id": "来信材料照片",
    "interview_id": "谈话有关材料照片",
}


def _evidence(photos: Sequence[str], pages: int) -> list[str]:
    out: list[str] = []
    if photos:
        counts: dict[str, int] = {}
        for caption in photos:
            counts[caption] = counts.get(caption, 0) + 1
        shown = "；".join(f"{c}{n}张" if n > 1 else c for c, n in counts.items())
        out.append(f"照片{len(photos)}张（{shown}）")
    if pages:
        out.append(f"问题线索相关材料{pages}页（随移交函移交）")
    return out


def _proposal_and_responsible(
    s: WorkspaceSession, p: Problem, village: Village, names: Sequence[str]
) -> tuple[str, str, int]:
    """处置建议, 责任主体 and the clue's material pages."""
    settings_body = ""
    pages = 0
    if p.track is Track.FIX_NOW:
        when = f"，{chinese_date(p.deadline)}前整改到位" if p.deadline else ""
        notice = s.get(RectificationNotice, p.notice_id) if p.notice_id else None
        number = f"（{notice.doc_number}）" if notice is not None and notice.doc_number else ""
        proposal = f"立行立改：向{p.responsible_unit}发出立行立改通知书{number}{when}。"
        return proposal, p.responsible_unit, 0
    if p.track is Track.FAST_INVESTIGATION:
        clue = s.exec(
            select(ClueTransfer).where(
                ClueTransfer.problem_id == p.id, col(ClueTransfer.retired_at).is_(None)
            )
        ).first()
        body = p.receiving_body.label if p.receiving_body else "有关机关"
        urgency = f"（{p.urgency.label}）" if p.urgency else ""
        number = f"（{clue.doc_number}）" if clue is not None and clue.doc_number else ""
        proposal = f"直查快办：作为问题线索移交{body}{number}{urgency}，跟踪处置情况。"
        if clue is not None:
            pages = clue.attachment_pages
            settings_body = join_unit_post(clue.person_unit, clue.person_post) + clue.person_name
        return proposal, _scrub(settings_body, names), pages
    if p.track is Track.LEDGER:
        when = f"，{chinese_date(p.deadline)}前整改销号" if p.deadline else ""
        proposal = f"对账销号：列入整改台账，由{p.supervisor or '乡镇党委'}督办{when}。"
        responsible = f"{village.name}党组织" + (f"（{p.supervisor}督办）" if p.supervisor else "")
        return proposal, responsible, 0
    if p.track is Track.VERIFY:
        return "待核实：进一步核实后确定处置方式。", "", 0
    return "待研判。", "", 0


def _live_doc(s: WorkspaceSession, p: Problem, team: Team, names: Sequence[str]) -> WorkingPaperDoc:
    village = s.get_one(Village, p.village_id)
    town = s.get_one(Township, village.township_id)
    merged = [m.id for m in s.exec(select(Problem).where(Problem.merged_into_id == p.id)).all()]
    sources, photos = _sources(s, [p.id, *merged], names)
    proposal, responsible, pages = _proposal_and_responsible(s, p, village, names)
    row = _paper_row(s, p.id)
    kind = p.category.label if p.category else "未分类"
    if p.subcategory is not None:
        kind += f"·{p.subcategory.label}"
    return WorkingPaperDoc(
        number="",
        team=team.name,
        issuing_body=team.issuing_body or team.name,
        township=town.name,
        village=village.name,
        raised_on=p.raised_on,
        description=_scrub(p.description, names),
        category=kind,
        voices=p.voices,
        sources=tuple(sources),
        evidence=tuple(_evidence(photos, pages)),
        basis=_scrub(row.basis, names) if row else "",
        responsible=_scrub(responsible, names),
        proposal=_scrub(proposal, names),
        review=_scrub(row.review, names) if row else "",
    )


def _doc(s: WorkspaceSession, p: Problem, team: Team, names: Sequence[str]) -> WorkingPaperDoc:
    row = _paper_row(s, p.id)
    if row is not None and row.frozen_on is not None and row.snapshot:
        return WorkingPaperDoc.from_json(row.snapshot)
    return _live_doc(s, p, team, names)


def working_paper_docs(
    ws: Workspace, *, problem_id: str | None = None, day: date | None = None
) -> list[WorkingPaperDoc]:
    """The paper of one problem, or of every problem of ``day``'s wrap-up (in number order)."""
    if (problem_id is None) == (day is None):
        raise WrapupRefused("请指定一个问题或一天。")
    with ws.session() as s:
        names = _protected(s)
        team = team_of(s, ws)
        if problem_id is not None:
            p = s.get(Problem, problem_id)
            if p is None or p.retired_at is not None:
                raise WrapupRefused("找不到这个问题。")
            if p.status is ProblemStatus.MERGED:
                raise WrapupRefused("这个问题已合并到其他问题，请打印合并后问题的底稿。")
            return [_doc(s, p, team, names)]
        assert day is not None
        wrap = wrapup_for(s, team.id, day)
        problems = _ordered(s, board_problems(s, day, wrap))
        if wrap is not None and wrap.status is WrapupStatus.CLOSED:
            problems = [p for p in problems if p.wrapup_id == wrap.id]
        if not problems:
            raise WrapupRefused(f"{chinese_date(day)}没有问题，无需问题底稿。")
        return [_doc(s, p, team, names) for p in problems]


def _ordered(s: WorkspaceSession, problems: Sequence[Problem]) -> list[Problem]:
    """The order of a day's papers: by village (registry order), then as raised."""
    villages = {v.id: (v.code, v.name) for v in s.exec(select(Village)).all()}
    return sorted(
        problems, key=lambda p: (villages.get(p.village_id, ("", "")), p.raised_on, p.created_at)
    )


# -- editing before sign-off -------------------------------------------------------------------
def edit_working_paper(
    ws: Workspace, problem_id: str, *, basis: str | None = None, review: str | None = None
) -> list[Changed]:
    """Set the paper's 依据 and/or 审核意见. Refused once the problem's day is signed off (the
    paper is then frozen)."""
    for text in (basis, review):
        if text is not None and len(text) > MAX_TEXT:
            raise WrapupRefused(f"内容过长（不超过{MAX_TEXT}字）。")
    with ws.session() as s:
        p = s.get(Problem, problem_id)
        if p is None or p.retired_at is not None:
            raise WrapupRefused("找不到这个问题。")
        if p.status is ProblemStatus.MERGED:
            raise WrapupRefused("这个问题已合并到其他问题，请编辑合并后问题的底稿。")
        row = _paper_row(s, p.id)
        if _frozen_wrapup(s, p) is not None or (row is not None and row.frozen_on is not None):
            raise WrapupRefused("该日已签结，问题底稿已定稿，不能再修改。")
        row = row or WorkingPaper(problem_id=p.id)
        if basis is not None:
            row.basis = basis.strip()
        if review is not None:
            row.review = review.strip()
        row.updated_at = utcnow()
        s.add(row)
        s.flush()
        s.audit("edit_working_paper", row, note="依据、审核意见")
        s.commit()
        return [changed(row)]


# -- freezing at sign-off ----------------------------------------------------------------------
def freeze_working_papers(
    s: WorkspaceSession, ws: Workspace, wrap: DailyWrapup, problems: Sequence[Problem]
) -> list[str]:
    """Freeze the papers of the problems ``wrap`` freezes, in the caller's transaction: number
    them (in village order), sign them with the leader's name and the day, store what they say.
    Returns the numbers given."""
    team = team_of(s, ws)
    names = _protected(s)
    leader = s.get(User, ws.user_id)
    leader_name = leader.display_name if leader is not None else ws.username
    s.flush()
    given: list[str] = []
    for n, p in enumerate(_ordered(s, problems), start=1):
        number = paper_number(wrap.day, n)
        doc = replace(
            _live_doc(s, p, team, names),
            number=number,
            leader=_scrub(leader_name, names),
            signed_on=wrap.day,
            frozen=True,
        )
        row = _paper_row(s, p.id) or WorkingPaper(problem_id=p.id)
        row.wrapup_id = wrap.id
        row.number = number
        row.frozen_on = wrap.day
        row.frozen_by = leader_name
        row.snapshot = doc.as_json()
        row.updated_at = utcnow()
        s.add(row)
        given.append(number)
    s.flush()
    return given


def paper_numbers(s: WorkspaceSession, problem_ids: Sequence[str]) -> dict[str, str]:
    """底稿编号 of the given problems' frozen papers."""
    if not problem_ids:
        return {}
    rows = s.exec(
        select(WorkingPaper.problem_id, WorkingPaper.number).where(
            col(WorkingPaper.problem_id).in_(list(problem_ids)),
            col(WorkingPaper.retired_at).is_(None),
            WorkingPaper.number != "",
        )
    ).all()
    return {pid: number for pid, number in rows}


# -- printing ------------------------------------------------------------------------------------
def working_paper_pdf(
    ws: Workspace, *, problem_id: str | None = None, day: date | None = None
) -> tuple[bytes, str]:
    """The paper(s) as one PDF and a file name; the print is audited."""
    docs = working_paper_docs(ws, problem_id=problem_id, day=day)
    pdf = render_working_papers(docs, fonts=workspace_fonts(ws))
    _audit_print(ws, docs)
    return pdf, working_paper_file_name(docs)


def write_working_papers(
    ws: Workspace, folder: Path, *, problem_id: str | None = None, day: date | None = None
) -> list[Path]:
    """Write one PDF per paper into ``folder`` (atomically); return the paths."""
    docs = working_paper_docs(ws, problem_id=problem_id, day=day)
    fonts = workspace_fonts(ws)
    folder.mkdir(parents=True, exist_ok=True)
    paths: list[Path] = []
    for n, doc in enumerate(docs, start=1):
        if not doc.number:  # a draft: named by its place in the day, never by another's name
            doc = replace(doc, number=f"草稿{paper_number(doc.raised_on, n)}")
            name = working_paper_file_name([doc])
            doc = replace(doc, number="")
        else:
            name = working_paper_file_name([doc])
        path = folder / name
        render_working_papers([doc], path, fonts=fonts)
        paths.append(path)
    _audit_print(ws, docs)
    return paths


def _audit_print(ws: Workspace, docs: Sequence[WorkingPaperDoc]) -> None:
    with ws.session() as s:
        numbers = "、".join(d.number or "未定稿" for d in docs)
        s.audit("print_working_paper", note=f"共{len(docs)}份：{numbers}")
        s.commit()
