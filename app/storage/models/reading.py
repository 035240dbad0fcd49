"""The evening reading's own rows, local to this device (never synced).

``suggestion_lesson``: one per problem decided on a signed-off day, what the learned model of
:mod:`app.domain.learning` trains on (the reading's features and the decision). Resetting the
model deletes them. ``problem_merge``: one per problem merged into another, with what the merge
moved, so that a merge can be undone before its day is signed off.
"""

from __future__ import annotations

from datetime import date, datetime

import sqlalchemy as sa
from sqlmodel import Field, SQLModel

from app.domain.vocabulary import ProblemCategory, ProblemStatus, Subcategory, Track
from app.storage.models.base import enum_field, instant_field, new_id, text_field


class SuggestionLesson(SQLModel, table=True):
    """A decision the team took on a signed-off day, as the learned model reads it."""

    __tablename__ = "suggestion_lesson"

    id: str = Field(default_factory=new_id, primary_key=True, max_length=36)
    problem_id: str = Field(max_length=36, nullable=False, unique=True)
    day: date = Field(nullable=False, index=True)
    features: str = text_field()
    """The reading's features, one per line."""
    track: Track = enum_field(Track)
    category: ProblemCategory | None = enum_field(ProblemCategory, nullable=True)
    subcategory: Subcategory | None = enum_field(Subcategory, nullable=True)
    suggested_track: Track | None = enum_field(Track, nullable=True)
    kept: bool = Field(default=False, nullable=False)
    """The team kept the suggestion (track, category and sub-category as suggested)."""
    created_at: datetime = instant_field(now=True)
    updated_at: datetime = instant_field(now=True)


class ProblemMerge(SQLModel, table=True):
    """One problem merged into another by one merge (``operation_id`` groups a merge's rows)."""

    __tablename__ = "problem_merge"

    id: str = Field(default_factory=new_id, primary_key=True, max_length=36)
    operation_id: str = Field(max_length=36, nullable=False, index=True)
    keep_id: str = Field(max_length=36, nullable=False, index=True)
    merged_id: str = Field(max_length=36, nullable=False, index=True)
    voices: int = Field(default=1, nullable=False)
    status_before: ProblemStatus = enum_field(ProblemStatus)
    source_ids: str = Field(default="", sa_type=sa.Text, nullable=False)
    """The problem-source links moved to the kept problem, one id per line."""
    repointed_ids: str = Field(default="", sa_type=sa.Text, nullable=False)
    """Problems merged earlier into the merged one, now pointing at the kept one."""
    merged_by: str = Field(default="", max_length=64, nullable=False)
    created_at: datetime = instant_field(now=True)
    undone_at: datetime | None = instant_field()
