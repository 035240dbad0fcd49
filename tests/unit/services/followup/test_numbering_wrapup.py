"""Closing a day numbers that day's notices and transfers (on the numbering device); an amendment
that adds a notice to a closed day numbers it too; off the numbering device they wait."""

from __future__ import annotations

from datetime import timedelta

from sqlmodel import col, select

from app.domain.vocabulary import ProblemCategory, Subcategory, Track
from app.services.followup.numbering import number_pending, set_numbering, set_prefix
from app.services.wrapup.board import Decision
from app.services.wrapup.close import close_day, sort_problem
from app.storage.models import ClueTransfer, RectificationNotice
from app.storage.workspace import Workspace
from tests.conftest import PASSWORD
from tests.unit.documents.gb_checks import NUMBER
from tests.unit.services.wrapup.test_wrapup import DAY, make_field, sort_all


def _numbers(ws: Workspace) -> list[str]:
    with ws.session() as s:
        live = col(RectificationNotice.retired_at).is_(None)
        return [n.doc_number for n in s.exec(select(RectificationNotice).where(live)).all()] + [
            c.doc_number
            for c in s.exec(select(ClueTransfer).where(col(ClueTransfer.retired_at).is_(None)))
        ]


def test_closing_a_day_numbers_its_papers(ws: Workspace) -> None:
    set_prefix(ws, "淮巡立改")
    f = make_field(ws)
    sort_all(ws)
    result = close_day(ws, DAY, PASSWORD)
    numbers = _numbers(ws)
    assert len(numbers) == len(result.notices) + len(result.clues) >= 2
    assert all(NUMBER.fullmatch(n) for n in numbers)
    assert sorted(int(n.split("〕")[1][:-1]) for n in numbers) == list(range(1, len(numbers) + 1))
    d = Decision(
        Track.FIX_NOW,
        ProblemCategory.LIVELIHOOD,
        Subcategory.WELL,
        responsible_unit="城关镇人民政府",
        deadline=DAY + timedelta(days=3),
    )
    sort_problem(ws, f.problems["well"], d, reason="机井属镇管")
    after = _numbers(ws)
    assert len(after) == len(numbers) + 1 and all(NUMBER.fullmatch(n) for n in after)
    assert len(set(after)) == len(after)


def test_off_the_numbering_device_papers_wait_then_get_numbers(ws: Workspace) -> None:
    set_prefix(ws, "淮巡立改")
    set_numbering(ws, False)
    make_field(ws)
    sort_all(ws)
    close_day(ws, DAY, PASSWORD)  # closing never fails for numbering
    assert set(_numbers(ws)) == {""}
    set_numbering(ws, True)
    number_pending(ws)
    assert all(NUMBER.fullmatch(n) for n in _numbers(ws))
