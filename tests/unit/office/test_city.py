"""District → city 汇总 on both stores: provisioning, upward bundles, idempotent merge, conflicts,
overview by district, origin kept from the team laptop up, and a district's rows alone (RLS)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

import psycopg
import pytest
from sqlmodel import select

from app.services.demo.build import DemoOptions, fill_demo
from app.storage.models import Problem, RowOrigin, SyncBundle, Team
from app.storage.pg.roles import add_role
from app.storage.workspace import Workspace
from app.sync import upward
from app.sync.errors import BundleRefused, SyncError
from app.sync.export import export_bundle
from app.sync.identity import issue_team_kit, join_with_kit
from app.sync.merge import import_bundle
from app.sync.overview import OverviewFilter, choices, overview_counts, overview_ids
from tests.unit.office.conftest import PASSWORD, OfficeStore
from tests.unit.sync.conftest import KIT_PASSWORD, edit

TODAY = date(2026, 11, 27)


def _district(
    offices: Callable[..., Workspace], city: Workspace, tmp_path: Path, name: str, seed: int
) -> tuple[Workspace, Workspace]:
    """A district office provisioned by the city, with one team laptop's data merged."""
    office = offices(f"district-{seed}", f"{name}委巡察办")
    kit = tmp_path / f"{name}.dkit"
    upward.issue_district_kit(city, name, KIT_PASSWORD, kit)
    upward.adopt_district_kit(office, kit, KIT_PASSWORD)
    issue_team_kit(office, "第一巡察组", KIT_PASSWORD, tmp_path / f"{name}.kit")
    team = join_with_kit(
        tmp_path / f"laptop-{seed}",
        tmp_path / f"{name}.kit",
        KIT_PASSWORD,
        leader="李",
        password=PASSWORD,
    )
    fill_demo(team, DemoOptions(villages=3, days=2, until=TODAY, seed=seed))
    import_bundle(office, export_bundle(team, tmp_path / f"team-{seed}.xdsb").path)
    return office, team


def test_city_merges_districts(
    store: OfficeStore, offices: Callable[..., Workspace], tmp_path: Path
) -> None:
    city = offices("city", "市委巡察办")
    d1, team1 = _district(offices, city, tmp_path, "淮阳区", 1)
    d2, team2 = _district(offices, city, tmp_path, "川汇区", 2)
    try:
        up1 = upward.export_upward(d1, tmp_path / "up1.xdsb", all_rows=True)
        up2 = upward.export_upward(d2, tmp_path / "up2.xdsb", all_rows=True)
        first = import_bundle(city, up1.path)
        assert first.total("new") == up1.rows and first.total("conflict") == 0
        import_bundle(city, up2.path)
        again = import_bundle(city, up1.path)  # idempotent
        assert again.already_imported and again.total("new") == again.total("updated") == 0
        with city.session() as s:
            assert len(s.exec(select(SyncBundle)).all()) == 2

        # overview by district
        ids = dict(upward.districts(city))
        by_name = {n: i for i, n in ids.items()}
        counts = overview_counts(city, today=TODAY)
        per_district: dict[str, int] = {}
        for c in counts:
            per_district[c.district_id] = per_district.get(c.district_id, 0) + c.problems
        with d1.session() as s:
            live1 = len(s.exec(select(Problem).where(Problem.retired_at == None)).all())  # noqa: E711
        assert per_district[by_name["淮阳区"]] == live1 > 0
        only1 = overview_ids(city, OverviewFilter(district_id=by_name["淮阳区"]), today=TODAY)
        assert len(only1) == live1
        # the window's team filter offers the districts too, with the same rows
        offered = dict(choices(city).teams)
        assert {"淮阳区", "川汇区"} <= set(offered.values())
        assert sorted(
            overview_ids(city, OverviewFilter(team_id=by_name["淮阳区"]), today=TODAY)
        ) == sorted(only1)

        # origin: team laptop → district → city
        with team1.session() as s:
            problem = s.exec(select(Problem)).first()
            assert problem is not None
        with city.session() as s:
            origin = s.get(RowOrigin, problem.id)
            assert origin is not None
            assert origin.district_id == by_name["淮阳区"]
            assert origin.device_id == team1.device_id
            team_row = s.get(Team, origin.team_id)
            assert team_row is not None and team_row.name == "第一巡察组"

        # the next report carries only what changed; a city edit meeting a district edit is a
        # conflict for a person to decide
        edit(d1, Problem, problem.id, requirement="区里的要求")
        edit(city, Problem, problem.id, requirement="市里的要求")
        later = upward.export_upward(d1, tmp_path / "up1b.xdsb")
        assert later.counts.get("problem", 0) >= 1 and later.rows < up1.rows
        merged = import_bundle(city, later.path)
        assert merged.total("conflict") == 1

        if store.on_server:  # a district's clerk at the city sees that district only
            db = str(city.engine.url.database)
            with city.engine.begin() as conn:
                add_role(conn, "huaiyang", "pw-1", "district", by_name["淮阳区"])
            with store.cluster.login("huaiyang", "pw-1", db) as clerk:
                seen = {r[0] for r in clerk.execute("SELECT id FROM problem").fetchall()}
            with d2.session() as s:
                theirs = {p.id for p in s.exec(select(Problem))}
            assert problem.id in seen and not seen & theirs
            with (
                pytest.raises(psycopg.errors.InsufficientPrivilege),
                store.cluster.login("huaiyang", "pw-1", db) as clerk,
            ):
                clerk.execute("UPDATE problem SET requirement = 'x'")
    finally:
        team1.close()
        team2.close()


