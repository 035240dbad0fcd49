"""Validation and saving of the three field forms, drafts and photos (no Qt)."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import pytest
from PIL import Image
from sqlmodel import select

from app.domain.vocabulary import Role
from app.media import intake_photo
from app.services.field import drafts
from app.services.field.forms import FormInvalid, load_payload, save_form, validate
from app.services.field.reads import mask_name, record_detail, village_keys
from app.storage.models import Attachment, AuditEvent, Problem, Township, Village
from app.storage.workspace import Workspace

NOW = datetime(2026, 11, 27, 12, 0)


@pytest.fixture
def village(ws: Workspace) -> str:
    with ws.session() as s:
        t = Township(name="城关镇")
        s.add(t)
        s.flush()
        v = Village(township_id=t.id, name="王庄村")
        s.add(v)
        s.commit()
        return v.id


def visit(village: str, **extra: object) -> dict[str, object]:
    return {
        "village_id": village,
        "occurred_at": "2026-11-27T09:30",
        "method": "general",
        "notes": "走访了解情况",
        **extra,
    }


def test_validation_messages_in_chinese() -> None:
    errors = validate("interview", {"started_at": "2026-11-28T09:00", "ended_at": ""}, NOW)
    assert errors == {
        "village_id": "请选择村（社区）。",
        "interviewee_name": "请填写谈话对象姓名。",
        "started_at": "时间不能晚于现在。",
        "record": "谈话记录不能为空。",
    }
    errors = validate(
        "interview",
        {
            "village_id": "v",
            "interviewee_name": "甲",
            "record": "问答",
            "started_at": "2026-11-27T10:00",
            "ended_at": "2026-11-27T09:00",
        },
        NOW,
    )
    assert errors == {"ended_at": "结束时间不能早于开始时间。"}
    errors = validate(
        "opinion_entry",
        {"village_id": "v", "channel": "opinion_box", "received_at": "2026-11-27T08:00",
         "anonymous": False, "content": " "},
        NOW,
    )  # fmt: skip
    assert set(errors) == {"box_label", "writer_name", "content"}
    assert validate("visit", {**visit("v"), "problems": [{"description": ""}]}, NOW) == {
        "problems.0": "问题描述不能为空，或删去这个问题。"
    }


def test_invalid_form_writes_nothing(ws: Workspace, village: str) -> None:
    with pytest.raises(FormInvalid) as info:
        save_form(ws, "visit", None, visit(village, notes=""), now=NOW)
    assert info.value.errors == {"notes": "走访情况不能为空。"}
    assert village_keys(ws, village, "visit") == []


def test_save_visit_with_problems_links_and_protected_person_then_edit(
    ws: Workspace, village: str
) -> None:
    first = save_form(
        ws, "visit", None,
        visit(village, problems=[{"description": "吃水井坏了", "category": "livelihood"}]),
        now=NOW,
    )  # fmt: skip
    old_problem = first.problem_ids[0]
    result = save_form(
        ws,
        "visit",
        None,
        visit(
            village,
            people=[{"name": "张秀兰", "role": "反映人", "protected": True}],
            problems=[{"description": "路灯不亮"}],
            links=[old_problem],
        ),
        now=NOW,
    )
    detail = record_detail(ws, "visit", result.record_id)
    assert {p.description for p in detail.problems} == {"吃水井坏了", "路灯不亮"}
    assert ("people", "张秀兰（反映人）") in detail.fields  # the leader reads the name
    with ws.session() as s:
        assert s.get_one(Problem, old_problem).category is not None
        logged = " ".join(e.note + e.fields for e in s.exec(select(AuditEvent)).all())
    assert "张秀兰" not in logged
    payload = load_payload(ws, "visit", result.record_id)
    payload["notes"] = "改过的走访情况"
    edited = save_form(ws, "visit", result.record_id, payload, now=NOW)
    assert edited.record_id == result.record_id and not edited.created
    assert record_detail(ws, "visit", result.record_id).body == "改过的走访情况"
    assert len(record_detail(ws, "visit", result.record_id).problems) == 2


def test_mask_name_by_role() -> None:
    assert mask_name("张秀兰", True, Role.MEMBER) == "张*"
    assert mask_name("张秀兰", True, Role.LEADER) == "张秀兰"
    assert mask_name("李建国", False, Role.MEMBER) == "李建国"


def test_drafts_round_trip_per_user(ws: Workspace) -> None:
    drafts.save_draft(ws, "visit", None, "v1", {"notes": "写到一半"})
    drafts.save_draft(ws, "visit", None, "v1", {"notes": "写到一半又改了"})
    found = drafts.pending_drafts(ws)
    assert [(d.kind, d.payload["notes"]) for d in found] == [("visit", "写到一半又改了")]
    assert drafts.discard_draft(ws, "visit", None)
    assert drafts.pending_drafts(ws) == []


def test_identical_photos_are_stored_once(ws: Workspace, village: str, tmp_path: Path) -> None:
    path = tmp_path / "井.jpg"
    Image.new("RGB", (800, 600), (10, 90, 160)).save(path, "JPEG")
    photo = intake_photo(path)
    a = save_form(ws, "visit", None, visit(village), [photo, photo], now=NOW)
    b = save_form(ws, "visit", None, visit(village), [photo], now=NOW)
    assert a.photos_added == 1 and b.photos_added == 1
    with ws.session() as s:
        rows = s.exec(select(Attachment)).all()
    assert len(rows) == 2 and len({r.stored_name for r in rows}) == 1
    blobs = [p for p in ws.paths.media.rglob("*.bin")]
    assert len(blobs) == 2  # one photo + one thumbnail
    assert not any(b"JFIF" in p.read_bytes()[:64] for p in blobs)  # encrypted at rest
