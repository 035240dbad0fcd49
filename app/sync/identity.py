"""Who this workspace is for sync: its keys (in the encrypted database) and its peers.

The office generates its key pair when the office workspace is made (or at its first sync job).
``issue_team_kit`` provisions a team at the office: a ``team`` row, the team's keys (kept at the
office too, so a kit can be issued again for a new laptop) and the team as a known peer.
``join_with_kit`` makes a team laptop's workspace from a kit: the same ``team`` row (same id and
stamp), the team's keys and the office as its peer. Each laptop stays its own device.
"""

from __future__ import annotations

from pathlib import Path

from sqlmodel import col, select

from app.domain.vocabulary import WorkspaceKind
from app.storage.accounts import set_escrow
from app.storage.models import SyncKey, SyncPeer, Team, utcnow
from app.storage.ownership import forget_own_party, record_owners
from app.storage.session import SYNC_MERGE_KEY
from app.storage.workspace import Workspace
from app.sync import rows
from app.sync.errors import SyncError
from app.sync.keys import KeyPair, PublicIdentity, b64, unb64
from app.sync.kit import TeamKit, open_kit, seal_kit

ROLE_OFFICE = "office"
ROLE_TEAM = "team"


def _pair(row: SyncKey) -> KeyPair:
    return KeyPair(
        owner_id=row.owner_id,
        name=row.name,
        sign_private=unb64(row.sign_private),
        box_private=unb64(row.box_private),
    )


def _store_pair(ws: Workspace, pair: KeyPair, role: str) -> None:
    with ws.session() as s:
        s.add(
            SyncKey(
                owner_id=pair.owner_id,
                role=role,
                name=pair.name,
                sign_private=b64(pair.sign_private),
                box_private=b64(pair.box_private),
            )
        )
        s.audit("sync_keys", note=role)
        s.commit()


def _own_team(ws: Workspace) -> Team:
    with ws.session() as s:
        team = s.exec(
            select(Team).where(Team.kind == ws.kind).order_by(col(Team.created_at))
        ).first()
    if team is None:
        raise SyncError("工作区缺少本组（本办）信息。")
    return team


def ensure_office_keys(ws: Workspace) -> KeyPair:
    """The office's key pair, made on first use."""
    if ws.kind is not WorkspaceKind.OFFICE:
        raise SyncError("只有巡察办工作区才有巡察办密钥。")
    with ws.session() as s:
        row = s.exec(select(SyncKey).where(SyncKey.role == ROLE_OFFICE)).first()
    if row is not None:
        return _pair(row)
    team = _own_team(ws)
    pair = KeyPair.generate(ws.workspace_id, team.name)
    _store_pair(ws, pair, ROLE_OFFICE)
    return pair


def own_keys(ws: Workspace) -> KeyPair:
    """This workspace's sync keys: the office's, or the team's from its kit."""
    if ws.kind is WorkspaceKind.OFFICE:
        return ensure_office_keys(ws)
    with ws.session() as s:
        row = s.exec(select(SyncKey).where(SyncKey.role == ROLE_TEAM)).first()
    if row is None:
        raise SyncError(
            "这个工作区未用组包加入，不能同步"
            "（请在“同步”页用组包加入，或运行 join --kit 组包文件）。"
        )
    return _pair(row)


def peer(ws: Workspace, peer_id: str) -> PublicIdentity | None:
    with ws.session() as s:
        row = s.get(SyncPeer, peer_id)
    if row is None:
        return None
    return PublicIdentity(row.peer_id, row.name, row.sign_public, row.box_public)


def peers(ws: Workspace, kind: str) -> list[PublicIdentity]:
    with ws.session() as s:
        found = s.exec(select(SyncPeer).where(SyncPeer.kind == kind).order_by(SyncPeer.name)).all()
    return [PublicIdentity(r.peer_id, r.name, r.sign_public, r.box_public) for r in found]


