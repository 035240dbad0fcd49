"""An import beside another writer (issue 17, part 3): it used to die after about 12 s with a
64-line ``database is locked`` traceback. It verifies the bundle without any lock, waits for the
writer, and goes ahead; or, when the wait runs out, says in one line who holds the database —
and writes nothing."""

from __future__ import annotations

import threading
from collections.abc import Callable
from pathlib import Path

import pytest

from app.storage.locks import DatabaseBusy, job
from app.storage.models import Township
from app.storage.workspace import Workspace
from app.sync.export import export_bundle
from app.sync.merge import import_bundle
from tests.unit.sync.conftest import PASSWORD, add_village, add_visit, db_dump_hash


def _hold(root: Path, held: threading.Event, release: threading.Event) -> None:
    ws = Workspace.open(root, PASSWORD)
    try:
        with job("分类研判"), ws.session(write=True) as s:
            s.add(Township(name="长事务镇"))
            s.flush()
            held.set()
            release.wait(60)
            s.commit()
    finally:
        ws.close()


def test_an_import_waits_for_a_writer_or_says_who_it_is(
    office: Workspace, laptop: Callable[..., Workspace], tmp_path: Path
) -> None:
    team = laptop("a")
    add_visit(team, add_village(team, "东村").id, "走访")
    bundle = export_bundle(team, tmp_path / "b.xdsb").path
    held, release = threading.Event(), threading.Event()
    holder = threading.Thread(target=_hold, args=(office.paths.root, held, release))
    holder.start()
    try:
        assert held.wait(20)
        before = db_dump_hash(office)
        office.locks.wait_s = 0.5
        with pytest.raises(DatabaseBusy) as caught:
            import_bundle(office, bundle)
        message = str(caught.value)
        assert "分类研判" in message and office.username in message and "\n" not in message
        assert db_dump_hash(office) == before
        office.locks.wait_s = 30
        threading.Timer(0.5, release.set).start()
        report = import_bundle(office, bundle)  # waits for the writer, then goes ahead
        assert report.total("new") > 0
    finally:
        release.set()
        holder.join(30)
