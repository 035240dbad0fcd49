"""Evidence of any follow-up step (photos, scans) through the photo intake, in the step's
transaction; the ledger tick-off that needs it, closed to the end."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from PIL import Image
from sqlmodel import select

from app.domain.followup import Action, ItemKind, StepInput, TransitionRefused
from app.domain.vocabulary import LedgerStatus
from app.services.followup.evidence import (
    add_evidence_files,
    evidence_ids,
    evidence_of_item,
    take_in,
)
from app.services.followup.steps import apply_step, find_item, item_detail
from app.storage.models import Attachment, AuditEvent, LedgerItem
from app.storage.workspace import Workspace
from tests.unit.services.followup.followup_seed import seed

TODAY = date(2026, 11, 27)


def scan(folder: Path, name: str, colour: tuple[int, int, int]) -> Path:
    path = folder / name
    Image.new("RGB", (800, 600), colour).save(path, "PNG")
    return path


def test_a_ledger_item_is_ticked_off_with_evidence_in_the_same_step(
    ws: Workspace, tmp_path: Path
) -> None:
    lid = seed(ws).ledger[0]
    apply_step(
        ws, ItemKind.LEDGER, lid, Action.PROGRESS, StepInput(on=TODAY, text="已整改。"), today=TODAY
    )
    tick = StepInput(on=TODAY, verifier="王五")
    with pytest.raises(TransitionRefused) as refused:  # no evidence yet: the old dead end
        apply_step(ws, ItemKind.LEDGER, lid, Action.TICK_OFF, tick, today=TODAY)
    assert refused.value.field == "evidence"
    photos = take_in([scan(tmp_path, "公示栏.png", (20, 80, 160))], 2048)
    r = apply_step(ws, ItemKind.LEDGER, lid, Action.TICK_OFF, tick, today=TODAY, photos=photos)
    assert r.status == LedgerStatus.TICKED_OFF and r.status_label == "已销号"
    with ws.session() as s:
        assert s.get_one(LedgerItem, lid).verifier == "王五"
        att = s.exec(select(Attachment).where(Attachment.ledger_item_id == lid)).one()
        assert att.caption == "销号佐证"
        ev = s.exec(select(AuditEvent).where(AuditEvent.action == "followup_tick_off")).one()
        assert "附佐证1份" in ev.note


def test_a_refused_step_leaves_no_evidence_behind(ws: Workspace, tmp_path: Path) -> None:
    lid = seed(ws).ledger[0]
    photos = take_in([scan(tmp_path, "a.png", (200, 10, 10))], 2048)
    with pytest.raises(TransitionRefused):  # tick-off needs progress first
        apply_step(
            ws,
            ItemKind.LEDGER,
            lid,
            Action.TICK_OFF,
            StepInput(on=TODAY, verifier="王五"),
            today=TODAY,
            photos=photos,
        )
    assert evidence_ids(ws, ItemKind.LEDGER, lid) == []


def test_evidence_on_a_notice_and_a_clue_shows_in_the_detail(ws: Workspace, tmp_path: Path):
    seeded = seed(ws)
    nid, cid = seeded.notices[0], seeded.clues[0]
    files = [scan(tmp_path, "回执.png", (10, 120, 10)), scan(tmp_path, "反馈.png", (90, 9, 9))]
    r = add_evidence_files(ws, ItemKind.NOTICE, nid, files, step=Action.FEEDBACK)
    assert len(r.added) == 2
    again = add_evidence_files(ws, ItemKind.NOTICE, nid, files[:1])
    assert again.added == []  # the same scan is kept once
    add_evidence_files(ws, ItemKind.CLUE, cid, files[1:])
    assert [p.original_name for p in evidence_of_item(ws, ItemKind.NOTICE, nid)] == [
        "回执.png",
        "反馈.png",
    ]
    assert len(evidence_ids(ws, ItemKind.CLUE, cid)) == 1
    assert item_detail(ws, ItemKind.NOTICE, nid, TODAY).evidence == 2


def test_items_are_found_by_id_or_document_number(ws: Workspace) -> None:
    seeded = seed(ws)
    assert find_item(ws, seeded.ledger[0]) == (ItemKind.LEDGER, seeded.ledger[0])
    with pytest.raises(TransitionRefused):
        find_item(ws, "淮巡立改〔2026〕999号")
