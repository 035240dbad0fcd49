"""A growing delay after wrong passwords, counted per workspace beside the key file."""

from __future__ import annotations

import shutil
import time
from pathlib import Path

import pytest
from sqlmodel import select

from app.services.access import (
    LoginThrottled,
    PasswordRefused,
    check_password,
    open_guarded,
    wait_left,
)
from app.storage.attempts import ATTEMPTS_NAME, delay_after, read_attempts
from app.storage.models import AuditEvent
from app.storage.workspace import Workspace
from tests.conftest import LEADER, PASSWORD


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("access") / "ws"
    Workspace.create(path, team_name="第一巡察组", leader=LEADER, password=PASSWORD).close()
    return path


@pytest.fixture
def root(template: Path, tmp_path: Path) -> Path:
    return Path(shutil.copytree(template, tmp_path / "ws"))


def _events(ws: Workspace, action: str) -> list[AuditEvent]:
    with ws.session() as s:
        return list(s.exec(select(AuditEvent).where(AuditEvent.action == action)).all())


def test_the_delay_grows_and_is_capped() -> None:
    assert [delay_after(n) for n in range(1, 8)] == [0, 0, 5, 10, 20, 40, 80]
    assert delay_after(40) == 15 * 60


def test_wrong_passwords_grow_a_delay_that_survives_a_restart(root: Path) -> None:
    t0 = 1_800_000_000.0
    messages = []
    for i in range(3):
        with pytest.raises(PasswordRefused) as refused:
            open_guarded(root, "错的", now=t0 + i)
        messages.append(refused.value.message)
    assert "已连续输错1次" in messages[0] and "已连续输错3次" in messages[2]
    assert "5秒后再试" in messages[2]
    assert len(set(messages)) == 3  # never the same message twice
    # the delay is in the file: a new "run" (nothing in memory) still waits
    assert read_attempts(root) is not None
    assert wait_left(root, now=t0 + 3) == pytest.approx(4)
    with pytest.raises(LoginThrottled) as throttled:
        open_guarded(root, PASSWORD, now=t0 + 3)  # even the right password waits
    assert "4秒" in throttled.value.message
    ws, report = open_guarded(root, PASSWORD, now=t0 + 10)
    try:
        assert report.failed_count == 3 and "3次密码输入错误" in report.summary()
        failed = _events(ws, "login_failed")
        assert len(failed) == 3 and all(e.note == "登录时密码错误" for e in failed)
    finally:
        ws.close()
    log = read_attempts(root)
    assert log is not None and log.streak == 0 and log.pending == [] and log.total == 3
    assert wait_left(root) == 0


def test_a_deleted_counter_file_is_noticed_and_audited(root: Path) -> None:
    ws, report = open_guarded(root, PASSWORD)
    ws.close()
    assert not report.reset_noticed  # the first login starts the file
    assert (root / ATTEMPTS_NAME).exists()
    for i in range(4):
        with pytest.raises(PasswordRefused):
            open_guarded(root, "错的", now=time.time() - 3600 + 100 * i)
    (root / ATTEMPTS_NAME).unlink()  # resets the delay …
    assert wait_left(root) == 0
    ws, report = open_guarded(root, PASSWORD)
    try:  # … but not unnoticed
        assert report.reset_noticed and "被删除或替换" in report.summary()
        assert len(_events(ws, "login_guard_reset")) == 1
    finally:
        ws.close()
    ws, report = open_guarded(root, PASSWORD)  # the new file is the known one now
    ws.close()
    assert not report.reset_noticed


def test_a_counter_file_set_back_to_an_old_copy_is_noticed(root: Path) -> None:
    ws, _ = open_guarded(root, PASSWORD)
    ws.close()
    old = (root / ATTEMPTS_NAME).read_bytes()
    with pytest.raises(PasswordRefused):
        open_guarded(root, "错的")
    ws, _ = open_guarded(root, PASSWORD)
    ws.close()
    (root / ATTEMPTS_NAME).write_bytes(old)
    ws, report = open_guarded(root, PASSWORD)
    ws.close()
    assert report.reset_noticed


def test_sign_off_password_failures_count_and_are_audited_at_once(root: Path) -> None:
    ws, _ = open_guarded(root, PASSWORD)
    try:
        for _ in range(3):
            with pytest.raises(PasswordRefused):
                check_password(ws, "错的", where="signoff")
        with pytest.raises(LoginThrottled):
            check_password(ws, PASSWORD, where="signoff")
        assert [e.note for e in _events(ws, "password_failed")] == ["签结时密码错误"] * 3
        assert _events(ws, "login_failed") == []
    finally:
        ws.close()
    assert wait_left(root) > 0  # the login waits too: one count per workspace


def test_a_damaged_counter_file_does_not_lock_anyone_out(root: Path) -> None:
    (root / ATTEMPTS_NAME).write_bytes(b"\x00garbage")
    assert wait_left(root) == 0
    ws, report = open_guarded(root, PASSWORD)
    ws.close()
    assert report.reset_noticed
