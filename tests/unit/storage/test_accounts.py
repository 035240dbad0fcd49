"""Logins, passwords and the recovery code (issue 17, parts 3 and 5)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pytest
from sqlmodel import select

from app.domain.vocabulary import Role
from app.services.users import add_user, list_users, new_recovery_code, remove_user
from app.storage import keyfile
from app.storage.accounts import AccountRefused, recover_with_code
from app.storage.errors import WrongPassword
from app.storage.keyfile import KdfParams, KeyFile, normalise_code
from app.storage.models import AuditEvent
from app.storage.workspace import Workspace
from tests.conftest import LEADER, PASSWORD


@dataclass(frozen=True)
class _CheapKdf(KdfParams):
    time_cost: int = 1
    memory_cost: int = 8
    parallelism: int = 1


@pytest.fixture
def cheap(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(keyfile, "KdfParams", _CheapKdf)


def test_leader_adds_lists_and_removes_users(ws: Workspace, cheap: None) -> None:
    add_user(ws, "王成员", "member-pw", role=Role.MEMBER)
    add_user(ws, "赵副组长", "deputy-pw", role=Role.LEADER, display_name="赵强")
    names = {u.username: u for u in list_users(ws)}
    assert names["王成员"].has_password and names["赵副组长"].role is Role.LEADER
    member = Workspace.open(ws.paths.root, "member-pw")
    assert member.username == "王成员" and member.role is Role.MEMBER
    with pytest.raises(AccountRefused):  # a member changes nobody's login
        add_user(member, "外人", "x", role=Role.MEMBER)
    with pytest.raises(AccountRefused):
        remove_user(member, LEADER)
    member.close()
    with pytest.raises(AccountRefused, match="已有"):
        add_user(ws, "王成员", "again", role=Role.MEMBER)
    with pytest.raises(AccountRefused, match="自己"):
        remove_user(ws, LEADER)
    remove_user(ws, "王成员")
    with pytest.raises(WrongPassword):
        Workspace.open(ws.paths.root, "member-pw")
    listed = {u.username: u for u in list_users(ws)}
    assert listed["王成员"].retired and not listed["王成员"].has_password
    add_user(ws, "王成员", "back-pw", role=Role.MEMBER)  # the same person comes back
    Workspace.open(ws.paths.root, "back-pw").close()
    with ws.session() as s:
        actions = [e.action for e in s.exec(select(AuditEvent))]
    assert actions.count("add_user") == 3 and actions.count("remove_user") == 1


def test_the_last_leader_cannot_be_removed(ws: Workspace, cheap: None) -> None:
    add_user(ws, "赵副组长", "deputy-pw", role=Role.LEADER)
    deputy = Workspace.open(ws.paths.root, "deputy-pw")
    try:
        remove_user(deputy, LEADER)  # another leader stays: allowed
        with pytest.raises(AccountRefused, match="自己"):
            remove_user(deputy, "赵副组长")
    finally:
        deputy.close()


def test_recovery_code_sets_a_new_password(ws: Workspace, cheap: None) -> None:
    code = new_recovery_code(ws)
    assert len(code) == 29 and code.count("-") == 5
    paths = ws.paths
    ws.close()
    with pytest.raises(WrongPassword):
        recover_with_code(paths, "0000-0000-0000-0000-0000-0000", LEADER, "x")
    typed = code.lower().replace("-", " ").replace("0", "o")  # as someone copies it from paper
    recover_with_code(paths, typed, LEADER, "新密码-2")
    Workspace.open(paths.root, "新密码-2", LEADER).close()
    with pytest.raises(WrongPassword):
        Workspace.open(paths.root, PASSWORD, LEADER)
    # never tried as a password at login
    with pytest.raises(WrongPassword):
        Workspace.open(paths.root, normalise_code(code))


def test_a_new_code_replaces_the_old_one(ws: Workspace, cheap: None) -> None:
    first = new_recovery_code(ws)
    second = new_recovery_code(ws)
    kf = KeyFile.load(ws.paths.key)
    with pytest.raises(WrongPassword):
        kf.unlock_with_code(first)
    assert kf.unlock_with_code(second) == ws.db_key


def test_a_key_file_without_recovery_reads_as_before(tmp_path: Path, cheap: None) -> None:
    kf = KeyFile(workspace_id="w")
    kf.add_user("a", "pw", b"k" * 32)
    raw = kf.to_bytes()
    assert b"recovery" not in raw and KeyFile.from_bytes(raw).recovery is None
    kf.set_recovery("ABCD-EFGH-JKMN-PQRS-TVWX-YZ01", b"k" * 32)
    again = KeyFile.from_bytes(kf.to_bytes())
    assert again.unlock_with_code("abcd efgh jkmn pqrs tvwx yzo1") == b"k" * 32
