"""``python -m app join --kit FILE``: a team workspace made without a kit joins the office.

The kit password comes from ``XUNCHA_KIT_PASSWORD`` or is asked for. Every record is kept; from
then on the workspace can export bundles (see :mod:`app.sync.join`).
"""

from __future__ import annotations

import argparse
from pathlib import Path

from app.commands.common import EXIT_OK, Refused, kit_password, open_workspace
from app.config import Environment

__all__ = ["register"]


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser("join", help="用巡察办签发的组包加入（保留本工作区的全部记录）")
    p.add_argument("--kit", type=Path, required=True, help="组包文件")
    p.set_defaults(handler=cmd_join)


def cmd_join(args: argparse.Namespace, env: Environment) -> int:
    from app.sync.errors import SyncError
    from app.sync.join import join_existing

    if not args.kit.is_file():
        raise Refused(f"找不到组包文件：{args.kit}")
    password = kit_password(env, confirm=False)
    with open_workspace(args, env) as ws:
        try:
            kit = join_existing(ws, args.kit, password)
        except SyncError as exc:
            raise Refused(str(exc)) from exc
    print(f"已用组包加入巡察办：{kit.team_name}（本工作区的记录全部保留，可以导出同步包了）")
    return EXIT_OK
