"""What the evening decides and the office follows: wrap-ups, notices, clues, ledger; audit."""

from __future__ import annotations

from datetime import date, datetime

import sqlalchemy as sa
from sqlmodel import Field, SQLModel

from app.domain.vocabulary import (
    ClueStatus,
    LedgerStatus,
    NoticeStatus,
    ReceivingBody,
    Urgency,
    WrapupStatus,
)
from app.storage.models.base import Synced, enum_field, fk, instant_field, new_id, text_field
from app.storage.protect import protected_field


class DailyWrapup(Synced, table=True):
    """The evening wrap-up of one day (昼巡夜结), signed off by the leader."""

    __tablename__ = "daily_wrapup"
    __table_args__ = (sa.UniqueConstraint("team_id", "day", name="uq_daily_wrapup_team_day"),)

    team_id: str = fk("team.id", nullable=False)
    day: date = Field(nullable=False, index=True)
    status: WrapupStatus = enum_field(WrapupStatus, default=WrapupStatus.OPEN)
    closed_at: datetime | None = instant_field()
    closed_by_id: str | None = fk("user.id")
    summary: str = text_field()


class RectificationNotice(Synced, table=True):
    """立行立改通知书: one per responsible unit, gathering that unit's fix-now problems."""

    __tablename__ = "rectification_notice"

    village_id: str = fk("village.id", nullable=False)
    wrapup_id: str | None = fk("daily_wrapup.id")
    responsible_unit: str = Field(max_length=100, nullable=False)
    year: int = Field(nullable=False)
    serial: int | None = None
    doc_number: str = Field(default="", max_length=64, nullable=False)
    issued_on: date = Field(nullable=False)
    deadline: date = Field(nullable=False, index=True)
    feedback_due: date | None = None
    status: NoticeStatus = enum_field(NoticeStatus, default=NoticeStatus.ISSUED, index=True)
    contact_person: str = Field(default="", max_length=64, nullable=False)
    contact_phone: str = Field(default="", max_length=40, nullable=False)
    feedback: str = text_field()
    feedback_on: date | None = None
    verified_on: date | None = None
    verifier: str = Field(default="", max_length=64, nullable=False)
    closed_on: date | None = None


class ClueTransfer(Synced, table=True):
    """问题线索移交: one clue handed to the discipline commission, police or organisation dept."""

    __tablename__ = "clue_transfer"

    problem_id: str = fk("problem.id", nullable=False)
    wrapup_id: str | None = fk("daily_wrapup.id")
    year: int = Field(nullable=False)
    serial: int | None = None
    doc_number: str = Field(default="", max_length=64, nullable=False)
    receiving_body: ReceivingBody = enum_field(ReceivingBody)
    urgency: Urgency = enum_field(Urgency, default=Urgency.NORMAL)
    transferred_on: date = Field(nullable=False)
    feedback_deadline: date = Field(nullable=False, index=True)
    status: ClueStatus = enum_field(ClueStatus, default=ClueStatus.TRANSFERRED, index=True)
    person_name: str = protected_field("clue_transfer.person_name", max_length=64)
    person_unit: str = Field(default="", max_length=100, nullable=False)
    person_post: str = Field(default="", max_length=64, nullable=False)
    summary: str = text_field()
    attachment_pages: int = Field(default=0, nullable=False)
    classification: str = Field(default="内部", max_length=16, nullable=False)
    feedback: str = text_field()
    feedback_on: date | None = None


class LedgerItem(Synced, table=True):
    """整改台账 item (对账销号): the township Party committee supervises; ticked off when done."""

    __tablename__ = "ledger_item"

    problem_id: str = fk("problem.id", nullable=False)
    village_id: str = fk("village.id", nullable=False)
    wrapup_id: str | None = fk("daily_wrapup.id")
    requirement: str = text_field()
    supervisor: str = Field(default="", max_length=100, nullable=False)
    deadline: date = Field(nullable=False, index=True)
    status: LedgerStatus = enum_field(LedgerStatus, default=LedgerStatus.OPEN, index=True)
    progress: str = text_field()
    ticked_off_on: date | None = None
    verifier: str = Field(default="", max_length=64, nullable=False)
    extension_reason: str = text_field()
    responsible_person: str = Field(default="", max_length=64, nullable=False)
    """责任人 of the responsible unit (as the unit reports it)."""
    completed_on: date | None = None
    """完成时间: when the unit reported the work done."""


class AuditEvent(SQLModel, table=True):
    """Append-only: who did what, when, to which record. Triggers refuse UPDATE and DELETE.

    ``fields`` names the columns that changed, never their values, so no protected name ever
    reaches the log.
    """

    __tablename__ = "audit_event"

    id: str = Field(default_factory=new_id, primary_key=True, max_length=36)
    at: datetime = instant_field(now=True, index=True)
    actor: str = Field(default="", max_length=64, nullable=False)
    device: str = Field(default="", max_length=64, nullable=False)
    action: str = Field(max_length=32, nullable=False)
    table_name: str = Field(default="", max_length=64, nullable=False)
    record_id: str = Field(default="", max_length=36, nullable=False, index=True)
    record_version: int = Field(default=0, nullable=False)
    fields: str = text_field()
    note: str = text_field()


class SyncState(SQLModel, table=True):
    """Where sync stands with a peer (the office, or a team seen from the office)."""

    __tablename__ = "sync_state"

    id: str = Field(default_factory=new_id, primary_key=True, max_length=36)
    peer: str = Field(max_length=64, nullable=False, unique=True)
    last_exported_seq: int = Field(default=0, nullable=False)
    last_export_at: datetime | None = instant_field()
    last_imported_seq: int = Field(default=0, nullable=False)
    last_import_at: datetime | None = instant_field()
    details: str = text_field()
