"""Many rows into a server table at once with ``COPY … FROM STDIN``.

A bundle's thousands of rows, their audit events and change-log entries go in one COPY per table
instead of one INSERT per row (about thirty times quicker on PostgreSQL). Values pass through the
columns' own SQLAlchemy types first, so enums become their codes, instants UTC, and protected
columns are sealed exactly as an ORM write would seal them. Triggers fire as for INSERT.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

import sqlalchemy as sa


def copy_rows(conn: sa.Connection, table: sa.Table, rows: Sequence[dict[str, Any]]) -> None:
    """Insert ``rows`` (dicts of column name → Python value) in the caller's transaction.

    Columns missing from every row (a serial key, say) are left to the server.
    """
    if not rows:
        return
    names = [c.name for c in table.columns if c.name in rows[0]]
    processors: list[Callable[[Any], Any] | None] = [
        table.c[n].type.bind_processor(conn.dialect) for n in names
    ]
    cols = ", ".join(f'"{n}"' for n in names)
    cur: Any = conn.connection.dbapi_connection.cursor()  # type: ignore[union-attr]
    try:
        with cur.copy(f'COPY "{table.name}" ({cols}) FROM STDIN') as copy:
            for row in rows:
                copy.write_row(
                    [
                        row[n] if p is None else p(row[n])
                        for n, p in zip(names, processors, strict=True)
                    ]
                )
    finally:
        cur.close()
