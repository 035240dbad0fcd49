"""Row counts per kind of record (``python -m app stats``), and the villages under 集中整治
(``campaign_villages``: decided by the district committee, whatever stage they are at)."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import func
from sqlmodel import col, select

from app.domain.campaign import CAMPAIGN_STATUSES
from app.domain.vocabulary import RECORD_KIND_LABELS
from app.storage.models import SYNCED_MODELS, AuditEvent, CampaignVillage
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
        in_force = s.exec(
            select(func.count(func.distinct(CampaignVillage.village_id))).where(
                col(CampaignVillage.retired_at).is_(None),
                col(CampaignVillage.status).in_(list(CAMPAIGN_STATUSES)),
            )
        ).one()
        out.append(KindCount("campaign_villages", KIND_LABELS["campaign_villages"], in_force, 0))
        audits = s.exec(select(func.count()).select_from(AuditEvent)).one()
        out.append(KindCount("audit_event", KIND_LABELS["audit_event"], audits, 0))
    return out
