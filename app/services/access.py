"""Opening a workspace with a password, with a growing delay after wrong passwords.

Every place that asks for a password (the login dialog, the lock page, the leader's sign-off, the
command line) goes through here:

- :func:`open_guarded` opens the workspace unless a delay is running (:class:`LoginThrottled`,
  saying how long to wait); a wrong password is counted in ``workspace.attempts``
  (:mod:`app.storage.attempts`) and the refusal says how many failures in a row there were and
  what the delay now is;
- :func:`check_password` does the same for a workspace that is already open (sign-off), and
  audits the failure at once;
- after a successful open, :func:`settle` writes the failures counted while the database was
  closed into the audit log (``login_failed``, at the time each happened), clears the streak,
  and checks that the counter file is the one the database last saw: a file deleted, replaced
  or set back is audited (``login_guard_reset``) and reported, so that the login can say so.

Failures count per workspace (the file lives in the workspace's folder) and survive a restart.
"""

from __future__ import annotations

import json
import math
import time
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from app.storage.attempts import AttemptLog, Failure, add_failure, read_attempts, write_attempts
from app.storage.errors import WorkspaceError, WrongPassword

if TYPE_CHECKING:  # the login dialog imports this module before the database code has loaded
    from app.storage.models import WorkspaceMeta
    from app.storage.pg.server import PasswordSource
    from app.storage.workspace import Workspace

META_GUARD = "login_guard"
WHERE_LABELS = {
    "login": "登录",
    "unlock": "解锁",
    "signoff": "签结",
    "cli": "命令行",
    "password": "修改密码",
}


def wait_text(seconds: float) -> str:
    """``12秒`` / ``3分钟`` / ``2分30秒`` (rounded up to whole seconds)."""
    total = max(1, math.ceil(seconds))
    minutes, secs = divmod(total, 60)
    if minutes == 0:
        return f"{secs}秒"
    return f"{minutes}分钟" if secs == 0 else f"{minutes}分{secs}秒"


class LoginThrottled(WorkspaceError):
    """A delay after wrong passwords is still running; ``seconds`` is how long is left.

    ``base`` is the refusal without the wait (a window counts the wait down beside it)."""

    def __init__(self, seconds: float) -> None:
        self.base = "密码错误次数过多。"
        super().__init__(f"密码错误次数过多，请{wait_text(seconds)}后再试。")
        self.seconds = seconds


class PasswordRefused(WrongPassword):
    """A wrong password, counted; ``streak`` failures in a row, ``wait`` seconds to wait now;
    ``base`` is the refusal without the wait."""

    def __init__(self, message: str, base: str, streak: int, wait: float) -> None:
        super().__init__(message)
        self.base = base
        self.streak = streak
        self.wait = wait


@dataclass(frozen=True)
class GuardReport:
    """What a successful open found: failures since the last login, a counter reset noticed."""

    failures: list[Failure] = field(default_factory=list)
    dropped: int = 0
    reset_noticed: bool = False

    @property
    def failed_count(self) -> int:
        return len(self.failures) + self.dropped

    def summary(self) -> str:
        """One Chinese line for the user ("" when there is nothing to say)."""
        parts = []
        if self.failed_count:
            last = max(f.at for f in self.failures) if self.failures else 0.0
            when = datetime.fromtimestamp(last).strftime("%m月%d日 %H:%M") if last else ""
            parts.append(
                f"自上次登录以来，有{self.failed_count}次密码输入错误"
                + (f"（最近一次在{when}）" if when else "")
                + "。"
            )
        if self.reset_noticed:
            parts.append("密码错误计数文件曾被删除或替换，已记入审计日志。")
        return "".join(parts)


def wait_left(root: Path, now: float | None = None) -> float:
    """Seconds before a password may be tried on ``root``'s workspace (0: now)."""
    log = read_attempts(root)
    return 0.0 if log is None else log.wait_left(now)


def _refusal(message: str, log: AttemptLog, now: float) -> PasswordRefused:
    wait = log.wait_left(now)
    head = message.rstrip("。") + f"（已连续输错{log.streak}次"
    text = head + (f"，请{wait_text(wait)}后再试）。" if wait > 0 else "）。")
    return PasswordRefused(text, head + "）。", log.streak, wait)


