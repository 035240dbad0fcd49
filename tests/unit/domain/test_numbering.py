"""Document numbers: form, reading back, next serial, gaps and duplicates."""

from __future__ import annotations

import re

import pytest

from app.domain.numbering import (
    NumberingError,
    check_series,
    format_number,
    next_serial,
    parse_number,
)

PATTERN = re.compile(r"〔\d{4}〕\d+号$")


def test_form() -> None:
    n = format_number("淮巡立改", 2026, 7)
    assert n == "淮巡立改〔2026〕7号" and PATTERN.search(n)
    assert parse_number(n).serial == 7 and parse_number(n).prefix == "淮巡立改"
    for bad in ("淮巡立改[2026]7号", "淮巡立改〔26〕7号", "淮巡立改〔2026〕07号"):
        with pytest.raises(NumberingError):
            parse_number(bad)
    with pytest.raises(NumberingError, match="机关代字"):
        format_number(" ", 2026, 1)
    with pytest.raises(NumberingError):
        format_number("淮巡立改", 2026, 0)


def test_next_serial_after_counter_and_every_used_number() -> None:
    assert next_serial(0, []) == 1
    assert next_serial(5, [1, 2, 3]) == 6  # the counter never goes back
    assert next_serial(2, [1, 2, 3, 9]) == 10  # nor below a number already in the register


def test_series_report() -> None:
    ok = check_series("淮巡立改", 2026, [1, 2, 3])
    assert ok.ok and "1—3号连续" in ok.describe()
    bad = check_series("淮巡立改", 2026, [1, 3, 3, 5])
    assert bad.gaps == (2, 4) and bad.duplicates == (3,)
    assert "缺号：2号、4号" in bad.describe() and "重号：3号" in bad.describe()
