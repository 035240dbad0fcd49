"""Fixtures of the sync tests: an office, a team kit, team laptops that joined with it."""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any

import pytest

import app.sync.kit as kitmod
from app.domain.vocabulary import VisitMethod, WorkspaceKind
from app.storage import keyfile
from app.storage.keyfile import KdfParams
from app.storage.models import Township, Village, Visit
from app.storage.workspace import Workspace
from app.sync import rows
from app.sync.identity import ensure_office_keys, issue_team_kit, join_with_kit

PASSWORD = "pw"
KIT_PASSWORD = "组包密码-1"


def make_office(root: Path) -> Workspace:
    office = Workspace.create(
        root, team_name="区委巡察办", leader="王主任", password=PASSWORD, kind=WorkspaceKind.OFFICE
    )
    ensure_office_keys(office)
    return office


def db_dump_hash(ws: Workspace) -> str:
    """SHA-256 of a full SQL dump of the database (every table, audit log included)."""
    h = hashlib.sha256()
    with ws.raw_connection() as conn:
        tables = conn.execute(
            "SELECT name, sql FROM sqlite_schema WHERE type = 'table' ORDER BY name"
        ).fetchall()
        for name, sql in tables:
            h.update(f"{name}\x00{sql}\x00".encode())
            for row in conn.execute(f'SELECT * FROM "{name}" ORDER BY 1'):
                h.update(repr(row).encode("utf-8"))
    return h.hexdigest()


def synced_dump(ws: Workspace) -> dict[str, Any]:
    """Every synced row (all columns) and every conflict's content, sorted: what must converge."""
    out: dict[str, Any] = {}
    with ws.engine.connect() as conn:
        for t in rows.ORDER:
            out[t] = sorted(rows.read_rows(conn, t, None).values(), key=lambda r: r[0])
        out["conflicts"] = sorted(
            tuple(r)
            for r in conn.exec_driver_sql(
                "SELECT table_name, record_id, local_origin, local_version, incoming_origin, "
                "incoming_version, incoming_sha, status FROM sync_conflict"
            )
        )
    return out


def add_village(ws: Workspace, name: str) -> Village:
    with ws.session() as s:
        town = Township(name=f"{name}镇")
        s.add(town)
        s.flush()
        village = Village(township_id=town.id, name=name)
        s.add(village)
        s.commit()
        return village


def add_visit(ws: Workspace, village_id: str, notes: str) -> Visit:
    with ws.session() as s:
        visit = Visit(
            village_id=village_id,
            occurred_at=datetime(2026, 11, 20, 9, 30),
            method=VisitMethod.GENERAL,
            place="村委会",
            notes=notes,
        )
        s.add(visit)
        s.commit()
        return visit


def edit(ws: Workspace, model: Any, rid: str, **changes: Any) -> None:
    with ws.session() as s:
        obj = s.get(model, rid)
        assert obj is not None
        for k, v in changes.items():
            setattr(obj, k, v)
        s.add(obj)
        s.commit()


@dataclass(frozen=True)
class CheapKdf(KdfParams):
    """Argon2id at its cheapest: these tests are about sync, not about password hashing."""

    time_cost: int = 1
    memory_cost: int = 8
    parallelism: int = 1


@pytest.fixture(autouse=True)
def cheap_kdf(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(keyfile, "KdfParams", CheapKdf)
    monkeypatch.setattr(kitmod, "KdfParams", CheapKdf)


@pytest.fixture
def office(tmp_path: Path) -> Iterator[Workspace]:
    ws = make_office(tmp_path / "office")
    try:
        yield ws
    finally:
        ws.close()


@pytest.fixture
def kit(office: Workspace, tmp_path: Path) -> Path:
    path = tmp_path / "第一组.kit"
    issue_team_kit(office, "第一巡察组", KIT_PASSWORD, path)
    return path


@pytest.fixture
def laptop(kit: Path, tmp_path: Path) -> Iterator[Callable[[str], Workspace]]:
    """Make a team laptop joined with the kit: ``laptop("a")``."""
    opened: list[Workspace] = []

    def make(name: str, kit_path: Path = kit) -> Workspace:
        ws = join_with_kit(
            tmp_path / f"laptop-{name}", kit_path, KIT_PASSWORD, leader="李组长", password=PASSWORD
        )
        opened.append(ws)
        return ws

    try:
        yield make
    finally:
        for ws in opened:
            ws.close()


TODAY = date(2026, 11, 27)
