"""A key file or a team kit asking for absurd Argon2 parameters (a million passes, 4 GiB) is
refused before any key derivation, instead of freezing or exhausting the machine."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import app.storage.keyfile as keyfile_mod
from app.storage.errors import KeyFileDamaged
from app.storage.keyfile import KdfParams, KeyFile, WrapEntry, new_database_key
from app.storage.workspace import Workspace
from app.sync.errors import KitRefused
from app.sync.keys import KeyPair
from app.sync.kit import TeamKit, open_kit, seal_kit

ABSURD = [
    {"time_cost": 1_000_000},
    {"memory_cost": 4 * 1024 * 1024},
    {"parallelism": 10_000},
    {"time_cost": 0},
]


@pytest.fixture
def no_derivation(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(**_kw: object) -> bytes:
        raise AssertionError("a key was derived with parameters that should have been refused")

    monkeypatch.setattr(keyfile_mod, "hash_secret_raw", refuse)


def _absurd_entry(kf: KeyFile, **params: int) -> WrapEntry:
    entry = kf.entries[0]
    kdf = KdfParams(
        params.get("time_cost", entry.kdf.time_cost),
        params.get("memory_cost", entry.kdf.memory_cost),
        params.get("parallelism", entry.kdf.parallelism),
    )
    return WrapEntry(entry.tag, entry.salt, entry.nonce, entry.wrapped, kdf)


@pytest.mark.parametrize("params", ABSURD)
def test_a_key_file_with_absurd_argon2_parameters_is_refused_before_deriving(
    ws: Workspace, params: dict[str, int], no_derivation: None
):
    root = ws.paths.root
    ws.close()
    kf = KeyFile.load(root / "workspace.key")
    kf.entries = [_absurd_entry(kf, **params)]
    (root / "workspace.key").write_bytes(kf.to_bytes())  # a valid checksum: only the numbers lie
    name = next(iter(params))
    with pytest.raises(KeyFileDamaged, match=f"超出合理范围（{name}="):
        Workspace.open(root, "任何密码")


def test_the_default_and_cheapest_sane_parameters_are_accepted(tmp_path: Path):
    kf = KeyFile(workspace_id="w")
    kf.add_user("李", "pw", new_database_key(), KdfParams(1, 8, 1))
    kf.add_user("王", "pw2", new_database_key())  # the defaults
    assert len(KeyFile.from_bytes(kf.to_bytes()).entries) == 2


@pytest.mark.parametrize("params", ABSURD)
def test_a_team_kit_with_absurd_argon2_parameters_is_refused_before_deriving(
    tmp_path: Path, params: dict[str, int], monkeypatch: pytest.MonkeyPatch
):
    keys = KeyPair.generate("team-1", "第一巡察组")
    office = KeyPair.generate("office-1", "巡察办")
    kit = TeamKit(
        team_row={"id": "team-1", "name": "第一巡察组"}, team_keys=keys, office=office.public()
    )
    path = tmp_path / "t.kit"
    seal_kit(kit, "组包密码", path, KdfParams(1, 8, 1))
    doc = json.loads(path.read_text())
    doc["kdf"].update(params)
    path.write_text(json.dumps(doc))

    def refuse(**_kw: object) -> bytes:
        raise AssertionError("a key was derived with parameters that should have been refused")

    monkeypatch.setattr(keyfile_mod, "hash_secret_raw", refuse)
    with pytest.raises(KitRefused, match="超出合理范围"):
        open_kit(path, "组包密码")
