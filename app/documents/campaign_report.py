"""集中整治进展情况报告 (to the district committee), and the 制度推广 table.

The report: how many villages are under 集中整治 and where each stands; the tasks under the four
headings by warning colour (a table and a stacked bar chart: 已完成, 未到预警期, 绿, 黄, 红);
what each heading has brought (cases and their stages, good works, 班子 changes, systems adopted);
monthly checks and evaluations; every village in a table; next steps.

The table (:func:`render_matrix`): villages × systems on landscape pages, the cell saying
已建立 / 推进中 / 未建立 (执行不力 marked), with the counts per township first.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import BinaryIO

from reportlab.lib.colors import Color, HexColor
from reportlab.platypus import TableStyle

from app.documents import charts
from app.documents.builder import DocumentBuilder
from app.documents.cells import line_cell
from app.documents.fonts import FontSet
from app.documents.page import SnapToGrid, render_pdf
from app.documents.paragraph import Align
from app.documents.tables import CellValue, table
from app.domain.formats import chinese_date, chinese_numeral

__all__ = [
    "COLOUR_SERIES",
    "MatrixDoc",
    "ReportDoc",
    "VillageLine",
    "render_matrix",
    "render_progress_report",
]

TABLE_SIZE = 12.0
COLOUR_SERIES: tuple[tuple[str, Color], ...] = (
    ("已完成", HexColor("#2f5597")),
    ("未到预警期", HexColor("#a6a6a6")),
    ("绿色预警", HexColor("#70a13f")),
    ("黄色预警", HexColor("#e5b82b")),
    ("红色预警", HexColor("#c0504d")),
)
"""The chart's series in order, with their colours (the three warning colours as printed)."""


@dataclass(frozen=True)
class VillageLine:
    township: str
    village: str
    status: str
    tier: str
    tasks: int
    done: int
    red: int
    review_due: date | None


@dataclass
class ReportDoc:
    committee: str
    issuer: str
    as_of: date
    status_counts: list[tuple[str, int]] = field(default_factory=list)
    pending_decision: int = 0
    by_heading: list[tuple[str, list[int]]] = field(default_factory=list)
    """Heading label → counts in the order of :data:`COLOUR_SERIES`."""
    cases: list[tuple[str, int]] = field(default_factory=list)
    case_persons: int = 0
    gang_persons: int = 0
    good_works: tuple[int, int] = (0, 0)
    cadre_changes: list[tuple[str, int]] = field(default_factory=list)
    org_issues: tuple[int, int] = (0, 0)
    systems: list[tuple[str, int]] = field(default_factory=list)
    """Per system: villages under 集中整治 where it is adopted."""
    district_systems: list[tuple[str, int, int]] = field(default_factory=list)
    """Per system, whole district: adopted, of which not carried out."""
    district_villages: int = 0
    checks: int = 0
    checks_by_rating: list[tuple[str, int]] = field(default_factory=list)
    evaluations: list[tuple[str, int]] = field(default_factory=list)
    reviews_due: int = 0
    villages: list[VillageLine] = field(default_factory=list)


def _phrase(items: Sequence[tuple[str, int]], unit: str) -> str:
    return "、".join(f"{label}{n}{unit}" for label, n in items if n) or "无"


def _d(d: date | None) -> str:
    return f"{d.year}.{d.month}.{d.day}" if d else "—"


