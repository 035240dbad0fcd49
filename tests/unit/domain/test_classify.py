"""The evening suggestion from the reading: tracks, categories, units, bodies, reasons in words.

The texts here are the issue's own examples and short cases of each rule; the labelled set of
tests/data is measured by tests/bench/bench_suggest.py (and guarded in test_labelled_set.py).
"""

from __future__ import annotations

import pytest

from app.domain.classify import Suggestion, format_amount, suggest
from app.domain.reading import Reader
from app.domain.vocabulary import ProblemCategory, ReceivingBody, Subcategory, Track
from app.services.reading import load_reader

LIV = ProblemCategory.LIVELIHOOD
CLUE = ProblemCategory.CLUE
GEN = ProblemCategory.GENERAL
S = Subcategory


@pytest.fixture(scope="module")
def reader() -> Reader:
    return load_reader()


def s(reader: Reader, text: str) -> Suggestion:
    return suggest(reader.read(text))


@pytest.mark.parametrize(
    ("text", "category", "subcategory", "unit"),
    [
        ("自来水停了三天没人管", LIV, S.WATER, "区水利局"),
        ("水管冻裂停水", LIV, S.WATER, "区水利局"),
        ("经常停电，电压不稳", LIV, S.POWER, "国网供电公司"),
        ("路灯不亮", LIV, S.POWER, "国网供电公司"),
        ("张桥村路灯不亮", LIV, S.POWER, "国网供电公司"),  # 张桥村 is a place, not a bridge
        ("天然气一直没通", LIV, S.GAS, "区住房和城乡建设局"),
        ("路面坑洼，下雨出不了门", LIV, S.ROAD, "区交通运输局"),
        ("机井坏了浇不了地", LIV, S.WELL, "区水利局"),
        ("井盖丢了", LIV, S.WELL, "区水利局"),
        ("村东危桥没人修", LIV, S.BRIDGE, "区交通运输局"),
        ("三组的水渠漏得厉害", LIV, S.LIVELIHOOD_OTHER, "区水利局"),
        # the fields the old table did not know
        ("村卫生室一个礼拜开不了两天门", LIV, S.LIVELIHOOD_OTHER, "区卫生健康局"),
        ("村小的教室屋顶漏雨", LIV, S.LIVELIHOOD_OTHER, "区教育局"),
        ("村里的大喇叭哑了快一年了", LIV, S.LIVELIHOOD_OTHER, "区文化广电和旅游局"),
        ("路口连个减速带都没有，大货车开得飞快", LIV, S.LIVELIHOOD_OTHER, "区交通运输局"),
        ("养猪场的粪水直接排进河里", LIV, S.LIVELIHOOD_OTHER, "区生态环境分局"),
        ("一到晚上电压低得很", LIV, S.POWER, "国网供电公司"),  # a defect that tells its field
    ],
)
def test_livelihood_goes_to_the_fields_unit(
    reader: Reader, text: str, category: ProblemCategory, subcategory: Subcategory, unit: str
) -> None:
    got = s(reader, text)
    assert (got.category, got.subcategory, got.track) == (category, subcategory, Track.FIX_NOW)
    assert got.responsible_unit == unit
    assert unit in got.reason_zh and "立行立改" in got.reason_zh


@pytest.mark.parametrize(
    "text",
    [
        # the examples: clues told without the listed words
        "发票写三万，实际只用了八千",
        "扶贫的钱拿去修了办公室",
        "鱼塘包给了他小舅子",
        "死了几年的人还在领钱",
        "不给好处就不盖章",
        # the words themselves, beating a facility in the same sentence
        "村干部挪用修路资金",
        "村会计贪污自来水改造款",
        "虚报冒领危房改造补贴",
        "支书把低保给了自己亲属",
        "村主任的侄子吃低保",
        "修水渠的工程给了书记的小舅子，水渠修完就漏",
        "三会一课说开过，签到表是会计一个人签的，误工补助也是他领的",
        "选村主任的时候每票给二百块",
    ],
)
def test_clues_outrank_livelihood_and_general_signals(reader: Reader, text: str) -> None:
    got = s(reader, text)
    assert (got.category, got.subcategory, got.track) == (CLUE, None, Track.FAST_INVESTIGATION)
    assert got.receiving_body is ReceivingBody.DISCIPLINE_COMMISSION
    assert "问题线索" in got.reason_zh


