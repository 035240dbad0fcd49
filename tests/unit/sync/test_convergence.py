"""Importing bundles once, twice and ten times, in any order, from two teams with two laptops each,
ends in the same office database (a property test)."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlmodel import select

import app.sync.kit as kitmod
from app.storage import keyfile
from app.storage.models import Person, Team, Visit
from app.storage.workspace import Workspace
from app.sync.export import export_bundle
from app.sync.identity import issue_team_kit, join_with_kit
from app.sync.merge import import_bundle
from tests.unit.sync.conftest import (
    KIT_PASSWORD,
    PASSWORD,
    CheapKdf,
    add_village,
    add_visit,
    edit,
    make_office,
    synced_dump,
)


@dataclass
class World:
    office_dir: Path
    bundles: list[Path]
    reference: dict[str, Any]
    scratch: Path


def _laptop_work(ws: Workspace, tag: str, out: Path, bundles: list[Path], team_phone: str) -> None:
    """Three bundles: new rows; edits of them (and of the team row); more rows and edits."""
    v = add_village(ws, f"{tag}村")
    visits = [add_visit(ws, v.id, f"{tag}走访{i}") for i in range(3)]
    with ws.session() as s:
        p = Person(name=f"{tag}张三", village_id=v.id)
        s.add(p)
        s.commit()
    bundles.append(export_bundle(ws, out / f"{tag}-1.xdsb").path)
    edit(ws, Visit, visits[0].id, notes=f"{tag}改一次")
    edit(ws, Visit, visits[1].id, notes=f"{tag}改一次")
    with ws.session() as s:
        team = s.exec(select(Team)).one()
    edit(ws, Team, team.id, phone=team_phone)  # both laptops of a team make the same change
    bundles.append(export_bundle(ws, out / f"{tag}-2.xdsb").path)
    edit(ws, Visit, visits[0].id, notes=f"{tag}改两次")
    edit(ws, Person, p.id, phone="13900000000", protected=True)
    add_visit(ws, v.id, f"{tag}新走访")
    bundles.append(export_bundle(ws, out / f"{tag}-3.xdsb").path)


@pytest.fixture(scope="module")
def world(tmp_path_factory: pytest.TempPathFactory) -> Iterator[World]:
    root = tmp_path_factory.mktemp("converge")
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(keyfile, "KdfParams", CheapKdf)
        mp.setattr(kitmod, "KdfParams", CheapKdf)
        office = make_office(root / "office")
        kits = []
        for n in (1, 2):
            path = root / f"team{n}.kit"
            issue_team_kit(office, f"第{n}巡察组", KIT_PASSWORD, path)
            kits.append(path)
        office.close()
        bundles: list[Path] = []
        for t, kit in enumerate(kits, start=1):
            for laptop in "ab":
                ws = join_with_kit(
                    root / f"t{t}{laptop}", kit, KIT_PASSWORD, leader="组长", password=PASSWORD
                )
                try:
                    _laptop_work(ws, f"{t}{laptop}", root, bundles, team_phone=f"0394-{t}")
                finally:
                    ws.close()
        ref_dir = root / "reference"
        shutil.copytree(root / "office", ref_dir)
        ref = Workspace.open(ref_dir, PASSWORD)
        try:
            for b in bundles:
                import_bundle(ref, b)
            reference = synced_dump(ref)
        finally:
            ref.close()
        yield World(root / "office", bundles, reference, root / "runs")


def _run(world: World, order: list[int]) -> dict[str, Any]:
    world.scratch.mkdir(exist_ok=True)
    folder = world.scratch / f"run-{len(list(world.scratch.iterdir()))}"
    shutil.copytree(world.office_dir, folder)
    ws = Workspace.open(folder, PASSWORD)
    try:
        for i in order:
            import_bundle(ws, world.bundles[i])
        return synced_dump(ws)
    finally:
        ws.close()
        shutil.rmtree(folder, ignore_errors=True)


@st.composite
def orders(draw: st.DrawFn) -> list[int]:
    """Every bundle at least once, shuffled; some again, one of them up to ten times."""
    n = 12
    order = draw(st.permutations(range(n)))
    extra = draw(st.lists(st.integers(0, n - 1), max_size=8))
    tenfold = draw(st.integers(0, n - 1))
    times = draw(st.integers(1, 9))
    seq = list(order) + extra + [tenfold] * times
    return draw(st.permutations(seq))


def test_the_world_has_content(world: World):
    assert len(world.bundles) == 12
    ref = world.reference
    assert len(ref["visit"]) == 16 and not ref["conflicts"]
    assert sum(any("改两次" in str(v) for v in r) for r in ref["visit"]) == 4
    phones = sorted(str(r) for r in ref["team"] if "0394-" in str(r))
    assert len(ref["team"]) == 3 and len(phones) == 2  # the office and two teams


@settings(
    max_examples=15,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
    derandomize=True,
)
@given(order=orders())
def test_any_order_any_repeats_same_office(world: World, order: list[int]):
    assert _run(world, order) == world.reference
