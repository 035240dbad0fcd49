"""Drafts of the field forms, saved as the user types (local to this device, never synced).

The database is encrypted, so a draft is as safe at rest as the records themselves. One row per
open form: ``key`` is ``<kind>:new`` for a new record or ``<kind>:<record id>`` for an edit.
"""

from __future__ import annotations

from datetime import datetime

from sqlmodel import Field, SQLModel

from app.storage.models.base import instant_field
from app.storage.protect import protected_field


class FormDraft(SQLModel, table=True):
    """The unsaved content of one form, as JSON (never shown in logs)."""

    __tablename__ = "form_draft"

    key: str = Field(primary_key=True, max_length=80)
    username: str = Field(default="", max_length=64, nullable=False, index=True)
    kind: str = Field(max_length=32, nullable=False)
    record_id: str = Field(default="", max_length=36, nullable=False)
    village_id: str = Field(default="", max_length=36, nullable=False)
    payload: str = protected_field("form_draft.payload", default="{}")
    updated_at: datetime = instant_field(now=True)
