"""Joining a team workspace that was made without a kit, from the window or the command line.

A team laptop that started on its own (``init --team``, or the window's first start) cannot send
bundles: it lacks the keys and the team identity the office issues in a team kit. ``join_with_kit``
(``app.sync.identity``) makes a *new* workspace from a kit; :func:`join_existing` gives the kit to
the workspace that already holds the team's records:

- the office's ``team`` row (its id and stamp) is taken in as it is;
- every row that named the workspace's own team (users, batches, daily wrap-ups) now names it,
  and the old team row is retired (its name and particulars are kept on the new row where the
  office's row leaves them empty);
- the team's keys and the office's public identity are stored.

Nothing has left the laptop before it joins (it could not sign a bundle), so no one else holds a
copy of the renamed rows. All in one transaction; refused when the workspace has joined already.
"""

from __future__ import annotations

from pathlib import Path

import sqlalchemy as sa
from sqlmodel import col, select

from app.domain.vocabulary import WorkspaceKind
from app.storage.models import Batch, DailyWrapup, SyncKey, Team, User, utcnow
from app.storage.ownership import forget_own_party
from app.storage.session import SYNC_MERGE_KEY
from app.storage.workspace import Workspace
from app.sync import rows
from app.sync.errors import SyncError
from app.sync.identity import ROLE_OFFICE, ROLE_TEAM, _add_peer, _store_pair
from app.sync.kit import TeamKit, open_kit

__all__ = ["is_joined", "join_existing"]


def is_joined(ws: Workspace) -> bool:
    """Whether this workspace can sign bundles: the office always, a team once it has its kit."""
    if ws.kind is WorkspaceKind.OFFICE:
        return True
    with ws.session() as s:
        return s.exec(select(SyncKey).where(SyncKey.role == ROLE_TEAM)).first() is not None


def join_existing(ws: Workspace, kit_path: Path, kit_password: str) -> TeamKit:
    """Give this (unjoined) team workspace the kit's identity; see the module docstring."""
    if ws.kind is WorkspaceKind.OFFICE:
        raise SyncError("巡察办工作区不需要组包。")
    if is_joined(ws):
        raise SyncError("这个工作区已经用组包加入了巡察办。")
    kit = open_kit(kit_path, kit_password)
    cols = rows.columns("team")
    decode = rows.decoders("team")
    values = {c: d(kit.team_row.get(c)) for c, d in zip(cols, decode, strict=True)}
    with ws.session() as s:
        old = s.exec(
            select(Team).where(col(Team.retired_at).is_(None)).order_by(col(Team.created_at))
        ).first()
        if s.get(Team, kit.team_id) is None:
            team = Team(**{c: v for c, v in values.items()})
            for keep in ("doc_prefix", "issuing_body", "phone", "mailbox"):
                if old is not None and not getattr(team, keep) and getattr(old, keep):
                    setattr(team, keep, getattr(old, keep))
            s.info[SYNC_MERGE_KEY] = True  # the office's row, with the office's stamp
            s.add(team)
            s.flush()
            s.info[SYNC_MERGE_KEY] = False
        if old is not None and old.id != kit.team_id:
            for model in (User, Batch, DailyWrapup):
                for row in s.exec(select(model).where(model.team_id == old.id)).all():
                    row.team_id = kit.team_id
                    s.add(row)
            old.retired_at = utcnow()
            s.add(old)
            s.flush()
            # the laptop's own first team row never leaves it: the office knows the kit's row
            s.connection().execute(
                sa.text("DELETE FROM sync_change WHERE table_name = 'team' AND record_id = :id"),
                {"id": old.id},
            )
        s.audit("join_team", note=kit.team_name)
        s.commit()
    _store_pair(ws, kit.team_keys, ROLE_TEAM)
    _add_peer(ws, kit.office, ROLE_OFFICE)
    forget_own_party(ws.engine)  # this laptop's party is now the kit's team
    return kit
