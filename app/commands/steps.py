"""Follow-up steps and their evidence on the command line (the window's 跟踪督办 does the same).

    step --id ID --action ACTION [--on YYYY-MM-DD] [--text T] [--verifier NAME]
         [--reason R] [--new-deadline YYYY-MM-DD] [--evidence FILE …] [--today YYYY-MM-DD]
    evidence --id ID [--step ACTION] FILE …

``ID`` is an item's id (``due --json`` lists them) or a notice's or transfer's document number.
``ACTION`` is one of feedback, verify, reject, close, progress, tick_off, extend, preliminary,
case_filed, talk_inquiry, shelved, concluded. Evidence files (photos or scanned papers as
images) go through the photo intake; with ``step`` they are attached in the same transaction as
the step, so a refused step leaves nothing behind.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from app.commands.common import EXIT_OK, Refused, iso_date, open_workspace
from app.config import Environment
from app.domain.followup import Action, StepInput, TransitionRefused

__all__ = ["register"]


def _action(text: str) -> Action:
    try:
        return Action(text)
    except ValueError as exc:
        names = "、".join(a.value for a in Action)
        raise argparse.ArgumentTypeError(f"不认识的步骤：{text}（可用：{names}）") from exc


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    st = sub.add_parser("step", help="登记一步跟踪督办（反馈、核查、进展、销号、延期……）")
    st.add_argument("--id", required=True, help="事项 id 或文号（见 due --json）")
    st.add_argument("--action", required=True, type=_action, help="步骤，如 feedback、tick_off")
    st.add_argument("--on", type=iso_date, help="发生日期（默认今天）")
    st.add_argument("--text", default="", help="反馈或进展内容")
    st.add_argument("--verifier", default="", help="核查人")
    st.add_argument("--reason", default="", help="延期或退回的理由")
    st.add_argument("--new-deadline", type=iso_date, help="新的时限")
    st.add_argument("--evidence", type=Path, nargs="+", default=[], help="佐证照片或扫描件")
    st.add_argument("--today", type=iso_date, help="按此日期办理（默认今天）")
    st.set_defaults(handler=cmd_step)

    ev = sub.add_parser("evidence", help="为通知书、线索移交或台账事项附上佐证材料")
    ev.add_argument("--id", required=True, help="事项 id 或文号")
    ev.add_argument("--step", type=_action, help="随哪一步提交（用于说明）")
    ev.add_argument("files", type=Path, nargs="+", help="照片或扫描件")
    ev.set_defaults(handler=cmd_evidence)


def _check_files(files: list[Path]) -> None:
    for f in files:
        if not f.is_file():
            raise Refused(f"找不到文件：{f}")


def cmd_step(args: argparse.Namespace, env: Environment) -> int:
    from datetime import date

    from app.services.followup.evidence import take_in
    from app.services.followup.steps import apply_step, find_item
    from app.services.settings import load_settings

    _check_files(args.evidence)
    today = args.today or date.today()
    given = StepInput(
        on=args.on or today,
        text=args.text,
        verifier=args.verifier,
        reason=args.reason,
        new_deadline=args.new_deadline,
    )
    from app.media import PhotoRejected

    try:
        with open_workspace(args, env) as ws:
            kind, item_id = find_item(ws, args.id)
            photos = take_in(args.evidence, load_settings(ws).photo_max_edge)
            result = apply_step(ws, kind, item_id, args.action, given, today=today, photos=photos)
    except (TransitionRefused, PhotoRejected) as exc:
        raise Refused(str(exc)) from exc
    print(f"{kind.label}：{args.action.label}，现为“{result.status_label}”。")
    return EXIT_OK


def cmd_evidence(args: argparse.Namespace, env: Environment) -> int:
    from app.media import PhotoRejected
    from app.services.followup.evidence import add_evidence_files
    from app.services.followup.steps import find_item

    _check_files(args.files)
    try:
        with open_workspace(args, env) as ws:
            kind, item_id = find_item(ws, args.id)
            result = add_evidence_files(ws, kind, item_id, args.files, step=args.step)
    except (TransitionRefused, PhotoRejected) as exc:
        raise Refused(str(exc)) from exc
    skipped = len(args.files) - len(result.added)
    tail = f"（{skipped}份已附过，未重复添加）" if skipped else ""
    print(f"{kind.label}：已附佐证{len(result.added)}份{tail}。")
    return EXIT_OK
