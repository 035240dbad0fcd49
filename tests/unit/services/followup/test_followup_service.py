"""Follow-up steps through the service: written with their dates, verifier and evidence, audited,
extensions kept with their reason; a refused step writes nothing."""

from __future__ import annotations

import io
from datetime import date

import pytest
from PIL import Image
from sqlmodel import select

from app.domain.followup import Action, ItemKind, StepInput, TransitionRefused
from app.domain.vocabulary import ClueStatus, LedgerStatus, NoticeStatus
from app.media import intake_bytes
from app.services.followup.steps import add_evidence, apply_step, extensions_of
from app.storage.models import AuditEvent, ClueTransfer, LedgerItem, RectificationNotice
from app.storage.workspace import Workspace
from tests.unit.services.followup.followup_seed import seed

TODAY = date(2026, 11, 27)


def _audit(ws: Workspace, record_id: str) -> list[AuditEvent]:
    with ws.session() as s:
        return list(
            s.exec(
                select(AuditEvent)
                .where(AuditEvent.record_id == record_id, AuditEvent.action.startswith("followup_"))
                .order_by(AuditEvent.at)  # type: ignore[arg-type]
            ).all()
        )


def test_a_notice_goes_issued_feedback_verified_closed(ws: Workspace) -> None:
    nid = seed(ws).notices[0]
    step = StepInput(on=date(2026, 11, 24), text="已更换水泵，恢复供水。")
    r = apply_step(ws, ItemKind.NOTICE, nid, Action.FEEDBACK, step, today=TODAY)
    assert r.status == NoticeStatus.FEEDBACK_RECEIVED and r.status_label == "已反馈"
    with pytest.raises(TransitionRefused) as e:
        apply_step(ws, ItemKind.NOTICE, nid, Action.VERIFY, StepInput(on=TODAY), today=TODAY)
    assert e.value.field == "verifier"
    apply_step(
        ws, ItemKind.NOTICE, nid, Action.VERIFY, StepInput(on=TODAY, verifier="王五"), today=TODAY
    )
    apply_step(ws, ItemKind.NOTICE, nid, Action.CLOSE, StepInput(on=TODAY), today=TODAY)
    with ws.session() as s:
        n = s.get_one(RectificationNotice, nid)
        assert n.status is NoticeStatus.CLOSED
        assert n.feedback_on == date(2026, 11, 24) and "水泵" in n.feedback
        assert n.verified_on == TODAY and n.verifier == "王五" and n.closed_on == TODAY
    events = _audit(ws, nid)
    assert [e.action for e in events] == ["followup_feedback", "followup_verify", "followup_close"]
    assert events[0].note == "已下发→已反馈" and events[0].actor == ws.username
    assert all("水泵" not in e.note for e in events)  # the audit names changes, not words


def test_a_refused_step_writes_nothing(ws: Workspace) -> None:
    nid = seed(ws).notices[0]
    with ws.session() as s:
        before = s.get_one(RectificationNotice, nid).version
    with pytest.raises(TransitionRefused, match="不能"):
        apply_step(ws, ItemKind.NOTICE, nid, Action.CLOSE, StepInput(on=TODAY), today=TODAY)
    with pytest.raises(TransitionRefused, match="晚于今天"):
        apply_step(
            ws,
            ItemKind.NOTICE,
            nid,
            Action.FEEDBACK,
            StepInput(on=date(2026, 12, 1), text="x"),
            today=TODAY,
        )
    with ws.session() as s:
        assert s.get_one(RectificationNotice, nid).version == before
    assert _audit(ws, nid) == []


def test_rejected_feedback_goes_back_with_a_new_deadline_and_reason(ws: Workspace) -> None:
    nid = seed(ws).notices[1]
    apply_step(
        ws,
        ItemKind.NOTICE,
        nid,
        Action.FEEDBACK,
        StepInput(on=date(2026, 11, 25), text="已整改"),
        today=TODAY,
    )
    r = apply_step(
        ws,
        ItemKind.NOTICE,
        nid,
        Action.REJECT,
        StepInput(reason="现场核查路灯仍未修复", new_deadline=date(2026, 12, 10)),
        today=TODAY,
    )
    assert r.status == NoticeStatus.ISSUED and r.deadline == date(2026, 12, 10)
    [ext] = extensions_of(ws, nid)
    assert ext.action == "reject" and ext.old_deadline == date(2026, 11, 27)
    assert ext.reason == "现场核查路灯仍未修复" and ext.decided_by == ws.username


def _photo() -> bytes:
    buf = io.BytesIO()
    Image.new("RGB", (64, 48), (200, 30, 30)).save(buf, "JPEG")
    return buf.getvalue()


def test_a_ledger_item_is_extended_not_dropped_and_ticked_off_with_evidence(
    ws: Workspace,
) -> None:
    iid = seed(ws).ledger[0]
    apply_step(
        ws,
        ItemKind.LEDGER,
        iid,
        Action.PROGRESS,
        StepInput(on=date(2026, 11, 22), text="已制定公开制度"),
        today=TODAY,
    )
    r = apply_step(
        ws,
        ItemKind.LEDGER,
        iid,
        Action.EXTEND,
        StepInput(reason="需村民代表会议表决，会期在下月", new_deadline=date(2027, 1, 15)),
        today=TODAY,
    )
    assert r.status == LedgerStatus.IN_PROGRESS and r.deadline == date(2027, 1, 15)
    with pytest.raises(TransitionRefused) as e:
        apply_step(
            ws,
            ItemKind.LEDGER,
            iid,
            Action.TICK_OFF,
            StepInput(on=TODAY, verifier="王五"),
            today=TODAY,
        )
    assert e.value.field == "evidence"
    [att] = add_evidence(ws, iid, [intake_bytes(_photo(), "公开栏.jpg")])
    apply_step(
        ws,
        ItemKind.LEDGER,
        iid,
        Action.TICK_OFF,
        StepInput(on=TODAY, verifier="王五"),
        today=TODAY,
    )
    with ws.session() as s:
        item = s.get_one(LedgerItem, iid)
        assert item.status is LedgerStatus.TICKED_OFF
        assert item.ticked_off_on == TODAY and item.verifier == "王五"
        assert "公开制度" in item.progress and "村民代表" in item.extension_reason
    assert [e.new_deadline for e in extensions_of(ws, iid)] == [date(2027, 1, 15)]
    assert att


def test_clue_feedback_follows_the_disposition_rules(ws: Workspace) -> None:
    cid = seed(ws).clues[0]
    apply_step(
        ws,
        ItemKind.CLUE,
        cid,
        Action.PRELIMINARY,
        StepInput(on=date(2026, 12, 1) if False else TODAY, text="已初核"),
        today=TODAY,
    )
    apply_step(
        ws,
        ItemKind.CLUE,
        cid,
        Action.CASE_FILED,
        StepInput(on=TODAY, text="已立案审查"),
        today=TODAY,
    )
    with pytest.raises(TransitionRefused):
        apply_step(
            ws, ItemKind.CLUE, cid, Action.SHELVED, StepInput(on=TODAY, text="x"), today=TODAY
        )
    apply_step(
        ws,
        ItemKind.CLUE,
        cid,
        Action.CONCLUDED,
        StepInput(on=TODAY, text="给予党内警告处分"),
        today=TODAY,
    )
    with ws.session() as s:
        c = s.get_one(ClueTransfer, cid)
        assert c.status is ClueStatus.CONCLUDED and "警告" in c.feedback and "立案" in c.feedback
