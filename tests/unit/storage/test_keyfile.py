from __future__ import annotations

import json
from pathlib import Path

import pytest

from app.storage.errors import KeyFileDamaged, WrongPassword
from app.storage.keyfile import (
    MIN_MEMORY_COST,
    MIN_PARALLELISM,
    MIN_TIME_COST,
    KeyFile,
    new_database_key,
)


def _keyfile() -> tuple[KeyFile, bytes]:
    kf = KeyFile(workspace_id="ws-1")
    key = new_database_key()
    kf.add_user("组长", "pw-leader", key)
    kf.add_user("成员", "pw-member", key)
    return kf, key


def test_each_user_unwraps_the_same_key() -> None:
    kf, key = _keyfile()
    assert len(key) == 32
    assert kf.unlock("pw-leader", "组长")[0] == key
    assert kf.unlock("pw-member", "成员")[0] == key
    assert kf.unlock("pw-member")[0] == key  # without a user name every entry is tried


def test_wrong_password_or_user_is_refused() -> None:
    kf, _ = _keyfile()
    with pytest.raises(WrongPassword):
        kf.unlock("pw-member", "组长")
    with pytest.raises(WrongPassword):
        kf.unlock("pw-leader", "不存在的人")
    with pytest.raises(WrongPassword):
        kf.unlock("nothing")


def test_change_password_rewraps_the_same_key() -> None:
    kf, key = _keyfile()
    kf.change_password("组长", "pw-leader", "新密码")
    assert kf.unlock("新密码", "组长")[0] == key
    with pytest.raises(WrongPassword):
        kf.unlock("pw-leader", "组长")
    assert kf.unlock("pw-member", "成员")[0] == key


def test_argon2id_at_least_default_cost_and_no_names_in_file(tmp_path: Path) -> None:
    kf, key = _keyfile()
    path = tmp_path / "k.key"
    kf.save(path)
    raw = path.read_bytes()
    doc = json.loads(raw)
    for entry in doc["entries"]:
        assert entry["kdf"]["alg"] == "argon2id"
        assert entry["kdf"]["time_cost"] >= MIN_TIME_COST >= 3
        assert entry["kdf"]["memory_cost"] >= MIN_MEMORY_COST >= 65536
        assert entry["kdf"]["parallelism"] >= MIN_PARALLELISM
    assert "组长".encode() not in raw and "组长".encode("unicode_escape") not in raw
    assert key.hex().encode() not in raw
    assert KeyFile.load(path).unlock("pw-leader", "组长")[0] == key


@pytest.mark.parametrize(
    "damage",
    [
        lambda raw: raw[:-40],
        lambda raw: raw.replace(b'"wrapped": "', b'"wrapped": "A'),
        lambda raw: raw.replace(b"argon2id", b"argon2ix"),
        lambda raw: b"\x00\xff" + raw,
        lambda raw: b"",
    ],
)
def test_damaged_key_file_is_named_damaged_not_wrong_password(tmp_path: Path, damage) -> None:
    kf, _ = _keyfile()
    path = tmp_path / "k.key"
    kf.save(path)
    path.write_bytes(damage(path.read_bytes()))
    with pytest.raises(KeyFileDamaged):
        KeyFile.load(path)
