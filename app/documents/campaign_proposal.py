"""关于对XX村等N个村开展集中整治的建议: the inspection office to the district committee.

GB/T 9704 layout through :class:`~app.documents.builder.DocumentBuilder`: the title (two lines
when long), the committee as 主送, why (the villages' 巡察报告 and their reasons), the villages in
a table and one paragraph each, how the work would run (区委主导、区纪委监委牵头, a work group per
village, the four headings, monthly checks, 验收 and 回头看), 妥否，请批示, signature, date, 版记.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import BinaryIO

from app.documents.builder import DocumentBuilder
from app.documents.cells import line_cell
from app.documents.fonts import FontSet
from app.documents.paragraph import Align
from app.documents.tables import CellValue
from app.domain.formats import chinese_numeral

__all__ = [
    "ProposalDoc",
    "ProposalVillage",
    "proposal_file_name",
    "proposal_title",
    "render_proposal",
]

TABLE_SIZE = 12.0


@dataclass(frozen=True)
class ProposalVillage:
    township: str
    village: str
    tier_label: str
    problems: int
    clues: int
    reasons: tuple[str, ...]


@dataclass
class ProposalDoc:
    committee: str
    issuer: str
    on: date
    doc_number: str = ""
    villages: list[ProposalVillage] = field(default_factory=list)
    lead_unit: str = "区纪委监委"
    member_units: tuple[str, ...] = ()
    review_months: int = 6


def _count_word(villages: list[ProposalVillage]) -> str:
    return "村" if all(v.village.endswith("村") for v in villages) else "村（社区）"


def proposal_title(d: ProposalDoc) -> str:
    """关于对王庄村等3个村开展集中整治的建议 (one village: 关于对王庄村开展集中整治的建议)."""
    if not d.villages:
        return "关于开展集中整治的建议"
    first = d.villages[0].village
    if len(d.villages) == 1:
        return f"关于对{first}开展集中整治的建议"
    return f"关于对{first}等{len(d.villages)}个{_count_word(d.villages)}开展集中整治的建议"


def proposal_file_name(d: ProposalDoc) -> str:
    return f"集中整治建议-{d.on.isoformat()}.pdf"


def _title_lines(text: str) -> str:
    """Break a long title before 开展 (a trapezoid: the first line no shorter than the second)."""
    if len(text) <= 20 or "开展" not in text:
        return text
    head, tail = text.split("开展", 1)
    return f"{head}\n开展{tail}"


def build_proposal(d: ProposalDoc, *, fonts: FontSet | None = None) -> DocumentBuilder:
    doc = DocumentBuilder(fonts=fonts)
    n = len(d.villages)
    word = _count_word(d.villages) if d.villages else "村（社区）"
    doc.title(_title_lines(proposal_title(d)))
    doc.addressee(d.committee)
    doc.body(
        "根据区委统一部署，区委各巡察组对全区村（社区）开展了巡察。从巡察情况看，部分村（社区）"
        "问题较多、矛盾集中，基层党组织软弱涣散，群众反映强烈，仅靠巡察整改难以根本扭转。"
        f"根据各巡察组的巡察报告，现建议对以下{chinese_numeral(n)}个{word}开展集中整治。"
    )
    doc.heading(1, "建议集中整治的村（社区）及理由")
    rows: list[list[CellValue]] = [["序号", "乡镇（街道）", "村（社区）", "分类", "问题", "线索"]]
    fs = doc.fonts
    for i, v in enumerate(d.villages, start=1):
        rows.append(
            [
                line_cell(str(i), TABLE_SIZE, fonts=fs),
                v.township,
                v.village,
                line_cell(v.tier_label or "—", TABLE_SIZE, fonts=fs),
                line_cell(f"{v.problems}个", TABLE_SIZE, fonts=fs),
                line_cell(f"{v.clues}件", TABLE_SIZE, fonts=fs),
            ]
        )
    align: list[Align] = ["center", "center", "center", "center", "center", "center"]
    doc.table(rows, col_widths=[0.8, 2.2, 2.2, 1.0, 1.0, 1.0], size=TABLE_SIZE, align=align)
    for v in d.villages:
        reasons = "；".join(r.rstrip("。") for r in v.reasons) or "问题突出"
        doc.heading(2, f"{v.township}{v.village}")
        doc.body(f"巡察发现问题{v.problems}个、违纪违法问题线索{v.clues}件。主要理由：{reasons}。")
    doc.heading(1, "整治工作安排建议")
    members = "、".join(d.member_units) if d.member_units else "组织、政法、民政、信访等部门"
    doc.heading(
        2,
        "组织领导。",
        run_in=f"集中整治由区委主导，{d.lead_unit}牵头，巡察机构全程跟踪督促，整合{members}"
        "和所在乡镇（街道）力量，每村成立一个工作组，明确一名区级领导挂钩联系。",
    )
    doc.heading(
        2,
        "整治内容。",
        run_in="坚持打建结合、破立并举，按照“抓坏人、办好事、强组织、建机制”的总体要求，"
        "一村一策制定整治方案：依纪依法查处侵害群众利益的腐败和作风问题，深挖涉黑涉恶问题；"
        "解决群众反映强烈的民生实事；整顿软、散、瘫、恶、乱的村级班子；推行“微权四化”"
        "“四议两公开、两审一监督”“网格化管理”“一约四会”等制度。",
    )
    doc.heading(
        2,
        "督查验收。",
        run_in="巡察机构每月对整治村开展督查，整治中期进行评估，整治期满组织验收；"
        f"验收为整顿转化的村，{chinese_numeral(d.review_months)}个月后开展“回头看”，"
        "推动乱村从“一时之变”到“长久之治”。",
    )
    doc.body("以上建议妥否，请批示。")
    doc.signature(d.issuer, d.on)
    doc.imprint([d.lead_unit, "区委组织部"], d.issuer, d.on)
    return doc


def render_proposal(
    d: ProposalDoc, out: str | Path | BinaryIO | None = None, *, fonts: FontSet | None = None
) -> bytes:
    return build_proposal(d, fonts=fonts).render(out, title=proposal_title(d), author=d.issuer)
