"""Sync bookkeeping (not synced itself): change log, keys, peers, imported bundles, conflicts.

- ``sync_change``: one row per write of a synced row (filled by the session hook), so "changed
  since the last export" is exact: a bundle carries the rows whose changes have a ``seq`` above the
  last exported one. ``base_origin``/``base_version`` are the row's stamp before that write, so the
  office can tell a change made on top of what it holds from a diverging one.
- ``sync_key``: this workspace's own key pairs (the office's, or the team's from its kit). Private
  keys live only here, inside the encrypted database, never in a plain file.
- ``sync_peer``: whom this workspace exchanges bundles with and their public keys (at the office:
  every provisioned team; on a team laptop: the office).
- ``sync_bundle``: every bundle imported (idempotence, the report).
- ``sync_conflict``: a change that diverged from the row the office holds, waiting for a decision.
- ``sync_row_team``: the owner of every row received from another party (a team's id, or
  ``"office"``), recorded from the verified signer of the bundle that brought it, with that
  bundle's device and id; a row without a line belongs to this workspace (see
  :mod:`app.storage.ownership`).
- ``sync_device``: which party each device that sent a bundle belongs to.
"""

from __future__ import annotations

from datetime import datetime

import sqlalchemy as sa
from sqlmodel import Field, SQLModel

from app.storage.models.base import instant_field, new_id, text_field
from app.storage.protect import Protected, protected_field


class SyncChange(SQLModel, table=True):
    __tablename__ = "sync_change"

    seq: int | None = Field(default=None, primary_key=True)
    table_name: str = Field(max_length=64, nullable=False)
    record_id: str = Field(max_length=36, nullable=False, index=True)
    base_origin: str = Field(default="", max_length=64, nullable=False)
    base_version: int = Field(default=0, nullable=False)
    merged: bool = Field(default=False, nullable=False)


class SyncKey(SQLModel, table=True):
    __tablename__ = "sync_key"

    owner_id: str = Field(primary_key=True, max_length=36)
    role: str = Field(max_length=16, nullable=False)
    name: str = Field(default="", max_length=100, nullable=False)
    sign_private: str = Field(sa_type=Protected("sync_key.sign_private"), nullable=False)
    box_private: str = Field(sa_type=Protected("sync_key.box_private"), nullable=False)
    created_at: datetime = instant_field(now=True)


class SyncPeer(SQLModel, table=True):
    __tablename__ = "sync_peer"

    peer_id: str = Field(primary_key=True, max_length=36)
    kind: str = Field(max_length=16, nullable=False)
    name: str = Field(default="", max_length=100, nullable=False)
    sign_public: str = Field(max_length=64, nullable=False)
    box_public: str = Field(max_length=64, nullable=False)
    added_at: datetime = instant_field(now=True)


class SyncBundle(SQLModel, table=True):
    __tablename__ = "sync_bundle"

    bundle_id: str = Field(primary_key=True, max_length=36)
    direction: str = Field(max_length=16, nullable=False)
    team_id: str = Field(max_length=36, nullable=False, index=True)
    device_id: str = Field(max_length=64, nullable=False)
    seq_from: int = Field(default=0, nullable=False)
    seq_to: int = Field(default=0, nullable=False)
    file_sha256: str = Field(max_length=64, nullable=False)
    imported_at: datetime = instant_field(now=True)
    report: str = text_field()


class SyncConflict(SQLModel, table=True):
    __tablename__ = "sync_conflict"
    __table_args__ = (
        sa.UniqueConstraint(
            "record_id",
            "incoming_origin",
            "incoming_version",
            "incoming_sha",
            name="uq_sync_conflict_incoming",
        ),
    )

    id: str = Field(default_factory=new_id, primary_key=True, max_length=36)
    table_name: str = Field(max_length=64, nullable=False)
    record_id: str = Field(max_length=36, nullable=False, index=True)
    team_id: str = Field(default="", max_length=36, nullable=False)
    bundle_id: str = Field(default="", max_length=36, nullable=False)
    reason: str = Field(default="diverged", max_length=16, nullable=False)
    local_origin: str = Field(default="", max_length=64, nullable=False)
    local_version: int = Field(default=0, nullable=False)
    local_data: str = protected_field("sync_conflict.local_data")
    incoming_origin: str = Field(max_length=64, nullable=False)
    incoming_version: int = Field(nullable=False)
    incoming_sha: str = Field(max_length=64, nullable=False)
    incoming_data: str = protected_field("sync_conflict.incoming_data")
    status: str = Field(default="open", max_length=16, nullable=False, index=True)
    detected_at: datetime = instant_field(now=True)
    decided_by: str = Field(default="", max_length=64, nullable=False)
    decided_at: datetime | None = instant_field()


class SyncRowTeam(SQLModel, table=True):
    """The owner of a row received from another party (``team_id``: a team's id or "office")."""

    __tablename__ = "sync_row_team"

    record_id: str = Field(primary_key=True, max_length=36)
    table_name: str = Field(max_length=64, nullable=False)
    team_id: str = Field(max_length=36, nullable=False, index=True)
    device_id: str = Field(default="", max_length=64, nullable=False)
    bundle_id: str = Field(default="", max_length=36, nullable=False)
    recorded_at: datetime | None = instant_field()


class SyncDevice(SQLModel, table=True):
    __tablename__ = "sync_device"

    device_id: str = Field(primary_key=True, max_length=64)
    team_id: str = Field(max_length=36, nullable=False, index=True)
    first_seen: datetime = instant_field(now=True)
