"""All tables of the workspace. Import from here so that every table is registered."""

from app.storage.models.base import CodeEnum, Synced, new_id, utcnow
from app.storage.models.drafts import FormDraft
from app.storage.models.followup import (
    AuditEvent,
    ClueTransfer,
    DailyWrapup,
    LedgerItem,
    RectificationNotice,
    SyncState,
)
from app.storage.models.followup_history import DeadlineExtension, DocSeries
from app.storage.models.office import MediaBlob, OfficeAccess, RowOrigin
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
from app.storage.models.registry import ChannelList
from app.storage.models.sync import (
    SyncBundle,
    SyncChange,
    SyncConflict,
    SyncDevice,
    SyncKey,
    SyncPeer,
    SyncRowTeam,
)
from app.storage.models.wrapup import WrapupAmendment

SYNCED_MODELS: tuple[type[Synced], ...] = (
    Team,
    User,
    Township,
    InspectionRound,
    Batch,
    Village,
    ChannelList,
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
    WrapupAmendment,
    Attachment,
    DeadlineExtension,
)
"""Every synced table, parents before children (the order of inserts and of sync bundles)."""

__all__ = [
    "SYNCED_MODELS",
    "Attachment",
    "AuditEvent",
    "Batch",
    "ChannelList",
    "ChannelListing",
    "ClueTransfer",
    "CodeEnum",
    "DailyWrapup",
    "DeadlineExtension",
    "DocSeries",
    "FormDraft",
    "InspectionRound",
    "Interview",
    "LedgerItem",
    "MediaBlob",
    "OfficeAccess",
    "OpinionEntry",
    "Person",
    "Problem",
    "ProblemSource",
    "RectificationNotice",
    "RowOrigin",
    "SyncBundle",
    "SyncChange",
    "SyncConflict",
    "SyncDevice",
    "SyncKey",
    "SyncPeer",
    "SyncRowTeam",
    "SyncState",
    "Synced",
    "Team",
    "Township",
    "User",
    "Village",
    "Visit",
    "VisitPerson",
    "WorkspaceMeta",
    "WrapupAmendment",
    "new_id",
    "utcnow",
]
