"""集中整治, 制度推广 and 未巡先改 on the command line.

    campaign candidates [--today D] [--json]
    campaign propose [--village NAME …] [--on D] [--doc-number 文号] [--out PDF|DIR]
    campaign decide --doc-number 文号 --on D [--village NAME …] [--add NAME=理由 …] [--decline-rest]
    campaign group --village NAME [--lead UNIT] [--units A、B] [--linked-post POST] [--issues 软,散]
    campaign member --village NAME --role 组长 --name NAME [--unit U] [--post P] [--phone T]
    campaign plan --village NAME [--heading 抓坏人 --title T --unit U --deadline D
                  [--clue 文号|ID] [--notice 文号|ID] [--system 名称] [--issue 软]]
    campaign progress --task ID|方面-序号 [--village NAME] --text T [--status 推进中|已完成]
                      [--on D] [--photo FILE …]
    campaign case --task … --stage 立案 [--clue 文号|ID] [--persons N] [--gang] [--on D]
    campaign cadre --task … --kind 撤换 --post 村党支部书记 [--on D] [--note T]
    campaign system --village NAME --system 微权四化 --status 已建立 [--practice 执行不力] …
    campaign check --village NAME --checker WHO --findings T [--rating 推进缓慢] [--on D]
    campaign evaluate --village NAME --kind 中期评估|验收|回头看 --outcome X --reasons T [--tier 中]
    campaign list [--json] / show --village NAME [--json]
    campaign report --out DIR [--today D]
    campaign focus [--batch N] [--json]
    campaign selfcheck draft|lists|publish|record|import|show|verify …

Every refusal (a :class:`~app.domain.errors.UserError`) is one Chinese line on stderr (exit 1);
``report`` prints each file it wrote.
"""

from __future__ import annotations

import argparse
import json
from collections.abc import Callable
from dataclasses import asdict
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from app.commands.common import EXIT_OK, Refused, iso_date, open_workspace, positive_int
from app.config import Environment
from app.domain.vocabulary import Labelled

if TYPE_CHECKING:  # the parser is built without the database code (see app/cli.py)
    from app.storage.workspace import Workspace

__all__ = ["register"]

L = TypeVar("L", bound=Labelled)
Handler = Callable[[argparse.Namespace, Environment], int]


