"""Noticing what others changed: another clerk on the same server, or a command-line import.

PostgreSQL: ``LISTEN xunchadesk_changes`` on a connection of its own. The server's statement
triggers (:mod:`app.storage.pg.derived`) send the table's name at commit, so a notice never
announces uncommitted data, costs nothing while nothing changes, and says which kinds of record
moved. Notices sent by this program's own connections are dropped (its writes are announced where
they are made). A lost connection is reopened and reported as "everything may have changed".

SQLite: ``PRAGMA data_version`` on a connection of its own changes whenever another connection
commits; it cannot say what changed, so every kind is reported.
"""

from __future__ import annotations

import contextlib
from typing import Any

from sqlalchemy import event
from sqlalchemy.engine import Engine

from app.storage.models import SYNCED_MODELS

EVERYTHING: frozenset[str] = frozenset(
    {str(m.__tablename__) for m in SYNCED_MODELS} | {"sync_conflict", "sync_bundle"}
)
"""What "something changed, unknown what" means to the views."""


class ChangeWatcher:
    """``poll()`` returns the kinds of record others changed since the last poll (quickly)."""

    def poll(self) -> frozenset[str]:
        raise NotImplementedError

    def close(self) -> None:
        """Let go of the watcher's own connection."""


class ServerWatcher(ChangeWatcher):
    def __init__(self, engine: Engine, channel: str) -> None:
        self._engine = engine
        self._channel = channel
        self._own: set[int] = set()
        event.listen(engine, "connect", self._note_own)
        with engine.connect() as conn:  # the pool's connections made so far
            self._own.add(int(conn.exec_driver_sql("SELECT pg_backend_pid()").scalar_one()))
        self._conn: Any = None
        self._listen()

    def _note_own(self, dbapi_conn: Any, _record: Any) -> None:
        self._own.add(int(dbapi_conn.info.backend_pid))

    def _listen(self) -> None:
        import psycopg

        url = self._engine.url.set(drivername="postgresql")
        self._conn = psycopg.connect(url.render_as_string(hide_password=False), autocommit=True)
        self._conn.execute(f"LISTEN {self._channel}")

    def poll(self) -> frozenset[str]:
        import psycopg

        tables: set[str] = set()
        try:
            for note in self._conn.notifies(timeout=0.0):
                if note.pid not in self._own:
                    tables.add(str(note.payload))
        except psycopg.OperationalError:
            with contextlib.suppress(Exception):
                self._conn.close()
            self._listen()
            return EVERYTHING
        return frozenset(tables)

    def close(self) -> None:
        with contextlib.suppress(Exception):
            event.remove(self._engine, "connect", self._note_own)
        if self._conn is not None:
            self._conn.close()


class FileWatcher(ChangeWatcher):
    def __init__(self, connect: Any) -> None:
        self._connect = connect
        self._conn = connect()
        self._version = self._read()

    def _read(self) -> int:
        return int(self._conn.execute("PRAGMA data_version").fetchone()[0])

    def poll(self) -> frozenset[str]:
        now = self._read()
        if now == self._version:
            return frozenset()
        self._version = now
        return EVERYTHING

    def close(self) -> None:
        self._conn.close()


def watch(engine: Engine, connect_raw: Any) -> ChangeWatcher:
    """The watcher for this store (``connect_raw``: a raw SQLite connection maker)."""
    if engine.dialect.name == "postgresql":
        from app.storage.pg.derived import CHANNEL

        return ServerWatcher(engine, CHANNEL)
    return FileWatcher(connect_raw)
