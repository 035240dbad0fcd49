"""Follow-up rules as a table: what may follow what, what each step needs, 集中整治."""

from __future__ import annotations

from datetime import date

import pytest

from app.domain.followup import (
    RULES,
    Action,
    ConcentrationRule,
    ItemKind,
    StepInput,
    TransitionRefused,
    VillageFacts,
    allowed_actions,
    check_input,
    concentration_reasons,
    transition,
)
from app.domain.vocabulary import ClueStatus, Labelled, LedgerStatus, NoticeStatus

N, L, C = ItemKind.NOTICE, ItemKind.LEDGER, ItemKind.CLUE

# (kind, before, action) → after: every allowed move, and nothing else.
EXPECTED = {
    (N, NoticeStatus.ISSUED, Action.FEEDBACK): NoticeStatus.FEEDBACK_RECEIVED,
    (N, NoticeStatus.ISSUED, Action.EXTEND): NoticeStatus.ISSUED,
    (N, NoticeStatus.FEEDBACK_RECEIVED, Action.VERIFY): NoticeStatus.VERIFIED,
    (N, NoticeStatus.FEEDBACK_RECEIVED, Action.REJECT): NoticeStatus.ISSUED,
    (N, NoticeStatus.VERIFIED, Action.CLOSE): NoticeStatus.CLOSED,
    (L, LedgerStatus.OPEN, Action.PROGRESS): LedgerStatus.IN_PROGRESS,
    (L, LedgerStatus.OPEN, Action.EXTEND): LedgerStatus.OPEN,
    (L, LedgerStatus.IN_PROGRESS, Action.PROGRESS): LedgerStatus.IN_PROGRESS,
    (L, LedgerStatus.IN_PROGRESS, Action.EXTEND): LedgerStatus.IN_PROGRESS,
    (L, LedgerStatus.IN_PROGRESS, Action.TICK_OFF): LedgerStatus.TICKED_OFF,
    (C, ClueStatus.TRANSFERRED, Action.EXTEND): ClueStatus.TRANSFERRED,
    (C, ClueStatus.TRANSFERRED, Action.PRELIMINARY): ClueStatus.PRELIMINARY,
    (C, ClueStatus.TRANSFERRED, Action.TALK_INQUIRY): ClueStatus.TALK_INQUIRY,
    (C, ClueStatus.TRANSFERRED, Action.SHELVED): ClueStatus.SHELVED,
    (C, ClueStatus.TRANSFERRED, Action.CONCLUDED): ClueStatus.CONCLUDED,
    (C, ClueStatus.PRELIMINARY, Action.CASE_FILED): ClueStatus.CASE_FILED,
    (C, ClueStatus.PRELIMINARY, Action.TALK_INQUIRY): ClueStatus.TALK_INQUIRY,
    (C, ClueStatus.PRELIMINARY, Action.SHELVED): ClueStatus.SHELVED,
    (C, ClueStatus.PRELIMINARY, Action.CONCLUDED): ClueStatus.CONCLUDED,
    (C, ClueStatus.TALK_INQUIRY, Action.PRELIMINARY): ClueStatus.PRELIMINARY,
    (C, ClueStatus.TALK_INQUIRY, Action.CONCLUDED): ClueStatus.CONCLUDED,
    (C, ClueStatus.SHELVED, Action.PRELIMINARY): ClueStatus.PRELIMINARY,
    (C, ClueStatus.SHELVED, Action.CONCLUDED): ClueStatus.CONCLUDED,
    (C, ClueStatus.CASE_FILED, Action.CONCLUDED): ClueStatus.CONCLUDED,
}

STATUSES: dict[ItemKind, list[Labelled]] = {
    N: list(NoticeStatus),
    L: list(LedgerStatus),
    C: list(ClueStatus),
}


def test_the_table_is_exactly_the_expected_moves() -> None:
    assert {(r.kind, r.before, r.action): r.after for r in RULES} == EXPECTED


@pytest.mark.parametrize("kind", [N, L, C])
def test_every_other_pair_is_refused_in_chinese(kind: ItemKind) -> None:
    for status in STATUSES[kind]:
        for action in Action:
            if (kind, status, action) in EXPECTED:
                assert transition(kind, status, action).after == EXPECTED[(kind, status, action)]
                continue
            with pytest.raises(TransitionRefused, match="不能"):
                transition(kind, status, action)