def _choice(enum_type: type[L]) -> Callable[[str], L]:
    """An argparse type: a member by its Chinese label (or its code)."""

    def parse(text: str) -> L:
        for m in enum_type:
            if text in (m.label, m.value):
                return m
        choices = "、".join(m.label for m in enum_type)
        raise argparse.ArgumentTypeError(f"应为：{choices}（收到：{text}）")

    parse.__name__ = enum_type.__name__
    return parse


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    from app.domain.campaign import (
        CadreChangeKind,
        CaseStage,
        CheckRating,
        EvaluationKind,
        Heading,
        MemberRole,
        OrgIssue,
        Outcome,
        Practice,
        SelfCheckFix,
        SelfCheckFound,
        SystemSource,
        SystemStatus,
        TaskStatus,
        Verdict,
    )
    from app.domain.vocabulary import Tier

    p = sub.add_parser("campaign", help="集中整治、制度推广、未巡先改")
    cmds = p.add_subparsers(dest="campaign_command", metavar="SUBCOMMAND", required=True)

    def add(name: str, help_text: str, handler: Handler) -> argparse.ArgumentParser:
        parser = cmds.add_parser(name, help=help_text)
        parser.set_defaults(handler=handler)
        return parser

    c = add("candidates", "巡察报告建议集中整治的村（社区）", cmd_candidates)
    c.add_argument("--today", type=iso_date)
    c.add_argument("--json", action="store_true")

    pr = add("propose", "提出集中整治建议（并打印建议）", cmd_propose)
    pr.add_argument("--village", action="append", help="只建议这些村（可重复；默认全部）")
    pr.add_argument("--on", type=iso_date, help="建议日期（默认今天）")
    pr.add_argument("--doc-number", default="", help="建议的文号")
    pr.add_argument("--out", type=Path, help="建议 PDF 的文件或文件夹")

    de = add("decide", "登记区委决定（日期、文号、列入的村）", cmd_decide)
    de.add_argument("--doc-number", required=True, help="区委决定的文号")
    de.add_argument("--on", type=iso_date, required=True, help="决定日期")
    de.add_argument("--village", action="append", default=[], help="列入的已建议村（可重复）")
    de.add_argument("--add", action="append", default=[], help="未经建议直接列入：村名=理由")
    de.add_argument("--decline-rest", action="store_true", help="其余已建议村标为未列入")

    g = add("group", "工作组：牵头单位、成员单位、挂钩领导、软散瘫恶乱", cmd_group)
    g.add_argument("--village", required=True)
    g.add_argument("--lead", help="牵头单位（默认区纪委监委）")
    g.add_argument("--units", help="成员单位，用顿号或逗号分隔")
    g.add_argument("--linked-post", help="挂钩区级领导的职务")
    g.add_argument("--issues", help="软、散、瘫、恶、乱中存在的问题，逗号分隔")

    m = add("member", "工作组人员（姓名、电话受保护）", cmd_member)
    m.add_argument("--village", required=True)
    m.add_argument("--role", type=_choice(MemberRole), required=True)
    m.add_argument("--name", required=True)
    m.add_argument("--unit", default="")
    m.add_argument("--post", default="")
    m.add_argument("--phone", default="")

    pl = add("plan", "一村一策：列出或新增整治任务", cmd_plan)
    pl.add_argument("--village", required=True)
    pl.add_argument("--heading", type=_choice(Heading))
    pl.add_argument("--title")
    pl.add_argument("--unit", help="责任单位")
    pl.add_argument("--deadline", type=iso_date)
    pl.add_argument("--detail", default="")
    pl.add_argument("--clue", help="关联的问题线索移交（文号或记录编号）")
    pl.add_argument("--notice", help="关联的立行立改通知书（文号或记录编号）")
    pl.add_argument("--system", help="建机制：制度名称，如 微权四化")
    pl.add_argument("--issue", type=_choice(OrgIssue), help="强组织：软、散、瘫、恶、乱")
    pl.add_argument("--today", type=iso_date)
    pl.add_argument("--json", action="store_true")

    pg = add("progress", "登记整治任务进展（可附照片）", cmd_progress)
    pg.add_argument("--task", required=True, help="任务编号，或与 --village 同用的 抓坏人-1")
    pg.add_argument("--village")
    pg.add_argument("--text", required=True)
    pg.add_argument("--status", type=_choice(TaskStatus), default=TaskStatus.IN_PROGRESS)
    pg.add_argument("--on", type=iso_date)
    pg.add_argument("--photo", type=Path, action="append", default=[])
    pg.add_argument("--today", type=iso_date, help="按此日期检查（默认今天）")

    ca = add("case", "抓坏人：案件查处进展", cmd_case)
    ca.add_argument("--task", required=True)
    ca.add_argument("--village")
    ca.add_argument("--stage", type=_choice(CaseStage), required=True)
    ca.add_argument("--clue")
    ca.add_argument("--persons", type=int, default=1)
    ca.add_argument("--gang", action="store_true", help="涉黑涉恶")
    ca.add_argument("--on", type=iso_date)
    ca.add_argument("--note", default="")

    cd = add("cadre", "强组织：村两委班子调整", cmd_cadre)
    cd.add_argument("--task", required=True)
    cd.add_argument("--village")
    cd.add_argument("--kind", type=_choice(CadreChangeKind), required=True)
    cd.add_argument("--post", required=True)
    cd.add_argument("--on", type=iso_date)
    cd.add_argument("--note", default="")

    sy = add("system", "制度推广：某村某项制度的情况", cmd_system)
    sy.add_argument("--village", required=True)
    sy.add_argument("--system", required=True)
    sy.add_argument("--status", type=_choice(SystemStatus), required=True)
    sy.add_argument("--practice", type=_choice(Practice))
    sy.add_argument("--source", type=_choice(SystemSource), default=SystemSource.SELF_REPORT)
    sy.add_argument("--on", type=iso_date)
    sy.add_argument("--note", default="")

    ck = add("check", "每月督查", cmd_check)
    ck.add_argument("--village", required=True)
    ck.add_argument("--checker", required=True)
    ck.add_argument("--findings", required=True)
    ck.add_argument("--rating", type=_choice(CheckRating), default=CheckRating.NORMAL)
    ck.add_argument("--on", type=iso_date)
    ck.add_argument("--today", type=iso_date)

    ev = add("evaluate", "中期评估、验收、回头看", cmd_evaluate)
    ev.add_argument("--village", required=True)
    ev.add_argument("--kind", type=_choice(EvaluationKind), required=True)
    ev.add_argument("--outcome", type=_choice(Outcome), required=True)
    ev.add_argument("--reasons", required=True)
    ev.add_argument("--tier", type=_choice(Tier))
    ev.add_argument("--on", type=iso_date)
    ev.add_argument("--today", type=iso_date)

    ls = add("list", "集中整治村一览", cmd_list)
    ls.add_argument("--today", type=iso_date)
    ls.add_argument("--json", action="store_true")

    sh = add("show", "一个整治村的全部情况（含分类变化）", cmd_show)
    sh.add_argument("--village", required=True)
    sh.add_argument("--today", type=iso_date)
    sh.add_argument("--json", action="store_true")

    rp = add("report", "进展情况报告（PDF）和制度推广情况表（PDF、.xlsx）", cmd_report)
    rp.add_argument("--out", type=Path, required=True, help="输出文件夹")
    rp.add_argument("--today", type=iso_date)

    fo = add("focus", "第三步巡察重点：已建立但执行不到位的制度", cmd_focus)
    fo.add_argument("--batch", type=positive_int)
    fo.add_argument("--json", action="store_true")

    sc = add("selfcheck", "未巡先改：典型问题清单和自查结果", cmd_selfcheck_help)
    scs = sc.add_subparsers(dest="selfcheck_command", metavar="ACTION", required=True)

    def add_sc(name: str, help_text: str, handler: Handler) -> argparse.ArgumentParser:
        parser = scs.add_parser(name, help=help_text)
        parser.set_defaults(handler=handler)
        return parser

    d = add_sc("draft", "由已巡察批次的问题整理典型问题清单", cmd_sc_draft)
    d.add_argument("--after-batch", type=positive_int, required=True)
    d.add_argument("--title", default="")
    add_sc("lists", "列出典型问题清单", cmd_sc_lists).add_argument("--json", action="store_true")
    pu = add_sc("publish", "印发清单：每个乡镇一个包（PDF + 自查表）", cmd_sc_publish)
    pu.add_argument("--list", required=True, help="清单编号")
    pu.add_argument("--out", type=Path, required=True)
    pu.add_argument("--on", type=iso_date)
    rc = add_sc("record", "登记一个村对一条问题的自查结果", cmd_sc_record)
    rc.add_argument("--village", required=True)
    rc.add_argument("--item", required=True, help="条目编号")
    rc.add_argument("--found", type=_choice(SelfCheckFound), required=True)
    rc.add_argument("--fixed", type=_choice(SelfCheckFix), default=SelfCheckFix.NOT_NEEDED)
    rc.add_argument("--note", default="")
    rc.add_argument("--by", default="", help="填报单位")
    rc.add_argument("--on", type=iso_date)
    rc.add_argument("--photo", type=Path, action="append", default=[])
    im = add_sc("import", "导入乡镇交回的自查表（.xlsx）", cmd_sc_import)
    im.add_argument("file", type=Path)
    im.add_argument("--on", type=iso_date)
    so = add_sc("show", "某村的自查结果和核实情况", cmd_sc_show)
    so.add_argument("--village", required=True)
    so.add_argument("--json", action="store_true")
    ve = add_sc("verify", "核实一条自查结果", cmd_sc_verify)
    ve.add_argument("--result", required=True)
    ve.add_argument("--verdict", type=_choice(Verdict), required=True)
    ve.add_argument("--note", default="")
    ve.add_argument("--on", type=iso_date)


