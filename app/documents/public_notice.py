"""巡察公告: the public notice posted in a village when the team enters, one page per village.

It is read on a notice board from a few steps away, so it is set large (title 44 pt 小标宋, text
18 pt 仿宋, the phone number 28 pt 黑体) on an A4 page without page numbers. It names the team, the
village, the period, what the team receives, the phone, the mailbox, the reception hours and where
the opinion boxes (意见箱) are, promises that informants are protected, and ends with the issuing
team and the date. It never names a person who wrote in.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from reportlab.platypus import Flowable, PageBreak, Spacer

from app.documents.fonts import FontRole, FontSet, get_fonts
from app.documents.page import MM, RED, render_pdf
from app.documents.paragraph import CJKParagraph, TextStyle
from app.domain.formats import chinese_date

__all__ = ["NoticeData", "period_text", "render_public_notices"]

TITLE_SIZE = 44.0
TEXT_SIZE = 18.0
CONTACT_SIZE = 21.0
PHONE_SIZE = 28.0


@dataclass(frozen=True)
class NoticeData:
    """What one village's notice says."""

    issuer: str
    township: str
    village: str
    period: str
    hours: str
    phone: str
    mailbox: str
    box_locations: tuple[str, ...]
    date: dt.date


def period_text(start: dt.date, end: dt.date) -> str:
    """2026年3月2日至3月31日 (the second year only when it differs)."""
    tail = chinese_date(end) if end.year != start.year else f"{end.month}月{end.day}日"
    return f"{chinese_date(start)}至{tail}"


def _style(role: FontRole, size: float, **changes: object) -> TextStyle:
    base = TextStyle(
        role=role,
        size=size,
        leading=round(size * 1.45, 2),
        first_indent=2 * size,
        align="justify",
        em_top=None,
    )
    return base.but(**changes)


def _page(n: NoticeData, fonts: FontSet) -> list[Flowable]:
    text = _style(FontRole.FANGSONG, TEXT_SIZE)
    contact = _style(FontRole.HEITI, CONTACT_SIZE, first_indent=0.0, align="left")
    phone = _style(
        FontRole.HEITI, PHONE_SIZE, first_indent=0.0, align="center", color=RED, bold=True
    )
    place = f"{n.township}{n.village}"
    out: list[Flowable] = [
        CJKParagraph(
            "巡　察　公　告",
            _style(FontRole.TITLE, TITLE_SIZE, first_indent=0.0, align="center", color=RED),
            fonts=fonts,
        ),
        Spacer(1, 6 * MM),
        CJKParagraph(
            f"根据区委巡察工作统一部署，{n.issuer}于{n.period}对{place}开展巡察。",
            text,
            fonts=fonts,
        ),
        CJKParagraph(
            "巡察期间，巡察组主要受理反映该村（社区）党组织、党员干部和村务监督委员会成员"
            "违反政治纪律、组织纪律、廉洁纪律、群众纪律、工作纪律、生活纪律的问题，"
            "以及惠民政策落实、集体“三资”管理、村务公开等群众身边的问题。",
            text,
            fonts=fonts,
        ),
        Spacer(1, 3 * MM),
        CJKParagraph(f"联系电话（{n.hours}）：", contact, fonts=fonts),
        CJKParagraph(n.phone, phone, fonts=fonts),
    ]
    if n.mailbox:
        out.append(CJKParagraph(f"邮政信箱：{n.mailbox}", contact, fonts=fonts))
    if n.box_locations:
        out.append(
            CJKParagraph(f"意见箱设置地点：{'、'.join(n.box_locations)}", contact, fonts=fonts)
        )
    out += [
        Spacer(1, 3 * MM),
        CJKParagraph(
            "巡察组将严格为反映人保密。反映问题应实事求是，提倡实名反映；"
            "不属于巡察受理范围的问题，将按规定转交有关部门处理。",
            text,
            fonts=fonts,
        ),
        Spacer(1, 6 * MM),
        CJKParagraph(
            n.issuer,
            _style(
                FontRole.FANGSONG,
                TEXT_SIZE,
                first_indent=0.0,
                align="right",
                right_indent=2 * TEXT_SIZE,
            ),
            fonts=fonts,
        ),
        CJKParagraph(
            chinese_date(n.date),
            _style(
                FontRole.FANGSONG,
                TEXT_SIZE,
                first_indent=0.0,
                align="right",
                right_indent=2 * TEXT_SIZE,
            ),
            fonts=fonts,
        ),
    ]
    return out


def render_public_notices(
    notices: Sequence[NoticeData],
    out: str | Path | BinaryIO | None = None,
    *,
    fonts: FontSet | None = None,
) -> bytes:
    """One page per village; returns the PDF bytes (and writes ``out`` when given)."""
    if not notices:
        raise ValueError("no notice to print")
    fs = fonts or get_fonts()
    flowables: list[Flowable] = []
    for i, notice in enumerate(notices):
        if i:
            flowables.append(PageBreak())
        flowables += _page(notice, fs)
    return render_pdf(flowables, out, page_numbers=False, title="巡察公告", fonts=fs)