def _throttle(root: Path, now: float) -> None:
    left = wait_left(root, now)
    if left > 0:
        raise LoginThrottled(left)


def open_guarded(
    root: Path,
    password: str,
    user: str | None = None,
    *,
    where: str = "login",
    now: float | None = None,
    db_password: PasswordSource = None,
) -> tuple[Workspace, GuardReport]:
    """Open the workspace (see the module docstring); raises a WorkspaceError when refused."""
    from app.storage.workspace import Workspace

    root = root.expanduser().absolute()
    now = time.time() if now is None else now
    _throttle(root, now)
    try:
        ws = Workspace.open(root, password, user, db_password=db_password)
    except WrongPassword as exc:
        log = add_failure(root, where, now)
        raise _refusal(exc.message, log, now) from exc
    try:
        report = settle(ws)
    except BaseException:
        ws.close()
        raise
    return ws, report


def check_password(ws: Workspace, password: str, *, where: str = "signoff") -> None:
    """Check the open workspace's user's password (the leader signing off, a password change).

    A wrong one is counted like a failed login and audited at once; a running delay refuses
    before the password is even tried.
    """
    from app.storage.keyfile import KeyFile

    now = time.time()
    root = ws.paths.root
    _throttle(root, now)
    try:
        KeyFile.load(ws.paths.key).unlock(password, ws.username)
    except WrongPassword as exc:
        log = add_failure(root, where, now, audited=True)
        with ws.session() as s:
            s.audit("password_failed", note=f"{WHERE_LABELS.get(where, where)}时密码错误")
            s.commit()
        raise _refusal("密码不正确", log, now) from exc


def settle(ws: Workspace) -> GuardReport:
    """After a successful open: audit the failures counted meanwhile, clear the streak, and
    notice a counter file that was deleted, replaced or set back."""
    from app.storage.models import AuditEvent, WorkspaceMeta

    root = ws.paths.root
    log = read_attempts(root)
    with ws.session() as s:
        row = s.get(WorkspaceMeta, META_GUARD)
        known = _known(row)
        noticed = False
        if known is not None:
            epoch, total = known
            noticed = log is None or log.damaged or log.epoch != epoch or log.total < total
        elif log is not None and log.damaged:
            noticed = True
        failures = list(log.pending) if log is not None else []
        dropped = log.dropped if log is not None else 0
        for f in failures:
            s.add(
                AuditEvent(
                    at=datetime.fromtimestamp(f.at, UTC),
                    actor="",
                    device=ws.device_id,
                    action="login_failed",
                    note=f"{WHERE_LABELS.get(f.where, f.where)}时密码错误",
                )
            )
        if dropped:
            s.audit("login_failed", note=f"另有{dropped}次密码错误（计数文件只保留最近的记录）")
        if noticed:
            s.audit("login_guard_reset", note="密码错误计数文件被删除、替换或回退")
        if log is None or log.damaged:
            log, must_write = AttemptLog(), True  # a file the next login can check
        else:
            must_write = bool(log.streak or log.pending or log.dropped)
            log.streak, log.pending, log.dropped = 0, [], 0
        if must_write:
            write_attempts(root, log)
        value = json.dumps({"epoch": log.epoch, "total": log.total}, sort_keys=True)
        if row is None or row.value != value:
            row = row or WorkspaceMeta(key=META_GUARD)
            row.value = value
            s.add(row)
        if s.new or s.dirty:
            s.commit()
    return GuardReport(failures, dropped, noticed)


def _known(row: WorkspaceMeta | None) -> tuple[str, int] | None:
    if row is None or not row.value:
        return None
    try:
        data = json.loads(row.value)
        return str(data["epoch"]), int(data["total"])
    except (ValueError, KeyError, TypeError):
        return None


__all__ = [
    "GuardReport",
    "LoginThrottled",
    "PasswordRefused",
    "check_password",
    "open_guarded",
    "settle",
    "wait_left",
    "wait_text",
]