# -- lookups -----------------------------------------------------------------------------------
def _village(ws: Workspace, name: str) -> str:
    from app.commands.followup import _village_id

    return _village_id(ws, name)


def _campaign(ws: Workspace, village_name: str) -> str:
    from app.services.campaign.reads import campaign_rows

    vid = _village(ws, village_name)
    for r in campaign_rows(ws, include_declined=True):
        if r.village_id == vid:
            return r.campaign_id
    raise Refused(f"{village_name}不在集中整治名单中。")


def _task(ws: Workspace, task: str, village: str | None) -> str:
    from sqlmodel import col, select

    from app.storage.models import CampaignTask

    with ws.session() as s:
        if s.get(CampaignTask, task) is not None:
            return task
    if village is None or "-" not in task:
        raise Refused(f"找不到整治任务：{task}（可写任务编号，或与 --village 同用的 抓坏人-1）")
    label, _, seq = task.rpartition("-")
    cid = _campaign(ws, village)
    with ws.session() as s:
        for t in s.exec(
            select(CampaignTask).where(
                CampaignTask.campaign_id == cid, col(CampaignTask.retired_at).is_(None)
            )
        ).all():
            if t.heading.label == label and str(t.seq) == seq:
                return t.id
    raise Refused(f"{village}没有整治任务：{task}")