def _add_peer(ws: Workspace, identity: PublicIdentity, kind: str) -> None:
    with ws.session() as s:
        s.add(
            SyncPeer(
                peer_id=identity.peer_id,
                kind=kind,
                name=identity.name,
                sign_public=identity.sign_public,
                box_public=identity.box_public,
            )
        )
        s.commit()


def office_identity(ws: Workspace) -> PublicIdentity:
    """On a team laptop: the office it sends to."""
    found = peers(ws, ROLE_OFFICE)
    if not found:
        raise SyncError("这个工作区未用组包加入，不知道巡察办的公钥。")
    return found[0]


def find_team(ws: Workspace, name: str) -> Team | None:
    with ws.session() as s:
        return s.exec(
            select(Team).where(Team.name == name, Team.kind == WorkspaceKind.TEAM)
        ).first()


def team_kit(ws: Workspace, team_name: str) -> TeamKit:
    """At the office: the kit of team ``team_name``, provisioning the team on first issue."""
    office = ensure_office_keys(ws)
    name = team_name.strip()
    if not name:
        raise SyncError("巡察组名称不能为空。")
    team = find_team(ws, name)
    if team is None:
        with ws.session() as s:
            team = Team(name=name, kind=WorkspaceKind.TEAM)
            s.add(team)
            s.flush()
            # the office makes the team row; the team owns it (its settings are its own)
            record_owners(s.connection(), [("team", team.id, team.id)], at=utcnow())
            s.commit()
    with ws.session() as s:
        key_row = s.get(SyncKey, team.id)
    if key_row is None:
        pair = KeyPair.generate(team.id, name)
        _store_pair(ws, pair, ROLE_TEAM)
        _add_peer(ws, pair.public(), ROLE_TEAM)
    else:
        pair = _pair(key_row)
    with ws.engine.connect() as conn:
        row = rows.read_rows(conn, "team", [team.id])[team.id]
    return TeamKit(
        team_row=rows.as_dict(rows.columns("team"), row), team_keys=pair, office=office.public()
    )


def issue_team_kit(ws: Workspace, team_name: str, password: str, out: Path) -> TeamKit:
    kit = team_kit(ws, team_name)
    seal_kit(kit, password, out)
    with ws.session() as s:
        s.audit("team_kit", note=kit.team_id)
        s.commit()
    return kit


def join_with_kit(
    root: Path,
    kit_path: Path,
    kit_password: str,
    *,
    leader: str,
    password: str,
    demo: bool = False,
) -> Workspace:
    """A new team workspace in ``root`` provisioned by the kit (open; the caller closes it)."""
    kit = open_kit(kit_path, kit_password)
    ws = Workspace.create(
        root,
        team_name=kit.team_name,
        leader=leader,
        password=password,
        demo=demo,
        team_id=kit.team_id,
    )
    try:
        adopt_kit(ws, kit)
        # the office can reopen this laptop if the team loses its passwords and recovery code
        set_escrow(ws, kit.office.peer_id, kit.office.box())
    except BaseException:
        ws.close()
        raise
    return ws


def adopt_kit(ws: Workspace, kit: TeamKit) -> None:
    """Give a fresh team workspace the kit's identity: the office's exact team row, keys, peer."""
    cols = rows.columns("team")
    decode = rows.decoders("team")
    values = {c: d(kit.team_row.get(c)) for c, d in zip(cols, decode, strict=True)}
    with ws.session() as s:
        s.info[SYNC_MERGE_KEY] = True
        team = s.get(Team, kit.team_id)
        if team is None:
            raise SyncError("组包与工作区不符。")
        for c, v in values.items():
            if c != "id":
                setattr(team, c, v)
        s.add(team)
        s.commit()
    _store_pair(ws, kit.team_keys, ROLE_TEAM)
    _add_peer(ws, kit.office, ROLE_OFFICE)
    forget_own_party(ws.engine)
