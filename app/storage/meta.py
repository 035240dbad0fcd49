"""The facts every workspace records about itself, and the first rows of a new one.

Shared by the SQLCipher workspace (:mod:`app.storage.workspace`) and the office on a server
(:mod:`app.storage.pg.workspace`).
"""

from __future__ import annotations

from sqlalchemy.engine import Engine

from app.domain.vocabulary import Role, WorkspaceKind
from app.storage.models import Team, User, WorkspaceMeta, new_id
from app.storage.session import ACTOR_KEY, Actor, WorkspaceSession

META_WORKSPACE_ID = "workspace_id"
META_DEVICE_ID = "device_id"
META_KIND = "kind"
META_CREATED_AT = "created_at"
META_DEMO = "demo"


def seed_workspace(
    engine: Engine,
    meta: dict[str, str],
    *,
    team_name: str,
    leader: str,
    kind: WorkspaceKind,
    team_id: str | None = None,
) -> None:
    """The first rows of a new workspace: its facts, its own team (or office), its leader."""
    actor = Actor(username=leader, device=meta[META_DEVICE_ID])
    with WorkspaceSession(engine) as s:
        s.info[ACTOR_KEY] = actor
        for key, value in meta.items():
            s.add(WorkspaceMeta(key=key, value=value))
        team = Team(name=team_name, kind=kind, id=team_id or new_id())  # team_id: from a kit
        s.add(team)
        s.flush()
        role = Role.OFFICE if kind is WorkspaceKind.OFFICE else Role.LEADER
        s.add(User(username=leader, display_name=leader, role=role, team_id=team.id))
        s.commit()
