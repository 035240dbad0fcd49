"""``log``: the workspace's own error log (encrypted; see :mod:`app.storage.errorlog`).

    log [--last N]

Each failure a command or the window reported: when, which command, the line shown, and the kind
of error (classes, SQLite error name, OS error, where in the program) — never any data.
"""

from __future__ import annotations

import argparse
from typing import Any

from app.commands.common import EXIT_OK, open_workspace, positive_int
from app.config import Environment


def register(sub: Any) -> None:
    log = sub.add_parser("log", help="查看工作区的错误日志（加密保存，不含任何记录内容）")
    log.add_argument("--last", type=positive_int, default=20, help="最后几条，默认 20")
    log.set_defaults(handler=cmd_log)


def cmd_log(args: argparse.Namespace, env: Environment) -> int:
    from app.storage.errorlog import read_log

    with open_workspace(args, env) as ws:
        contents = read_log(ws.paths.root, ws.db_key)
    records = contents.records[-args.last :]
    if not records:
        print("错误日志中没有记录。")
    for r in records:
        kind = " ".join(
            x
            for x in (
                (r.get("types") or [""])[0].rsplit(".", 1)[-1],
                r.get("sqlite") or "",
                r.get("errno") or "",
            )
            if x
        )
        where = (r.get("frames") or [""])[-1]
        print(f"{r.get('at', '')}　{r.get('command', '')}　{r.get('message', '')}")
        if kind or where:
            print(f"　　{kind}　{where}")
    if not contents.complete:
        print("（日志末尾有一条不完整或已被改动的记录，未显示。）")
    return EXIT_OK
