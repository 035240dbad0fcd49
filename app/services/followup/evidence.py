"""Evidence of follow-up steps (整改佐证, 反馈材料): photos and scanned papers of any followed item.

A unit's written feedback, a photo of the repaired well, the signed 回执: each is taken in through
the photo intake (:func:`app.media.intake_photo`: orientation, downscale, metadata stripped; a
scan is an image like a photo) and stored encrypted, once per content, like the photos of
records. The attachment row names its item (ledger item, notice or clue transfer) and, in its
caption, the step it came with (整改反馈、整改进展、销号 …).

The window and the command line (``evidence add``) call the same :func:`add_evidence`; each call
is one transaction and one audit event.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from sqlmodel import col, select

from app.domain.followup import Action, ItemKind, TransitionRefused
from app.media import ProcessedPhoto, intake_photo
from app.services.attachments import PhotoInfo, add_attachment_rows, stage_photos
from app.services.field.records import Changed
from app.services.settings import load_settings
from app.storage.models import Attachment, ClueTransfer, LedgerItem, RectificationNotice
from app.storage.session import WorkspaceSession
from app.storage.workspace import Workspace

OWNER_KIND: dict[ItemKind, str] = {
    ItemKind.LEDGER: "ledger_item",
    ItemKind.NOTICE: "rectification_notice",
    ItemKind.CLUE: "clue_transfer",
}
"""The attachment owner kind (``app.services.attachments.OWNER_COLUMNS``) of each item kind."""

_COLUMN = {
    ItemKind.LEDGER: Attachment.ledger_item_id,
    ItemKind.NOTICE: Attachment.notice_id,
    ItemKind.CLUE: Attachment.clue_transfer_id,
}
_MODEL: dict[ItemKind, type[LedgerItem | RectificationNotice | ClueTransfer]] = {
    ItemKind.LEDGER: LedgerItem,
    ItemKind.NOTICE: RectificationNotice,
    ItemKind.CLUE: ClueTransfer,
}
DEFAULT_CAPTION = "整改佐证"
STEP_CAPTIONS: dict[Action, str] = {
    Action.FEEDBACK: "整改反馈材料",
    Action.VERIFY: "核查材料",
    Action.PROGRESS: "整改进展佐证",
    Action.TICK_OFF: "销号佐证",
    Action.EXTEND: "延期说明材料",
}


@dataclass(frozen=True)
class EvidenceResult:
    added: list[str]
    """Attachment ids of the new evidence (a file already attached is not added again)."""
    changed: list[Changed]


def evidence_ids_in(s: WorkspaceSession, kind: ItemKind, item_id: str) -> list[str]:
    """The item's evidence ids, read in the caller's session."""
    column = _COLUMN[kind]
    rows = s.exec(
        select(Attachment.id).where(column == item_id, col(Attachment.retired_at).is_(None))
    ).all()
    return list(rows)


def evidence_ids(ws: Workspace, kind: ItemKind, item_id: str) -> list[str]:
    with ws.session() as s:
        return evidence_ids_in(s, kind, item_id)


def evidence_of_item(ws: Workspace, kind: ItemKind, item_id: str) -> list[PhotoInfo]:
    """The item's evidence, oldest first (for thumbnails; :func:`read_blob` reads the bytes)."""
    from app.services.attachments import photos_of

    return photos_of(ws, OWNER_KIND[kind], item_id)


def take_in(paths: Sequence[Path], max_edge: int) -> list[ProcessedPhoto]:
    """Run each file through the photo intake (refused with its Chinese reason)."""
    return [intake_photo(Path(p), max_edge=max_edge) for p in paths]


def add_evidence(
    ws: Workspace,
    kind: ItemKind,
    item_id: str,
    photos: Sequence[ProcessedPhoto],
    *,
    step: Action | None = None,
) -> EvidenceResult:
    """Attach ``photos`` to the item (in one transaction, audited ``followup_evidence``)."""
    if not photos:
        raise TransitionRefused("请选择佐证材料（照片或扫描件）。", "evidence")
    caption = STEP_CAPTIONS.get(step, DEFAULT_CAPTION) if step is not None else DEFAULT_CAPTION
    names = stage_photos(ws, list(photos))
    with ws.session() as s:
        item: LedgerItem | RectificationNotice | ClueTransfer | None
        item = s.get(_MODEL[kind], item_id)  # type: ignore[assignment]
        if item is None or item.retired_at is not None:
            raise TransitionRefused(f"找不到这份{kind.label}。")
        rows = add_attachment_rows(
            s, OWNER_KIND[kind], item.id, list(photos), names, caption=caption
        )
        s.flush()
        s.audit("followup_evidence", item, note=f"{caption}{len(rows)}份")
        s.commit()
        changed = [Changed("attachment", a.id, a.version) for a in rows]
        return EvidenceResult([a.id for a in rows], changed)


def add_evidence_files(
    ws: Workspace,
    kind: ItemKind,
    item_id: str,
    paths: Sequence[Path],
    *,
    step: Action | None = None,
) -> EvidenceResult:
    """Take the files in and attach them (the command line's path; the window takes photos in
    off the GUI thread first and calls :func:`add_evidence`)."""
    photos = take_in(paths, load_settings(ws).photo_max_edge)
    return add_evidence(ws, kind, item_id, photos, step=step)


__all__ = [
    "DEFAULT_CAPTION",
    "OWNER_KIND",
    "STEP_CAPTIONS",
    "EvidenceResult",
    "add_evidence",
    "add_evidence_files",
    "evidence_ids",
    "evidence_ids_in",
    "evidence_of_item",
    "take_in",
]
