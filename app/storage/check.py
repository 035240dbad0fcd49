"""The integrity check behind ``python -m app check``: every finding is one line of Chinese."""

from __future__ import annotations

from sqlmodel import select

from app.storage import migrate
from app.storage.backup import verify_database
from app.storage.derived import search_findings
from app.storage.mediastore import MediaStore
from app.storage.models import Attachment
from app.storage.workspace import SYNCED_TABLES, Workspace


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
    return findings
