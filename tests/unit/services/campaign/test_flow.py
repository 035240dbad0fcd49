"""One village through the whole 集中整治 flow — recommended, decided, planned under all four
headings, a case linked to a clue transfer, a good work linked to a notice, a 班子 change, a
system adopted, a monthly check, evaluated and 转化, 回头看 due and done — by the command line
(the real ``app.cli.main``) and by the services; the audit trail and the tier history are
checked at every step."""

from __future__ import annotations

import json
import shlex
from datetime import date
from pathlib import Path

import pytest
from sqlmodel import col, select

from app import cli
from app.domain.campaign import (
    CampaignRefused,
    CampaignStatus,
    EvaluationKind,
    Heading,
    Outcome,
    SystemStatus,
    TaskStatus,
)
from app.domain.followup import ItemKind
from app.domain.vocabulary import Tier
from app.services.campaign import evaluate, plan, progress, proposals, reads, systems
from app.services.followup.due import due_items
from app.services.registry.tier_history import tier_history
from app.storage.models import Attachment, VillageSystem
from tests.gui.field_helpers import photo_file
from tests.unit.services.campaign.conftest import (
    PASSWORD,
    TRIAGED,
    Office,
    all_audit_text,
    audit_ids,
    audit_since,
)

MEMBER = "欧阳明远"


def tiers(o: Office) -> list[tuple[date | None, Tier | None, Tier, str]]:
    return [(st.on, st.from_tier, st.to_tier, st.source) for st in tier_history(o.ws, o.poor)]


class Cli:
    """Runs ``python -m app campaign …`` in this process (the real argument parser and handlers)."""

    def __init__(self, o: Office, capsys: pytest.CaptureFixture[str], monkeypatch) -> None:
        self.root = str(o.ws.paths.root)
        self.capsys = capsys
        monkeypatch.setenv("XUNCHA_PASSWORD", PASSWORD)

    def __call__(self, line: str, *extra: str) -> str:
        code = cli.main(["--data-dir", self.root, "campaign", *shlex.split(line), *extra])
        out, err = self.capsys.readouterr()
        assert code == 0, err
        assert err == ""
        return out


def actions(events: list[tuple[str, str, str]]) -> set[tuple[str, str]]:
    return {(a, t) for a, t, _ in events}


