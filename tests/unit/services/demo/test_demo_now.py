"""The demo never makes a record later than now (the forms themselves refuse one)."""

from __future__ import annotations

from datetime import date, datetime

from sqlmodel import select

from app.services.demo.build import DemoOptions, fill_demo
from app.storage.models import Interview, OpinionEntry, Visit
from app.storage.workspace import Workspace


def test_records_of_the_last_day_are_not_later_than_now(ws: Workspace) -> None:
    now = datetime(2026, 11, 27, 9, 30)
    fill_demo(ws, DemoOptions(villages=4, days=2, until=date(2026, 11, 27), seed=3, now=now))
    with ws.session() as s:
        times = [v.occurred_at for v in s.exec(select(Visit)).all()]
        times += [e.received_at for e in s.exec(select(OpinionEntry)).all()]
        times += [e.opened_at for e in s.exec(select(OpinionEntry)).all() if e.opened_at]
        times += [i.started_at for i in s.exec(select(Interview)).all()]
        times += [i.ended_at for i in s.exec(select(Interview)).all() if i.ended_at]
    assert times and max(times) <= now
    assert any(t.date() == now.date() for t in times)  # the last day still has records
