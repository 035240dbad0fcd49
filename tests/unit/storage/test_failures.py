"""Any failure in one true line of Chinese, from its kind only: never its message (an SQLAlchemy
error's message carries the SQL parameters), and into the workspace's encrypted log."""

from __future__ import annotations

import errno
import logging
from pathlib import Path

import pytest
import sqlalchemy.exc
import sqlcipher3

from app.storage import errorlog
from app.storage.errorlog import Failure, for_user, install_logging, read_log
from app.storage.failures import describe
from app.storage.workspace import Workspace

PLANTED = "欧阳秘密人"


def _sa(orig: Exception) -> sqlalchemy.exc.DBAPIError:
    return sqlalchemy.exc.OperationalError("UPDATE person SET name = ?", (PLANTED,), orig)


def _sqlite(message: str, name: str) -> Exception:
    exc = sqlcipher3.OperationalError(message)
    exc.sqlite_errorname = name
    return exc


@pytest.mark.parametrize(
    ("exc", "words"),
    [
        (_sa(_sqlite("database or disk is full", "SQLITE_FULL")), "磁盘已满"),
        (_sa(_sqlite("database is locked", "SQLITE_BUSY")), "另一个程序"),
        (_sa(_sqlite("disk I/O error", "SQLITE_IOERR_WRITE")), "磁盘 I/O 错误"),
        (_sa(_sqlite("file is not a database", "SQLITE_NOTADB")), "已损坏"),
        (_sa(sqlcipher3.IntegrityError(f"UNIQUE constraint failed: {PLANTED}")), "约束"),
        (sqlcipher3.OperationalError("database or disk is full"), "磁盘已满"),
        (OSError(errno.ENOSPC, "No space left on device", f"/tmp/{PLANTED}.db"), "磁盘已满"),
        (OSError(errno.EACCES, "Permission denied", "/x/a.csv"), "没有权限读写文件：a.csv"),
        (RuntimeError(PLANTED), "程序内部错误"),
        (MemoryError(), "内存不足"),
    ],
)
def test_one_true_line_without_data(exc: BaseException, words: str, tmp_path: Path):
    line = describe(exc, tmp_path)
    assert words in line and PLANTED not in line and "\n" not in line
    assert "parameters" not in line and "SELECT" not in line and "UPDATE" not in line


def test_window_failures_are_worded_and_logged(ws: Workspace):
    err = _sa(_sqlite("database is locked", "SQLITE_BUSY"))
    shown = for_user(err)
    assert isinstance(shown, Failure) and "另一个程序" in str(shown) and PLANTED not in str(shown)
    root = logging.getLogger()
    before = list(root.handlers)
    install_logging()
    try:
        logging.getLogger("app.ui.ops").error("operation failed", exc_info=RuntimeError(PLANTED))
    finally:
        root.handlers = before
    records = read_log(ws.paths.root, ws.db_key).records
    assert [r["message"] for r in records[-2:]] == [str(shown), "operation failed"]
    assert records[-2]["sqlite"] == "SQLITE_BUSY"
    assert records[-1]["types"] == ["builtins.RuntimeError"]
    assert PLANTED not in repr(records)
    errorlog.forget()
    assert not errorlog.log_failure("没有工作区时", None)  # nowhere to log: says so, no error
