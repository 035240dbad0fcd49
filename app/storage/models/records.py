"""What the team hears: persons, visits, opinion-box entries, interviews, problems, photos."""

from __future__ import annotations

from datetime import date, datetime

import sqlalchemy as sa
from sqlmodel import Field

from app.domain.vocabulary import (
    EntryChannel,
    ProblemCategory,
    ProblemStatus,
    ReceivingBody,
    Subcategory,
    Track,
    Urgency,
    VisitMethod,
)
from app.storage.models.base import Synced, enum_field, fk, local_field, text_field
from app.storage.protect import Protected, protected_field


class Person(Synced, table=True):
    """A named villager or cadre. ``protected`` names (informants) are masked for most roles."""

    __tablename__ = "person"

    name: str = Field(sa_type=Protected("person.name", 64), nullable=False)
    post: str = Field(default="", max_length=64, nullable=False)
    unit: str = Field(default="", max_length=100, nullable=False)
    phone: str = protected_field("person.phone", max_length=40)
    village_id: str | None = fk("village.id")
    protected: bool = Field(default=False, nullable=False)


class Visit(Synced, table=True):
    """A visit record (one of the five methods). ``occurred_at`` is local wall-clock time."""

    __tablename__ = "visit"
    __table_args__ = (sa.Index("ix_visit_village_live", "village_id", "retired_at"),)

    village_id: str = fk("village.id", nullable=False)
    occurred_at: datetime = local_field(index=True)
    method: VisitMethod = enum_field(VisitMethod)
    place: str = Field(default="", max_length=200, nullable=False)
    inspectors: str = Field(default="", max_length=200, nullable=False)
    notes: str = text_field()
    author_id: str | None = fk("user.id")


class VisitPerson(Synced, table=True):
    """A person met on a visit, with the part they played."""

    __tablename__ = "visit_person"

    visit_id: str = fk("visit.id", nullable=False)
    person_id: str = fk("person.id", nullable=False)
    role: str = Field(default="", max_length=64, nullable=False)


class OpinionEntry(Synced, table=True):
    """One letter or note from an opinion box, or one contact-card call, letter or walk-in."""

    __tablename__ = "opinion_entry"
    __table_args__ = (sa.Index("ix_opinion_entry_village_live", "village_id", "retired_at"),)

    village_id: str = fk("village.id", nullable=False)
    channel: EntryChannel = enum_field(EntryChannel)
    box_label: str = Field(default="", max_length=100, nullable=False)
    opened_at: datetime | None = local_field(nullable=True)
    received_at: datetime = local_field(index=True)
    anonymous: bool = Field(default=True, nullable=False)
    writer_id: str | None = fk("person.id")
    content: str = text_field()
    author_id: str | None = fk("user.id")


class Interview(Synced, table=True):
    """An interview record (谈话/约访记录)."""

    __tablename__ = "interview"
    __table_args__ = (sa.Index("ix_interview_village_live", "village_id", "retired_at"),)

    village_id: str = fk("village.id", nullable=False)
    interviewee_id: str | None = fk("person.id")
    interviewers: str = Field(default="", max_length=200, nullable=False)
    started_at: datetime = local_field(index=True)
    ended_at: datetime | None = local_field(nullable=True)
    place: str = Field(default="", max_length=200, nullable=False)
    record: str = text_field()
    author_id: str | None = fk("user.id")


class Problem(Synced, table=True):
    """A problem raised by one or more records, sorted in the evening into a track."""

    __tablename__ = "problem"
    __table_args__ = (
        sa.Index("ix_problem_village_live", "village_id", "retired_at"),
        sa.Index(
            "ix_problem_overview",
            "village_id",
            "track",
            "status",
            "deadline",
            "notice_id",
            sqlite_where=sa.text("retired_at IS NULL"),
            postgresql_where=sa.text("retired_at IS NULL"),
        ),
    )

    village_id: str = fk("village.id", nullable=False)
    description: str = text_field()
    raised_on: date = Field(nullable=False, index=True)
    category: ProblemCategory | None = enum_field(ProblemCategory, nullable=True)
    subcategory: Subcategory | None = enum_field(Subcategory, nullable=True)
    track: Track | None = enum_field(Track, nullable=True, index=True)
    status: ProblemStatus = enum_field(ProblemStatus, default=ProblemStatus.NEW, index=True)
    responsible_unit: str = Field(default="", max_length=100, nullable=False)
    deadline: date | None = None
    receiving_body: ReceivingBody | None = enum_field(ReceivingBody, nullable=True)
    urgency: Urgency | None = enum_field(Urgency, nullable=True)
    supervisor: str = Field(default="", max_length=100, nullable=False)
    requirement: str = text_field()
    voices: int = Field(default=1, nullable=False)
    merged_into_id: str | None = fk("problem.id")
    wrapup_id: str | None = fk("daily_wrapup.id")
    notice_id: str | None = fk("rectification_notice.id")


class ProblemSource(Synced, table=True):
    """Links a problem to one record that raised it (exactly one of the three ids is set)."""

    __tablename__ = "problem_source"
    __table_args__ = (
        sa.CheckConstraint(
            "(visit_id IS NOT NULL) + (entry_id IS NOT NULL) + (interview_id IS NOT NULL) = 1",
            name="ck_problem_source_one_record",
        ),
    )

    problem_id: str = fk("problem.id", nullable=False)
    visit_id: str | None = fk("visit.id")
    entry_id: str | None = fk("opinion_entry.id")
    interview_id: str | None = fk("interview.id")


class Attachment(Synced, table=True):
    """A photo or scan. The bytes live encrypted in ``media/``, stored once per SHA-256."""

    __tablename__ = "attachment"

    sha256: str = Field(max_length=64, nullable=False, index=True)
    stored_name: str = Field(max_length=128, nullable=False)
    thumb_name: str = Field(default="", max_length=128, nullable=False)
    mime: str = Field(default="image/jpeg", max_length=64, nullable=False)
    width: int = Field(default=0, nullable=False)
    height: int = Field(default=0, nullable=False)
    size_bytes: int = Field(default=0, nullable=False)
    original_name: str = Field(default="", max_length=255, nullable=False)
    caption: str = Field(default="", max_length=200, nullable=False)
    visit_id: str | None = fk("visit.id")
    entry_id: str | None = fk("opinion_entry.id")
    interview_id: str | None = fk("interview.id")
    problem_id: str | None = fk("problem.id")
    ledger_item_id: str | None = fk("ledger_item.id")
    # evidence of a follow-up step on a notice or a clue transfer (整改佐证, 反馈材料)
    notice_id: str | None = fk("rectification_notice.id")
    clue_transfer_id: str | None = fk("clue_transfer.id")
    campaign_progress_id: str | None = fk("campaign_progress.id")
    selfcheck_result_id: str | None = fk("selfcheck_result.id")
