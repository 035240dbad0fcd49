"""The printed batch plan: landscape GB/T 9704 table, batches in order, counts per phase."""

from __future__ import annotations

import datetime as dt

from app.documents.batch_plan_doc import render_batch_plan
from app.domain.batch_plan import BatchPlan, PlanBatch, PlanEntry
from app.domain.vocabulary import STYLE_FOR_TIER, Channel, Phase, Tier
from tests.unit.documents.pdfprobe import font_embedding, read_pages


def _plan(n_good: int) -> BatchPlan:
    villages: dict[str, PlanEntry] = {}

    def add(vid: str, name: str, tier: Tier, channels: tuple[Channel, ...]) -> str:
        villages[vid] = PlanEntry(vid, "城关镇", name, "", tier, STYLE_FOR_TIER[tier], channels)
        return vid

    batches = [
        PlanBatch(1, Phase.TROUBLED_FIRST, [add("a", "王庄村", Tier.POOR, (Channel.BIG_DATA,))]),
        PlanBatch(2, Phase.STEADY, [add("b", "李庄村", Tier.MIDDLE, (Channel.PETITION,))]),
        PlanBatch(
            3,
            Phase.FULL_SPEED,
            [add(f"g{i}", f"好{i}村", Tier.GOOD, ()) for i in range(n_good)],
        ),
    ]
    unassigned = [add("z", "赵楼村", Tier.GOOD, ())]
    return BatchPlan("2026年第一轮村级巡察", batches, villages, unassigned)


def test_plan_prints_landscape_with_every_village() -> None:
    pdf = render_batch_plan(_plan(40), issuer="中共某区委巡察办", date=dt.date(2026, 2, 20))
    pages = read_pages(pdf)
    assert len(pages) >= 2
    assert all(p.width > p.height for p in pages)  # landscape A4
    text = "".join(p.text() for p in pages).replace("\n", "")
    assert "2026年第一轮村级巡察批次安排表" in text
    assert "本轮共42个村（社区），分三批进行" in text
    assert "另有1个村（社区）尚未安排批次" in text
    for part in ("第一批", "第二批", "第三批", "王庄村", "重点巡察", "点穴式巡察", "好39村"):
        assert part in text, part
    assert text.index("第一批") < text.index("第二批") < text.index("第三批")
    # the header row repeats on the second page
    assert "乡镇（街道）" in pages[1].text().replace("\n", "")
    assert "赵楼村" not in text  # unassigned villages are counted, not listed
    assert all(font_embedding(pdf).values())
