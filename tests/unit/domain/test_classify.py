"""The evening wrap-up suggestion."""

from __future__ import annotations

import pytest

from app.domain.classify import RULES, Suggestion, suggest
from app.domain.vocabulary import ProblemCategory, ReceivingBody, Subcategory, Track

LIV = ProblemCategory.LIVELIHOOD
CLUE = ProblemCategory.CLUE
GEN = ProblemCategory.GENERAL
S = Subcategory


@pytest.mark.parametrize(
    ("text", "category", "subcategory", "track", "words"),
    [
        # 民生 → 立行立改
        ("自来水停了三天没人管", LIV, S.WATER, Track.FIX_NOW, ("自来水",)),
        ("村里吃水难，饮水不安全", LIV, S.WATER, Track.FIX_NOW, ("吃水", "饮水")),
        ("水管冻裂停水", LIV, S.WATER, Track.FIX_NOW, ("水管", "停水")),
        ("经常停电，电压不稳", LIV, S.POWER, Track.FIX_NOW, ("停电", "电压")),
        ("路灯不亮", LIV, S.POWER, Track.FIX_NOW, ("路灯",)),
        ("修路灯的事一直没人办", LIV, S.POWER, Track.FIX_NOW, ("路灯",)),  # not 修路
        ("村道上修路灯", LIV, S.POWER, Track.FIX_NOW, ("路灯",)),  # 路灯 hides 修路
        ("天然气一直没通", LIV, S.GAS, Track.FIX_NOW, ("天然气",)),
        ("煤气罐放在路边", LIV, S.GAS, Track.FIX_NOW, ("煤气",)),
        ("路面坑洼，下雨出不了门", LIV, S.ROAD, Track.FIX_NOW, ("路面", "坑洼")),
        ("盼着修路", LIV, S.ROAD, Track.FIX_NOW, ("修路",)),
        ("机井坏了浇不了地", LIV, S.WELL, Track.FIX_NOW, ("机井",)),
        ("井盖丢了", LIV, S.WELL, Track.FIX_NOW, ("井盖",)),
        ("吃水井坏了", LIV, S.WELL, Track.FIX_NOW, ("水井",)),  # 井 beats 吃水
        ("村东危桥没人修", LIV, S.BRIDGE, Track.FIX_NOW, ("危桥",)),
        ("河上的桥塌了", LIV, S.BRIDGE, Track.FIX_NOW, ("桥塌",)),
        ("村口那座桥太窄", LIV, S.BRIDGE, Track.FIX_NOW, ("桥",)),
        ("张桥村路灯不亮", LIV, S.POWER, Track.FIX_NOW, ("路灯",)),  # 张桥村 is a place
        ("垃圾没人清运", LIV, S.LIVELIHOOD_OTHER, Track.FIX_NOW, ("垃圾",)),
        # 违纪违法问题线索 → 直查快办; clue words beat livelihood and general words.
        ("村干部挪用修路资金", CLUE, None, Track.FAST_INVESTIGATION, ("挪用",)),
        ("村会计贪污自来水改造款", CLUE, None, Track.FAST_INVESTIGATION, ("贪污",)),
        ("虚报冒领危房改造补贴", CLUE, None, Track.FAST_INVESTIGATION, ("虚报冒领",)),
        ("评低保优亲厚友", CLUE, None, Track.FAST_INVESTIGATION, ("优亲厚友",)),
        ("支书把低保给了自己亲属", CLUE, None, Track.FAST_INVESTIGATION, ("低保", "亲属")),
        ("办事吃拿卡要", CLUE, None, Track.FAST_INVESTIGATION, ("吃拿卡要",)),
        ("收受工程老板红包", CLUE, None, Track.FAST_INVESTIGATION, ("收受",)),
        ("套取项目资金", CLUE, None, Track.FAST_INVESTIGATION, ("套取",)),
        ("截留征地补偿款", CLUE, None, Track.FAST_INVESTIGATION, ("截留",)),
        ("村务公开栏里挪用的账没公布", CLUE, None, Track.FAST_INVESTIGATION, ("挪用",)),
        ("村霸强占坑塘", CLUE, None, Track.FAST_INVESTIGATION, ("村霸",)),
        # 一般性问题 → 对账销号
        ("三会一课不正常", GEN, S.PARTY_EDUCATION, Track.LEDGER, ("三会一课",)),
        ("党员多年没交党费", GEN, S.PARTY_EDUCATION, Track.LEDGER, ("党费",)),
        ("组织生活走过场", GEN, S.PARTY_EDUCATION, Track.LEDGER, ("组织生活",)),
        ("村干部不坐班", GEN, S.CADRE_MANAGEMENT, Track.LEDGER, ("坐班",)),
        ("没有考勤制度", GEN, S.CADRE_MANAGEMENT, Track.LEDGER, ("考勤",)),
        ("村务公开不及时", GEN, S.AFFAIRS_DISCLOSURE, Track.LEDGER, ("村务公开",)),
        ("财务公开栏是空的", GEN, S.AFFAIRS_DISCLOSURE, Track.LEDGER, ("财务公开", "公开栏")),
        (
            "村务公开栏没有公布修路账目",  # disclosure beats the road it is about
            GEN,
            S.AFFAIRS_DISCLOSURE,
            Track.LEDGER,
            ("村务公开", "公开栏", "账目"),
        ),
        ("集体资产底数不清", GEN, S.COLLECTIVE_ASSETS, Track.LEDGER, ("集体资产",)),
        ("三资管理混乱", GEN, S.COLLECTIVE_ASSETS, Track.LEDGER, ("三资",)),
        ("机动地承包合同到期未续", GEN, S.COLLECTIVE_ASSETS, Track.LEDGER, ("合同", "机动地")),
        # Full-width and spaces do not hide keywords.
        ("自 来 水　停了", LIV, S.WATER, Track.FIX_NOW, ("自来水",)),
    ],
)
def test_suggest(
    text: str,
    category: ProblemCategory,
    subcategory: Subcategory | None,
    track: Track,
    words: tuple[str, ...],
) -> None:
    result = suggest(text)
    assert (result.category, result.subcategory, result.track) == (category, subcategory, track)
    assert set(result.matched_words) == set(words)
    for word in words:
        assert f"“{word}”" in result.reason_zh


