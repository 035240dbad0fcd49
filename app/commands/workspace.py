"""The workspace's own commands: ``init``, ``demo``, ``stats``, ``check``, ``backup``, ``passwd``,
and opening the window (no command)."""

from __future__ import annotations

import argparse
import json
import shutil
import sys
import tempfile
from datetime import date
from pathlib import Path
from typing import Any

from app.commands.common import (
    EXIT_FAILED,
    EXIT_OK,
    EXIT_USAGE,
    Refused,
    data_dir,
    db_password,
    iso_date,
    new_password,
    open_workspace,
    password,
    positive_int,
)
from app.config import DEMO_PASSWORD, Environment, default_demo_dir
from app.domain.vocabulary import WorkspaceKind
from app.storage.errors import WorkspaceExists
from app.storage.paths import WorkspacePaths

DEMO_TEAM = "淮阳区委第一巡察组"
DEMO_LEADER = "李明"
DEMO_OFFICE = "淮阳区委巡察办"


def register(sub: Any) -> None:
    init = sub.add_parser("init", help="新建工作区")
    init.add_argument("--team", help="巡察组（或巡察办）名称（用 --kit 时不需要）")
    init.add_argument("--leader", required=True, help="组长姓名（即登录用户名）")
    init.add_argument("--office", action="store_true", help="新建巡察办工作区")
    init.add_argument("--kit", type=Path, help="巡察办签发的组包（密码见 XUNCHA_KIT_PASSWORD）")
    init.add_argument(
        "--db",
        metavar="URL",
        help="巡察办：记录存放在 PostgreSQL 服务器（postgresql://用户@主机:端口/库名；"
        "密码见 XUNCHA_DB_PASSWORD 或 .pgpass，不写在地址里）",
    )

    demo = sub.add_parser("demo", help="生成演示工作区（密码 demo）")
    demo.add_argument("--villages", type=positive_int, default=40, help="村（社区）数，默认 40")
    demo.add_argument("--days", type=positive_int, default=14, help="天数，默认 14")
    demo.add_argument("--until", type=iso_date, default=None, help="最后一天（默认今天）")
    demo.add_argument("--seed", type=int, default=1, help="随机种子，默认 1")
    demo.add_argument("--kit", type=Path, help="用组包生成演示巡察组工作区")
    demo.add_argument(
        "--office", action="store_true", help="生成巡察办演示工作区（可办理集中整治的全部环节）"
    )

    stats = sub.add_parser("stats", help="各类记录条数")
    stats.add_argument("--json", action="store_true", help="以 JSON 输出")

    check = sub.add_parser(
        "check", help="完整性检查（加密、SQLite、外键、版本、全文索引、照片、记录归属）"
    )
    check.add_argument(
        "--repair", action="store_true", help="清除没有记录引用的照片文件和残留的临时文件（先列出）"
    )

    backup = sub.add_parser("backup", help="备份整个工作区：数据库、密钥文件、照片（经校验）")
    backup.add_argument("--out", type=Path, required=True, help="备份文件路径")

    passwd = sub.add_parser("passwd", help="修改密码（新密码来自 XUNCHA_NEW_PASSWORD 或输入）")
    for parser, handler in (
        (init, cmd_init),
        (demo, cmd_demo),
        (stats, cmd_stats),
        (check, cmd_check),
        (backup, cmd_backup),
        (passwd, cmd_passwd),
    ):
        parser.set_defaults(handler=handler)


def cmd_init(args: argparse.Namespace, env: Environment) -> int:
    from app.storage.workspace import Workspace

    root = data_dir(args)
    if WorkspacePaths(root).has_workspace():
        raise WorkspaceExists(f"这里已有工作区，不会覆盖：{root}")
    if args.kit is not None and not args.office:
        from app.commands.sync import init_with_kit

        return init_with_kit(args, env, root)
    if not args.team:
        print("用法错误：需要 --team NAME（或 --kit FILE）", file=sys.stderr)
        return EXIT_USAGE
    server = None
    if args.db is not None:
        if not args.office:
            print("用法错误：--db 只用于巡察办工作区（--office）", file=sys.stderr)
            return EXIT_USAGE
        from app.storage.pg.server import ServerSettings

        server = ServerSettings.parse(args.db)
    pw = new_password(env.password, "为新工作区设置密码：")
    kind = WorkspaceKind.OFFICE if args.office else WorkspaceKind.TEAM
    with Workspace.create(
        root,
        team_name=args.team,
        leader=args.leader,
        password=pw,
        kind=kind,
        server=server,
        db_password=db_password(env),
    ) as ws:
        if kind is WorkspaceKind.OFFICE:  # the office's key pair for sync bundles
            from app.sync.identity import ensure_office_keys

            ensure_office_keys(ws)
        if ws.server_notice:
            print(ws.server_notice, file=sys.stderr)
        from app.storage.accounts import new_recovery

        code = new_recovery(ws)
    where = "" if server is None else f"，记录存放在 {server.display()}"
    print(f"已新建{kind.label}工作区：{root}{where}")
    from app.commands.users import print_recovery_code

    print_recovery_code(code)
    return EXIT_OK


