"""One true line of Chinese for any failure, with no data in it.

An exception from SQLAlchemy prints the SQL and its parameters (``[parameters: ('张三', …)]``):
ledger rows, a person's name. None of that may reach a user or a log. :func:`describe` turns any
exception into one line that says what happened and what to do, from the exception's *kind* only
(its class, SQLite's error code, the OS error number), never from its message. A disk that is full
is said to be full (with what to free), not a damaged database.
"""

from __future__ import annotations

import errno
import shutil
from pathlib import Path
from typing import Any

from app.domain.errors import UserError
from app.domain.limits import megabytes
from app.storage.errors import WorkspaceError

LOW_SPACE_BYTES = 8 * 1024 * 1024
"""Below this much free space, a write or I/O error on the disk is taken for a full disk."""

INTERNAL = "程序内部错误，未完成（详情已记入工作区日志，可用 python -m app log 查看）。"


class DiskFull(WorkspaceError):
    """The disk holding the workspace (or the file being written) has no room left."""


class WorkspaceBusy(WorkspaceError):
    """Another program holds the workspace's write lock."""


def free_bytes(path: Path) -> int | None:
    """Free space on the disk holding ``path`` (or its nearest existing parent)."""
    p = path.expanduser().absolute()
    while not p.exists() and p != p.parent:
        p = p.parent
    try:
        return shutil.disk_usage(p).free
    except OSError:
        return None


def disk_full_message(path: Path) -> str:
    free = free_bytes(path)
    left = "已没有剩余空间" if not free else f"只剩 {megabytes(free)}"
    folder = path if path.is_dir() else path.parent
    return (
        f"磁盘已满：{folder} 所在的磁盘{left}。请腾出至少 {megabytes(4 * LOW_SPACE_BYTES)}"
        "（删除不再需要的文件，或把 backups 文件夹中的旧备份移到别处）后再试；"
        "工作区数据没有损坏，请不要用旧备份覆盖它。"
    )


def busy_message() -> str:
    return "工作区正被另一个程序写入（数据库被锁定），请等它完成后再试。"


def dbapi_error(exc: BaseException) -> BaseException | None:
    """The SQLite (DB-API) exception behind ``exc``: itself, SQLAlchemy's ``orig``, or a cause."""
    seen: set[int] = set()
    cur: BaseException | None = exc
    while cur is not None and id(cur) not in seen:
        seen.add(id(cur))
        if hasattr(cur, "sqlite_errorname") or type(cur).__module__.startswith("sqlcipher3"):
            return cur
        orig = getattr(cur, "orig", None)
        if isinstance(orig, BaseException):
            cur = orig
            continue
        cur = cur.__cause__ or cur.__context__
    return None


def sqlite_name(exc: BaseException) -> str:
    """SQLite's error name (``SQLITE_FULL`` …) of a DB-API exception, from its code or, for an
    older driver, from the fixed text SQLite gives each code."""
    name = getattr(exc, "sqlite_errorname", None)
    if isinstance(name, str) and name:
        return name
    text = str(exc.args[0]) if exc.args else ""
    for phrase, code in (
        ("disk is full", "SQLITE_FULL"),
        ("database is locked", "SQLITE_BUSY"),
        ("disk I/O error", "SQLITE_IOERR"),
        ("not a database", "SQLITE_NOTADB"),
        ("malformed", "SQLITE_CORRUPT"),
        ("readonly", "SQLITE_READONLY"),
        ("constraint failed", "SQLITE_CONSTRAINT"),
    ):
        if phrase in text:
            return code
    return "SQLITE_ERROR"


def _low_space(where: Path | None) -> bool:
    if where is None:
        return False
    free = free_bytes(where)
    return free is not None and free < LOW_SPACE_BYTES


