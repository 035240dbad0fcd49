"""The village registry: import from messy lists, and edits."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlmodel import select

from app.domain.vocabulary import TownshipKind, VillageKind
from app.services.registry.villages import (
    RegistryError,
    VillageOutcome,
    add_township,
    add_village,
    apply_village_import,
    plan_village_import,
    registry_rows,
    retire_village,
    townships,
    update_village,
)
from app.storage.models import AuditEvent, Township, Village
from app.storage.workspace import Workspace
from tests.unit.services.registry.channel_files import REGISTRY, make_registry, write_table

MESSY = [
    ("序号", "乡镇（街道）", "村（社区）名称", "村代码"),
    (1, "城关镇", "王庄村", "411601001"),
    (2, "城关镇人民政府", "李庄村委会", "411601002"),
    (3, "城关镇", "王庄 村", ""),
    (4, "东城街道", "东关社区居委会", "411603001"),
    (5, "王店乡", "王庄村", "411602001"),
    (6, "", "无名村", ""),
    (7, "王店乡", "张庄", "411601001"),
]


@pytest.mark.parametrize("kind", ["gbk", "utf-8-sig", "xlsx"])
def test_import_report_is_exact_and_plan_writes_nothing(
    ws: Workspace, tmp_path: Path, kind: str
) -> None:
    path = write_table(tmp_path / "名录", MESSY, kind)
    plan = plan_village_import(ws, path)
    with ws.session() as s:
        assert s.exec(select(Village)).all() == []
    shift = 1 if kind == "xlsx" else 0
    got = [(r.row_number - shift, r.outcome, r.reason) for r in plan.rows]
    assert got == [
        (2, VillageOutcome.NEW, "名录中无此村，新增"),
        (3, VillageOutcome.NEW, "名录中无此村，新增"),
        (4, VillageOutcome.SKIPPED, f"与第 {2 + shift} 行重复"),
        (5, VillageOutcome.NEW, "名录中无此村，新增"),
        (6, VillageOutcome.NEW, "名录中无此村，新增"),
        (7, VillageOutcome.SKIPPED, "缺少乡镇或村名"),
        (8, VillageOutcome.SKIPPED, "代码 411601001 已属于“王庄村”"),
    ]
    assert plan.new_townships == ["城关镇", "东城街道", "王店乡"]
    report = apply_village_import(ws, path)
    assert report.summary() == "新增乡镇 3 个；村（社区）新增 4，补充代码 0，已有 0，跳过 3"
    rows = {(r.township, r.name, r.code, r.kind) for r in registry_rows(ws)}
    assert rows == {
        ("城关镇", "王庄村", "411601001", VillageKind.VILLAGE),
        ("城关镇", "李庄村委会", "411601002", VillageKind.VILLAGE),
        ("东城街道", "东关社区居委会", "411603001", VillageKind.COMMUNITY),
        ("王店乡", "王庄村", "411602001", VillageKind.VILLAGE),
    }
    kinds = {t.name: t.kind for t in townships(ws)}
    assert kinds["东城街道"] is TownshipKind.SUBDISTRICT
    # importing again changes nothing
    again = apply_village_import(ws, path)
    assert again.count(VillageOutcome.NEW) == 0 and again.new_townships == []
    assert again.count(VillageOutcome.UNCHANGED) == 4


def test_a_later_list_fills_missing_codes(ws: Workspace, tmp_path: Path) -> None:
    apply_village_import(
        ws, write_table(tmp_path / "a", [("乡镇", "村名"), ("城关镇", "王庄")], "gbk")
    )
    report = apply_village_import(
        ws,
        write_table(tmp_path / "b", [("乡镇", "村名", "村代码"), ("城关", "王庄村", "9")], "gbk"),
    )
    assert [r.outcome for r in report.rows] == [VillageOutcome.UPDATED]
    assert [r.code for r in registry_rows(ws)] == ["9"]


def test_a_list_without_township_column_is_refused(ws: Workspace, tmp_path: Path) -> None:
    with pytest.raises(RegistryError, match="缺少“乡镇”或“村（社区）”列"):
        plan_village_import(ws, write_table(tmp_path / "a", [("村名", "数量"), ("王庄", 1)], "gbk"))


def test_edits_refuse_clashes_and_are_audited(ws: Workspace, tmp_path: Path) -> None:
    make_registry(ws, tmp_path)
    rows = {r.label: r for r in registry_rows(ws)}
    wang = rows["城关镇王庄村"]
    with pytest.raises(RegistryError, match="该乡镇已有“李庄村”"):
        update_village(ws, wang.id, name="李庄村委会")
    with pytest.raises(RegistryError, match="代码 411601002 已被“李庄村”使用"):
        update_village(ws, wang.id, code="411601002")
    with pytest.raises(RegistryError, match="名称不能为空"):
        update_village(ws, wang.id, name="  ")
    change = update_village(ws, wang.id, name="王 庄 新 村")
    assert change.villages_updated == (wang.id,)
    assert {r.id: r.name for r in registry_rows(ws)}[wang.id] == "王庄新村"
    assert update_village(ws, wang.id, name="王庄新村").villages_updated == ()
    with pytest.raises(RegistryError, match="名录中已有“城关镇”"):
        add_township(ws, "城关")
    town = add_township(ws, "北关街道", "411604").townships_created[0]
    new = add_village(ws, town, "北关社区", "411604001").villages_created[0]
    assert {r.id: r.kind for r in registry_rows(ws)}[new] is VillageKind.COMMUNITY
    retire_village(ws, new)
    assert new not in {r.id for r in registry_rows(ws)}
    with ws.session() as s:
        actions = {
            (e.action, e.table_name) for e in s.exec(select(AuditEvent)).all() if e.record_id
        }
        assert {("update", "village"), ("retire", "village"), ("create", "township")} <= actions
        assert len(s.exec(select(Township)).all()) == 3
    assert len(REGISTRY) - 1 == len(registry_rows(ws))
