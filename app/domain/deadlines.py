"""Deadlines and the three-colour warning (三色预警).

``days_left = (deadline - today).days`` in calendar days: 0 means due today, -1 means one day
overdue.

With the default :class:`WarningSettings` (``green_within_days=20``, ``yellow_within_days=10``,
``red_within_days=-1``) the colour is:

=============  ==========  ==========================================
days left      colour      why
=============  ==========  ==========================================
25             NONE        more than 20 days left: no warning yet
20             GREEN       20 days left or fewer
15             GREEN
11             GREEN
10             YELLOW      10 days left or fewer (due today included)
5              YELLOW
0              YELLOW      due today, not yet overdue
-1             RED         overdue (``days_left ≤ red_within_days``)
=============  ==========  ==========================================

Formally: RED if ``days_left ≤ red_within_days``; else YELLOW if
``days_left ≤ yellow_within_days``; else GREEN if ``green_within_days`` is None or
``days_left ≤ green_within_days``; else NONE. An item that is closed, or has no deadline, is NONE.
Setting ``green_within_days=None`` shows every open item that is not yellow or red as green.

Default deadlines: an immediate-rectification notice is due 7 calendar days after it is issued; a
transferred clue expects feedback within 3 months (same day of the month, or the month's last day).
"""

from __future__ import annotations

import calendar
from dataclasses import dataclass
from datetime import date, timedelta

from app.domain.vocabulary import Labelled


class WarningColour(Labelled):
    NONE = "none", "未到预警期"
    GREEN = "green", "绿色预警"
    YELLOW = "yellow", "黄色预警"
    RED = "red", "红色预警"


@dataclass(frozen=True, slots=True)
class WarningSettings:
    """Thresholds of the three-colour warning, in days left (see the module docstring)."""

    green_within_days: int | None = 20
    yellow_within_days: int = 10
    red_within_days: int = -1

    def __post_init__(self) -> None:
        if self.red_within_days >= self.yellow_within_days:
            raise ValueError("红色预警天数须小于黄色预警天数")
        if self.green_within_days is not None and self.green_within_days <= self.yellow_within_days:
            raise ValueError("绿色预警天数须大于黄色预警天数")


@dataclass(frozen=True, slots=True)
class DeadlineSettings:
    """Default periods for new deadlines."""

    fix_now_days: int = 7
    clue_feedback_months: int = 3

    def __post_init__(self) -> None:
        if self.fix_now_days < 1 or self.clue_feedback_months < 1:
            raise ValueError("整改期限和反馈期限须为正数")


DEFAULT_WARNING = WarningSettings()
DEFAULT_DEADLINES = DeadlineSettings()


def days_left(deadline: date, today: date) -> int:
    """Calendar days from ``today`` to ``deadline``: 0 = due today, negative = overdue."""
    return (deadline - today).days


def warning_colour(
    deadline: date | None,
    today: date,
    settings: WarningSettings = DEFAULT_WARNING,
    *,
    closed: bool = False,
) -> WarningColour:
    """The colour of an item due on ``deadline`` as seen on ``today``."""
    if closed or deadline is None:
        return WarningColour.NONE
    return colour_for_days_left(days_left(deadline, today), settings)


def colour_for_days_left(left: int, settings: WarningSettings = DEFAULT_WARNING) -> WarningColour:
    """The colour for ``left`` days left (see the table in the module docstring)."""
    if left <= settings.red_within_days:
        return WarningColour.RED
    if left <= settings.yellow_within_days:
        return WarningColour.YELLOW
    if settings.green_within_days is None or left <= settings.green_within_days:
        return WarningColour.GREEN
    return WarningColour.NONE


def days_left_zh(left: int) -> str:
    """A short Chinese phrase: 剩余 5 天 / 今日到期 / 已超期 3 天."""
    if left > 0:
        return f"剩余 {left} 天"
    if left == 0:
        return "今日到期"
    return f"已超期 {-left} 天"


def add_months(start: date, months: int) -> date:
    """The same day ``months`` later, or that month's last day.

    11月30日 + 3 months → 2月28日 (2月29日 in a leap year).
    """
    index = start.month - 1 + months
    year, month = start.year + index // 12, index % 12 + 1
    day = min(start.day, calendar.monthrange(year, month)[1])
    return date(year, month, day)


def fix_now_deadline(issued: date, settings: DeadlineSettings = DEFAULT_DEADLINES) -> date:
    """Default deadline of an immediate-rectification notice (立行立改): issue date + 7 days."""
    return issued + timedelta(days=settings.fix_now_days)


def clue_feedback_deadline(
    transferred: date, settings: DeadlineSettings = DEFAULT_DEADLINES
) -> date:
    """Default feedback deadline of a transferred clue (问题线索移交): transfer date + 3 months."""
    return add_months(transferred, settings.clue_feedback_months)
