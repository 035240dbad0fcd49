"""Triage of villages and the batch plan."""

from __future__ import annotations

import pytest

from app.domain.triage import (
    DEFAULT_RULE,
    BatchPlanSettings,
    Contribution,
    ManualOverride,
    PlannedBatch,
    PlanVillage,
    TriageRule,
    chinese_number,
    suggest_batches,
    triage,
)
from app.domain.vocabulary import Channel, InspectionStyle, Phase, Tier

C = Channel


@pytest.mark.parametrize(
    ("listings", "tier", "score"),
    [
        ([], Tier.GOOD, 0),
        # One mild list → 中.
        ([(C.POVERTY_RELAPSE, 1)], Tier.MIDDLE, 1),
        ([(C.CENTRAL_WORK, 1)], Tier.MIDDLE, 1),
        ([(C.PETITION, 1)], Tier.MIDDLE, 2),
        ([(C.DISCIPLINE_REPORT, 1)], Tier.MIDDLE, 3),
        ([(C.CRIME, 1)], Tier.MIDDLE, 3),
        # Two mild lists stay 中.
        ([(C.POVERTY_RELAPSE, 1), (C.CENTRAL_WORK, 1)], Tier.MIDDLE, 2),
        ([(C.PETITION, 1), (C.CENTRAL_WORK, 1)], Tier.MIDDLE, 3),
        # A serious list alone → 差.
        ([(C.WEAK_BRANCH, 1)], Tier.POOR, 4),
        ([(C.BIG_DATA, 1)], Tier.POOR, 4),
        # Several lists → 差.
        ([(C.PETITION, 1), (C.DISCIPLINE_REPORT, 1)], Tier.POOR, 5),
        ([(C.DISCIPLINE_REPORT, 1), (C.WEAK_BRANCH, 1)], Tier.POOR, 7),
        ([(C.PETITION, 1), (C.POVERTY_RELAPSE, 1), (C.CENTRAL_WORK, 1)], Tier.POOR, 4),
        # Counts: +1 for every full 5 above the first, at most +2.
        ([(C.PETITION, 5)], Tier.MIDDLE, 2),
        ([(C.PETITION, 6)], Tier.MIDDLE, 3),
        ([(C.PETITION, 11)], Tier.POOR, 4),
        ([(C.POVERTY_RELAPSE, 100)], Tier.MIDDLE, 3),
        # Missing or zero counts mean "listed once"; a channel listed twice adds its counts.
        ([(C.PETITION, None)], Tier.MIDDLE, 2),
        ([(C.PETITION, 0)], Tier.MIDDLE, 2),
        ([(C.PETITION, 3), (C.PETITION, 3)], Tier.MIDDLE, 3),
    ],
)
def test_default_rule(listings: list[tuple[Channel, int | None]], tier: Tier, score: int) -> None:
    result = triage(listings)
    assert (result.tier, result.score) == (tier, score)
    assert result.rule_tier is tier
    assert not result.overridden


@pytest.mark.parametrize(
    ("tier", "style"),
    [
        (Tier.GOOD, InspectionStyle.RESEARCH),
        (Tier.MIDDLE, InspectionStyle.TARGETED),
        (Tier.POOR, InspectionStyle.KEY),
    ],
)
def test_style_follows_tier(tier: Tier, style: InspectionStyle) -> None:
    listings = {
        Tier.GOOD: [],
        Tier.MIDDLE: [(C.PETITION, 1)],
        Tier.POOR: [(C.BIG_DATA, 1)],
    }[tier]
    assert triage(listings).style is style


@pytest.mark.parametrize(
    ("listings", "sentence"),
    [
        ([], "未列入七个渠道的任何名单，得分 0，定为好村"),
        (
            [(C.DISCIPLINE_REPORT, 1), (C.WEAK_BRANCH, 1)],
            "列入信访举报高发村、软弱涣散/瘫痪村两个渠道，得分 7 ≥ 4，定为差村",
        ),
        ([(C.PETITION, 1)], "列入信访问题集中村一个渠道，得分 2 ≥ 1（未达 4），定为中村"),
        (
            [(C.PETITION, 12)],
            "列入信访问题集中村（数量 12）一个渠道，得分 4 ≥ 4，定为差村",
        ),
    ],
)
def test_explanation_sentence(listings: list[tuple[Channel, int]], sentence: str) -> None:
    assert triage(listings).reason_zh == sentence


def test_contributions_list_each_channel_in_enum_order() -> None:
    result = triage([(C.BIG_DATA, 1), (C.PETITION, 7)])
    assert result.contributions == (
        Contribution(C.PETITION, 7, 2, 3),
        Contribution(C.BIG_DATA, 1, 4, 4),
    )
    assert result.score == sum(c.points for c in result.contributions)


def test_poor_alone_channel_makes_poor_even_with_low_weight() -> None:
    rule = TriageRule(
        weights={**DEFAULT_RULE.weights, C.BIG_DATA: 1},
        poor_alone=frozenset({C.BIG_DATA}),
    )
    result = triage([(C.BIG_DATA, 1)], rule)
    assert result.tier is Tier.POOR
    assert "其中大数据比对违规违纪问题线索明显村单独即定为差村" in result.reason_zh


