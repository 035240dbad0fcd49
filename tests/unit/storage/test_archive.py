"""Whole-workspace backups and restore (issue 17, part 5): the key file and the photos come with
the database; a restore is verified and goes to a new folder, never over a live workspace."""

from __future__ import annotations

import io
import json
import zipfile
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

import pytest
from PIL import Image

from app.domain.vocabulary import VisitMethod
from app.storage import keyfile
from app.storage.accounts import new_recovery
from app.storage.archive import BackupRefused, backup_workspace, restore_workspace
from app.storage.check import check_files, check_workspace
from app.storage.errors import WorkspaceExists, WrongPassword
from app.storage.keyfile import KdfParams, KeyFile
from app.storage.mediastore import MediaStore
from app.storage.models import Attachment, Township, Village, Visit
from app.storage.workspace import Workspace, WorkspacePaths
from tests.conftest import LEADER, PASSWORD, snapshot


@dataclass(frozen=True)
class _CheapKdf(KdfParams):
    time_cost: int = 1
    memory_cost: int = 8
    parallelism: int = 1


@pytest.fixture(autouse=True)
def cheap(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(keyfile, "KdfParams", _CheapKdf)


@pytest.fixture
def team(tmp_path: Path) -> Workspace:
    ws = Workspace.create(
        tmp_path / "team", team_name="第一巡察组", leader=LEADER, password=PASSWORD
    )
    buf = io.BytesIO()
    Image.new("RGB", (64, 48), (30, 120, 60)).save(buf, "JPEG")
    blob = MediaStore(ws.paths.media, ws.db_key).put(buf.getvalue())
    with ws.session() as s:
        town = Township(name="城关镇")
        s.add(town)
        s.flush()
        village = Village(township_id=town.id, name="王庄村")
        s.add(village)
        s.flush()
        visit = Visit(
            village_id=village.id,
            occurred_at=datetime(2026, 11, 20, 9, 30),
            method=VisitMethod.GENERAL,
            notes="村道破损",
        )
        s.add(visit)
        s.flush()
        s.add(Attachment(sha256=blob.sha256, stored_name=blob.name, visit_id=visit.id))
        s.commit()
    return ws


def _backup(ws: Workspace, out: Path) -> Path:
    p = ws.paths
    backup_workspace(p.root, p.db, p.key, p.media, ws.db_key, out)
    return out


def _verify_with(password: str):
    def verify(folder: Path) -> tuple[str, list[str]]:
        with Workspace.open(folder, password) as ws:
            return ws.workspace_id, check_workspace(ws)

    return verify


def test_backup_holds_the_key_file_and_photos_and_restores(team: Workspace, tmp_path: Path) -> None:
    out = _backup(team, tmp_path / "b" / "team.xdbak")
    assert [p.name for p in out.parent.iterdir()] == ["team.xdbak"]  # no temp file left
    with zipfile.ZipFile(out) as zf:
        names = set(zf.namelist())
        manifest = json.loads(zf.read("xunchadesk-backup.json"))
    assert {"workspace.db", "workspace.key"} <= names
    assert sum(n.startswith("media/") for n in names) == 1
    assert manifest["workspace_id"] == team.workspace_id
    team.change_password(LEADER, PASSWORD, "后来的密码")  # a backup keeps its own key file
    restored = restore_workspace(out, tmp_path / "restored", _verify_with(PASSWORD))
    assert restored.media == 1
    with Workspace.open(restored.root, PASSWORD) as copy:
        assert check_workspace(copy) == []
        assert copy.workspace_id == team.workspace_id


def test_restore_never_goes_over_a_live_workspace(team: Workspace, tmp_path: Path) -> None:
    out = _backup(team, tmp_path / "team.xdbak")
    before = snapshot(team.paths.root)
    with pytest.raises(WorkspaceExists):
        restore_workspace(out, team.paths.root, _verify_with(PASSWORD))
    assert snapshot(team.paths.root) == before
    (tmp_path / "full").mkdir()
    (tmp_path / "full" / "note.txt").write_text("x")
    with pytest.raises(WorkspaceExists):
        restore_workspace(out, tmp_path / "full", _verify_with(PASSWORD))


def _flip(data: bytes) -> bytes:
    return data[:-1] + bytes([data[-1] ^ 1])


def _rewrite(src: Path, dst: Path, change) -> None:
    with zipfile.ZipFile(src) as zin, zipfile.ZipFile(dst, "w") as zout:
        for info in zin.infolist():
            data = zin.read(info.filename)
            name, data = change(info.filename, data)
            if name is not None:
                zout.writestr(name, data)


@pytest.mark.parametrize(
    "change, reason",
    [
        (lambda n, d: (n, _flip(d)) if n == "workspace.db" else (n, d), "校验值"),
        (lambda n, d: (None, d) if n == "workspace.key" else (n, d), "不符"),
        (lambda n, d: ("../evil.db", d) if n == "workspace.db" else (n, d), "不符"),
    ],
    ids=["bit-flip", "member-missing", "escaping-name"],
)
def test_an_altered_backup_is_refused_and_leaves_nothing(
    team: Workspace, tmp_path: Path, change, reason: str
) -> None:
    good = _backup(team, tmp_path / "good.xdbak")
    bad = tmp_path / "bad.xdbak"
    _rewrite(good, bad, change)
    with pytest.raises(BackupRefused, match=reason):
        restore_workspace(bad, tmp_path / "out" / "restored", _verify_with(PASSWORD))
    assert not (tmp_path / "out").exists() or list((tmp_path / "out").iterdir()) == []


def test_a_wrong_password_restores_nothing(team: Workspace, tmp_path: Path) -> None:
    out = _backup(team, tmp_path / "team.xdbak")
    with pytest.raises(WrongPassword):
        restore_workspace(out, tmp_path / "restored", _verify_with("wrong"))
    assert not (tmp_path / "restored").exists()
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []


def test_restore_with_the_recovery_code(team: Workspace, tmp_path: Path) -> None:
    code = new_recovery(team)
    out = _backup(team, tmp_path / "team.xdbak")

    def verify(folder: Path) -> tuple[str, list[str]]:
        paths = WorkspacePaths(folder)
        kf = KeyFile.load(paths.key)
        return kf.workspace_id, check_files(paths, kf.unlock_with_code(code))

    restored = restore_workspace(out, tmp_path / "restored", verify)
    assert restored.workspace_id == team.workspace_id
