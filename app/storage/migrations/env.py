"""Alembic environment: migrations run on the connection the program hands over.

The program opens the encrypted database itself (only it has the key) and passes the connection in
``config.attributes["connection"]``; there is no offline (SQL script) mode.
"""

from __future__ import annotations

from typing import Any, Literal

import sqlmodel
from alembic import context

from app.storage import models  # noqa: F401  (registers every table on the metadata)
from app.storage.models.base import CodeEnum, UtcDateTime

target_metadata = sqlmodel.SQLModel.metadata


def render_item(type_: str, obj: Any, autogen_context: Any) -> str | Literal[False]:
    """Render our column types as the plain SQL types they store, so scripts stay frozen."""
    if type_ == "type" and isinstance(obj, CodeEnum):
        return "sa.String(length=32)"
    if type_ == "type" and isinstance(obj, UtcDateTime):
        return "sa.DateTime()"
    return False


def run_migrations_online() -> None:
    connection = context.config.attributes.get("connection")
    if connection is None:
        raise RuntimeError("XunchaDesk migrations run from the program (no offline mode)")
    context.configure(
        connection=connection,
        target_metadata=target_metadata,
        render_as_batch=True,
        compare_type=True,
        render_item=render_item,
        include_object=lambda obj, name, type_, reflected, compare_to: (
            not (type_ == "table" and name is not None and name.startswith("search_"))
        ),
    )
    with context.begin_transaction():
        context.run_migrations()


if context.is_offline_mode():
    raise RuntimeError("XunchaDesk migrations have no offline mode")
run_migrations_online()
