"""Writing the wrap-up's papers to files (the command line and the window share this)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path

from sqlmodel import col, select

from app.documents.daily_report import render_daily_report, report_file_name
from app.services.fonts import workspace_fonts
from app.services.wrapup.report import daily_report_data
from app.storage.workspace import Workspace

__all__ = ["Paper", "daily_report_pdf", "day_papers", "write_daily_report"]


@dataclass(frozen=True)
class Paper:
    """One printed paper of a day: what it is, the file name it is saved under, the PDF."""

    title: str
    file_name: str
    pdf: bytes


def daily_report_pdf(ws: Workspace, day: date) -> bytes:
    """The daily report of ``day`` as PDF bytes (audited as a print)."""
    pdf = render_daily_report(daily_report_data(ws, day), fonts=workspace_fonts(ws))
    with ws.session() as s:
        s.audit("print_daily_report", note=day.isoformat())
        s.commit()
    return pdf


def write_daily_report(ws: Workspace, day: date, folder: Path) -> list[Path]:
    """Write ``day``'s daily report into ``folder`` (atomically); return the paths written."""
    path = Path(folder) / report_file_name(day)
    render_daily_report(daily_report_data(ws, day), path, fonts=workspace_fonts(ws))
    with ws.session() as s:
        s.audit("print_daily_report", note=f"{day.isoformat()} {path.name}")
        s.commit()
    return [path]


def day_papers(ws: Workspace, day: date) -> list[Paper]:
    """Every paper of ``day`` to print, in order: the daily report, then (once the day is signed
    off) its notices, its clue transfers (never with informants' names) and its new ledger
    items. Each is audited as printed, as from the command line (``wrapup``)."""
    from app.domain.formats import chinese_date
    from app.domain.vocabulary import WrapupStatus
    from app.services.followup.numbering import own_team
    from app.services.followup.papers import (
        LedgerScope,
        ledger_pdf,
        notice_pdf,
        transfer_pdf,
    )
    from app.storage.models import ClueTransfer, DailyWrapup, LedgerItem, RectificationNotice

    report = daily_report_pdf(ws, day)
    papers = [Paper(f"巡察日报（{chinese_date(day)}）", report_file_name(day), report)]
    with ws.session() as s:
        team = own_team(s, ws.user_id)
        wrap = s.exec(
            select(DailyWrapup).where(DailyWrapup.team_id == team.id, DailyWrapup.day == day)
        ).first()
        if wrap is None or wrap.status is not WrapupStatus.CLOSED:
            return papers
        notices = s.exec(
            select(
                RectificationNotice.id,
                RectificationNotice.doc_number,
                RectificationNotice.responsible_unit,
            )
            .where(
                RectificationNotice.wrapup_id == wrap.id,
                col(RectificationNotice.retired_at).is_(None),
            )
            .order_by(col(RectificationNotice.serial))
        ).all()
        clues = s.exec(
            select(ClueTransfer.id, ClueTransfer.doc_number)
            .where(ClueTransfer.wrapup_id == wrap.id, col(ClueTransfer.retired_at).is_(None))
            .order_by(col(ClueTransfer.serial))
        ).all()
        has_ledger = (
            s.exec(
                select(LedgerItem.id).where(
                    LedgerItem.wrapup_id == wrap.id, col(LedgerItem.retired_at).is_(None)
                )
            ).first()
            is not None
        )
        wrap_id = wrap.id
    for nid, number, unit in notices:
        title = f"立行立改通知书 {number or '（待编号）'} {unit}"
        file_name = f"立行立改通知书-{number or '待编号'}-{unit}.pdf"
        papers.append(Paper(title, file_name, notice_pdf(ws, nid)))
    for cid, number in clues:
        title = f"问题线索移交 {number or '（待编号）'}"
        papers.append(Paper(title, f"问题线索移交-{number or cid[:8]}.pdf", transfer_pdf(ws, cid)))
    if has_ledger:
        pdf = ledger_pdf(ws, LedgerScope(wrapup_id=wrap_id), day)
        title = f"整改台账（{chinese_date(day)}新增）"
        papers.append(Paper(title, f"整改台账-{day:%Y%m%d}.pdf", pdf))
    return papers
