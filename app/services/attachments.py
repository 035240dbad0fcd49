"""Photos of records: store a processed photo (encrypted, once per content) and read them back.

Intake (orientation, downscale, metadata stripping) is ``app.media.intake_photo``; the window runs
it off the GUI thread and keeps the results until the form is saved. Saving writes the blobs first
(content-addressed, so a retry or an identical photo costs nothing) and then the attachment rows in
the same transaction as the record: a failed save leaves no row behind.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlmodel import col, select

from app.media import ProcessedPhoto
from app.storage.mediastore import MediaStore
from app.storage.models import Attachment
from app.storage.session import WorkspaceSession
from app.storage.workspace import Workspace

OWNER_COLUMNS: dict[str, str] = {
    "visit": "visit_id",
    "opinion_entry": "entry_id",
    "interview": "interview_id",
    "problem": "problem_id",
    "ledger_item": "ledger_item_id",
    "rectification_notice": "notice_id",
    "clue_transfer": "clue_transfer_id",
    "campaign_progress": "campaign_progress_id",
    "selfcheck_result": "selfcheck_result_id",
}


@dataclass(frozen=True)
class PhotoInfo:
    id: str
    original_name: str
    width: int
    height: int
    thumb_name: str
    stored_name: str


def media_store(ws: Workspace) -> MediaStore:
    return ws.media_store()


def stage_photos(ws: Workspace, photos: list[ProcessedPhoto]) -> list[tuple[str, str]]:
    """Write the blobs of ``photos`` (photo and thumbnail); returns their stored names."""
    store = media_store(ws)
    names: list[tuple[str, str]] = []
    for p in photos:
        blob = store.put(p.data)
        thumb = store.put(p.thumbnail)
        names.append((blob.name, thumb.name))
    return names


def add_attachment_rows(
    s: WorkspaceSession,
    kind: str,
    record_id: str,
    photos: list[ProcessedPhoto],
    names: list[tuple[str, str]],
    *,
    caption: str = "",
) -> list[Attachment]:
    """Attachment rows for staged photos, in the caller's transaction (not committed).

    A photo the record already carries (same SHA-256) is not added again.
    """
    column = OWNER_COLUMNS[kind]
    existing = {
        a.sha256
        for a in s.exec(
            select(Attachment).where(
                getattr(Attachment, column) == record_id, col(Attachment.retired_at).is_(None)
            )
        ).all()
    }
    rows: list[Attachment] = []
    for p, (name, thumb) in zip(photos, names, strict=True):
        if p.sha256 in existing:  # the same photo twice on one record is kept once
            continue
        existing.add(p.sha256)
        att = Attachment(
            sha256=p.sha256,
            stored_name=name,
            thumb_name=thumb,
            width=p.width,
            height=p.height,
            size_bytes=len(p.data),
            original_name=p.original_name[:255],
            caption=caption,
        )
        setattr(att, column, record_id)
        s.add(att)
        rows.append(att)
    return rows


def photos_of(ws: Workspace, kind: str, record_id: str) -> list[PhotoInfo]:
    column = OWNER_COLUMNS[kind]
    with ws.session() as s:
        rows = s.exec(
            select(Attachment)
            .where(getattr(Attachment, column) == record_id, col(Attachment.retired_at).is_(None))
            .order_by(col(Attachment.created_at))
        ).all()
    return [
        PhotoInfo(a.id, a.original_name, a.width, a.height, a.thumb_name, a.stored_name)
        for a in rows
    ]


def read_blob(ws: Workspace, name: str) -> bytes:
    """The decrypted bytes of a stored photo or thumbnail."""
    return media_store(ws).get(name)


__all__ = [
    "OWNER_COLUMNS",
    "PhotoInfo",
    "add_attachment_rows",
    "media_store",
    "photos_of",
    "read_blob",
    "stage_photos",
]
