"""Issuing document numbers: consecutive per year, shared by notices and transfers, never twice;
only the numbering device issues them; a replacement laptop continues a series."""

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


def _numbers(ws: Workspace) -> list[str]:
    with ws.session() as s:
        return [n.doc_number for n in s.exec(select(RectificationNotice)).all()] + [
            c.doc_number for c in s.exec(select(ClueTransfer)).all()
        ]


def test_pending_documents_get_consecutive_unique_numbers(ws: Workspace) -> None:
    seed(ws)
    changed = nb.number_pending(ws)
    numbers = _numbers(ws)
    assert len(changed) == len(numbers) == 8
    serials = sorted(int(PATTERN.match(n).group(1)) for n in numbers)  # type: ignore[union-attr]
    assert serials == list(range(1, 9))
    # notices of a day come before its transfers, in village and unit order
    with ws.session() as s:
        notices = sorted(s.exec(select(RectificationNotice)).all(), key=lambda n: n.serial or 0)
        assert [n.serial for n in notices] == [1, 2, 3, 4]
        audit = s.exec(select(AuditEvent).where(AuditEvent.action == "number_documents")).one()
        assert "共8号" in audit.note
    assert all(r.ok for r in nb.series_reports(ws))
    assert nb.number_pending(ws) == []  # nothing twice


def test_next_day_continues_and_a_new_year_starts_at_one(ws: Workspace) -> None:
    seed(ws)
    nb.number_pending(ws)
    seed(ws, day=date(2026, 11, 21))
    seed(ws, day=date(2027, 1, 4))
    nb.number_pending(ws)
    numbers = _numbers(ws)
    y26 = sorted(int(n.split("〕")[1][:-1]) for n in numbers if "〔2026〕" in n)
    y27 = sorted(int(n.split("〕")[1][:-1]) for n in numbers if "〔2027〕" in n)
    assert y26 == list(range(1, 17)) and y27 == list(range(1, 9))
    assert len(set(numbers)) == len(numbers)


def test_a_number_is_never_reused_even_when_its_document_is_retired(ws: Workspace) -> None:
    ids = seed(ws)
    nb.number_pending(ws)
    last = max(int(x.split("〕")[1][:-1]) for x in _numbers(ws))
    with ws.session() as s:
        n = s.get_one(RectificationNotice, ids.notices[-1])
        n.retired_at = utcnow()
        s.add(n)
        s.commit()
    seed(ws, day=date(2026, 11, 22))
    nb.number_pending(ws)
    serials = sorted(int(x.split("〕")[1][:-1]) for x in _numbers(ws))
    assert serials == list(range(1, last + 9))


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
    with pytest.raises(NumberingError, match="机关代字"):
        nb.number_pending(ws)
    nb.set_prefix(ws, "淮巡立改")
    nb.number_pending(ws)
    assert all(PATTERN.match(n) for n in _numbers(ws))
    with pytest.raises(NumberingError):
        nb.set_prefix(ws, "淮巡〔2026〕")


def test_replacement_laptop_takes_over_after_the_last_number(ws: Workspace) -> None:
    seed(ws)
    nb.take_over(ws, 2026, 40)
    nb.number_pending(ws)
    serials = sorted(int(x.split("〕")[1][:-1]) for x in _numbers(ws))
    assert serials == list(range(41, 49))
    with pytest.raises(NumberingError, match="不能退回"):
        nb.take_over(ws, 2026, 10)


def test_the_check_finds_gaps_and_duplicates_across_laptops(ws: Workspace) -> None:
    """Two laptops that both numbered (what the rule prevents) are caught at the office."""
    seed(ws)
    nb.number_pending(ws)
    with ws.session() as s:
        c = s.exec(select(ClueTransfer).order_by(ClueTransfer.serial)).first()  # type: ignore[arg-type]
        assert c is not None
        c.serial, c.doc_number = 1, "淮巡立改〔2026〕1号"  # a second laptop's "1号"
        s.add(c)
        s.commit()
    [report] = nb.series_reports(ws)
    assert report.duplicates == (1,) and report.gaps
    assert not report.ok
