"""The learned model: it moves a suggestion only with enough evidence, says so, never moves a
clue towards a notice, and an empty model changes nothing."""

from __future__ import annotations

import pytest

from app.domain.classify import suggest
from app.domain.learning import MIN_EVIDENCE, Decided, Lesson, TeamModel, features
from app.domain.reading import Reader
from app.domain.vocabulary import ProblemCategory, Subcategory, Track
from app.services.reading import load_reader
from tests.labelled import complaints

LEDGER_OTHER = Decided(Track.LEDGER, ProblemCategory.GENERAL, Subcategory.GENERAL_OTHER)
GARBAGE = [
    "村口的垃圾池满了没人清",
    "垃圾堆在路边好几天了",
    "南头垃圾没人拉走，臭得很",
    "垃圾池子里的垃圾都溢出来了",
    "俺们组的垃圾一个月才清一回",
]


@pytest.fixture(scope="module")
def reader() -> Reader:
    return load_reader()


def lessons(reader: Reader, texts: list[str], decided: Decided) -> list[Lesson]:
    return [Lesson(features(reader.read(t)), decided) for t in texts]


def test_an_empty_model_is_the_shipped_knowledge_exactly(reader: Reader) -> None:
    model = TeamModel.train([])
    for c in complaints():
        r = reader.read(c.text)
        assert model.adjust(suggest(r), r) == suggest(r)


def test_a_suggestion_moves_only_with_enough_evidence_and_says_why(reader: Reader) -> None:
    text = "村西头的垃圾池满了，苍蝇成堆"
    shipped = suggest(reader.read(text))
    assert shipped.track is Track.FIX_NOW
    few = TeamModel.train(lessons(reader, GARBAGE[: MIN_EVIDENCE - 1], LEDGER_OTHER))
    assert few.adjust(shipped, reader.read(text)) == shipped
    enough = TeamModel.train(lessons(reader, GARBAGE, LEDGER_OTHER))
    moved = enough.adjust(shipped, reader.read(text))
    assert moved.learned and moved.track is Track.LEDGER
    assert (moved.category, moved.subcategory) == (
        ProblemCategory.GENERAL,
        Subcategory.GENERAL_OTHER,
    )
    assert moved.reason_zh.startswith("本组此前 ")
    assert "次将类似问题归为对账销号（一般性问题·其他一般性问题）；依据“" in moved.reason_zh
    assert "垃圾" in moved.reason_zh and "原建议：立行立改（民生问题·其他民生）" in moved.reason_zh
    # an unrelated problem keeps the shipped suggestion
    other = reader.read("村里的路灯坏了")
    assert enough.adjust(suggest(other), other) == suggest(other)


def test_contrary_decisions_keep_the_shipped_suggestion(reader: Reader) -> None:
    kept = Decided(Track.FIX_NOW, ProblemCategory.LIVELIHOOD, Subcategory.LIVELIHOOD_OTHER)
    mixed = lessons(reader, GARBAGE, LEDGER_OTHER) + lessons(reader, GARBAGE * 2, kept)
    model = TeamModel.train(mixed)
    r = reader.read("村西头的垃圾池满了，苍蝇成堆")
    assert model.adjust(suggest(r), r) == suggest(r)


def test_never_a_clue_towards_a_notice(reader: Reader) -> None:
    fix = Decided(Track.FIX_NOW, ProblemCategory.LIVELIHOOD, Subcategory.LIVELIHOOD_OTHER)
    texts = [
        "修水渠的钱被会计拿去修了自己家的房子",
        "水渠工程给了书记的小舅子，水渠漏水",
        "会计虚报了修水渠的工程款",
        "水渠的维修款被组长扣下了",
    ] * 3
    model = TeamModel.train(lessons(reader, texts, fix))
    r = reader.read("修水渠的钱被会计拿去还了赌债")
    shipped = suggest(r)
    assert shipped.track is Track.FAST_INVESTIGATION
    assert model.adjust(shipped, r) == shipped


def test_features_explain_in_words(reader: Reader) -> None:
    f = features(reader.read("三组的水渠漏水"))
    assert "对象:水渠" in f and "毛病:渗漏" in f and "领域:灌溉排水" in f
