"""What the field window reads: a village's records, today's records, details, search results.

Every list is two steps, so that tables can hold ids and fetch rows lazily: ``*_keys`` returns the
record keys in display order (cheap: ids only), ``record_rows`` the display rows of some keys.
Protected names (informants) are masked here (:func:`mask_name`) for roles that may not read them,
so no view ever receives one it must not show.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta

from sqlmodel import col, select

from app.domain.vocabulary import Role, may_see_protected
from app.services.attachments import PhotoInfo, photos_of
from app.services.field import records
from app.storage.models import (
    Interview,
    OpinionEntry,
    Person,
    Problem,
    ProblemSource,
    Village,
    Visit,
    VisitPerson,
)
from app.storage.session import WorkspaceSession
from app.storage.workspace import Workspace

KINDS: tuple[str, ...] = ("visit", "opinion_entry", "interview", "problem")
"""The kinds of record the window lists (table names)."""

SEARCH_KIND_TO_TABLE = {"visit": "visit", "entry": "opinion_entry", "interview": "interview"}
RecordKey = tuple[str, str]
"""(kind, record id)."""


def mask_name(name: str, protected: bool, role: Role) -> str:
    """A person's name as ``role`` may read it: protected names become surname + * (张*)."""
    if not protected or may_see_protected(role) or not name:
        return name
    return name[0] + "*"


@dataclass(frozen=True)
class RecordRow:
    """One line of a record list."""

    kind: str
    id: str
    village_id: str
    village_name: str
    when: datetime
    label: str
    """Method, channel, interviewee post or problem status (Chinese)."""
    person: str
    """People met, writer or interviewee, already masked."""
    summary: str


# -- keys ---------------------------------------------------------------------------------------
def _time_col(kind: str) -> object:
    return {
        "visit": Visit.occurred_at,
        "opinion_entry": OpinionEntry.received_at,
        "interview": Interview.started_at,
        "problem": Problem.raised_on,
    }[kind]


_MODELS: dict[str, type[Visit] | type[OpinionEntry] | type[Interview] | type[Problem]] = {
    "visit": Visit,
    "opinion_entry": OpinionEntry,
    "interview": Interview,
    "problem": Problem,
}


def village_keys(ws: Workspace, village_id: str, kind: str) -> list[RecordKey]:
    """The live records of one kind in a village, newest first."""
    model = _MODELS[kind]
    with ws.session() as s:
        ids = s.exec(
            select(model.id)
            .where(model.village_id == village_id, col(model.retired_at).is_(None))
            .order_by(col(_time_col(kind)).desc(), col(model.id))
        ).all()
    return [(kind, str(i)) for i in ids]


def day_keys(ws: Workspace, day: date) -> list[RecordKey]:
    """Every live record of ``day`` across villages (the "today" view), newest first."""
    start = datetime.combine(day, time())
    end = start + timedelta(days=1)
    keyed: list[tuple[datetime, RecordKey]] = []
    with ws.session() as s:
        for kind in ("visit", "opinion_entry", "interview"):
            model = _MODELS[kind]
            tcol = col(_time_col(kind))
            for rid, when in s.exec(
                select(model.id, tcol).where(
                    tcol >= start, tcol < end, col(model.retired_at).is_(None)
                )
            ).all():
                assert isinstance(when, datetime)
                keyed.append((when, (kind, str(rid))))
        for rid in s.exec(
            select(Problem.id).where(Problem.raised_on == day, col(Problem.retired_at).is_(None))
        ).all():
            keyed.append((start, ("problem", str(rid))))
    keyed.sort(key=lambda t: (t[0], t[1][0] == "problem"), reverse=True)
    return [k for _, k in keyed]


# -- rows ---------------------------------------------------------------------------------------
def _summary(text: str, n: int = 60) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= n else flat[: n - 1] + "…"


def record_rows(ws: Workspace, keys: Sequence[RecordKey]) -> dict[RecordKey, RecordRow]:
    """Display rows for ``keys`` (a page of a list); missing records are left out."""
    by_kind: dict[str, list[str]] = {}
    for kind, rid in keys:
        by_kind.setdefault(kind, []).append(rid)
    out: dict[RecordKey, RecordRow] = {}
    with ws.session() as s:
        villages: dict[str, str] = {}
        rows: list[RecordRow] = []
        if ids := by_kind.get("visit"):
            rows += _visit_rows(s, ids, ws.role)
        if ids := by_kind.get("opinion_entry"):
            rows += _entry_rows(s, ids, ws.role)
        if ids := by_kind.get("interview"):
            rows += _interview_rows(s, ids, ws.role)
        if ids := by_kind.get("problem"):
            rows += _problem_rows(s, ids)
        vids = {r.village_id for r in rows}
        if vids:
            villages = dict(
                s.exec(select(Village.id, Village.name).where(col(Village.id).in_(vids))).all()
            )
    for r in rows:
        out[(r.kind, r.id)] = RecordRow(
            r.kind,
            r.id,
            r.village_id,
            villages.get(r.village_id, ""),
            r.when,
            r.label,
            r.person,
            r.summary,
        )
    return out


