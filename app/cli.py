"""The command line: ``python -m app [--data-dir DIR] [COMMAND]`` (a contract: tests and office
scripts rely on it).

Exit status 0 on success, 1 on a refused or failed job with a one-line reason on stderr, 2 on a
usage error. The password comes from ``XUNCHA_PASSWORD`` when set, else it is asked for (never an
argument). With no command the window opens. The commands live in ``app/commands`` (one module per
area, see :data:`COMMAND_MODULES`); what they share is in :mod:`app.commands.common`.
"""

from __future__ import annotations

import argparse
import importlib
import sys
import time
from collections.abc import Sequence
from pathlib import Path

from app import __version__
from app.commands.common import EXIT_FAILED, EXIT_USAGE
from app.config import Environment
from app.domain.errors import UserError

_STARTED = time.perf_counter()
"""When the program started (``--smoke`` reports the time to a ready window from here)."""


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # type: ignore[override]
        self.print_usage(sys.stderr)
        print(f"用法错误：{message}", file=sys.stderr)
        sys.exit(EXIT_USAGE)


COMMAND_MODULES: tuple[str, ...] = (
    "app.commands.workspace",
    "app.commands.sync",
    "app.commands.registry",
    "app.commands.wrapup",
    "app.commands.followup",
    "app.commands.suggest",
    "app.commands.log",
    "app.commands.users",
    "app.commands.steps",
    "app.commands.join",
    "app.commands.campaign",
    "app.commands.server",
)
"""Modules that add commands: each has ``register(sub)``, which adds its parsers and sets
``handler=function(args, env) -> int`` on them with ``set_defaults``. Add one line per module."""


def build_parser() -> argparse.ArgumentParser:
    p = _Parser(prog="python -m app", description="巡察台 XunchaDesk：村级巡察工作台")
    p.add_argument("--version", action="version", version=f"XunchaDesk {__version__}")
    p.add_argument("--data-dir", type=Path, help="工作区文件夹（默认：本机用户数据目录）")
    p.add_argument("--demo", action="store_true", help="使用演示工作区（由 demo 命令生成）")
    p.add_argument("--user", help="用户名（默认：密码对应的用户；也可用 XUNCHA_USER）")
    p.add_argument(
        "--smoke",
        nargs="?",
        const="window",
        choices=("window", "login"),
        help="自检：打开主窗口、载入数据后打印 ready in N ms 并退出（=login：登录窗口出现即退出）",
    )
    sub = p.add_subparsers(dest="command", metavar="COMMAND")
    for module_name in COMMAND_MODULES:
        importlib.import_module(module_name).register(sub)
    return p


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    env = Environment.read()
    from app.storage.errorlog import install_logging

    install_logging()  # the program's logs go to the workspace's encrypted log, never stderr
    try:
        handler = getattr(args, "handler", None)
        if handler is None:
            from app.commands.workspace import cmd_gui

            return int(cmd_gui(args, env, _STARTED))
        return int(handler(args, env))
    except KeyboardInterrupt:
        print("已取消。", file=sys.stderr)
        return EXIT_FAILED
    except Exception as exc:  # every failure: one line of Chinese, no traceback, no data
        return _failed(args, exc)


def _failed(args: argparse.Namespace, exc: Exception) -> int:
    from app.commands.common import data_dir
    from app.storage import errorlog
    from app.storage.failures import describe

    if isinstance(exc, UserError):
        line = str(exc)
    else:
        try:
            where: Path | None = errorlog.current_root() or data_dir(args)
        except Exception:
            where = None
        line = describe(exc, where)
    print(f"错误：{line}", file=sys.stderr)
    errorlog.log_failure(line, exc, command=str(getattr(args, "command", "") or "gui"))
    return EXIT_FAILED