def test_final_statuses_allow_nothing() -> None:
    assert allowed_actions(N, NoticeStatus.CLOSED) == []
    assert allowed_actions(L, LedgerStatus.TICKED_OFF) == []
    assert allowed_actions(C, ClueStatus.CONCLUDED) == []


def test_notice_cannot_skip_verification_and_ledger_cannot_skip_progress() -> None:
    with pytest.raises(TransitionRefused):
        transition(N, NoticeStatus.ISSUED, Action.CLOSE)
    with pytest.raises(TransitionRefused):
        transition(N, NoticeStatus.FEEDBACK_RECEIVED, Action.CLOSE)
    with pytest.raises(TransitionRefused):
        transition(L, LedgerStatus.OPEN, Action.TICK_OFF)


def test_every_open_status_can_be_extended_or_moved_on_never_stuck() -> None:
    for kind, statuses in STATUSES.items():
        for status in statuses:
            final = kind is N and status == NoticeStatus.CLOSED
            final |= kind is L and status == LedgerStatus.TICKED_OFF
            final |= kind is C and status == ClueStatus.CONCLUDED
            assert bool(allowed_actions(kind, status)) != final, (kind, status)


D = date(2026, 11, 20)


def test_what_each_step_needs() -> None:
    tick = transition(L, LedgerStatus.IN_PROGRESS, Action.TICK_OFF)
    with pytest.raises(TransitionRefused) as e:
        check_input(tick, StepInput(on=D, verifier="王五"), current_deadline=D, since=None)
    assert e.value.field == "evidence" and "佐证" in str(e.value)
    with pytest.raises(TransitionRefused) as e:
        check_input(tick, StepInput(on=D, evidence_ids=("a",)), current_deadline=D, since=None)
    assert e.value.field == "verifier"
    check_input(
        tick, StepInput(on=D, verifier="王五", evidence_ids=("a",)), current_deadline=D, since=None
    )
    feedback = transition(N, NoticeStatus.ISSUED, Action.FEEDBACK)
    with pytest.raises(TransitionRefused) as e:
        check_input(feedback, StepInput(on=D), current_deadline=D, since=D)
    assert e.value.field == "text"
    with pytest.raises(TransitionRefused, match="早于"):
        check_input(
            feedback, StepInput(on=date(2026, 11, 1), text="已修"), current_deadline=D, since=D
        )


def test_an_extension_needs_a_reason_and_a_later_deadline() -> None:
    ext = transition(L, LedgerStatus.OPEN, Action.EXTEND)
    with pytest.raises(TransitionRefused) as e:
        check_input(ext, StepInput(new_deadline=date(2026, 12, 30)), current_deadline=D, since=None)
    assert e.value.field == "reason" and "理由" in str(e.value)
    with pytest.raises(TransitionRefused) as e:
        check_input(
            ext, StepInput(reason="雨季停工", new_deadline=D), current_deadline=D, since=None
        )
    assert e.value.field == "new_deadline"
    check_input(
        ext,
        StepInput(reason="雨季停工", new_deadline=date(2026, 12, 30)),
        current_deadline=D,
        since=None,
    )


def _facts(tier: str | None, clues: int, problems: int = 5, overdue: int = 0) -> VillageFacts:
    labels = {"poor": "差", "middle": "中", "good": "好"}
    return VillageFacts(labels.get(tier or "", ""), tier, clues, problems, overdue)


def test_concentrated_rectification_rule() -> None:
    rule = ConcentrationRule()
    assert concentration_reasons(rule, _facts("poor", 2)) == []
    assert concentration_reasons(rule, _facts("middle", 9)) == []
    reasons = concentration_reasons(rule, _facts("poor", 3, overdue=2))
    assert any("“差”" in r for r in reasons)
    assert any("3件" in r for r in reasons) and any("逾期" in r for r in reasons)
    wider = ConcentrationRule(tiers=frozenset({"poor", "middle"}), min_clues=1, min_problems=30)
    assert concentration_reasons(wider, _facts("middle", 1))
    assert any("40个" in r for r in concentration_reasons(wider, _facts("good", 0, 40)))
