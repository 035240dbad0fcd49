"""Shared pieces of every table: ids, timestamps, sync columns, enum columns."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime
from typing import Any, Generic, TypeVar

import sqlalchemy as sa
from sqlalchemy.engine import Dialect
from sqlalchemy.types import TypeDecorator
from sqlmodel import Field, SQLModel

from app.domain.vocabulary import Labelled

E = TypeVar("E", bound=Labelled)


def new_id() -> str:
    """A new primary key: a random UUID as text."""
    return str(uuid.uuid4())


def utcnow() -> datetime:
    """Now, as an aware UTC datetime."""
    return datetime.now(UTC)


class UtcDateTime(TypeDecorator[datetime]):
    """An instant: aware datetimes in, stored as naive UTC text, aware UTC datetimes out."""

    impl = sa.DateTime()
    cache_ok = True

    def process_bind_param(self, value: Any, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        if not isinstance(value, datetime) or value.utcoffset() is None:
            raise ValueError("an instant needs an aware datetime")
        return value.astimezone(UTC).replace(tzinfo=None)

    def process_result_value(self, value: Any, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        assert isinstance(value, datetime)
        return value.replace(tzinfo=UTC)


def instant_field(*, now: bool = False, index: bool = False) -> Any:
    """An instant (UTC): ``now`` fills it at creation, else it may be NULL."""
    if now:
        return Field(default_factory=utcnow, sa_type=UtcDateTime(), nullable=False, index=index)
    return Field(default=None, sa_type=UtcDateTime(), nullable=True, index=index)


def local_field(*, nullable: bool = False, index: bool = False) -> Any:
    """A wall-clock time in the village (naive): when a visit happened, a letter was opened."""
    if nullable:
        return Field(default=None, sa_type=sa.DateTime(), nullable=True, index=index)
    return Field(sa_type=sa.DateTime(), nullable=False, index=index)


class CodeEnum(TypeDecorator[E], Generic[E]):
    """Store a :class:`Labelled` enum by its English code; read it back as the enum member."""

    impl = sa.String(32)
    cache_ok = True

    def __init__(self, enum_type: type[E]) -> None:
        super().__init__()
        self.enum_type = enum_type

    def process_bind_param(self, value: Any, dialect: Dialect) -> str | None:
        if value is None:
            return None
        return self.enum_type(value).value

    def process_result_value(self, value: Any, dialect: Dialect) -> E | None:
        if value is None:
            return None
        return self.enum_type(value)


def enum_field(
    enum_type: type[E], *, default: Any = None, nullable: bool = False, index: bool = False
) -> Any:
    """A column holding one of ``enum_type``'s codes (NULL allowed only when ``nullable``)."""
    if default is None and not nullable:
        return Field(sa_type=CodeEnum(enum_type), nullable=False, index=index)
    return Field(default=default, sa_type=CodeEnum(enum_type), nullable=nullable, index=index)


def fk(target: str, *, nullable: bool = True, index: bool = True) -> Any:
    """A text foreign key to ``target`` (``"table.id"``)."""
    return Field(default=None, foreign_key=target, nullable=nullable, index=index, max_length=36)


def text_field(default: str = "") -> Any:
    """A free-text column (notes, contents) that is never NULL."""
    return Field(default=default, sa_type=sa.Text, nullable=False)


class Synced(SQLModel):
    """Columns of every row that travels in sync bundles.

    ``origin`` is the device that last wrote the row; ``version`` counts its changes. Rows are
    retired (``retired_at`` set), never deleted, once they may have been synced.
    """

    id: str = Field(default_factory=new_id, primary_key=True, max_length=36)
    created_at: datetime = instant_field(now=True)
    updated_at: datetime = instant_field(now=True)
    origin: str = Field(default="", max_length=64, nullable=False)
    version: int = Field(default=1, nullable=False)
    retired_at: datetime | None = instant_field()
