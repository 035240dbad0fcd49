"""Who and where: workspace, teams, users, townships, villages, channel lists, rounds, batches."""

from __future__ import annotations

from datetime import date, datetime

import sqlalchemy as sa
from sqlmodel import Field, SQLModel

from app.domain.vocabulary import (
    Channel,
    InspectionStyle,
    Phase,
    Role,
    Tier,
    TownshipKind,
    VillageKind,
    WorkspaceKind,
)
from app.storage.models.base import Synced, enum_field, fk, instant_field, text_field


class WorkspaceMeta(SQLModel, table=True):
    """Facts about this workspace and device (not synced): ids, kind, settings."""

    __tablename__ = "workspace_meta"

    key: str = Field(primary_key=True, max_length=64)
    value: str = Field(default="", sa_type=sa.Text, nullable=False)


class Team(Synced, table=True):
    """An inspection team (巡察组), or the office itself in an office workspace."""

    __tablename__ = "team"

    name: str = Field(max_length=100, nullable=False)
    kind: WorkspaceKind = enum_field(WorkspaceKind, default=WorkspaceKind.TEAM)
    doc_prefix: str = Field(default="", max_length=20, nullable=False)
    clue_prefix: str = Field(default="", max_length=20, nullable=False)
    """机关代字 of the team's clue transfers (a series of their own; "" until set)."""
    issuing_body: str = Field(default="", max_length=100, nullable=False)
    phone: str = Field(default="", max_length=40, nullable=False)
    mailbox: str = Field(default="", max_length=100, nullable=False)


class User(Synced, table=True):
    """A person who logs in. The password lives only in the key file (as a wrap of the db key)."""

    __tablename__ = "user"

    username: str = Field(max_length=64, nullable=False, unique=True)
    display_name: str = Field(max_length=64, nullable=False)
    role: Role = enum_field(Role)
    team_id: str | None = fk("team.id")
    phone: str = Field(default="", max_length=40, nullable=False)


class Township(Synced, table=True):
    """A township (乡镇) or subdistrict (街道)."""

    __tablename__ = "township"

    code: str = Field(default="", max_length=32, nullable=False, index=True)
    name: str = Field(max_length=64, nullable=False)
    kind: TownshipKind = enum_field(TownshipKind, default=TownshipKind.TOWNSHIP)
    party_committee: str = Field(default="", max_length=100, nullable=False)


class InspectionRound(Synced, table=True):
    """One round of village inspection (一轮巡察)."""

    __tablename__ = "inspection_round"

    name: str = Field(max_length=100, nullable=False)
    year: int = Field(nullable=False)
    starts_on: date | None = None
    ends_on: date | None = None
    notes: str = text_field()


class Batch(Synced, table=True):
    """A batch of a round (第一批 …) with its phase."""

    __tablename__ = "batch"

    round_id: str = fk("inspection_round.id", nullable=False)
    number: int = Field(nullable=False)
    phase: Phase = enum_field(Phase, default=Phase.TROUBLED_FIRST)
    team_id: str | None = fk("team.id")
    starts_on: date | None = None
    ends_on: date | None = None


class Village(Synced, table=True):
    """A village (村) or community (社区), with its triage result and batch."""

    __tablename__ = "village"

    township_id: str = fk("township.id", nullable=False)
    code: str = Field(default="", max_length=32, nullable=False, index=True)
    name: str = Field(max_length=64, nullable=False)
    kind: VillageKind = enum_field(VillageKind, default=VillageKind.VILLAGE)
    tier: Tier | None = enum_field(Tier, nullable=True)
    style: InspectionStyle | None = enum_field(InspectionStyle, nullable=True)
    tier_override: Tier | None = enum_field(Tier, nullable=True)
    tier_override_reason: str = text_field()
    batch_id: str | None = fk("batch.id")
    notes: str = text_field()


class ChannelListing(Synced, table=True):
    """A village on one channel's list (one of the seven). Replaced lists stay, inactive."""

    __tablename__ = "channel_listing"

    village_id: str = fk("village.id", nullable=False)
    round_id: str | None = fk("inspection_round.id")
    channel: Channel = enum_field(Channel, index=True)
    source: str = Field(default="", max_length=100, nullable=False)
    count: int = Field(default=1, nullable=False)
    note: str = text_field()
    list_id: str = Field(default="", max_length=36, nullable=False, index=True)
    active: bool = Field(default=True, nullable=False)
    listed_at: datetime = instant_field(now=True)
