"""问题底稿 (working paper, 问题底稿审批单): the evidence behind one problem, on the GB/T 9704 page.

One paper per problem: its number (底稿编号), the village and the day it was raised, the problem as
found, where it was found (the records it came from, with date and method; informants only as
某某), the evidence (photos, documents), the basis (政策或制度依据), who is responsible where known,
the 处置建议 (the track), and the 组长's 审核意见 with signature line and date. A day's papers print
one after another, each from a new page. A paper not yet frozen by the day's sign-off prints with
the 草稿 mark.

The data (:class:`WorkingPaperDoc`) comes from :mod:`app.services.wrapup.working_papers`, with
every protected name already replaced. It serialises to JSON (:meth:`WorkingPaperDoc.as_json`):
sign-off stores that snapshot, so a frozen paper prints the same later.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import asdict, dataclass, field
from datetime import date
from pathlib import Path
from typing import Any, BinaryIO

from reportlab.platypus import Flowable, PageBreak, Spacer

from app.documents.builder import DocumentBuilder
from app.documents.elements import body_style
from app.documents.fonts import FontRole, FontSet
from app.documents.page import LINE_PITCH
from app.documents.paragraph import CJKParagraph
from app.documents.tables import CellValue, date_cell, table
from app.domain.formats import chinese_date

__all__ = [
    "SourceLine",
    "WorkingPaperDoc",
    "build_working_papers",
    "paper_number",
    "render_working_papers",
    "working_paper_file_name",
]

TABLE_SIZE = 14.0  # 4号
_BLANK_DATE = "　　年　月　日"


def paper_number(day: date, n: int) -> str:
    """底稿编号: the day and the problem's place among the day's papers (20261126-03)."""
    if n < 1:
        raise ValueError("working paper numbers start at 1")
    return f"{day:%Y%m%d}-{n:02d}"


@dataclass(frozen=True)
class SourceLine:
    """One record a problem came from: 2026年11月26日 普遍走访（王庄村村委会）, 某某反映."""

    day: date
    kind: str
    """走访记录（普遍走访）, 意见箱信件, 谈话记录 …"""
    detail: str = ""
    """Where, or who (informants only as 某某)."""

    def text(self) -> str:
        tail = f"，{self.detail}" if self.detail else ""
        return f"{chinese_date(self.day)}　{self.kind}{tail}"


@dataclass(frozen=True)
class WorkingPaperDoc:
    number: str
    """底稿编号, "" until the day is signed off."""
    team: str
    issuing_body: str
    township: str
    village: str
    raised_on: date
    description: str
    category: str
    voices: int
    sources: Sequence[SourceLine] = field(default_factory=tuple)
    evidence: Sequence[str] = field(default_factory=tuple)
    basis: str = ""
    responsible: str = ""
    proposal: str = ""
    review: str = ""
    leader: str = ""
    signed_on: date | None = None
    frozen: bool = False

    def as_json(self) -> str:
        data = asdict(self)
        data["raised_on"] = self.raised_on.isoformat()
        data["signed_on"] = self.signed_on.isoformat() if self.signed_on else None
        data["sources"] = [
            {"day": s.day.isoformat(), "kind": s.kind, "detail": s.detail} for s in self.sources
        ]
        data["evidence"] = list(self.evidence)
        return json.dumps(data, ensure_ascii=False, sort_keys=True)

    @classmethod
    def from_json(cls, text: str) -> WorkingPaperDoc:
        data: dict[str, Any] = json.loads(text)
        data["raised_on"] = date.fromisoformat(data["raised_on"])
        signed = data.get("signed_on")
        data["signed_on"] = date.fromisoformat(signed) if signed else None
        data["sources"] = tuple(
            SourceLine(date.fromisoformat(s["day"]), s["kind"], s.get("detail", ""))
            for s in data.get("sources", [])
        )
        data["evidence"] = tuple(data.get("evidence", []))
        known = set(cls.__dataclass_fields__)
        return cls(**{k: v for k, v in data.items() if k in known})


def working_paper_file_name(papers: Sequence[WorkingPaperDoc]) -> str:
    if len(papers) == 1:
        p = papers[0]
        return f"问题底稿-{p.number or '未定稿'}-{p.township}{p.village}.pdf"
    day = min(p.raised_on for p in papers)
    return f"问题底稿-{day.isoformat()}-{len(papers)}份.pdf"


class _Stack(Flowable):  # type: ignore[misc]
    """Flowables one above the other in a table cell."""

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


def _lines(texts: Sequence[str], fonts: FontSet, empty: float = 1.0) -> Flowable:
    """Paragraphs in a cell, or room to write by hand when there are none."""
    style = body_style(first_indent=0.0, size=TABLE_SIZE, leading=round(TABLE_SIZE * 1.45, 2))
    style = style.but(char_space=0.0, em_top=None)
    items: list[Flowable] = [CJKParagraph(t, style, fonts=fonts) for t in texts if t.strip()]
    return _Stack(items) if items else Spacer(1, empty * LINE_PITCH)


def _paper(d: WorkingPaperDoc, doc: DocumentBuilder) -> None:
    fs = doc.fonts
    doc.title("问题底稿")
    meta = body_style(first_indent=0.0, role=FontRole.KAITI, size=TABLE_SIZE, char_space=0.0)
    number = d.number or "（签结后编号）"
    doc.add(
        [
            CJKParagraph(
                f"底稿编号：{number}　　巡察组：{d.team}",
                meta.but(align="center"),
                fonts=fs,
            ),
            Spacer(1, 0.4 * LINE_PITCH),
        ]
    )
    signed = body_style(first_indent=0.0, align="right", size=TABLE_SIZE, char_space=0.0)
    when = chinese_date(d.signed_on) if d.signed_on else _BLANK_DATE
    sign_line = f"签字：{d.leader or '　　　　'}　　{when}"
    review = _Stack(
        [
            _lines([d.review], fs, empty=2.0),
            Spacer(1, 0.3 * LINE_PITCH),
            CJKParagraph(sign_line, signed, fonts=fs),
        ]
    )
    rows: list[list[CellValue]] = [
        ["村（社区）", f"{d.township}{d.village}", "发现日期", date_cell(d.raised_on)],
        ["问题类别", d.category or "未分类", "反映人次", str(d.voices)],
        ["问题描述", _lines([d.description], fs), "", ""],
        ["问题来源", _lines([s.text() for s in d.sources] or ["巡察发现"], fs), "", ""],
        ["证据材料", _lines(list(d.evidence) or ["无"], fs), "", ""],
        ["依据（政策或制度依据）", _lines([d.basis], fs, empty=2.0), "", ""],
        ["责任主体", _lines([d.responsible] if d.responsible else ["待查明"], fs), "", ""],
        ["处置建议", _lines([d.proposal], fs), "", ""],
        ["组长审核意见", review, "", ""],
    ]
    grid = table(
        rows,
        col_widths=[2.2, 3.4, 1.8, 2.6],
        header_rows=0,
        size=TABLE_SIZE,
        align=["center", "justify", "center", "center"],
        word_columns=(0, 2, 3),
        fonts=fs,
    )
    grid.setStyle([("SPAN", (1, r), (3, r)) for r in range(2, len(rows))])
    doc.add([grid])


def build_working_papers(
    papers: Sequence[WorkingPaperDoc], *, fonts: FontSet | None = None
) -> DocumentBuilder:
    """One paper after another, each from a new page."""
    if not papers:
        raise ValueError("no working paper to print")
    doc = DocumentBuilder(fonts=fonts)
    for i, paper in enumerate(papers):
        if i:
            doc.add([PageBreak()])
        _paper(paper, doc)
    return doc


def render_working_papers(
    papers: Sequence[WorkingPaperDoc],
    out: str | Path | BinaryIO | None = None,
    *,
    fonts: FontSet | None = None,
) -> bytes:
    """Render the papers (草稿 mark while any of them is not frozen); return the PDF."""
    doc = build_working_papers(papers, fonts=fonts)
    title = f"问题底稿 {papers[0].number}" if len(papers) == 1 else "问题底稿"
    return doc.render(
        out,
        draft=not all(p.frozen for p in papers),
        title=title.strip(),
        author=papers[0].issuing_body,
    )
