"""Users of a workspace (a team of five often shares one laptop): list, add, remove, and the
recovery code. Only a leader (组长) — at the office, an office user — may change who logs in.

The window (Workspace ▸ Users…) and the command line (``user add|remove|list``,
``recovery-key``) call these same functions, so both are checked and audited alike.
"""

from __future__ import annotations

from app.domain.vocabulary import Role, WorkspaceKind
from app.storage import accounts
from app.storage.accounts import AccountRefused, Login
from app.storage.workspace import Workspace

MANAGERS = frozenset({Role.LEADER, Role.OFFICE})


def may_manage_users(ws: Workspace) -> bool:
    return ws.role in MANAGERS


def roles_for(ws: Workspace) -> list[Role]:
    """The roles a new user of this workspace may have."""
    if ws.kind is WorkspaceKind.OFFICE:
        return [Role.OFFICE]
    return [Role.MEMBER, Role.LEADER]


def _refuse_unless_manager(ws: Workspace) -> None:
    if not may_manage_users(ws):
        raise AccountRefused("只有组长可以管理用户和恢复码。")


def list_users(ws: Workspace) -> list[Login]:
    """Every user, removed ones included (their records stay)."""
    return accounts.list_logins(ws)


def add_user(
    ws: Workspace, username: str, password: str, *, role: Role, display_name: str = ""
) -> Login:
    _refuse_unless_manager(ws)
    if role not in roles_for(ws):
        raise AccountRefused(f"这个工作区不能添加“{role.label}”角色的用户。")
    user = accounts.add_login(ws, username, display_name, role, password)
    return Login(user.username, user.display_name, user.role, True, False)


def remove_user(ws: Workspace, username: str) -> None:
    _refuse_unless_manager(ws)
    accounts.remove_login(ws, username)


def new_recovery_code(ws: Workspace) -> str:
    """A new recovery code (the old one stops working). Show it once; it is not kept."""
    _refuse_unless_manager(ws)
    return accounts.new_recovery(ws)


__all__ = [
    "AccountRefused",
    "Login",
    "add_user",
    "list_users",
    "may_manage_users",
    "new_recovery_code",
    "remove_user",
    "roles_for",
]
