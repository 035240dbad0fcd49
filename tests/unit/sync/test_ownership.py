"""Row ownership: a bundle creates and changes only what its signer may write.

Each forged bundle below is signed with a real key (an insider's), and each is refused whole,
naming the first row it may not write, with the office's database exactly as before. A hypothesis
test draws random sets of rows of random owners and checks the rule against a plain restatement.
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlmodel import select

from app.domain.vocabulary import Role
from app.storage.check import check_workspace
from app.storage.errors import RecordError
from app.storage.models import (
    Batch,
    DailyWrapup,
    InspectionRound,
    LedgerItem,
    Problem,
    RectificationNotice,
    Team,
    User,
    Village,
)
from app.storage.workspace import Workspace
from app.sync import rows
from app.sync.container import Member
from app.sync.errors import BundleRefused
from app.sync.export import export_bundle
from app.sync.identity import issue_team_kit, join_with_kit, own_keys
from app.sync.merge import import_bundle
from app.sync.seal import TO_TEAM
from tests.unit.sync.conftest import (
    KIT_PASSWORD,
    PASSWORD,
    add_village,
    add_visit,
    db_dump_hash,
    edit,
    make_office,
)
from tests.unit.sync.forge import bumped, forge, row_member

TODAY = date(2026, 11, 27)


@dataclass
class World:
    root: Path
    office: Workspace
    a: Workspace
    b: Workspace
    ids: dict[str, str]
    """Name → record id: village_a, problem_a, notice_a, visit_a, village_b, problem_b,
    village_o, problem_o, ledger_o (office-owned item in A's village), user_o, team_a …"""

    def stored(self, table: str, rid: str) -> list[Any]:
        with self.office.engine.connect() as conn:
            return rows.read_rows(conn, table, [rid])[rid]


def _problem(ws: Workspace, village_id: str, text: str) -> Problem:
    with ws.session() as s:
        p = Problem(village_id=village_id, description=text, raised_on=TODAY)
        s.add(p)
        s.commit()
        return p


def _notice(ws: Workspace, village_id: str) -> RectificationNotice:
    with ws.session() as s:
        n = RectificationNotice(
            village_id=village_id,
            responsible_unit="县水利局",
            year=2026,
            issued_on=TODAY,
            deadline=date(2026, 12, 10),
        )
        s.add(n)
        s.commit()
        return n


def _build(root: Path) -> World:
    office = make_office(root / "office")
    issue_team_kit(office, "第一巡察组", KIT_PASSWORD, root / "a.kit")
    issue_team_kit(office, "第二巡察组", KIT_PASSWORD, root / "b.kit")
    laptops = [
        join_with_kit(
            root / n, root / f"{n}.kit", KIT_PASSWORD, leader=f"{n}组长", password=PASSWORD
        )
        for n in ("a", "b")
    ]
    a, b = laptops
    ids: dict[str, str] = {}
    va = add_village(a, "东村")
    ids["village_a"] = va.id
    ids["visit_a"] = add_visit(a, va.id, "走访了三户").id
    ids["problem_a"] = _problem(a, va.id, "水渠损坏").id
    ids["notice_a"] = _notice(a, va.id).id
    vb = add_village(b, "西村")
    ids["village_b"] = vb.id
    ids["problem_b"] = _problem(b, vb.id, "道路积水").id
    for i, ws in enumerate((a, b)):
        import_bundle(office, export_bundle(ws, root / f"first-{i}.xdsb").path)
    vo = add_village(office, "南村")
    ids["village_o"] = vo.id
    ids["problem_o"] = _problem(office, vo.id, "巡察办掌握的问题").id
    with office.session() as s:
        item = LedgerItem(
            problem_id=ids["problem_a"], village_id=va.id, deadline=date(2026, 12, 31)
        )
        s.add(item)
        s.commit()
        ids["ledger_o"] = item.id
        ids["user_o"] = s.exec(select(User).where(User.role == Role.OFFICE)).one().id
    ids["team_a"], ids["team_b"] = own_keys(a).owner_id, own_keys(b).owner_id
    return World(root, office, a, b, ids)


@pytest.fixture(scope="module")
def world_dir(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """A world built once: office with teams A and B, each with records at the office."""
    from app.storage import keyfile
    from app.sync import kit as kitmod
    from tests.unit.sync.conftest import CheapKdf

    mp = pytest.MonkeyPatch()
    mp.setattr(keyfile, "KdfParams", CheapKdf)
    mp.setattr(kitmod, "KdfParams", CheapKdf)
    root = tmp_path_factory.mktemp("world")
    w = _build(root)
    (root / "ids.txt").write_text(repr(w.ids))
    for ws in (w.office, w.a, w.b):
        ws.close()
    try:
        yield root
    finally:
        mp.undo()


@pytest.fixture
def world(world_dir: Path, tmp_path: Path) -> Iterator[World]:
    root = tmp_path / "w"
    shutil.copytree(world_dir, root)
    w = _open(root)
    try:
        yield w
    finally:
        for ws in (w.office, w.a, w.b):
            ws.close()


def _open(root: Path) -> World:
    ids = eval((root / "ids.txt").read_text())
    office = Workspace.open(root / "office", PASSWORD)
    a = Workspace.open(root / "a", PASSWORD)
    b = Workspace.open(root / "b", PASSWORD)
    return World(root, office, a, b, ids)


def _from_b(w: World, name: str, members: list[Member], **kw: Any) -> Path:
    keys = own_keys(w.b)
    return forge(
        w.root / f"{name}.xdsb",
        sender=keys,
        recipient=own_keys(w.office).public(),
        team_id=keys.owner_id,
        device_id=kw.pop("device_id", w.b.device_id),
        members=members,
        **kw,
    )


def _refused_unchanged(w: World, bundle: Path, *words: str) -> str:
    before = db_dump_hash(w.office)
    media_before = sorted(p.name for p in w.office.paths.media.rglob("*"))
    with pytest.raises(BundleRefused) as err:
        import_bundle(w.office, bundle)
    assert db_dump_hash(w.office) == before
    assert sorted(p.name for p in w.office.paths.media.rglob("*")) == media_before
    for word in words:
        assert word in str(err.value), str(err.value)
    return str(err.value)


# -- one forged bundle per kind of row -------------------------------------------------------------


def test_another_teams_problem_is_refused(world: World):
    pid = world.ids["problem_a"]
    forged = bumped(world.stored("problem", pid), "problem", description="此问题已整改完毕")
    why = _refused_unchanged(
        world, _from_b(world, "p", [row_member("problem", [forged])]), "问题", pid[:8], "第一巡察组"
    )
    assert "第二巡察组无权" in why and "此问题" not in why  # names the row, never its content


def test_another_teams_village_is_refused(world: World):
    vid = world.ids["village_a"]
    forged = bumped(world.stored("village", vid), "village", name="改名村")
    _refused_unchanged(world, _from_b(world, "v", [row_member("village", [forged])]), "村", vid[:8])


def test_another_teams_notice_is_refused(world: World):
    nid = world.ids["notice_a"]
    forged = bumped(
        world.stored("rectification_notice", nid), "rectification_notice", status="closed"
    )
    bundle = _from_b(world, "n", [row_member("rectification_notice", [forged])])
    _refused_unchanged(world, bundle, "立行立改通知书", nid[:8])


def test_the_offices_user_is_refused(world: World):
    uid = world.ids["user_o"]
    forged = bumped(world.stored("user", uid), "user", role="member")
    _refused_unchanged(world, _from_b(world, "u", [row_member("user", [forged])]), "用户", "巡察办")
    with world.office.session() as s:
        assert s.get(User, uid).role is Role.OFFICE  # type: ignore[union-attr]


def test_a_new_user_of_another_team_or_with_the_office_role_is_refused(world: World):
    cols = rows.columns("user")
    template = world.stored("user", world.ids["user_o"])
    for team_id, role in ((world.ids["team_a"], "member"), (world.ids["team_b"], "office")):
        values = dict(zip(cols, template, strict=True))
        values.update(id=f"forged-{role}", username="冒名", role=role, team_id=team_id, version=1)
        values["origin"] = world.b.device_id
        bundle = _from_b(world, f"nu-{role}", [row_member("user", [[values[c] for c in cols]])])
        _refused_unchanged(world, bundle, "新建用户", "越权")


def test_a_key_or_a_setting_cannot_travel(world: World):
    """Keys and settings are not synced tables: a bundle carrying them is refused as a whole."""
    key = Member("rows/sync_key.json", b'{"table":"sync_key"}')
    _refused_unchanged(world, _from_b(world, "k", [key]), "不认识的成员")
    setting = Member("rows/workspace_meta.json", b'{"table":"workspace_meta"}')
    _refused_unchanged(world, _from_b(world, "s", [setting]), "不认识的成员")
    # the settings another team keeps in its own team row (机关代字, 发文机关)
    tid = world.ids["team_a"]
    forged = bumped(world.stored("team", tid), "team", doc_prefix="冒巡", issuing_body="假机关")
    _refused_unchanged(
        world, _from_b(world, "t", [row_member("team", [forged])]), "巡察组", tid[:8]
    )


def test_a_row_pointing_at_another_teams_record_is_refused(world: World):
    """A new row is B's own, but it may not hang on A's problem (a forged source, a ledger item)."""
    cols = rows.columns("ledger_item")
    template = dict(zip(cols, world.stored("ledger_item", world.ids["ledger_o"]), strict=True))
    template.update(
        id="forged-ledger", origin=world.b.device_id, version=1, village_id=world.ids["village_b"]
    )
    bundle = _from_b(world, "l", [row_member("ledger_item", [[template[c] for c in cols]])])
    _refused_unchanged(world, bundle, "新建整改台账事项", "引用了其他巡察组的问题")


def test_a_device_of_another_team_is_refused(world: World):
    vid = world.ids["village_b"]
    forged = bumped(world.stored("village", vid), "village", notes="备注")
    bundle = _from_b(world, "d", [row_member("village", [forged])], device_id=world.a.device_id)
    _refused_unchanged(world, bundle, "设备编号属于另一方")


def test_rows_a_team_may_write_are_taken(world: World):
    """B's own village, and the office's follow-up item in A's village written by A."""
    vid, lid = world.ids["village_b"], world.ids["ledger_o"]
    forged = bumped(world.stored("village", vid), "village", notes="本组补充")
    rep = import_bundle(world.office, _from_b(world, "ok", [row_member("village", [forged])]))
    assert rep.counts["village"]["updated"] == 1
    keys = own_keys(world.a)
    item = bumped(world.stored("ledger_item", lid), "ledger_item", progress="已整改一半")
    bundle = forge(
        world.root / "a-ledger.xdsb",
        sender=keys,
        recipient=own_keys(world.office).public(),
        team_id=keys.owner_id,
        device_id=world.a.device_id,
        members=[row_member("ledger_item", [item])],
    )
    assert import_bundle(world.office, bundle).counts["ledger_item"]["updated"] == 1
    # … but B may not write the office's item in A's village
    again = bumped(world.stored("ledger_item", lid), "ledger_item", progress="已销号")
    _refused_unchanged(
        world, _from_b(world, "b-ledger", [row_member("ledger_item", [again])]), "不是本组所巡村"
    )


# -- the same rule on the team's side ------------------------------------------------------


def _from_office(w: World, name: str, members: list[Member], **kw: Any) -> Path:
    keys = own_keys(w.office)
    return forge(
        w.root / f"{name}.xdsb",
        sender=keys,
        recipient=own_keys(w.a).public(),
        team_id=w.ids["team_a"],
        device_id=w.office.device_id,
        members=members,
        direction=TO_TEAM,
        **kw,
    )


def test_office_bundles_obey_the_rule_on_the_team_side(world: World):
    a = world.a
    with a.engine.connect() as conn:
        leader = next(iter(rows.read_rows(conn, "user", None).values()))
        team_row = rows.read_rows(conn, "team", [world.ids["team_a"]])[world.ids["team_a"]]
    cols = rows.columns("user")
    demoted = list(leader)
    demoted[cols.index("role")] = "member"
    demoted[cols.index("origin")] = world.office.device_id
    demoted[cols.index("version")] += 5
    settings_changed = bumped(team_row, "team", doc_prefix="办改")
    settings_changed[rows.columns("team").index("origin")] = world.office.device_id
    for name, member in (
        ("demote", row_member("user", [demoted])),
        ("settings", row_member("team", [settings_changed])),
    ):
        before = db_dump_hash(a)
        with pytest.raises(BundleRefused, match="巡察办无权写入"):
            import_bundle(a, _from_office(world, name, [member]))
        assert db_dump_hash(a) == before
    # the office's decisions on the team's problems are its to make
    with a.engine.connect() as conn:
        problem = rows.read_rows(conn, "problem", [world.ids["problem_a"]])[world.ids["problem_a"]]
    pcols = rows.columns("problem")
    decided = bumped(problem, "problem", track="ledger")
    decided[pcols.index("origin")] = world.office.device_id
    base = [[problem[pcols.index("origin")], problem[pcols.index("version")]]]
    member = row_member("problem", [decided], base)
    rep = import_bundle(a, _from_office(world, "decision", [member]))
    assert rep.counts["problem"]["updated"] == 1


def test_the_office_relays_a_teams_rows_to_its_other_laptop(world: World):
    """A day closed on laptop a reaches a second laptop of team A through the office: the
    problem, its wrap-up and the user who signed it — rows of A's, carried by the office."""
    with world.a.session() as s:
        leader = s.exec(select(User)).one()
        day = DailyWrapup(team_id=world.ids["team_a"], day=TODAY, closed_by_id=leader.id)
        s.add(day)
        s.flush()
        problem = s.get(Problem, world.ids["problem_a"])
        assert problem is not None
        problem.wrapup_id = day.id
        s.add(problem)
        s.commit()
    import_bundle(world.office, export_bundle(world.a, world.root / "day.xdsb").path)
    a2 = join_with_kit(
        world.root / "a2", world.root / "a.kit", KIT_PASSWORD, leader="另一台", password=PASSWORD
    )
    try:
        back = export_bundle(
            world.office, world.root / "to-a.xdsb", team="第一巡察组", all_rows=True
        )
        rep = import_bundle(a2, back.path)
        assert rep.counts["user"]["new"] >= 1 and rep.counts["daily_wrapup"]["new"] == 1
        assert rep.counts["problem"]["new"] >= 1
        # on a2 they are A's own: a2 may edit the problem its teammate raised
        edit(a2, Problem, world.ids["problem_a"], requirement="补充整改要求")
        # … and the office's village is the office's
        with pytest.raises(RecordError, match="属于巡察办"):
            edit(a2, Village, world.ids["village_o"], notes="x")
        assert check_workspace(a2) == []
    finally:
        a2.close()


def test_another_teams_team_row_reaches_a_team_through_the_plan(world: World):
    """A batch the office gives team B names B's team row: team A receives it as a parent."""
    with world.office.session() as s:
        rnd = InspectionRound(name="2026年第一轮", year=2026)
        s.add(rnd)
        s.flush()
        s.add(Batch(round_id=rnd.id, number=1, team_id=world.ids["team_b"]))
        s.commit()
    out = export_bundle(world.office, world.root / "plan.xdsb", team="第一巡察组")
    rep = import_bundle(world.a, out.path)
    assert rep.counts["batch"]["new"] == 1 and rep.counts["team"]["new"] == 1
    with pytest.raises(RecordError, match="属于第二巡察组"):
        edit(world.a, Team, world.ids["team_b"], phone="123")


def test_a_team_cannot_change_the_offices_rows_locally(world: World):
    """On a laptop the same rule refuses the edit, so no bundle carries a change the office must
    refuse (and every later bundle with it)."""
    edit(world.office, Village, world.ids["village_a"], notes="巡察办的备注")
    out = export_bundle(world.office, world.root / "back.xdsb", team="第一巡察组")
    import_bundle(world.a, out.path)
    # the office's own village reaches the team as a shared registry row
    vo = world.ids["village_o"]
    with world.a.session() as s:
        assert s.get(Village, vo) is not None
    with pytest.raises(RecordError, match="属于巡察办"):
        edit(world.a, Village, vo, name="组里改名")
    edit(world.a, Village, world.ids["village_a"], notes="组里的备注")  # its own: fine
    rep = import_bundle(world.office, export_bundle(world.a, world.root / "a2.xdsb").path)
    assert rep.counts["village"]["updated"] == 1


# -- check ---------------------------------------------------------------------------------


def test_check_notices_rows_whose_owner_disagrees(world: World):
    assert check_workspace(world.office) == []
    # what the hole left behind before this fix: A's problem last written by B's device
    with world.office.raw_connection() as conn:
        conn.execute(
            "UPDATE problem SET origin = ?, description = 'x' WHERE id = ?",
            (world.b.device_id, world.ids["problem_a"]),
        )
        conn.execute(
            "UPDATE user SET role = 'member', origin = ? WHERE id = ?",
            (world.b.device_id, world.ids["user_o"]),
        )
    found = check_workspace(world.office)
    assert any("归属与最后修改者不符：2 条" in f for f in found), found
    with world.office.raw_connection() as conn:
        conn.execute(
            "INSERT INTO sync_row_team (record_id, table_name, team_id) "
            "VALUES ('gone', 'visit', ?)",
            (world.ids["team_a"],),
        )
    assert any("归属记录指向不存在的记录" in f for f in check_workspace(world.office))


# -- random ownerships ----------------------------------------------------------------------

POOL = [
    ("village", "village_a", "notes"),
    ("problem", "problem_a", "description"),
    ("visit", "visit_a", "notes"),
    ("rectification_notice", "notice_a", "feedback"),
    ("village", "village_b", "notes"),
    ("problem", "problem_b", "description"),
    ("village", "village_o", "notes"),
    ("problem", "problem_o", "description"),
    ("ledger_item", "ledger_o", "progress"),
]
OWNER = {
    "village_a": "A",
    "problem_a": "A",
    "visit_a": "A",
    "notice_a": "A",
    "village_b": "B",
    "problem_b": "B",
    "village_o": "office",
    "problem_o": "office",
    "ledger_o": "office",
}
IN_VILLAGE_OF = {"ledger_o": "A"}
"""The office's follow-up rows and the team whose village they are in."""


def _may(signer: str, key: str, table: str) -> bool:
    """The rule, restated plainly for these rows."""
    owner = OWNER[key]
    if owner == signer:
        return True
    return owner == "office" and table == "ledger_item" and IN_VILLAGE_OF.get(key) == signer


@settings(
    max_examples=20,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(
    signer=st.sampled_from(["A", "B"]),
    picks=st.lists(st.sampled_from(range(len(POOL))), min_size=1, max_size=4, unique=True),
)
def test_random_ownerships(
    world_dir: Path, tmp_path_factory: pytest.TempPathFactory, signer: str, picks: list[int]
):
    root = tmp_path_factory.mktemp("h") / "w"
    shutil.copytree(world_dir, root)
    w = _open(root)
    try:
        laptop = w.a if signer == "A" else w.b
        keys = own_keys(laptop)
        by_table: dict[str, list[list[Any]]] = {}
        for i in sorted(picks):
            table, key, column = POOL[i]
            values = w.stored(table, w.ids[key])
            by_table.setdefault(table, []).append(bumped(values, table, **{column: f"改{i}"}))
        bundle = forge(
            root / "h.xdsb",
            sender=keys,
            recipient=own_keys(w.office).public(),
            team_id=keys.owner_id,
            device_id=laptop.device_id,
            members=[row_member(t, v) for t, v in by_table.items()],
        )
        allowed = all(_may(signer, POOL[i][1], POOL[i][0]) for i in picks)
        before = db_dump_hash(w.office)
        if allowed:
            rep = import_bundle(w.office, bundle)
            assert rep.total("updated") == len(picks)
        else:
            with pytest.raises(BundleRefused, match="无权写入"):
                import_bundle(w.office, bundle)
            assert db_dump_hash(w.office) == before
        assert not [f for f in check_workspace(w.office) if "归属" in f]
    finally:
        for ws in (w.office, w.a, w.b):
            ws.close()


def test_forged_bundles_leave_the_world_importable(world: World):
    """After refusals, honest bundles still go through."""
    test_another_teams_problem_is_refused(world)
    add_visit(world.b, world.ids["village_b"], "又一次走访")
    rep = import_bundle(world.office, export_bundle(world.b, world.root / "b2.xdsb").path)
    assert rep.counts["visit"]["new"] == 1