def build_progress_report(d: ReportDoc, *, fonts: FontSet | None = None) -> DocumentBuilder:
    doc = DocumentBuilder(fonts=fonts)
    doc.title("关于全区集中整治工作\n进展情况的报告")
    doc.addressee(d.committee)
    total = sum(n for _, n in d.status_counts)
    tasks = sum(sum(v) for _, v in d.by_heading)
    done = sum(v[0] for _, v in d.by_heading)
    red = sum(v[4] for _, v in d.by_heading)
    waiting = (
        f"另有{d.pending_decision}个村（社区）已提出建议、待区委决定。"
        if d.pending_decision
        else ""
    )
    doc.body(
        f"截至{chinese_date(d.as_of)}，全区共有{total}个村（社区）经区委决定开展集中整治，其中"
        f"{_phrase(d.status_counts, '个')}。{waiting}现将进展情况报告如下。"
    )
    doc.heading(1, "整治任务推进情况")
    doc.body(
        f"各整治村按照“抓坏人、办好事、强组织、建机制”一村一策制定整治方案，共明确整治任务"
        f"{tasks}项，已完成{done}项，正在推进{tasks - done}项，其中超过时限未完成的{red}项。"
    )
    header: list[CellValue] = ["方面", *(name for name, _ in COLOUR_SERIES), "合计"]
    rows: list[list[CellValue]] = [header]
    fs = doc.fonts
    for label, counts in d.by_heading:
        cells: list[CellValue] = [line_cell(label, TABLE_SIZE, fonts=fs)]
        cells += [line_cell(str(n), TABLE_SIZE, fonts=fs) for n in counts]
        cells.append(line_cell(str(sum(counts)), TABLE_SIZE, fonts=fs))
        rows.append(cells)
    doc.table(rows, size=TABLE_SIZE, align=["center"] * len(header))
    if tasks:
        chart = charts.stacked_bar_chart(
            [label for label, _ in d.by_heading],
            [
                (name, [v[i] for _, v in d.by_heading], colour)
                for i, (name, colour) in enumerate(COLOUR_SERIES)
            ],
            title="整治任务按方面和预警颜色统计（项）",
            fonts=doc.fonts,
        )
        doc.add([chart, SnapToGrid()])
    doc.heading(2, "抓坏人。", run_in=_catch(d))
    gw_done, gw_total = d.good_works
    doc.heading(
        2,
        "办好事。",
        run_in=f"围绕群众反映强烈的民生实事确定办好事任务{gw_total}项，已办结{gw_done}项。",
    )
    oi_done, oi_total = d.org_issues
    doc.heading(
        2,
        "强组织。",
        run_in=f"整顿软、散、瘫、恶、乱问题{oi_total}项，已解决{oi_done}项；"
        f"村“两委”班子调整{_phrase(d.cadre_changes, '人次')}。",
    )
    doc.heading(
        2,
        "建机制。",
        run_in=f"整治村已建立{_phrase(d.systems, '个村')}。",
    )
    doc.heading(1, "督查和评估情况")
    doc.body(
        f"巡察机构对整治村开展督查{d.checks}次，督查结论为{_phrase(d.checks_by_rating, '次')}。"
        f"评估验收情况：{_phrase(d.evaluations, '次')}。"
        + (f"{d.reviews_due}个已整顿转化的村将在三十天内开展“回头看”。" if d.reviews_due else "")
    )
    doc.heading(1, "制度推广情况")
    parts = [
        f"{label}{adopted}个（其中执行不力{weak}个）" if weak else f"{label}{adopted}个"
        for label, adopted, weak in d.district_systems
    ]
    doc.body(
        f"全区{d.district_villages}个村（社区）中，已建立{'、'.join(parts) or '（尚无）'}。"
        "对已建立但执行不力的村，第三步巡察将作为重点，查找制度短板。"
    )
    doc.heading(1, "各整治村进展")
    rows = [["序号", "乡镇（街道）", "村（社区）", "状态", "分类", "任务完成", "逾期", "回头看"]]
    for i, v in enumerate(d.villages, start=1):
        rows.append(
            [
                line_cell(str(i), TABLE_SIZE, fonts=fs),
                v.township,
                v.village,
                line_cell(v.status, TABLE_SIZE, fonts=fs),
                line_cell(v.tier or "—", TABLE_SIZE, fonts=fs),
                line_cell(f"{v.done}/{v.tasks}", TABLE_SIZE, fonts=fs),
                line_cell(str(v.red), TABLE_SIZE, fonts=fs),
                line_cell(_d(v.review_due), TABLE_SIZE, fonts=fs),
            ]
        )
    align: list[Align] = ["center"] * 8
    doc.table(
        rows, col_widths=[0.7, 1.7, 1.7, 1.5, 0.7, 1.1, 0.7, 1.9], size=TABLE_SIZE, align=align
    )
    doc.heading(1, "下一步工作")
    doc.body(
        "一是对超过时限未完成的任务逐项督办，不能按期完成的说明理由、明确新的时限；"
        "二是坚持每月督查，对推进缓慢、问题突出的村约谈工作组和乡镇党委；"
        "三是整治期满的村及时组织验收，已整顿转化的村按期开展“回头看”，防止反弹；"
        "四是总结整治村的经验做法，在全区推广“微权四化”等制度，推动由“一时之变”到“长久之治”。"
    )
    doc.signature(d.issuer, d.as_of)
    doc.imprint(["区纪委监委", "区委组织部"], d.issuer, d.as_of)
    return doc