def _people_of_visits(s: WorkspaceSession, ids: Iterable[str], role: Role) -> dict[str, list[str]]:
    people: dict[str, list[str]] = {}
    for vid, name, protected in s.exec(
        select(VisitPerson.visit_id, Person.name, Person.protected)
        .join(Person, col(Person.id) == col(VisitPerson.person_id))
        .where(col(VisitPerson.visit_id).in_(list(ids)), col(VisitPerson.retired_at).is_(None))
    ).all():
        people.setdefault(str(vid), []).append(mask_name(name, protected, role))
    return people


def _visit_rows(s: WorkspaceSession, ids: list[str], role: Role) -> list[RecordRow]:
    people = _people_of_visits(s, ids, role)
    return [
        RecordRow(
            "visit",
            v.id,
            v.village_id,
            "",
            v.occurred_at,
            v.method.label,
            "、".join(people.get(v.id, [])),
            _summary(v.notes),
        )
        for v in s.exec(select(Visit).where(col(Visit.id).in_(ids))).all()
    ]


def _entry_rows(s: WorkspaceSession, ids: list[str], role: Role) -> list[RecordRow]:
    out = []
    for e, name, protected in s.exec(
        select(OpinionEntry, Person.name, Person.protected)
        .join(Person, col(Person.id) == col(OpinionEntry.writer_id), isouter=True)
        .where(col(OpinionEntry.id).in_(ids))
    ).all():
        writer = "匿名" if e.anonymous or not name else mask_name(name, bool(protected), role)
        out.append(
            RecordRow(
                "opinion_entry",
                e.id,
                e.village_id,
                "",
                e.received_at,
                e.channel.label,
                writer,
                _summary(e.content),
            )
        )
    return out


def _interview_rows(s: WorkspaceSession, ids: list[str], role: Role) -> list[RecordRow]:
    out = []
    for i, name, post, protected in s.exec(
        select(Interview, Person.name, Person.post, Person.protected)
        .join(Person, col(Person.id) == col(Interview.interviewee_id), isouter=True)
        .where(col(Interview.id).in_(ids))
    ).all():
        who = mask_name(name or "", bool(protected), role)
        out.append(
            RecordRow(
                "interview",
                i.id,
                i.village_id,
                "",
                i.started_at,
                post or "",
                who,
                _summary(i.record),
            )
        )
    return out


def _problem_rows(s: WorkspaceSession, ids: list[str]) -> list[RecordRow]:
    out = []
    for p in s.exec(select(Problem).where(col(Problem.id).in_(ids))).all():
        label = p.status.label
        if p.category is not None:
            label = f"{label} · {p.category.label}"
        out.append(
            RecordRow(
                "problem",
                p.id,
                p.village_id,
                "",
                datetime.combine(p.raised_on, time()),
                label,
                "",
                _summary(p.description),
            )
        )
    return out


# -- detail -------------------------------------------------------------------------------------
@dataclass(frozen=True)
class LinkedProblem:
    id: str
    description: str
    status: str


@dataclass(frozen=True)
class RecordDetail:
    """Everything the detail pane shows of one record. ``fields`` are (field code, value)."""

    kind: str
    id: str
    village_id: str
    village_name: str
    fields: list[tuple[str, str]]
    body: str
    problems: list[LinkedProblem] = field(default_factory=list)
    photos: list[PhotoInfo] = field(default_factory=list)
    version: int = 1


def _fmt(dt: datetime | None) -> str:
    return "" if dt is None else dt.strftime("%Y-%m-%d %H:%M")


