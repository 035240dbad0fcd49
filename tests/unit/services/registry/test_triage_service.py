"""Triage over the workspace: a table of cases through imported lists, settings, overrides."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlmodel import select

from app.domain.vocabulary import Channel, InspectionStyle, Tier
from app.services.registry.channels import ImportOptions, apply_channel_import, plan_channel_import
from app.services.registry.triage import (
    clear_override,
    explain,
    rule_from_settings,
    run_triage,
    set_override,
    triage_rows,
)
from app.services.registry.villages import RegistryError, registry_rows
from app.services.settings import load_settings, save_settings
from app.storage.models import AuditEvent, Village
from app.storage.workspace import Workspace
from tests.unit.services.registry.channel_files import make_registry, write_csv

# village → listings (channel wording, count); expected tier, style, reason
CASES: list[tuple[str, list[tuple[str, int]], Tier, InspectionStyle, str]] = [
    (
        "城关镇王庄村",
        [],
        Tier.GOOD,
        InspectionStyle.RESEARCH,
        "未列入七个渠道的任何名单，得分 0，定为好村",
    ),
    (
        "城关镇李庄村",
        [("返贫", 1)],
        Tier.MIDDLE,
        InspectionStyle.TARGETED,
        "列入返贫易发村一个渠道，得分 1 ≥ 1（未达 4），定为中村",
    ),
    (
        "城关镇东关社区",
        [("信访", 1), ("中心工作", 1)],
        Tier.MIDDLE,
        InspectionStyle.TARGETED,
        "列入信访问题集中村、中心工作推进不力村两个渠道，得分 3 ≥ 1（未达 4），定为中村",
    ),
    (
        "城关镇新村",
        [("大数据", 1)],
        Tier.POOR,
        InspectionStyle.KEY,
        "列入大数据比对违规违纪问题线索明显村一个渠道，得分 4 ≥ 4，定为差村",
    ),
    (
        "王店乡王庄村",
        [("信访", 12)],
        Tier.POOR,
        InspectionStyle.KEY,
        "列入信访问题集中村（数量 12）一个渠道，得分 4 ≥ 4，定为差村",
    ),
    (
        "王店乡张庄村",
        [("信访", 1), ("返贫", 1)],
        Tier.MIDDLE,
        InspectionStyle.TARGETED,
        "列入信访问题集中村、返贫易发村两个渠道，得分 3 ≥ 1（未达 4），定为中村",
    ),
]

CODES = {
    "城关镇王庄村": "411601001",
    "城关镇李庄村": "411601002",
    "城关镇东关社区": "411601003",
    "城关镇新村": "411601004",
    "王店乡王庄村": "411602001",
    "王店乡张庄村": "411602002",
}


@pytest.fixture
def listed(ws: Workspace, tmp_path: Path) -> Workspace:
    make_registry(ws, tmp_path / "reg")
    rows: list[tuple[object, ...]] = [("渠道", "村代码", "乡镇", "村名", "数量")]
    for label, listings, *_ in CASES:
        town, village = label[:3], label[3:]
        for wording, count in listings:
            rows.append((wording, CODES[label], town, village, count))
    path = write_csv(tmp_path / "汇总.csv", rows, "gbk")
    apply_channel_import(ws, path, plan_channel_import(ws, path, ImportOptions()))
    return ws


def _stored(ws: Workspace) -> dict[str, tuple[Tier | None, InspectionStyle | None]]:
    return {r.label: (r.tier, r.style) for r in registry_rows(ws)}


def test_the_table_of_cases(listed: Workspace) -> None:
    run = run_triage(listed)
    assert run.villages == 6
    assert run.counts == {Tier.GOOD: 1, Tier.MIDDLE: 3, Tier.POOR: 2}
    assert len(run.changed) == 6
    stored = _stored(listed)
    rows = {f"{r.township}{r.name}": r for r in triage_rows(listed)}
    for label, _listings, tier, style, reason in CASES:
        assert stored[label] == (tier, style), label
        assert rows[label].result.reason_zh == reason
    # nothing changes the second time
    assert run_triage(listed).changed == ()


def test_settings_tune_the_rule(listed: Workspace) -> None:
    save_settings(
        listed,
        load_settings(listed).with_changes(triage_weights={"poverty_relapse": 0}),
    )
    rule = rule_from_settings(load_settings(listed))
    assert rule.weight(Channel.POVERTY_RELAPSE) == 0
    assert rule.weight(Channel.PETITION) == 2
    run_triage(listed)
    assert _stored(listed)["城关镇李庄村"] == (Tier.GOOD, InspectionStyle.RESEARCH)
    save_settings(listed, load_settings(listed).with_changes(triage_poor_alone=[]))
    run_triage(listed)
    assert _stored(listed)["城关镇新村"][0] is Tier.POOR  # weight 4 still reaches 4
    save_settings(listed, load_settings(listed).with_changes(triage_poor_from=5))
    run_triage(listed)
    assert _stored(listed)["城关镇新村"][0] is Tier.MIDDLE


def test_override_needs_a_reason_wins_and_is_audited(listed: Workspace) -> None:
    run_triage(listed)
    vid = next(r.id for r in registry_rows(listed) if r.label == "城关镇新村")
    with pytest.raises(RegistryError, match="必须填写理由"):
        set_override(listed, vid, Tier.MIDDLE, "  ")
    change = set_override(listed, vid, Tier.MIDDLE, "线索已查结，属误报")
    assert (change.tier, change.rule_tier) == (Tier.MIDDLE, Tier.POOR)
    run_triage(listed)  # a new run keeps the person's decision
    row = next(r for r in registry_rows(listed) if r.id == vid)
    assert (row.tier, row.rule_tier, row.style, row.overridden) == (
        Tier.MIDDLE,
        Tier.POOR,
        InspectionStyle.TARGETED,
        True,
    )
    why = explain(listed, vid)
    assert why.result.reason_zh == "人工定为中村（按规则为差村）：线索已查结，属误报"
    assert why.channels == (Channel.BIG_DATA,)
    with listed.session() as s:
        event = s.exec(select(AuditEvent).where(AuditEvent.action == "tier_override")).one()
        assert (event.record_id, event.actor, event.note) == (
            vid,
            listed.username,
            "middle",  # the tier only: the reason stays on the village, never in the log
        )
    clear_override(listed, vid)
    with listed.session() as s:
        village = s.get(Village, vid)
        assert village is not None
        assert (village.tier_override, village.tier, village.style) == (
            None,
            Tier.POOR,
            InspectionStyle.KEY,
        )
        assert s.exec(select(AuditEvent).where(AuditEvent.action == "tier_override_cleared")).one()