def describe(exc: BaseException, where: Path | None = None) -> str:
    """One line of Chinese for ``exc``; ``where`` is the workspace (or file) being worked on."""
    if isinstance(exc, UserError):
        return str(exc)
    if isinstance(exc, MemoryError):
        return "内存不足，未完成（文件或同步包是否过大？）。"
    server = server_error_text(exc)  # an office's PostgreSQL server said no
    if server is not None:
        return server
    db = dbapi_error(exc)
    if db is not None:
        name = sqlite_name(db)
        if name.startswith("SQLITE_FULL") or (
            name.startswith("SQLITE_IOERR") and _low_space(where)
        ):
            return disk_full_message(where or Path.cwd())
        if name.startswith(("SQLITE_BUSY", "SQLITE_LOCKED")):
            return busy_message()
        if name.startswith("SQLITE_IOERR"):
            return "读写工作区文件时出错（磁盘 I/O 错误），未完成：请检查磁盘或 U 盘是否已拔出。"
        if name.startswith("SQLITE_READONLY"):
            return "工作区文件只读，无法写入：请检查文件夹的权限，或是否在只读的 U 盘上。"
        if name.startswith(("SQLITE_CORRUPT", "SQLITE_NOTADB")):
            return "数据库文件已损坏，未完成：请运行 python -m app check 查看。"
        if name.startswith("SQLITE_CONSTRAINT"):
            return "要写入的数据不符合数据约束，未写入。"
        return f"数据库操作失败（{name}），未完成（详情已记入工作区日志）。"
    if isinstance(exc, OSError):
        return _os_message(exc, where)
    return INTERNAL


def _os_message(exc: OSError, where: Path | None) -> str:
    name = Path(str(exc.filename)).name if exc.filename else ""
    target = Path(str(exc.filename)) if exc.filename else where
    code = exc.errno
    if code in (errno.ENOSPC, getattr(errno, "EDQUOT", -1)):
        return disk_full_message(target or Path.cwd())
    if code == errno.EFBIG:
        return f"文件超过系统允许的大小，未完成：{name}"
    if code in (errno.EACCES, errno.EPERM):
        return f"没有权限读写文件：{name}" if name else "没有权限读写文件。"
    if code == errno.ENOENT:
        return f"找不到文件：{name}" if name else "找不到文件。"
    if code == errno.EROFS:
        return "磁盘是只读的，无法写入。"
    if code == errno.EIO and _low_space(target):
        return disk_full_message(target or Path.cwd())
    reason = exc.strerror or "未知错误"
    return f"文件操作失败（{reason}）：{name}" if name else f"文件操作失败（{reason}）。"


def kind_of(exc: BaseException) -> dict[str, Any]:
    """What a log keeps of an exception: its classes, SQLite error name, OS error number — never
    its message (it may hold SQL parameters) — and where it was raised (module, function, line)."""
    chain: list[str] = []
    cur: BaseException | None = exc
    seen: set[int] = set()
    while cur is not None and id(cur) not in seen:
        seen.add(id(cur))
        chain.append(f"{type(cur).__module__}.{type(cur).__qualname__}")
        cur = cur.__cause__ or cur.__context__
    db = dbapi_error(exc)
    frames: list[str] = []
    tb = exc.__traceback__
    while tb is not None:
        code = tb.tb_frame.f_code
        module = str(tb.tb_frame.f_globals.get("__name__", "?"))
        frames.append(f"{module}:{code.co_name}:{tb.tb_lineno}")
        tb = tb.tb_next
    return {
        "types": chain,
        "sqlite": None if db is None else sqlite_name(db),
        "errno": errno.errorcode.get(exc.errno or 0) if isinstance(exc, OSError) else None,
        "frames": frames[-20:],
    }


def server_error_text(exc: BaseException) -> str | None:
    """One Chinese line for an error the database server raised (never its data); None when
    ``exc`` is not one."""
    from sqlalchemy.exc import DBAPIError

    orig = getattr(exc, "orig", None)
    if not isinstance(exc, DBAPIError) or orig is None:
        return None
    state = str(getattr(orig, "sqlstate", "") or "")
    if not state:
        return None
    if state == "42501":
        return (
            "数据库用户没有这项权限（只读或限于一个区县的数据库用户不能修改记录，"
            "审计日志不能改动）。"
        )
    if state.startswith("08") or state in ("57P01", "57P02", "57P03"):
        return "与数据库服务器的连接中断，请稍后再试（未完成的操作没有写入）。"
    if state in ("40001", "40P01", "55P03"):
        return "与另一位同事的操作冲突，请再试一次（未完成的操作没有写入）。"
    if state == "53100":
        return "数据库服务器磁盘已满，请管理员清理空间。"
    return f"数据库服务器拒绝了这项操作（错误代码 {state}），未写入任何数据。"
