"""Pure formatting helpers for printed documents (GB/T 9704 forms)."""

from __future__ import annotations

import datetime as dt

__all__ = [
    "batch_ordinal",
    "chinese_date",
    "chinese_numeral",
    "document_number",
    "heading_number",
    "ordinal",
    "page_number",
]

_DIGITS = "零一二三四五六七八九"
_SMALL_UNITS = ("", "十", "百", "千")
_BIG_UNITS = ("", "万", "亿", "万亿")


def _below_10000(n: int) -> str:
    """Chinese numeral of 0 < n < 10000 with the zeros read out (一千零五, 二百一十)."""
    parts: list[str] = []
    zero_pending = False
    for pos in range(3, -1, -1):
        d = (n // 10**pos) % 10
        if d == 0:
            if parts:
                zero_pending = True
            continue
        if zero_pending:
            parts.append("零")
            zero_pending = False
        parts.append(_DIGITS[d] + _SMALL_UNITS[pos])
    return "".join(parts)


def chinese_numeral(n: int) -> str:
    """Chinese numeral in counting form: 1 → 一, 10 → 十, 11 → 十一, 21 → 二十一, 105 → 一百零五."""
    if n < 0:
        raise ValueError("negative numbers have no Chinese numeral form here")
    if n == 0:
        return "零"
    groups: list[int] = []
    rest = n
    while rest:
        groups.append(rest % 10000)
        rest //= 10000
    if len(groups) > len(_BIG_UNITS):
        raise ValueError("number too large")
    text = ""
    need_zero = False
    for i in range(len(groups) - 1, -1, -1):
        g = groups[i]
        if g == 0:
            need_zero = bool(text)
            continue
        if text and (need_zero or g < 1000):
            text += "零"
        text += _below_10000(g) + _BIG_UNITS[i]
        need_zero = False
    # 一十 … 一十九 are read 十 … 十九 at the start.
    if text.startswith("一十"):
        text = text[1:]
    return text


def heading_number(level: int, n: int) -> str:
    """Sequence mark of a heading: level 1 一、 level 2 （一） level 3 1. level 4 （1）."""
    if n < 1:
        raise ValueError("heading numbers start at 1")
    if level == 1:
        return f"{chinese_numeral(n)}、"
    if level == 2:
        return f"（{chinese_numeral(n)}）"
    if level == 3:
        return f"{n}."
    if level == 4:
        return f"（{n}）"
    raise ValueError(f"heading level must be 1–4, not {level}")


def ordinal(n: int) -> str:
    """第一, 第十二 …"""
    if n < 1:
        raise ValueError("ordinals start at 1")
    return f"第{chinese_numeral(n)}"


def batch_ordinal(n: int, unit: str = "批") -> str:
    """第一批, 第二轮 (unit="轮") …"""
    return f"{ordinal(n)}{unit}"


def chinese_date(value: dt.date | dt.datetime) -> str:
    """2026年11月27日 (Arabic numerals, full year, no leading zeros)."""
    return f"{value.year}年{value.month}月{value.day}日"


def document_number(agency_code: str, year: int, serial: int) -> str:
    """发文字号: 机关代字〔2026〕7号 (U+3014/U+3015, full year, no leading zeros)."""
    code = agency_code.strip()
    if not code:
        raise ValueError("the agency code (机关代字) is empty")
    if not 1000 <= year <= 9999:
        raise ValueError("the year must have four digits")
    if serial < 1:
        raise ValueError("document serial numbers start at 1")
    return f"{code}\u3014{year}\u3015{serial}号"


def page_number(n: int) -> str:
    """Page number as printed: — 1 — (em dashes, half-width digits)."""
    return f"\u2014 {n} \u2014"
