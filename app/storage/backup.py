"""Consistent, verified backups through SQLite's online backup API.

The copy goes to a temp file beside the target, keyed with the same database key (so a backup opens
with the workspace's key file, whatever passwords have changed since), is checked — cipher pages,
SQLite integrity, the same rows per table as the source snapshot — and only then renamed into place.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from app.files import atomic_path
from app.storage.engine import connect_raw
from app.storage.errors import DatabaseDamaged


@dataclass(frozen=True)
class BackupResult:
    path: Path
    size_bytes: int
    tables: int
    rows: int


def _row_counts(conn: Any) -> dict[str, int]:
    names = [
        r[0]
        for r in conn.execute(
            "SELECT name FROM sqlite_schema WHERE type = 'table' "
            "AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\' "
            "AND name NOT LIKE 'search\\_fts\\_%' ESCAPE '\\'"
        ).fetchall()
    ]
    return {n: int(conn.execute(f'SELECT count(*) FROM "{n}"').fetchone()[0]) for n in names}


def verify_database(conn: Any) -> list[str]:
    """Cipher and SQLite integrity findings of an open connection; empty when sound."""
    findings = [f"加密页校验：{r[0]}" for r in conn.execute("PRAGMA cipher_integrity_check")]
    result = [r[0] for r in conn.execute("PRAGMA integrity_check").fetchall()]
    if result != ["ok"]:
        findings.extend(f"完整性检查：{r}" for r in result[:10])
    return findings


def backup_database(db: Path, key: bytes, out: Path) -> BackupResult:
    """Copy the database at ``db`` to ``out``, verified, atomically."""
    src = connect_raw(db, key)
    try:
        with atomic_path(out) as tmp:
            dst = connect_raw(tmp, key, create=True, wal=False)
            try:
                # one read transaction on the source so the counts match the copied snapshot
                src.execute("BEGIN")
                try:
                    expected = _row_counts(src)
                    src.backup(dst)
                finally:
                    src.execute("COMMIT")
                findings = verify_database(dst)
                got = _row_counts(dst)
                if got != expected:
                    findings.append("备份的行数与原库不一致")
                if findings:
                    raise DatabaseDamaged("备份校验失败：" + "；".join(findings))
            finally:
                dst.close()
            size = tmp.stat().st_size
    finally:
        src.close()
    return BackupResult(path=out, size_bytes=size, tables=len(got), rows=sum(got.values()))
