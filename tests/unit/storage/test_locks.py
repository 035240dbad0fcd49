"""The write lock: opening and reading never need it; a writer waits for it, says who holds it,
and never writes on top of reads another writer has made stale (issue 17, part 3)."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path

import pytest
from sqlmodel import select

from app.domain.vocabulary import VisitMethod
from app.storage.check import check_workspace
from app.storage.locks import WRITER_NOTE, DatabaseBusy, DataChanged, job
from app.storage.models import Township, Village, Visit
from app.storage.workspace import Workspace
from tests.conftest import LEADER, PASSWORD


@pytest.fixture
def other(ws: Workspace) -> Iterator[Workspace]:
    """A second connection pool on the same workspace, as another process would have."""
    second = Workspace.open(ws.paths.root, PASSWORD, lock_wait=0.6)
    try:
        yield second
    finally:
        second.close()


def _village(ws: Workspace, name: str = "东村") -> Village:
    with ws.session() as s:
        town = Township(name="城关镇")
        s.add(town)
        s.flush()
        village = Village(township_id=town.id, name=name)
        s.add(village)
        s.commit()
        return village


class _Holder:
    """Hold the write lock of ``ws`` in a thread (a long import, say) until released."""

    def __init__(self, ws: Workspace, label: str = "导入同步包", commit: bool = False) -> None:
        self.ws, self.label, self.commit = ws, label, commit
        self.held = threading.Event()
        self.release = threading.Event()
        self.thread = threading.Thread(target=self._run)

    def _run(self) -> None:
        with job(self.label), self.ws.session(write=True) as s:
            s.add(Township(name="长事务镇"))
            s.flush()
            self.held.set()
            self.release.wait(30)
            if self.commit:
                s.commit()

    def __enter__(self) -> _Holder:
        self.thread.start()
        assert self.held.wait(10)
        return self

    def __exit__(self, *exc: object) -> None:
        self.release.set()
        self.thread.join(10)


def test_open_and_read_while_another_writes(ws: Workspace) -> None:
    village = _village(ws)
    with _Holder(ws):
        t = time.monotonic()
        second = Workspace.open(ws.paths.root, PASSWORD, lock_wait=0.2)
        try:
            with second.session() as s:
                assert s.get(Village, village.id) is not None
                assert len(s.exec(select(Township)).all()) == 1  # not the holder's uncommitted row
        finally:
            second.close()
        assert time.monotonic() - t < 5


def test_a_writer_waits_then_says_who_holds_the_lock(ws: Workspace, other: Workspace) -> None:
    with _Holder(ws, "导入同步包"):
        note = ws.paths.root / WRITER_NOTE
        assert note.exists() and LEADER.encode() not in note.read_bytes()
        waited: list[str] = []
        other.locks.on_wait = waited.append
        t = time.monotonic()
        with pytest.raises(DatabaseBusy) as caught, other.session() as s:
            s.add(Township(name="乙镇"))
            s.commit()
        assert 0.5 <= time.monotonic() - t < 5
        message = str(caught.value)
        assert "导入同步包" in message and LEADER in message and "\n" not in message
        assert len(waited) == 1 and "导入同步包" in waited[0]
    assert not (ws.paths.root / WRITER_NOTE).exists()
    with other.session() as s:
        assert [t.name for t in s.exec(select(Township))] == []


def test_a_writer_that_waits_long_enough_goes_ahead(ws: Workspace, other: Workspace) -> None:
    other.locks.wait_s = 10
    holder = _Holder(ws, commit=True)
    with holder:
        threading.Timer(0.3, holder.release.set).start()
        with other.session() as s:
            s.add(Township(name="乙镇"))
            s.commit()
    with other.session() as s:
        assert sorted(t.name for t in s.exec(select(Township))) == ["乙镇", "长事务镇"]


def test_stale_reads_are_never_written_on(ws: Workspace, other: Workspace) -> None:
    village = _village(ws)
    other.locks.wait_s = 10
    with other.session() as s:
        mine = s.get_one(Village, village.id)  # read: the snapshot is taken here
        with ws.session() as w:  # another process renames it and commits
            w.get_one(Village, village.id).name = "西村"
            w.commit()
        mine.name = mine.name + "（改）"
        with pytest.raises(DataChanged):
            s.commit()
    with ws.session() as s:
        assert s.get_one(Village, village.id).name == "西村"


def test_reads_then_write_after_a_writer_that_changed_nothing(
    ws: Workspace, other: Workspace
) -> None:
    village = _village(ws)
    other.locks.wait_s = 10
    holder = _Holder(ws, commit=False)
    with holder, other.session() as s:
        mine = s.get_one(Village, village.id)
        threading.Timer(0.3, holder.release.set).start()
        mine.name = "东村（改）"
        s.commit()  # waited for the holder, which rolled back: the reads are still current
    with ws.session() as s:
        assert s.get_one(Village, village.id).name == "东村（改）"


def test_deferred_foreign_keys_survive_waiting(ws: Workspace, other: Workspace) -> None:
    village = _village(ws)
    other.locks.wait_s = 10
    holder = _Holder(ws, commit=False)
    with holder, other.session() as s:
        conn = s.connection()
        conn.exec_driver_sql("PRAGMA defer_foreign_keys = ON")
        s.get_one(Village, village.id)
        threading.Timer(0.3, holder.release.set).start()
        # a child before its parent: allowed only while foreign keys are deferred
        visit = Visit(
            village_id="later",
            occurred_at=datetime(2026, 11, 20, 9, 30),
            method=VisitMethod.GENERAL,
            notes="走访",
        )
        s.add(visit)
        s.flush()
        visit.village_id = village.id
        s.commit()


def test_a_job_session_takes_the_lock_at_once(ws: Workspace, other: Workspace) -> None:
    with _Holder(ws, "渠道名单导入"):
        t = time.monotonic()
        with pytest.raises(DatabaseBusy, match="渠道名单导入"):
            other.session(write=True)
        assert time.monotonic() - t < 5


def test_opening_writes_nothing_when_all_is_current(ws: Workspace) -> None:
    before = ws.paths.db.stat().st_mtime_ns, _wal_size(ws.paths.db)
    Workspace.open(ws.paths.root, PASSWORD).close()
    assert (ws.paths.db.stat().st_mtime_ns, _wal_size(ws.paths.db)) == before


def _wal_size(db: Path) -> int:
    wal = db.with_name(db.name + "-wal")
    return wal.stat().st_size if wal.exists() else 0


def test_check_only_reads_and_still_finds_a_damaged_index(ws: Workspace, other: Workspace) -> None:
    village = _village(ws)
    with ws.session() as s:
        s.add(
            Visit(
                village_id=village.id,
                occurred_at=datetime(2026, 11, 20, 9, 30),
                method=VisitMethod.GENERAL,
                notes="群众反映村道破损",
            )
        )
        s.commit()
    with _Holder(ws):
        assert check_workspace(other) == []
    with ws.raw_connection() as conn:
        conn.execute("UPDATE search_fts_content SET c0 = 'xxxxxx' WHERE id = 1")
    assert any("全文索引" in f for f in check_workspace(other))
