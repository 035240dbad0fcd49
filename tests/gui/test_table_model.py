"""The one table-model base: lazy pages read through the query runner, paging, stale marking,
an error cell instead of an exception, and the model tester on every state."""

from __future__ import annotations

import logging
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import pytest
from PySide6.QtCore import Qt

from app.ui.table import KEY_ROLE, STALE_COLOUR, Column, TableModel, broken_text


@dataclass(frozen=True)
class Row:
    name: str
    n: int


class Reads:
    """A fake store: counts every fetch and hands jobs to a query runner the test drives."""

    def __init__(self, rows: Mapping[str, Row]) -> None:
        self.rows = dict(rows)
        self.fetched: list[list[str]] = []
        self.jobs: list[tuple[Callable[[], Any], Callable[[Any], None]]] = []

    def fetch(self, keys: Sequence[str]) -> dict[str, Row]:
        self.fetched.append(list(keys))
        return {k: self.rows[k] for k in keys if k in self.rows}

    def query(self, job: Callable[[], Any], on_done: Callable[[Any], None]) -> None:
        self.jobs.append((job, on_done))  # runs when the test says (the GUI never waits)

    def run_all(self) -> None:
        jobs, self.jobs = self.jobs, []
        for job, on_done in jobs:
            on_done(job())


COLUMNS: list[Column[Row]] = [
    Column("名称", lambda r: r.name, {int(Qt.ItemDataRole.ToolTipRole): lambda r: r.name * 2}),
    Column("数", lambda r: r.n),
]


def _keys(n: int) -> list[str]:
    return [f"k{i:04d}" for i in range(n)]


def _model(reads: Reads, columns: list[Column[Row]] = COLUMNS) -> TableModel[str, Row]:
    return TableModel(columns, fetch=reads.fetch, query=reads.query)


def test_rows_come_a_page_at_a_time_through_the_query_runner(qtbot, qtmodeltester) -> None:
    keys = _keys(250)
    reads = Reads({k: Row(k, i) for i, k in enumerate(keys)})
    model = _model(reads)
    model.set_keys(keys, {k: reads.rows[k] for k in keys[:100]})  # the first page comes along
    assert model.rowCount() == 100 and model.canFetchMore()
    assert model.index(99, 0).data() == "k0099" and reads.fetched == []
    model.fetchMore()
    assert model.rowCount() == 200
    assert model.index(150, 0).data() == "…"  # not read yet: nothing read on the GUI thread
    assert model.index(160, 1).data() == "…"
    qtbot.waitUntil(lambda: bool(reads.jobs))
    assert reads.fetched == []  # the read waits for the runner
    with qtbot.waitSignal(model.dataChanged):
        reads.run_all()
    assert reads.fetched == [keys[100:200]]  # one read for the whole page
    assert model.index(150, 0).data() == "k0150" and model.index(150, 1).data() == 150
    assert model.index(150, 0).data(Qt.ItemDataRole.ToolTipRole) == "k0150k0150"
    assert model.index(150, 1).data(KEY_ROLE) == "k0150"
    model.show_all()
    assert model.rowCount() == 250 and not model.canFetchMore()
    assert model.row_of("k0249") == 249 and model.key_at(249) == "k0249"
    qtmodeltester.check(model)


def test_a_list_replaced_meanwhile_ignores_the_late_page(qtbot) -> None:
    keys = _keys(150)
    reads = Reads({k: Row(k, i) for i, k in enumerate(keys)})
    model = _model(reads)
    model.set_keys(keys)
    assert model.index(0, 0).data() == "…"
    qtbot.waitUntil(lambda: bool(reads.jobs))
    model.set_keys(["x"], {"x": Row("新的", 1)})
    reads.run_all()  # the old list's page arrives late
    assert model.rowCount() == 1 and model.index(0, 0).data() == "新的"


def test_stale_rows_show_grey_until_read_afresh(qtbot) -> None:
    keys = _keys(5)
    reads = Reads({k: Row(k, i) for i, k in enumerate(keys)})
    model = _model(reads)
    model.set_keys(keys, dict(reads.rows))
    reads.rows["k0002"] = Row("改过的", 2)
    model.mark_stale(["k0002"])
    brush = model.index(2, 0).data(Qt.ItemDataRole.ForegroundRole)
    assert brush is not None and brush.color() == STALE_COLOUR
    assert model.index(2, 0).data() == "k0002"  # the old text stays while it is read again
    qtbot.waitUntil(lambda: bool(reads.jobs))
    reads.run_all()
    assert reads.fetched == [["k0002"]]
    assert model.index(2, 0).data() == "改过的"
    assert model.index(2, 0).data(Qt.ItemDataRole.ForegroundRole) is None


def test_a_broken_row_shows_an_error_cell_not_an_exception(
    qtbot, qtmodeltester, caplog: pytest.LogCaptureFixture
) -> None:
    def boom(r: Row) -> object:
        if r.n == 1:
            raise ValueError("bad row")
        return r.name

    reads = Reads({})
    model = _model(reads, [Column("名称", boom)])
    model.set_items([Row("甲", 0), Row("乙", 1)], key=lambda r: r.name)
    with caplog.at_level(logging.ERROR, logger="app.ui.table"):
        assert model.index(1, 0).data() == broken_text()
        assert model.index(1, 0).data() == broken_text()
    assert model.index(0, 0).data() == "甲"
    assert len([r for r in caplog.records if "could not be shown" in r.getMessage()]) == 1
    qtmodeltester.check(model)


def test_in_memory_models_need_no_runner(qtmodeltester) -> None:
    model: TableModel[str, Row] = TableModel(COLUMNS)
    model.set_items([Row(f"第{i}行", i) for i in range(3)], key=lambda r: r.name)
    assert [model.index(r, 1).data() for r in range(3)] == [0, 1, 2]
    assert model.headerData(0, Qt.Orientation.Horizontal) == "名称"
    assert model.record(5) is None and model.key_at(-1) is None
    qtmodeltester.check(model)
    model.clear()
    assert model.rowCount() == 0
    qtmodeltester.check(model)
