"""Commands of an office on a database server (``server-info``, ``db-user add|list|remove``) and
of district → city 汇总 (``district-kit``, ``district-join``, ``report-up``).

A new database user's password comes from ``XUNCHA_NEW_DB_PASSWORD`` when set, else it is asked
for twice; a district kit's password, like a team kit's, from ``XUNCHA_KIT_PASSWORD`` (never an
argument).
"""

from __future__ import annotations

import argparse
import os
from pathlib import Path
from typing import Any

from app.commands.common import Refused, kit_password, new_password, open_workspace
from app.config import Environment

NEW_DB_PASSWORD_ENV = "XUNCHA_NEW_DB_PASSWORD"


def _server_workspace(args: argparse.Namespace, env: Environment) -> Any:

    ws = open_workspace(args, env)
    if not ws.on_server:
        ws.close()
        raise Refused("这个工作区的记录在本机加密库中，不在数据库服务器上。")
    return ws


def cmd_server_info(args: argparse.Namespace, env: Environment) -> int:
    from app.storage.pg.workspace import describe

    with _server_workspace(args, env) as ws:
        info = describe(ws)
    print(f"数据库：{info['address']}")
    print(f"登录角色：{info['role']}")
    print(f"服务器版本：PostgreSQL {info['server']}")
    print(f"连接：{info['link']}")
    return 0


def _district_id(ws: Any, name: str) -> str:
    from app.sync.upward import find_district

    found = find_district(ws, name)
    if found is None:
        raise Refused(f"没有为这个区县签发过上报身份包：{name}")
    return str(found)


def cmd_db_user(args: argparse.Namespace, env: Environment) -> int:
    from app.storage.pg.roles import add_role, list_roles, remove_role

    with _server_workspace(args, env) as ws:
        if args.action == "list":
            with ws.engine.connect() as conn:
                roles = list_roles(conn)
            for r in roles:
                print(f"{r.name}  {r.access_label}  {r.district_id[:8]}")
            if not roles:
                print("还没有数据库用户。")
            return 0
        if args.action == "remove":
            with ws.engine.begin() as conn:
                remove_role(conn, args.role)
            with ws.session() as s:
                s.audit("db_user_remove", note=args.role)
                s.commit()
            print(f"已删除数据库用户：{args.role}")
            return 0
        district = _district_id(ws, args.district) if args.district else ""
        password = new_password(os.environ.get(NEW_DB_PASSWORD_ENV), "新数据库用户的密码：")
        with ws.engine.begin() as conn:
            role = add_role(conn, args.role, password, args.access, district)
        with ws.session() as s:
            s.audit("db_user_add", note=f"{role.name} {role.access}")
            s.commit()
    print(f"已新建数据库用户：{role.name}（{role.access_label}）")
    return 0


def cmd_district_kit(args: argparse.Namespace, env: Environment) -> int:
    from app.sync.upward import issue_district_kit

    if args.out.exists():
        raise Refused(f"文件已存在，不会覆盖：{args.out}")
    with open_workspace(args, env) as ws:
        kit = issue_district_kit(ws, args.district, kit_password(env, confirm=True), args.out)
    print(f"已为“{kit.team_name}”写出上报身份包：{args.out}（密码请另行告知该区县巡察办）")
    return 0


def cmd_district_join(args: argparse.Namespace, env: Environment) -> int:
    from app.sync.upward import adopt_district_kit

    with open_workspace(args, env) as ws:
        kit = adopt_district_kit(ws, args.kit, kit_password(env, confirm=False))
    print(f"本办已取得上报身份：{kit.team_name}（上报给 {kit.office.name}）")
    return 0


def cmd_report_up(args: argparse.Namespace, env: Environment) -> int:
    from app.sync.upward import export_upward

    if args.out.exists():
        raise Refused(f"文件已存在，不会覆盖：{args.out}")
    with open_workspace(args, env) as ws:
        result = export_upward(ws, args.out, all_rows=args.all)
    print(
        f"已导出上报包：{args.out}（{result.rows} 条记录，{result.media} 张照片，"
        f"{result.size_bytes // 1024} KB）"
    )
    return 0


def register(sub: Any) -> None:
    kit = sub.add_parser("district-kit", help="市巡察办为区县签发上报身份包")
    kit.add_argument("--district", required=True, help="区县名称")
    kit.add_argument("--out", type=Path, required=True, help="身份包文件")
    kit.set_defaults(handler=cmd_district_kit)

    join = sub.add_parser("district-join", help="区县巡察办使用市巡察办签发的上报身份包")
    join.add_argument("--kit", type=Path, required=True, help="上报身份包")
    join.set_defaults(handler=cmd_district_join)

    up = sub.add_parser("report-up", help="向市巡察办上报（导出上报包）")
    up.add_argument("--out", type=Path, required=True, help="上报包文件")
    up.add_argument("--all", action="store_true", help="上报全部记录")
    up.set_defaults(handler=cmd_report_up)

    info = sub.add_parser("server-info", help="巡察办数据库服务器：地址、登录角色、连接是否加密")
    info.set_defaults(handler=cmd_server_info)

    user = sub.add_parser("db-user", help="管理数据库服务器上的登录用户（须由库的所有者运行）")
    user.add_argument("action", choices=("add", "list", "remove"))
    user.add_argument("role", nargs="?", default="", help="数据库用户名（小写英文、数字、下划线）")
    user.add_argument(
        "--access",
        choices=("clerk", "reader", "district"),
        default="clerk",
        help="clerk 读写；reader 只读；district 只读一个区县的记录",
    )
    user.add_argument("--district", help="district：区县名称（上报身份包中的名称）")
    user.set_defaults(handler=cmd_db_user)