def test_the_reason_names_actor_act_amounts_and_the_facility_it_overrides(reader: Reader) -> None:
    got = s(reader, "三组的水渠，会计发票写三万，实际只用了八千")
    assert got.reason_zh.startswith("会计（行为人） + 虚报（3万/8千） → 问题线索")
    assert got.reason_zh.endswith("虽涉及水渠，按线索处理")


@pytest.mark.parametrize(
    "text",
    [
        "那个书记就是个村霸，谁不听他的就找人打谁",
        "村主任放高利贷，还不上就带人上门逼债",
        "村里有人开赌场，一晚上输赢好几万",
    ],
)
def test_violence_usury_and_gambling_go_to_the_police(reader: Reader, text: str) -> None:
    got = s(reader, text)
    assert got.track is Track.FAST_INVESTIGATION and got.receiving_body is ReceivingBody.POLICE
    assert "公安机关" in got.reason_zh


@pytest.mark.parametrize(
    ("text", "subcategory"),
    [
        ("三会一课不正常", S.PARTY_EDUCATION),
        ("党员多年没交党费", S.PARTY_EDUCATION),
        ("村干部不坐班", S.CADRE_MANAGEMENT),
        ("村干部上班时间打麻将", S.CADRE_MANAGEMENT),
        ("村务公开不及时", S.AFFAIRS_DISCLOSURE),
        ("修路花了多少钱从来没公布过", S.AFFAIRS_DISCLOSURE),  # disclosure beats the road
        ("集体资产底数不清", S.COLLECTIVE_ASSETS),
        ("机动地承包合同到期未续", S.COLLECTIVE_ASSETS),
        ("村规民约贴在墙上没人照着办", S.GENERAL_OTHER),
        ("红白事大操大办，彩礼要二十万", S.GENERAL_OTHER),
    ],
)
def test_general_problems_go_on_the_ledger(
    reader: Reader, text: str, subcategory: Subcategory
) -> None:
    got = s(reader, text)
    assert (got.category, got.subcategory, got.track) == (GEN, subcategory, Track.LEDGER)


def test_a_cadres_banquet_is_a_clue_but_a_villagers_is_a_ledger_matter(reader: Reader) -> None:
    assert s(reader, "书记家办酒席，大操大办收礼金").track is Track.FAST_INVESTIGATION
    assert s(reader, "村里红白事大操大办，相互攀比").track is Track.LEDGER


@pytest.mark.parametrize(
    ("text", "read", "missing"),
    [
        ("今天天气很好", "", "对象或设施"),
        ("", "", "对象或设施"),
        ("低保评得不公平", "低保（待遇）", "不当行为"),
        ("那个人不是个好东西，你们好好查查他", "", "问题性质"),
    ],
)
def test_nothing_placed_means_verify_and_says_what_is_missing(
    reader: Reader, text: str, read: str, missing: str
) -> None:
    got = s(reader, text)
    assert (got.category, got.subcategory, got.track) == (None, None, Track.VERIFY)
    assert got.reason_zh.startswith("待核实：")
    assert read in got.reason_zh
    assert missing in got.reason_zh.split("未能读出", 1)[1]


def test_full_width_and_spaces_do_not_hide_words(reader: Reader) -> None:
    assert s(reader, "自 来 水　停了").subcategory is S.WATER


def test_quick_reading_without_the_segmenter_agrees_on_plain_cases() -> None:
    from app.domain.reading import Reader, shipped_lexicon

    quick = Reader(shipped_lexicon())
    assert suggest(quick.read("村会计贪污修路款")).track is Track.FAST_INVESTIGATION
    assert suggest(quick.read("路灯不亮")).subcategory is S.POWER


@pytest.mark.parametrize(
    ("value", "shown"), [(30000, "3万"), (8000, "8千"), (2500, "2500元"), (15000, "1.5万")]
)
def test_amounts_in_words(value: int, shown: str) -> None:
    assert format_amount(value) == shown
