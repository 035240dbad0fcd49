"""Channel lists as imported: one row per file (or per channel of a file) brought in.

Each :class:`~app.storage.models.org.ChannelListing` names its list by ``list_id``. A newer list for
the same channel and round replaces the older one: the older list keeps its rows (inactive) and
records ``replaced_by``, so the history of what each department sent stays readable.
"""

from __future__ import annotations

from datetime import datetime

from sqlmodel import Field

from app.domain.vocabulary import Channel
from app.storage.models.base import Synced, enum_field, fk, instant_field


class ChannelList(Synced, table=True):
    """One imported list of one channel (信访、举报 …) for a round."""

    __tablename__ = "channel_list"

    round_id: str | None = fk("inspection_round.id")
    channel: Channel = enum_field(Channel, index=True)
    file_name: str = Field(default="", max_length=255, nullable=False)
    sha256: str = Field(default="", max_length=64, nullable=False)
    imported_by: str = Field(default="", max_length=64, nullable=False)
    imported_at: datetime = instant_field(now=True)
    rows: int = Field(default=0, nullable=False)
    replaced_by: str | None = Field(default=None, max_length=36, nullable=True)