def cmd_demo(args: argparse.Namespace, env: Environment) -> int:
    from app.services.demo.build import DemoOptions, fill_demo
    from app.storage.workspace import Workspace

    own_folder = args.data_dir is None
    root = Path(args.data_dir) if args.data_dir is not None else default_demo_dir()
    if not own_folder and root.exists() and any(root.iterdir()):
        raise WorkspaceExists(f"文件夹不是空的，演示数据只写入空文件夹：{root}")
    password = env.password if env.password is not None else DEMO_PASSWORD
    if args.until is not None and args.until > date.today():
        raise Refused("演示数据的最后一天不能晚于今天（记录的时间不能晚于现在）。")
    opts = DemoOptions(
        villages=args.villages,
        days=args.days,
        until=args.until or date.today(),
        seed=args.seed,
    )
    root.parent.mkdir(parents=True, exist_ok=True)
    staging_parent = Path(tempfile.mkdtemp(prefix=f".{root.name}.demo-", dir=root.parent))
    try:
        staging = staging_parent / "ws"
        if args.kit is not None:  # a demo team provisioned by the office's kit
            from app.commands.sync import demo_workspace

            made = demo_workspace(args.kit, staging, DEMO_LEADER, password, env)
        elif args.office:  # the district's inspection office
            from app.sync.identity import ensure_office_keys

            made = Workspace.create(
                staging,
                team_name=DEMO_OFFICE,
                leader=DEMO_LEADER,
                password=password,
                demo=True,
                kind=WorkspaceKind.OFFICE,
            )
            ensure_office_keys(made)
        else:
            made = Workspace.create(
                staging, team_name=DEMO_TEAM, leader=DEMO_LEADER, password=password, demo=True
            )
        with made as ws:
            summary = fill_demo(ws, opts)
        if root.exists():  # our own demo folder: the old demo goes only once the new one stands
            old = staging_parent / "old"
            root.rename(old)
        staging.rename(root)
    finally:
        shutil.rmtree(staging_parent, ignore_errors=True)
    print(
        f"演示工作区：{root}（密码 {password if env.password is None else '见 XUNCHA_PASSWORD'}）\n"
        f"村（社区）{summary.villages} 个，走访 {summary.visits}，意见箱 {summary.entries}，"
        f"谈话 {summary.interviews}，问题 {summary.problems}，通知书 {summary.notices}，"
        f"线索移交 {summary.clues}，台账 {summary.ledger_items}，照片 {summary.photos}，"
        f"集中整治村 {summary.campaigns}，未巡先改自查结果 {summary.selfchecks}"
    )
    return EXIT_OK


def cmd_stats(args: argparse.Namespace, env: Environment) -> int:
    from app.services.stats import row_counts

    with open_workspace(args, env) as ws:
        counts = row_counts(ws)
    if args.json:
        print(json.dumps({c.kind: c.live for c in counts}, ensure_ascii=False, indent=1))
    else:
        width = max(len(c.label) for c in counts)
        for c in counts:
            retired = f"（另有作废 {c.retired}）" if c.retired else ""
            print(f"{c.label}{'　' * (width - len(c.label))}  {c.live:>8}{retired}")
    return EXIT_OK


def cmd_check(args: argparse.Namespace, env: Environment) -> int:
    from app.storage.check import check_workspace, repair_workspace

    with open_workspace(args, env) as ws:
        if getattr(args, "repair", False):
            removed = repair_workspace(ws)
            print(f"已清除 {len(removed)} 个文件。" if removed else "没有需要清除的文件。")
        findings = check_workspace(ws)
    if findings:
        for f in findings:
            print(f, file=sys.stderr)
        return EXIT_FAILED
    print("检查通过：加密与数据库完整，外键一致，版本最新，全文索引同步，照片齐全，记录归属一致。")
    return EXIT_OK


def cmd_backup(args: argparse.Namespace, env: Environment) -> int:
    from app.storage.archive import backup_workspace

    out: Path = args.out
    if out.exists():
        raise Refused(f"备份文件已存在，不会覆盖：{out}")
    with open_workspace(args, env) as ws:
        with ws.session() as s:  # who took a copy of everything is recorded before the copy
            s.audit("backup", note=out.name)
            s.commit()
        if ws.on_server:
            from app.storage.pg.backup import backup_server

            dumped = backup_server(ws.engine, ws.db_key, out)
            print(
                f"已备份到 {dumped.path}（{dumped.size_bytes // 1024} KB，{dumped.rows} 行，"
                "已校验）"
            )
            return EXIT_OK
        p = ws.paths
        result = backup_workspace(p.root, p.db, p.key, p.media, ws.db_key, out)
    print(
        f"已备份到 {result.path}（{result.size_bytes // 1024} KB，含数据库、密钥文件 workspace.key"
        f" 和 {result.media} 个照片文件，已校验）。恢复：restore 备份文件 --to 新文件夹，"
        "需要备份时的任一用户密码或恢复码。"
    )
    return EXIT_OK


def cmd_passwd(args: argparse.Namespace, env: Environment) -> int:
    from app.storage.workspace import Workspace

    old = password(env)
    with Workspace.open(
        data_dir(args),
        old,
        args.user or env.user,
        lock_wait=env.lock_wait,
        db_password=db_password(env),
    ) as ws:
        new = new_password(env.new_password)
        ws.change_password(ws.username, old, new)
    print("密码已修改（数据库未重新加密，旧备份仍可用当前密钥文件打开）。")
    return EXIT_OK


def cmd_gui(args: argparse.Namespace, env: Environment, started: float) -> int:
    """No command: the window (``--smoke``: open it, report the time to ready, exit)."""
    from app.ui import launch

    if args.smoke == "login":
        return launch.run_login_smoke(data_dir(args), env, started)
    if args.smoke:
        return launch.run_smoke(data_dir(args), env, started)
    return launch.run_gui(data_dir(args), env)
