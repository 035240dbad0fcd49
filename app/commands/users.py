"""Users and recovery: ``user add|remove|list``, ``recovery-key``, ``recover``,
``office-recover``, ``restore``.

Passwords and codes never come as arguments: the new user's password from
``XUNCHA_NEW_PASSWORD`` (else asked twice), the recovery code from ``XUNCHA_RECOVERY_CODE``
(else asked).
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from app.config import RECOVERY_CODE_ENV, Environment
from app.domain.vocabulary import Role


def print_recovery_code(code: str) -> None:
    """The recovery code, shown once (``init`` and ``recovery-key``)."""
    print(
        "恢复码（只显示这一次，请抄在纸上，与电脑分开保管）：\n"
        f"    {code}\n"
        "忘记密码时：python -m app recover 用户名（恢复码来自 XUNCHA_RECOVERY_CODE 或输入）"
    )


def _role(text: str) -> Role:
    for role in Role:
        if text in (role.value, role.label):
            return role
    raise argparse.ArgumentTypeError(f"角色应为 leader（组长）、member（成员）或 office：{text}")


def cmd_user_list(args: argparse.Namespace, env: Environment) -> int:
    from app.commands.common import open_workspace
    from app.services.users import list_users

    with open_workspace(args, env) as ws:
        users = list_users(ws)
    for u in users:
        state = "已移除" if u.retired else ("可登录" if u.has_password else "无密码")
        print(f"{u.username}\t{u.display_name}\t{u.role.label}\t{state}")
    return 0


def cmd_user_add(args: argparse.Namespace, env: Environment) -> int:
    from app.commands.common import new_password, open_workspace
    from app.services.users import AccountRefused, add_user, may_manage_users

    with open_workspace(args, env) as ws:
        if not may_manage_users(ws):  # before asking for a password that would not be used
            raise AccountRefused("只有组长可以管理用户和恢复码。")
        password = new_password(env.new_password, f"为 {args.name} 设置密码：")
        user = add_user(ws, args.name, password, role=args.role, display_name=args.display or "")
    print(f"已添加用户：{user.username}（{user.role.label}）")
    return 0


def cmd_user_remove(args: argparse.Namespace, env: Environment) -> int:
    from app.commands.common import open_workspace
    from app.services.users import remove_user

    with open_workspace(args, env) as ws:
        remove_user(ws, args.name)
    print(f"已移除用户：{args.name}（其记录保留；该用户的密码不再能打开本工作区）")
    return 0


def cmd_recovery_key(args: argparse.Namespace, env: Environment) -> int:
    from app.commands.common import open_workspace
    from app.services.users import new_recovery_code

    with open_workspace(args, env) as ws:
        code = new_recovery_code(ws)
    print("已生成新的恢复码，旧的恢复码不再有效。")
    print_recovery_code(code)
    return 0


def _code(env: Environment) -> str:
    from app.commands.common import Refused, ask

    code = (
        env.recovery_code if env.recovery_code is not None else ask("恢复码：", RECOVERY_CODE_ENV)
    )
    if not code.strip():
        raise Refused("恢复码不能为空。")
    return code


def _username(args: argparse.Namespace, env: Environment) -> str:
    from app.commands.common import Refused

    name = args.name or args.user or env.user
    if not name:
        raise Refused("请指明要重设密码的用户：recover 用户名")
    return str(name)


def cmd_recover(args: argparse.Namespace, env: Environment) -> int:
    from app.commands.common import data_dir, new_password
    from app.storage.accounts import recover_with_code
    from app.storage.workspace import Workspace, WorkspacePaths

    paths = WorkspacePaths(data_dir(args).expanduser().absolute())
    name = _username(args, env)
    code = _code(env)
    password = new_password(env.new_password, f"为 {name} 设置新密码：")
    recover_with_code(paths, code, name, password)
    with (
        Workspace.open(paths.root, password, name, lock_wait=env.lock_wait) as ws,
        ws.session() as s,
    ):
        s.audit("recover", note=name)
        s.commit()
    print(f"已用恢复码为 {name} 设置新密码。恢复码仍然有效；如已泄露，请用 recovery-key 重新生成。")
    return 0


def cmd_office_recover(args: argparse.Namespace, env: Environment) -> int:
    from app.commands.common import Refused, new_password, open_workspace
    from app.storage.accounts import recover_with_office
    from app.storage.workspace import WorkspacePaths
    from app.sync.identity import ensure_office_keys

    team = WorkspacePaths(Path(args.team_dir).expanduser().absolute())
    if not team.key.exists() or not team.db.exists():
        raise Refused(f"这里没有巡察组工作区：{team.root}")
    name = _username(args, env)
    with open_workspace(args, env) as office:
        keys = ensure_office_keys(office)
        password = new_password(env.new_password, f"为 {name} 设置新密码：")
        recover_with_office(team, keys.owner_id, keys.box(), name, password)
        with office.session() as s:
            s.audit("office_recover", note=name)
            s.commit()
    print(f"已用巡察办密钥为该组工作区的 {name} 设置新密码：{team.root}")
    return 0


def cmd_restore(args: argparse.Namespace, env: Environment) -> int:
    from app.commands.common import Refused, password
    from app.storage.archive import restore_workspace
    from app.storage.check import check_files, check_workspace
    from app.storage.keyfile import KeyFile
    from app.storage.workspace import Workspace, WorkspacePaths

    backup: Path = args.file
    if not backup.is_file():
        raise Refused(f"找不到备份文件：{backup}")

    def verify(folder: Path) -> tuple[str, list[str]]:
        paths = WorkspacePaths(folder)
        if env.recovery_code is not None:  # a forgotten password: the code opens the copy
            keyfile = KeyFile.load(paths.key)
            return keyfile.workspace_id, check_files(
                paths, keyfile.unlock_with_code(env.recovery_code)
            )
        with Workspace.open(folder, password(env), args.user or env.user) as ws:
            return ws.workspace_id, check_workspace(ws)

    done = restore_workspace(backup, Path(args.to), verify)
    print(
        f"已恢复到 {done.root}（工作区 {done.workspace_id[:8]}，照片文件 {done.media} 个，"
        "已校验）。用 --data-dir 指向它即可打开。"
    )
    return 0


def register(sub: Any) -> None:
    user = sub.add_parser("user", help="管理登录用户（组长）")
    acts = user.add_subparsers(dest="user_command", metavar="ACTION", required=True)
    lst = acts.add_parser("list", help="列出用户")
    lst.set_defaults(handler=cmd_user_list)
    add = acts.add_parser("add", help="添加用户（密码来自 XUNCHA_NEW_PASSWORD 或输入）")
    add.add_argument("name", help="用户名（登录名）")
    add.add_argument("--role", type=_role, default=Role.MEMBER, help="member（默认）或 leader")
    add.add_argument("--display", help="显示的姓名（默认同用户名）")
    add.set_defaults(handler=cmd_user_add)
    rm = acts.add_parser("remove", help="移除用户（记录保留，密码失效）")
    rm.add_argument("name", help="用户名")
    rm.set_defaults(handler=cmd_user_remove)

    key = sub.add_parser("recovery-key", help="生成新的恢复码（只显示一次，旧的失效）")
    key.set_defaults(handler=cmd_recovery_key)

    rec = sub.add_parser("recover", help="忘记密码：用恢复码设置新密码")
    rec.add_argument("name", nargs="?", help="用户名（也可用 --user）")
    rec.set_defaults(handler=cmd_recover)

    office = sub.add_parser("office-recover", help="（巡察办）用巡察办密钥为巡察组工作区设置新密码")
    office.add_argument("team_dir", type=Path, metavar="TEAM_DIR", help="巡察组工作区文件夹")
    office.add_argument("name", nargs="?", help="要重设密码的用户名")
    office.set_defaults(handler=cmd_office_recover)

    restore = sub.add_parser("restore", help="从备份恢复到新文件夹（先校验，不覆盖）")
    restore.add_argument("file", type=Path, metavar="FILE", help="备份文件")
    restore.add_argument("--to", type=Path, required=True, help="新的工作区文件夹")
    restore.set_defaults(handler=cmd_restore)


__all__ = ["print_recovery_code", "register"]
