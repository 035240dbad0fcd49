"""Looking after a workspace from the window (the command line has the same jobs): changing the
password, a verified backup, the integrity check.

Each is one function the window calls through its task runner; each is audited.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from app.services.access import check_password
from app.storage.archive import backup_workspace
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


@dataclass(frozen=True)
class BackupDone:
    """A verified backup: the whole workspace in one file (database, key file, photos), or on a
    database server the sealed dump of its database."""

    path: Path
    size_bytes: int
    photos: int | None
    """Photos in the file (None: a server's dump, whose photos are in the database)."""


def backup_to(ws: Workspace, out: Path) -> BackupDone:
    """A verified backup at ``out`` (never over an existing file), audited: the same file the
    command line's ``backup`` writes and ``restore`` reads."""
    out = Path(out)
    if out.exists():
        raise MaintenanceRefused(f"备份文件已存在，不会覆盖：{out.name}")
    with ws.session() as s:  # who took a copy of everything is recorded before the copy
        s.audit("backup", note=out.name)
        s.commit()
    if ws.on_server:
        from app.storage.pg.backup import backup_server

        dumped = backup_server(ws.engine, ws.db_key, out)
        return BackupDone(dumped.path, dumped.size_bytes, None)
    p = ws.paths
    written = backup_workspace(p.root, p.db, p.key, p.media, ws.db_key, out)
    return BackupDone(written.path, written.size_bytes, written.media)


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
