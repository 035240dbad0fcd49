"""巡察日报 (昼巡夜结情况): the daily report of the evening wrap-up, on the GB/T 9704 page.

The data (:class:`DailyReportData`) is gathered by :mod:`app.services.wrapup.report`, which has
already masked every protected name; this module only lays it out: title and date, the day's work,
the problems by category and track with a chart, the list under each track, amendments since the
last report, items due tomorrow or overdue, and the leader's sign-off. A day not yet signed off
prints with the 草稿 mark.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import BinaryIO

from app.documents import charts
from app.documents.builder import DocumentBuilder
from app.documents.elements import body_style
from app.documents.fonts import FontRole, FontSet
from app.documents.page import MM, SnapToGrid
from app.documents.paragraph import Align, CJKParagraph
from app.documents.tables import CellValue
from app.domain.formats import chinese_date
from app.domain.vocabulary import Track

__all__ = [
    "AmendmentLine",
    "DailyReportData",
    "DueLine",
    "TrackLine",
    "build_daily_report",
    "render_daily_report",
    "report_file_name",
]


@dataclass(frozen=True)
class TrackLine:
    description: str
    village: str
    handler: str
    """责任单位 / 移交对象（紧急程度）/ 督办党委."""
    deadline: date | None
    voices: int


@dataclass(frozen=True)
class AmendmentLine:
    day: date
    village: str
    description: str
    fields: str
    before: str
    after: str
    reason: str
    by: str


@dataclass(frozen=True)
class DueLine:
    kind: str
    subject: str
    village: str
    party: str
    deadline: date
    days_left: int


@dataclass
class DailyReportData:
    team: str
    issuing_body: str
    day: date
    closed: bool
    closed_by: str = ""
    closed_at: datetime | None = None
    villages: list[tuple[str, list[str]]] = field(default_factory=list)
    """(township, its villages covered that day)."""
    visits_by_method: list[tuple[str, int]] = field(default_factory=list)
    visits: int = 0
    entries: int = 0
    interviews: int = 0
    problems: int = 0
    voices: int = 0
    by_category: list[tuple[str, int]] = field(default_factory=list)
    by_track: list[tuple[str, int]] = field(default_factory=list)
    lists: dict[Track, list[TrackLine]] = field(default_factory=dict)
    unsorted: list[TrackLine] = field(default_factory=list)
    amendments: list[AmendmentLine] = field(default_factory=list)
    due: list[DueLine] = field(default_factory=list)


TABLE_SIZE = 12.0  # 小四
CHART_HEIGHT = 50 * MM


def report_file_name(day: date) -> str:
    return f"巡察日报-{day.isoformat()}.pdf"


def _short(d: date | None) -> str:
    return "" if d is None else f"{d.month}月{d.day}日"


def _due_state(left: int) -> str:
    if left > 1:
        return f"{left}天后到期"
    if left == 1:
        return "明日到期"
    if left == 0:
        return "今日到期"
    return f"逾期{-left}天"


def _count_phrase(items: Sequence[tuple[str, int]], unit: str) -> str:
    return "、".join(f"{label}{n}{unit}" for label, n in items if n)


def _villages_phrase(villages: Sequence[tuple[str, Sequence[str]]]) -> str:
    parts = [f"{town}{'、'.join(names)}" for town, names in villages]
    return "；".join(parts)


def _signoff(data: DailyReportData) -> str:
    if not data.closed:
        return "组长签结：（未签结）"
    when = ""
    if data.closed_at is not None:
        local = data.closed_at.astimezone()
        when = f"　{chinese_date(local.date())}{local.hour}时{local.minute:02d}分"
    return f"组长签结：{data.closed_by}{when}"


class _Report:
    def __init__(self, data: DailyReportData, fonts: FontSet | None) -> None:
        self.data = data
        self.doc = DocumentBuilder(fonts=fonts)

    def centred(self, text: str, role: FontRole = FontRole.KAITI) -> None:
        style = body_style(first_indent=0.0, align="center", role=role)
        self.doc.add([CJKParagraph(text, style, fonts=self.doc.fonts)])

    def table(
        self,
        header: Sequence[str],
        rows: Sequence[Sequence[CellValue]],
        widths: Sequence[float],
        align: Sequence[Align],
    ) -> None:
        self.doc.table(
            [list(header), *[list(r) for r in rows]],
            col_widths=widths,
            size=TABLE_SIZE,
            align=align,
        )

    def build(self) -> DocumentBuilder:
        d, doc = self.data, self.doc
        doc.title("巡察日报")
        self.centred(f"（{d.team}　{chinese_date(d.day)}）")
        doc.blank()
        where = _villages_phrase(d.villages) or "驻村"
        doc.body(
            f"{chinese_date(d.day)}，{d.team}在{where}开展巡察，形成走访记录{d.visits}条，"
            f"收到意见箱信件{d.entries}件，开展谈话{d.interviews}人次；当晚梳理问题"
            f"{d.problems}个，反映人次{d.voices}。"
        )
        self.work()
        self.problems()
        self.tracks()
        self.amendments()
        self.due()
        doc.blank()
        doc.add([CJKParagraph(_signoff(d), body_style(first_indent=0.0), fonts=doc.fonts)])
        return doc

    def work(self) -> None:
        d, doc = self.data, self.doc
        doc.heading(1, "当日工作情况")
        methods = _count_phrase(d.visits_by_method, "次")
        villages = sum(len(v) for _, v in d.villages)
        doc.body(
            f"当日巡察村（社区）{villages}个。昼巡中{methods or '未开展走访'}，"
            f"共{d.visits}次；意见箱信件{d.entries}件；谈话{d.interviews}人次。"
        )
        header = [label for label, _ in d.visits_by_method] + ["意见箱信件", "谈话"]
        row: list[CellValue] = [*(n for _, n in d.visits_by_method), d.entries, d.interviews]
        self.table(header, [row], [1.0] * (len(header) - 2) + [1.3, 0.8], ["center"] * len(header))

    def problems(self) -> None:
        d, doc = self.data, self.doc
        doc.heading(1, "发现问题情况")
        cats = _count_phrase(d.by_category, "个") or "无"
        tracks = _count_phrase(d.by_track, "个") or "无"
        doc.body(
            f"当晚梳理问题{d.problems}个（反映人次{d.voices}）。按类别：{cats}；"
            f"按处置方式：{tracks}。"
        )
        if d.problems:
            chart = charts.bar_chart(
                d.by_track,
                title="问题按处置方式统计（个）",
                height=CHART_HEIGHT,
                horizontal=False,
                fonts=doc.fonts,
            )
            doc.add([chart, SnapToGrid()])

    def tracks(self) -> None:
        d, doc = self.data, self.doc
        doc.heading(1, "问题处置情况")
        specs: list[tuple[Track, str, str | None]] = [
            (Track.FIX_NOW, "责任单位", "整改时限"),
            (Track.FAST_INVESTIGATION, "移交对象", None),
            (Track.LEDGER, "督办党委", "整改时限"),
            (Track.VERIFY, "", None),
        ]
        for track, handler, deadline in specs:
            lines = d.lists.get(track, [])
            doc.heading(2, f"{track.label}（{len(lines)}个）")
            self.problem_table(lines, handler, deadline)
        if not d.closed and d.unsorted:
            doc.heading(2, f"尚未研判（{len(d.unsorted)}个）")
            self.problem_table(d.unsorted, "", None)

    def problem_table(self, lines: Sequence[TrackLine], handler: str, deadline: str | None) -> None:
        if not lines:
            self.doc.body("无。")
            return
        header = ["序号", "问题", "村（社区）"]
        widths = [0.9, 4.6, 1.6]
        align: list[Align] = ["center", "justify", "center"]
        if handler:
            header.append(handler)
            widths.append(1.9)
            align.append("center")
        if deadline:
            header.append(deadline)
            widths.append(1.7)
            align.append("center")
        rows: list[list[CellValue]] = []
        for i, line in enumerate(lines, start=1):
            text = line.description
            if line.voices > 1:
                text += f"（反映人次{line.voices}）"
            row: list[CellValue] = [i, text, line.village]
            if handler:
                row.append(line.handler)
            if deadline:
                row.append(_short(line.deadline))
            rows.append(row)
        self.table(header, rows, widths, align)

    def amendments(self) -> None:
        d, doc = self.data, self.doc
        doc.heading(1, "签结后更正事项")
        if not d.amendments:
            doc.body("上次日报以来无签结后更正事项。")
            return
        doc.body(f"上次日报以来，已签结事项更正{len(d.amendments)}项，均已留痕。")
        rows: list[list[CellValue]] = [
            [
                i,
                _short(a.day),
                f"{a.village}：{a.description}",
                f"{a.fields}：由“{a.before}”改为“{a.after}”",
                f"{a.reason}（{a.by}）",
            ]
            for i, a in enumerate(d.amendments, start=1)
        ]
        self.table(
            ["序号", "签结日", "问题", "更正内容", "理由"],
            rows,
            [0.9, 1.5, 3.0, 3.5, 1.9],
            ["center", "center", "justify", "justify", "justify"],
        )

    def due(self) -> None:
        d, doc = self.data, self.doc
        doc.heading(1, "明日到期及逾期事项")
        if not d.due:
            doc.body("无明日到期或逾期未办结事项。")
            return
        overdue = sum(1 for x in d.due if x.days_left < 0)
        doc.body(f"明日到期及逾期未办结事项{len(d.due)}项，其中逾期{overdue}项。")
        rows: list[list[CellValue]] = [
            [
                i,
                x.kind,
                f"{x.village}：{x.subject}",
                x.party,
                _short(x.deadline),
                _due_state(x.days_left),
            ]
            for i, x in enumerate(d.due, start=1)
        ]
        self.table(
            ["序号", "类别", "事项", "责任单位", "时限", "状态"],
            rows,
            [0.9, 1.4, 3.6, 1.8, 1.3, 1.4],
            ["center", "center", "justify", "center", "center", "center"],
        )


def build_daily_report(data: DailyReportData, *, fonts: FontSet | None = None) -> DocumentBuilder:
    """The report's document, ready to render."""
    return _Report(data, fonts).build()


def render_daily_report(
    data: DailyReportData,
    out: str | Path | BinaryIO | None = None,
    *,
    fonts: FontSet | None = None,
) -> bytes:
    """Render the daily report (草稿 mark while the day is not signed off); return the PDF."""
    doc = build_daily_report(data, fonts=fonts)
    return doc.render(
        out,
        draft=not data.closed,
        title=f"巡察日报（{chinese_date(data.day)}）",
        author=data.team,
    )