def test_many_channels_make_poor_even_with_low_weights() -> None:
    rule = TriageRule(weights=dict.fromkeys(Channel, 1), poor_from=10, poor_from_channels=3)
    result = triage([(C.PETITION, 1), (C.CRIME, 1), (C.CENTRAL_WORK, 1)], rule)
    assert result.tier is Tier.POOR
    assert "≥ 3 个渠道即定为差村" in result.reason_zh
    two = triage([(C.PETITION, 1), (C.CRIME, 1)], rule)
    assert two.tier is Tier.MIDDLE


def test_zero_weight_channel_alone_stays_good() -> None:
    rule = TriageRule(weights={C.PETITION: 0}, poor_alone=frozenset(), count_step=0)
    result = triage([(C.PETITION, 3)], rule)
    assert result.tier is Tier.GOOD
    assert result.reason_zh.endswith("得分 0 < 1，定为好村")


def test_count_step_zero_ignores_counts() -> None:
    rule = TriageRule(count_step=0)
    assert triage([(C.PETITION, 50)], rule).score == 2


def test_manual_override_takes_precedence() -> None:
    override = ManualOverride(Tier.POOR, "乡镇反映村两委班子长期不团结")
    result = triage([(C.POVERTY_RELAPSE, 1)], override=override)
    assert result.tier is Tier.POOR
    assert result.style is InspectionStyle.KEY
    assert result.overridden
    assert result.rule_tier is Tier.MIDDLE
    assert result.reason_zh == "人工定为差村（按规则为中村）：乡镇反映村两委班子长期不团结"
    assert result.rule_reason_zh.endswith("定为中村")


@pytest.mark.parametrize("reason", ["", "   "])
def test_manual_override_needs_a_reason(reason: str) -> None:
    with pytest.raises(ValueError, match="理由"):
        ManualOverride(Tier.GOOD, reason)


@pytest.mark.parametrize(
    "kwargs",
    [
        {"middle_from": 0},
        {"middle_from": 5, "poor_from": 4},
        {"count_step": -1},
        {"weights": {C.PETITION: -1}},
        {"poor_from_channels": 0},
    ],
)
def test_rule_validation(kwargs: dict[str, object]) -> None:
    with pytest.raises(ValueError):
        TriageRule(**kwargs)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("n", "text"),
    [
        (1, "一"),
        (2, "二"),
        (10, "十"),
        (11, "十一"),
        (20, "二十"),
        (21, "二十一"),
        (100, "一百"),
        (101, "一百零一"),
        (110, "一百一十"),
        (1005, "一千零五"),
        (0, "0"),
    ],
)
def test_chinese_number(n: int, text: str) -> None:
    assert chinese_number(n) == text


def _v(vid: str, township: str, name: str, tier: Tier) -> PlanVillage:
    return PlanVillage(vid, township, name, tier)


def test_batches_by_phase_township_and_name() -> None:
    villages = [
        _v("g1", "城关镇", "甲村", Tier.GOOD),
        _v("p3", "王店乡", "乙村", Tier.POOR),
        _v("p1", "城关镇", "乙村", Tier.POOR),
        _v("m1", "城关镇", "丙村", Tier.MIDDLE),
        _v("p2", "城关镇人民政府", "甲村", Tier.POOR),  # same township, other spelling
        _v("g2", "王店乡", "丁村", Tier.GOOD),
        _v("m2", "王店乡", "甲村", Tier.MIDDLE),
        _v("m3", "城关镇", "丁村委会", Tier.MIDDLE),
    ]
    settings = BatchPlanSettings(
        troubled_batch_size=2, steady_batch_size=3, full_speed_batch_size=5
    )
    plan = suggest_batches(villages, settings)
    # Names sort by code point: 丁 U+4E01 < 丙 U+4E19 < 乙 U+4E59 < 甲 U+7532; 城 < 王.
    assert plan == [
        PlannedBatch(1, Phase.TROUBLED_FIRST, ("p1", "p2")),
        PlannedBatch(2, Phase.TROUBLED_FIRST, ("p3",)),
        PlannedBatch(3, Phase.STEADY, ("m3", "m1", "m2")),
        PlannedBatch(4, Phase.FULL_SPEED, ("g1", "g2")),
    ]
    assert [batch.label for batch in plan] == ["第一批", "第二批", "第三批", "第四批"]


def test_batches_are_deterministic_whatever_the_input_order() -> None:
    villages = [_v(f"v{i:02}", f"镇{i % 3}", f"村{i:02}", Tier.POOR) for i in range(10)]
    first = suggest_batches(villages)
    assert suggest_batches(list(reversed(villages))) == first
    assert [len(batch.village_ids) for batch in first] == [3, 3, 3, 1]
    assert all(batch.phase is Phase.TROUBLED_FIRST for batch in first)


def test_phase_without_villages_has_no_batch_and_numbers_run_on() -> None:
    plan = suggest_batches([_v("a", "镇", "甲", Tier.GOOD), _v("b", "镇", "乙", Tier.POOR)])
    assert [(b.number, b.phase) for b in plan] == [
        (1, Phase.TROUBLED_FIRST),
        (2, Phase.FULL_SPEED),
    ]


def test_batch_sizes_default_grow_by_phase() -> None:
    settings = BatchPlanSettings()
    assert (
        settings.troubled_batch_size < settings.steady_batch_size < settings.full_speed_batch_size
    )
    with pytest.raises(ValueError):
        BatchPlanSettings(troubled_batch_size=0)


def test_empty_plan() -> None:
    assert suggest_batches([]) == []
