"""Issuing document numbers: consecutive per year, a series per kind of paper (notices and clue
transfers each under their own 机关代字), never twice; only the numbering device issues them; a
replacement laptop continues a series."""

from __future__ import annotations

import re
from datetime import date

import pytest
from sqlmodel import select

from app.domain.numbering import NumberingError
from app.services.followup import numbering as nb
from app.storage.models import AuditEvent, ClueTransfer, RectificationNotice, utcnow
from app.storage.workspace import Workspace
from tests.unit.services.followup.followup_seed import seed

PATTERN = re.compile(r"^淮巡立改〔2026〕(\d+)号$")
CLUE_PATTERN = re.compile(r"^淮巡移〔2026〕(\d+)号$")


def _numbers(ws: Workspace) -> list[str]:
    return _notice_numbers(ws) + _clue_numbers(ws)


def _notice_numbers(ws: Workspace) -> list[str]:
    with ws.session() as s:
        return [n.doc_number for n in s.exec(select(RectificationNotice)).all()]


def _clue_numbers(ws: Workspace) -> list[str]:
    with ws.session() as s:
        return [c.doc_number for c in s.exec(select(ClueTransfer)).all()]


def _serials(numbers: list[str]) -> list[int]:
    return sorted(int(x.split("〕")[1][:-1]) for x in numbers)


def test_pending_documents_get_consecutive_unique_numbers(ws: Workspace) -> None:
    seed(ws)
    changed = nb.number_pending(ws)
    notices, clues = _notice_numbers(ws), _clue_numbers(ws)
    assert len(changed) == len(notices) + len(clues) == 8
    serials = sorted(int(PATTERN.match(n).group(1)) for n in notices)  # type: ignore[union-attr]
    assert serials == [1, 2, 3, 4]
    # clue transfers have their own 机关代字 and series, from 1
    clue_serials = sorted(int(CLUE_PATTERN.match(n).group(1)) for n in clues)  # type: ignore[union-attr]
    assert clue_serials == [1, 2, 3, 4]
    with ws.session() as s:
        audit = s.exec(select(AuditEvent).where(AuditEvent.action == "number_documents")).one()
        assert "共8号" in audit.note
    reports = nb.series_reports(ws)
    assert [(r.kind, r.prefix, r.count) for r in reports] == [
        ("问题线索移交", "淮巡移", 4),
        ("立行立改通知书", "淮巡立改", 4),
    ]
    assert all(r.ok for r in reports)
    assert nb.number_pending(ws) == []  # nothing twice


def test_next_day_continues_and_a_new_year_starts_at_one(ws: Workspace) -> None:
    seed(ws)
    nb.number_pending(ws)
    seed(ws, day=date(2026, 11, 21))
    seed(ws, day=date(2027, 1, 4))
    nb.number_pending(ws)
    numbers = _numbers(ws)
    for numbers in (_notice_numbers(ws), _clue_numbers(ws)):
        y26 = _serials([n for n in numbers if "〔2026〕" in n])
        y27 = _serials([n for n in numbers if "〔2027〕" in n])
        assert y26 == list(range(1, 9)) and y27 == list(range(1, 5))
        assert len(set(numbers)) == len(numbers)


def test_a_number_is_never_reused_even_when_its_document_is_retired(ws: Workspace) -> None:
    ids = seed(ws)
    nb.number_pending(ws)
    last = max(_serials(_notice_numbers(ws)))
    with ws.session() as s:
        n = s.get_one(RectificationNotice, ids.notices[-1])
        n.retired_at = utcnow()
        s.add(n)
        s.commit()
    seed(ws, day=date(2026, 11, 22))
    nb.number_pending(ws)
    assert _serials(_notice_numbers(ws)) == list(range(1, last + 5))


def test_only_the_numbering_device_issues_numbers(ws: Workspace) -> None:
    seed(ws)
    nb.set_numbering(ws, False)
    with pytest.raises(NumberingError, match="本机不发文编号"):
        nb.number_pending(ws)
    assert all(n == "" for n in _numbers(ws))  # nothing half-written
    assert nb.numbering_status(ws).pending == 8
    nb.set_numbering(ws, True)
    assert len(nb.number_pending(ws)) == 8


def test_no_prefix_refuses_with_the_fix(ws: Workspace) -> None:
    seed(ws, prefix="")
    with pytest.raises(NumberingError, match=r"立行立改通知书的机关代字.*--prefix"):
        nb.number_pending(ws)
    nb.set_prefix(ws, "淮巡立改")
    nb.number_pending(ws)
    assert all(PATTERN.match(n) for n in _notice_numbers(ws))
    with pytest.raises(NumberingError):
        nb.set_prefix(ws, "淮巡〔2026〕")


def test_a_clue_transfer_needs_its_own_prefix(ws: Workspace) -> None:
    seed(ws, clue_prefix="")
    with pytest.raises(NumberingError, match=r"问题线索移交的机关代字.*--clue-prefix"):
        nb.number_pending(ws)
    assert all(n == "" for n in _numbers(ws))  # nothing half-written
    with pytest.raises(NumberingError, match="不能与立行立改通知书相同"):
        nb.set_prefix(ws, "淮巡立改", clues=True)
    nb.set_prefix(ws, "淮巡移", clues=True)
    nb.number_pending(ws)
    assert all(CLUE_PATTERN.match(n) for n in _clue_numbers(ws))
    status = nb.numbering_status(ws)
    assert status.clue_prefix == "淮巡移" and status.clue_counters == [(2026, 4)]
    assert status.counters == [(2026, 4)]


def test_replacement_laptop_takes_over_after_the_last_number(ws: Workspace) -> None:
    seed(ws)
    nb.take_over(ws, 2026, 40)
    nb.take_over(ws, 2026, 7, clues=True)
    nb.number_pending(ws)
    assert _serials(_notice_numbers(ws)) == list(range(41, 45))
    assert _serials(_clue_numbers(ws)) == list(range(8, 12))
    with pytest.raises(NumberingError, match="不能退回"):
        nb.take_over(ws, 2026, 10)


def test_the_check_finds_gaps_and_duplicates_across_laptops(ws: Workspace) -> None:
    """Two laptops that both numbered (what the rule prevents) are caught at the office."""
    seed(ws)
    nb.number_pending(ws)
    with ws.session() as s:
        c = s.exec(select(ClueTransfer).order_by(ClueTransfer.serial)).first()  # type: ignore[arg-type]
        assert c is not None
        c.serial, c.doc_number = 5, "淮巡移〔2026〕5号"  # a second laptop went on to 5号
        s.add(c)
        s.commit()
    clues, notices = nb.series_reports(ws)
    assert notices.ok
    assert clues.kind == "问题线索移交" and clues.gaps == (1,) and not clues.ok
    assert "问题线索移交：淮巡移〔2026〕缺号：1号" in clues.describe()
