"""The command line: ``python -m app [--data-dir DIR] [COMMAND]`` (a contract: tests and office
scripts rely on it).

Exit status 0 on success, 1 on a refused or failed job with a one-line reason on stderr, 2 on a
usage error. The password comes from ``XUNCHA_PASSWORD`` when set, else it is asked for (never an
argument). With no command the window opens.
"""

from __future__ import annotations

import argparse
import getpass
import importlib
import json
import shutil
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from app import __version__
from app.config import DEMO_PASSWORD, Environment, default_data_dir, default_demo_dir
from app.domain.vocabulary import WorkspaceKind
from app.storage.errors import WorkspaceError, WorkspaceExists
from app.storage.workspace import Workspace, WorkspacePaths

if TYPE_CHECKING:
    from app.storage.pg.server import PasswordSource

_STARTED = time.perf_counter()
"""When the program started (``--smoke`` reports the time to a ready window from here)."""

EXIT_OK = 0
EXIT_FAILED = 1
EXIT_USAGE = 2

DEMO_TEAM = "淮阳区委第一巡察组"
DEMO_LEADER = "李明"


class Refused(Exception):
    """A job refused for a reason the user must read (one line of Chinese)."""


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # type: ignore[override]
        self.print_usage(sys.stderr)
        print(f"用法错误：{message}", file=sys.stderr)
        sys.exit(EXIT_USAGE)


def iso_date(text: str) -> date:
    """An argparse type: a date written YYYY-MM-DD, refused in Chinese otherwise."""
    try:
        return date.fromisoformat(text)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(f"日期应写作 YYYY-MM-DD：{text}") from exc


def _positive(text: str) -> int:
    try:
        value = int(text)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(f"应为正整数：{text}") from exc
    if value < 1:
        raise argparse.ArgumentTypeError(f"应为正整数：{text}")
    return value


def build_parser() -> argparse.ArgumentParser:
    p = _Parser(prog="python -m app", description="巡察台 XunchaDesk：村级巡察工作台")
    p.add_argument("--version", action="version", version=f"XunchaDesk {__version__}")
    p.add_argument("--data-dir", type=Path, help="工作区文件夹（默认：本机用户数据目录）")
    p.add_argument("--demo", action="store_true", help="使用演示工作区（由 demo 命令生成）")
    p.add_argument("--user", help="用户名（默认：密码对应的用户；也可用 XUNCHA_USER）")
    p.add_argument(
        "--smoke", action="store_true", help="自检：打开主窗口、载入数据后打印 ready in N ms 并退出"
    )
    sub = p.add_subparsers(dest="command", metavar="COMMAND")

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
    demo.add_argument("--villages", type=_positive, default=40, help="村（社区）数，默认 40")
    demo.add_argument("--days", type=_positive, default=14, help="天数，默认 14")
    demo.add_argument("--until", type=iso_date, default=None, help="最后一天（默认今天）")
    demo.add_argument("--seed", type=int, default=1, help="随机种子，默认 1")
    demo.add_argument("--kit", type=Path, help="用组包生成演示巡察组工作区")

    stats = sub.add_parser("stats", help="各类记录条数")
    stats.add_argument("--json", action="store_true", help="以 JSON 输出")

    sub.add_parser("check", help="完整性检查（加密、SQLite、外键、版本、全文索引、照片）")

    backup = sub.add_parser("backup", help="备份数据库（经校验后写入）")
    backup.add_argument("--out", type=Path, required=True, help="备份文件路径")

    sub.add_parser("passwd", help="修改密码（新密码来自 XUNCHA_NEW_PASSWORD 或输入）")

    for module_name in COMMAND_MODULES:
        importlib.import_module(module_name).register(sub)
    return p


COMMAND_MODULES: tuple[str, ...] = (
    "app.commands.sync",
    "app.commands.registry",
    "app.commands.wrapup",
    "app.commands.followup",
    "app.commands.server",
)
"""Modules that add commands: each has ``register(sub)``, which adds its parsers and sets
``handler=function(args, env) -> int`` on them with ``set_defaults``. Add one line per module."""


# -- passwords ---------------------------------------------------------------------------------
def _ask(prompt: str) -> str:
    if not sys.stdin or not sys.stdin.isatty():
        raise Refused("需要密码：请设置环境变量 XUNCHA_PASSWORD，或在终端中运行以便输入。")
    return getpass.getpass(prompt)


def _password(env: Environment) -> str:
    return env.password if env.password is not None else _ask("密码：")


def _new_password(value: str | None, prompt: str = "新密码：") -> str:
    if value is not None:
        if not value:
            raise Refused("密码不能为空。")
        return value
    first = _ask(prompt)
    if not first:
        raise Refused("密码不能为空。")
    if _ask("再次输入：") != first:
        raise Refused("两次输入的密码不一致。")
    return first


# -- commands ----------------------------------------------------------------------------------
def _data_dir(args: argparse.Namespace) -> Path:
    if args.data_dir is not None:
        return Path(args.data_dir)
    return default_demo_dir() if args.demo else default_data_dir()


