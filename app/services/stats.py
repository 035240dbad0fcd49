"""Row counts per kind of record (``python -m app stats``)."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import func
from sqlmodel import select

from app.domain.vocabulary import RECORD_KIND_LABELS
from app.storage.models import SYNCED_MODELS, AuditEvent
from app.storage.workspace import Workspace

KIND_LABELS = RECORD_KIND_LABELS


@dataclass(frozen=True)
class KindCount:
    kind: str
    label: str
    live: int
    retired: int


def row_counts(ws: Workspace) -> list[KindCount]:
    out: list[KindCount] = []
    with ws.session() as s:
        for model in SYNCED_MODELS:
            name = str(model.__tablename__)
            total = s.exec(select(func.count()).select_from(model)).one()
            retired = s.exec(
                select(func.count()).select_from(model).where(model.retired_at.is_not(None))  # type: ignore[union-attr]
            ).one()
            out.append(KindCount(name, KIND_LABELS.get(name, name), total - retired, retired))
        audits = s.exec(select(func.count()).select_from(AuditEvent)).one()
        out.append(KindCount("audit_event", KIND_LABELS["audit_event"], audits, 0))
    return out
