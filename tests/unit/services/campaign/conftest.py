"""Fixtures of the campaign tests: an office workspace with two villages' round (the follow-up
seed: notices, clue transfers, ledger items, an informant), the poor village triaged from a
channel listing so its tier history starts with a dated 差."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import pytest
from sqlmodel import col, select

from app.domain.vocabulary import Channel, WorkspaceKind
from app.services.registry.triage import run_triage
from app.storage import keyfile
from app.storage.models import AuditEvent, ChannelListing, Village
from app.storage.workspace import Workspace
from tests.unit.services.followup.followup_seed import Seeded, seed
from tests.unit.sync.conftest import CheapKdf

PASSWORD = "pw"
TRIAGED = date(2026, 11, 10)


@pytest.fixture(autouse=True)
def cheap_kdf(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(keyfile, "KdfParams", CheapKdf)


@dataclass
class Office:
    ws: Workspace
    ids: Seeded

    @property
    def poor(self) -> str:
        return self.ids.villages[0]

    @property
    def good(self) -> str:
        return self.ids.villages[1]


def triaged_seed(ws: Workspace) -> Seeded:
    ids = seed(ws)
    with ws.session() as s:
        for vid in ids.villages:
            v = s.get(Village, vid)
            assert v is not None
            v.tier = None
            s.add(v)
        s.add(
            ChannelListing(
                village_id=ids.villages[0], channel=Channel.BIG_DATA, source="大数据比对", count=3
            )
        )
        s.commit()
    run_triage(ws, today=TRIAGED)
    return ids


@pytest.fixture
def office(tmp_path: Path) -> Iterator[Office]:
    ws = Workspace.create(
        tmp_path / "office",
        team_name="区委巡察办",
        leader="王主任",
        password=PASSWORD,
        kind=WorkspaceKind.OFFICE,
    )
    try:
        yield Office(ws, triaged_seed(ws))
    finally:
        ws.close()


def audit_ids(ws: Workspace) -> set[str]:
    with ws.session() as s:
        return set(s.exec(select(AuditEvent.id)).all())


def audit_since(ws: Workspace, before: set[str]) -> list[tuple[str, str, str]]:
    """(action, table, note) of the audit events written since ``before`` was taken."""
    with ws.session() as s:
        rows = s.exec(select(AuditEvent).order_by(col(AuditEvent.at))).all()
    return [(e.action, e.table_name, e.note) for e in rows if e.id not in before]


def all_audit_text(ws: Workspace) -> str:
    with ws.session() as s:
        rows = s.exec(select(AuditEvent)).all()
    return "\n".join(f"{e.action} {e.table_name} {e.fields} {e.note}" for e in rows)
