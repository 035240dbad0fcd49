"""The real threaded task runner and the operations on it: results come back on the GUI thread,
writes never overlap, failures reach a handler (never Qt), and the window loads with it."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from functools import partial
from pathlib import Path

import pytest
from PySide6.QtCore import QObject, QThread, Signal
from PySide6.QtWidgets import QApplication, QMessageBox

from app.domain.errors import UserError
from app.services.registry.villages import add_village
from app.storage.changes import ChangeSet
from app.storage.errorlog import Failure
from app.storage.models import Township
from app.storage.workspace import Workspace
from app.ui.app import build_main_window
from app.ui.field.view import FieldView
from app.ui.ops import Operations
from app.ui.tasks import SyncTaskRunner, TaskRunner


class Probe(QObject):
    done = Signal(object)


@pytest.fixture
def runner(qapp: QApplication) -> Iterator[TaskRunner]:
    r = TaskRunner()
    yield r
    r.wait()


def test_results_come_back_on_the_gui_thread(runner: TaskRunner, qtbot) -> None:
    probe = Probe()
    worker: list[QThread] = []

    def job() -> int:
        worker.append(QThread.currentThread())
        return 42

    with qtbot.waitSignal(probe.done, timeout=5000) as got:
        runner.submit(job, lambda value: probe.done.emit((value, QThread.currentThread())))
    value, thread = got.args[0]
    assert value == 42
    assert thread is QApplication.instance().thread()  # type: ignore[union-attr]
    assert worker and worker[0] is not thread


def test_writes_run_one_at_a_time(runner: TaskRunner, qtbot) -> None:
    inside = threading.Lock()
    overlaps: list[int] = []
    probe = Probe()
    finished: list[int] = []

    def write(n: int) -> int:
        if not inside.acquire(blocking=False):
            overlaps.append(n)
            return n
        try:
            time.sleep(0.02)
        finally:
            inside.release()
        return n

    def done(n: int) -> None:
        finished.append(n)
        if len(finished) == 6:
            probe.done.emit(finished)

    with qtbot.waitSignal(probe.done, timeout=10000):
        for n in range(6):
            runner.submit_write(partial(write, n), done)
    assert overlaps == [] and finished == list(range(6))  # serialized, in order


def test_a_failure_without_a_handler_goes_to_the_runner_not_to_qt(
    runner: TaskRunner, qtbot
) -> None:
    probe = Probe()
    runner.unhandled = probe.done.emit

    def boom() -> None:
        raise RuntimeError("boom")

    with qtbot.waitSignal(probe.done, timeout=5000) as got:
        runner.submit(boom, lambda _none: None)
    # told in one line of Chinese (no data), the original kept as its cause for the log
    failure = got.args[0]
    assert isinstance(failure, Failure) and isinstance(failure.__cause__, RuntimeError)
    assert "boom" not in str(failure)


def test_operations_broadcast_a_write_once_with_what_it_changed(
    runner: TaskRunner, ws: Workspace, qtbot
) -> None:
    with ws.session() as s:
        town = Township(name="城关镇")
        s.add(town)
        s.commit()
        town_id = town.id
    ops = Operations(runner, ws.username)
    seen: list[ChangeSet] = []
    ops.changed.connect(seen.append)
    with qtbot.waitSignal(ops.changed, timeout=5000):
        ops.write(lambda: add_village(ws, town_id, "新村", ""), source="test")
    qtbot.wait(50)
    assert len(seen) == 1
    (changes,) = seen
    assert changes.touches("village") and changes.source == "test"
    assert changes.actor == ws.username and len(changes.ids_of("village")) == 1


def test_a_refusal_is_shown_in_chinese_and_nothing_is_raised(
    runner: TaskRunner, ws: Workspace, qtbot
) -> None:
    ops = Operations(runner, ws.username)

    def refuse() -> None:
        raise UserError("村名不能为空。")

    ops.write(refuse, source="test")
    qtbot.waitUntil(lambda: bool(ops.failures), timeout=5000)
    boxes = [w for w in QApplication.topLevelWidgets() if isinstance(w, QMessageBox)]
    assert any(b.text() == "村名不能为空。" for b in boxes)
    for b in boxes:
        b.close()


def test_the_window_loads_on_the_real_runner(demo_root: Path, qtbot) -> None:
    from tests.conftest import PASSWORD
    from tests.gui.field_helpers import LEADER

    ws = Workspace.open(demo_root, PASSWORD, LEADER)
    window = build_main_window(ws, TaskRunner(), idle_lock=False, offer_drafts=False)
    qtbot.addWidget(window)
    field = window.view("field")
    assert isinstance(field, FieldView)
    with qtbot.waitSignal(field.lists_loaded, timeout=20000):
        window.show()
    assert field.models["visit"].rowCount() > 0
    window.close()


def test_the_synchronous_runner_runs_the_same_job_and_relay(qtbot) -> None:
    runner = SyncTaskRunner()
    got: list[object] = []
    runner.submit(lambda: 7, got.append)
    runner.submit(lambda: 1 / 0, got.append, got.append)
    failure = got[1]
    assert got[0] == 7 and isinstance(failure, Failure)
    assert isinstance(failure.__cause__, ZeroDivisionError)
    assert runner.pending == 0
