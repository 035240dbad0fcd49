"""Near-duplicate problem texts."""

from __future__ import annotations

import pytest

from app.domain.similarity import (
    DuplicateGroup,
    bigrams,
    group_near_duplicates,
    normalise_for_similarity,
    text_similarity,
)


def test_normalise_ignores_punctuation_space_and_width() -> None:
    assert normalise_for_similarity("自来水，停了 三天！ＡＢ。") == "自来水停了三天ab"


def test_bigrams() -> None:
    assert bigrams("王庄") == frozenset({"王庄"})
    assert bigrams("王") == frozenset({"王"})
    assert bigrams("，。") == frozenset()
    assert bigrams("自来水") == frozenset({"自来", "来水"})


@pytest.mark.parametrize(
    ("a", "b", "low", "high"),
    [
        ("村里自来水停了三天", "村里自来水停了三天", 1.0, 1.0),
        ("村里自来水停了三天，没人管。", "村里 自来水 停了三天 没人管", 1.0, 1.0),
        ("村里自来水停了三天，没人管。", "村里自来水已经停了三天了没人管", 0.7, 0.75),
        ("东头路灯不亮", "西头路面坑洼", 0.0, 0.3),
        ("", "", 0.0, 0.0),
    ],
)
def test_text_similarity(a: str, b: str, low: float, high: float) -> None:
    assert low <= text_similarity(a, b) <= high


PROBLEMS = [
    ("p1", "村里自来水停了三天，没人管。"),
    ("p2", "反映路灯不亮，晚上出门不方便"),
    ("p3", "村里自来水已经停了三天了没人管"),
    ("p4", "村干部不坐班，办事找不到人"),
    ("p5", "路灯不亮，晚上出门很不方便！"),
    ("p6", "自来水停了三天"),
    ("p7", ""),
    ("p8", "。。。"),
]


def test_groups_near_duplicates() -> None:
    groups = group_near_duplicates(PROBLEMS)
    # Single linkage: p3 and p6 (0.5) are grouped through p1.
    assert [group.ids for group in groups] == [("p1", "p3", "p6"), ("p2", "p5")]
    assert [group.weakest_link for group in groups] == [0.7059, 0.7826]


def test_threshold_is_configurable() -> None:
    assert group_near_duplicates(PROBLEMS, threshold=1.0) == []
    # p1–p3 0.72, p1–p6 0.71, p2–p5 0.78.
    stricter = group_near_duplicates(PROBLEMS, threshold=0.715)
    assert [group.ids for group in stricter] == [("p1", "p3"), ("p2", "p5")]
    strictest = group_near_duplicates(PROBLEMS, threshold=0.75)
    assert [group.ids for group in strictest] == [("p2", "p5")]


def test_identical_texts_group_with_full_similarity() -> None:
    assert group_near_duplicates([("a", "停电了"), ("b", "停电了！")]) == [
        DuplicateGroup(("a", "b"), 1.0)
    ]


def test_deterministic_order_follows_input() -> None:
    reordered = list(reversed(PROBLEMS))
    groups = group_near_duplicates(reordered)
    assert [group.ids for group in groups] == [("p6", "p3", "p1"), ("p5", "p2")]


def test_empty_texts_never_group() -> None:
    assert group_near_duplicates([("a", ""), ("b", ""), ("c", "，")]) == []


@pytest.mark.parametrize("threshold", [0.0, -0.1, 1.5])
def test_bad_threshold(threshold: float) -> None:
    with pytest.raises(ValueError):
        group_near_duplicates(PROBLEMS, threshold)
