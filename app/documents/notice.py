"""立行立改通知书: one per responsible unit, on the GB/T 9704 page, with a tear-off 回执.

Layout: the red header (the team as 发文机关标志, the document number below it), the title, the
responsible unit as 主送机关, the basis (which team entered which village when), the problems
itemised, the requirements and deadline, the written-feedback requirement with its date, the
contact person and phone, the 附件 line, the issuing body and date; then, on its own page, the
回执 below a cut line (received by, date, phone), and the 版记 (抄送/印发) at its foot.

The data (:class:`NoticeDoc`) comes from :mod:`app.services.followup.papers`, which has already
replaced every protected name: this module prints what it is given.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import BinaryIO

from reportlab.platypus import Flowable

from app.documents.builder import DocumentBuilder
from app.documents.elements import body_style
from app.documents.fonts import FontRole, FontSet, get_fonts
from app.documents.page import CELL, LINE_PITCH
from app.documents.paragraph import CJKParagraph, TextStyle, draw_text, text_width
from app.domain.formats import chinese_date

__all__ = ["CutLine", "NoticeDoc", "build_notice", "notice_file_name", "render_notice"]

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


class CutLine(Flowable):  # type: ignore[misc]
    """A dashed cut line across the 版心 with a short instruction in the middle."""

    def __init__(self, text: str, fonts: FontSet | None = None) -> None:
        super().__init__()
        self.text = text
        self._fonts = fonts
        self.style = TextStyle(role=FontRole.KAITI, size=12.0, leading=LINE_PITCH, em_top=None)

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        self.width = availWidth
        self.height = LINE_PITCH
        return availWidth, self.height

    def draw(self) -> None:
        fs = self._fonts or get_fonts()
        canv = self.canv
        mid = self.height / 2
        label = f"（{self.text}）"
        w = text_width(label, self.style, fs) + 8
        canv.saveState()
        canv.setDash(4, 3)
        canv.setLineWidth(0.6)
        canv.line(0, mid, (self.width - w) / 2, mid)
        canv.line((self.width + w) / 2, mid, self.width, mid)
        canv.restoreState()
        top = mid + self.style.leading / 2
        draw_text(canv, label, self.style, self.width / 2, top, align="center", fonts=fs)


def _basis(d: NoticeDoc) -> str:
    when = f"{chinese_date(d.entered_on)}起" if d.entered_on else "近期"
    return (
        f"根据区委巡察工作统一部署，{d.team}于{when}进驻{d.township}{d.village}开展巡察。"
        f"{chinese_date(d.issued_on)}，巡察组在梳理研判中发现，以下问题属于你单位职责范围，"
        f"群众反映强烈，应当立行立改。现将有关问题通知如下："
    )


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
        f"佐证材料，并将回执填写后交回。巡察组将对整改情况进行核查，核查合格后予以销号。"
    )
    doc.body(f"联系人：{d.contact_person}　　联系电话：{d.contact_phone}")
    doc.attachments("立行立改通知书回执")
    doc.signature(d.issuing_body, d.issued_on, sealed=True)
    doc.page_break()
    left = body_style(first_indent=0.0)
    doc.add([CJKParagraph("附件", left.but(role=FontRole.HEITI), fonts=fs)])
    doc.blank()
    doc.add([CutLine("沿此线剪下，由责任单位填写后交回巡察组", fs)])
    doc.blank()
    doc.title("立行立改通知书回执")
    doc.blank()
    number = d.doc_number or PENDING_NUMBER
    rows = [
        f"通知书文号：{number}",
        f"责任单位：{d.recipient}",
        f"涉及村（社区）：{d.township}{d.village}",
        "签收人：＿＿＿＿＿＿＿＿　职务：＿＿＿＿＿＿＿",
        "签收日期：＿＿＿＿年＿＿月＿＿日",
        "联系电话：＿＿＿＿＿＿＿＿＿＿＿＿",
        "（单位盖章）",
    ]
    for text in rows:
        doc.add([CJKParagraph(text, left.but(left_indent=2 * CELL), fonts=fs)])
    doc.imprint(d.cc, d.issuing_body, d.issued_on)
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
