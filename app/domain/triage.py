"""Triage before entering (区分差异性，识别重点村) and the batch plan that follows from it.

The rule is deliberately simple so that a team can read it and the office can tune it:

* every channel that lists a village scores its **weight**; a channel listing with a count (e.g.
  12 petitions) adds one point for every full ``count_step`` above the first, at most
  ``count_bonus_cap`` points (``count_step = 0`` ignores counts);
* score ≥ ``poor_from`` → 差; score ≥ ``middle_from`` → 中; otherwise 好;
* being listed by any channel in ``poor_alone`` makes 差 on its own (default: big-data clues and a
  weak or paralysed branch, which the source document treats as the most serious signs);
* being listed by ``poor_from_channels`` or more channels makes 差 (default 3: "several lists").

The default weights (:data:`DEFAULT_RULE`) make one mild list 中, two lists 中 only when both are
mild (返贫易发 + 中心工作, or either of them with 信访问题集中), and everything above that 差:

====================  ======
channel               weight
====================  ======
信访问题集中村          2
信访举报高发村          3
软弱涣散/瘫痪村         4 (差 alone)
返贫易发村             1
治安刑事案件多发村       3
中心工作推进不力村       1
大数据比对线索明显村      4 (差 alone)
====================  ======

A manual override (tier + written reason) always wins; the explanation then says so and keeps the
rule's own sentence.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from types import MappingProxyType

from app.domain.names import township_key, village_key
from app.domain.vocabulary import (
    STYLE_FOR_TIER,
    Channel,
    InspectionStyle,
    Phase,
    Tier,
)

_DEFAULT_WEIGHTS: Mapping[Channel, int] = MappingProxyType(
    {
        Channel.PETITION: 2,
        Channel.DISCIPLINE_REPORT: 3,
        Channel.WEAK_BRANCH: 4,
        Channel.POVERTY_RELAPSE: 1,
        Channel.CRIME: 3,
        Channel.CENTRAL_WORK: 1,
        Channel.BIG_DATA: 4,
    }
)


@dataclass(frozen=True, slots=True)
class TriageRule:
    """A transparent triage rule; see the module docstring for how it scores."""

    weights: Mapping[Channel, int] = field(default_factory=lambda: _DEFAULT_WEIGHTS)
    middle_from: int = 1
    poor_from: int = 4
    poor_alone: frozenset[Channel] = frozenset({Channel.BIG_DATA, Channel.WEAK_BRANCH})
    poor_from_channels: int | None = 3
    count_step: int = 5
    count_bonus_cap: int = 2

    def __post_init__(self) -> None:
        if not 0 < self.middle_from <= self.poor_from:
            raise ValueError("需满足 0 < 中村分数线 ≤ 差村分数线")
        if self.count_step < 0 or self.count_bonus_cap < 0:
            raise ValueError("数量加分参数不能为负数")
        if any(weight < 0 for weight in self.weights.values()):
            raise ValueError("渠道权重不能为负数")
        if self.poor_from_channels is not None and self.poor_from_channels < 1:
            raise ValueError("定为差村的渠道数至少为 1")

    def weight(self, channel: Channel) -> int:
        return self.weights.get(channel, 0)

    def points(self, channel: Channel, count: int) -> int:
        """Points of one channel listing with ``count`` (a count below 1 counts as 1)."""
        bonus = 0
        if self.count_step > 0:
            bonus = min(self.count_bonus_cap, (max(count, 1) - 1) // self.count_step)
        return self.weight(channel) + bonus


DEFAULT_RULE = TriageRule()


@dataclass(frozen=True, slots=True)
class Contribution:
    """What one channel added to a village's score."""

    channel: Channel
    count: int
    weight: int
    points: int


@dataclass(frozen=True, slots=True)
class ManualOverride:
    """A person's decision on a village's tier; the written reason is required."""

    tier: Tier
    reason: str

    def __post_init__(self) -> None:
        if not self.reason.strip():
            raise ValueError("人工调整分类必须填写理由")


@dataclass(frozen=True, slots=True)
class TriageResult:
    """The tier of a village, its inspection style and why.

    ``rule_tier`` and ``rule_reason_zh`` are what the rule says; ``tier`` and ``reason_zh`` are
    final (they differ from the rule's only when ``overridden``).
    """

    tier: Tier
    style: InspectionStyle
    score: int
    contributions: tuple[Contribution, ...]
    reason_zh: str
    rule_tier: Tier
    rule_reason_zh: str
    overridden: bool = False


_CHINESE_DIGITS = "零一二三四五六七八九"


def chinese_number(n: int) -> str:
    """Write 1 ≤ n ≤ 9999 in Chinese numerals: 1 → 一, 10 → 十, 12 → 十二, 105 → 一百零五."""
    if not 1 <= n <= 9999:
        return str(n)
    units = ((1000, "千"), (100, "百"), (10, "十"), (1, ""))
    parts: list[str] = []
    pending_zero = False
    for size, unit in units:
        digit = n // size % 10
        if digit == 0:
            if parts:
                pending_zero = True
            continue
        if pending_zero:
            parts.append("零")
            pending_zero = False
        parts.append(_CHINESE_DIGITS[digit] + unit)
    text = "".join(parts)
    if 10 <= n < 20:
        text = text[1:]  # 十二, not 一十二
    return text


def _channel_count_zh(n: int) -> str:
    return ("两" if n == 2 else chinese_number(n)) + "个渠道"


