"""Looking after a workspace from the window (the command line has the same jobs): changing the
password, a verified backup, the integrity check.

Each is one function the window calls through its task runner; each is audited.
"""

from __future__ import annotations

from pathlib import Path

from app.services.access import check_password
from app.storage.backup import BackupResult, backup_database
from app.storage.check import check_workspace
from app.storage.errors import WorkspaceError
from app.storage.workspace import Workspace

MIN_PASSWORD = 6


class MaintenanceRefused(WorkspaceError):
    """A maintenance job refused before anything was done; ``field`` names the input at fault."""

    def __init__(self, message: str, field: str = "") -> None:
        super().__init__(message)
        self.field = field


def check_new_password(old: str, new: str, again: str) -> None:
    """Refuse a new password that is too short, mistyped or the same as the old one."""
    if len(new) < MIN_PASSWORD:
        raise MaintenanceRefused(f"新密码至少需要{MIN_PASSWORD}个字符。", "new")
    if new != again:
        raise MaintenanceRefused("两次输入的新密码不一致。", "again")
    if new == old:
        raise MaintenanceRefused("新密码与原密码相同。", "new")


def change_password(ws: Workspace, old: str, new: str, again: str) -> None:
    """Change the logged-in user's password (the key is re-wrapped; nothing is re-encrypted).

    The old password is checked like a login: a wrong one counts toward the delay.
    """
    check_new_password(old, new, again)
    check_password(ws, old, where="password")
    ws.change_password(ws.username, old, new)


def backup_to(ws: Workspace, out: Path) -> BackupResult:
    """A verified backup of the database at ``out`` (never over an existing file), audited."""
    out = Path(out)
    if out.exists():
        raise MaintenanceRefused(f"备份文件已存在，不会覆盖：{out.name}")
    result = backup_database(ws.paths.db, ws.db_key, out)
    with ws.session() as s:
        s.audit("backup", note=out.name)
        s.commit()
    return result


def run_check(ws: Workspace) -> list[str]:
    """The integrity check's findings (empty: all sound), audited."""
    findings = check_workspace(ws)
    with ws.session() as s:
        s.audit("check", note=f"{len(findings)}项问题" if findings else "通过")
        s.commit()
    return findings


__all__ = [
    "MaintenanceRefused",
    "backup_to",
    "change_password",
    "check_new_password",
    "run_check",
]