def db_password(env: Environment) -> PasswordSource:
    """The database server's password (an office on PostgreSQL): ``XUNCHA_DB_PASSWORD``, else
    asked for only when the server wants one and libpq found none in ``.pgpass``."""
    if env.db_password is not None:
        return env.db_password

    def ask() -> str:
        if not sys.stdin or not sys.stdin.isatty():
            raise Refused(
                "数据库服务器要求密码：请设置 XUNCHA_DB_PASSWORD，或在终端中运行以便输入，"
                "或使用 .pgpass 文件。"
            )
        return getpass.getpass("数据库密码：")

    return ask


def open_workspace(args: argparse.Namespace, env: Environment) -> Workspace:
    """Open the workspace the arguments name, with the password from the environment or asked.

    On a database server whose link is not encrypted, says so on stderr (one line).
    """
    ws = Workspace.open(
        _data_dir(args), _password(env), args.user or env.user, db_password=db_password(env)
    )
    if ws.server_notice:
        print(ws.server_notice, file=sys.stderr)
    return ws


_open = open_workspace


def cmd_init(args: argparse.Namespace, env: Environment) -> int:
    root = _data_dir(args)
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
    password = _new_password(env.password, "为新工作区设置密码：")
    kind = WorkspaceKind.OFFICE if args.office else WorkspaceKind.TEAM
    with Workspace.create(
        root,
        team_name=args.team,
        leader=args.leader,
        password=password,
        kind=kind,
        server=server,
        db_password=db_password(env),
    ) as ws:
        if kind is WorkspaceKind.OFFICE:  # the office's key pair for sync bundles
            from app.sync.identity import ensure_office_keys

            ensure_office_keys(ws)
        where = "" if server is None else f"，记录存放在 {server.display()}"
        if ws.server_notice:
            print(ws.server_notice, file=sys.stderr)
    print(f"已新建{kind.label}工作区：{root}{where}")
    return EXIT_OK


def cmd_demo(args: argparse.Namespace, env: Environment) -> int:
    from app.services.demo.build import DemoOptions, fill_demo

    own_folder = args.data_dir is None
    root = Path(args.data_dir) if args.data_dir is not None else default_demo_dir()
    if not own_folder and root.exists() and any(root.iterdir()):
        raise WorkspaceExists(f"文件夹不是空的，演示数据只写入空文件夹：{root}")
    password = env.password if env.password is not None else DEMO_PASSWORD
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

            made = demo_workspace(args.kit, staging, DEMO_LEADER, password)
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
        f"线索移交 {summary.clues}，台账 {summary.ledger_items}，照片 {summary.photos}"
    )
    return EXIT_OK


def cmd_stats(args: argparse.Namespace, env: Environment) -> int:
    from app.services.stats import row_counts

    with _open(args, env) as ws:
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
    from app.storage.check import check_workspace

    with _open(args, env) as ws:
        findings = check_workspace(ws)
    if findings:
        for f in findings:
            print(f, file=sys.stderr)
        return EXIT_FAILED
    print("检查通过：加密与数据库完整，外键一致，版本最新，全文索引同步，照片齐全。")
    return EXIT_OK


def cmd_backup(args: argparse.Namespace, env: Environment) -> int:
    from app.storage.backup import backup_database

    out: Path = args.out
    if out.exists():
        raise Refused(f"备份文件已存在，不会覆盖：{out}")
    with _open(args, env) as ws:
        if ws.on_server:
            from app.storage.pg.backup import backup_server

            result: Any = backup_server(ws.engine, ws.db_key, out)
        else:
            result = backup_database(ws.paths.db, ws.db_key, out)
        with ws.session() as s:
            s.audit("backup", note=out.name)
            s.commit()
    print(f"已备份到 {result.path}（{result.size_bytes // 1024} KB，{result.rows} 行，已校验）")
    return EXIT_OK


def cmd_passwd(args: argparse.Namespace, env: Environment) -> int:
    old = _password(env)
    with Workspace.open(
        _data_dir(args), old, args.user or env.user, db_password=db_password(env)
    ) as ws:
        new = _new_password(env.new_password)
        ws.change_password(ws.username, old, new)
    print("密码已修改（数据库未重新加密，旧备份仍可用当前密钥文件打开）。")
    return EXIT_OK


def cmd_gui(args: argparse.Namespace, env: Environment) -> int:
    if getattr(args, "smoke", False):
        from app.ui.app import run_smoke

        return int(run_smoke(_data_dir(args), env, _STARTED))
    from app.ui.app import run_gui

    return int(run_gui(_data_dir(args), env))


COMMANDS: dict[str | None, Callable[[argparse.Namespace, Environment], int]] = {
    None: cmd_gui,
    "init": cmd_init,
    "demo": cmd_demo,
    "stats": cmd_stats,
    "check": cmd_check,
    "backup": cmd_backup,
    "passwd": cmd_passwd,
}


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    env = Environment.read()
    handler = getattr(args, "handler", None) or COMMANDS[args.command]
    try:
        return int(handler(args, env))
    except (WorkspaceError, Refused) as exc:
        print(f"错误：{exc}", file=sys.stderr)
        return EXIT_FAILED
    except KeyboardInterrupt:
        print("已取消。", file=sys.stderr)
        return EXIT_FAILED
    except OSError as exc:
        print(f"错误：文件操作失败：{exc.strerror or exc}（{exc.filename or ''}）", file=sys.stderr)
        return EXIT_FAILED
