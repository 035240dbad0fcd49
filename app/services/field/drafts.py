"""Drafts of the field forms: saved as the user types, offered back after a crash.

A draft is the form's content as a JSON-able dict, kept in the encrypted database (table
``form_draft``), one per form key (``visit:new``, ``interview:<id>`` …) and user. Saving a form or
cancelling it discards its draft; a draft left behind (the program was killed) is offered back the
next time that user opens the window.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlmodel import col, select

from app.storage.models import FormDraft, utcnow
from app.storage.workspace import Workspace


@dataclass(frozen=True)
class Draft:
    key: str
    kind: str
    record_id: str
    village_id: str
    payload: dict[str, Any]
    updated_at: datetime


def draft_key(kind: str, record_id: str | None) -> str:
    """The key of the draft of a form: ``<kind>:new`` or ``<kind>:<record id>``."""
    return f"{kind}:{record_id or 'new'}"


def save_draft(
    ws: Workspace,
    kind: str,
    record_id: str | None,
    village_id: str,
    payload: dict[str, Any],
) -> str:
    """Store (or replace) the draft of one form; returns its key."""
    key = _user_key(ws, draft_key(kind, record_id))
    text = json.dumps(payload, ensure_ascii=False, sort_keys=True)
    with ws.session() as s:
        row = s.get(FormDraft, key) or FormDraft(key=key, kind=kind)
        row.username = ws.username
        row.record_id = record_id or ""
        row.village_id = village_id
        row.payload = text
        row.updated_at = utcnow()
        s.add(row)
        s.commit()
    return key


def discard_draft(ws: Workspace, kind: str, record_id: str | None) -> bool:
    """Drop the draft of one form (after save or cancel); whether there was one."""
    key = _user_key(ws, draft_key(kind, record_id))
    with ws.session() as s:
        row = s.get(FormDraft, key)
        if row is None:
            return False
        s.delete(row)
        s.commit()
    return True


def pending_drafts(ws: Workspace) -> list[Draft]:
    """This user's drafts left behind, newest first."""
    with ws.session() as s:
        rows = s.exec(
            select(FormDraft)
            .where(FormDraft.username == ws.username)
            .order_by(col(FormDraft.updated_at).desc())
        ).all()
    out: list[Draft] = []
    for r in rows:
        try:
            payload = json.loads(r.payload)
        except ValueError:
            continue
        if isinstance(payload, dict):
            out.append(Draft(r.key, r.kind, r.record_id, r.village_id, payload, r.updated_at))
    return out


def _user_key(ws: Workspace, key: str) -> str:
    # drafts of different users on one laptop never meet: the user id prefixes the key
    return f"{ws.user_id[:8]}:{key}"


__all__ = ["Draft", "discard_draft", "draft_key", "pending_drafts", "save_draft"]
