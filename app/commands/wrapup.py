"""``python -m app wrapup --date YYYY-MM-DD --out DIR``: write that day's daily report (巡察日报).

Prints the path of each file written. Exit 1 (one line on stderr) when the date has no records.
A day not yet signed off prints as a draft (草稿).
"""

from __future__ import annotations

import argparse
from datetime import date
from pathlib import Path

from app.commands.common import Refused, iso_date, open_workspace
from app.config import Environment

EXIT_OK = 0


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser("wrapup", help="昼巡夜结：输出某日的巡察日报（PDF）")
    p.add_argument("--date", type=iso_date, required=True, help="日期 YYYY-MM-DD")
    p.add_argument("--out", type=Path, required=True, help="输出文件夹")
    p.set_defaults(handler=cmd_wrapup)


def cmd_wrapup(args: argparse.Namespace, env: Environment) -> int:
    from app.services.followup.papers import write_day_documents
    from app.services.wrapup.files import write_daily_report
    from app.services.wrapup.report import day_has_records

    day: date = args.date
    out: Path = args.out
    if out.exists() and not out.is_dir():
        raise Refused(f"输出位置不是文件夹：{out}")
    with open_workspace(args, env) as ws:
        if not day_has_records(ws, day):
            raise Refused(f"{day.isoformat()}没有任何记录，无法生成巡察日报。")
        paths = write_daily_report(ws, day, out)
        paths += write_day_documents(ws, day, out)  # the day's notices, transfers, ledger
    for path in paths:
        print(path)
    return EXIT_OK