def test_one_village_through_the_whole_flow_by_command_line(
    office: Office, tmp_path: Path, capsys, monkeypatch
) -> None:
    o = office
    run = Cli(o, capsys, monkeypatch)
    first = [(TRIAGED, None, Tier.POOR, "triage")]
    assert tiers(o) == first

    # 1. recommended: the 巡察报告's rule picks the village, the 建议 is printed
    out = run("candidates --today 2026-12-01")
    assert "城关镇王庄村" in out and "李集村" not in out and "线索3件" in out
    mark = audit_ids(o.ws)
    out = run("propose --village 王庄村 --on 2026-12-01 --out", str(tmp_path))
    pdf = Path(out.splitlines()[-1])
    assert pdf.exists() and pdf.read_bytes().startswith(b"%PDF")
    got = actions(audit_since(o.ws, mark))
    assert {
        ("create", "campaign_proposal"),
        ("create", "campaign_village"),
        ("campaign_propose", "campaign_proposal"),
        ("print_campaign_proposal", "campaign_proposal"),
    } <= got
    (row,) = reads.campaign_rows(o.ws, date(2026, 12, 1))
    assert row.status is CampaignStatus.RECOMMENDED
    assert tiers(o) == first

    # 2. decided (with the work group; a member's name never reaches the audit log)
    mark = audit_ids(o.ws)
    out = run("decide --doc-number 淮发〔2026〕31号 --on 2026-12-05 --village 王庄村")
    assert "淮发〔2026〕31号" in out
    run("group --village 王庄村 --linked-post 副区长 --issues 软,散")
    run(
        f"member --village 王庄村 --role 组长 --name {MEMBER} --unit 区纪委监委 --phone 13903941234"
    )
    got = actions(audit_since(o.ws, mark))
    assert {
        ("create", "campaign_decision"),
        ("campaign_decide", "campaign_decision"),
        ("update", "campaign_village"),
        ("create", "campaign_member"),
    } <= got
    assert MEMBER not in all_audit_text(o.ws) and "13903941234" not in all_audit_text(o.ws)
    assert reads.campaign_rows(o.ws)[0].status is CampaignStatus.DECIDED
    assert tiers(o) == first

    # 3. planned under all four headings, each task tied to what it answers
    mark = audit_ids(o.ws)
    plan_ = "plan --village 王庄村 --deadline 2027-03-31 --heading"
    catch = run(f"{plan_} 抓坏人 --title 查处优亲厚友 --unit 区纪委监委 --clue {o.ids.clues[0]}")
    works = run(
        f"{plan_} 办好事 --title 修复自来水管网 --unit 区水利局 --notice {o.ids.notices[0]}"
    )
    organise = run(f"{plan_} 强组织 --title 调整村党支部书记 --unit 城关镇党委 --issue 软")
    system = run(f"{plan_} 建机制 --title 推行四议两公开 --unit 城关镇党委 --system 四议两公开")
    catch, works, organise, system = (x.strip() for x in (catch, works, organise, system))
    events = audit_since(o.ws, mark)
    assert sum(1 for a, t, _ in events if (a, t) == ("campaign_task", "campaign_task")) == 4
    listed = json.loads(run("plan --village 王庄村 --json"))
    assert {t["heading"] for t in listed} == {h.value for h in Heading}
    assert {t["id"] for t in listed} == {catch, works, organise, system}
    with o.ws.session() as s:
        cell = s.exec(select(VillageSystem).where(VillageSystem.village_id == o.poor)).one()
        assert (cell.system, cell.status) == ("four_two", SystemStatus.IN_PROGRESS)
    assert reads.campaign_rows(o.ws)[0].status is CampaignStatus.UNDER_WAY
    assert tiers(o) == first

    # 4. a case on the clue, the good work done with a photo, a 班子 change, the system adopted
    mark = audit_ids(o.ws)
    run(f"case --task {catch} --stage 立案 --on 2026-12-10")
    run("cadre --task 强组织-1 --village 王庄村 --kind 撤换 --post 村党支部书记 --on 2026-12-15")
    photo = photo_file(tmp_path)
    done = "--status 已完成 --on 2026-12-28 --today 2026-12-28"
    run(f"progress --task {works} --text 管网已修复通水 {done} --photo", str(photo))
    run(f"progress --task {system} --text 四议两公开已公布实施 {done}")
    run(f"progress --task {catch} --text 已立案并给予党纪处分 {done}")
    run(f"progress --task {organise} --text 新书记到任 {done}")
    got = actions(audit_since(o.ws, mark))
    assert {
        ("campaign_case", "campaign_case"),
        ("campaign_cadre_change", "campaign_cadre_change"),
        ("create", "campaign_progress"),
        ("update", "campaign_task"),
        ("create", "attachment"),
        ("update", "village_system"),
    } <= got
    d = reads.campaign_detail(o.ws, row.campaign_id, date(2026, 12, 28))
    assert any("立案" in c for c in d.cases)
    assert any("撤换村党支部书记" in c for c in d.cadre_changes)
    assert {t.status for t in d.tasks} == {TaskStatus.DONE}
    assert [t.link[:2] for t in d.tasks if t.heading is Heading.CATCH] == ["线索"]
    assert [t.link[:3] for t in d.tasks if t.heading is Heading.GOOD_WORKS] == ["通知书"]
    assert len(reads.task_photos(o.ws, works)) == 1
    four_two = next(r for r in systems.matrix(o.ws).rows if r.village_id == o.poor).cell("four_two")
    assert (four_two.status, four_two.since) == (SystemStatus.ADOPTED, date(2026, 12, 28))
    assert tiers(o) == first

    # 5. a monthly check
    mark = audit_ids(o.ws)
    run(
        "check --village 王庄村 --checker 区委巡察办督查组 --findings 整治推进有序 "
        "--on 2026-12-30 --today 2026-12-30"
    )
    assert ("campaign_check", "campaign_check") in actions(audit_since(o.ws, mark))
    assert tiers(o) == first

    # 6. evaluated and 转化: the tier moves 差 → 中, the 回头看 gets its date
    mark = audit_ids(o.ws)
    out = run(
        "evaluate --village 王庄村 --kind 验收 --outcome 整顿转化 --reasons 四项任务全部完成 "
        "--on 2027-01-05 --today 2027-01-05"
    )
    assert "整顿转化" in out
    got = actions(audit_since(o.ws, mark))
    assert {
        ("campaign_evaluate", "campaign_evaluation"),
        ("tier_override", "village"),
        ("create", "village_tier_change"),
    } <= got
    second = [*first, (date(2027, 1, 5), Tier.POOR, Tier.MIDDLE, "campaign")]
    assert tiers(o) == second
    assert tier_history(o.ws, o.poor)[-1].reason.startswith("集中整治验收：整顿转化")
    (row,) = reads.campaign_rows(o.ws, date(2027, 1, 5))
    assert (row.status, row.tier, row.review_due) == (
        CampaignStatus.TRANSFORMED,
        Tier.MIDDLE,
        date(2027, 7, 5),
    )

    # 7. the 回头看 is due: it is on the due list with the three-colour warning
    due = [r for r in due_items(o.ws, date(2027, 6, 20)) if r.kind is ItemKind.CAMPAIGN_REVIEW]
    assert [(r.village, r.deadline, r.colour.value) for r in due] == [
        ("王庄村", date(2027, 7, 5), "green")
    ]
    early = due_items(o.ws, date(2027, 1, 5))
    assert not [r for r in early if r.kind is ItemKind.CAMPAIGN_REVIEW]
    shown = json.loads(run("show --village 王庄村 --json"))
    assert shown["review_due"] == "2027-07-05" and shown["members"][0]["name"] == MEMBER
    assert [(h["from"], h["to"]) for h in shown["tier_history"]] == [
        (None, "poor"),
        ("poor", "middle"),
    ]

    # 8. the 回头看 done: the change held, 中 → 好, off the due list
    run(
        "evaluate --village 王庄村 --kind 回头看 --outcome 成效巩固 --reasons 未出现反弹 "
        "--on 2027-07-03 --today 2027-07-03"
    )
    assert tiers(o) == [*second, (date(2027, 7, 3), Tier.MIDDLE, Tier.GOOD, "campaign")]
    assert reads.campaign_rows(o.ws)[0].status is CampaignStatus.REVIEWED
    late = due_items(o.ws, date(2027, 7, 3))
    assert not [r for r in late if r.kind is ItemKind.CAMPAIGN_REVIEW]
    with o.ws.session() as s:
        evidence = s.exec(
            select(Attachment).where(col(Attachment.campaign_progress_id).is_not(None))
        ).all()
        assert len(evidence) == 1


