"""A team workspace made without a kit joins the office later, keeping every record; its bundles
then import at the office."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlmodel import select

import app.sync.kit as kitmod
from app.storage import keyfile
from app.storage.models import Team, User
from app.storage.workspace import Workspace
from app.sync.errors import KitRefused, SyncError
from app.sync.export import export_bundle
from app.sync.identity import issue_team_kit
from app.sync.join import is_joined, join_existing
from app.sync.merge import import_bundle
from tests.unit.sync.conftest import (
    KIT_PASSWORD,
    PASSWORD,
    CheapKdf,
    add_village,
    add_visit,
    make_office,
)


def test_an_unjoined_workspace_joins_keeps_its_records_and_syncs(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(keyfile, "KdfParams", CheapKdf)
    monkeypatch.setattr(kitmod, "KdfParams", CheapKdf)
    office = make_office(tmp_path / "office")
    kit = issue_team_kit(office, "第一巡察组", KIT_PASSWORD, tmp_path / "k.kit")
    team = Workspace.create(tmp_path / "team", team_name="一组", leader="李组长", password=PASSWORD)
    try:
        village = add_village(team, "王庄村")
        add_visit(team, village.id, "走访群众。")
        assert not is_joined(team)
        with pytest.raises(SyncError, match="join --kit"):
            export_bundle(team, tmp_path / "a.xdsb")
        with pytest.raises(KitRefused):  # a wrong password opens nothing
            join_existing(team, tmp_path / "k.kit", "错的")
        assert not is_joined(team)
        join_existing(team, tmp_path / "k.kit", KIT_PASSWORD)
        assert is_joined(team)
        with team.session() as s:
            live = s.exec(select(Team).where(Team.retired_at == None)).all()  # noqa: E711
            assert [t.id for t in live] == [kit.team_id] and live[0].name == "第一巡察组"
            leader = s.exec(select(User)).one()
            assert leader.team_id == kit.team_id
        with pytest.raises(SyncError, match="已经"):
            join_existing(team, tmp_path / "k.kit", KIT_PASSWORD)
        result = export_bundle(team, tmp_path / "b.xdsb")
        assert result.rows > 0
        report = import_bundle(office, tmp_path / "b.xdsb")
        assert report.counts["visit"]["new"] == 1 and report.counts["village"]["new"] == 1
        assert report.team_id == kit.team_id
    finally:
        team.close()
        office.close()
