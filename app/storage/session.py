"""Sessions that stamp and audit every write.

Every flush of a :class:`WorkspaceSession` runs :func:`_stamp_and_audit`: new synced rows get the
device as origin and version 1; changed ones get a new ``updated_at``, the device as origin and
``version + 1``; each such write appends an :class:`AuditEvent` naming who, what and which record
(and which columns changed, never their values). Deleting a synced row or an audit event is refused:
rows are retired instead, and the audit log is append-only (triggers enforce it in SQL too). A
change to a row that belongs to another party is refused when the ownership rule would refuse it
in a bundle (:func:`app.storage.ownership.local_refusal`), so no change made here is one the other
side must refuse.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import event, inspect
from sqlalchemy.orm import Session as OrmSession
from sqlalchemy.orm import UOWTransaction
from sqlmodel import Session

from app.storage.changes import note_change
from app.storage.errors import RecordError
from app.storage.models import AuditEvent, SyncChange, Synced, utcnow
from app.storage.ownership import local_refusal

ACTOR_KEY = "actor"
SYNC_MERGE_KEY = "sync_merge"


@dataclass(frozen=True)
class Actor:
    """Who writes: the logged-in user's name and this device."""

    username: str
    device: str
    user_id: str | None = None


class WorkspaceSession(Session):
    """A SQLModel session that knows its actor (``session.actor``)."""

    @property
    def actor(self) -> Actor:
        actor = self.info.get(ACTOR_KEY)
        if not isinstance(actor, Actor):
            raise RuntimeError("a WorkspaceSession needs an actor")
        return actor

    def audit(self, action: str, record: Synced | None = None, note: str = "") -> AuditEvent:
        """Append an audit event for something that is not a row write (print, export, login)."""
        actor = self.actor
        ev = AuditEvent(
            actor=actor.username,
            device=actor.device,
            action=action,
            table_name="" if record is None else type(record).__tablename__,  # type: ignore[arg-type]
            record_id="" if record is None else record.id,
            record_version=0 if record is None else record.version,
            note=note,
        )
        self.add(ev)
        return ev


def _changed_columns(obj: Synced) -> list[str]:
    state = inspect(obj)
    changed: list[str] = []
    for attr in state.mapper.column_attrs:
        hist = state.attrs[attr.key].history
        if hist.has_changes():
            changed.append(attr.key)
    return changed


def _refuse_deletes(session: OrmSession) -> None:
    """Audit events and synced records are never deleted (records are retired instead)."""
    for obj in session.deleted:
        if isinstance(obj, AuditEvent):
            raise RecordError("审计记录只能追加，不能删除。")
        if isinstance(obj, Synced):
            raise RecordError("记录不能删除，只能作废。")


def _stamp_new(
    session: OrmSession,
    actor: Actor,
    now: datetime,
    merging: bool,
    events: list[AuditEvent],
    changes: list[SyncChange],
) -> None:
    """Stamp each new synced row (unless merged in from a bundle) and log its creation."""
    for obj in session.new:
        if not isinstance(obj, Synced):
            continue
        if not merging:
            obj.origin = actor.device
            obj.version = 1
            obj.created_at = now
            obj.updated_at = now
        events.append(_event(actor, "merge" if merging else "create", obj, []))
        changes.append(_change(obj, "", 0, merging))


@event.listens_for(WorkspaceSession, "before_flush")
def _stamp_and_audit(session: OrmSession, _ctx: UOWTransaction, _instances: Any) -> None:
    actor = session.info.get(ACTOR_KEY)
    if not isinstance(actor, Actor):
        raise RuntimeError("a WorkspaceSession needs an actor")
    merging = bool(session.info.get(SYNC_MERGE_KEY))
    now = utcnow()
    events: list[AuditEvent] = []
    changes: list[SyncChange] = []  # the sync change log: "changed since the last export"

    _refuse_deletes(session)
    _stamp_new(session, actor, now, merging, events, changes)

    updated: list[tuple[str, str]] = []
    for obj in session.dirty:
        if isinstance(obj, AuditEvent) and session.is_modified(obj):
            raise RecordError("审计记录只能追加，不能修改。")
        if not isinstance(obj, Synced) or not session.is_modified(obj):
            continue
        changed = _changed_columns(obj)
        if not changed:
            continue
        updated.append((str(type(obj).__tablename__), obj.id))
        changes.append(_change(obj, *_stamp_before(obj), merging))
        if not merging:
            obj.origin = actor.device
            obj.version = obj.version + 1
            obj.updated_at = now
        action = "retire" if changed == ["retired_at"] and obj.retired_at is not None else "update"
        events.append(_event(actor, "merge" if merging else action, obj, changed))

    if updated and not merging:
        why = local_refusal(session.connection(), updated)
        if why is not None:
            raise RecordError(why)
    for ev in events:
        session.add(ev)
    session.add_all(changes)
    _note_written(session)


def _note_written(session: OrmSession) -> None:
    """Tell the open change scope (if any) which rows this flush writes, synced or not."""
    for obj in (*session.new, *session.dirty, *session.deleted):
        table = getattr(type(obj), "__tablename__", None)
        if not isinstance(table, str):
            continue
        key = getattr(obj, "id", None) or getattr(obj, "key", None)
        if key is not None and (
            obj in session.new or session.is_modified(obj) or obj in session.deleted
        ):
            note_change(table, (str(key),))


def _stamp_before(obj: Synced) -> tuple[str, int]:
    """The row's (origin, version) as last loaded, before this flush's changes."""
    state = inspect(obj)
    out: list[Any] = []
    for key in ("origin", "version"):
        hist = state.attrs[key].history
        out.append(hist.deleted[0] if hist.deleted else getattr(obj, key))
    return str(out[0]), int(out[1])


def _change(obj: Synced, base_origin: str, base_version: int, merged: bool) -> SyncChange:
    table = str(type(obj).__tablename__)
    return SyncChange(
        table_name=table,
        record_id=obj.id,
        base_origin=base_origin,
        base_version=base_version,
        merged=merged,
    )


def _event(actor: Actor, action: str, obj: Synced, changed: list[str]) -> AuditEvent:
    return AuditEvent(
        actor=actor.username,
        device=actor.device,
        action=action,
        table_name=str(type(obj).__tablename__),
        record_id=obj.id,
        record_version=obj.version,
        fields=",".join(changed),
    )