def record_detail(ws: Workspace, kind: str, record_id: str) -> RecordDetail:
    """The detail of one record, protected names masked for this user's role."""
    role = ws.role
    with ws.session() as s:
        obj = s.get_one(_MODELS[kind], record_id)
        assert isinstance(obj, Visit | OpinionEntry | Interview | Problem)
        village = s.get(Village, obj.village_id)
        fields_: list[tuple[str, str]] = []
        body = ""
        if isinstance(obj, Visit):
            people = [
                f"{mask_name(p.name, p.protected, role)}（{vp.role or p.post}）"
                for vp, p in s.exec(
                    select(VisitPerson, Person)
                    .join(Person, col(Person.id) == col(VisitPerson.person_id))
                    .where(VisitPerson.visit_id == obj.id, col(VisitPerson.retired_at).is_(None))
                ).all()
            ]
            fields_ = [
                ("when", _fmt(obj.occurred_at)),
                ("method", obj.method.label),
                ("place", obj.place),
                ("people", "、".join(people)),
                ("inspectors", obj.inspectors),
            ]
            body = obj.notes
        elif isinstance(obj, OpinionEntry):
            writer = "匿名"
            if not obj.anonymous and obj.writer_id:
                p = s.get(Person, obj.writer_id)
                if p is not None:
                    writer = mask_name(p.name, p.protected, role)
            fields_ = [
                ("received", _fmt(obj.received_at)),
                ("channel", obj.channel.label),
                ("box", obj.box_label),
                ("opened", _fmt(obj.opened_at)),
                ("writer", writer),
            ]
            body = obj.content
        elif isinstance(obj, Interview):
            who = ""
            if obj.interviewee_id:
                p = s.get(Person, obj.interviewee_id)
                if p is not None:
                    who = mask_name(p.name, p.protected, role)
                    extra = "，".join(x for x in (p.post, p.unit) if x)
                    who = f"{who}（{extra}）" if extra else who
            fields_ = [
                ("interviewee", who),
                ("interviewers", obj.interviewers),
                ("when", f"{_fmt(obj.started_at)} — {_fmt(obj.ended_at)[11:]}"),
                ("place", obj.place),
            ]
            body = obj.record
        else:
            assert isinstance(obj, Problem)
            fields_ = [
                ("raised", obj.raised_on.isoformat()),
                ("status", obj.status.label),
                ("category", obj.category.label if obj.category else ""),
                ("track", obj.track.label if obj.track else ""),
            ]
            body = obj.description
        problems = [] if kind == "problem" else _linked_problems(s, kind, record_id)
        version = obj.version
        village_name = village.name if village else ""
        village_id = obj.village_id
    photos = photos_of(ws, kind, record_id)
    return RecordDetail(
        kind, record_id, village_id, village_name, fields_, body, problems, photos, version
    )


_SOURCE_COLUMN = {
    "visit": ProblemSource.visit_id,
    "opinion_entry": ProblemSource.entry_id,
    "interview": ProblemSource.interview_id,
}


def _linked_problems(s: WorkspaceSession, kind: str, record_id: str) -> list[LinkedProblem]:
    rows = s.exec(
        select(Problem)
        .join(ProblemSource, col(ProblemSource.problem_id) == col(Problem.id))
        .where(_SOURCE_COLUMN[kind] == record_id, col(ProblemSource.retired_at).is_(None))
        .order_by(col(Problem.created_at))
    ).all()
    return [LinkedProblem(p.id, p.description, p.status.label) for p in rows]


def village_problems(ws: Workspace, village_id: str, limit: int = 200) -> list[LinkedProblem]:
    """A village's live problems, newest first (to link a record to an existing problem)."""
    with ws.session() as s:
        rows = s.exec(
            select(Problem)
            .where(Problem.village_id == village_id, col(Problem.retired_at).is_(None))
            .order_by(col(Problem.raised_on).desc(), col(Problem.created_at).desc())
            .limit(limit)
        ).all()
    return [LinkedProblem(p.id, p.description, p.status.label) for p in rows]


# -- search -------------------------------------------------------------------------------------
@dataclass(frozen=True)
class SearchRow:
    kind: str
    id: str
    village_id: str
    village_name: str
    snippet: str
    """With matches between :data:`records.HIGHLIGHT_OPEN` and ``HIGHLIGHT_CLOSE``."""


def search_records(ws: Workspace, query: str, *, limit: int = 200) -> list[SearchRow]:
    """Full-text search across kinds and villages (protected names are never indexed)."""
    hits = records.search(ws, query, limit=limit)
    vids = {h.village_id for h in hits if h.village_id}
    names: dict[str, str] = {}
    if vids:
        with ws.session() as s:
            names = dict(
                s.exec(select(Village.id, Village.name).where(col(Village.id).in_(vids))).all()
            )
    return [
        SearchRow(
            SEARCH_KIND_TO_TABLE.get(h.kind, h.kind),
            h.record_id,
            h.village_id or "",
            names.get(h.village_id or "", ""),
            " ".join(h.snippet.split()),
        )
        for h in hits
    ]


__all__ = [
    "KINDS",
    "LinkedProblem",
    "RecordDetail",
    "RecordKey",
    "RecordRow",
    "SearchRow",
    "day_keys",
    "mask_name",
    "record_detail",
    "record_rows",
    "search_records",
    "village_keys",
    "village_problems",
]


@dataclass(frozen=True)
class VillageLists:
    """A village's four lists: keys of each kind and the display rows of their first page."""

    village_id: str
    keys: dict[str, list[RecordKey]]
    rows: dict[RecordKey, RecordRow]


def village_lists(ws: Workspace, village_id: str, page: int = 100) -> VillageLists:
    """What the window needs to show a village at once (one task when the selection changes)."""
    keys = {kind: village_keys(ws, village_id, kind) for kind in KINDS}
    first = [k for kind in KINDS for k in keys[kind][:page]]
    return VillageLists(village_id, keys, record_rows(ws, first))
