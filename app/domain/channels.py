"""Recognising the seven triage channels and the columns of the lists they send.

:func:`recognise_channel` reads the usual wordings of a channel — in a channel column, a file name
or a ``--channel`` value — and returns the :class:`~app.domain.vocabulary.Channel` or ``None``.

How it decides:

1. The whole value (cleaned: NFKC, no spaces, lower case, no file extension) equal to an enum
   code (``petition``, ``discipline-report`` …), a member name, a Chinese label or a *short
   alias* (a word too common to be searched for inside longer text, e.g. the source ``乡镇``)
   gives that channel.
2. Otherwise every keyword of every channel is searched as a substring. A hit that lies inside a
   longer hit of another channel is dropped, so the more specific wording wins: ``信访举报``
   (a discipline report) hides the ``信访`` (petition) inside it. If the remaining hits name
   exactly one channel, that is the answer; if they name none or several
   (``信访和治安名单.xlsx``), ``None``.

:func:`recognise_header` maps the header cells of a channel list file to the fields the importer
needs (township, village, count, notes, channel, code).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from enum import StrEnum

from app.domain.names import clean_name
from app.domain.vocabulary import CHANNEL_SOURCE, Channel

# Substring keywords per channel. A keyword of one channel that contains a keyword of another
# (信访举报 ⊃ 信访) wins over it where both are found at the same place.
CHANNEL_KEYWORDS: dict[Channel, tuple[str, ...]] = {
    Channel.PETITION: ("信访问题集中", "信访问题", "信访局", "信访", "上访"),
    Channel.DISCIPLINE_REPORT: (
        "信访举报高发",
        "信访举报",
        "举报高发",
        "举报",
        "纪检监察",
        "纪委",
        "监委",
    ),
    Channel.WEAK_BRANCH: ("软弱涣散", "软弱瘫痪", "软弱", "涣散", "瘫痪", "组织部"),
    Channel.POVERTY_RELAPSE: ("返贫易发", "防返贫", "返贫", "乡村振兴", "振兴局"),
    Channel.CRIME: ("治安刑事", "治安", "刑事", "公安"),
    Channel.CENTRAL_WORK: ("中心工作推进不力", "中心工作", "推进不力"),
    Channel.BIG_DATA: ("大数据比对", "大数据", "数据比对"),
}

# Whole-value aliases: words that name a channel only when they are the entire value.
_SHORT_ALIASES: dict[str, Channel] = {
    "乡镇": Channel.CENTRAL_WORK,
    "乡镇掌握": Channel.CENTRAL_WORK,
    "比对": Channel.BIG_DATA,
    "数据": Channel.BIG_DATA,
}

_EXTENSION = re.compile(r"\.(?:xlsx|xlsm|xls|csv|txt|tsv|et)$")


def _clean(value: str) -> str:
    text = clean_name(value).lower()
    return _EXTENSION.sub("", text)


def _build_exact() -> dict[str, Channel]:
    exact: dict[str, Channel] = dict(_SHORT_ALIASES)
    for channel in Channel:
        names = {
            channel.value,
            channel.value.replace("_", "-"),
            channel.value.replace("_", ""),
            channel.name.lower(),
            _clean(channel.label),
            _clean(CHANNEL_SOURCE[channel]),
        }
        for name in names:
            exact[name] = channel
    return exact


_EXACT = _build_exact()


def recognise_channel(value: str | None) -> Channel | None:
    """The channel a channel-column value, a file name or a ``--channel`` value names, or None."""
    if value is None:
        return None
    # A file name may come with its folders.
    text = _clean(re.split(r"[/\\]", value)[-1])
    if not text:
        return None
    if text in _EXACT:
        return _EXACT[text]
    hits: list[tuple[int, int, Channel]] = []
    for channel, keywords in CHANNEL_KEYWORDS.items():
        for keyword in keywords:
            start = text.find(keyword)
            while start != -1:
                hits.append((start, start + len(keyword), channel))
                start = text.find(keyword, start + 1)
    kept = {
        channel
        for start, end, channel in hits
        if not any(
            other != channel
            and o_start <= start
            and end <= o_end
            and (o_end - o_start) > end - start
            for o_start, o_end, other in hits
        )
    }
    if len(kept) == 1:
        return kept.pop()
    return None


class ListField(StrEnum):
    """The columns a channel list file may have."""

    TOWNSHIP = "township"
    VILLAGE = "village"
    COUNT = "count"
    NOTES = "notes"
    CHANNEL = "channel"
    CODE = "code"


_HEADER_EXACT: dict[str, ListField] = {
    **dict.fromkeys(
        ("乡镇", "乡镇(街道)", "街道", "所属乡镇", "所属乡镇(街道)", "乡(镇)", "乡镇名称", "镇"),
        ListField.TOWNSHIP,
    ),
    **dict.fromkeys(
        (
            "村名",
            "村(社区)",
            "村庄名称",
            "村居",
            "行政村",
            "社区",
            "村",
            "村名称",
            "村(居)",
            "村庄",
            "村(社区)名称",
        ),
        ListField.VILLAGE,
    ),
    **dict.fromkeys(("数量", "件数", "次数", "问题数", "案件数", "个数", "数目"), ListField.COUNT),
    **dict.fromkeys(("备注", "说明", "情况说明", "主要问题", "问题描述"), ListField.NOTES),
    **dict.fromkeys(("渠道", "类别", "来源", "名单类型", "类型", "渠道来源"), ListField.CHANNEL),
    **dict.fromkeys(("村代码", "编码", "代码", "村编码", "区划代码"), ListField.CODE),
}

# Fallback when the whole cell is not a known header: the first rule whose word the cell contains.
# Order matters: 村代码 is a code, not a village; 乡镇(街道) is a township.
_HEADER_CONTAINS: tuple[tuple[tuple[str, ...], ListField], ...] = (
    (("代码", "编码"), ListField.CODE),
    (("数量", "件数", "次数", "问题数", "案件数", "个数"), ListField.COUNT),
    (("备注", "说明"), ListField.NOTES),
    (("渠道", "名单类型", "类别", "来源"), ListField.CHANNEL),
    (("乡镇", "街道", "乡", "镇"), ListField.TOWNSHIP),
    (("村", "社区", "居委"), ListField.VILLAGE),
)

_HEADER_NOISE = re.compile(r"[*:：★※]")


def recognise_header_cell(cell: str | None) -> ListField | None:
    """The field a header cell names, or None (序号 and unknown headings)."""
    text = _HEADER_NOISE.sub("", clean_name(cell))
    if not text:
        return None
    if text in _HEADER_EXACT:
        return _HEADER_EXACT[text]
    if text in {"序号", "编号", "序"}:
        return None
    for words, field in _HEADER_CONTAINS:
        if any(word in text for word in words):
            return field
    return None


def recognise_header(cells: Sequence[str | None]) -> dict[ListField, int]:
    """Map fields to the 0-based column that holds them; the first column naming a field wins."""
    mapping: dict[ListField, int] = {}
    for index, cell in enumerate(cells):
        field = recognise_header_cell(cell)
        if field is not None and field not in mapping:
            mapping[field] = index
    return mapping


def header_notes(cells: Sequence[str | None], used: dict[ListField, int]) -> list[str]:
    """For each field named by more than one header cell, which column is used (the first), so
    a file with two 村名 columns says so instead of quietly reading one of them."""
    by_field: dict[ListField, list[int]] = {}
    for index, cell in enumerate(cells):
        f = recognise_header_cell(cell)
        if f is not None:
            by_field.setdefault(f, []).append(index)
    notes: list[str] = []
    for f, columns in by_field.items():
        if len(columns) < 2 or used.get(f) is None:
            continue
        chosen = used[f]
        listed = "、".join(f"第 {i + 1} 列“{cells[i]}”" for i in columns)
        notes.append(
            f"表头有 {len(columns)} 列都表示{FIELD_LABELS[f]}（{listed}），"
            f"使用第 {chosen + 1} 列“{cells[chosen]}”，其余列未读取"
        )
    return notes


FIELD_LABELS: dict[ListField, str] = {
    ListField.TOWNSHIP: "乡镇",
    ListField.VILLAGE: "村名",
    ListField.COUNT: "数量",
    ListField.NOTES: "备注",
    ListField.CHANNEL: "渠道",
    ListField.CODE: "代码",
}
