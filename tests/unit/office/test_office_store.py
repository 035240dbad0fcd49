"""The office's commands and rules, the same on SQLCipher and on PostgreSQL (``store`` param)."""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import date, datetime
from pathlib import Path
from typing import Any

import pytest
from sqlmodel import select

from app.domain.vocabulary import VisitMethod
from app.services.demo.build import DemoOptions, fill_demo
from app.services.field.records import search
from app.services.stats import row_counts
from app.storage.check import check_workspace
from app.storage.errors import NewerWorkspace
from app.storage.models import Person, Township, Village, Visit
from app.storage.workspace import Workspace
from app.sync.conflicts import decide, list_conflicts
from app.sync.errors import SyncError
from app.sync.export import export_bundle
from app.sync.identity import issue_team_kit, join_with_kit
from app.sync.merge import import_bundle
from tests.unit.office.conftest import PASSWORD, OfficeStore, reopen
from tests.unit.sync.conftest import KIT_PASSWORD, edit

TODAY = date(2026, 11, 27)


def _team(office: Workspace, tmp_path: Path, name: str, *, team: str = "第一巡察组") -> Workspace:
    kit = tmp_path / f"{team}-{name}.kit"
    if not kit.exists():
        issue_team_kit(office, team, KIT_PASSWORD, kit)
    return join_with_kit(
        tmp_path / f"laptop-{name}", kit, KIT_PASSWORD, leader="李组长", password=PASSWORD
    )


def test_office_commands_work_on_the_store(
    store: OfficeStore, run_cli: Callable[..., Any], tmp_path: Path
) -> None:
    """init, team-kit, import-bundle (twice), stats, check, due, triage, print, conflicts,
    backup."""
    db = store.new_database()
    try:
        folder = tmp_path / "office"
        made = run_cli(
            "--data-dir",
            folder,
            "init",
            "--office",
            "--team",
            "区委巡察办",
            "--leader",
            "王主任",
            *store.init_args(db),
        )
        assert made.returncode == 0, made.stderr
        assert ("记录存放在" in made.stdout) is store.on_server
        kit = tmp_path / "t.kit"
        assert (
            run_cli(
                "--data-dir",
                folder,
                "team-kit",
                "--team",
                "第一巡察组",
                "--out",
                kit,
                XUNCHA_KIT_PASSWORD=KIT_PASSWORD,
            ).returncode
            == 0
        )
        team = join_with_kit(
            tmp_path / "team", kit, KIT_PASSWORD, leader="李组长", password=PASSWORD
        )
        fill_demo(team, DemoOptions(villages=4, days=3, until=TODAY))
        bundle = export_bundle(team, tmp_path / "b.xdsb")
        team_counts = {c.kind: c.live for c in row_counts(team)}
        village = team.session().exec(select(Village)).first()
        assert village is not None
        team.close()

        first = run_cli("--data-dir", folder, "import-bundle", bundle.path)
        assert first.returncode == 0 and "冲突 0" in first.stdout, first.stderr
        again = run_cli("--data-dir", folder, "import-bundle", bundle.path)
        assert "新增 0，更新 0" in again.stdout and "此前已导入过" in again.stdout

        stats = run_cli("--data-dir", folder, "stats", "--json")
        counts = json.loads(stats.stdout)
        for kind in ("visit", "opinion_entry", "interview", "problem", "person", "attachment"):
            assert counts[kind] == team_counts[kind] > 0, kind
        checked = run_cli("--data-dir", folder, "check")
        assert checked.returncode == 0, checked.stderr
        due = run_cli("--data-dir", folder, "due", "--all", "--json", "--today", "2026-11-28")
        assert due.returncode == 0, due.stderr
        assert len(json.loads(due.stdout)) > 0
        triage = run_cli("--data-dir", folder, "triage", "--json")
        assert triage.returncode == 0, triage.stderr
        assert len(json.loads(triage.stdout)) == 4
        papers = tmp_path / "papers"
        ledger = run_cli(
            "--data-dir", folder, "print", "ledger", "--village", village.name, "--out", papers
        )
        assert ledger.returncode == 0, ledger.stderr
        report = run_cli(
            "--data-dir",
            folder,
            "print",
            "village-report",
            "--village",
            village.name,
            "--out",
            papers,
        )
        assert report.returncode == 0, report.stderr
        pdfs = sorted(papers.glob("*.pdf"))
        assert len(pdfs) >= 2 and all(p.read_bytes().startswith(b"%PDF") for p in pdfs)
        listed = run_cli("--data-dir", folder, "conflicts")
        assert "没有待处理的冲突" in listed.stdout
        saved = run_cli("--data-dir", folder, "backup", "--out", tmp_path / "office.bak")
        assert saved.returncode == 0 and "已校验" in saved.stdout, saved.stderr
        if store.on_server:  # the database password is nowhere in the folder
            secret = str(store.db_password()).encode()
            for p in folder.rglob("*"):
                if p.is_file():
                    assert secret not in p.read_bytes(), p
            assert not (folder / "workspace.db").exists()
    finally:
        if db is not None:
            store.cluster.drop_database(db)


