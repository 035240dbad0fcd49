"""The labelled set of our own (tests/data): its shape, its fixed held-out rule, and a guard
against the reading getting worse on it. The figures are printed by tests/bench/bench_suggest.py;
the floors here sit below them so that a change that loses ground fails."""

from __future__ import annotations

from collections import Counter

import pytest

from app.domain.classify import suggest
from app.domain.merge import compare
from app.domain.reading import Reader
from app.services.reading import load_reader
from tests.labelled import DATA, complaints, pairs


@pytest.fixture(scope="module")
def reader() -> Reader:
    return load_reader()


def test_the_set_is_as_large_and_varied_as_the_issue_asks() -> None:
    rows = complaints()
    assert len(rows) >= 400
    assert sum(c.hidden_clue for c in rows) >= 60
    assert all(c.track == "直查快办" for c in rows if c.hidden_clue)
    assert set(Counter(c.voice for c in rows)) == {"走访", "来信", "谈话"}
    assert set(Counter(c.track for c in rows)) == {"立行立改", "直查快办", "对账销号", "待核实"}
    assert len({c.number for c in rows}) == len(rows)
    prs = pairs()
    assert len(prs) >= 150
    assert {p.kind for p in prs if not p.same} == {"地点", "人员", "对象", "金额", "问题"}
    for name in ("complaints.tsv", "pairs.tsv"):
        header = (DATA / name).read_text(encoding="utf-8")[:600]
        assert "编号能被 3 整除" in header  # the held-out rule, written down


def test_the_held_out_third_is_a_third() -> None:
    rows = complaints()
    held = [c for c in rows if c.held_out]
    assert abs(len(held) - len(rows) / 3) <= 1


def test_tracks_and_hidden_clues_do_not_lose_ground(reader: Reader) -> None:
    rows = complaints()
    right = [suggest(reader.read(c.text)).track.label == c.track for c in rows]
    hidden = [r for r, c in zip(right, rows, strict=True) if c.hidden_clue]
    assert sum(right) / len(rows) >= 0.94
    assert sum(hidden) / len(hidden) >= 0.9


def test_merging_does_not_lose_ground(reader: Reader) -> None:
    prs = pairs()
    results = [compare(reader.read(p.a), reader.read(p.b)).same for p in prs]
    merged_right = sum(r and p.same for r, p in zip(results, prs, strict=True))
    merged = sum(results)
    same = sum(p.same for p in prs)
    assert merged_right / merged >= 0.9  # precision
    assert merged_right / same >= 0.8  # recall
