"""问题线索移交: the transfer letter (移交函) and its register (移交登记表), GB/T 9704.

The letter carries, top left, the 份号 of the copy (six digits, first line; every copy of a
classified paper has its own), the classification with its 保密期限 (秘密★1年) and the urgency;
then the red header with the document number, the title, the receiving body as 主送机关 (its real
name), what was found and the request to report back by the feedback deadline, the 附件 line and
the issuing body and date. The register follows on its own page: 编号, source, the person
concerned (name, unit and post written once), summary, attachments with page counts, sending and
receiving body, date, feedback deadline, classification, the handler's and receiver's signatures,
签收时间, and the opinions of the 巡察组组长 and the 巡察办 with their signatures and dates. The
版记 closes the last page.

The data (:class:`TransferDoc`) is prepared by :mod:`app.services.followup.papers`:
informants' names are in it only when a user with the right chose to include them.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import BinaryIO

from reportlab.platypus import Flowable, Spacer

from app.documents import elements
from app.documents.builder import DocumentBuilder
from app.documents.elements import body_style
from app.documents.fonts import FontRole, FontSet
from app.documents.page import LINE_PITCH, MM
from app.documents.paragraph import CJKParagraph
from app.documents.tables import CellValue
from app.domain.formats import chinese_date, join_unit_post

__all__ = [
    "SECRET_LEVELS",
    "TransferDoc",
    "build_transfer",
    "classification_mark",
    "copy_number",
    "is_classified",
    "render_transfer",
    "transfer_file_name",
]


@dataclass(frozen=True)
class TransferDoc:
    doc_number: str
    issuing_body: str
    team: str
    receiving_body: str
    township: str
    village: str
    transferred_on: date
    feedback_deadline: date
    person_name: str
    person_unit: str
    person_post: str
    summary: str
    source: str
    attachments: list[tuple[str, int]] = field(default_factory=list)
    """(材料名称, 页数)."""
    classification: str = "内部"
    urgency: str = ""
    """"" for 一般; 紧急 / 特急 print under the classification."""
    cc: tuple[str, ...] = ("区委巡察办",)
    office: str = "区委巡察办"
    """Who expects the feedback."""
    copy_no: str = ""
    """份号 of this copy (six digits) — every copy of a classified paper has its own."""
    secret_term: str = ""
    """保密期限 printed after the 密级: 秘密★1年."""


SECRET_LEVELS = ("秘密", "机密", "绝密")


def is_classified(classification: str) -> bool:
    """Whether a paper is classified (秘密 or higher): it then carries 份号 and 保密期限."""
    return classification.strip() in SECRET_LEVELS


def copy_number(n: int) -> str:
    """份号: six digits (000001)."""
    if not 0 < n < 1_000_000:
        raise ValueError("份号 runs from 000001 to 999999")
    return f"{n:06d}"


def classification_mark(d: TransferDoc) -> str:
    """秘密★1年 for a classified paper with a term, else the classification as it is."""
    level = d.classification.strip()
    if is_classified(level) and d.secret_term.strip():
        return f"{level}★{d.secret_term.strip()}"
    return level


def transfer_file_name(d: TransferDoc) -> str:
    copy = f"-第{d.copy_no}份" if d.copy_no else ""
    return f"问题线索移交-{d.doc_number or '待编号'}{copy}.pdf"


def _person(d: TransferDoc) -> str:
    who = join_unit_post(d.person_unit, d.person_post) + d.person_name
    return who or "有关人员"


_BLANK_DATE = "　　　　年　　月　　日"


class _Stack(Flowable):  # type: ignore[misc]
    """Flowables one above the other in a cell (a blank for the opinion, then 签字 and date)."""

    def __init__(self, parts: list[Flowable]) -> None:
        super().__init__()
        self.parts = parts

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        self.width = availWidth
        self.height = sum(p.wrap(availWidth, availHeight)[1] for p in self.parts)
        return self.width, self.height

    def draw(self) -> None:
        y = self.height
        for p in self.parts:
            y -= p.height
            p.drawOn(self.canv, 0, y)


def build_transfer(d: TransferDoc, *, fonts: FontSet | None = None) -> DocumentBuilder:
    doc = DocumentBuilder(fonts=fonts)
    fs = doc.fonts
    left = body_style(first_indent=0.0, role=FontRole.HEITI)
    marks = [CJKParagraph(m, left, fonts=fs) for m in (classification_mark(d), d.urgency) if m]
    if d.copy_no:
        # 份号 on the first line, top left (3号, Arabic numerals); 密级★保密期限 on the second.
        marks.insert(0, CJKParagraph(d.copy_no, left.but(role=FontRole.FANGSONG), fonts=fs))
    header = elements.red_header(d.issuing_body, d.doc_number or "（待编号）", fonts=fs)
    # The marks take the first lines of the 版心; the red mark stays 35 mm down.
    doc.add(marks)
    doc.add([Spacer(1, 35 * MM - len(marks) * LINE_PITCH), *header[1:]])
    doc.title("关于移交问题线索的函")
    doc.addressee(d.receiving_body)
    pages = sum(n for _, n in d.attachments)
    doc.body(
        f"{d.team}在对{d.township}{d.village}开展巡察期间，发现反映{_person(d)}的问题线索"
        f"（{d.source}）。根据巡察工作有关规定，现将该问题线索移交你单位，请依规依纪依法处置，"
        f"并于{chinese_date(d.feedback_deadline)}前将处置情况书面反馈{d.office}。"
    )
    doc.body(f"问题线索摘要：{d.summary.rstrip('。')}。")
    doc.body(
        f"随函移交相关材料{len(d.attachments)}份，共{pages}页。移交材料请按涉密材料管理，严禁扩散。"
    )
    doc.attachments("问题线索移交登记表")
    doc.signature(d.issuing_body, d.transferred_on, sealed=True)
    doc.page_break()
    doc.add([CJKParagraph("附件", left, fonts=fs)])
    doc.blank()
    doc.title("问题线索移交登记表")
    doc.blank()
    attachments = "；".join(f"{name}（{n}页）" for name, n in d.attachments) or "无"
    signed = body_style(first_indent=0.0, align="right", size=14.0, leading=LINE_PITCH * 0.8)
    opinion = [Spacer(1, 1.5 * LINE_PITCH), CJKParagraph(f"签字：　　　　　{_BLANK_DATE}", signed)]
    rows: list[list[CellValue]] = [
        ["编号", d.doc_number or "（待编号）", "密级", classification_mark(d) or "—"],
        ["线索来源", d.source, "紧急程度", d.urgency or "一般"],
        [
            "被反映人",
            d.person_name or "—",
            "单位及职务",
            join_unit_post(d.person_unit, d.person_post) or "—",
        ],
        ["问题摘要", d.summary, "", ""],
        ["附件材料", f"{attachments}，共{pages}页", "", ""],
        ["移交单位", d.issuing_body, "接收单位", d.receiving_body],
        ["移交日期", chinese_date(d.transferred_on), "反馈期限", chinese_date(d.feedback_deadline)],
        ["经办人（签字）", Spacer(1, 1.5 * LINE_PITCH), "接收人（签字）", ""],
        ["签收时间", f"{_BLANK_DATE}　　时　　分", "", ""],
        ["巡察组组长意见", _Stack(opinion), "", ""],
        ["巡察办意见", _Stack(list(opinion)), "", ""],
    ]
    doc.table(
        rows,
        col_widths=[1.5, 2.6, 1.5, 2.4],
        header_rows=0,
        align=["center", "justify", "center", "justify"],
        word_columns=(0, 2),
    )
    table = doc.flowables[-2]
    table.setStyle(
        [
            ("SPAN", (1, 3), (3, 3)),
            ("SPAN", (1, 4), (3, 4)),
            ("SPAN", (1, 8), (3, 8)),
            ("SPAN", (1, 9), (3, 9)),
            ("SPAN", (1, 10), (3, 10)),
        ]
    )
    doc.imprint(list(d.cc), d.issuing_body, d.transferred_on)
    return doc


def render_transfer(
    d: TransferDoc, out: str | Path | BinaryIO | None = None, *, fonts: FontSet | None = None
) -> bytes:
    return build_transfer(d, fonts=fonts).render(
        out,
        draft=not d.doc_number,
        title=f"问题线索移交 {d.doc_number}".strip(),
        author=d.issuing_body,
    )