def test_conflict_decided_by_one_clerk_is_seen_by_the_other(
    store: OfficeStore, offices: Callable[..., Workspace], tmp_path: Path
) -> None:
    office = offices()
    a, b = _team(office, tmp_path, "a"), _team(office, tmp_path, "b")
    with a.session() as s:
        town = Township(name="城关镇")
        s.add(town)
        s.flush()
        village = Village(township_id=town.id, name="王庄村", notes="原记录")
        s.add(village)
        s.commit()
    import_bundle(office, export_bundle(a, tmp_path / "a1.xdsb").path)
    import_bundle(b, export_bundle(office, tmp_path / "back.xdsb", team="第一巡察组").path)
    edit(a, Village, village.id, notes="甲的修改")
    edit(b, Village, village.id, notes="乙的修改")
    import_bundle(office, export_bundle(a, tmp_path / "a2.xdsb").path)
    report = import_bundle(office, export_bundle(b, tmp_path / "b2.xdsb").path)
    assert report.total("conflict") == 1
    second = reopen(office, store)  # another clerk, another connection
    try:
        seen = list_conflicts(second)
        assert len(seen) == 1
        decide(office, seen[0].id, take_incoming=True)
        assert list_conflicts(second) == []
        with pytest.raises(SyncError, match="处理过了"):
            decide(second, seen[0].id, take_incoming=False)
        with second.session() as s:
            got = s.get(Village, village.id)
            assert got is not None and got.notes == "乙的修改"
    finally:
        second.close()
        a.close()
        b.close()


def test_chinese_search_two_and_more_characters(offices: Callable[..., Workspace]) -> None:
    office = offices()
    with office.session() as s:
        town = Township(name="城关镇")
        s.add(town)
        s.flush()
        village = Village(township_id=town.id, name="王庄村")
        s.add(village)
        s.flush()
        texts = ["群众反映低保评定不公开", "道路年久失修，雨天泥泞", "低保户名单未张贴", "无关记录"]
        visits = []
        for i, notes in enumerate(texts):
            v = Visit(
                village_id=village.id,
                occurred_at=datetime(2026, 11, 20, 9, i),
                method=VisitMethod.GENERAL,
                place="村委会",
                notes=notes,
            )
            s.add(v)
            visits.append(v)
        s.commit()
    two = search(office, "低保")
    assert {h.record_id for h in two} == {visits[0].id, visits[2].id}
    assert all("\x02低保\x03" in h.snippet for h in two)
    assert [h.record_id for h in search(office, "年久失修")] == [visits[1].id]
    assert search(office, "保户名") and not search(office, "保评户")
    assert [h.record_id for h in search(office, "失修，雨天")] == [visits[1].id]
    assert [h.record_id for h in search(office, "无关  记录")] == []  # not in the text as typed
    assert {h.record_id for h in search(office, "保")} == {visits[0].id, visits[2].id}
    edit(
        office,
        Visit,
        visits[0].id,
        retired_at=datetime(2026, 11, 21, tzinfo=__import__("datetime").UTC),
    )
    assert {h.record_id for h in search(office, "低保")} == {visits[2].id}
    assert check_workspace(office) == []


def test_a_newer_schema_is_refused(store: OfficeStore, offices: Callable[..., Workspace]) -> None:
    office = offices()
    root = office.paths.root
    with office.engine.begin() as conn:
        conn.exec_driver_sql("UPDATE alembic_version SET version_num = '9999'")
    office.close()
    with pytest.raises(NewerWorkspace):
        Workspace.open(root, PASSWORD, db_password=store.db_password())


def test_protected_names_masked_for_readers_but_kept_for_the_office(
    offices: Callable[..., Workspace],
) -> None:
    """A protected person's name goes in and comes out whole through the program."""
    office = offices()
    with office.session() as s:
        s.add(Person(name="张秘密", phone="13800000000", protected=True))
        s.commit()
    again = office.session().exec(select(Person)).one()
    assert (again.name, again.phone) == ("张秘密", "13800000000")


def test_another_clerks_change_is_noticed(
    store: OfficeStore, offices: Callable[..., Workspace]
) -> None:
    """The window's watcher: quiet while nothing changes, names what another clerk changed."""
    import time

    office = offices()
    other = reopen(office, store)
    watcher = office.watcher()
    try:
        assert watcher.poll() == frozenset()
        with other.session() as s:
            s.add(Township(name="城关镇"))
            s.commit()
        seen: frozenset[str] = frozenset()
        for _ in range(50):  # a notice arrives at commit; give the socket a moment
            seen = watcher.poll()
            if seen:
                break
            time.sleep(0.05)
        assert "township" in seen
        assert watcher.poll() == frozenset()
        if store.on_server:  # this program's own writes are announced where they are made
            with office.session() as s:
                s.add(Township(name="东关镇"))
                s.commit()
            time.sleep(0.3)
            assert watcher.poll() == frozenset()
    finally:
        watcher.close()
        other.close()