@pytest.mark.parametrize(
    "text",
    ["今天天气很好", "", "张桥村村民反映家里困难", "低保评定不公"],
)
def test_no_keyword_means_verify(text: str) -> None:
    assert suggest(text) == Suggestion(None, None, Track.VERIFY, (), "未匹配到关键词，需核实")


def test_low_income_without_relatives_is_not_a_clue() -> None:
    assert suggest("低保评定不公").track is Track.VERIFY


def test_reason_names_the_words_that_lost() -> None:
    result = suggest("村干部挪用修路资金")
    assert result.reason_zh == (
        "匹配到“挪用”，归为违纪违法问题线索，建议直查快办；另匹配到“修路”（路），按优先级取前者"
    )


def test_reason_for_livelihood() -> None:
    assert suggest("路灯不亮").reason_zh == "匹配到“路灯”，归为民生问题（电），建议立行立改"


@pytest.mark.parametrize(
    ("text", "body"),
    [
        ("村干部挪用修路资金", ReceivingBody.DISCIPLINE_COMMISSION),
        ("村霸欺压群众", ReceivingBody.POLICE),
        ("自来水停了", None),
    ],
)
def test_receiving_body(text: str, body: ReceivingBody | None) -> None:
    assert suggest(text).receiving_body is body


def test_matched_words_in_text_order() -> None:
    assert suggest("坑洼的路面").matched_words == ("坑洼", "路面")


def test_table_is_consistent_with_vocabulary() -> None:
    for rule in RULES:
        assert rule.keywords
        if rule.subcategory is not None:
            assert rule.subcategory.category is rule.category
        expected_track = {
            ProblemCategory.LIVELIHOOD: Track.FIX_NOW,
            ProblemCategory.CLUE: Track.FAST_INVESTIGATION,
            ProblemCategory.GENERAL: Track.LEDGER,
        }[rule.category]
        assert rule.track is expected_track
