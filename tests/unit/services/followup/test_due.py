"""What is due soon and overdue, with the three colours from the settings."""

from __future__ import annotations

from datetime import date

from app.domain.deadlines import WarningColour
from app.domain.followup import Action, ItemKind, StepInput
from app.services.followup.due import due_items
from app.services.followup.numbering import number_pending
from app.services.followup.steps import apply_step
from app.services.settings import load_settings, save_settings
from app.storage.workspace import Workspace
from tests.unit.services.followup.followup_seed import seed


def test_colours_follow_days_left(ws: Workspace) -> None:
    seed(ws)
    number_pending(ws)
    # notices due 11-27, ledger items 12-20 and 12-30, clues 2027-02-20
    rows = due_items(ws, date(2026, 12, 1))
    notices = [r for r in rows if r.kind is ItemKind.NOTICE]
    assert len(notices) == 4 and all(r.colour is WarningColour.RED for r in notices)
    assert all(r.days_left == -4 for r in notices)
    assert notices[0].number.startswith("淮巡立改〔2026〕") and notices[0].village
    assert notices[0].unit in ("区水利局", "区交通运输局")
    ledger = [r for r in rows if r.kind is ItemKind.LEDGER]
    assert {r.deadline for r in ledger} == {date(2026, 12, 20)}  # 19 days: green; 29: not yet
    assert {r.colour for r in ledger} == {WarningColour.GREEN}
    assert not [r for r in rows if r.kind is ItemKind.CLUE]
    assert [r.days_left for r in rows] == sorted(r.days_left for r in rows)  # most urgent first
    every = due_items(ws, date(2026, 12, 1), everything=True)
    assert len(every) == 4 + 4 + 4
    late = due_items(ws, date(2027, 2, 15))
    assert {r.colour for r in late if r.kind is ItemKind.CLUE} == {WarningColour.YELLOW}


def test_thresholds_come_from_the_settings(ws: Workspace) -> None:
    seed(ws)
    today = date(2026, 11, 21)  # notices: 6 days left
    assert {r.colour for r in due_items(ws, today) if r.kind is ItemKind.NOTICE} == {
        WarningColour.YELLOW
    }
    save_settings(ws, load_settings(ws).with_changes(warn_yellow_days=5, warn_green_days=8))
    assert {r.colour for r in due_items(ws, today) if r.kind is ItemKind.NOTICE} == {
        WarningColour.GREEN
    }


def test_an_answered_notice_leaves_the_list(ws: Workspace) -> None:
    ids = seed(ws)
    apply_step(
        ws,
        ItemKind.NOTICE,
        ids.notices[0],
        Action.FEEDBACK,
        StepInput(on=date(2026, 11, 25), text="已修复"),
        today=date(2026, 11, 25),
    )
    listed = {r.item_id for r in due_items(ws, date(2026, 11, 28))}
    assert ids.notices[0] not in listed and ids.notices[1] in listed