def test_a_district_cannot_write_the_citys_rows_or_report_unprovisioned(
    offices: Callable[..., Workspace], tmp_path: Path
) -> None:
    city = offices("city", "市委巡察办")
    other_city = offices("other", "另一市委巡察办")
    d1, team1 = _district(offices, city, tmp_path, "淮阳区", 1)
    try:
        # a kit of another city: its bundle is refused here
        stray = offices("stray", "外区巡察办")
        upward.issue_district_kit(other_city, "外区", KIT_PASSWORD, tmp_path / "stray.dkit")
        upward.adopt_district_kit(stray, tmp_path / "stray.dkit", KIT_PASSWORD)
        with pytest.raises(BundleRefused):
            import_bundle(
                city, upward.export_upward(stray, tmp_path / "s.xdsb", all_rows=True).path
            )
        # the city's own row, sent up by a district that got hold of it: refused, nothing written
        up = upward.export_upward(d1, tmp_path / "up.xdsb", all_rows=True)
        with city.session() as s:
            own = s.exec(select(Team).where(Team.name == "市委巡察办")).one()
        own_id = d1_team_id(d1)
        with d1.engine.begin() as conn:
            from app.sync import rows

            city_row = rows.read_rows(conn, "team", [own_id])[own_id]
            values = rows.as_dict(rows.columns("team"), city_row)
            values.update(id=own.id, name="篡改的市办")
            decoded = {
                c: d(values[c])
                for c, d in zip(rows.columns("team"), rows.decoders("team"), strict=True)
            }
            conn.execute(rows.table_of(Team).insert(), [decoded])
        forged = upward.export_upward(d1, tmp_path / "forged.xdsb", all_rows=True)
        import_bundle(city, up.path)
        with pytest.raises(BundleRefused, match="不属于该区县"):
            import_bundle(city, forged.path)
        with city.session() as s:
            assert s.get(Team, own.id).name == "市委巡察办"  # type: ignore[union-attr]
        with pytest.raises(SyncError):  # a team kit is not a district kit
            upward.adopt_district_kit(city, tmp_path / "淮阳区.kit", KIT_PASSWORD)
    finally:
        team1.close()


def d1_team_id(ws: Workspace) -> str:
    with ws.session() as s:
        return s.exec(select(Team.id).where(Team.name == "淮阳区委巡察办")).one()


def test_district_to_city_on_the_command_line(
    store: OfficeStore, run_cli: Callable[..., Any], tmp_path: Path
) -> None:
    dbs = [store.new_database(), store.new_database()]
    try:
        city, district = tmp_path / "city", tmp_path / "district"
        for folder, name, db in ((city, "市委巡察办", dbs[0]), (district, "区委巡察办", dbs[1])):
            made = run_cli(
                "--data-dir",
                folder,
                "init",
                "--office",
                "--team",
                name,
                "--leader",
                "王",
                *store.init_args(db),
            )
            assert made.returncode == 0, made.stderr
        kit = tmp_path / "d.dkit"
        issued = run_cli(
            "--data-dir",
            city,
            "district-kit",
            "--district",
            "淮阳区",
            "--out",
            kit,
            XUNCHA_KIT_PASSWORD=KIT_PASSWORD,
        )
        assert issued.returncode == 0, issued.stderr
        joined = run_cli(
            "--data-dir", district, "district-join", "--kit", kit, XUNCHA_KIT_PASSWORD=KIT_PASSWORD
        )
        assert joined.returncode == 0 and "市委巡察办" in joined.stdout, joined.stderr
        up = tmp_path / "up.xdsb"
        sent = run_cli("--data-dir", district, "report-up", "--out", up, "--all")
        assert sent.returncode == 0 and "已导出上报包" in sent.stdout, sent.stderr
        got = run_cli("--data-dir", city, "import-bundle", up)
        assert got.returncode == 0 and "新增" in got.stdout, got.stderr
        again = run_cli("--data-dir", district, "report-up", "--out", up)
        assert again.returncode == 1 and "已存在" in again.stderr
    finally:
        for db in dbs:
            if db is not None:
                store.cluster.drop_database(db)
