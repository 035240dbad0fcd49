"""Writing field records in tests the way the window writes them: through the forms' service.

There is one write path for records (:func:`app.services.field.forms.save_form`); tests use it
too, so what they check is what users get.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime, time
from typing import Any

from app.domain.vocabulary import EntryChannel, SourceKind, VisitMethod
from app.services.field.forms import SaveResult, load_payload, save_form
from app.storage.workspace import Workspace

WHEN = datetime(2026, 11, 20, 9, 30)


def visit_payload(
    village_id: str,
    notes: str,
    *,
    occurred_at: datetime = WHEN,
    method: VisitMethod = VisitMethod.GENERAL,
    problems: list[str] | None = None,
    **more: Any,
) -> dict[str, Any]:
    return {
        "village_id": village_id,
        "occurred_at": occurred_at.isoformat(timespec="minutes"),
        "method": method.value,
        "notes": notes,
        "problems": [{"description": d} for d in problems or []],
        **more,
    }


def save_visit(
    ws: Workspace,
    village_id: str,
    notes: str,
    *,
    record_id: str | None = None,
    now: datetime | None = None,
    **kwargs: Any,
) -> SaveResult:
    """A new visit (or, with ``record_id``, that visit rewritten) saved as the form saves it."""
    payload = visit_payload(village_id, notes, **kwargs)
    return save_form(ws, "visit", record_id, payload, now=now or datetime(2026, 11, 21, 18, 0))


def _evening(day: date) -> datetime:
    return datetime.combine(day, time(21, 0))


def add_visit(
    ws: Workspace,
    *,
    village_id: str,
    occurred_at: datetime,
    method: VisitMethod,
    notes: str,
    place: str = "",
) -> SaveResult:
    """A visit, saved by the form service on the evening of its day."""
    payload = visit_payload(village_id, notes, occurred_at=occurred_at, method=method, place=place)
    return save_form(ws, "visit", None, payload, now=_evening(occurred_at.date()))


def add_entry(
    ws: Workspace,
    *,
    village_id: str,
    channel: EntryChannel,
    received_at: datetime,
    content: str,
    box_label: str = "",
) -> SaveResult:
    """An opinion-box entry (anonymous), saved by the form service on the evening of its day."""
    payload = {
        "village_id": village_id,
        "channel": channel.value,
        "box_label": box_label
        or ("村委会门口意见箱" if channel is EntryChannel.OPINION_BOX else ""),
        "received_at": received_at.isoformat(timespec="minutes"),
        "anonymous": True,
        "content": content,
    }
    return save_form(ws, "opinion_entry", None, payload, now=_evening(received_at.date()))


def add_problem(
    ws: Workspace,
    *,
    village_id: str,
    description: str,
    raised_on: date,
    source_kind: SourceKind,
    source_id: str,
) -> SaveResult:
    """A problem raised on ``raised_on`` by an existing record: the record's form saved again with
    one more problem, as a user adds a problem to a record. ``record_id`` of the result is the
    new problem's id."""
    kind = {
        SourceKind.VISIT: "visit",
        SourceKind.ENTRY: "opinion_entry",
        SourceKind.INTERVIEW: "interview",
    }[source_kind]
    payload = load_payload(ws, kind, source_id)
    payload["problems"] = [{"description": description, "village_id": village_id}]
    saved = save_form(ws, kind, source_id, payload, now=_evening(raised_on))
    (problem_id,) = saved.problem_ids
    return replace(saved, kind="problem", record_id=problem_id)
