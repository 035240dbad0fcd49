"""What the campaign services share: the result of a write, who may do what, small lookups."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date

from sqlmodel import col, select

from app.domain.campaign import CampaignRefused, SystemDef, system_catalogue
from app.domain.vocabulary import WorkspaceKind, may_see_protected
from app.services.settings import Settings, load_settings
from app.storage.models import CampaignVillage, Synced, Township, Village
from app.storage.session import WorkspaceSession
from app.storage.workspace import Workspace

__all__ = [
    "DEFAULT_MEMBER_UNITS",
    "CampaignRefused",
    "Changed",
    "catalogue",
    "live_campaign",
    "may_see_people",
    "require_office",
    "today_or",
    "village_places",
]

DEFAULT_MEMBER_UNITS = ("区委组织部", "区委政法委", "区民政局", "区信访局")


@dataclass
class Changed:
    """What a write changed: table name → ids, and what the user should read (Chinese)."""

    ids: dict[str, list[str]] = field(default_factory=lambda: defaultdict(list))
    message: str = ""

    def add(self, row: Synced) -> None:
        self.ids[str(type(row).__tablename__)].append(row.id)

    def of(self, table: str) -> list[str]:
        return list(self.ids.get(table, []))

    @property
    def tables(self) -> frozenset[str]:
        return frozenset(t for t, ids in self.ids.items() if ids)


def require_office(ws: Workspace, what: str) -> None:
    """Refuse an office decision on a team laptop."""
    if ws.kind is not WorkspaceKind.OFFICE:
        raise CampaignRefused(f"{what}由巡察办办理，巡察组电脑上不能操作。")


def may_see_people(ws: Workspace) -> bool:
    """Whether the user may read work-group members' names and phones unmasked."""
    return may_see_protected(ws.role)


def today_or(on: date | None) -> date:
    return on or date.today()


def catalogue(settings: Settings) -> tuple[SystemDef, ...]:
    return system_catalogue(settings.campaign_systems or ())


def ws_catalogue(ws: Workspace) -> tuple[SystemDef, ...]:
    return catalogue(load_settings(ws))


def village_places(s: WorkspaceSession) -> dict[str, tuple[str, str, str]]:
    """village id → (township name, village name, township id), live villages only."""
    towns = dict(s.exec(select(col(Township.id), col(Township.name))).all())
    return {
        vid: (towns.get(tid, ""), name, tid)
        for vid, name, tid in s.exec(
            select(col(Village.id), col(Village.name), col(Village.township_id)).where(
                col(Village.retired_at).is_(None)
            )
        ).all()
    }


def live_campaign(s: WorkspaceSession, campaign_id: str) -> CampaignVillage:
    row = s.get(CampaignVillage, campaign_id)
    if row is None or row.retired_at is not None:
        raise CampaignRefused("找不到这个集中整治村（社区）。")
    return row


def campaign_of_village(s: WorkspaceSession, village_id: str) -> CampaignVillage | None:
    """The village's newest live campaign row (any status)."""
    return s.exec(
        select(CampaignVillage)
        .where(CampaignVillage.village_id == village_id, col(CampaignVillage.retired_at).is_(None))
        .order_by(col(CampaignVillage.created_at).desc())
    ).first()
