"""Whole-workspace backups (``backup --out FILE``) and their restore (``restore FILE --to DIR``).

A backup is one file (a zip, stored, not compressed: everything in it is encrypted already):

    xunchadesk-backup.json   format, workspace id, time, and every member's size and SHA-256
    workspace.db             a consistent copy through SQLite's backup API, verified
    workspace.key            the key file as it was (without it nobody could open the copy)
    media/<aa>/<name>.bin    every photo, encrypted as stored

It opens with any password that was valid when it was taken, or with the recovery code. Restoring
never touches a live workspace: it goes to a new (or empty) folder, through a temp folder beside
it, and only a copy that passes every check — each member's hash, the key file, the password, the
database's cipher and integrity, foreign keys, the search index, every photo present — is renamed
into place. Member names are checked against the three shapes above and nothing else is read.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import re
import shutil
import tempfile
import zipfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

from app.files import atomic_path, fsync_dir
from app.storage.accounts import key_lock
from app.storage.backup import backup_database
from app.storage.errors import WorkspaceError, WorkspaceExists
from app.storage.keyfile import KeyFile
from app.storage.models import utcnow

FORMAT = "xunchadesk-backup"
VERSION = 1
MANIFEST = "xunchadesk-backup.json"
DB_MEMBER = "workspace.db"
KEY_MEMBER = "workspace.key"
_MEDIA = re.compile(r"media/[0-9a-f]{2}/[0-9a-f]{40}\.bin")
MAX_MEMBER_BYTES = 64 * 1024 * 1024 * 1024
CHUNK = 1024 * 1024


class BackupRefused(WorkspaceError):
    """A backup file that cannot be restored (damaged, altered, not a backup, wrong password)."""


@dataclass(frozen=True)
class BackupWritten:
    path: Path
    size_bytes: int
    media: int
    db_bytes: int


@dataclass(frozen=True)
class Restored:
    root: Path
    workspace_id: str
    media: int
    findings: list[str]


def _copy_hashing(src: IO[bytes], dst: IO[bytes], limit: int = MAX_MEMBER_BYTES) -> tuple[str, int]:
    digest = hashlib.sha256()
    size = 0
    while chunk := src.read(CHUNK):
        size += len(chunk)
        if size > limit:
            raise BackupRefused("备份文件中的成员大小与清单不符，已拒绝。")
        digest.update(chunk)
        dst.write(chunk)
    return digest.hexdigest(), size


def backup_workspace(
    root: Path, db: Path, key_file: Path, media: Path, db_key: bytes, out: Path
) -> BackupWritten:
    """Write the backup of the workspace to ``out`` (atomically; refuses an existing file)."""
    if out.exists():
        raise WorkspaceExists(f"备份文件已存在，不会覆盖：{out}")
    members: list[dict[str, Any]] = []
    with atomic_path(out) as tmp, zipfile.ZipFile(tmp, "w", zipfile.ZIP_STORED) as zf:

        def put(name: str, path: Path) -> None:
            with path.open("rb") as src, zf.open(name, "w", force_zip64=True) as dst:
                sha, size = _copy_hashing(src, dst)
            members.append({"name": name, "size": size, "sha256": sha})

        with tempfile.TemporaryDirectory(prefix=".backup-", dir=out.parent) as scratch:
            copy = Path(scratch) / DB_MEMBER
            backup_database(db, db_key, copy)  # consistent and verified
            put(DB_MEMBER, copy)
            db_bytes = copy.stat().st_size
        with key_lock(root):
            key_bytes = key_file.read_bytes()
        KeyFile.from_bytes(key_bytes)  # a damaged key file is not backed up as if it were good
        with zf.open(KEY_MEMBER, "w") as dst:
            dst.write(key_bytes)
        members.append(
            {
                "name": KEY_MEMBER,
                "size": len(key_bytes),
                "sha256": hashlib.sha256(key_bytes).hexdigest(),
            }
        )
        count = 0
        if media.is_dir():
            for path in sorted(media.glob("*/*.bin")):
                name = f"media/{path.parent.name}/{path.name}"
                if _MEDIA.fullmatch(name):
                    put(name, path)
                    count += 1
        doc = {
            "format": FORMAT,
            "version": VERSION,
            "workspace_id": KeyFile.from_bytes(key_bytes).workspace_id,
            "created_at": utcnow().isoformat(),
            "members": members,
        }
        zf.writestr(MANIFEST, json.dumps(doc, ensure_ascii=False, indent=1))
    return BackupWritten(out, out.stat().st_size, count, db_bytes)


def _manifest(zf: zipfile.ZipFile) -> dict[str, dict[str, Any]]:
    damaged = BackupRefused("这不是巡察台的备份文件，或备份文件已损坏。")
    try:
        info = zf.getinfo(MANIFEST)
        if info.file_size > 16 * 1024 * 1024:
            raise damaged
        doc = json.loads(zf.read(MANIFEST).decode("utf-8"))
        if not isinstance(doc, dict) or doc.get("format") != FORMAT:
            raise damaged
        if doc.get("version") != VERSION:
            raise BackupRefused("备份文件版本不受支持，请升级程序。")
        listed = {str(m["name"]): m for m in doc["members"]}
    except BackupRefused:
        raise
    except (KeyError, ValueError, TypeError, zipfile.BadZipFile) as exc:
        raise damaged from exc
    for name, meta in listed.items():
        if name not in (DB_MEMBER, KEY_MEMBER) and not _MEDIA.fullmatch(name):
            raise BackupRefused(f"备份文件中有不认识的成员，已拒绝：{name[:60]!r}")
        if not isinstance(meta.get("size"), int) or not isinstance(meta.get("sha256"), str):
            raise damaged
    if DB_MEMBER not in listed or KEY_MEMBER not in listed:
        raise BackupRefused("备份文件缺少数据库或密钥文件，无法恢复。")
    present = set(zf.namelist()) - {MANIFEST}
    if present != set(listed):
        extra = sorted(present ^ set(listed))
        raise BackupRefused(f"备份文件的成员与清单不符，已拒绝：{extra[0][:60]!r}")
    return listed


@contextlib.contextmanager
def _staging(target: Path) -> Iterator[Path]:
    target.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{target.name}.restoring-", dir=target.parent))
    try:
        yield staging
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise


def restore_workspace(
    backup: Path,
    target: Path,
    verify: Callable[[Path], tuple[str, list[str]]],
) -> Restored:
    """Unpack ``backup`` into the new folder ``target``, verified before it gets its name.

    ``verify(folder)`` opens the unpacked workspace (with the password or the recovery code) and
    returns (workspace id, findings of the integrity check); any finding refuses the restore.
    """
    target = target.expanduser().absolute()
    if target.exists() and (not target.is_dir() or any(target.iterdir())):
        raise WorkspaceExists(f"恢复只写入新的（或空的）文件夹，不会覆盖：{target}")
    try:
        zf = zipfile.ZipFile(backup)
    except (OSError, zipfile.BadZipFile) as exc:
        raise BackupRefused("这不是巡察台的备份文件，或备份文件已损坏。") from exc
    with zf, _staging(target) as staging:
        listed = _manifest(zf)
        media = 0
        for name, meta in listed.items():
            dest = staging / name
            dest.parent.mkdir(parents=True, exist_ok=True)
            try:
                with zf.open(name) as src, dest.open("wb") as dst:
                    sha, size = _copy_hashing(src, dst, int(meta["size"]))
            except (zipfile.BadZipFile, OSError) as exc:
                if isinstance(exc, OSError) and exc.errno is not None:
                    raise
                raise BackupRefused(f"备份文件已损坏，无法读出：{name}") from exc
            if sha != meta["sha256"] or size != meta["size"]:
                raise BackupRefused(f"备份文件中的成员校验值不符（文件已被改动），已拒绝：{name}")
            media += name.startswith("media/")
        (staging / "backups").mkdir(exist_ok=True)
        if os.name != "nt":
            for folder in (staging, staging / "media", staging / "backups"):
                if folder.exists():
                    folder.chmod(0o700)
            for name in (DB_MEMBER, KEY_MEMBER):
                (staging / name).chmod(0o600)
        workspace_id, findings = verify(staging)
        if findings:
            raise BackupRefused("恢复出的工作区未通过检查，已放弃：" + "；".join(findings[:3]))
        if target.exists():
            target.rmdir()
        staging.rename(target)
        fsync_dir(target.parent)
    return Restored(target, workspace_id, media, findings)
