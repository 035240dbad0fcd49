"""The integrity check behind ``python -m app check``: every finding is one line of Chinese.

``check`` also finishes what a killed import left (its media journal, see
:mod:`app.storage.mediastore`), as SQLite rolls back a hot journal; what it cannot tell is safe to
remove — photo files no row refers to, temp files nobody is writing — it reports, and
:func:`repair_workspace` removes after listing them.
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from pathlib import Path

from sqlmodel import select

from app.storage import migrate, ownership
from app.storage.backup import verify_database
from app.storage.derived import search_findings
from app.storage.engine import connect_raw
from app.storage.mediastore import STRAY_AFTER_SECONDS, MediaStore, referenced_names
from app.storage.models import Attachment
from app.storage.workspace import SYNCED_TABLES, Workspace, WorkspacePaths


def check_workspace(ws: Workspace) -> list[str]:
    """Cipher and SQLite integrity, foreign keys, migration head, search index, media files."""
    if ws.on_server:
        from app.storage.pg.check import server_check

        with ws.engine.connect() as conn:
            return server_check(conn)
    findings: list[str] = []
    with ws.raw_connection() as conn:
        findings.extend(verify_database(conn))
        bad_fk = conn.execute("PRAGMA foreign_key_check").fetchall()
        if bad_fk:
            tables = sorted({str(r[0]) for r in bad_fk})
            findings.append(f"外键不一致：{len(bad_fk)} 处（{', '.join(tables)}）")
        row = conn.execute("SELECT version_num FROM alembic_version").fetchone()
        head = migrate.head_revision()
        if row is None or row[0] != head:
            findings.append(f"数据库版本 {None if row is None else row[0]} 不是最新版本 {head}")
        conn.execute("BEGIN")
        try:
            findings.extend(search_findings(conn.cursor(), SYNCED_TABLES))
        finally:
            conn.execute("ROLLBACK")
    store = MediaStore(ws.paths.media, ws.db_key)
    with ws.session() as s:
        names = {a.stored_name for a in s.exec(select(Attachment))} | {
            a.thumb_name for a in s.exec(select(Attachment)) if a.thumb_name
        }
    missing = [n for n in sorted(names) if not store.exists(n)]
    if missing:
        findings.append(f"缺少 {len(missing)} 个照片文件（如 {missing[0]}）")
    with ws.engine.connect() as conn:
        findings.extend(ownership.findings(conn, SYNCED_TABLES))
        conn.rollback()
    leftovers = find_leftovers(ws)
    if leftovers.orphans:
        findings.append(
            f"有 {len(leftovers.orphans)} 个照片文件没有任何记录引用"
            f"（如 {leftovers.orphans[0]}）；可用 check --repair 清除"
        )
    if leftovers.strays:
        first = leftovers.strays[0].relative_to(ws.paths.root)
        findings.append(
            f"有 {len(leftovers.strays)} 个中断的操作留下的临时文件（如 {first}）；"
            "可用 check --repair 清除"
        )
    return findings


@dataclass(frozen=True)
class Leftovers:
    orphans: list[str]
    """Stored photo names no row refers to."""
    strays: list[Path]
    """Temp files of jobs that died, anywhere in the workspace folder."""


def find_leftovers(ws: Workspace) -> Leftovers:
    """Finish killed imports (their journals), then list orphan photos and stray temp files.
    (An office on a database server keeps its photos in the database: only temp files.)"""
    now = time.time()
    orphans: list[str] = []
    strays: list[Path] = []
    if not ws.on_server:
        store = MediaStore(ws.paths.media, ws.db_key)
        with ws.raw_connection() as conn:
            refs = referenced_names(conn)
        store.recover(lambda _names: refs)
        orphans = store.orphans(lambda names: refs & set(names))
        strays = store.strays(now)
    for folder in (ws.paths.root, ws.paths.backups):
        if folder.is_dir():
            strays.extend(
                p
                for p in sorted(folder.glob(".*.part"))
                if p.is_file() and now - p.stat().st_mtime >= STRAY_AFTER_SECONDS
            )
    return Leftovers(orphans, strays)


def repair_workspace(ws: Workspace, say: object = print) -> list[str]:
    """Remove orphan photos and stray temp files, saying what each is before removing it.
    Returns the lines said."""
    leftovers = find_leftovers(ws)
    store = MediaStore(ws.paths.media, ws.db_key)
    lines: list[str] = []
    for name in leftovers.orphans:
        lines.append(f"清除没有记录引用的照片文件：media/{name[:2]}/{name}.bin")
    for path in leftovers.strays:
        lines.append(f"清除残留的临时文件：{path.relative_to(ws.paths.root)}")
    for line in lines:
        if callable(say):
            say(line)
    for name in leftovers.orphans:
        store.path_for(name).unlink(missing_ok=True)
    for path in leftovers.strays:
        path.unlink(missing_ok=True)
    return lines


def check_files(paths: WorkspacePaths, db_key: bytes) -> list[str]:
    """What can be checked with the database key alone (no login): cipher and SQLite integrity,
    foreign keys, and every photo the database names present (a restore opened by recovery
    code)."""
    findings: list[str] = []
    conn = connect_raw(paths.db, db_key)
    try:
        findings.extend(verify_database(conn))
        if conn.execute("PRAGMA foreign_key_check").fetchall():
            findings.append("外键不一致")
        names = {
            str(n)
            for row in conn.execute("SELECT stored_name, thumb_name FROM attachment")
            for n in row
            if n
        }
    finally:
        conn.close()
    store = MediaStore(paths.media, db_key)
    missing = sorted(n for n in names if not store.exists(n))
    if missing:
        findings.append(f"缺少 {len(missing)} 个照片文件（如 {missing[0]}）")
    return findings
