"""问题线索移交: the transfer letter (移交函) and its register (移交登记表), GB/T 9704.

The letter carries the classification mark (密级) and urgency at the top left of the first line,
the red header with the document number, the title, the receiving body as 主送机关, what was found
and the request to report back by the feedback deadline, the 附件 line and the issuing body and
date. The register follows on its own page: 编号, source, the person concerned (name, unit, post),
summary, attachments with page counts, sending and receiving body, date, handler and receiver
signature lines, feedback deadline, classification. The 版记 closes the last page.

The data (:class:`TransferDoc`) is prepared by :mod:`app.services.followup.papers`:
informants' names are in it only when a user with the right chose to include them.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import BinaryIO

from reportlab.platypus import Spacer

from app.documents import elements
from app.documents.builder import DocumentBuilder
from app.documents.elements import body_style
from app.documents.fonts import FontRole, FontSet
from app.documents.page import LINE_PITCH, MM
from app.documents.paragraph import CJKParagraph
from app.documents.tables import CellValue
from app.domain.formats import chinese_date

__all__ = ["TransferDoc", "build_transfer", "render_transfer", "transfer_file_name"]


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


def transfer_file_name(d: TransferDoc) -> str:
    return f"问题线索移交-{d.doc_number or '待编号'}.pdf"


def _person(d: TransferDoc) -> str:
    who = f"{d.person_unit}{d.person_post}{d.person_name}"
    return who or "有关人员"


def build_transfer(d: TransferDoc, *, fonts: FontSet | None = None) -> DocumentBuilder:
    doc = DocumentBuilder(fonts=fonts)
    fs = doc.fonts
    left = body_style(first_indent=0.0, role=FontRole.HEITI)
    marks = [m for m in (d.classification, d.urgency) if m]
    header = elements.red_header(d.issuing_body, d.doc_number or "（待编号）", fonts=fs)
    # 密级 and 紧急程度 take the first lines of the 版心; the red mark stays 35 mm down.
    doc.add([CJKParagraph(m, left, fonts=fs) for m in marks])
    doc.add([Spacer(1, 35 * MM - len(marks) * LINE_PITCH), *header[1:]])
    doc.title("关于移交问题线索的函")
    doc.addressee(d.receiving_body)
    pages = sum(n for _, n in d.attachments)
    doc.body(
        f"{d.team}在对{d.township}{d.village}开展巡察期间，发现反映{_person(d)}的问题线索"
        f"（{d.source}）。根据巡察工作有关规定，现将该问题线索移交你单位，请依规依纪依法处置，"
        f"并于{chinese_date(d.feedback_deadline)}前将处置情况书面反馈区委巡察办。"
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
    rows: list[list[CellValue]] = [
        ["编号", d.doc_number or "（待编号）", "密级", d.classification],
        ["线索来源", d.source, "紧急程度", d.urgency or "一般"],
        ["被反映人", d.person_name or "—", "单位及职务", f"{d.person_unit}{d.person_post}" or "—"],
        ["问题摘要", d.summary, "", ""],
        ["附件材料", f"{attachments}，共{pages}页", "", ""],
        ["移交单位", d.issuing_body, "接收单位", d.receiving_body],
        ["移交日期", chinese_date(d.transferred_on), "反馈期限", chinese_date(d.feedback_deadline)],
        ["经办人（签字）", Spacer(1, 2 * LINE_PITCH), "接收人（签字）", ""],
    ]
    doc.table(
        rows,
        col_widths=[1.3, 2.7, 1.3, 2.2],
        header_rows=0,
        align=["center", "justify", "center", "justify"],
    )
    table = doc.flowables[-2]
    table.setStyle([("SPAN", (1, 3), (3, 3)), ("SPAN", (1, 4), (3, 4))])
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
