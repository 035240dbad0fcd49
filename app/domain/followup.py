"""Follow-up rules: what may follow what, for notices, ledger items and clue transfers.

Every change of a followed item is one *action*. The tables below say, for each kind of item,
which action leads from which status to which status and what it needs. Nothing else is allowed:
``transition(kind, status, action)`` refuses any other pair with a Chinese reason.

立行立改通知书 (notice)::

    issued ──feedback──▶ feedback_received ──verify──▶ verified ──close──▶ closed
       ▲                        │
       └────────reject──────────┘   (核查未通过: back to rectifying, reason + new deadline)
    issued ──extend──▶ issued       (cannot finish in time: a reason and a new, later deadline)

整改台账 (ledger item)::

    open ──progress──▶ in_progress ──progress──▶ in_progress ──tick_off──▶ ticked_off
    open / in_progress ──extend──▶ same status (a reason and a new, later deadline)

问题线索移交 (clue transfer), the receiving body's feedback (处置方式)::

    transferred ──▶ preliminary (初核) / talk_inquiry (谈话函询) / shelved (暂存待查) /
                    concluded (了结)
    preliminary ──▶ case_filed (立案) / talk_inquiry / shelved / concluded
    talk_inquiry ──▶ preliminary / concluded
    shelved ──▶ preliminary / concluded
    case_filed ──▶ concluded
    transferred ──extend──▶ transferred (the receiving body asks for more time)

An item that cannot be finished in time is never dropped: ``extend`` keeps it open with the
reason written down and the new deadline, and the history of every extension is kept.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from app.domain.errors import UserError
from app.domain.vocabulary import ClueStatus, LedgerStatus, NoticeStatus


class ItemKind(StrEnum):
    NOTICE = "notice"
    LEDGER = "ledger"
    CLUE = "clue"

    @property
    def label(self) -> str:
        return _KIND_LABELS[self]


_KIND_LABELS = {
    ItemKind.NOTICE: "立行立改通知书",
    ItemKind.LEDGER: "整改台账",
    ItemKind.CLUE: "问题线索移交",
}


class Action(StrEnum):
    FEEDBACK = "feedback"
    VERIFY = "verify"
    REJECT = "reject"
    CLOSE = "close"
    PROGRESS = "progress"
    TICK_OFF = "tick_off"
    EXTEND = "extend"
    PRELIMINARY = "preliminary"
    CASE_FILED = "case_filed"
    TALK_INQUIRY = "talk_inquiry"
    SHELVED = "shelved"
    CONCLUDED = "concluded"

    @property
    def label(self) -> str:
        return _ACTION_LABELS[self]


_ACTION_LABELS = {
    Action.FEEDBACK: "登记整改反馈",
    Action.VERIFY: "核查通过",
    Action.REJECT: "核查未通过，退回整改",
    Action.CLOSE: "办结",
    Action.PROGRESS: "登记整改进展",
    Action.TICK_OFF: "销号",
    Action.EXTEND: "延期（说明理由）",
    Action.PRELIMINARY: "反馈：初核",
    Action.CASE_FILED: "反馈：立案",
    Action.TALK_INQUIRY: "反馈：谈话函询",
    Action.SHELVED: "反馈：暂存待查",
    Action.CONCLUDED: "反馈：了结",
}


class Need(StrEnum):
    """What an action must be given (checked by :func:`check_input`)."""

    TEXT = "text"  # feedback / progress / disposition text
    ON = "on"  # the date it happened
    VERIFIER = "verifier"
    EVIDENCE = "evidence"  # a photo showing the fix (ledger tick-off)
    REASON = "reason"
    NEW_DEADLINE = "new_deadline"


@dataclass(frozen=True)
class Rule:
    kind: ItemKind
    before: str
    action: Action
    after: str
    needs: frozenset[Need]


def _rules() -> tuple[Rule, ...]:
    n, lg, c = ItemKind.NOTICE, ItemKind.LEDGER, ItemKind.CLUE
    text_on = frozenset({Need.TEXT, Need.ON})
    verified = frozenset({Need.ON, Need.VERIFIER})
    extend = frozenset({Need.REASON, Need.NEW_DEADLINE})
    out = [
        Rule(n, NoticeStatus.ISSUED, Action.FEEDBACK, NoticeStatus.FEEDBACK_RECEIVED, text_on),
        Rule(n, NoticeStatus.ISSUED, Action.EXTEND, NoticeStatus.ISSUED, extend),
        Rule(n, NoticeStatus.FEEDBACK_RECEIVED, Action.VERIFY, NoticeStatus.VERIFIED, verified),
        Rule(n, NoticeStatus.FEEDBACK_RECEIVED, Action.REJECT, NoticeStatus.ISSUED, extend),
        Rule(n, NoticeStatus.VERIFIED, Action.CLOSE, NoticeStatus.CLOSED, frozenset({Need.ON})),
        Rule(lg, LedgerStatus.OPEN, Action.PROGRESS, LedgerStatus.IN_PROGRESS, text_on),
        Rule(lg, LedgerStatus.OPEN, Action.EXTEND, LedgerStatus.OPEN, extend),
        Rule(lg, LedgerStatus.IN_PROGRESS, Action.PROGRESS, LedgerStatus.IN_PROGRESS, text_on),
        Rule(lg, LedgerStatus.IN_PROGRESS, Action.EXTEND, LedgerStatus.IN_PROGRESS, extend),
        Rule(
            lg,
            LedgerStatus.IN_PROGRESS,
            Action.TICK_OFF,
            LedgerStatus.TICKED_OFF,
            frozenset({Need.ON, Need.VERIFIER, Need.EVIDENCE}),
        ),
        Rule(c, ClueStatus.TRANSFERRED, Action.EXTEND, ClueStatus.TRANSFERRED, extend),
    ]
    clue_moves = {
        ClueStatus.TRANSFERRED: (
            Action.PRELIMINARY,
            Action.TALK_INQUIRY,
            Action.SHELVED,
            Action.CONCLUDED,
        ),
        ClueStatus.PRELIMINARY: (
            Action.CASE_FILED,
            Action.TALK_INQUIRY,
            Action.SHELVED,
            Action.CONCLUDED,
        ),
        ClueStatus.TALK_INQUIRY: (Action.PRELIMINARY, Action.CONCLUDED),
        ClueStatus.SHELVED: (Action.PRELIMINARY, Action.CONCLUDED),
        ClueStatus.CASE_FILED: (Action.CONCLUDED,),
    }
    for before, actions in clue_moves.items():
        for action in actions:
            out.append(Rule(c, before, action, ClueStatus(action.value), text_on))
    return tuple(out)


RULES: tuple[Rule, ...] = _rules()
"""Every allowed (kind, status before, action) → status after, with what it needs."""

_INDEX: dict[tuple[ItemKind, str, Action], Rule] = {(r.kind, r.before, r.action): r for r in RULES}

FINAL_STATUS: dict[ItemKind, frozenset[str]] = {
    ItemKind.NOTICE: frozenset({NoticeStatus.CLOSED}),
    ItemKind.LEDGER: frozenset({LedgerStatus.TICKED_OFF}),
    ItemKind.CLUE: frozenset({ClueStatus.CONCLUDED}),
}

WAITING_ON_DEADLINE: dict[ItemKind, frozenset[str]] = {
    ItemKind.NOTICE: frozenset({NoticeStatus.ISSUED}),
    ItemKind.LEDGER: frozenset({LedgerStatus.OPEN, LedgerStatus.IN_PROGRESS}),
    ItemKind.CLUE: frozenset({ClueStatus.TRANSFERRED}),
}
"""Statuses in which the deadline still runs (the item is due / overdue in these only)."""


class TransitionRefused(UserError, ValueError):
    """A change the rules do not allow, or one missing what it needs (Chinese message)."""

    def __init__(self, message: str, field: str = "") -> None:
        super().__init__(message)
        self.field = field


def status_label(kind: ItemKind, status: str) -> str:
    enum = {ItemKind.NOTICE: NoticeStatus, ItemKind.LEDGER: LedgerStatus, ItemKind.CLUE: ClueStatus}
    return enum[kind](status).label


def allowed_actions(kind: ItemKind, status: str) -> list[Action]:
    """The actions that may follow ``status``, in the order of the rules table."""
    return [r.action for r in RULES if r.kind is kind and r.before == status]


def transition(kind: ItemKind, status: str, action: Action) -> Rule:
    """The rule for ``action`` on an item in ``status``; refused when there is none."""
    rule = _INDEX.get((kind, str(status), action))
    if rule is None:
        raise TransitionRefused(
            f"{kind.label}当前为“{status_label(kind, status)}”，不能“{action.label}”。"
        )
    return rule


@dataclass(frozen=True)
class StepInput:
    """What the user gives with an action (only what the rule needs is checked)."""

    on: date | None = None
    text: str = ""
    verifier: str = ""
    evidence_ids: tuple[str, ...] = ()
    reason: str = ""
    new_deadline: date | None = None


def check_input(
    rule: Rule, given: StepInput, *, current_deadline: date | None, since: date | None
) -> None:
    """Refuse (with the field named) when ``given`` lacks what ``rule`` needs or is inconsistent.

    ``since`` is the earliest date the step may carry (the issue / transfer date); no step may be
    dated in the future relative to nothing here: the service passes today's date check itself.
    """
    needs = rule.needs
    if Need.TEXT in needs and not given.text.strip():
        what = {Action.PROGRESS: "整改进展"}.get(rule.action, "反馈内容")
        raise TransitionRefused(f"请填写{what}。", "text")
    if Need.ON in needs:
        if given.on is None:
            raise TransitionRefused("请填写日期。", "on")
        if since is not None and given.on < since:
            raise TransitionRefused("日期不能早于下发（移交）日期。", "on")
    if Need.VERIFIER in needs and not given.verifier.strip():
        raise TransitionRefused("请填写核查人。", "verifier")
    if Need.EVIDENCE in needs and not given.evidence_ids:
        raise TransitionRefused("销号须附整改佐证照片。", "evidence")
    if Need.REASON in needs and not given.reason.strip():
        raise TransitionRefused("不能按期完成的，须说明理由。", "reason")
    if Need.NEW_DEADLINE in needs:
        if given.new_deadline is None:
            raise TransitionRefused("请填写新的整改时限。", "new_deadline")
        if current_deadline is not None and given.new_deadline <= current_deadline:
            raise TransitionRefused("新的时限须晚于原时限。", "new_deadline")


# -- 集中整治: when a village is recommended for centralised rectification ---------------------
@dataclass(frozen=True)
class ConcentrationRule:
    """A village is recommended for 集中整治 when it is of one of ``tiers`` *and* has at least
    ``min_clues`` transferred clues, or (when ``min_problems`` > 0) has at least ``min_problems``
    problems whatever its tier. Thresholds come from the settings."""

    tiers: frozenset[str] = frozenset({"poor"})
    min_clues: int = 3
    min_problems: int = 0


@dataclass(frozen=True)
class VillageFacts:
    tier_label: str
    tier: str | None
    clues: int
    problems: int
    overdue: int


def concentration_reasons(rule: ConcentrationRule, facts: VillageFacts) -> list[str]:
    """The reasons to recommend 集中整治 (empty: not recommended)."""
    reasons: list[str] = []
    if facts.tier in rule.tiers and facts.clues >= rule.min_clues:
        reasons.append(f"该村（社区）经综合研判为“{facts.tier_label}”类")
        reasons.append(f"巡察发现违纪违法问题线索{facts.clues}件，达到{rule.min_clues}件以上")
    if rule.min_problems > 0 and facts.problems >= rule.min_problems:
        reasons.append(f"巡察发现问题{facts.problems}个，达到{rule.min_problems}个以上")
    if reasons and facts.overdue:
        reasons.append(f"尚有{facts.overdue}项整改事项逾期未完成")
    return reasons