def _catch(d: ReportDoc) -> str:
    gang = f"，其中涉黑涉恶{d.gang_persons}人" if d.gang_persons else ""
    return (
        f"依托巡察移交的问题线索深挖彻查，案件查处进展：{_phrase(d.cases, '件')}，"
        f"共涉及{d.case_persons}人{gang}。"
    )


def render_progress_report(
    d: ReportDoc, out: str | Path | BinaryIO | None = None, *, fonts: FontSet | None = None
) -> bytes:
    return build_progress_report(d, fonts=fonts).render(
        out, title="集中整治进展情况报告", author=d.issuer
    )


# -- the 制度推广 table -------------------------------------------------------------------------
@dataclass
class MatrixDoc:
    title: str
    issuer: str
    as_of: date
    systems: list[str]
    township_counts: list[tuple[str, int, list[int]]]
    """(township, villages, adopted per system)."""
    rows: list[tuple[str, str, list[str]]]
    """(township, village, cell text per system)."""


_FILLS = (
    ("执行不力", HexColor("#ffc7ce")),
    ("已建立", HexColor("#c6efce")),
    ("推进中", HexColor("#ffeb9c")),
)


def _fill(text: str) -> Color | None:
    for word, colour in _FILLS:
        if word in text:
            return colour
    return None


def render_matrix(
    d: MatrixDoc, out: str | Path | BinaryIO | None = None, *, fonts: FontSet | None = None
) -> bytes:
    doc = DocumentBuilder(fonts=fonts)
    doc.title(d.title)
    doc.blank()
    weak = sum(1 for _, _, cells in d.rows for c in cells if "执行不力" in c)
    doc.body(
        f"截至{chinese_date(d.as_of)}，全区{len(d.rows)}个村（社区）推行{chinese_numeral(len(d.systems))}"
        f"项制度的情况如下（“已建立”指已制定并公布实施；“执行不力”为督查或巡察核实的情况，共{weak}处）。"
    )
    fs = doc.fonts
    n = len(d.systems)
    counts: list[list[CellValue]] = [["乡镇（街道）", "村（社区）数", *d.systems]]
    for town, villages, adopted in d.township_counts:
        line: list[CellValue] = [town, line_cell(str(villages), TABLE_SIZE, fonts=fs)]
        line += [line_cell(str(a), TABLE_SIZE, fonts=fs) for a in adopted]
        counts.append(line)
    grid = table(
        counts,
        col_widths=[3.0, 1.6, *([1.6] * n)],
        size=TABLE_SIZE,
        align=["center"] * (n + 2),
        landscape=True,
        fonts=fs,
    )
    doc.add([grid, SnapToGrid()])
    doc.blank()
    rows: list[list[CellValue]] = [["序号", "乡镇（街道）", "村（社区）", *d.systems]]
    for i, (town, village, texts) in enumerate(d.rows, start=1):
        rows.append([str(i), town, village, *texts])
    grid = table(
        rows,
        col_widths=[1.0, 2.4, 2.4, *([2.0] * n)],
        size=TABLE_SIZE,
        align=["center"] * (n + 3),
        landscape=True,
        fonts=fs,
        plain=True,
    )
    shading = []
    for r, (_town, _village, cells) in enumerate(d.rows, start=1):
        for c, text in enumerate(cells, start=3):
            fill = _fill(text)
            if fill is not None:
                shading.append(("BACKGROUND", (c, r), (c, r), fill))
    if shading:
        grid.setStyle(TableStyle(shading))
    doc.add([grid, SnapToGrid()])
    doc.signature(d.issuer, d.as_of)
    return render_pdf(doc.flowables, out, landscape=True, title=d.title, fonts=doc.fonts)