def _by_number(ws: Workspace, model: Any, key: str) -> str:
    from app.commands.followup import _find

    return _find(ws, model, key)


def _photos(paths: list[Path]) -> list[Any]:
    from app.media import intake_photo

    return [intake_photo(p) for p in paths]


def _d(d: date | None) -> str:
    return d.isoformat() if d else ""


# -- handlers ----------------------------------------------------------------------------------
def cmd_candidates(args: argparse.Namespace, env: Environment) -> int:
    from app.services.campaign.proposals import candidates

    with open_workspace(args, env) as ws:
        rows = candidates(ws, args.today)
    if args.json:
        out = [asdict(r) | {"status": r.status.value if r.status else None} for r in rows]
        print(json.dumps(out, ensure_ascii=False, indent=1))
        return EXIT_OK
    if not rows:
        print("没有巡察报告建议开展集中整治的村（社区）。")
    for r in rows:
        state = f"（{r.status.label}）" if r.status else ""
        print(f"{r.township}{r.village}{state}\t" + "；".join(r.reasons))
    return EXIT_OK


def cmd_propose(args: argparse.Namespace, env: Environment) -> int:
    from app.services.campaign.proposals import propose, write_proposal

    with open_workspace(args, env) as ws:
        ids = [_village(ws, n) for n in args.village] if args.village else None
        changed = propose(ws, ids, on=args.on, doc_number=args.doc_number)
        print(changed.message)
        if args.out is not None:
            print(write_proposal(ws, changed.of("campaign_proposal")[0], args.out))
    return EXIT_OK


def cmd_decide(args: argparse.Namespace, env: Environment) -> int:
    from app.services.campaign.proposals import decide

    with open_workspace(args, env) as ws:
        ids = [_village(ws, n) for n in args.village]
        added: dict[str, str] = {}
        for item in args.add:
            name, sep, reason = item.partition("=")
            if not sep:
                raise Refused(f"--add 应写作 村名=理由：{item}")
            added[_village(ws, name.strip())] = reason
        changed = decide(
            ws,
            decided_on=args.on,
            doc_number=args.doc_number,
            village_ids=ids,
            added=added,
            decline_others=args.decline_rest,
        )
    print(changed.message)
    return EXIT_OK


def cmd_group(args: argparse.Namespace, env: Environment) -> int:
    from app.domain.campaign import OrgIssue
    from app.services.campaign.plan import set_work_group

    issues = None
    if args.issues is not None:
        parse = _choice(OrgIssue)
        try:
            issues = [parse(x.strip()) for x in args.issues.replace("、", ",").split(",") if x]
        except argparse.ArgumentTypeError as exc:
            raise Refused(f"--issues {exc}") from None
    units = None
    if args.units is not None:
        units = [u for u in args.units.replace("、", ",").replace("，", ",").split(",")]
    with open_workspace(args, env) as ws:
        set_work_group(
            ws,
            _campaign(ws, args.village),
            lead_unit=args.lead,
            member_units=units,
            linked_leader_post=args.linked_post,
            org_issues=issues,
        )
    print("已更新工作组。")
    return EXIT_OK


def cmd_member(args: argparse.Namespace, env: Environment) -> int:
    from app.services.campaign.plan import add_member

    with open_workspace(args, env) as ws:
        add_member(
            ws,
            _campaign(ws, args.village),
            role=args.role,
            name=args.name,
            unit=args.unit,
            post=args.post,
            phone=args.phone,
        )
    print("已添加工作组人员。")
    return EXIT_OK


