"""Verified backups of a PostgreSQL office: ``pg_dump``, sealed, read back, counted.

1. A REPEATABLE READ transaction exports its snapshot and counts every table's rows in it.
2. ``pg_dump --format=custom --snapshot=…`` dumps exactly that snapshot; its output is sealed as it
   streams (AES-256-GCM in 1 MiB chunks under a key derived from the workspace key; each chunk's
   nonce carries its number and whether it is the last, so a cut or reordered file is refused)
   into a temp file beside the target.
3. Verification reads the sealed file back: ``pg_restore --list`` must list a TABLE DATA entry for
   every table, and ``pg_restore --data-only`` must yield, per table, the counted number of rows.
4. Only then is the file renamed to its final name.

The dump file never holds a protected column in plain (they are sealed in the database already),
and the file as a whole is sealed, so a lost office laptop's backups give nothing away.
"""

from __future__ import annotations

import contextlib
import os
import re
import secrets
import shutil
import subprocess
import threading
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import IO

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF
from sqlalchemy.engine import Engine

from app.files import atomic_path
from app.storage.errors import DatabaseDamaged, WorkspaceError

MAGIC = b"XDPG1\n"
CHUNK = 1024 * 1024
_COPY = re.compile(r"^COPY (?:public\.)?\"?([A-Za-z0-9_]+)\"? \(")


@dataclass(frozen=True)
class ServerBackup:
    path: Path
    size_bytes: int
    tables: int
    rows: int


def find_tool(name: str) -> str:
    """``pg_dump`` / ``pg_restore``: on PATH, else the newest Debian/Ubuntu server package's."""
    found = shutil.which(name)
    if found:
        return found
    candidates = sorted(
        Path("/usr/lib/postgresql").glob(f"*/bin/{name}"),
        key=lambda p: int(p.parts[-3]) if p.parts[-3].isdigit() else 0,
    )
    if candidates:
        return str(candidates[-1])
    raise WorkspaceError(f"找不到 {name}：请安装 PostgreSQL 客户端程序（postgresql-client）。")


def _key(db_key: bytes, salt: bytes) -> AESGCM:
    return AESGCM(
        HKDF(
            algorithm=hashes.SHA256(), length=32, salt=salt, info=b"xunchadesk server backup v1"
        ).derive(db_key)
    )


def _nonce(index: int, last: bool) -> bytes:
    return index.to_bytes(11, "big") + (b"\x01" if last else b"\x00")


def seal_stream(src: IO[bytes], dst: IO[bytes], db_key: bytes) -> int:
    """Seal everything read from ``src`` into ``dst``; returns the plain length."""
    salt = secrets.token_bytes(16)
    aead = _key(db_key, salt)
    dst.write(MAGIC + salt)
    total, index = 0, 0
    pending = src.read(CHUNK)
    while True:
        nxt = src.read(CHUNK) if pending else b""
        last = not nxt
        sealed = aead.encrypt(_nonce(index, last), pending, MAGIC)
        dst.write(len(sealed).to_bytes(4, "big") + sealed)
        total += len(pending)
        index += 1
        if last:
            return total
        pending = nxt


def open_stream(path: Path, db_key: bytes) -> Iterator[bytes]:
    """The plain chunks of a sealed backup; a damaged, cut or foreign file is refused."""
    damaged = DatabaseDamaged(f"备份文件已损坏或不属于这个工作区：{path.name}")
    with path.open("rb") as fh:
        head = fh.read(len(MAGIC) + 16)
        if len(head) != len(MAGIC) + 16 or not head.startswith(MAGIC):
            raise damaged
        aead = _key(db_key, head[len(MAGIC) :])
        index = 0
        while True:
            size_raw = fh.read(4)
            if len(size_raw) != 4:
                raise damaged  # cut before the last chunk
            size = int.from_bytes(size_raw, "big")
            if size > CHUNK + 16:
                raise damaged
            sealed = fh.read(size)
            for last in (False, True):
                try:
                    plain = aead.decrypt(_nonce(index, last), sealed, MAGIC)
                    break
                except InvalidTag:
                    continue
            else:
                raise damaged
            yield plain
            index += 1
            if last:
                if fh.read(1):
                    raise damaged
                return


def _conninfo(engine: Engine) -> tuple[list[str], dict[str, str]]:
    url = engine.url
    args: list[str] = []
    env = {k: v for k, v in os.environ.items() if not k.startswith("PG")}
    parts = {"dbname": url.database, "user": url.username, "host": url.host}
    if url.port:
        parts["port"] = str(url.port)
    for k, v in url.query.items():
        parts[k] = v if isinstance(v, str) else v[-1]
    conninfo = " ".join(f"{k}='{v}'" for k, v in parts.items() if v)
    args += ["--dbname", conninfo]
    if url.password:
        env["PGPASSWORD"] = str(url.password)  # the child's environment only, never a file
    return args, env


