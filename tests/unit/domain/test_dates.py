"""Dates as people type them, and the dates that need a second look."""

from __future__ import annotations

from datetime import date, datetime, time

import pytest

from app.domain.dates import DateLimits, date_concern, parse_date, parse_datetime, parse_time

TODAY = date(2026, 11, 27)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2026-12-01", date(2026, 12, 1)),
        ("20261201", date(2026, 12, 1)),
        ("12-01", date(2026, 12, 1)),
        ("2026/12/1", date(2026, 12, 1)),
        ("2026.1.5", date(2026, 1, 5)),
        ("2026年12月1日", date(2026, 12, 1)),
        ("12月1日", date(2026, 12, 1)),
        ("1201", date(2026, 12, 1)),
        ("１２－０１", date(2026, 12, 1)),
        (" 2026-12-01 ", date(2026, 12, 1)),
    ],
)
def test_the_forms_people_type_read_as_the_date(text: str, expected: date) -> None:
    assert parse_date(text, TODAY) == expected


@pytest.mark.parametrize("text", ["", "2026-13-01", "2026-02-30", "abc", "123", "12-32", "1990"])
def test_what_is_not_a_date_reads_as_none(text: str) -> None:
    assert parse_date(text, TODAY) is None


def test_a_date_without_a_year_takes_the_year_nearest_today() -> None:
    assert parse_date("12-30", date(2027, 1, 2)) == date(2026, 12, 30)
    assert parse_date("01-03", date(2026, 12, 30)) == date(2027, 1, 3)
    assert parse_date("06-01", date(2026, 11, 27)) == date(2026, 6, 1)


def _time(text: str) -> time:
    parsed = parse_time(text)
    assert parsed is not None
    return parsed


def test_times_and_date_times() -> None:
    now = datetime(2026, 11, 27, 16, 5)
    assert _time("14:30").hour == 14
    assert _time("1430").minute == 30
    assert _time("9").hour == 9
    assert parse_time("24:00") is None
    assert parse_datetime("2026-12-01 14:30", now) == datetime(2026, 12, 1, 14, 30)
    assert parse_datetime("20261201 1430", now) == datetime(2026, 12, 1, 14, 30)
    assert parse_datetime("11-26 9:05", now) == datetime(2026, 11, 26, 9, 5)
    assert parse_datetime("14:30", now) == datetime(2026, 11, 27, 14, 30)
    assert parse_datetime("11-20", now) == datetime(2026, 11, 20, 16, 5)
    assert parse_datetime("2026-12-01T08:00", now) == datetime(2026, 12, 1, 8, 0)
    assert parse_datetime("tomorrow", now) is None
    assert parse_datetime("2026-12-01 25:00", now) is None


def test_dates_outside_the_round_or_far_back_are_named() -> None:
    limits = DateLimits(date(2026, 11, 1), date(2026, 12, 31), max_days_back=30)
    assert date_concern(date(2026, 11, 20), TODAY, limits) == ""
    assert "早于本轮巡察开始日期" in date_concern(date(2026, 10, 30), TODAY, limits)
    assert "1990年1月1日" in date_concern(date(1990, 1, 1), TODAY, limits)
    assert "晚于今天" in date_concern(date(2026, 11, 28), TODAY, limits)
    free = DateLimits(max_days_back=30)
    assert "超过了30天" in date_concern(date(2026, 10, 1), TODAY, free)
    assert date_concern(date(2026, 10, 1), TODAY, DateLimits(max_days_back=0)) == ""
    deadline = DateLimits(date(2026, 11, 1), date(2026, 11, 30), deadline=True)
    assert date_concern(date(2026, 12, 27), TODAY, deadline) == ""  # past the round: normal
    assert "早于今天" in date_concern(date(2026, 11, 20), TODAY, deadline)
