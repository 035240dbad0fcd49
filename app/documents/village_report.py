"""巡察报告 of one village (反馈意见), on the GB/T 9704 page.

What was done (visits by method, opinion-box entries, interviews), the problems by category and
track with their status (counts, a chart, and every problem in a table), how rectification
stands, and recommendations — among them a recommendation for centralised rectification
(集中整治) with its reasons printed, when the village meets the configured rule.

The data (:class:`VillageReportData`) comes from
:mod:`app.services.followup.village_report` with every protected name already replaced.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import BinaryIO

from app.documents import charts
from app.documents.builder import DocumentBuilder
from app.documents.cells import line_cell
from app.documents.fonts import FontSet
from app.documents.page import MM, SnapToGrid
from app.documents.paragraph import Align
from app.documents.tables import CellValue
from app.domain.formats import chinese_date

__all__ = [
    "ProblemLine",
    "TrackState",
    "VillageReportData",
    "build_village_report",
    "render_village_report",
    "village_report_file_name",
]

TABLE_SIZE = 12.0


@dataclass(frozen=True)
class ProblemLine:
    description: str
    category: str
    track: str
    handler: str
    status: str


@dataclass(frozen=True)
class TrackState:
    """How the items of one track stand: total, finished, running, overdue."""

    label: str
    total: int
    done: int
    running: int
    overdue: int


@dataclass
class VillageReportData:
    team: str
    issuing_body: str
    township: str
    village: str
    tier_label: str
    style_label: str
    entered_on: date | None
    as_of: date
    visits_by_method: list[tuple[str, int]] = field(default_factory=list)
    visits: int = 0
    entries: int = 0
    interviews: int = 0
    by_category: list[tuple[str, int]] = field(default_factory=list)
    by_track: list[tuple[str, int]] = field(default_factory=list)
    problems: list[ProblemLine] = field(default_factory=list)
    states: list[TrackState] = field(default_factory=list)
    recommendations: list[str] = field(default_factory=list)
    concentration: list[str] = field(default_factory=list)
    """Reasons for 集中整治; empty when the village does not meet the rule."""
    cc: Sequence[str] = ("区委巡察办",)


def village_report_file_name(d: VillageReportData) -> str:
    return f"巡察报告-{d.township}{d.village}-{d.as_of.isoformat()}.pdf"


def _phrase(items: Sequence[tuple[str, int]], unit: str) -> str:
    return "、".join(f"{label}{n}{unit}" for label, n in items if n) or "无"


def build_village_report(d: VillageReportData, *, fonts: FontSet | None = None) -> DocumentBuilder:
    doc = DocumentBuilder(fonts=fonts)
    place = f"{d.township}{d.village}"
    doc.title(f"关于{place}的\n巡察情况报告")
    doc.addressee("区委巡察工作领导小组")
    since = f"自{chinese_date(d.entered_on)}起" if d.entered_on else ""
    total = sum(n for _, n in d.by_category)
    doc.body(
        f"根据区委统一部署，{d.team}{since}对{place}开展巡察。该村（社区）经综合研判为"
        f"“{d.tier_label or '未分类'}”类，采取{d.style_label or '常规巡察'}方式。"
        f"截至{chinese_date(d.as_of)}，共发现问题{total}个。现将巡察情况报告如下。"
    )
    doc.heading(1, "巡察工作开展情况")
    doc.body(
        f"巡察组坚持昼巡夜结，{_phrase(d.visits_by_method, '次')}，共走访{d.visits}次；"
        f"收到意见箱信件和来信来电{d.entries}件；开展谈话{d.interviews}人次。"
    )
    header = [label for label, _ in d.visits_by_method] + ["意见箱信件", "谈话"]
    row: list[CellValue] = [*(n for _, n in d.visits_by_method), d.entries, d.interviews]
    doc.table([header, row], size=TABLE_SIZE, align=["center"] * len(header))
    doc.heading(1, "发现的主要问题")
    doc.body(
        f"按问题类别：{_phrase(d.by_category, '个')}；按处置方式：{_phrase(d.by_track, '个')}。"
    )
    if total:
        chart = charts.bar_chart(
            d.by_track, title="问题按处置方式统计（个）", height=50 * MM, fonts=doc.fonts
        )
        doc.add([chart, SnapToGrid()])
    if d.problems:
        rows: list[list[CellValue]] = [["序号", "问题", "类别", "处置方式", "责任单位", "状态"]]
        fs = doc.fonts
        rows += [
            [
                line_cell(str(i), TABLE_SIZE, fonts=fs),
                p.description,
                line_cell(p.category, TABLE_SIZE, fonts=fs),
                line_cell(p.track, TABLE_SIZE, fonts=fs),
                line_cell(p.handler, TABLE_SIZE, fonts=fs),
                line_cell(p.status, TABLE_SIZE, fonts=fs),
            ]
            for i, p in enumerate(d.problems, start=1)
        ]
        align: list[Align] = ["center", "justify", "center", "center", "center", "center"]
        doc.table(rows, col_widths=[0.8, 4.6, 1.4, 1.4, 1.9, 1.2], size=TABLE_SIZE, align=align)
    doc.heading(1, "整改落实情况")
    for st in d.states:
        doc.body(
            f"{st.label}{st.total}项，已完成{st.done}项，正在推进{st.running}项，"
            f"其中逾期{st.overdue}项。"
        )
    if d.states:
        rows = [["类别", "总数", "已完成", "推进中", "逾期"]]
        rows += [[s.label, s.total, s.done, s.running, s.overdue] for s in d.states]
        doc.table(rows, size=TABLE_SIZE, align=["center"] * 5)
    doc.heading(1, "意见建议")
    for i, text in enumerate(d.recommendations, start=1):
        doc.body(f"{i}.{text.rstrip('。')}。")
    if d.concentration:
        doc.heading(2, "建议对该村（社区）开展集中整治")
        doc.body("理由：" + "；".join(d.concentration) + "。")
        doc.body(
            "建议区委将该村（社区）列为集中整治对象，围绕抓坏人、办好事、强组织、建机制"
            "四个方面制定整治方案，推动由乱到治、长治久安。"
        )
    doc.signature(d.issuing_body, d.as_of)
    doc.imprint(list(d.cc), d.issuing_body, d.as_of)
    return doc


def render_village_report(
    d: VillageReportData,
    out: str | Path | BinaryIO | None = None,
    *,
    fonts: FontSet | None = None,
) -> bytes:
    return build_village_report(d, fonts=fonts).render(
        out, title=f"{d.township}{d.village}巡察情况报告", author=d.issuing_body
    )
