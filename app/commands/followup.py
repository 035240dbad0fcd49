"""Commands of follow-up and its papers.

    due [--json] [--all] [--today YYYY-MM-DD]
    numbering [--on | --off] [--prefix 代字] [--last N --year YYYY] [--pending] [--check]
    print notice --id ID --out PATH
    print transfer --id ID --out PATH [--with-names]
    print ledger (--village NAME | --township NAME) --out DIR
    print village-report --village NAME --out PATH

``due`` lists what is due soon and overdue (kind, number, village, unit, deadline, days left,
colour). ``numbering`` shows and sets this device's numbering role (see
:mod:`app.services.followup.numbering`); ``--check`` exits 1 when a series has a gap or a duplicate.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from app.commands.common import EXIT_FAILED, EXIT_OK, Refused, iso_date, open_workspace
from app.config import Environment
from app.domain.deadlines import days_left_zh
from app.domain.followup import TransitionRefused
from app.domain.numbering import NumberingError

__all__ = ["register"]


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    due = sub.add_parser("due", help="列出即将到期和逾期的整改、移交、台账事项")
    due.add_argument("--json", action="store_true", help="以 JSON 输出")
    due.add_argument("--all", action="store_true", help="列出全部未办结事项（含未到预警期）")
    due.add_argument("--today", type=iso_date, help="按此日期计算（默认今天）")
    due.set_defaults(handler=cmd_due)

    num = sub.add_parser("numbering", help="发文编号：本机编号角色、机关代字、连续性检查")
    role = num.add_mutually_exclusive_group()
    role.add_argument("--on", action="store_true", help="本机为编号机（组长电脑）")
    role.add_argument("--off", action="store_true", help="本机不编号")
    num.add_argument("--prefix", help="设置机关代字，如 淮巡立改")
    num.add_argument("--last", type=int, help="接续编号：原编号机最后使用的序号")
    num.add_argument("--year", type=int, help="与 --last 同用的年份")
    num.add_argument("--pending", action="store_true", help="为待编号的文书编号")
    num.add_argument("--check", action="store_true", help="检查各年度文号是否连续、有无重号")
    num.set_defaults(handler=cmd_numbering)

    pr = sub.add_parser("print", help="打印文书（PDF）")
    kinds = pr.add_subparsers(dest="print_kind", metavar="KIND", required=True)
    n = kinds.add_parser("notice", help="立行立改通知书")
    n.add_argument("--id", required=True, help="通知书编号（记录 id）或文号")
    n.add_argument("--out", type=Path, required=True, help="PDF 文件或文件夹")
    n.set_defaults(handler=cmd_print_notice)
    t = kinds.add_parser("transfer", help="问题线索移交函及登记表")
    t.add_argument("--id", required=True, help="移交记录 id 或文号")
    t.add_argument("--out", type=Path, required=True, help="PDF 文件或文件夹")
    t.add_argument("--with-names", action="store_true", help="列出反映人姓名（须有权限）")
    t.set_defaults(handler=cmd_print_transfer)
    lg = kinds.add_parser("ledger", help="整改台账（PDF 和 .xlsx）")
    where = lg.add_mutually_exclusive_group(required=True)
    where.add_argument("--village", help="村名（可带乡镇：城关镇王庄村）")
    where.add_argument("--township", help="乡镇名")
    lg.add_argument("--out", type=Path, required=True, help="输出文件夹")
    lg.add_argument("--today", type=iso_date, help="台账截至日期（默认今天）")
    lg.set_defaults(handler=cmd_print_ledger)
    vr = kinds.add_parser("village-report", help="村巡察报告")
    vr.add_argument("--village", required=True, help="村名（可带乡镇）")
    vr.add_argument("--out", type=Path, required=True, help="PDF 文件或文件夹")
    vr.add_argument("--today", type=iso_date, help="报告日期（默认今天）")
    vr.set_defaults(handler=cmd_print_village_report)


def cmd_due(args: argparse.Namespace, env: Environment) -> int:
    from app.services.followup.due import due_items

    with open_workspace(args, env) as ws:
        rows = due_items(ws, args.today, everything=args.all)
    if args.json:
        print(json.dumps([r.as_json() for r in rows], ensure_ascii=False, indent=1))
        return EXIT_OK
    if not rows:
        print("没有即将到期或逾期的事项。")
        return EXIT_OK
    print("类别\t文号\t村（社区）\t责任单位\t时限\t剩余天数\t预警")
    for r in rows:
        print(
            f"{r.kind.label}\t{r.number or '—'}\t{r.township}{r.village}\t{r.unit}\t"
            f"{r.deadline.isoformat()}\t{days_left_zh(r.days_left)}\t{r.colour.label}"
        )
    return EXIT_OK


def cmd_numbering(args: argparse.Namespace, env: Environment) -> int:
    from app.services.followup import numbering as nb

    if (args.last is None) != (args.year is None):
        raise Refused("--last 和 --year 须同时给出。")
    try:
        with open_workspace(args, env) as ws:
            if args.prefix is not None:
                nb.set_prefix(ws, args.prefix)
            if args.on or args.off:
                nb.set_numbering(ws, bool(args.on))
            if args.last is not None:
                nb.take_over(ws, args.year, args.last)
            if args.pending:
                changed = nb.number_pending(ws)
                print(f"已编号{len(changed)}份。")
            st = nb.numbering_status(ws)
            reports = nb.series_reports(ws)
    except NumberingError as exc:
        raise Refused(str(exc)) from exc
    print(f"本机编号角色：{'编号机' if st.issuer else '不编号'}")
    print(f"机关代字：{st.prefix or '（未设置）'}")
    for year, last in st.counters:
        print(f"{year}年本机已编至：{last}号")
    print(f"待编号文书：{st.pending}份")
    for r in reports:
        print(r.describe())
    if args.check and any(not r.ok for r in reports):
        return EXIT_FAILED
    return EXIT_OK


def _find(ws: object, model: type, key: str) -> str:
    from sqlmodel import col, or_, select

    from app.storage.workspace import Workspace

    assert isinstance(ws, Workspace)
    with ws.session() as s:
        row = s.exec(
            select(model.id).where(  # type: ignore[attr-defined]
                or_(model.id == key, model.doc_number == key),  # type: ignore[attr-defined]
                col(model.retired_at).is_(None),  # type: ignore[attr-defined]
            )
        ).first()
    if row is None:
        raise Refused(f"找不到：{key}")
    return str(row)


def cmd_print_notice(args: argparse.Namespace, env: Environment) -> int:
    from app.services.followup.papers import write_notice
    from app.storage.models import RectificationNotice

    with open_workspace(args, env) as ws:
        nid = _find(ws, RectificationNotice, args.id)
        try:
            path = write_notice(ws, nid, args.out)
        except TransitionRefused as exc:
            raise Refused(str(exc)) from exc
    print(path)
    return EXIT_OK


def cmd_print_transfer(args: argparse.Namespace, env: Environment) -> int:
    from app.services.followup.papers import write_transfer
    from app.storage.models import ClueTransfer

    with open_workspace(args, env) as ws:
        tid = _find(ws, ClueTransfer, args.id)
        try:
            path = write_transfer(ws, tid, args.out, include_protected=args.with_names)
        except TransitionRefused as exc:
            raise Refused(str(exc)) from exc
    print(path)
    return EXIT_OK


def _village_id(ws: object, name: str) -> str:
    from sqlmodel import col, select

    from app.storage.models import Township, Village
    from app.storage.workspace import Workspace

    assert isinstance(ws, Workspace)
    with ws.session() as s:
        towns = {t.id: t.name for t in s.exec(select(Township)).all()}
        found = [
            v.id
            for v in s.exec(select(Village).where(col(Village.retired_at).is_(None))).all()
            if name in (v.name, towns.get(v.township_id, "") + v.name)
        ]
    if not found:
        raise Refused(f"找不到村（社区）：{name}")
    if len(found) > 1:
        raise Refused(f"有多个村叫“{name}”，请带上乡镇名，如 城关镇{name}")
    return found[0]


def cmd_print_ledger(args: argparse.Namespace, env: Environment) -> int:
    from sqlmodel import select

    from app.services.followup.papers import LedgerScope, write_ledger_files
    from app.storage.models import Township

    if args.out.exists() and not args.out.is_dir():
        raise Refused(f"输出位置不是文件夹：{args.out}")
    with open_workspace(args, env) as ws:
        if args.village:
            scope = LedgerScope(village_id=_village_id(ws, args.village))
        else:
            with ws.session() as s:
                town = s.exec(select(Township).where(Township.name == args.township)).first()
            if town is None:
                raise Refused(f"找不到乡镇：{args.township}")
            scope = LedgerScope(township_id=town.id)
        paths = write_ledger_files(ws, scope, args.out, args.today)
    for p in paths:
        print(p)
    return EXIT_OK


def cmd_print_village_report(args: argparse.Namespace, env: Environment) -> int:
    from app.services.followup.village_report import write_village_report

    with open_workspace(args, env) as ws:
        vid = _village_id(ws, args.village)
        path = write_village_report(ws, vid, args.out, args.today)
    print(path)
    return EXIT_OK
