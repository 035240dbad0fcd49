"""Dates and times as people type them, and the dates that deserve a second look.

:func:`parse_date` reads what a user types into a date field: ``2026-12-01``, ``2026/12/1``,
``2026.12.1``, ``20261201``, ``2026年12月1日``, and without a year ``12-01``, ``12/1``, ``1201``,
``12月1日``. A date without a year takes the year that puts it nearest to ``today`` (typing
``12-30`` on 2027-01-02 means 2026-12-30). :func:`parse_datetime` reads a date and a time
(``2026-12-01 14:30``, ``20261201 1430``, ``12-01 9:05``) or a time alone (``14:30``: today).

:func:`date_concern` says, in Chinese, why a date deserves a confirmation: it lies outside the
round's dates, more than a set number of days back, or in the future. Pure functions: no Qt, no
I/O.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, time

__all__ = [
    "DateLimits",
    "date_concern",
    "format_date",
    "format_datetime",
    "parse_date",
    "parse_datetime",
    "parse_time",
]

_FULL = re.compile(r"^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?$")
_SHORT = re.compile(r"^(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?$")
_TIME = re.compile(r"^(\d{1,2})\s*[:：时点]\s*(\d{1,2})?\s*分?$")
_WIDE = str.maketrans("０１２３４５６７８９－／．：　", "0123456789-/.: ")


def _normalise(text: str) -> str:
    return text.translate(_WIDE).strip()


def _make(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _nearest_year(month: int, day: int, today: date) -> date | None:
    """The date with this month and day nearest to ``today`` (last, this or next year)."""
    years = (today.year - 1, today.year, today.year + 1)
    options = [d for y in years if (d := _make(y, month, day)) is not None]
    if not options:
        return None
    return min(options, key=lambda d: (abs((d - today).days), d > today))


def parse_date(text: str, today: date | None = None) -> date | None:
    """The date ``text`` stands for, or None (see the module docstring for the forms read)."""
    today = today or date.today()
    s = _normalise(text)
    if not s:
        return None
    if s.isdigit():
        if len(s) == 8:
            return _make(int(s[:4]), int(s[4:6]), int(s[6:]))
        if len(s) == 4:
            return _nearest_year(int(s[:2]), int(s[2:]), today)
        return None
    m = _FULL.match(s)
    if m:
        return _make(int(m[1]), int(m[2]), int(m[3]))
    m = _SHORT.match(s)
    if m:
        return _nearest_year(int(m[1]), int(m[2]), today)
    return None


def parse_time(text: str) -> time | None:
    """``14:30``, ``1430``, ``930``, ``9``, ``14时30分`` → a time, or None."""
    s = _normalise(text)
    if not s:
        return None
    if s.isdigit():
        if len(s) <= 2:
            hour, minute = int(s), 0
        elif len(s) in (3, 4):
            hour, minute = int(s[:-2]), int(s[-2:])
        else:
            return None
    else:
        m = _TIME.match(s)
        if not m:
            return None
        hour, minute = int(m[1]), int(m[2] or 0)
    if not (0 <= hour <= 23 and 0 <= minute <= 59):
        return None
    return time(hour, minute)


def parse_datetime(text: str, now: datetime | None = None) -> datetime | None:
    """A date and a time (``2026-12-01 14:30``), or a time alone meaning today; else None.

    A date alone (no time) reads as that day at the time of ``now``.
    """
    now = now or datetime.now()
    s = _normalise(text)
    if not s:
        return None
    if "T" in s:
        s = s.replace("T", " ")
    parts = s.split()
    if len(parts) == 1:
        token = parts[0]
        if any(c in token for c in ":：时点"):
            t = parse_time(token)
            return None if t is None else datetime.combine(now.date(), t)
        d = parse_date(token, now.date())
        return None if d is None else datetime.combine(d, time(now.hour, now.minute))
    if len(parts) == 2:
        d = parse_date(parts[0], now.date())
        t = parse_time(parts[1])
        if d is None or t is None:
            return None
        return datetime.combine(d, t)
    return None


def format_date(d: date) -> str:
    return d.isoformat()


def format_datetime(dt: datetime) -> str:
    return dt.strftime("%Y-%m-%d %H:%M")


@dataclass(frozen=True)
class DateLimits:
    """What a date is checked against: the round's dates (when known) and how far back is usual.

    ``deadline``: the date is a deadline, which normally lies ahead (it may run past the round);
    otherwise it is the date something happened, which lies in the round and not ahead.
    """

    round_start: date | None = None
    round_end: date | None = None
    max_days_back: int = 30
    deadline: bool = False


def date_concern(d: date, today: date, limits: DateLimits) -> str:
    """Why ``d`` deserves a confirmation (a Chinese sentence), or "" when it looks right."""
    shown = _zh(d)
    if limits.deadline:
        if d < today:
            return f"时限{shown}早于今天。"
        if (d - today).days > 366:
            return f"时限{shown}在一年以后。"
        return ""
    if d > today:
        return f"{shown}晚于今天。"
    if limits.round_start is not None and d < limits.round_start:
        return f"{shown}早于本轮巡察开始日期（{_zh(limits.round_start)}）。"
    if limits.round_end is not None and d > limits.round_end:
        return f"{shown}晚于本轮巡察结束日期（{_zh(limits.round_end)}）。"
    back = (today - d).days
    if limits.max_days_back > 0 and back > limits.max_days_back:
        return f"{shown}是{back}天以前，超过了{limits.max_days_back}天。"
    return ""


def _zh(d: date) -> str:
    return f"{d.year}年{d.month}月{d.day}日"
