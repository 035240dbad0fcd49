"""Deadlines and the three-colour warning."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from app.domain.deadlines import (
    DeadlineSettings,
    WarningColour,
    WarningSettings,
    add_months,
    clue_feedback_deadline,
    colour_for_days_left,
    days_left,
    days_left_zh,
    fix_now_deadline,
    warning_colour,
)

TODAY = date(2026, 11, 27)


@pytest.mark.parametrize(
    ("left", "colour"),
    [
        (25, WarningColour.NONE),
        (21, WarningColour.NONE),
        (20, WarningColour.GREEN),
        (15, WarningColour.GREEN),
        (11, WarningColour.GREEN),
        (10, WarningColour.YELLOW),
        (5, WarningColour.YELLOW),
        (0, WarningColour.YELLOW),
        (-1, WarningColour.RED),
        (-30, WarningColour.RED),
    ],
)
def test_default_colours(left: int, colour: WarningColour) -> None:
    assert colour_for_days_left(left) is colour
    assert warning_colour(TODAY + timedelta(days=left), TODAY) is colour


@pytest.mark.parametrize(
    ("left", "colour"),
    [
        (100, WarningColour.GREEN),
        (4, WarningColour.GREEN),
        (3, WarningColour.YELLOW),
        (1, WarningColour.YELLOW),
        (0, WarningColour.RED),
    ],
)
def test_custom_settings(left: int, colour: WarningColour) -> None:
    settings = WarningSettings(green_within_days=None, yellow_within_days=3, red_within_days=0)
    assert colour_for_days_left(left, settings) is colour


def test_closed_or_without_deadline_is_none() -> None:
    overdue = TODAY - timedelta(days=5)
    assert warning_colour(overdue, TODAY, closed=True) is WarningColour.NONE
    assert warning_colour(None, TODAY) is WarningColour.NONE


@pytest.mark.parametrize(
    "kwargs",
    [
        {"yellow_within_days": 10, "red_within_days": 10},
        {"green_within_days": 10, "yellow_within_days": 10},
    ],
)
def test_bad_warning_settings(kwargs: dict[str, int]) -> None:
    with pytest.raises(ValueError):
        WarningSettings(**kwargs)


def test_colour_labels() -> None:
    assert [c.label for c in WarningColour] == ["未到预警期", "绿色预警", "黄色预警", "红色预警"]


@pytest.mark.parametrize(
    ("deadline", "left"),
    [(date(2026, 12, 7), 10), (TODAY, 0), (date(2026, 11, 26), -1), (date(2027, 1, 1), 35)],
)
def test_days_left(deadline: date, left: int) -> None:
    assert days_left(deadline, TODAY) == left


@pytest.mark.parametrize(
    ("left", "text"), [(5, "剩余 5 天"), (1, "剩余 1 天"), (0, "今日到期"), (-3, "已超期 3 天")]
)
def test_days_left_zh(left: int, text: str) -> None:
    assert days_left_zh(left) == text


@pytest.mark.parametrize(
    ("start", "months", "expected"),
    [
        (date(2026, 1, 15), 3, date(2026, 4, 15)),
        (date(2026, 11, 27), 3, date(2027, 2, 27)),
        (date(2026, 11, 30), 3, date(2027, 2, 28)),
        (date(2027, 11, 30), 3, date(2028, 2, 29)),  # leap year
        (date(2026, 10, 31), 1, date(2026, 11, 30)),
        (date(2026, 12, 31), 12, date(2027, 12, 31)),
    ],
)
def test_add_months(start: date, months: int, expected: date) -> None:
    assert add_months(start, months) == expected


def test_default_fix_now_deadline_is_seven_days() -> None:
    assert fix_now_deadline(date(2026, 11, 27)) == date(2026, 12, 4)
    assert fix_now_deadline(date(2026, 11, 27), DeadlineSettings(fix_now_days=15)) == date(
        2026, 12, 12
    )


def test_default_clue_feedback_deadline_is_three_months() -> None:
    assert clue_feedback_deadline(date(2026, 11, 30)) == date(2027, 2, 28)
    assert clue_feedback_deadline(
        date(2026, 1, 10), DeadlineSettings(clue_feedback_months=1)
    ) == date(2026, 2, 10)


def test_bad_deadline_settings() -> None:
    with pytest.raises(ValueError):
        DeadlineSettings(fix_now_days=0)
