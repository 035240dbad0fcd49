"""Logins of a workspace: who may open it, their passwords, the recovery code, the office's copy.

A login is two things that must agree: a ``user`` row in the database (name, role; retired, never
deleted, when the user is removed) and an entry in the key file (the database key wrapped under
that user's password). Every change of the key file here runs under an exclusive lock on a file
beside it and re-reads the key file inside the lock, so two ``passwd`` (or a ``passwd`` and a
``user add``) at once never overwrite each other: the second is applied on top of the first, or
refused when the first changed what it relied on (its old password). Success is never reported
for a change that was lost.

Removing a user takes their entry out of the key file and retires their row; their records stay.
The database key itself is not changed (that would make every backup unreadable): a removed user
who kept a copy of an old key file, or a backup, can still open that copy.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey, X25519PublicKey
from sqlmodel import col, select

from app.domain.vocabulary import Role
from app.storage.engine import connect_raw
from app.storage.errors import ForeignWorkspace, WorkspaceError, WrongPassword
from app.storage.filelock import exclusive
from app.storage.keyfile import KeyFile, new_recovery_code
from app.storage.models import Team, User, utcnow
from app.storage.session import WorkspaceSession

KEY_LOCK = ".workspace.key.lock"


class _Paths(Protocol):
    @property
    def root(self) -> Path: ...

    @property
    def key(self) -> Path: ...

    @property
    def db(self) -> Path: ...


class OpenWorkspace(Protocol):
    """What these functions need of an open workspace (``Workspace`` has it)."""

    @property
    def paths(self) -> _Paths: ...

    @property
    def db_key(self) -> bytes: ...

    @property
    def username(self) -> str: ...

    def session(self, *, write: bool = False) -> WorkspaceSession: ...


class AccountRefused(WorkspaceError):
    """A change of logins the rules refuse (a duplicate name, removing the last leader …)."""


@dataclass(frozen=True)
class Login:
    username: str
    display_name: str
    role: Role
    has_password: bool
    """Whether the key file holds an entry for the user (they can log in)."""
    retired: bool


@contextlib.contextmanager
def key_lock(root: Path) -> Iterator[None]:
    """Exclusive use of the key file of the workspace in ``root`` (other processes wait)."""
    with exclusive(
        root / KEY_LOCK,
        busy="另一个程序正在修改密钥文件（修改密码或用户），请稍后再试。",
    ):
        yield


def change_password(ws: OpenWorkspace, username: str, old: str, new: str) -> None:
    """Re-wrap the database key for ``username`` under ``new``, serialised with every other
    change of the key file; refused when ``old`` no longer opens it (changed meanwhile)."""
    with ws.session(write=True) as s, key_lock(ws.paths.root):
        keyfile = KeyFile.load(ws.paths.key)  # as it is now, not as it was at login
        try:
            keyfile.change_password(username, old, new)
        except WrongPassword as exc:
            raise WrongPassword(
                "原密码已打不开密钥文件（密码可能刚在另一处被修改），本次修改未生效。"
            ) from exc
        s.audit("change_password", note=username)
        s.flush()
        keyfile.save(ws.paths.key)
        s.commit()


def add_login(
    ws: OpenWorkspace, username: str, display_name: str, role: Role, password: str
) -> User:
    """A new user with their own password; a removed user of that name comes back."""
    name = username.strip()
    if not name or len(name) > 64 or any(ord(ch) < 32 for ch in name):
        raise AccountRefused("用户名不能为空，不超过 64 个字，且不能含控制字符。")
    if not password:
        raise AccountRefused("密码不能为空。")
    with ws.session(write=True) as s, key_lock(ws.paths.root):
        keyfile = KeyFile.load(ws.paths.key)
        account = s.exec(select(User).where(User.username == name)).first()
        if account is not None and account.retired_at is None:
            raise AccountRefused(f"已有这个用户：{name}")
        if account is None:
            team = s.exec(select(Team).order_by(col(Team.created_at))).first()
            account = User(username=name, display_name=display_name.strip() or name, role=role)
            account.team_id = None if team is None else team.id
        else:
            account.retired_at = None
            account.role = role
            account.display_name = display_name.strip() or name
        s.add(account)
        s.audit("add_user", note=f"{name} {role.value}")
        s.flush()
        keyfile.add_user(name, password, ws.db_key)
        keyfile.save(ws.paths.key)
        s.commit()
        s.expunge(account)
    return account


def remove_login(ws: OpenWorkspace, username: str) -> None:
    """Take ``username``'s entry out of the key file and retire their row (records stay)."""
    if username == ws.username:
        raise AccountRefused("不能移除自己（请由另一位组长移除）。")
    with ws.session(write=True) as s, key_lock(ws.paths.root):
        keyfile = KeyFile.load(ws.paths.key)
        account = s.exec(
            select(User).where(User.username == username, col(User.retired_at).is_(None))
        ).first()
        if account is None:
            raise AccountRefused(f"没有这个用户：{username}")
        if account.role in (Role.LEADER, Role.OFFICE):
            others = s.exec(
                select(User).where(
                    User.role == account.role,
                    User.id != account.id,
                    col(User.retired_at).is_(None),
                )
            ).all()
            if not [u for u in others if keyfile.has_user(u.username)]:
                raise AccountRefused(f"不能移除最后一位{account.role.label}。")
        account.retired_at = utcnow()
        s.add(account)
        s.audit("remove_user", note=username)
        s.flush()
        keyfile.remove_user(username)
        keyfile.save(ws.paths.key)
        s.commit()