def _pump(
    proc: subprocess.Popen[bytes], chunks: Iterator[bytes], errors: list[BaseException]
) -> None:
    assert proc.stdin is not None
    try:
        for chunk in chunks:
            proc.stdin.write(chunk)
    except BrokenPipeError:
        pass
    except BaseException as exc:  # reported by the caller
        errors.append(exc)
    finally:
        with contextlib.suppress(BrokenPipeError):
            proc.stdin.close()


def _restore_output(path: Path, db_key: bytes, *args: str) -> str:
    """Feed the sealed backup to ``pg_restore ARGS`` and return what it prints."""
    errors: list[BaseException] = []
    err_chunks: list[bytes] = []
    with subprocess.Popen(
        [find_tool("pg_restore"), *args],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    ) as proc:
        assert proc.stdout is not None and proc.stderr is not None
        stderr = proc.stderr
        feeder = threading.Thread(target=_pump, args=(proc, open_stream(path, db_key), errors))
        drain = threading.Thread(target=lambda: err_chunks.append(stderr.read()))
        feeder.start()
        drain.start()
        out = proc.stdout.read()
        proc.wait()
        feeder.join()
        drain.join()
    if errors:
        raise errors[0]
    if proc.returncode != 0:
        err = b"".join(err_chunks).decode("utf-8", "replace")
        raise DatabaseDamaged("备份校验失败：pg_restore 无法读取备份（" + err[:200] + "）")
    return out.decode("utf-8", "replace")


def verify_backup(path: Path, db_key: bytes, expected: dict[str, int]) -> None:
    """Read ``path`` back: every table listed with its data, and the same rows per table."""
    toc = _restore_output(path, db_key, "--list")
    listed = {
        m.group(1) for m in re.finditer(r"TABLE DATA (?:public )?\"?([A-Za-z0-9_]+)\"? ", toc)
    }
    missing = sorted(t for t, n in expected.items() if n and t not in listed)
    if missing:
        raise DatabaseDamaged(f"备份校验失败：缺少表的数据（{', '.join(missing[:5])}）")
    got: dict[str, int] = dict.fromkeys(expected, 0)
    table: str | None = None
    for line in _restore_output(path, db_key, "--data-only", "--file", "-").splitlines():
        if table is None:
            m = _COPY.match(line)
            if m:
                table = m.group(1)
        elif line == "\\.":
            table = None
        else:
            got[table] = got.get(table, 0) + 1
    wrong = sorted(t for t in expected if got.get(t, 0) != expected[t])
    if wrong:
        raise DatabaseDamaged(f"备份校验失败：行数与数据库不一致（{', '.join(wrong[:5])}）")


def backup_server(engine: Engine, db_key: bytes, out: Path) -> ServerBackup:
    """Dump the office's database to ``out`` (sealed), verified, atomically."""
    args, env = _conninfo(engine)
    with engine.connect() as conn:
        conn = conn.execution_options(isolation_level="REPEATABLE READ")
        with conn.begin():
            snapshot = str(conn.exec_driver_sql("SELECT pg_export_snapshot()").scalar_one())
            tables = [
                str(r[0])
                for r in conn.exec_driver_sql(
                    "SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY 1"
                )
            ]
            expected = {
                t: int(conn.exec_driver_sql(f'SELECT count(*) FROM "{t}"').scalar_one())
                for t in tables
            }
            with atomic_path(out) as tmp:
                with (
                    tmp.open("wb") as fh,
                    subprocess.Popen(
                        [
                            find_tool("pg_dump"),
                            "--format=custom",
                            "--compress=6",
                            f"--snapshot={snapshot}",
                            "--no-owner",
                            "--enable-row-security",
                            *args,
                        ],
                        stdout=subprocess.PIPE,
                        stderr=subprocess.PIPE,
                        env=env,
                    ) as proc,
                ):
                    assert proc.stdout is not None and proc.stderr is not None
                    seal_stream(proc.stdout, fh, db_key)
                    err = proc.stderr.read()
                    if proc.wait() != 0:
                        raise DatabaseDamaged(
                            "备份失败：pg_dump 出错（" + err.decode("utf-8", "replace")[:200] + "）"
                        )
                verify_backup(tmp, db_key, expected)
                size = tmp.stat().st_size
    return ServerBackup(path=out, size_bytes=size, tables=len(tables), rows=sum(expected.values()))
