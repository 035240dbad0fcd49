"""DocumentBuilder: assemble a GB/T 9704 document part by part and render it.

doc = DocumentBuilder()
doc.title("关于……的通知")
doc.addressee(["区水利局", "区供电公司"])
doc.heading(1, "基本情况")          # 一、基本情况  (numbers follow automatically)
doc.body("……")
doc.signature("中共某区委巡察办", date(2026, 11, 27))
doc.imprint(["区纪委监委"], "中共某区委巡察办", date(2026, 11, 27))
pdf = doc.render("通知.pdf")
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import BinaryIO

from reportlab.platypus import Flowable

from app.documents import charts, elements, tables
from app.documents.fonts import FontSet, get_fonts
from app.documents.page import Float, SnapToGrid, begin_landscape, end_landscape, render_pdf
from app.documents.paragraph import Align, Run

__all__ = ["DocumentBuilder"]


class DocumentBuilder:
    """Collects flowables; heading numbers count per level and restart under a higher level."""

    def __init__(self, *, fonts: FontSet | None = None) -> None:
        self.fonts = fonts or get_fonts()
        self.flowables: list[Flowable] = []
        self._counters = [0, 0, 0, 0]
        self._landscape = False
        self._has_title = False

    def add(self, flowables: Sequence[Flowable]) -> DocumentBuilder:
        self.flowables.extend(flowables)
        return self

    def red_header(self, org_mark: str, doc_number: str | None = None) -> DocumentBuilder:
        return self.add(elements.red_header(org_mark, doc_number, fonts=self.fonts))

    def title(self, text: str) -> DocumentBuilder:
        self._has_title = True
        return self.add(elements.title(text, fonts=self.fonts))

    def addressee(self, names: str | Sequence[str]) -> DocumentBuilder:
        return self.add(elements.addressee(names, blank_before=self._has_title, fonts=self.fonts))

    def heading(
        self, level: int, text: str, *, numbered: bool = True, run_in: str | None = None
    ) -> DocumentBuilder:
        number: int | None = None
        if numbered:
            self._counters[level - 1] += 1
            for deeper in range(level, len(self._counters)):
                self._counters[deeper] = 0
            number = self._counters[level - 1]
        return self.add(elements.heading(level, text, number, run_in=run_in, fonts=self.fonts))

    def body(self, text: str | Sequence[Run]) -> DocumentBuilder:
        return self.add(elements.body(text, fonts=self.fonts))

    def blank(self, lines: float = 1) -> DocumentBuilder:
        return self.add(elements.blank(lines))

    def page_break(self) -> DocumentBuilder:
        return self.add(elements.page_break())

    def attachments(self, names: str | Sequence[str]) -> DocumentBuilder:
        return self.add(elements.attachment_line(names, fonts=self.fonts))

    def signature(self, org: str, date: dt.date | str, *, sealed: bool = False) -> DocumentBuilder:
        """The issuing body and date, kept on a page with the last lines of the text."""
        return self.keep_with_text(
            elements.signature_block(org, date, sealed=sealed, fonts=self.fonts)
        )

    def keep_with_text(self, flowables: Sequence[Flowable]) -> DocumentBuilder:
        """Add ``flowables`` so that they never stand alone on a page: the last lines of the text
        before them (and any 附件 line between) go with them."""
        elements.keep_with_tail(self.flowables, flowables)
        return self

    def imprint(
        self,
        cc: str | Sequence[str] | None,
        issuer: str,
        date: dt.date | str,
        *,
        report_to: str | Sequence[str] | None = None,
    ) -> DocumentBuilder:
        """版记 at the foot of the last page, on the same page as the text's end."""
        return self.keep_with_text(
            elements.imprint(cc, issuer, date, report_to=report_to, fonts=self.fonts)
        )

    def table(
        self,
        rows: Sequence[Sequence[tables.CellValue]],
        *,
        col_widths: Sequence[float] | None = None,
        header_rows: int = 1,
        size: float = 12.0,
        align: Sequence[Align] | None = None,
        word_columns: Sequence[int] = (),
    ) -> DocumentBuilder:
        tbl = tables.table(
            rows,
            col_widths=col_widths,
            header_rows=header_rows,
            size=size,
            align=align,
            landscape=self._landscape,
            word_columns=word_columns,
            fonts=self.fonts,
        )
        return self.add([tbl, SnapToGrid()])

    def bar_chart(
        self,
        data: charts.Data,
        *,
        title: str | None = None,
        series: Mapping[str, Sequence[float]] | None = None,
    ) -> DocumentBuilder:
        chart = charts.bar_chart(data, title=title, series=series, fonts=self.fonts)
        return self.figure(chart)

    def pie_chart(self, data: charts.Data, *, title: str | None = None) -> DocumentBuilder:
        return self.figure(charts.pie_chart(data, title=title, fonts=self.fonts))

    def figure(self, flowable: Flowable) -> DocumentBuilder:
        """A chart or picture that may move to the next page rather than leave a gap."""
        return self.add([Float(flowable), SnapToGrid()])

    def landscape(self, on: bool = True) -> DocumentBuilder:
        """Start (or end) landscape pages from the next page on."""
        if on != self._landscape:
            self._landscape = on
            self.add(begin_landscape() if on else end_landscape())
        return self

    def render(
        self,
        out: str | Path | BinaryIO | None = None,
        *,
        draft: bool = False,
        title: str = "",
        author: str = "",
    ) -> bytes:
        """Render the collected flowables (once: layout consumes them)."""
        return render_pdf(
            self.flowables, out, draft=draft, title=title, author=author, fonts=self.fonts
        )