def list_logins(ws: OpenWorkspace) -> list[Login]:
    keyfile = KeyFile.load(ws.paths.key)
    with ws.session() as s:
        users = s.exec(select(User).order_by(col(User.created_at))).all()
    return [
        Login(
            username=u.username,
            display_name=u.display_name,
            role=u.role,
            has_password=u.retired_at is None and keyfile.has_user(u.username),
            retired=u.retired_at is not None,
        )
        for u in users
    ]


# -- recovery -------------------------------------------------------------------------------
def new_recovery(ws: OpenWorkspace) -> str:
    """A new recovery code for the workspace (the old one stops working); shown once."""
    code = new_recovery_code()
    with ws.session(write=True) as s, key_lock(ws.paths.root):
        keyfile = KeyFile.load(ws.paths.key)
        keyfile.set_recovery(code, ws.db_key)
        s.audit("recovery_code")
        s.flush()
        keyfile.save(ws.paths.key)
        s.commit()
    return code


def _verified_key(paths: _Paths, keyfile: KeyFile, db_key: bytes) -> None:
    """The key opens the database and the database is the key file's."""
    raw = connect_raw(paths.db, db_key)
    try:
        row = raw.execute("SELECT value FROM workspace_meta WHERE key = 'workspace_id'").fetchone()
    finally:
        raw.close()
    if row is None or row[0] != keyfile.workspace_id:
        raise ForeignWorkspace("密钥文件与数据库不属于同一个工作区。")


def _reset_password(
    paths: _Paths, db_key_of: Callable[[KeyFile], bytes], username: str, new_password: str
) -> None:
    if not new_password:
        raise AccountRefused("密码不能为空。")
    with key_lock(paths.root):
        keyfile = KeyFile.load(paths.key)
        db_key = db_key_of(keyfile)
        _verified_key(paths, keyfile, db_key)
        raw = connect_raw(paths.db, db_key)
        try:
            found = raw.execute(
                'SELECT 1 FROM "user" WHERE username = ? AND retired_at IS NULL', (username,)
            ).fetchone()
        finally:
            raw.close()
        if found is None:
            raise AccountRefused(f"工作区中没有这个用户：{username}")
        keyfile.add_user(username, new_password, db_key)
        keyfile.save(paths.key)


def recover_with_code(paths: _Paths, code: str, username: str, new_password: str) -> None:
    """Set ``username``'s password from the recovery code (the database is not touched)."""
    _reset_password(paths, lambda kf: kf.unlock_with_code(code), username, new_password)


def recover_with_office(
    paths: _Paths,
    office_id: str,
    office_box: X25519PrivateKey,
    username: str,
    new_password: str,
) -> None:
    """At the office: set a password on a team laptop's key file with the office's key."""
    _reset_password(
        paths, lambda kf: kf.unlock_escrow(office_id, office_box), username, new_password
    )


def set_escrow(ws: OpenWorkspace, recipient_id: str, recipient_box: X25519PublicKey) -> None:
    """Seal the database key to the office's public key, in the key file."""
    with key_lock(ws.paths.root):
        keyfile = KeyFile.load(ws.paths.key)
        keyfile.set_escrow(recipient_id, recipient_box, ws.db_key)
        keyfile.save(ws.paths.key)


__all__ = [
    "AccountRefused",
    "Login",
    "OpenWorkspace",
    "add_login",
    "change_password",
    "key_lock",
    "list_logins",
    "new_recovery",
    "recover_with_code",
    "recover_with_office",
    "remove_login",
    "set_escrow",
]
