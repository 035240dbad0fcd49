"""What every command shares: exit statuses, the refusal, opening the workspace, asking for
passwords, and the argparse types.

A handler takes ``(args, env)`` and returns an exit status; it raises :class:`Refused` (or a
:class:`~app.storage.errors.WorkspaceError`) with one line of Chinese to refuse, and ``app.cli``
prints it. Passwords come from the environment (:class:`~app.config.Environment`) or are asked for
on a terminal, never from an argument.
"""

from __future__ import annotations

import argparse
import getpass
import sys
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from app.config import (
    DB_PASSWORD_ENV,
    KIT_PASSWORD_ENV,
    PASSWORD_ENV,
    Environment,
    default_data_dir,
    default_demo_dir,
)
from app.domain.errors import UserError

if TYPE_CHECKING:  # the database code is imported by the commands that open a workspace
    from app.storage.workspace import Workspace

if TYPE_CHECKING:
    from app.storage.pg.server import PasswordSource

EXIT_OK = 0
EXIT_FAILED = 1
EXIT_USAGE = 2


class Refused(UserError):
    """A job refused for a reason the user must read (one line of Chinese)."""


# -- argparse types ----------------------------------------------------------------------------
def iso_date(text: str) -> date:
    """An argparse type: a date written YYYY-MM-DD, refused in Chinese otherwise."""
    try:
        return date.fromisoformat(text)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(f"日期应写作 YYYY-MM-DD：{text}") from exc


def positive_int(text: str) -> int:
    """An argparse type: a whole number from 1 up."""
    try:
        value = int(text)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(f"应为正整数：{text}") from exc
    if value < 1:
        raise argparse.ArgumentTypeError(f"应为正整数：{text}")
    return value


# -- passwords ---------------------------------------------------------------------------------
def ask(prompt: str, env_name: str = PASSWORD_ENV) -> str:
    """Ask on the terminal; without one, say which environment variable would give the answer."""
    if not sys.stdin or not sys.stdin.isatty():
        raise Refused(
            f"需要{prompt.rstrip('：')}：请设置环境变量 {env_name}，或在终端中运行以便输入。"
        )
    return getpass.getpass(prompt)


def password(env: Environment) -> str:
    """The workspace password: ``XUNCHA_PASSWORD`` or asked."""
    return env.password if env.password is not None else ask("密码：")


def new_password(value: str | None, prompt: str = "新密码：") -> str:
    """A new password: the given value (from the environment) or asked twice."""
    if value is not None:
        if not value:
            raise Refused("密码不能为空。")
        return value
    first = ask(prompt)
    if not first:
        raise Refused("密码不能为空。")
    if ask("再次输入：") != first:
        raise Refused("两次输入的密码不一致。")
    return first


def kit_password(env: Environment, *, confirm: bool) -> str:
    """The team kit's password: ``XUNCHA_KIT_PASSWORD`` or asked (twice when sealing a kit)."""
    if env.kit_password is not None:
        if not env.kit_password:
            raise Refused("组包密码不能为空。")
        return env.kit_password
    first = ask("组包密码：", KIT_PASSWORD_ENV)
    if not first:
        raise Refused("组包密码不能为空。")
    if confirm and ask("再次输入：", KIT_PASSWORD_ENV) != first:
        raise Refused("两次输入的密码不一致。")
    return first


# -- the workspace -----------------------------------------------------------------------------
def data_dir(args: argparse.Namespace) -> Path:
    """The folder the arguments name: ``--data-dir``, the demo's, or the default one."""
    if args.data_dir is not None:
        return Path(args.data_dir)
    return default_demo_dir() if args.demo else default_data_dir()


def db_password(env: Environment) -> PasswordSource:
    """The database server's password (an office on PostgreSQL): ``XUNCHA_DB_PASSWORD``, else
    asked for only when the server wants one and libpq found none in ``.pgpass``."""
    if env.db_password is not None:
        return env.db_password
    return lambda: ask("数据库密码：", DB_PASSWORD_ENV)


def open_workspace(args: argparse.Namespace, env: Environment) -> Workspace:
    """Open the workspace the arguments name, with the password from the environment or asked.

    A write that has to wait for another program says so once on a terminal; when the wait
    (``XUNCHA_LOCK_WAIT``, default 60 s) runs out the command fails with one line naming who
    holds the database. On a database server whose link is not encrypted, says so on stderr (one
    line).
    """
    from app.storage.workspace import Workspace

    ws = Workspace.open(
        data_dir(args),
        password(env),
        args.user or env.user,
        lock_wait=env.lock_wait,
        db_password=db_password(env),
    )
    if sys.stderr is not None and sys.stderr.isatty():
        ws.locks.on_wait = lambda line: print(line, file=sys.stderr, flush=True)
    if ws.server_notice:
        print(ws.server_notice, file=sys.stderr)
    return ws
