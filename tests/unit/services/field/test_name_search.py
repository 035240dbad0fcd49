"""Search by a person's name: the leader finds every record of that person; a member finds the
records of people who are not protected, and never through a protected name."""

from __future__ import annotations

from datetime import datetime

from app.domain.vocabulary import Role, VisitMethod
from app.services.field.forms import save_form
from app.services.field.reads import search_records
from app.storage.models import Township, Village
from app.storage.workspace import Workspace

INFORMANT = "欧阳青禾"
CADRE = "赵书记"
NOW = datetime(2026, 11, 27, 18, 0)


def _village(ws: Workspace) -> str:
    with ws.session() as s:
        town = Township(name="城关镇")
        s.add(town)
        s.flush()
        village = Village(township_id=town.id, name="王庄村")
        s.add(village)
        s.commit()
        return village.id


def _records(ws: Workspace, vid: str) -> None:
    at = "2026-11-27T10:00"
    visit = {
        "village_id": vid,
        "occurred_at": at,
        "method": VisitMethod.GENERAL.value,
        "notes": "走访村民。",
        "people": [
            {"name": INFORMANT, "role": "村民", "protected": True},
            {"name": CADRE, "role": "村支书", "protected": False},
        ],
    }
    save_form(ws, "visit", None, visit, now=NOW)
    entry = {
        "village_id": vid,
        "channel": "letter",
        "received_at": at,
        "anonymous": False,
        "writer_name": INFORMANT,
        "content": "反映低保问题。",
    }
    save_form(ws, "opinion_entry", None, entry, now=NOW)


def test_the_leader_finds_every_record_of_a_person_by_part_of_the_name(ws: Workspace) -> None:
    _records(ws, _village(ws))
    hits = search_records(ws, "青禾")
    assert {h.kind for h in hits} == {"visit", "opinion_entry"}
    assert all("青禾" in h.snippet and h.village_name == "王庄村" for h in hits)
    assert any(h.snippet.startswith("写信人：") for h in hits)


def test_a_member_finds_unprotected_people_only(ws: Workspace) -> None:
    _records(ws, _village(ws))
    ws.add_user("组员甲", "组员甲", Role.MEMBER, "成员密码-123")
    with Workspace.open(ws.paths.root, "成员密码-123", "组员甲") as member:
        assert search_records(member, INFORMANT) == []  # would confirm who the informant is
        assert search_records(member, "青禾") == []
        (hit,) = search_records(member, "赵书记")
        assert hit.kind == "visit" and "赵书记" in hit.snippet
