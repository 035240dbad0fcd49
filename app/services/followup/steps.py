"""Follow-up of notices, ledger items and clue transfers: one audited step at a time.

:func:`apply_step` checks the step against the rules table (:mod:`app.domain.followup`), writes
the item's new status with its date, text, verifier or new deadline, records an extension in
``deadline_extension`` when the deadline moves, and appends an audit event
(``followup_<action>``, with the status change in the note — never a person's words). Nothing is
written when the step is refused.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from sqlmodel import col, select

from app.domain.followup import (
    Action,
    ItemKind,
    StepInput,
    TransitionRefused,
    check_input,
    status_label,
    transition,
)
from app.media import ProcessedPhoto
from app.services.attachments import add_attachment_rows, stage_photos
from app.services.field.records import Changed
from app.storage.models import (
    Attachment,
    ClueTransfer,
    DeadlineExtension,
    LedgerItem,
    RectificationNotice,
    Synced,
)
from app.storage.session import WorkspaceSession
from app.storage.workspace import Workspace

__all__ = [
    "MODEL_FOR",
    "ActionChoice",
    "ItemDetail",
    "StepResult",
    "add_evidence",
    "apply_step",
    "current_status",
    "deadline_of",
    "evidence_of",
    "extensions_of",
    "item_detail",
]

Item = RectificationNotice | LedgerItem | ClueTransfer

MODEL_FOR: dict[ItemKind, type[Item]] = {
    ItemKind.NOTICE: RectificationNotice,
    ItemKind.LEDGER: LedgerItem,
    ItemKind.CLUE: ClueTransfer,
}


@dataclass(frozen=True)
class StepResult:
    changed: list[Changed]
    status: str
    status_label: str
    deadline: date


def _changed(obj: Synced) -> Changed:
    return Changed(str(type(obj).__tablename__), obj.id, obj.version)


def current_status(item: Item) -> str:
    return str(item.status)


def deadline_of(item: Item) -> date:
    if isinstance(item, ClueTransfer):
        return item.feedback_deadline
    return item.deadline


def _set_deadline(item: Item, new: date) -> None:
    if isinstance(item, ClueTransfer):
        item.feedback_deadline = new
    else:
        item.deadline = new


def _since(item: Item) -> date | None:
    if isinstance(item, RectificationNotice):
        return item.issued_on
    if isinstance(item, ClueTransfer):
        return item.transferred_on
    return None


def _load(s: WorkspaceSession, kind: ItemKind, item_id: str) -> Item:
    item: Item | None = s.get(MODEL_FOR[kind], item_id)  # type: ignore[assignment]
    if item is None or item.retired_at is not None:
        raise TransitionRefused(f"找不到这份{kind.label}。")
    return item


def evidence_of(s: WorkspaceSession, ledger_item_id: str) -> list[str]:
    rows = s.exec(
        select(Attachment.id).where(
            Attachment.ledger_item_id == ledger_item_id, col(Attachment.retired_at).is_(None)
        )
    ).all()
    return list(rows)


def add_evidence(ws: Workspace, ledger_item_id: str, photos: Sequence[ProcessedPhoto]) -> list[str]:
    """Store evidence photos (整改佐证) of a ledger item; returns the attachment ids."""
    names = stage_photos(ws, list(photos))
    with ws.session() as s:
        item = _load(s, ItemKind.LEDGER, ledger_item_id)
        add_attachment_rows(s, "ledger_item", item.id, list(photos), names, caption="整改佐证")
        s.flush()
        by_sha = {
            a.sha256: a.id
            for a in s.exec(
                select(Attachment).where(
                    Attachment.ledger_item_id == item.id, col(Attachment.retired_at).is_(None)
                )
            ).all()
        }
        s.commit()
    return [by_sha[p.sha256] for p in photos]


def extensions_of(ws: Workspace, item_id: str) -> list[DeadlineExtension]:
    with ws.session() as s:
        rows = s.exec(
            select(DeadlineExtension)
            .where(DeadlineExtension.item_id == item_id)
            .order_by(col(DeadlineExtension.created_at))
        ).all()
        return list(rows)


def apply_step(
    ws: Workspace,
    kind: ItemKind,
    item_id: str,
    action: Action,
    given: StepInput,
    *,
    today: date | None = None,
) -> StepResult:
    """Apply one follow-up step (see the module docstring); refused with TransitionRefused."""
    today = today or date.today()
    with ws.session() as s:
        item = _load(s, kind, item_id)
        before = current_status(item)
        rule = transition(kind, before, action)
        old_deadline = deadline_of(item)
        if rule.kind is ItemKind.LEDGER and action is Action.TICK_OFF and not given.evidence_ids:
            given = StepInput(
                on=given.on,
                text=given.text,
                verifier=given.verifier,
                evidence_ids=tuple(evidence_of(s, item.id)),
                reason=given.reason,
                new_deadline=given.new_deadline,
            )
        check_input(rule, given, current_deadline=old_deadline, since=_since(item))
        if given.on is not None and given.on > today:
            raise TransitionRefused("日期不能晚于今天。", "on")
        if action is Action.TICK_OFF:
            mine = set(evidence_of(s, item.id))
            if not set(given.evidence_ids) <= mine:
                raise TransitionRefused("佐证照片不属于这一台账事项。", "evidence")
        out: list[Synced] = [item]
        _write(item, action, given)
        item.status = rule.after  # type: ignore[assignment]
        if given.new_deadline is not None and action in (Action.EXTEND, Action.REJECT):
            _set_deadline(item, given.new_deadline)
            ext = DeadlineExtension(
                item_kind=kind.value,
                item_id=item.id,
                action=action.value,
                old_deadline=old_deadline,
                new_deadline=given.new_deadline,
                reason=given.reason.strip(),
                decided_on=today,
                decided_by=ws.username,
            )
            s.add(ext)
            out.append(ext)
        s.add(item)
        s.flush()
        s.audit(
            f"followup_{action.value}",
            item,
            note=f"{status_label(kind, before)}→{status_label(kind, rule.after)}",
        )
        s.commit()
        return StepResult(
            [_changed(o) for o in out],
            rule.after,
            status_label(kind, rule.after),
            deadline_of(item),
        )


def _write(item: Item, action: Action, given: StepInput) -> None:
    text = given.text.strip()
    if isinstance(item, RectificationNotice):
        if action is Action.FEEDBACK:
            item.feedback, item.feedback_on = text, given.on
        elif action is Action.VERIFY:
            item.verified_on, item.verifier = given.on, given.verifier.strip()
        elif action is Action.REJECT:
            item.feedback = f"{item.feedback}\n（核查未通过：{given.reason.strip()}）".strip()
            item.feedback_on = None
        elif action is Action.CLOSE:
            item.closed_on = given.on
    elif isinstance(item, LedgerItem):
        if action is Action.PROGRESS:
            stamp = f"{given.on.month}月{given.on.day}日" if given.on else ""
            item.progress = f"{item.progress}\n{stamp}{text}".strip()
        elif action is Action.TICK_OFF:
            item.ticked_off_on, item.verifier = given.on, given.verifier.strip()
        elif action is Action.EXTEND:
            item.extension_reason = given.reason.strip()
    elif action is not Action.EXTEND:
        item.feedback = f"{item.feedback}\n{text}".strip() if item.feedback else text
        item.feedback_on = given.on


@dataclass(frozen=True)
class ActionChoice:
    action: Action
    label: str
    needs: frozenset[str]


@dataclass(frozen=True)
class ItemDetail:
    kind: ItemKind
    item_id: str
    number: str
    village: str
    unit: str
    status: str
    status_label: str
    deadline: date
    days_left: int
    colour: str
    colour_label: str
    text: str
    """Feedback / progress so far."""
    actions: list[ActionChoice]
    history: list[str]
    """Extensions: 2026年12月1日 延期至2027年1月15日：理由（张三）."""
    has_evidence: bool
    running: bool
    """Whether the deadline still runs (not yet answered / ticked off / fed back)."""


def item_detail(
    ws: Workspace, kind: ItemKind, item_id: str, today: date | None = None
) -> ItemDetail:
    """What the detail pane shows, with the actions the rules allow next."""
    from app.domain.deadlines import days_left
    from app.domain.followup import WAITING_ON_DEADLINE, allowed_actions, transition
    from app.services.followup.due import item_colour, warning_settings
    from app.services.followup.papers import protected_names, scrub
    from app.services.settings import load_settings
    from app.storage.models import Problem, Village

    today = today or date.today()
    warn = warning_settings(load_settings(ws))
    with ws.session() as s:
        item = _load(s, kind, item_id)
        names = protected_names(s)
        if isinstance(item, ClueTransfer):
            problem = s.get(Problem, item.problem_id)
            village_id = problem.village_id if problem else ""
            unit, number, text = item.receiving_body.label, item.doc_number, item.feedback
        elif isinstance(item, RectificationNotice):
            village_id, unit, number = item.village_id, item.responsible_unit, item.doc_number
            text = item.feedback
        else:
            village_id, unit, number, text = item.village_id, item.supervisor, "", item.progress
        village = s.get(Village, village_id) if village_id else None
        evidence = bool(evidence_of(s, item.id)) if isinstance(item, LedgerItem) else False
        status = current_status(item)
        deadline = deadline_of(item)
        colour = item_colour(kind, status, deadline, today, warn)
        actions = [
            ActionChoice(a, a.label, frozenset(str(n) for n in transition(kind, status, a).needs))
            for a in allowed_actions(kind, status)
        ]
        history = [
            f"{e.decided_on.year}年{e.decided_on.month}月{e.decided_on.day}日 "
            f"{'核查未通过，' if e.action == 'reject' else ''}时限由"
            f"{e.old_deadline.month}月{e.old_deadline.day}日延至"
            f"{e.new_deadline.year}年{e.new_deadline.month}月{e.new_deadline.day}日：{e.reason}"
            f"（{e.decided_by}）"
            for e in s.exec(
                select(DeadlineExtension)
                .where(DeadlineExtension.item_id == item.id)
                .order_by(col(DeadlineExtension.created_at))
            ).all()
        ]
        return ItemDetail(
            kind=kind,
            item_id=item.id,
            number=number or ("（待编号）" if kind is not ItemKind.LEDGER else ""),
            village=village.name if village else "",
            unit=unit,
            status=status,
            status_label=status_label(kind, status),
            deadline=deadline,
            days_left=days_left(deadline, today),
            colour=colour.value,
            colour_label=colour.label,
            text=scrub(text, names),
            actions=actions,
            history=[scrub(h, names) for h in history],
            has_evidence=evidence,
            running=status in WAITING_ON_DEADLINE[kind],
        )
