"""Follow-up's own rows: the history of deadline extensions, and this device's number counters.

- ``deadline_extension`` (synced): every time an item that cannot be finished in time gets a new
  deadline (延期, or 核查未通过 sent back with a new deadline), the old and new deadline and the
  reason. The item keeps its row; nothing is dropped.
- ``doc_series`` (not synced, this device only): the last document serial this device issued
  per 机关代字 and year — see :mod:`app.services.followup.numbering`.
"""

from __future__ import annotations

from datetime import date, datetime

from sqlmodel import Field, SQLModel

from app.storage.models.base import Synced, instant_field, text_field


class DeadlineExtension(Synced, table=True):
    """One extension of a followed item's deadline (``item_kind``: notice / ledger / clue)."""

    __tablename__ = "deadline_extension"

    item_kind: str = Field(max_length=16, nullable=False)
    item_id: str = Field(max_length=36, nullable=False, index=True)
    action: str = Field(default="extend", max_length=16, nullable=False)
    old_deadline: date = Field(nullable=False)
    new_deadline: date = Field(nullable=False)
    reason: str = text_field()
    decided_on: date = Field(nullable=False)
    decided_by: str = Field(default="", max_length=64, nullable=False)


class DocSeries(SQLModel, table=True):
    """The last serial this device issued in one series (机关代字 + year)."""

    __tablename__ = "doc_series"

    prefix: str = Field(primary_key=True, max_length=20)
    year: int = Field(primary_key=True)
    last_serial: int = Field(default=0, nullable=False)
    updated_at: datetime = instant_field(now=True)
