"""The office's copy of a team laptop's key (issue 17, part 5): a laptop that joined with a kit
keeps its database key sealed to the office's public key too, so a team that lost its passwords
and its recovery code can bring the laptop to the office."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from app.storage.accounts import recover_with_office
from app.storage.errors import WrongPassword
from app.storage.keyfile import KeyFile
from app.storage.workspace import Workspace, WorkspacePaths
from app.sync.identity import ensure_office_keys
from app.sync.keys import KeyPair
from tests.unit.sync.conftest import PASSWORD, make_office


def test_the_office_sets_a_new_password_on_a_team_laptop(
    office: Workspace, laptop: Callable[..., Workspace], tmp_path
) -> None:
    team = laptop("a")
    paths = WorkspacePaths(team.paths.root)
    leader = team.username
    team.close()
    kf = KeyFile.load(paths.key)
    assert kf.escrow is not None and leader.encode() not in paths.key.read_bytes()
    keys = ensure_office_keys(office)
    stranger = KeyPair.generate(keys.owner_id, "冒充的巡察办")
    with pytest.raises(WrongPassword):
        recover_with_office(paths, keys.owner_id, stranger.box(), leader, "x")
    other_office = make_office(tmp_path / "other-office")
    other = ensure_office_keys(other_office)
    with pytest.raises(WrongPassword):
        recover_with_office(paths, other.owner_id, other.box(), leader, "x")
    other_office.close()
    recover_with_office(paths, keys.owner_id, keys.box(), leader, "巡察办重设的密码")
    Workspace.open(paths.root, "巡察办重设的密码", leader).close()
    with pytest.raises(WrongPassword):
        Workspace.open(paths.root, PASSWORD, leader)