def test_the_rules_refuse_steps_out_of_order(office: Office) -> None:
    o = office
    ws = o.ws
    with pytest.raises(CampaignRefused, match="未建议开展集中整治"):
        proposals.propose(ws, [o.good], on=date(2026, 12, 1))
    cid = proposals.propose(ws, [o.poor], on=date(2026, 12, 1)).of("campaign_village")[0]
    with pytest.raises(CampaignRefused, match="已在集中整治名单中"):
        proposals.propose(ws, [o.poor], on=date(2026, 12, 1))
    with pytest.raises(CampaignRefused, match="不能“制定整治方案”"):
        plan.add_task(
            ws, cid, heading=Heading.CATCH, title="x", owner_unit="y", deadline=date(2027, 1, 1)
        )
    with pytest.raises(CampaignRefused, match="文号"):
        proposals.decide(ws, decided_on=date(2026, 12, 5), doc_number=" ", village_ids=[o.poor])
    with pytest.raises(CampaignRefused, match="说明理由"):
        proposals.decide(
            ws, decided_on=date(2026, 12, 5), doc_number="淮发〔2026〕1号", village_ids=[o.good]
        )
    changed = proposals.decide(
        ws,
        decided_on=date(2026, 12, 5),
        doc_number="淮发〔2026〕31号",
        village_ids=[o.poor],
        added={o.good: "群众多次集体上访，区委决定一并整治"},
    )
    assert len(changed.of("campaign_village")) == 2
    good = next(r for r in reads.campaign_rows(ws) if r.village_id == o.good)
    assert good.status is CampaignStatus.DECIDED
    assert reads.campaign_detail(ws, good.campaign_id).added_reason.startswith("群众多次")
    # links must belong to the village and the heading
    other_clue = o.ids.clues[-1]  # 李集村's clue
    with pytest.raises(CampaignRefused, match="不属于该村"):
        plan.add_task(
            ws,
            cid,
            heading=Heading.CATCH,
            title="查处",
            owner_unit="区纪委监委",
            deadline=date(2027, 1, 1),
            clue_transfer_id=other_clue,
        )
    with pytest.raises(CampaignRefused, match="只有“抓坏人”"):
        plan.add_task(
            ws,
            cid,
            heading=Heading.GOOD_WORKS,
            title="修路",
            owner_unit="交通局",
            deadline=date(2027, 1, 1),
            clue_transfer_id=o.ids.clues[0],
        )
    with pytest.raises(CampaignRefused, match="不能早于区委决定日期"):
        plan.add_task(
            ws,
            cid,
            heading=Heading.GOOD_WORKS,
            title="修路",
            owner_unit="交通局",
            deadline=date(2026, 11, 1),
        )
    task = plan.add_task(
        ws,
        cid,
        heading=Heading.GOOD_WORKS,
        title="修路",
        owner_unit="交通局",
        deadline=date(2027, 1, 1),
    ).of("campaign_task")[0]
    with pytest.raises(CampaignRefused, match="尚有1项整治任务未完成"):
        evaluate.evaluate(
            ws,
            cid,
            kind=EvaluationKind.ACCEPTANCE,
            outcome=Outcome.TRANSFORMED,
            reasons="验收",
            on=date(2027, 1, 2),
            today=date(2027, 1, 2),
        )
    with pytest.raises(CampaignRefused, match="不能“回头看：成效巩固”"):
        evaluate.evaluate(
            ws,
            cid,
            kind=EvaluationKind.REVIEW,
            outcome=Outcome.HOLDING,
            reasons="回头看",
            on=date(2027, 1, 2),
            today=date(2027, 1, 2),
        )
    with pytest.raises(CampaignRefused, match="晚于今天"):
        progress.add_progress(ws, task, "完成", on=date(2027, 1, 3), today=date(2027, 1, 2))
    # kept under rectification, with reasons; the village's tier does not move
    evaluate.evaluate(
        ws,
        cid,
        kind=EvaluationKind.ACCEPTANCE,
        outcome=Outcome.KEPT,
        reasons="道路尚未修通",
        on=date(2027, 1, 2),
        today=date(2027, 1, 2),
    )
    assert reads.campaign_detail(ws, cid).status is CampaignStatus.KEPT
    assert [st.to_tier for st in tier_history(ws, o.poor)] == [Tier.POOR]
    # a deadline that cannot be kept is extended with its reason, never dropped
    plan.extend_task(ws, task, date(2027, 3, 1), "冬季停工，开春复工", on=date(2027, 1, 3))
    d = reads.campaign_detail(ws, cid, date(2027, 1, 3))
    assert d.tasks[0].deadline == date(2027, 3, 1)
    assert any("延至2027年3月1日：冬季停工" in line for line in d.progress[task])
