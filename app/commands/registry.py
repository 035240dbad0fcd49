"""Commands of the registry, the channel lists, triage, the batch plan and the public notice.

    channels import FILE [--channel NAME] [--dry-run] [--skip-ambiguous] [--skip-new]
                         [--choose ROW=CODE ...]
    channels history
    villages import FILE [--dry-run]
    triage [--json]
    plan [--suggest] [--save] [--xlsx FILE] [--pdf FILE]
    notice --out FILE (--village NAME ... | --batch N | --all)

``channels import`` prints the match report; it exits 1 (writing nothing) while any row is
ambiguous, unless each such row is decided with ``--choose 行号=村代码`` or all are skipped with
``--skip-ambiguous``. ``triage`` stores each village's tier and style and prints them.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import TYPE_CHECKING, Any

from app.commands.common import EXIT_OK, Refused, iso_date, open_workspace
from app.config import Environment
from app.domain.channels import recognise_channel
from app.domain.names import clean_name, village_key

if TYPE_CHECKING:
    from app.services.registry.channels import ImportPlan

_CHOICE_HELP = "为有歧义的第 ROW 行选定村（填村代码），可重复"


def register(sub: Any) -> None:
    channels = sub.add_parser("channels", help="七个渠道的名单")
    channels_sub = channels.add_subparsers(dest="channels_command", metavar="ACTION", required=True)
    imp = channels_sub.add_parser("import", help="导入渠道名单（CSV 或 .xlsx），先列出匹配情况")
    imp.add_argument("file", type=Path, help="名单文件")
    imp.add_argument(
        "--channel", help="渠道（如 信访、举报、软弱涣散、返贫、治安、中心工作、大数据）"
    )
    imp.add_argument("--dry-run", action="store_true", help="只列出匹配情况，不写入")
    imp.add_argument("--skip-ambiguous", action="store_true", help="跳过有歧义的行")
    imp.add_argument("--skip-new", action="store_true", help="名录中没有的村不新增，跳过")
    imp.add_argument("--choose", action="append", default=[], metavar="ROW=CODE", help=_CHOICE_HELP)
    imp.add_argument(
        "--allow-empty",
        action="store_true",
        help="名单中没有一行能列入时仍导入（清空该渠道的名单）",
    )
    imp.set_defaults(handler=cmd_channels_import)
    hist = channels_sub.add_parser("history", help="已导入的名单（含被替换的）")
    hist.set_defaults(handler=cmd_channels_history)

    villages = sub.add_parser("villages", help="村（社区）名录")
    villages_sub = villages.add_subparsers(dest="villages_command", metavar="ACTION", required=True)
    vimp = villages_sub.add_parser("import", help="从 CSV 或 .xlsx 导入乡镇和村（社区）")
    vimp.add_argument("file", type=Path, help="名录文件（乡镇、村名、村代码）")
    vimp.add_argument("--dry-run", action="store_true", help="只列出结果，不写入")
    vimp.set_defaults(handler=cmd_villages_import)

    triage = sub.add_parser("triage", help="按七个渠道分类（好/中/差）并列出")
    triage.add_argument("--json", action="store_true", help="以 JSON 输出")
    triage.set_defaults(handler=cmd_triage)

    plan = sub.add_parser("plan", help="批次计划")
    plan.add_argument("--suggest", action="store_true", help="按分类给出建议计划")
    plan.add_argument("--save", action="store_true", help="保存（与 --suggest 同用）")
    plan.add_argument("--xlsx", type=Path, help="导出为 Excel 文件")
    plan.add_argument("--pdf", type=Path, help="打印为 PDF（批次安排表）")
    plan.set_defaults(handler=cmd_plan)

    notice = sub.add_parser("notice", help="打印巡察公告（每村一页）")
    notice.add_argument("--out", type=Path, required=True, help="PDF 文件")
    which = notice.add_mutually_exclusive_group(required=True)
    which.add_argument("--village", action="append", help="村名（可带乡镇：城关镇王庄村），可重复")
    which.add_argument("--batch", type=int, help="第几批的全部村")
    which.add_argument("--all", action="store_true", help="全部村（社区）")
    notice.add_argument(
        "--date", type=iso_date, help="公告落款日期 YYYY-MM-DD（默认今天；通常为进驻之日）"
    )
    notice.set_defaults(handler=cmd_notice)


# -- channels ----------------------------------------------------------------------------------


def _choices(values: list[str]) -> dict[int, str]:
    out: dict[int, str] = {}
    for value in values:
        row, sep, code = value.partition("=")
        if not sep or not row.strip().isdigit() or not code.strip():
            raise Refused(f"--choose 应写作 行号=村代码：{value}")
        out[int(row)] = code.strip()
    return out


def print_plan(plan: ImportPlan) -> None:
    from app.services.registry.channels import RowOutcome

    round_name = plan.round_name or "（尚无轮次，导入时新建）"
    print(f"文件：{plan.file_name}　轮次：{round_name}")
    for note in plan.notes:
        print(f"注意：{note}")
    print(plan.summary())
    for r in plan.rows:
        channel = r.channel.label if r.channel else "—"
        given = "/".join(x for x in (r.township, r.village) if x) or "（空）"
        target = f" → {r.village_label}" if r.village_label else ""
        print(f"第 {r.row_number} 行　{r.outcome.label}　{channel}　{given}{target}　{r.reason}")
        if r.outcome is RowOutcome.AMBIGUOUS:
            options = "、".join(f"{c.label}（{c.code or '无代码'}）" for c in r.candidates)
            print(f"　　候选：{options}")
    for c in plan.channels:
        print(
            f"渠道“{c.channel.label}”：列入 {c.listed} 个村（新列入 {len(c.joining)}，"
            f"保留 {len(c.staying)}，移出 {len(c.leaving)}）"
        )
        if c.leaving:
            print(f"　　移出：{'、'.join(c.leaving)}")
        if c.replaces:
            print(f"　　替换原名单：{'、'.join(c.replaces)}（原名单保留在历史中）")


def cmd_channels_import(args: argparse.Namespace, env: Environment) -> int:
    from app.services.registry.channels import (
        ImportOptions,
        RowOutcome,
        apply_channel_import,
        plan_channel_import,
    )

    channel = None
    if args.channel:
        channel = recognise_channel(args.channel)
        if channel is None:
            raise Refused(f"无法识别渠道“{args.channel}”")
    options = ImportOptions(
        channel=channel,
        skip_ambiguous=args.skip_ambiguous,
        skip_new=args.skip_new,
        choices=_choices(args.choose),
        allow_empty=args.allow_empty,
    )
    with open_workspace(args, env) as ws:
        plan = plan_channel_import(ws, args.file, options)
        print_plan(plan)
        if not plan.can_apply:
            raise Refused(
                f"有 {plan.count(RowOutcome.AMBIGUOUS)} 行无法确定是哪个村，未写入：用 "
                "--choose 行号=村代码 选定，或用 --skip-ambiguous 跳过"
            )
        if args.dry_run:
            print("（预览，未写入）")
            return EXIT_OK
        result = apply_channel_import(ws, args.file, plan)
    print(
        f"已导入：名单 {len(result.list_ids)} 份，列入 {result.listings_added} 条，"
        f"停用原名单条目 {result.listings_deactivated} 条，新增村（社区）"
        f"{len(result.villages_created)} 个。请运行 triage 重新分类。"
    )
    return EXIT_OK


def cmd_channels_history(args: argparse.Namespace, env: Environment) -> int:
    from app.services.registry.channels import list_history

    with open_workspace(args, env) as ws:
        history = list_history(ws)
    if not history:
        print("尚未导入任何名单。")
    for h in history:
        state = "在用" if h.active else "已被替换"
        print(
            f"{h.imported_at}　{h.channel.label}　{h.file_name}　{h.rows} 个村"
            f"　{h.imported_by}　{state}"
        )
    return EXIT_OK


# -- villages ----------------------------------------------------------------------------------


def cmd_villages_import(args: argparse.Namespace, env: Environment) -> int:
    from app.services.registry.villages import apply_village_import, plan_village_import

    with open_workspace(args, env) as ws:
        if args.dry_run:
            report = plan_village_import(ws, args.file)
        else:
            report = apply_village_import(ws, args.file)
    for note in report.notes:
        print(f"注意：{note}")
    for r in report.rows:
        print(f"第 {r.row_number} 行　{r.outcome.label}　{r.township}/{r.village}　{r.reason}")
    print(report.summary() + ("（预览，未写入）" if args.dry_run else ""))
    return EXIT_OK


# -- triage ------------------------------------------------------------------------------------


def cmd_triage(args: argparse.Namespace, env: Environment) -> int:
    from app.domain.formats import batch_ordinal
    from app.services.registry.triage import run_triage, triage_rows

    with open_workspace(args, env) as ws:
        run = run_triage(ws)
        rows = triage_rows(ws)
    if args.json:
        data = [
            {
                "township": r.township,
                "village": r.name,
                "code": r.code,
                "tier": r.result.tier.label,
                "style": r.result.style.label,
                "batch": r.batch_number,
                "channels": [c.label for c in r.channels],
                "score": r.result.score,
                "overridden": r.result.overridden,
                "reason": r.result.reason_zh,
            }
            for r in rows
        ]
        print(json.dumps(data, ensure_ascii=False, indent=1))
        return EXIT_OK
    for r in rows:
        batch = batch_ordinal(r.batch_number) if r.batch_number else "未排批次"
        channels = "、".join(c.label for c in r.channels) or "无"
        mark = "（人工）" if r.result.overridden else ""
        print(
            f"{r.township}\t{r.name}\t{r.result.tier.label}{mark}\t{r.result.style.label}\t"
            f"{batch}\t{channels}"
        )
    counts = "，".join(f"{tier.label} {n}" for tier, n in run.counts.items())
    print(f"共 {run.villages} 个村（社区）：{counts}；本次分类有变化 {len(run.changed)} 个。")
    return EXIT_OK


# -- plan and notice -----------------------------------------------------------------------------


def cmd_plan(args: argparse.Namespace, env: Environment) -> int:
    from app.domain.batch_plan import plan_rows
    from app.services.registry.batch_plan import (
        current_plan,
        export_plan_xlsx,
        plan_pdf,
        save_plan,
        suggest_plan,
    )

    if args.save and not args.suggest:
        raise Refused("--save 需与 --suggest 同用")
    from app.services.campaign.systems import focus_for

    with open_workspace(args, env) as ws:
        plan = suggest_plan(ws) if args.suggest else current_plan(ws)
        if args.save:
            save_plan(ws, plan)
        plan.focus = focus_for(ws, plan.phase_three_villages())
        if args.pdf:
            plan_pdf(ws, plan, args.pdf)
    for row in plan_rows(plan):
        print("\t".join(str(x) for x in row))
    if plan.unassigned:
        print(f"未排批次：{len(plan.unassigned)} 个村（社区）")
    for batch, town, village, items in plan.focus_rows():
        print(f"第三步巡察重点\t{batch}\t{town}{village}\t{items}")
    if args.xlsx:
        export_plan_xlsx(plan, args.xlsx)
        print(f"已导出：{args.xlsx}")
    if args.pdf:
        print(f"已打印：{args.pdf}")
    return EXIT_OK


def _find_villages(names: list[str], rows: list[Any]) -> list[str]:
    ids: list[str] = []
    for name in names:
        text = clean_name(name)
        hits = [r for r in rows if clean_name(r.label) == text]
        if not hits:
            hits = [r for r in rows if village_key(r.name) == village_key(text)]
        if not hits:
            raise Refused(f"名录中没有“{name}”")
        if len(hits) > 1:
            raise Refused(f"“{name}”不止一个，请连同乡镇一起写（如 {hits[0].label}）")
        ids.append(hits[0].id)
    return ids


def cmd_notice(args: argparse.Namespace, env: Environment) -> int:
    from app.services.registry.public_notice import print_public_notices
    from app.services.registry.villages import registry_rows

    with open_workspace(args, env) as ws:
        rows = registry_rows(ws)
        if args.all:
            ids = [r.id for r in rows]
        elif args.batch is not None:
            ids = [r.id for r in rows if r.batch_number == args.batch]
            if not ids:
                raise Refused(f"第 {args.batch} 批没有村（社区）")
        else:
            ids = _find_villages(args.village, rows)
        if not ids:
            raise Refused("没有要打印公告的村（社区）")
        printed = print_public_notices(ws, ids, args.out, args.date)
    print(f"已打印巡察公告 {printed.pages} 页：{args.out}")
    return EXIT_OK