def _merge(listings: Iterable[tuple[Channel, int | None]]) -> dict[Channel, int]:
    merged: dict[Channel, int] = {}
    for channel, count in listings:
        merged[channel] = merged.get(channel, 0) + max(count or 1, 1)
    return merged


def triage(
    listings: Iterable[tuple[Channel, int | None]],
    rule: TriageRule = DEFAULT_RULE,
    override: ManualOverride | None = None,
) -> TriageResult:
    """Sort a village into 好/中/差 from its channel listings ``(channel, count)``.

    A channel listed twice counts once, with the counts added; a missing or zero count means 1.
    Contributions come in the order of the :class:`Channel` enum.
    """
    merged = _merge(listings)
    contributions = tuple(
        Contribution(
            channel, merged[channel], rule.weight(channel), rule.points(channel, merged[channel])
        )
        for channel in Channel
        if channel in merged
    )
    score = sum(c.points for c in contributions)
    alone = [c.channel for c in contributions if c.channel in rule.poor_alone]
    many = rule.poor_from_channels is not None and len(contributions) >= rule.poor_from_channels

    if not contributions:
        tier = Tier.GOOD
        why = "未列入七个渠道的任何名单，得分 0"
    else:
        names = "、".join(
            c.channel.label + (f"（数量 {c.count}）" if c.count > 1 else "") for c in contributions
        )
        why = f"列入{names}{_channel_count_zh(len(contributions))}"
        if score >= rule.poor_from:
            tier = Tier.POOR
            why += f"，得分 {score} ≥ {rule.poor_from}"
        elif alone:
            tier = Tier.POOR
            alone_names = "、".join(channel.label for channel in alone)
            why += f"，其中{alone_names}单独即定为差村，得分 {score}"
        elif many:
            tier = Tier.POOR
            why += f"（≥ {rule.poor_from_channels} 个渠道即定为差村），得分 {score}"
        elif score >= rule.middle_from:
            tier = Tier.MIDDLE
            why += f"，得分 {score} ≥ {rule.middle_from}（未达 {rule.poor_from}）"
        else:
            tier = Tier.GOOD
            why += f"，得分 {score} < {rule.middle_from}"
    rule_reason = f"{why}，定为{tier.label}村"

    if override is None:
        return TriageResult(
            tier=tier,
            style=STYLE_FOR_TIER[tier],
            score=score,
            contributions=contributions,
            reason_zh=rule_reason,
            rule_tier=tier,
            rule_reason_zh=rule_reason,
        )
    final_reason = (
        f"人工定为{override.tier.label}村（按规则为{tier.label}村）：{override.reason.strip()}"
    )
    return TriageResult(
        tier=override.tier,
        style=STYLE_FOR_TIER[override.tier],
        score=score,
        contributions=contributions,
        reason_zh=final_reason,
        rule_tier=tier,
        rule_reason_zh=rule_reason,
        overridden=True,
    )


# --- Batch plan -----------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class PlanVillage:
    """A village to be placed in a batch."""

    id: str
    township: str
    name: str
    tier: Tier


@dataclass(frozen=True, slots=True)
class BatchPlanSettings:
    """Batch sizes per phase: small while the troubled villages are handled, larger after.

    Phase ① takes the 差 villages (先难后易治乱村, slow pace so rectification keeps up), phase ②
    the 中 villages (稳扎稳打推制度), phase ③ the 好 villages (全速推进找短板, full coverage).
    """

    troubled_batch_size: int = 3
    steady_batch_size: int = 8
    full_speed_batch_size: int = 15

    def __post_init__(self) -> None:
        sizes = (self.troubled_batch_size, self.steady_batch_size, self.full_speed_batch_size)
        if any(size < 1 for size in sizes):
            raise ValueError("每批村数至少为 1")


@dataclass(frozen=True, slots=True)
class PlannedBatch:
    """One suggested batch: its 1-based number (shown as 第一批 …), phase and villages."""

    number: int
    phase: Phase
    village_ids: tuple[str, ...]

    @property
    def label(self) -> str:
        return f"第{chinese_number(self.number)}批"


_PHASE_FOR_TIER: dict[Tier, Phase] = {
    Tier.POOR: Phase.TROUBLED_FIRST,
    Tier.MIDDLE: Phase.STEADY,
    Tier.GOOD: Phase.FULL_SPEED,
}


def suggest_batches(
    villages: Sequence[PlanVillage],
    settings: BatchPlanSettings | None = None,
) -> list[PlannedBatch]:
    """Suggest batches and phases; the same input always gives the same plan.

    Within a phase villages are ordered by township, then village name (normalised keys, then the
    cleaned name and id to break ties), and cut into batches of that phase's size. Batch numbers
    run on across phases; a phase without villages has no batch.
    """
    settings = settings or BatchPlanSettings()
    size_for_phase = {
        Phase.TROUBLED_FIRST: settings.troubled_batch_size,
        Phase.STEADY: settings.steady_batch_size,
        Phase.FULL_SPEED: settings.full_speed_batch_size,
    }
    batches: list[PlannedBatch] = []
    for phase in Phase:
        members = sorted(
            (v for v in villages if _PHASE_FOR_TIER[v.tier] is phase),
            key=lambda v: (
                township_key(v.township),
                v.township,
                village_key(v.name),
                v.name,
                v.id,
            ),
        )
        size = size_for_phase[phase]
        for start in range(0, len(members), size):
            batches.append(
                PlannedBatch(
                    number=len(batches) + 1,
                    phase=phase,
                    village_ids=tuple(v.id for v in members[start : start + size]),
                )
            )
    return batches
