"""Small bar and pie charts (reportlab.graphics) with Chinese labels in the resolved fonts.

The charts are ``Drawing`` flowables as wide as the 版心 (or narrower), e.g. problem counts by
category or by handling track.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence

from reportlab.graphics.charts.barcharts import HorizontalBarChart, VerticalBarChart
from reportlab.graphics.charts.legends import Legend
from reportlab.graphics.charts.piecharts import Pie
from reportlab.graphics.shapes import Drawing, String
from reportlab.lib.colors import Color, HexColor, black
from reportlab.pdfbase import pdfmetrics

from app.documents.fonts import FontRole, FontSet, get_fonts
from app.documents.page import MM, TEXT_WIDTH

__all__ = ["PALETTE", "bar_chart", "pie_chart", "stacked_bar_chart"]

PALETTE: tuple[Color, ...] = tuple(
    HexColor(h)
    for h in (
        "#2f5597",
        "#c0504d",
        "#70a13f",
        "#8064a2",
        "#3c9fb8",
        "#e5892b",
        "#7f7f7f",
        "#b8a23a",
    )
)
_LABEL_SIZE = 10.5  # 五号
_TITLE_SIZE = 12.0  # 小四

Data = Mapping[str, float] | Sequence[tuple[str, float]]


def _items(data: Data) -> list[tuple[str, float]]:
    pairs = list(data.items()) if isinstance(data, Mapping) else list(data)
    return [(str(k), float(v)) for k, v in pairs]


def _nice_step(top: float, ticks: int = 5) -> float:
    if top <= 0:
        return 1.0
    raw = top / ticks
    mag = 10 ** math.floor(math.log10(raw))
    for m in (1, 2, 5, 10):
        if raw <= m * mag:
            return float(max(m * mag, 1))
    return float(10 * mag)


def _wrap_label(text: str, max_width: float, font: str, size: float) -> str:
    """Break a label into lines no wider than ``max_width`` (character by character)."""
    lines: list[str] = []
    cur = ""
    for ch in text:
        if cur and pdfmetrics.stringWidth(cur + ch, font, size) > max_width:
            lines.append(cur)
            cur = ""
        cur += ch
    if cur:
        lines.append(cur)
    return "\n".join(lines)


def _fmt(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else f"{value:.1f}"


def _drawing(width: float, height: float, font: str) -> Drawing:
    drawing = Drawing(width, height)
    drawing.hAlign = "CENTER"
    # The renderer starts from this font; without it Helvetica (not embedded) enters the PDF.
    drawing.initialFontName = font
    drawing.initialFontSize = _LABEL_SIZE
    return drawing


def _title(drawing: Drawing, text: str, width: float, height: float, fonts: FontSet) -> None:
    drawing.add(
        String(
            width / 2,
            height - _TITLE_SIZE,
            text,
            fontName=fonts.name(FontRole.HEITI),
            fontSize=_TITLE_SIZE,
            textAnchor="middle",
        )
    )


def bar_chart(
    data: Data,
    *,
    title: str | None = None,
    series: Mapping[str, Sequence[float]] | None = None,
    width: float = TEXT_WIDTH,
    height: float | None = None,
    horizontal: bool | None = None,
    fonts: FontSet | None = None,
) -> Drawing:
    """A bar chart of ``data`` (category → value), values printed on the bars.

    With ``series`` (name → values per category of ``data``'s keys) the bars are grouped and a
    legend names the series; ``data`` then only gives the categories. Long or many labels make
    the chart horizontal unless ``horizontal`` says otherwise.
    """
    fs = fonts or get_fonts()
    font = fs.name(FontRole.FANGSONG)
    items = _items(data)
    if not items:
        raise ValueError("a chart needs at least one category")
    names = [k for k, _ in items]
    if series:
        values = [list(map(float, v)) for v in series.values()]
        if any(len(v) != len(names) for v in values):
            raise ValueError("every series needs one value per category")
        legend_names = list(series.keys())
    else:
        values = [[v for _, v in items]]
        legend_names = []
    if horizontal is None:
        horizontal = len(names) > 8 or max(len(n) for n in names) > 6
    if height is None:
        height = max(60 * MM, (len(names) * 9 * MM + 20 * MM) if horizontal else 70 * MM)
    drawing = _drawing(width, height, font)
    top_pad = (_TITLE_SIZE * 2) if title else 6.0
    legend_h = 16.0 if legend_names else 0.0
    top = max((max(v) if v else 0.0) for v in values)
    step = _nice_step(top)
    value_max = step * max(math.ceil(top / step), 1)
    if top >= value_max * 0.9:
        value_max += step

    chart: HorizontalBarChart | VerticalBarChart
    if horizontal:
        label_w = min(
            max(pdfmetrics.stringWidth(n, font, _LABEL_SIZE) for n in names) + 6, width * 0.35
        )
        chart = HorizontalBarChart()
        chart.x = label_w + 4
        chart.y = 14 + legend_h
        chart.width = width - chart.x - 24
        chart.height = height - chart.y - top_pad
        chart.categoryAxis.labels.boxAnchor = "e"
        chart.categoryAxis.labels.dx = -4
        chart.categoryAxis.categoryNames = [
            _wrap_label(n, label_w - 6, font, _LABEL_SIZE) for n in reversed(names)
        ]
        chart.data = [list(reversed(v)) for v in values]
        chart.barLabels.boxAnchor = "w"
        chart.barLabels.dx = 3
    else:
        chart = VerticalBarChart()
        chart.x = 30
        chart.y = 30 + legend_h
        chart.width = width - chart.x - 10
        chart.height = height - chart.y - top_pad
        slot = chart.width / len(names)
        wrapped = [_wrap_label(n, slot - 4, font, _LABEL_SIZE) for n in names]
        lines = max(w.count("\n") + 1 for w in wrapped)
        chart.y += (lines - 1) * _LABEL_SIZE * 1.2
        chart.height -= (lines - 1) * _LABEL_SIZE * 1.2
        chart.categoryAxis.labels.boxAnchor = "n"
        chart.categoryAxis.labels.dy = -4
        chart.categoryAxis.categoryNames = wrapped
        chart.data = values
        chart.barLabels.boxAnchor = "s"
        chart.barLabels.dy = 2
    chart.valueAxis.valueMin = 0
    chart.valueAxis.valueMax = value_max
    chart.valueAxis.valueStep = step
    chart.valueAxis.labels.fontName = font
    chart.valueAxis.labels.fontSize = _LABEL_SIZE
    chart.valueAxis.labelTextFormat = _fmt
    chart.categoryAxis.labels.fontName = font
    chart.categoryAxis.labels.fontSize = _LABEL_SIZE
    chart.categoryAxis.labels.leading = _LABEL_SIZE * 1.2
    chart.barLabelFormat = _fmt
    chart.barLabels.fontName = font
    chart.barLabels.fontSize = _LABEL_SIZE
    chart.groupSpacing = 8
    chart.barSpacing = 1
    for i in range(len(values)):
        chart.bars[i].fillColor = PALETTE[i % len(PALETTE)]
        chart.bars[i].strokeColor = None
    drawing.add(chart)
    if legend_names:
        legend = Legend()
        legend.x = width / 2 - 40 * len(legend_names) / 2
        legend.y = 8
        legend.alignment = "right"
        legend.columnMaximum = 1
        legend.deltax = 80
        legend.fontName = font
        legend.fontSize = _LABEL_SIZE
        legend.boxAnchor = "sw"
        legend.colorNamePairs = [(PALETTE[i % len(PALETTE)], n) for i, n in enumerate(legend_names)]
        drawing.add(legend)
    if title:
        _title(drawing, title, width, height, fs)
    return drawing


def pie_chart(
    data: Data,
    *,
    title: str | None = None,
    width: float = TEXT_WIDTH,
    height: float = 70 * MM,
    fonts: FontSet | None = None,
) -> Drawing:
    """A pie of ``data`` (category → value) with a legend "类别  数量（百分比）" at the right."""
    fs = fonts or get_fonts()
    font = fs.name(FontRole.FANGSONG)
    items = [(k, v) for k, v in _items(data) if v > 0]
    if not items:
        raise ValueError("a pie chart needs at least one positive value")
    total = sum(v for _, v in items)
    drawing = _drawing(width, height, font)
    top_pad = (_TITLE_SIZE * 2) if title else 6.0
    diameter = min(height - top_pad - 10, width * 0.45)
    pie = Pie()
    pie.x = width * 0.25 - diameter / 2
    pie.y = (height - top_pad - diameter) / 2
    pie.width = pie.height = diameter
    pie.data = [v for _, v in items]
    pie.labels = None
    pie.startAngle = 90
    pie.direction = "clockwise"
    pie.slices.strokeColor = HexColor("#ffffff")
    pie.slices.strokeWidth = 0.5
    for i in range(len(items)):
        pie.slices[i].fillColor = PALETTE[i % len(PALETTE)]
    drawing.add(pie)
    legend = Legend()
    legend.x = width * 0.52
    legend.y = pie.y + diameter / 2
    legend.boxAnchor = "w"
    legend.alignment = "right"
    legend.fontName = font
    legend.fontSize = _LABEL_SIZE
    legend.deltay = _LABEL_SIZE * 1.8
    legend.columnMaximum = 10
    legend.strokeColor = black
    legend.strokeWidth = 0
    legend.colorNamePairs = [
        (PALETTE[i % len(PALETTE)], f"{k}  {_fmt(v)}（{v / total:.0%}）")
        for i, (k, v) in enumerate(items)
    ]
    drawing.add(legend)
    if title:
        _title(drawing, title, width, height, fs)
    return drawing


def stacked_bar_chart(
    categories: Sequence[str],
    series: Sequence[tuple[str, Sequence[float], Color]],
    *,
    title: str | None = None,
    width: float = TEXT_WIDTH,
    height: float | None = None,
    fonts: FontSet | None = None,
) -> Drawing:
    """One horizontal bar per category, made of the series' parts (each in its own colour and
    labelled with its value when there is room), the total at the bar's end, and a legend of the
    series under the title. For counts split by state, e.g. tasks by warning colour."""
    fs = fonts or get_fonts()
    font = fs.name(FontRole.FANGSONG)
    if not categories:
        raise ValueError("a chart needs at least one category")
    if any(len(values) != len(categories) for _, values, _ in series):
        raise ValueError("every series needs one value per category")
    totals = [sum(float(values[i]) for _, values, _ in series) for i in range(len(categories))]
    row_h = 9 * MM
    top_pad = (_TITLE_SIZE * 2 if title else 6.0) + _LABEL_SIZE * 2
    if height is None:
        height = len(categories) * row_h + top_pad + 24
    drawing = _drawing(width, height, font)
    label_w = max(pdfmetrics.stringWidth(c, font, _LABEL_SIZE) for c in categories) + 8
    top = max(totals, default=0.0)
    step = _nice_step(top)
    value_max = step * max(math.ceil(top / step), 1)
    chart = HorizontalBarChart()
    chart.x = label_w + 4
    chart.y = 18
    chart.width = width - chart.x - 30
    chart.height = height - chart.y - top_pad
    chart.data = [[float(v) for v in reversed(values)] for _, values, _ in series]
    chart.categoryAxis.categoryNames = list(reversed(categories))
    chart.categoryAxis.style = "stacked"
    chart.categoryAxis.labels.boxAnchor = "e"
    chart.categoryAxis.labels.dx = -4
    chart.categoryAxis.labels.fontName = font
    chart.categoryAxis.labels.fontSize = _LABEL_SIZE
    chart.valueAxis.valueMin = 0
    chart.valueAxis.valueMax = value_max
    chart.valueAxis.valueStep = step
    chart.valueAxis.labels.fontName = font
    chart.valueAxis.labels.fontSize = _LABEL_SIZE
    chart.valueAxis.labelTextFormat = _fmt
    unit = chart.width / value_max if value_max else 0.0
    min_part = pdfmetrics.stringWidth("00", font, _LABEL_SIZE) + 2
    chart.barLabelFormat = lambda v: _fmt(v) if v and v * unit >= min_part else ""
    chart.barLabels.fontName = font
    chart.barLabels.fontSize = _LABEL_SIZE
    chart.barLabels.boxAnchor = "c"
    chart.barLabels.fillColor = HexColor("#ffffff")
    chart.groupSpacing = 6
    for i, (_, _, colour) in enumerate(series):
        chart.bars[i].fillColor = colour
        chart.bars[i].strokeColor = None
    drawing.add(chart)
    slot = chart.height / len(categories)
    for i, total in enumerate(reversed(totals)):
        drawing.add(
            String(
                chart.x + total * unit + 3,
                chart.y + slot * (i + 0.5) - _LABEL_SIZE / 3,
                _fmt(total),
                fontName=font,
                fontSize=_LABEL_SIZE,
            )
        )
    legend = Legend()
    step_x = max(pdfmetrics.stringWidth(n, font, _LABEL_SIZE) for n, _, _ in series) + 20
    legend.x = max(0.0, (width - step_x * len(series)) / 2)
    legend.y = height - (_TITLE_SIZE * 2 if title else 4.0)
    legend.boxAnchor = "nw"
    legend.alignment = "right"
    legend.columnMaximum = 1
    legend.deltax = step_x
    legend.dx = 8
    legend.dy = 8
    legend.fontName = font
    legend.fontSize = _LABEL_SIZE
    legend.colorNamePairs = [(colour, name) for name, _, colour in series]
    drawing.add(legend)
    if title:
        _title(drawing, title, width, height, fs)
    return drawing
