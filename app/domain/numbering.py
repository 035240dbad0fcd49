"""Document numbers (发文字号): 机关代字〔2026〕7号, consecutive per year, no gap, no duplicate.

A *series* is one 机关代字 (the team's ``doc_prefix``) and one year. 立行立改通知书 and
问题线索移交 of a team share the series (one register of outgoing papers), numbered from 1 in the
order they are issued. The year is the year of the issue (transfer) date.

Who issues numbers (see :mod:`app.services.followup.numbering` for how it is enforced): only
the team's numbering device — the leader's laptop, where the evening wrap-up is signed off —
issues numbers.
This module holds the pure rules: formatting, reading a number back, the next serial, and the
check that a series has no gap and no duplicate.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

from app.domain.errors import UserError

NUMBER_RE = re.compile(r"^(?P<prefix>.+?)\u3014(?P<year>\d{4})\u3015(?P<serial>[1-9]\d*)号$")
"""机关代字〔YYYY〕N号 with U+3014/U+3015, a four-digit year and no leading zero."""


class NumberingError(UserError, ValueError):
    """A number that cannot be issued or read (Chinese message)."""


def format_number(prefix: str, year: int, serial: int) -> str:
    """机关代字〔2026〕7号."""
    code = prefix.strip()
    if not code:
        raise NumberingError("未设置机关代字：请在巡察组信息中填写发文机关代字。")
    if not 1000 <= year <= 9999:
        raise NumberingError("年份须为四位数。")
    if serial < 1:
        raise NumberingError("文号序号从1开始。")
    return f"{code}\u3014{year}\u3015{serial}号"


@dataclass(frozen=True)
class ParsedNumber:
    prefix: str
    year: int
    serial: int


def parse_number(text: str) -> ParsedNumber:
    m = NUMBER_RE.match(text.strip())
    if m is None:
        raise NumberingError(f"文号格式不对：{text}")
    return ParsedNumber(m["prefix"], int(m["year"]), int(m["serial"]))


def next_serial(last_issued: int, used: Iterable[int]) -> int:
    """The serial after both the device's counter and every number already in the series."""
    return max([last_issued, *used], default=0) + 1


@dataclass(frozen=True)
class SeriesReport:
    """What is wrong with one series: missing serials and serials used more than once."""

    prefix: str
    year: int
    count: int
    last: int
    gaps: tuple[int, ...]
    duplicates: tuple[int, ...]

    @property
    def ok(self) -> bool:
        return not self.gaps and not self.duplicates

    def describe(self) -> str:
        head = f"{self.prefix}〔{self.year}〕"
        if self.ok:
            return f"{head}共{self.count}号，1—{self.last}号连续，无重号。"
        parts = []
        if self.gaps:
            parts.append("缺号：" + "、".join(f"{n}号" for n in self.gaps))
        if self.duplicates:
            parts.append("重号：" + "、".join(f"{n}号" for n in self.duplicates))
        return head + "；".join(parts) + "。"


def check_series(prefix: str, year: int, serials: Iterable[int]) -> SeriesReport:
    """Gaps (1…max not used) and duplicates of one series."""
    counts = Counter(serials)
    last = max(counts, default=0)
    gaps = tuple(n for n in range(1, last + 1) if n not in counts)
    dups = tuple(sorted(n for n, k in counts.items() if k > 1))
    return SeriesReport(prefix, year, sum(counts.values()), last, gaps, dups)
