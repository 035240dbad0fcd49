"""Merging from the reading: the same problem in other words meets, look-alikes stay apart, and
the reason is said in words."""

from __future__ import annotations

import pytest

from app.domain.merge import compare, merge_groups
from app.domain.reading import Reader
from app.services.reading import load_reader


@pytest.fixture(scope="module")
def reader() -> Reader:
    return load_reader()


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("三组的水渠漏水严重，水到不了地头", "俺们三组那条渠道到处渗水，浇地的水半道就漏没了"),
        ("村里的路灯坏了大半年了", "路灯好久都不亮了，晚上出门得打手电"),
        ("修水渠的发票写三万，实际只用了八千", "那条水渠花了八千块钱，账上却报了三万"),
        ("村干部从来不坐班，办事找不着人", "村部天天锁门，村干部不坐班"),
    ],
)
def test_paraphrases_meet(reader: Reader, a: str, b: str) -> None:
    result = compare(reader.read(a), reader.read(b))
    assert result.same, result.reason
    assert "相似度" not in result.reason


def test_the_reason_names_object_defect_and_place(reader: Reader) -> None:
    result = compare(reader.read("三组的水渠漏水"), reader.read("三组那条渠道到处渗水"))
    assert result.reason == "同一水渠、同一问题（渗漏）、地点一致（3组）"


@pytest.mark.parametrize(
    ("a", "b", "conflict"),
    [
        ("一组的水渠漏水严重", "三组的水渠漏水严重", "地点不同（1组/3组）"),
        ("村口的路灯坏了", "村西头的路灯坏了", "地点不同"),
        ("会计贪污了村里的集体资金", "书记贪污了村里的集体资金", "人员不同（会计/书记）"),
        ("王某把鱼塘包给了小舅子", "李某把鱼塘包给了小舅子", "人员不同"),
        ("三组的水渠漏水", "三组的水管漏水", "对象不同（水渠/水管）"),
        ("村口的减速带坏了", "村口的警示牌坏了", "对象不同"),
        ("修桥花了五万，账上报了二十万", "修桥花了五万，账上报了十二万", "金额不同"),
        ("三组的水渠漏水", "三组的水渠堵了", "问题不同"),
    ],
)
def test_a_conflict_in_place_person_object_amount_or_defect_keeps_them_apart(
    reader: Reader, a: str, b: str, conflict: str
) -> None:
    result = compare(reader.read(a), reader.read(b))
    assert not result.same
    assert result.reason.startswith("不是同一问题：") and conflict in result.reason


def test_a_clue_and_a_repair_of_the_same_canal_are_two_problems(reader: Reader) -> None:
    result = compare(reader.read("三组的水渠漏水"), reader.read("修三组水渠的钱被会计贪了"))
    assert not result.same and "问题线索" in result.reason


def test_groups_never_chain_through_a_third(reader: Reader) -> None:
    items = [
        ("a", reader.read("一组的水渠漏水")),
        ("b", reader.read("水渠漏水严重")),  # alike to both a and c
        ("c", reader.read("三组的水渠漏水")),
        ("d", reader.read("村里的路灯坏了")),
        ("e", reader.read("路灯不亮了好几个月")),
    ]
    groups = merge_groups(items)
    assert [g.ids for g in groups] == [("a", "b"), ("d", "e")]
    assert all("相似度" not in g.reason for g in groups)