def cmd_plan(args: argparse.Namespace, env: Environment) -> int:
    from app.services.campaign.plan import add_task
    from app.services.campaign.reads import campaign_detail
    from app.storage.models import ClueTransfer, RectificationNotice

    with open_workspace(args, env) as ws:
        cid = _campaign(ws, args.village)
        if args.title is not None or args.heading is not None:
            if args.heading is None or args.title is None or args.unit is None:
                raise Refused("新增任务须同时给出 --heading、--title、--unit 和 --deadline。")
            clue = _by_number(ws, ClueTransfer, args.clue) if args.clue else None
            notice = _by_number(ws, RectificationNotice, args.notice) if args.notice else None
            system = _system_code(ws, args.system) if args.system else ""
            changed = add_task(
                ws,
                cid,
                heading=args.heading,
                title=args.title,
                owner_unit=args.unit,
                deadline=args.deadline,
                detail=args.detail,
                clue_transfer_id=clue,
                notice_id=notice,
                system=system,
                org_issue=args.issue,
            )
            print(changed.of("campaign_task")[0])
            return EXIT_OK
        d = campaign_detail(ws, cid, args.today)
    if args.json:
        print(json.dumps([_task_json(t) for t in d.tasks], ensure_ascii=False, indent=1))
        return EXIT_OK
    for heading, tasks in d.by_heading().items():
        print(f"【{heading.label}】{len(tasks)}项")
        for t in tasks:
            colour = f"（{t.colour.label}）" if t.colour.value != "none" else ""
            link = f" [{t.link}]" if t.link else ""
            print(
                f"  {t.number}\t{t.title}{link}\t{t.owner_unit}\t{_d(t.deadline)}\t"
                f"{t.status.label}{colour}\t{t.task_id}"
            )
    return EXIT_OK


def _task_json(t: Any) -> dict[str, Any]:
    return {
        "id": t.task_id,
        "number": t.number,
        "heading": t.heading.value,
        "title": t.title,
        "owner_unit": t.owner_unit,
        "deadline": _d(t.deadline),
        "status": t.status.value,
        "colour": t.colour.value,
        "days_left": t.days_left,
        "link": t.link,
    }


def _system_code(ws: Workspace, name: str) -> str:
    from app.services.campaign.common import ws_catalogue

    for d in ws_catalogue(ws):
        if name in (d.code, d.label):
            return d.code
    raise Refused(f"没有这项制度：{name}（可在设置中增加）")


def cmd_progress(args: argparse.Namespace, env: Environment) -> int:
    from app.services.campaign.progress import add_progress

    photos = _photos(args.photo)
    with open_workspace(args, env) as ws:
        changed = add_progress(
            ws,
            _task(ws, args.task, args.village),
            args.text,
            status_after=args.status,
            on=args.on,
            photos=photos,
            today=args.today,
        )
    print(changed.message)
    return EXIT_OK


def cmd_case(args: argparse.Namespace, env: Environment) -> int:
    from app.services.campaign.plan import add_case
    from app.storage.models import ClueTransfer

    with open_workspace(args, env) as ws:
        clue = _by_number(ws, ClueTransfer, args.clue) if args.clue else None
        add_case(
            ws,
            _task(ws, args.task, args.village),
            stage=args.stage,
            on=args.on,
            clue_transfer_id=clue,
            persons=args.persons,
            gang_related=args.gang,
            note=args.note,
        )
    print(f"已登记：{args.stage.label}。")
    return EXIT_OK


def cmd_cadre(args: argparse.Namespace, env: Environment) -> int:
    from app.services.campaign.plan import add_cadre_change

    with open_workspace(args, env) as ws:
        add_cadre_change(
            ws,
            _task(ws, args.task, args.village),
            kind=args.kind,
            post=args.post,
            on=args.on,
            note=args.note,
        )
    print(f"已登记班子调整：{args.kind.label}{args.post}。")
    return EXIT_OK


def cmd_system(args: argparse.Namespace, env: Environment) -> int:
    from app.services.campaign.systems import set_system

    with open_workspace(args, env) as ws:
        set_system(
            ws,
            _village(ws, args.village),
            _system_code(ws, args.system),
            args.status,
            on=args.on,
            source=args.source,
            practice=args.practice,
            note=args.note,
        )
    print(f"已登记：{args.system} {args.status.label}。")
    return EXIT_OK


