"""The line-breaking rules on synthetic widths (no fonts needed)."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from app.documents.linebreak import (
    CLOSING,
    OPENING,
    Unit,
    break_lines,
    is_closing,
    is_opening,
    split_units,
)

CELL = 10.0


def units_of(text: str) -> list[Unit]:
    return [
        Unit(p, CELL * sum(1.0 if ord(c) > 0x2000 else 0.5 for c in p)) for p in split_units(text)
    ]


def lines_text(text: str, cells: int = 10, first: int | None = None) -> list[str]:
    units = units_of(text)
    lines = break_lines(units, (first or cells) * CELL, cells * CELL)
    return ["".join(u.text for u in units[ln.start : ln.end]) for ln in lines]


def test_punctuation_classes() -> None:
    for c in "，。、；：？！）》」』】〕”’…—":
        assert is_closing(c), c
    for c in ",.;:?!)]":
        assert is_closing(c), c
    for c in "（《「『【〔“‘":
        assert is_opening(c), c
    assert not (CLOSING & OPENING)


def test_plain_text_fills_lines() -> None:
    assert lines_text("一二三四五六七八九十甲乙丙丁") == ["一二三四五六七八九十", "甲乙丙丁"]


def test_closing_mark_is_pulled_up_when_punctuation_can_be_compressed() -> None:
    # The 11th character is a comma; a comma inside the line gives the room.
    out = lines_text("一二，四五六七八九十，甲乙丙")
    assert out == ["一二，四五六七八九十，", "甲乙丙"]


def test_closing_mark_pushes_a_character_down_when_nothing_can_be_compressed() -> None:
    out = lines_text("一二三四五六七八九十。甲乙丙")
    assert out == ["一二三四五六七八九", "十。甲乙丙"]
    units = units_of("一二三四五六七八九十。甲乙丙")
    line = break_lines(units, 10 * CELL, 10 * CELL)[0]
    assert line.extra == CELL  # the short line is justified


def test_two_closing_marks_are_kept_together() -> None:
    out = lines_text("一二三四五六七八九十”。甲乙")
    assert out[1][0] not in CLOSING
    assert out[1].startswith("十”。")


def test_opening_mark_never_ends_a_line() -> None:
    out = lines_text("一二三四五六七八九《十一》")
    assert out[0] == "一二三四五六七八九"
    assert out[1].startswith("《")


def test_numbers_and_words_are_not_cut() -> None:
    assert split_units("于2026年9月") == ["于", "2026", "年", "9", "月"]
    assert split_units("GB/T 9704") == ["GB/", "T", " ", "9704"]
    assert split_units("电话：0000-12345678。") == ["电", "话", "：", "0000-", "12345678", "。"]
    assert split_units("等待……好——是") == ["等", "待", "……", "好", "——", "是"]


def test_first_line_width_is_used_for_the_indent() -> None:
    out = lines_text("一二三四五六七八九十甲乙丙丁", cells=10, first=8)
    assert out == ["一二三四五六七八", "九十甲乙丙丁"]


ALPHABET = "一二三四五六七八九十，。、；：？！）》”（《“…—ab12"


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=ALPHABET, min_size=1, max_size=120), st.integers(min_value=4, max_value=28))
def test_rules_hold_for_any_text(text: str, cells: int) -> None:
    units = units_of(text)
    lines = break_lines(units, cells * CELL, cells * CELL)
    # Every unit appears exactly once, in order.
    covered = [u for ln in lines for u in units[ln.start : ln.end]]
    assert "".join(u.text for u in covered) == "".join(u.text for u in units)
    for n, ln in enumerate(lines):
        content = units[ln.start : ln.end]
        assert content, "empty line"
        width = sum(u.width for u in content) - ln.squeeze
        assert width <= cells * CELL + 1e-6 or len(content) == 1
        # A rule is broken only when the neighbouring line is a single unit (nothing to move).
        if n > 0 and content[0].closing:
            prev = lines[n - 1]
            assert prev.end - prev.start == 1
        if n < len(lines) - 1 and content[-1].opening:
            assert len(content) == 1
