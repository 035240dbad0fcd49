"""Two saves of the same record from two places (issue 17, part 3): the second is told the record
changed, is shown the other version, and nothing is written until the user chooses."""

from __future__ import annotations

from datetime import datetime

import pytest

from app.services.field.forms import RecordChanged, load_payload, save_form
from app.storage.models import Interview, Township, Village
from app.storage.workspace import Workspace

NOW = datetime(2026, 11, 27, 12, 0)


@pytest.fixture
def interview_id(ws: Workspace) -> str:
    with ws.session() as s:
        t = Township(name="城关镇")
        s.add(t)
        s.flush()
        v = Village(township_id=t.id, name="王庄村")
        s.add(v)
        s.commit()
    payload = {
        "village_id": v.id,
        "interviewee_name": "村会计",
        "started_at": "2026-11-27T09:00",
        "record": "问：账目何时公开？答：每季度。",
    }
    return save_form(ws, "interview", None, payload, now=NOW).record_id


def test_the_second_save_is_told_and_loses_nothing(ws: Workspace, interview_id: str) -> None:
    first = load_payload(ws, "interview", interview_id)  # two places open the same record
    second = load_payload(ws, "interview", interview_id)
    assert first["base_version"] == second["base_version"]
    first["record"] = "第一处的修改"
    save_form(ws, "interview", interview_id, first, now=NOW)
    second["record"] = "第二处的修改"
    with pytest.raises(RecordChanged) as caught:
        save_form(ws, "interview", interview_id, second, now=NOW)
    theirs = caught.value.theirs
    assert theirs["record"] == "第一处的修改" and theirs["base_version"] > second["base_version"]
    with ws.session() as s:  # the refused save wrote nothing
        assert s.get_one(Interview, interview_id).record == "第一处的修改"
    second["base_version"] = theirs["base_version"]  # seen both, chose to keep the second
    save_form(ws, "interview", interview_id, second, now=NOW)
    with ws.session() as s:
        assert s.get_one(Interview, interview_id).record == "第二处的修改"


def test_a_payload_without_a_version_still_saves(ws: Workspace, interview_id: str) -> None:
    """Drafts stored before versions were kept carry none: they save as before."""
    payload = load_payload(ws, "interview", interview_id)
    payload.pop("base_version")
    payload["record"] = "旧草稿"
    save_form(ws, "interview", interview_id, payload, now=NOW)
    with ws.session() as s:
        assert s.get_one(Interview, interview_id).record == "旧草稿"