def cmd_check(args: argparse.Namespace, env: Environment) -> int:
    from app.services.campaign.progress import add_check

    with open_workspace(args, env) as ws:
        add_check(
            ws,
            _campaign(ws, args.village),
            checker=args.checker,
            findings=args.findings,
            rating=args.rating,
            on=args.on,
            today=args.today,
        )
    print(f"已登记督查：{args.rating.label}。")
    return EXIT_OK


def cmd_evaluate(args: argparse.Namespace, env: Environment) -> int:
    from app.services.campaign.evaluate import evaluate

    with open_workspace(args, env) as ws:
        changed = evaluate(
            ws,
            _campaign(ws, args.village),
            kind=args.kind,
            outcome=args.outcome,
            reasons=args.reasons,
            on=args.on,
            tier=args.tier,
            today=args.today,
        )
    print(changed.message)
    return EXIT_OK


def cmd_list(args: argparse.Namespace, env: Environment) -> int:
    from app.services.campaign.reads import campaign_rows

    with open_workspace(args, env) as ws:
        rows = campaign_rows(ws, args.today)
    if args.json:
        out = [
            {
                "campaign_id": r.campaign_id,
                "township": r.township,
                "village": r.village,
                "status": r.status.value,
                "status_label": r.status.label,
                "tier": r.tier.value if r.tier else None,
                "decision": r.decision,
                "tasks": r.tasks,
                "done": r.done,
                "yellow": r.yellow,
                "red": r.red,
                "review_due": _d(r.review_due) or None,
            }
            for r in rows
        ]
        print(json.dumps(out, ensure_ascii=False, indent=1))
        return EXIT_OK
    if not rows:
        print("还没有集中整治村（社区）。")
    for r in rows:
        review = f"\t回头看 {_d(r.review_due)}" if r.review_due else ""
        print(
            f"{r.place}\t{r.status.label}\t{r.tier.label if r.tier else '—'}\t"
            f"任务 {r.done}/{r.tasks}\t红 {r.red} 黄 {r.yellow}{review}"
        )
    return EXIT_OK


def cmd_show(args: argparse.Namespace, env: Environment) -> int:
    from app.services.campaign.reads import campaign_detail

    with open_workspace(args, env) as ws:
        d = campaign_detail(ws, _campaign(ws, args.village), args.today)
    if args.json:
        out = {
            "village": d.place,
            "status": d.status.value,
            "tier": d.tier.value if d.tier else None,
            "decision": d.decision,
            "lead_unit": d.lead_unit,
            "member_units": d.member_units,
            "members": [asdict(m) for m in d.members],
            "tasks": [_task_json(t) for t in d.tasks],
            "cases": d.cases,
            "cadre_changes": d.cadre_changes,
            "systems": d.systems,
            "checks": d.checks,
            "evaluations": d.evaluations,
            "review_due": _d(d.review_due) or None,
            "tier_history": [
                {
                    "on": _d(st.on) or None,
                    "from": st.from_tier.value if st.from_tier else None,
                    "to": st.to_tier.value,
                    "reason": st.reason,
                    "source": st.source,
                }
                for st in d.tier_history
            ],
        }
        print(json.dumps(out, ensure_ascii=False, indent=1))
        return EXIT_OK
    print(f"{d.place}　{d.status.label}　分类：{d.tier.label if d.tier else '—'}")
    if d.decision:
        print(f"区委决定：{d.decision}（{_d(d.decided_on)}）")
    print(f"牵头单位：{d.lead_unit}　成员单位：{d.member_units or '—'}")
    for title, lines in (
        ("案件查处", d.cases),
        ("班子调整", d.cadre_changes),
        ("制度建设", d.systems),
        ("督查", d.checks),
        ("评估", d.evaluations),
        ("分类变化", [st.describe() for st in d.tier_history]),
    ):
        if lines:
            print(f"{title}：")
            for line in lines:
                print(f"  {line}")
    return EXIT_OK


def cmd_report(args: argparse.Namespace, env: Environment) -> int:
    from app.services.campaign.report import write_campaign_report

    if args.out.exists() and not args.out.is_dir():
        raise Refused(f"输出位置不是文件夹：{args.out}")
    with open_workspace(args, env) as ws:
        files = write_campaign_report(ws, args.out, args.today)
    for path in files.paths():
        print(path)
    return EXIT_OK


