"""立行立改通知书: one per responsible unit, on the GB/T 9704 page, with a tear-off 回执.

Layout: the red header (the team as 发文机关标志, the document number below it), the title, the
responsible unit as 主送机关 (by its real name: the service refuses a notice it cannot name), the
basis (which team entered which village when), the problems itemised, the requirements and
deadline, the written-feedback requirement with its date, the contact person and phone, the 附件
line, the issuing body and date, and the 版记 (抄送/印发) at the foot of the notice's last page.
Then, as its 附件 on a page of its own ("附件" on the first line, the title on the third), the
回执 the unit fills in and returns: received by and when, 整改措施, 整改结果, 完成时间, 单位负责人
（签字）, 联系电话 and the place for its seal — so the 整改反馈 can be taken straight off it.

The data (:class:`NoticeDoc`) comes from :mod:`app.services.followup.papers`, which has already
replaced every protected name: this module prints what it is given.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import BinaryIO

from reportlab.platypus import Flowable, Spacer

from app.documents.builder import DocumentBuilder
from app.documents.elements import body_style
from app.documents.fonts import FontRole, FontSet
from app.documents.page import CELL, LINE_PITCH
from app.documents.paragraph import CJKParagraph
from app.documents.tables import CellValue, table
from app.domain.formats import chinese_date

__all__ = ["NoticeDoc", "build_notice", "notice_file_name", "render_notice"]

PENDING_NUMBER = "（待编号）"


@dataclass(frozen=True)
class NoticeDoc:
    doc_number: str
    """机关代字〔2026〕N号, or "" while the number is pending (prints as a draft)."""
    issuing_body: str
    team: str
    recipient: str
    township: str
    village: str
    entered_on: date | None
    issued_on: date
    problems: Sequence[str]
    requirements: Sequence[str]
    deadline: date
    feedback_due: date
    contact_person: str
    contact_phone: str
    cc: Sequence[str] = field(default_factory=tuple)


def notice_file_name(doc: NoticeDoc) -> str:
    number = doc.doc_number or "待编号"
    return f"立行立改通知书-{number}-{doc.recipient}.pdf"


def _basis(d: NoticeDoc) -> str:
    when = f"{chinese_date(d.entered_on)}起" if d.entered_on else "近期"
    return (
        f"根据区委巡察工作统一部署，{d.team}于{when}进驻{d.township}{d.village}开展巡察。"
        f"{chinese_date(d.issued_on)}，巡察组在梳理研判中发现，以下问题属于你单位职责范围，"
        f"群众反映强烈，应当立行立改。现将有关问题通知如下："
    )


BLANK_DATE = "　　年　月　日"


def _receipt(d: NoticeDoc, fonts: FontSet) -> list[Flowable]:
    """The 回执 form: what the unit did, when, who answers for it, its seal."""
    number = d.doc_number or PENDING_NUMBER
    tall = Spacer(1, 3 * LINE_PITCH)
    seal_style = body_style(first_indent=0.0, align="right", right_indent=2 * CELL)
    seal = [
        CJKParagraph("（单位盖章）", seal_style, fonts=fonts),
        CJKParagraph(BLANK_DATE, seal_style, fonts=fonts),
    ]
    rows: list[list[CellValue]] = [
        ["通知书文号", number, "", ""],
        ["责任单位", d.recipient, "", ""],
        ["涉及村（社区）", f"{d.township}{d.village}", "", ""],
        ["签收人", "", "签收日期", BLANK_DATE],
        ["整改措施", tall, "", ""],
        ["整改结果", Spacer(1, 2.5 * LINE_PITCH), "", ""],
        ["完成时间", BLANK_DATE, "联系电话", ""],
        ["单位负责人（签字）", "", "", ""],
        [_SealCell(seal), "", "", ""],
    ]
    grid = table(
        rows,
        col_widths=[2.6, 3.0, 1.8, 2.8],
        header_rows=0,
        size=14.0,
        align=["center", "justify", "center", "justify"],
        word_columns=(0, 2),
        fonts=fonts,
    )
    grid.setStyle(
        [
            ("SPAN", (1, 0), (3, 0)),
            ("SPAN", (1, 1), (3, 1)),
            ("SPAN", (1, 2), (3, 2)),
            ("SPAN", (1, 4), (3, 4)),
            ("SPAN", (1, 5), (3, 5)),
            ("SPAN", (1, 7), (3, 7)),
            ("SPAN", (0, 8), (3, 8)),
        ]
    )
    return [grid]


class _SealCell(Flowable):  # type: ignore[misc]
    """The seal place: room for the seal, the words 单位盖章 and the date at its right."""

    def __init__(self, lines: list[CJKParagraph]) -> None:
        super().__init__()
        self.lines = lines

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        self.width = availWidth
        self.height = 1.5 * LINE_PITCH + sum(p.wrap(availWidth, availHeight)[1] for p in self.lines)
        return self.width, self.height

    def draw(self) -> None:
        y = self.height - 1.5 * LINE_PITCH
        for p in self.lines:
            y -= p.height
            p.drawOn(self.canv, 0, y)


def build_notice(d: NoticeDoc, *, fonts: FontSet | None = None) -> DocumentBuilder:
    doc = DocumentBuilder(fonts=fonts)
    fs = doc.fonts
    doc.red_header(d.issuing_body, d.doc_number or PENDING_NUMBER)
    doc.title("立行立改通知书")
    doc.addressee(d.recipient)
    doc.body(_basis(d))
    doc.heading(1, "发现的问题")
    for i, text in enumerate(d.problems, start=1):
        doc.body(f"{i}.{text.rstrip('。')}。")
    doc.heading(1, "整改要求")
    for i, text in enumerate(d.requirements, start=1):
        doc.body(f"{i}.{text.rstrip('。')}。")
    doc.body(
        f"请你单位高度重视，立即制定整改措施，明确责任人，于{chinese_date(d.deadline)}前"
        f"整改到位，不能按期完成的，须书面说明理由并提出整改时限。"
    )
    doc.heading(1, "反馈要求")
    doc.body(
        f"请于{chinese_date(d.feedback_due)}前将整改情况书面反馈巡察组，附整改前后照片等"
        f"佐证材料，并将回执填写、加盖公章后交回。巡察组将对整改情况进行核查，核查合格后予以销号。"
    )
    doc.body(f"联系人：{d.contact_person}　　联系电话：{d.contact_phone}")
    doc.attachments("立行立改通知书回执")
    doc.signature(d.issuing_body, d.issued_on, sealed=True)
    # The 版记 closes the notice itself, on its last page; the 回执 follows as its 附件.
    doc.imprint(d.cc, d.issuing_body, d.issued_on)
    doc.page_break()
    # 附件: "附件" in 3号黑体 on the first line, its title centred on the third (GB/T 9704).
    left = body_style(first_indent=0.0)
    doc.add([CJKParagraph("附件", left.but(role=FontRole.HEITI), fonts=fs)])
    doc.blank()
    doc.title("立行立改通知书回执")
    doc.blank()
    doc.add(_receipt(d, fs))
    doc.blank(0.5)
    doc.add(
        [
            CJKParagraph(
                f"请于{chinese_date(d.feedback_due)}前连同整改佐证材料交回巡察组。",
                body_style(),
                fonts=fs,
            )
        ]
    )
    return doc


def render_notice(
    d: NoticeDoc, out: str | Path | BinaryIO | None = None, *, fonts: FontSet | None = None
) -> bytes:
    """Render one notice; a notice still without its number prints with the 草稿 mark."""
    return build_notice(d, fonts=fonts).render(
        out,
        draft=not d.doc_number,
        title=f"立行立改通知书 {d.doc_number}".strip(),
        author=d.issuing_body,
    )
