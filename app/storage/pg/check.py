"""``check`` on a PostgreSQL office: every finding is one line of Chinese.

The server checks what SQLite's integrity and foreign-key checks cover on a laptop (pages and keys
are the server's own business), so this looks at what is the program's: the schema version, the
server objects (guards, search triggers, roles, row-level security), the search text, that every
protected value is sealed, and that every photo a row names is there.
"""

from __future__ import annotations

import sqlalchemy as sa
import sqlmodel

from app.storage import migrate
from app.storage.derived import SEARCH_SOURCES
from app.storage.models import Attachment, MediaBlob
from app.storage.pg.derived import _pg_body, server_findings
from app.storage.pg.workspace import SYNCED_TABLES
from app.storage.protect import PREFIX, Protected


def protected_columns() -> list[tuple[str, str]]:
    """(table, column) of every protected column of the program's tables."""
    out: list[tuple[str, str]] = []
    for table in sqlmodel.SQLModel.metadata.sorted_tables:
        for column in table.columns:
            if isinstance(column.type, Protected):
                out.append((table.name, column.name))
    return out


def server_check(conn: sa.Connection) -> list[str]:
    findings: list[str] = []
    row = conn.exec_driver_sql("SELECT version_num FROM alembic_version").first()
    head = migrate.head_revision()
    if row is None or row[0] != head:
        findings.append(f"数据库版本 {None if row is None else row[0]} 不是最新版本 {head}")
    findings.extend(server_findings(conn, SYNCED_TABLES))
    for src in SEARCH_SOURCES:
        stale = conn.exec_driver_sql(
            f"SELECT count(*) FROM {src.table} r LEFT JOIN search_doc d ON d.record_id = r.id "
            f"WHERE d.record_id IS NULL OR d.body IS DISTINCT FROM {_pg_body(src, 'r')}"
        ).scalar_one()
        if stale:
            findings.append(f"全文索引与 {src.table} 表不一致：{stale} 条")
    for table, column in protected_columns():
        plain = conn.execute(
            sa.text(
                f'SELECT count(*) FROM "{table}" WHERE "{column}" IS NOT NULL '
                f'AND left("{column}", {len(PREFIX)}) <> :prefix'
            ),
            {"prefix": PREFIX},
        ).scalar_one()
        if plain:
            findings.append(f"受保护的字段有 {plain} 个值未加密（{table}.{column}）")
    att: sa.Table = Attachment.__table__  # type: ignore[attr-defined]
    blob: sa.Table = MediaBlob.__table__  # type: ignore[attr-defined]
    names = sa.union(
        sa.select(att.c.stored_name.label("n")),
        sa.select(att.c.thumb_name.label("n")).where(att.c.thumb_name != ""),
    ).subquery()
    missing = conn.execute(
        sa.select(sa.func.count())
        .select_from(names)
        .where(~sa.exists().where(blob.c.name == names.c.n))
    ).scalar_one()
    if missing:
        findings.append(f"缺少 {missing} 张照片")
    return findings
