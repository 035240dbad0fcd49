"""Row counts per kind of record (``python -m app stats``)."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import func
from sqlmodel import select

from app.storage.models import SYNCED_MODELS, AuditEvent
from app.storage.workspace import Workspace

KIND_LABELS: dict[str, str] = {
    "team": "巡察组",
    "user": "用户",
    "township": "乡镇（街道）",
    "inspection_round": "巡察轮次",
    "batch": "批次",
    "village": "村（社区）",
    "channel_listing": "渠道名单条目",
    "person": "人员",
    "visit": "走访记录",
    "visit_person": "走访对象",
    "opinion_entry": "意见箱信件",
    "interview": "谈话记录",
    "daily_wrapup": "昼巡夜结",
    "rectification_notice": "立行立改通知书",
    "problem": "问题",
    "problem_source": "问题来源",
    "clue_transfer": "问题线索移交",
    "ledger_item": "整改台账事项",
    "attachment": "照片附件",
    "audit_event": "审计记录",
}


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
