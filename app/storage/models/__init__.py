"""All tables of the workspace. Import from here so that every table is registered."""

from app.storage.models.base import CodeEnum, Synced, new_id, utcnow
from app.storage.models.followup import (
    AuditEvent,
    ClueTransfer,
    DailyWrapup,
    LedgerItem,
    RectificationNotice,
    SyncState,
)
from app.storage.models.org import (
    Batch,
    ChannelListing,
    InspectionRound,
    Team,
    Township,
    User,
    Village,
    WorkspaceMeta,
)
from app.storage.models.records import (
    Attachment,
    Interview,
    OpinionEntry,
    Person,
    Problem,
    ProblemSource,
    Visit,
    VisitPerson,
)

SYNCED_MODELS: tuple[type[Synced], ...] = (
    Team,
    User,
    Township,
    InspectionRound,
    Batch,
    Village,
    ChannelListing,
    Person,
    Visit,
    VisitPerson,
    OpinionEntry,
    Interview,
    DailyWrapup,
    RectificationNotice,
    Problem,
    ProblemSource,
    ClueTransfer,
    LedgerItem,
    Attachment,
)
"""Every synced table, parents before children (the order of inserts and of sync bundles)."""

__all__ = [
    "SYNCED_MODELS",
    "Attachment",
    "AuditEvent",
    "Batch",
    "ChannelListing",
    "ClueTransfer",
    "CodeEnum",
    "DailyWrapup",
    "InspectionRound",
    "Interview",
    "LedgerItem",
    "OpinionEntry",
    "Person",
    "Problem",
    "ProblemSource",
    "RectificationNotice",
    "SyncState",
    "Synced",
    "Team",
    "Township",
    "User",
    "Village",
    "Visit",
    "VisitPerson",
    "WorkspaceMeta",
    "new_id",
    "utcnow",
]