def cmd_focus(args: argparse.Namespace, env: Environment) -> int:
    from app.services.campaign.systems import focus_list

    with open_workspace(args, env) as ws:
        rows = focus_list(ws, args.batch)
    if args.json:
        print(json.dumps([asdict(r) for r in rows], ensure_ascii=False, indent=1))
        return EXIT_OK
    if not rows:
        print("没有需要重点查找制度短板的村（社区）。")
    for r in rows:
        print(f"第{r.batch}批\t{r.township}{r.village}")
        for item in r.items:
            print(f"  {item}")
    return EXIT_OK


def cmd_selfcheck_help(args: argparse.Namespace, env: Environment) -> int:  # pragma: no cover
    raise Refused("请指定操作：draft、lists、publish、record、import、show、verify。")


def cmd_sc_draft(args: argparse.Namespace, env: Environment) -> int:
    from app.services.campaign.selfcheck import draft_list, list_info

    with open_workspace(args, env) as ws:
        changed = draft_list(ws, args.after_batch, title=args.title)
        info = list_info(ws, changed.of("typical_problem_list")[0])
    print(f"{changed.message}清单编号：{info.list_id}")
    for iid, n, category, text, _req in info.items:
        print(f"{n}. 【{category}】{text}\t{iid}")
    return EXIT_OK


def cmd_sc_lists(args: argparse.Namespace, env: Environment) -> int:
    from app.services.campaign.selfcheck import lists

    with open_workspace(args, env) as ws:
        found = lists(ws)
    if args.json:
        print(json.dumps([asdict(x) for x in found], ensure_ascii=False, indent=1, default=str))
        return EXIT_OK
    for x in found:
        state = f"已印发 {_d(x.published_on)}" if x.published_on else "未印发"
        print(f"{x.title}\t{len(x.items)}条\t{state}\t自查结果 {x.results}\t{x.list_id}")
    return EXIT_OK


def cmd_sc_publish(args: argparse.Namespace, env: Environment) -> int:
    from app.services.campaign.selfcheck import publish

    if args.out.exists() and not args.out.is_dir():
        raise Refused(f"输出位置不是文件夹：{args.out}")
    with open_workspace(args, env) as ws:
        paths = publish(ws, args.list, args.out, on=args.on)
    for p in paths:
        print(p)
    return EXIT_OK


def cmd_sc_record(args: argparse.Namespace, env: Environment) -> int:
    from app.services.campaign.selfcheck import record_result

    photos = _photos(args.photo)
    with open_workspace(args, env) as ws:
        record_result(
            ws,
            _village(ws, args.village),
            args.item,
            found=args.found,
            fixed=args.fixed,
            note=args.note,
            reported_on=args.on,
            reported_by=args.by,
            photos=photos,
        )
    print("已登记自查结果。")
    return EXIT_OK


def cmd_sc_import(args: argparse.Namespace, env: Environment) -> int:
    from app.services.campaign.selfcheck import import_results

    with open_workspace(args, env) as ws:
        summary = import_results(ws, args.file, reported_on=args.on)
    print(f"已导入自查结果{summary.recorded}条，未填写{summary.blank}行。")
    return EXIT_OK


def cmd_sc_show(args: argparse.Namespace, env: Environment) -> int:
    from app.services.campaign.selfcheck import village_results

    with open_workspace(args, env) as ws:
        rows = village_results(ws, _village(ws, args.village))
    if args.json:
        out = [
            asdict(r)
            | {
                "found": r.found.value,
                "fixed": r.fixed.value,
                "verdict": r.verdict.value,
                "reported_on": _d(r.reported_on),
            }
            for r in rows
        ]
        print(json.dumps(out, ensure_ascii=False, indent=1))
        return EXIT_OK
    if not rows:
        print("该村（社区）没有自查结果。")
    for r in rows:
        print(
            f"{r.number}. 【{r.category}】{r.found.label}，{r.fixed.label}"
            f"{'：' + r.note if r.note else ''}\t{r.verdict.label}\t{r.result_id}"
        )
    return EXIT_OK


def cmd_sc_verify(args: argparse.Namespace, env: Environment) -> int:
    from app.services.campaign.selfcheck import verify

    with open_workspace(args, env) as ws:
        verify(ws, args.result, args.verdict, note=args.note, on=args.on)
    print(f"已核实：{args.verdict.label}。")
    return EXIT_OK
