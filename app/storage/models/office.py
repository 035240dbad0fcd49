"""The office's own bookkeeping for a shared database and for the district → city chain.

- ``row_origin``: where a synced row came from — the district (at a city office), the team and the
  team laptop (device) that created it. Written by the receiver when it merges a bundle, from the
  bundle's verified signer and the sender's own record of origins, never from the row's columns.
  On a PostgreSQL office row-level security reads it to keep a district's clerk to that district.
- ``office_access``: on a PostgreSQL office, the server roles that are limited to one district.
- ``media_blob``: on a PostgreSQL office, the photos (sealed like the files of ``media/``) live in
  the database, so every clerk's machine reads the same ones.
"""

from __future__ import annotations

import sqlalchemy as sa
from sqlmodel import Field, SQLModel


class RowOrigin(SQLModel, table=True):
    __tablename__ = "row_origin"

    record_id: str = Field(primary_key=True, max_length=36)
    table_name: str = Field(max_length=64, nullable=False)
    district_id: str = Field(default="", max_length=36, nullable=False, index=True)
    team_id: str = Field(default="", max_length=36, nullable=False, index=True)
    device_id: str = Field(default="", max_length=64, nullable=False)


class OfficeAccess(SQLModel, table=True):
    __tablename__ = "office_access"

    role_name: str = Field(primary_key=True, max_length=63)
    access: str = Field(max_length=16, nullable=False)
    district_id: str = Field(default="", max_length=36, nullable=False)


class MediaBlob(SQLModel, table=True):
    __tablename__ = "media_blob"

    name: str = Field(primary_key=True, max_length=64)
    data: bytes = Field(sa_type=sa.LargeBinary, nullable=False)
    size_bytes: int = Field(default=0, nullable=False)
