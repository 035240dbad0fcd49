"""The reading of a problem's text, and the lexicon files it comes from."""

from __future__ import annotations

import pytest

from app.domain.reading import (
    LexiconError,
    Reader,
    chinese_number,
    normalise,
    parse_amount,
    parse_lexicon,
    shipped_lexicon,
    shipped_lexicon_texts,
)
from app.domain.vocabulary import ReceivingBody, Subcategory
from app.services.reading import last_load, load_reader


@pytest.fixture(scope="module")
def reader() -> Reader:
    return load_reader()


def test_the_reader_is_jieba_with_the_domain_dictionary(reader: Reader) -> None:
    info = last_load()
    assert reader.name == "jieba" and info is not None and info.segmenter == "jieba"
    # domain words stay whole
    assert "小舅子" in reader.read("鱼塘包给了他小舅子").tokens
    assert "水渠" in reader.read("三组村口的水渠漏水").tokens


def test_one_reading_holds_every_part(reader: Reader) -> None:
    r = reader.read("三组村口的水渠漏水，王会计把修渠的三万块钱拿去给他小舅子买了车")
    assert r.objects[0].name == "水渠"
    assert r.main_object is not None and r.main_object.concept.field is not None
    assert r.main_object.concept.field.subcategory is Subcategory.LIVELIHOOD_OTHER
    assert "渗漏" in {m.name for m in r.defects}
    assert "会计" in {m.name for m in r.actors} and "cadre" in r.roles
    assert r.groups == ("3组",) and "村口" in r.places
    assert r.names == ("王某",)
    assert r.amounts == (30000,)
    assert [m.word for m in r.kin] == ["小舅子"]
    assert {a.name for a in r.acts} >= {"挪用"}
    assert all(a.body is ReceivingBody.DISCIPLINE_COMMISSION for a in r.acts)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("三万", 30000),
        ("3万", 30000),
        ("1.5万元", 15000),
        ("八千", 8000),
        ("8000元", 8000),
        ("两千块", 2000),
        ("一万二", 12000),
        ("三千五", 3500),
        ("五百", 500),
        ("几万", None),
    ],
)
def test_amounts(text: str, value: int | None) -> None:
    assert parse_amount(text) == value


def test_chinese_numbers() -> None:
    assert chinese_number("十五") == 15
    assert chinese_number("二十") == 20
    assert chinese_number("一百零五") == 105
    assert chinese_number("两万") == 20000
    assert chinese_number("abc") is None


@pytest.mark.parametrize(
    ("text", "groups"),
    [("一组的路", ("1组",)), ("第三村民小组", ("3组",)), ("5组和6组", ("5组", "6组"))],
)
def test_village_groups(reader: Reader, text: str, groups: tuple[str, ...]) -> None:
    assert reader.read(text).groups == groups


def test_a_group_leader_is_not_a_group(reader: Reader) -> None:
    assert reader.read("三组组长把化肥卖了").groups == ("3组",)
    assert reader.read("小组长不管事").groups == ()


def test_masked_names_are_read_as_persons(reader: Reader) -> None:
    assert reader.read("张*说会计贪污").names == ("张某",)
    assert reader.read("李某某反映").names == ("李某",)


def test_an_act_needs_what_it_says_it_needs(reader: Reader) -> None:
    # 拿去 is an act only with money or a benefit
    assert not reader.read("把申请表拿去乡里盖章").acts
    assert [a.name for a in reader.read("扶贫的钱拿去修了办公室").acts] == ["挪用"]


def test_normalise_folds_full_width_and_spaces() -> None:
    assert normalise("自 来 水　停了，ＡＢ１,") == "自来水停了，AB1，"


def test_the_shipped_lexicon_parses_and_is_one_readable_format() -> None:
    lexicon = shipped_lexicon()
    assert len(lexicon.words) > 1500 and lexicon.patterns and lexicon.gapped
    assert {f.name for f in lexicon.fields.values()} >= {"饮水", "医疗卫生", "教育", "广播文化"}
    for name, text in shipped_lexicon_texts().items():
        assert text.startswith("#"), f"{name} starts with a comment saying what it holds"


def test_a_malformed_lexicon_line_is_named() -> None:
    with pytest.raises(LexiconError, match=r"x\.txt 第2行"):
        parse_lexicon({"x.txt": "# ok\n[nonsense]\n"})
    with pytest.raises(LexiconError, match="未知的小类"):
        parse_lexicon({"x.txt": "[field 水 sub=nope]\n水管\n"})
    with pytest.raises(LexiconError, match="正则表达式"):
        parse_lexicon({"a.txt": "[act 贪占]\n贪污\n", "p.txt": "[pattern 贪占]\n(unclosed\n"})


def test_an_edited_lexicon_changes_the_reading() -> None:
    texts = dict(shipped_lexicon_texts())
    texts["objects.txt"] += "\n[field 新领域 sub=water unit=某单位]\n稀罕物\n"
    lexicon = parse_lexicon(texts)
    r = Reader(lexicon).read("村里的稀罕物坏了")
    assert r.main_object is not None and r.main_object.concept.field is not None
    assert r.main_object.concept.field.unit == "某单位"
