from __future__ import annotations

import datetime as dt

import pytest

from app.domain.formats import (
    batch_ordinal,
    chinese_date,
    chinese_numeral,
    document_number,
    heading_number,
    ordinal,
    page_number,
)


def test_chinese_date_has_no_leading_zeros() -> None:
    assert chinese_date(dt.date(2026, 11, 27)) == "2026年11月27日"
    assert chinese_date(dt.date(2026, 7, 1)) == "2026年7月1日"
    assert chinese_date(dt.datetime(2027, 1, 9, 23, 59)) == "2027年1月9日"


def test_document_number_uses_tortoise_shell_brackets() -> None:
    number = document_number("区巡办", 2026, 7)
    assert number == "区巡办\u3014" + "2026\u30157号"
    assert number == "区巡办〔2026〕7号"
    assert document_number(" 区巡发 ", 2026, 12) == "区巡发〔2026〕12号"
    assert "[" not in number and "〔" in number and "〕" in number


@pytest.mark.parametrize(
    ("args", "message"),
    [(("", 2026, 1), "agency"), (("区巡办", 26, 1), "four digits"), (("区巡办", 2026, 0), "1")],
)
def test_document_number_rejects_bad_parts(args: tuple[str, int, int], message: str) -> None:
    with pytest.raises(ValueError, match=message):
        document_number(*args)


@pytest.mark.parametrize(
    ("n", "text"),
    [
        (1, "一"),
        (2, "二"),
        (10, "十"),
        (11, "十一"),
        (19, "十九"),
        (20, "二十"),
        (21, "二十一"),
        (99, "九十九"),
        (100, "一百"),
        (101, "一百零一"),
        (110, "一百一十"),
        (1005, "一千零五"),
        (10000, "一万"),
        (10010, "一万零一十"),
        (100000, "十万"),
    ],
)
def test_chinese_numeral(n: int, text: str) -> None:
    assert chinese_numeral(n) == text


def test_heading_numbers_per_level() -> None:
    assert heading_number(1, 1) == "一、"
    assert heading_number(1, 11) == "十一、"
    assert heading_number(2, 3) == "（三）"
    assert heading_number(2, 12) == "（十二）"
    assert heading_number(3, 4) == "4."
    assert heading_number(4, 2) == "（2）"
    with pytest.raises(ValueError):
        heading_number(5, 1)
    with pytest.raises(ValueError):
        heading_number(1, 0)


def test_ordinals_and_page_numbers() -> None:
    assert ordinal(1) == "第一"
    assert batch_ordinal(1) == "第一批"
    assert batch_ordinal(12) == "第十二批"
    assert batch_ordinal(3, "轮") == "第三轮"
    assert page_number(7) == "— 7 —"
    assert page_number(12) == "\u2014 12 \u2014"
