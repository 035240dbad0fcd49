"""What a write changed: the :class:`ChangeSet`, gathered from every session of one operation.

An operation (:func:`app.services.operations.perform`) opens a :func:`collecting` scope; every
:class:`~app.storage.session.WorkspaceSession` flush and every bulk write inside it notes each row
it creates, changes or deletes (its table and id). The scope hands back one ``ChangeSet``: which
kinds of records changed (table names), their ids, and who started it. The window broadcasts it
from one place and every view decides from it whether to refresh.

Bookkeeping rows (the audit log, the sync change log) are not "changes" a view shows and are left
out. Outside a scope nothing is collected and noting costs one context-variable lookup.
"""

from __future__ import annotations

import contextlib
import contextvars
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from types import MappingProxyType

IGNORED_TABLES = frozenset({"audit_event", "sync_change"})
"""Written alongside every change; never a reason for a view to refresh."""


@dataclass(frozen=True)
class ChangeSet:
    """What one operation wrote.

    ``ids`` maps a table name (``"village"``, ``"problem"``, ``"rectification_notice"`` …) to the
    ids written in it; ``actor`` is the user who started it and ``source`` the part of the program
    (a view's key, ``"cli"``, ``"sync"``, ``"other-clerk"``).
    """

    ids: Mapping[str, frozenset[str]] = field(default_factory=lambda: MappingProxyType({}))
    actor: str = ""
    source: str = ""

    @property
    def tables(self) -> frozenset[str]:
        return frozenset(self.ids)

    def __bool__(self) -> bool:
        return bool(self.ids)

    def touches(self, *tables: str) -> bool:
        """Whether any of these kinds of record changed."""
        return any(t in self.ids for t in tables)

    def ids_of(self, table: str) -> frozenset[str]:
        return self.ids.get(table, frozenset())

    def merged(self, other: ChangeSet) -> ChangeSet:
        """Both sets of changes (the actor and source of this one)."""
        keys = set(self.ids) | set(other.ids)
        return ChangeSet(
            MappingProxyType({k: self.ids_of(k) | other.ids_of(k) for k in keys}),
            self.actor or other.actor,
            self.source or other.source,
        )

    @classmethod
    def of(
        cls, changes: Mapping[str, Iterable[str]], *, actor: str = "", source: str = ""
    ) -> ChangeSet:
        """A change set from table → ids (tests, and writes that happen elsewhere)."""
        ids = {t: frozenset(v) for t, v in changes.items() if t not in IGNORED_TABLES}
        return cls(MappingProxyType(ids), actor, source)


class _Collector:
    def __init__(self) -> None:
        self.ids: dict[str, set[str]] = {}

    def note(self, table: str, ids: Iterable[str]) -> None:
        if table in IGNORED_TABLES:
            return
        self.ids.setdefault(table, set()).update(str(i) for i in ids)


_current: contextvars.ContextVar[_Collector | None] = contextvars.ContextVar(
    "xuncha_change_collector", default=None
)


def note_change(table: str, ids: Iterable[str]) -> None:
    """Record that rows of ``table`` were written (a no-op outside :func:`collecting`)."""
    collector = _current.get()
    if collector is not None:
        collector.note(table, ids)


class Collected:
    """The open scope of :func:`collecting`; :meth:`result` is its change set so far."""

    def __init__(self, collector: _Collector, actor: str, source: str) -> None:
        self._collector = collector
        self._actor = actor
        self._source = source

    def result(self) -> ChangeSet:
        return ChangeSet.of(self._collector.ids, actor=self._actor, source=self._source)


@contextlib.contextmanager
def collecting(actor: str = "", source: str = "") -> Iterator[Collected]:
    """Collect every write made in this thread (and context) until the block ends.

    Scopes nest: an inner scope's writes are also the outer scope's.
    """
    outer = _current.get()
    collector = _Collector()
    token = _current.set(collector)
    try:
        yield Collected(collector, actor, source)
    finally:
        _current.reset(token)
        if outer is not None:
            for table, ids in collector.ids.items():
                outer.note(table, ids)
