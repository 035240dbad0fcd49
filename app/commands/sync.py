"""Sync commands: ``team-kit``, ``export-bundle``, ``import-bundle``, ``conflicts``.

The kit password comes from ``XUNCHA_KIT_PASSWORD`` when set, else it is asked for (never an
argument), like the workspace password (:func:`app.commands.common.kit_password`).
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from app.commands.common import Refused, kit_password, new_password, open_workspace
from app.config import Environment

if TYPE_CHECKING:
    from app.storage.workspace import Workspace


def cmd_team_kit(args: argparse.Namespace, env: Environment) -> int:
    from app.sync.identity import issue_team_kit

    out: Path = args.out
    if out.exists():
        raise Refused(f"文件已存在，不会覆盖：{out}")
    with open_workspace(args, env) as ws:
        kit = issue_team_kit(ws, args.team, kit_password(env, confirm=True), out)
    print(f"已为“{kit.team_name}”写出组包：{out}（组包密码请另行告知该组）")
    return 0


def cmd_export(args: argparse.Namespace, env: Environment) -> int:
    from app.sync.export import export_bundle

    out: Path = args.out
    if out.exists():
        raise Refused(f"文件已存在，不会覆盖：{out}")
    with open_workspace(args, env) as ws:
        result = export_bundle(ws, out, all_rows=args.all, team=args.team)
    print(
        f"已导出同步包：{out}（{result.rows} 条记录，{result.media} 张照片，"
        f"{result.size_bytes // 1024} KB，更改序号 {result.seq_from}–{result.seq_to}）"
    )
    return 0


def _report_line(path: Path, report: Any) -> str:
    new, upd = report.total("new"), report.total("updated")
    same, conf = report.total("unchanged"), report.total("conflict")
    again = "（此前已导入过）" if report.already_imported else ""
    return (
        f"{path.name}：新增 {new}，更新 {upd}，未变 {same}，冲突 {conf}，"
        f"新照片 {report.media_new}{again}"
    )


def cmd_import(args: argparse.Namespace, env: Environment) -> int:
    from app.storage.errors import WorkspaceError
    from app.sync.merge import import_bundle

    failed = 0
    reports = []
    with open_workspace(args, env) as ws:
        for path in args.files:
            try:
                report = import_bundle(ws, Path(path))
            except WorkspaceError as exc:
                failed += 1
                print(f"错误：{Path(path).name}：{exc}", file=sys.stderr)
                continue
            reports.append(report)
            print(_report_line(Path(path), report))
    if args.json:
        doc = [dict(r.to_json(), file=str(r.path), bundle=r.bundle_id) for r in reports]
        print(json.dumps(doc, ensure_ascii=False, indent=1))
    return 1 if failed else 0


def cmd_conflicts(args: argparse.Namespace, env: Environment) -> int:
    from app.sync.conflicts import decide, list_conflicts

    with open_workspace(args, env) as ws:
        if args.keep or args.take:
            decide(ws, args.keep or args.take, take_incoming=bool(args.take))
            print("已处理冲突。")
            return 0
        items = list_conflicts(ws, open_only=not args.all)
    for c in items:
        print(f"{c.id}  {c.kind_label}  {c.record_id[:8]}  {c.status_label}  {c.team_name}")
    if not items:
        print("没有待处理的冲突。")
    return 0


def init_with_kit(args: argparse.Namespace, env: Environment, root: Path) -> int:
    """``init --kit FILE --leader NAME``: a team workspace provisioned by the kit."""
    from app.sync.identity import join_with_kit

    kit_pw = kit_password(env, confirm=False)
    password = new_password(env.password, "为新工作区设置密码：")
    with join_with_kit(root, args.kit, kit_pw, leader=args.leader, password=password) as ws:
        print(f"已用组包新建巡察组工作区：{root}（{ws.workspace_id[:8]}，本机为独立设备）")
    return 0


def demo_workspace(
    kit: Path, root: Path, leader: str, password: str, env: Environment
) -> Workspace:
    """``demo --kit FILE``: an empty demo workspace provisioned by the kit (to be filled)."""
    from app.sync.identity import join_with_kit

    return join_with_kit(
        root, kit, kit_password(env, confirm=False), leader=leader, password=password, demo=True
    )


def register(sub: Any) -> None:
    kit = sub.add_parser("team-kit", help="为巡察组签发组包（巡察办）")
    kit.add_argument("--team", required=True, help="巡察组名称")
    kit.add_argument("--out", type=Path, required=True, help="组包文件")
    kit.set_defaults(handler=cmd_team_kit)

    exp = sub.add_parser("export-bundle", help="导出同步包（自上次导出以来的更改）")
    exp.add_argument("--out", type=Path, required=True, help="同步包文件")
    exp.add_argument("--all", action="store_true", help="导出全部记录")
    exp.add_argument("--team", help="巡察办：发给哪个巡察组")
    exp.set_defaults(handler=cmd_export)

    imp = sub.add_parser("import-bundle", help="导入同步包（先校验，再一次性合并）")
    imp.add_argument("files", nargs="+", type=Path, metavar="FILE", help="同步包文件")
    imp.add_argument("--json", action="store_true", help="另以 JSON 输出报告")
    imp.set_defaults(handler=cmd_import)

    con = sub.add_parser("conflicts", help="列出或处理同步冲突")
    con.add_argument("--all", action="store_true", help="包括已处理的")
    group = con.add_mutually_exclusive_group()
    group.add_argument("--keep", metavar="ID", help="保留本办版本")
    group.add_argument("--take", metavar="ID", help="采用传入版本")
    con.set_defaults(handler=cmd_conflicts)
