"""The few statements that differ between SQLite (SQLCipher) and PostgreSQL, in one place.

Services and sync code write portable SQLAlchemy; where a statement cannot be portable they call
one of these functions with their connection, and the function picks the form for its dialect.
"""

from __future__ import annotations

from typing import Any

import sqlalchemy as sa
from sqlalchemy.dialects import postgresql, sqlite


def on_server(conn: sa.Connection) -> bool:
    """Whether ``conn`` talks to a database server (PostgreSQL) rather than SQLCipher."""
    return conn.dialect.name != "sqlite"


def insert_rows(conn: sa.Connection, table: sa.Table, rows: list[dict[str, Any]]) -> None:
    """Many rows into ``table``: one COPY on a server, an executemany INSERT on SQLite."""
    if not rows:
        return
    if on_server(conn):
        from app.storage.pgcopy import copy_rows

        copy_rows(conn, table, rows)
    else:
        conn.execute(table.insert(), rows)


def defer_foreign_keys(conn: sa.Connection) -> None:
    """Check foreign keys at commit, not per statement, for the rest of this transaction."""
    if on_server(conn):
        conn.exec_driver_sql("SET CONSTRAINTS ALL DEFERRED")
    else:
        conn.exec_driver_sql("PRAGMA defer_foreign_keys = ON")


def insert_ignoring_duplicates(
    conn: sa.Connection, table: sa.Table, rows: list[dict[str, Any]]
) -> None:
    """Insert ``rows`` into ``table``, skipping those whose key is already there.

    On a server, text-only rows go in one statement (``INSERT … SELECT FROM unnest(arrays) ON
    CONFLICT DO NOTHING``): one round trip and one small statement for any number of rows.
    """
    if not rows:
        return
    names = list(rows[0])
    textual = all(isinstance(table.c[n].type, sa.String) for n in names)
    if not on_server(conn):
        conn.execute(sqlite.insert(table).prefix_with("OR IGNORE"), rows)
    elif not textual:
        conn.execute(postgresql.insert(table).on_conflict_do_nothing(), rows)
    else:
        cols = ", ".join(f'"{n}"' for n in names)
        arrays = ", ".join(f"CAST(:a{i} AS text[])" for i in range(len(names)))
        conn.execute(
            sa.text(
                f'INSERT INTO "{table.name}" ({cols}) SELECT * FROM unnest({arrays}) '
                "ON CONFLICT DO NOTHING"
            ),
            {f"a{i}": [str(r[n]) for r in rows] for i, n in enumerate(names)},
        )


def serialize_on(conn: sa.Connection, key: str) -> None:
    """Hold, until this transaction ends, a lock named ``key`` (a server only: SQLite writers are
    already one at a time). Two clerks importing the same bundle at once: the second waits here,
    then finds the bundle imported."""
    if on_server(conn):
        conn.execute(sa.text("SELECT pg_advisory_xact_lock(hashtextextended(:k, 0))"), {"k": key})


def settle_change_log(conn: sa.Connection) -> None:
    """Wait until no other transaction can still add a change below the highest one seen.

    On a server, change numbers are handed out at insert and committed in any order; a reader that
    takes "everything up to the highest number" must first let the writers in flight commit. A
    SHARE lock on the change log waits for them and holds new ones back until this transaction
    ends. (SQLite's single writer makes this a no-op.)
    """
    if on_server(conn):
        conn.exec_driver_sql("LOCK TABLE sync_change IN SHARE MODE")
