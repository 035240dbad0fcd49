"""The three field forms: their content (a JSON-able payload), validation and saving.

A payload is what a form holds, as plain data, so that drafts can store it as it is:

- every form: ``village_id``; ``problems`` (new problems raised inline: ``description``,
  ``village_id``, ``category`` code or ""); ``links`` (ids of existing problems to link);
  ``photo_paths`` (files the user added, so a recovered draft can take them in again);
- visit: ``occurred_at`` (ISO ``YYYY-MM-DDTHH:MM``), ``method``, ``place``, ``people``
  (``name``, ``role``, ``protected``), ``inspectors``, ``notes``;
- opinion-box entry: ``channel``, ``box_label``, ``opened_at`` (or ""), ``received_at``,
  ``anonymous``, ``writer_name`` (a named writer is always protected), ``content``;
- interview: ``interviewee_name``, ``interviewee_post``, ``interviewee_unit``,
  ``interviewee_protected`` (protected unless unticked: DOMAIN.md protects interviewees),
  ``interviewers``, ``started_at``, ``ended_at`` (or ""), ``place``, ``record``.

:func:`validate` is pure (the form calls it as the user types); :func:`save_form` validates again
and writes the record, its people, its problems and links and its photos in ONE transaction.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any

from sqlmodel import col, select

from app.domain.errors import UserError
from app.domain.vocabulary import EntryChannel, ProblemCategory, VisitMethod
from app.media import ProcessedPhoto
from app.services.attachments import add_attachment_rows, stage_photos
from app.storage.models import (
    Interview,
    OpinionEntry,
    Person,
    Problem,
    ProblemSource,
    Visit,
    VisitPerson,
    utcnow,
)
from app.storage.session import WorkspaceSession
from app.storage.workspace import Workspace

FORM_KINDS = ("visit", "opinion_entry", "interview")
FUTURE_SLACK = timedelta(minutes=5)


class FormInvalid(UserError, ValueError):
    """The payload does not validate; ``errors`` maps field names to Chinese messages."""

    def __init__(self, errors: dict[str, str]) -> None:
        super().__init__("；".join(errors.values()))
        self.errors = errors


class RecordChanged(UserError):
    """The record was saved from another place since this form read it (its version moved on).

    Nothing was written. ``theirs`` is the record as it is now (a payload, with its
    ``base_version``): show it beside the form's own content and let the user choose; saving
    again with ``theirs["base_version"]`` as the form's base overwrites knowingly.
    """

    def __init__(self, kind: str, record_id: str, theirs: dict[str, Any]) -> None:
        super().__init__("这条记录已在别处被修改并保存。")
        self.kind = kind
        self.record_id = record_id
        self.theirs = theirs


@dataclass(frozen=True)
class SaveResult:
    kind: str
    record_id: str
    village_id: str
    created: bool
    problem_ids: tuple[str, ...]
    photos_added: int


def parse_when(text: str) -> datetime | None:
    """``YYYY-MM-DDTHH:MM`` (or with a space) as a naive local datetime; None if not one."""
    try:
        return datetime.fromisoformat(text.strip()).replace(second=0, microsecond=0)
    except (ValueError, AttributeError):
        return None


def _text(payload: dict[str, Any], key: str) -> str:
    value = payload.get(key, "")
    return value.strip() if isinstance(value, str) else ""


def _check_when(
    payload: dict[str, Any], key: str, errors: dict[str, str], now: datetime, *, required: bool
) -> datetime | None:
    raw = _text(payload, key)
    if not raw:
        if required:
            errors[key] = "请填写时间。"
        return None
    when = parse_when(raw)
    if when is None:
        errors[key] = "时间格式不对。"
    elif when > now + FUTURE_SLACK:
        errors[key] = "时间不能晚于现在。"
    return when


def _check_visit(payload: dict[str, Any], errors: dict[str, str], now: datetime) -> None:
    _check_when(payload, "occurred_at", errors, now, required=True)
    if _text(payload, "method") not in {m.value for m in VisitMethod}:
        errors["method"] = "请选择走访方式。"
    if not _text(payload, "notes"):
        errors["notes"] = "走访情况不能为空。"
    for i, person in enumerate(payload.get("people") or []):
        if not str(person.get("name", "")).strip():
            errors[f"people.{i}"] = "请填写见到的人的姓名，或删去这一行。"


def _check_entry(payload: dict[str, Any], errors: dict[str, str], now: datetime) -> None:
    if _text(payload, "channel") not in {c.value for c in EntryChannel}:
        errors["channel"] = "请选择来源。"
    elif payload.get("channel") == EntryChannel.OPINION_BOX.value and not _text(
        payload, "box_label"
    ):
        errors["box_label"] = "请填写是哪个意见箱。"
    received = _check_when(payload, "received_at", errors, now, required=True)
    opened = _check_when(payload, "opened_at", errors, now, required=False)
    if received and opened and "received_at" not in errors and opened < received:
        errors["opened_at"] = "开箱时间不能早于收到时间。"
    if not payload.get("anonymous", True) and not _text(payload, "writer_name"):
        errors["writer_name"] = "具名来信请填写写信人姓名，或选择匿名。"
    if not _text(payload, "content"):
        errors["content"] = "内容不能为空。"


def _check_interview(payload: dict[str, Any], errors: dict[str, str], now: datetime) -> None:
    if not _text(payload, "interviewee_name"):
        errors["interviewee_name"] = "请填写谈话对象姓名。"
    start = _check_when(payload, "started_at", errors, now, required=True)
    end = _check_when(payload, "ended_at", errors, now, required=False)
    if start and end and "ended_at" not in errors and end < start:
        errors["ended_at"] = "结束时间不能早于开始时间。"
    if not _text(payload, "record"):
        errors["record"] = "谈话记录不能为空。"


_KIND_CHECKS: dict[str, Callable[[dict[str, Any], dict[str, str], datetime], None]] = {
    "visit": _check_visit,
    "opinion_entry": _check_entry,
    "interview": _check_interview,
}


def _check_problems(payload: dict[str, Any], errors: dict[str, str]) -> None:
    categories = {c.value for c in ProblemCategory}
    for i, problem in enumerate(payload.get("problems") or []):
        if not str(problem.get("description", "")).strip():
            errors[f"problems.{i}"] = "问题描述不能为空，或删去这个问题。"
        elif problem.get("category") and problem["category"] not in categories:
            errors[f"problems.{i}"] = "问题类别不对。"


def validate(kind: str, payload: dict[str, Any], now: datetime | None = None) -> dict[str, str]:
    """Field name → Chinese message for every problem with ``payload``; empty when it is fine."""
    now = now or datetime.now()
    errors: dict[str, str] = {}
    if not _text(payload, "village_id"):
        errors["village_id"] = "请选择村（社区）。"
    check = _KIND_CHECKS.get(kind)
    if check is None:
        raise ValueError(f"unknown form kind {kind!r}")
    check(payload, errors, now)
    _check_problems(payload, errors)
    return errors


def save_form(
    ws: Workspace,
    kind: str,
    record_id: str | None,
    payload: dict[str, Any],
    photos: list[ProcessedPhoto] | None = None,
    *,
    now: datetime | None = None,
) -> SaveResult:
    """Validate and write one form (new record when ``record_id`` is None, else an edit).

    Raises :class:`FormInvalid` with nothing written. Photos' blobs are stored first (encrypted,
    content-addressed, so an aborted save leaves at most an unreferenced blob, never a row).
    """
    errors = validate(kind, payload, now)
    if errors:
        raise FormInvalid(errors)
    photos = photos or []
    names = stage_photos(ws, photos) if photos else []
    # the write lock first: the version check below and the write form one step
    with ws.session(write=True) as s:
        _check_version(s, ws, kind, record_id, payload.get("base_version"))
        if kind == "visit":
            obj: Visit | OpinionEntry | Interview = _write_visit(s, ws, record_id, payload)
        elif kind == "opinion_entry":
            obj = _write_entry(s, ws, record_id, payload)
        else:
            obj = _write_interview(s, ws, record_id, payload)
        s.flush()
        problem_ids = _write_problems(s, kind, obj, payload, today=(now or datetime.now()).date())
        added = add_attachment_rows(s, kind, obj.id, photos, names) if photos else []
        s.commit()
        return SaveResult(
            kind, obj.id, obj.village_id, record_id is None, tuple(problem_ids), len(added)
        )


_MODELS: dict[str, type[Visit | OpinionEntry | Interview]] = {
    "visit": Visit,
    "opinion_entry": OpinionEntry,
    "interview": Interview,
}


def _check_version(
    s: WorkspaceSession, ws: Workspace, kind: str, record_id: str | None, base: object
) -> None:
    """Refuse an edit made on top of an older version than the stored one."""
    if record_id is None or not isinstance(base, int) or isinstance(base, bool):
        return  # a new record, or a payload from before versions were kept (a draft)
    current = s.get(_MODELS[kind], record_id)
    if current is not None and current.version != base:
        raise RecordChanged(kind, record_id, _payload_in(s, ws, kind, record_id))


def _get(s: WorkspaceSession, model: type[Any], record_id: str | None) -> Any:
    if record_id is None:
        return None
    obj = s.get_one(model, record_id)
    if obj.retired_at is not None:
        raise FormInvalid({"": "这条记录已作废，不能再修改。"})
    return obj


def _write_visit(
    s: WorkspaceSession, ws: Workspace, record_id: str | None, p: dict[str, Any]
) -> Visit:
    visit: Visit | None = _get(s, Visit, record_id)
    when = parse_when(_text(p, "occurred_at"))
    assert when is not None
    values: dict[str, Any] = {
        "village_id": _text(p, "village_id"),
        "occurred_at": when,
        "method": VisitMethod(_text(p, "method")),
        "place": _text(p, "place")[:200],
        "inspectors": _text(p, "inspectors")[:200],
        "notes": str(p.get("notes", "")).strip(),
    }
    if visit is None:
        visit = Visit(author_id=ws.user_id, **values)
    else:
        for k, v in values.items():
            if getattr(visit, k) != v:
                setattr(visit, k, v)
    s.add(visit)
    s.flush()
    _write_people(s, visit, p.get("people") or [])
    return visit


def _write_people(s: WorkspaceSession, visit: Visit, people: list[dict[str, Any]]) -> None:
    wanted = [
        (str(x.get("name", "")).strip(), str(x.get("role", "")).strip(), bool(x.get("protected")))
        for x in people
    ]
    current = s.exec(
        select(VisitPerson, Person)
        .join(Person, col(Person.id) == col(VisitPerson.person_id))
        .where(VisitPerson.visit_id == visit.id, col(VisitPerson.retired_at).is_(None))
    ).all()
    have = [(pr.name, vp.role, pr.protected) for vp, pr in current]
    if have == wanted:
        return
    now = utcnow()
    for vp, _ in current:  # a changed list replaces the old one (rows are retired, never deleted)
        vp.retired_at = now
        s.add(vp)
    for name, role, protected in wanted:
        person = Person(
            name=name[:64], post=role[:64], village_id=visit.village_id, protected=protected
        )
        s.add(person)
        s.flush()
        s.add(VisitPerson(visit_id=visit.id, person_id=person.id, role=role[:64]))


def _write_entry(
    s: WorkspaceSession, ws: Workspace, record_id: str | None, p: dict[str, Any]
) -> OpinionEntry:
    entry: OpinionEntry | None = _get(s, OpinionEntry, record_id)
    received = parse_when(_text(p, "received_at"))
    assert received is not None
    anonymous = bool(p.get("anonymous", True))
    values: dict[str, Any] = {
        "village_id": _text(p, "village_id"),
        "channel": EntryChannel(_text(p, "channel")),
        "box_label": _text(p, "box_label")[:100],
        "opened_at": parse_when(_text(p, "opened_at")) if _text(p, "opened_at") else None,
        "received_at": received,
        "anonymous": anonymous,
        "content": str(p.get("content", "")).strip(),
    }
    writer_name = _text(p, "writer_name")[:64]
    writer = None if entry is None or entry.writer_id is None else s.get(Person, entry.writer_id)
    if anonymous:
        values["writer_id"] = None
    elif writer is None or writer.name != writer_name:
        writer = Person(name=writer_name, village_id=values["village_id"], protected=True)
        s.add(writer)
        s.flush()
        values["writer_id"] = writer.id
    if entry is None:
        entry = OpinionEntry(author_id=ws.user_id, **values)
    else:
        for k, v in values.items():
            if getattr(entry, k) != v:
                setattr(entry, k, v)
    s.add(entry)
    return entry


def _write_interview(
    s: WorkspaceSession, ws: Workspace, record_id: str | None, p: dict[str, Any]
) -> Interview:
    interview: Interview | None = _get(s, Interview, record_id)
    start = parse_when(_text(p, "started_at"))
    assert start is not None
    name = _text(p, "interviewee_name")[:64]
    post = _text(p, "interviewee_post")[:64]
    unit = _text(p, "interviewee_unit")[:100]
    village_id = _text(p, "village_id")
    protected = bool(p.get("interviewee_protected", True))
    person = None
    if interview is not None and interview.interviewee_id:
        person = s.get(Person, interview.interviewee_id)
    if person is None or (person.name, person.post, person.unit) != (name, post, unit):
        person = Person(name=name, post=post, unit=unit, village_id=village_id, protected=protected)
        s.add(person)
        s.flush()
    elif person.protected != protected:
        person.protected = protected
        s.add(person)
    values: dict[str, Any] = {
        "village_id": village_id,
        "interviewee_id": person.id,
        "interviewers": _text(p, "interviewers")[:200],
        "started_at": start,
        "ended_at": parse_when(_text(p, "ended_at")) if _text(p, "ended_at") else None,
        "place": _text(p, "place")[:200],
        "record": str(p.get("record", "")).strip(),
    }
    if interview is None:
        interview = Interview(author_id=ws.user_id, **values)
    else:
        for k, v in values.items():
            if getattr(interview, k) != v:
                setattr(interview, k, v)
    s.add(interview)
    return interview


_SOURCE_ATTR = {"visit": "visit_id", "opinion_entry": "entry_id", "interview": "interview_id"}


def _source(problem_id: str, attr: str, record_id: str) -> ProblemSource:
    link = ProblemSource(problem_id=problem_id)
    setattr(link, attr, record_id)
    return link


def _write_problems(
    s: WorkspaceSession,
    kind: str,
    obj: Visit | OpinionEntry | Interview,
    payload: dict[str, Any],
    *,
    today: date,
) -> list[str]:
    attr = _SOURCE_ATTR[kind]
    linked = set(
        s.exec(
            select(ProblemSource.problem_id).where(
                getattr(ProblemSource, attr) == obj.id, col(ProblemSource.retired_at).is_(None)
            )
        ).all()
    )
    ids: list[str] = []
    for item in payload.get("problems") or []:
        category = item.get("category") or None
        problem = Problem(
            village_id=str(item.get("village_id") or obj.village_id),
            description=str(item["description"]).strip(),
            raised_on=today,
            category=ProblemCategory(category) if category else None,
        )
        s.add(problem)
        s.flush()
        s.add(_source(problem.id, attr, obj.id))
        ids.append(problem.id)
    for pid in payload.get("links") or []:
        if pid in linked or s.get(Problem, pid) is None:
            continue
        s.add(_source(pid, attr, obj.id))
        linked.add(pid)
    return ids


def load_payload(ws: Workspace, kind: str, record_id: str) -> dict[str, Any]:
    """The payload of an existing record (to edit it); protected names only for those allowed.

    A user whose role may not read protected names cannot edit a record that carries one (the
    form would have to show it): :class:`FormInvalid` says so.
    """
    with ws.session() as s:
        return _payload_in(s, ws, kind, record_id)


def _payload_in(s: WorkspaceSession, ws: Workspace, kind: str, record_id: str) -> dict[str, Any]:
    from app.domain.vocabulary import may_see_protected

    allowed = may_see_protected(ws.role)
    refused = FormInvalid({"": "这条记录含有受保护的姓名，只有组长可以修改。"})
    return _with_version(s, kind, record_id, _payload_of(s, kind, record_id, allowed, refused))


def _with_version(
    s: WorkspaceSession, kind: str, record_id: str, payload: dict[str, Any]
) -> dict[str, Any]:
    """The payload and the version it was read at (a save checks it: :class:`RecordChanged`)."""
    obj = s.get_one(_MODELS[kind], record_id)
    return dict(payload, base_version=obj.version)


def _payload_of(
    s: WorkspaceSession, kind: str, record_id: str, allowed: bool, refused: FormInvalid
) -> dict[str, Any]:
    if kind == "visit":
        v = s.get_one(Visit, record_id)
        people = [
            {"name": pr.name, "role": vp.role, "protected": pr.protected}
            for vp, pr in s.exec(
                select(VisitPerson, Person)
                .join(Person, col(Person.id) == col(VisitPerson.person_id))
                .where(VisitPerson.visit_id == v.id, col(VisitPerson.retired_at).is_(None))
            ).all()
        ]
        if not allowed and any(x["protected"] for x in people):
            raise refused
        return {
            "village_id": v.village_id,
            "occurred_at": v.occurred_at.isoformat(timespec="minutes"),
            "method": v.method.value,
            "place": v.place,
            "people": people,
            "inspectors": v.inspectors,
            "notes": v.notes,
        }
    if kind == "opinion_entry":
        e = s.get_one(OpinionEntry, record_id)
        writer = s.get(Person, e.writer_id) if e.writer_id else None
        if writer is not None and writer.protected and not allowed:
            raise refused
        return {
            "village_id": e.village_id,
            "channel": e.channel.value,
            "box_label": e.box_label,
            "opened_at": e.opened_at.isoformat(timespec="minutes") if e.opened_at else "",
            "received_at": e.received_at.isoformat(timespec="minutes"),
            "anonymous": e.anonymous,
            "writer_name": writer.name if writer else "",
            "content": e.content,
        }
    i = s.get_one(Interview, record_id)
    person = s.get(Person, i.interviewee_id) if i.interviewee_id else None
    if person is not None and person.protected and not allowed:
        raise refused
    return {
        "village_id": i.village_id,
        "interviewee_name": person.name if person else "",
        "interviewee_post": person.post if person else "",
        "interviewee_unit": person.unit if person else "",
        "interviewee_protected": person.protected if person else True,
        "interviewers": i.interviewers,
        "started_at": i.started_at.isoformat(timespec="minutes"),
        "ended_at": i.ended_at.isoformat(timespec="minutes") if i.ended_at else "",
        "place": i.place,
        "record": i.record,
    }


__all__ = [
    "FORM_KINDS",
    "FormInvalid",
    "RecordChanged",
    "SaveResult",
    "load_payload",
    "parse_when",
    "save_form",
    "validate",
]
