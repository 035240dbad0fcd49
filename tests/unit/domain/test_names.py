"""Township and village name normalisation and matching."""

from __future__ import annotations

import pytest

from app.domain.names import (
    MatchKind,
    RegistryVillage,
    VillageMatcher,
    clean_name,
    township_key,
    village_key,
)


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("王庄", "王庄"),
        ("  王 庄　", "王庄"),  # ASCII space inside, U+3000 after
        ("ＡＢ村１２", "AB村12"),  # full-width letters and digits
        ("王庄村（社区）", "王庄村(社区)"),
        ("王庄【一组】", "王庄(一组)"),
        ("〔王庄〕", "(王庄)"),
        ("王\u200b庄", "王庄"),  # zero-width space from copy and paste
        ("王\t庄\n", "王庄"),
        (None, ""),
    ],
)
def test_clean_name(raw: str | None, expected: str) -> None:
    assert clean_name(raw) == expected


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("王庄", "王庄"),
        ("王庄村", "王庄"),
        ("王庄村委会", "王庄"),
        ("王庄村委", "王庄"),
        ("王庄村民委员会", "王庄"),
        ("王庄社区", "王庄"),
        ("王庄社区居委会", "王庄"),
        ("王庄社区居民委员会", "王庄"),
        ("王庄居委会", "王庄"),
        ("王庄村党支部", "王庄"),
        ("王庄村党总支", "王庄"),
        ("王庄村（社区）", "王庄"),
        ("王庄(村)", "王庄"),
        ("　王 庄 村 ", "王庄"),
        # A proper name that ends in 村 keeps it: the stem never gets shorter than two characters.
        ("新村", "新村"),
        ("张村", "张村"),
        ("村", "村"),
        ("新村村", "新村"),
        ("新村村委会", "新村"),
        ("新村委会", "新村"),  # the committee word would leave 新: its 村 is part of the name
        ("新村村民委员会", "新村"),
        ("新社区", "新社区"),
        # Longer names ending in 村 reduce the same way whatever is appended.
        ("后新村", "后新"),
        ("后新村村委会", "后新"),
        ("", ""),
        ("   ", ""),
    ],
)
def test_village_key(raw: str, expected: str) -> None:
    assert village_key(raw) == expected


@pytest.mark.parametrize("raw", ["新村", "村", "张村", "新社区"])
def test_village_key_is_never_empty_for_a_name(raw: str) -> None:
    assert village_key(raw)


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("城关镇", "城关"),
        ("城关", "城关"),
        ("城关镇人民政府", "城关"),
        ("城关街道", "城关"),
        ("城关街道办事处", "城关"),
        ("城关街道办", "城关"),
        ("城关镇党委", "城关"),
        ("城关 镇", "城关"),
        ("王店乡", "王店"),
        ("王店乡人民政府", "王店"),
        ("王店", "王店"),
        ("新乡镇", "新乡"),  # only one kind word is stripped
        ("城关(镇)", "城关"),
        (None, ""),
    ],
)
def test_township_key(raw: str | None, expected: str) -> None:
    assert township_key(raw) == expected


REGISTRY = [
    ("v1", "城关镇", "王庄村"),
    ("v2", "王店乡", "王庄村"),  # same name in another township
    ("v3", "城关镇", "李寨村"),
    ("v4", "王店乡", "新村"),
    ("v5", "白楼镇", "东关村"),
    ("v6", "白楼镇", "东关社区"),  # same key as 东关村 in the same township
    ("v7", "白楼镇", "前营村"),
]


@pytest.fixture
def matcher() -> VillageMatcher:
    return VillageMatcher(REGISTRY)


@pytest.mark.parametrize(
    ("township", "village", "kind", "village_id", "candidates", "reason"),
    [
        # Unique village name: no township needed, any spelling.
        ("城关镇", "李寨", MatchKind.MATCHED, "v3", (), "乡镇、村名一致"),
        (None, "李寨村委会", MatchKind.MATCHED, "v3", (), "村名唯一"),
        ("", "李寨村民委员会", MatchKind.MATCHED, "v3", (), "村名唯一"),
        (None, "新村", MatchKind.MATCHED, "v4", (), "村名唯一"),
        (None, "新村村委会", MatchKind.MATCHED, "v4", (), "村名唯一"),
        # Same name in two townships: the township decides, in any spelling.
        ("城关镇人民政府", "王庄村委会", MatchKind.MATCHED, "v1", (), "乡镇、村名一致"),
        ("城关街道办事处", "王庄", MatchKind.MATCHED, "v1", (), "乡镇、村名一致"),
        ("王店乡人民政府", "王庄村民委员会", MatchKind.MATCHED, "v2", (), "乡镇、村名一致"),
        ("王店", "王庄社区", MatchKind.MATCHED, "v2", (), "乡镇、村名一致"),
        (None, "王庄", MatchKind.AMBIGUOUS, None, ("v1", "v2"), "多个乡镇有同名村，需填写乡镇"),
        # A township that is not in the registry does not decide.
        ("白云乡", "王庄", MatchKind.AMBIGUOUS, None, ("v1", "v2"), "乡镇名不在名录中，需确认"),
        ("白云乡", "李寨", MatchKind.AMBIGUOUS, None, ("v3",), "乡镇名不在名录中，需确认"),
        # A known township without that village: a person must confirm.
        (
            "白楼镇",
            "王庄",
            MatchKind.AMBIGUOUS,
            None,
            ("v1", "v2"),
            "该乡镇下无此村，他乡镇有同名村",
        ),
        # Two villages with one key in one township: the exact spelling decides, else ambiguous.
        ("白楼镇", "东关社区", MatchKind.MATCHED, "v6", (), "乡镇、村名完全一致"),
        ("白楼镇", "东关村", MatchKind.MATCHED, "v5", (), "乡镇、村名完全一致"),
        ("白楼镇", "东关", MatchKind.AMBIGUOUS, None, ("v5", "v6"), "同一乡镇内有多个同名村"),
        # Unknown.
        ("城关镇", "赵楼村", MatchKind.UNKNOWN, None, (), "名录中无此村"),
        ("城关镇", "  ", MatchKind.UNKNOWN, None, (), "村名为空"),
        (None, None, MatchKind.UNKNOWN, None, (), "村名为空"),
    ],
)
def test_match(
    matcher: VillageMatcher,
    township: str | None,
    village: str | None,
    kind: MatchKind,
    village_id: str | None,
    candidates: tuple[str, ...],
    reason: str,
) -> None:
    result = matcher.match(township, village)
    assert (result.kind, result.village_id, result.candidates, result.reason) == (
        kind,
        village_id,
        candidates,
        reason,
    )


def test_matcher_accepts_registry_objects() -> None:
    matcher = VillageMatcher([RegistryVillage("x", "城关镇", "王庄村")])
    assert matcher.match("城关", "王庄").village_id == "x"
