"""Keys, kit, export and import end to end; merge rules; back to the team."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from sqlmodel import select

from app.storage.models import AuditEvent, SyncConflict, User, Village, Visit
from app.storage.workspace import Workspace
from app.sync.conflicts import decide, list_conflicts
from app.sync.errors import BundleRefused, KitRefused, SyncError
from app.sync.export import export_bundle
from app.sync.identity import issue_team_kit, join_with_kit, own_keys
from app.sync.kit import open_kit
from app.sync.merge import import_bundle
from tests.unit.sync.conftest import (
    KIT_PASSWORD,
    PASSWORD,
    add_village,
    add_visit,
    db_dump_hash,
    edit,
    make_office,
)

Laptop = Callable[..., Workspace]


def test_kit_carries_the_office_team_row_and_keys(office: Workspace, kit: Path, laptop: Laptop):
    team = laptop("a")
    sealed = open_kit(kit, KIT_PASSWORD)
    assert own_keys(team).public() == sealed.team_keys.public()
    with team.session() as s, office.session() as o:
        from app.storage.models import Team

        mine = s.get(Team, sealed.team_id)
        theirs = o.get(Team, sealed.team_id)
        assert mine is not None and theirs is not None
        assert (mine.origin, mine.version, mine.name) == (
            theirs.origin,
            theirs.version,
            theirs.name,
        )
    b = laptop("b")
    assert b.device_id != team.device_id  # each laptop is its own device


def test_kit_refuses_a_wrong_password_and_any_change(kit: Path, tmp_path: Path):
    with pytest.raises(KitRefused, match="密码不正确"):
        open_kit(kit, "wrong")
    raw = bytearray(kit.read_bytes())
    raw[len(raw) // 2] ^= 0x01
    bad = tmp_path / "bad.kit"
    bad.write_bytes(bytes(raw))
    with pytest.raises(KitRefused):
        open_kit(bad, KIT_PASSWORD)
    assert not (tmp_path / "never").exists()
    with pytest.raises(KitRefused):
        join_with_kit(tmp_path / "never", bad, KIT_PASSWORD, leader="x", password=PASSWORD)
    assert not (tmp_path / "never").exists()


def test_kit_has_no_private_key_in_plain_text(kit: Path, office: Workspace):
    sealed = open_kit(kit, KIT_PASSWORD)
    from app.sync.keys import b64

    text = kit.read_text()
    assert b64(sealed.team_keys.sign_private) not in text
    assert b64(sealed.team_keys.box_private) not in text
    assert "第一巡察组" not in text  # even the team name is sealed


def test_export_import_new_then_unchanged(office: Workspace, laptop: Laptop, tmp_path: Path):
    team = laptop("a")
    v = add_village(team, "东村")
    add_visit(team, v.id, "走访了三户")
    r = export_bundle(team, tmp_path / "1.xdsb")
    assert r.counts["visit"] == 1 and r.counts["village"] == 1
    rep = import_bundle(office, tmp_path / "1.xdsb")
    assert rep.counts["visit"]["new"] == 1
    assert rep.counts["team"]["unchanged"] == 1
    before = db_dump_hash(office)
    again = import_bundle(office, tmp_path / "1.xdsb")
    assert again.already_imported and again.total("new") == again.total("updated") == 0
    assert db_dump_hash(office) == before  # a bundle imported again writes nothing
    with office.session() as s:
        merged = s.exec(select(AuditEvent).where(AuditEvent.action == "merge")).all()
        assert merged and {m.device for m in merged} == {office.device_id}
        visit = s.exec(select(Visit)).one()
        assert visit.origin == team.device_id  # the row keeps its origin and version


def test_only_changes_since_last_export_then_updated(
    office: Workspace, laptop: Laptop, tmp_path: Path
):
    team = laptop("a")
    v = add_village(team, "东村")
    visit = add_visit(team, v.id, "初稿")
    import_bundle(office, export_bundle(team, tmp_path / "1.xdsb").path)
    empty = export_bundle(team, tmp_path / "2.xdsb")
    assert empty.rows == 0
    edit(team, Visit, visit.id, notes="修改后")
    r3 = export_bundle(team, tmp_path / "3.xdsb")
    assert r3.counts["visit"] == 1 and "township" in r3.counts  # parents come along
    rep = import_bundle(office, r3.path)
    assert rep.counts["visit"]["updated"] == 1 and rep.counts["village"]["unchanged"] == 1
    with office.session() as s:
        got = s.get(Visit, visit.id)
        assert got is not None and got.notes == "修改后" and got.version == 2
    # an older bundle arriving late changes nothing
    before = db_dump_hash(office)
    rep1 = import_bundle(office, tmp_path / "1.xdsb")
    assert rep1.counts["visit"]["unchanged"] == 1
    assert db_dump_hash(office) == before
    full = export_bundle(team, tmp_path / "all.xdsb", all_rows=True)
    assert full.counts["visit"] == 1 and full.counts["user"] >= 1


def test_diverging_change_goes_to_the_conflict_list_and_office_decides(
    office: Workspace, laptop: Laptop, tmp_path: Path
):
    team = laptop("a")
    v = add_village(team, "东村")
    visit = add_visit(team, v.id, "初稿")
    import_bundle(office, export_bundle(team, tmp_path / "1.xdsb").path)
    edit(office, Visit, visit.id, notes="巡察办修改")  # the office changes the row …
    edit(team, Visit, visit.id, notes="组里修改")  # … and so does the team, from the old one
    rep = import_bundle(office, export_bundle(team, tmp_path / "2.xdsb").path)
    assert rep.counts["visit"]["conflict"] == 1
    with office.session() as s:
        got = s.get(Visit, visit.id)
        assert got is not None and got.notes == "巡察办修改"  # never silently overwritten
    again = import_bundle(office, tmp_path / "2.xdsb")
    assert again.counts["visit"]["conflict"] == 1
    items = list_conflicts(office)
    assert len(items) == 1  # the same conflict is listed once
    c = items[0]
    assert c.local["notes"] == "巡察办修改" and c.incoming["notes"] == "组里修改"
    assert "notes" in c.differing() and c.kind_label == "走访记录"
    decided = decide(office, c.id, take_incoming=True)
    assert decided.status == "took_incoming"
    with office.session() as s:
        got = s.get(Visit, visit.id)
        assert got is not None and got.notes == "组里修改"
        assert got.origin == office.device_id and got.version > 2
        ev = s.exec(select(AuditEvent).where(AuditEvent.action == "conflict_decide")).one()
        assert ev.record_id == visit.id and ev.actor == office.username
    with pytest.raises(SyncError):
        decide(office, c.id, take_incoming=False)
    assert list_conflicts(office) == []


def test_keep_local_decision(office: Workspace, laptop: Laptop, tmp_path: Path):
    team = laptop("a")
    v = add_village(team, "东村")
    import_bundle(office, export_bundle(team, tmp_path / "1.xdsb").path)
    edit(office, Village, v.id, notes="办")
    edit(team, Village, v.id, notes="组")
    import_bundle(office, export_bundle(team, tmp_path / "2.xdsb").path)
    (c,) = list_conflicts(office)
    decide(office, c.id, take_incoming=False)
    with office.session() as s:
        got = s.get(Village, v.id)
        assert got is not None and got.notes == "办"
        assert s.exec(select(SyncConflict)).one().status == "kept_local"


def test_two_laptops_same_team_and_user_names(office: Workspace, laptop: Laptop, tmp_path: Path):
    a, b = laptop("a"), laptop("b")
    for ws, name in ((a, "东村"), (b, "西村")):
        add_visit(ws, add_village(ws, name).id, name)
    import_bundle(office, export_bundle(a, tmp_path / "a.xdsb").path)
    import_bundle(office, export_bundle(b, tmp_path / "b.xdsb").path)
    with office.session() as s:
        assert len(s.exec(select(Visit)).all()) == 2
        names = sorted(u.username for u in s.exec(select(User)).all())
    # both laptops' leader is 李组长: at the office each is kept under the team's suffix
    assert names.count("王主任") == 1
    assert sum(n.startswith("李组长@") for n in names) == 2


def test_unknown_team_and_wrong_direction_refused(
    office: Workspace, laptop: Laptop, tmp_path: Path
):
    team = laptop("a")
    add_village(team, "东村")
    bundle = export_bundle(team, tmp_path / "1.xdsb").path
    other = make_office(tmp_path / "other-office")
    try:
        before = db_dump_hash(other)
        with pytest.raises(BundleRefused, match="未知的巡察组"):
            import_bundle(other, bundle)
        assert db_dump_hash(other) == before
    finally:
        other.close()
    with pytest.raises(BundleRefused, match="发给巡察办"):
        import_bundle(team, bundle)


def test_a_second_teams_kit_cannot_pose_as_the_first(
    office: Workspace, laptop: Laptop, tmp_path: Path
):
    kit2 = tmp_path / "2.kit"
    issue_team_kit(office, "第二巡察组", KIT_PASSWORD, kit2)
    second = laptop("z", kit2)
    first = laptop("a")
    assert own_keys(second).owner_id != own_keys(first).owner_id
    add_village(second, "南村")
    rep = import_bundle(office, export_bundle(second, tmp_path / "s.xdsb").path)
    assert rep.team_id == own_keys(second).owner_id


def test_back_to_team_bundle(office: Workspace, laptop: Laptop, tmp_path: Path):
    a, b = laptop("a"), laptop("b")
    v = add_village(a, "东村")
    import_bundle(office, export_bundle(a, tmp_path / "a.xdsb").path)
    from app.domain.vocabulary import Tier

    edit(office, Village, v.id, tier=Tier.POOR)  # the office's triage
    out = export_bundle(office, tmp_path / "back.xdsb", team="第一巡察组")
    assert out.counts["village"] == 1
    rep_b = import_bundle(b, out.path)  # laptop b never had the village
    assert rep_b.counts["village"]["new"] == 1
    rep_a = import_bundle(a, out.path)
    assert rep_a.counts["village"]["updated"] == 1
    with a.session() as s:
        got = s.get(Village, v.id)
        assert got is not None and got.tier is Tier.POOR and got.origin == office.device_id
    # the team's next export does not echo what it received
    assert export_bundle(a, tmp_path / "a2.xdsb").counts.get("village") is None
    with pytest.raises(SyncError, match="--team"):
        export_bundle(office, tmp_path / "x.xdsb")
    with pytest.raises(SyncError, match="没有为这个巡察组签发过组包"):
        export_bundle(office, tmp_path / "x.xdsb", team="不存在的组")
    with pytest.raises(BundleRefused, match="发给巡察组"):
        import_bundle(office, out.path)


def test_a_failed_export_leaves_no_file_and_keeps_the_changes_for_next_time(
    office: Workspace, laptop: Laptop, tmp_path: Path
):
    team = laptop("a")
    add_visit(team, add_village(team, "东村").id, "走访")
    out = tmp_path / "out.xdsb"

    def boom(pct: int, _what: str) -> None:
        if pct > 60:  # while the sealed bytes are being written
            raise OSError("disk full")

    with pytest.raises(OSError):
        export_bundle(team, out, progress=boom)
    assert list(tmp_path.glob("*.xdsb")) == [] and list(tmp_path.glob(".*.part")) == []
    retry = export_bundle(team, out)
    assert retry.counts["visit"] == 1  # nothing was marked exported by the failed attempt
    assert import_bundle(office, out).counts["visit"]["new"] == 1


def test_office_keys_made_once_and_private_keys_only_in_the_database(office: Workspace):
    from app.sync.identity import ensure_office_keys

    first = ensure_office_keys(office)
    assert ensure_office_keys(office) == first
    from app.sync.keys import b64

    secret = b64(first.sign_private).encode()
    for path in office.paths.root.rglob("*"):
        if path.is_file():
            assert secret not in path.read_bytes(), path  # the database file is encrypted
