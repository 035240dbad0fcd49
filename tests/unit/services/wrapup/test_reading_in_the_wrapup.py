"""The reading in the evening wrap-up: the team's model learns from signed-off days, candidates
span a village's open days, merges can be undone before sign-off."""

from __future__ import annotations

import re
from datetime import date, datetime, time, timedelta

import pytest
from sqlmodel import select

from app.domain.classify import suggest
from app.domain.learning import MIN_EVIDENCE
from app.domain.vocabulary import (
    ProblemCategory,
    ProblemStatus,
    SourceKind,
    Subcategory,
    Track,
    VisitMethod,
)
from app.services.reading import lesson_count, load_reader, reset_learning, team_model
from app.services.settings import load_settings
from app.services.wrapup.board import (
    Decision,
    WrapupRefused,
    default_decision,
    load_board,
    merge_candidates,
    merge_problems,
    undo_merge,
)
from app.services.wrapup.close import close_day, sort_problem
from app.storage.models import Problem, ProblemSource, SuggestionLesson, Township, Village
from app.storage.workspace import Workspace
from tests.conftest import PASSWORD
from tests.records import add_problem, add_visit

START = date(2026, 11, 2)
GARBAGE = [
    ("村口的垃圾池满了没人清", "垃圾堆在路边好几天了"),
    ("南头垃圾没人拉走，臭得很", "垃圾池子里的垃圾都溢出来了"),
    ("俺们组的垃圾一个月才清一回", "学校旁边的垃圾箱好久没人倒"),
]
NEW = "村西头的垃圾池满了，苍蝇成堆"


def village(ws: Workspace, name: str = "甲村") -> str:
    with ws.session() as s:
        town = s.exec(select(Township)).first()
        if town is None:
            town = Township(code="01", name="城关镇", party_committee="城关镇党委")
            s.add(town)
            s.flush()
        v = Village(township_id=town.id, code=f"01{len(name):03d}{name}", name=name)
        s.add(v)
        s.commit()
        return v.id


def raise_problem(ws: Workspace, village_id: str, text: str, day: date) -> str:
    visit = add_visit(
        ws,
        village_id=village_id,
        occurred_at=datetime.combine(day, time(9)),
        method=VisitMethod.GENERAL,
        notes="走访。",
    ).record_id
    return add_problem(
        ws,
        village_id=village_id,
        description=text,
        raised_on=day,
        source_kind=SourceKind.VISIT,
        source_id=visit,
    ).record_id


def file_as_ledger(ws: Workspace, day: date) -> None:
    settings = load_settings(ws)
    for row in load_board(ws, day).rows():
        if row.decision is None:
            d = default_decision(
                row.suggestion, day, settings, party_committee="城关镇党委", track=Track.LEDGER
            )
            sort_problem(ws, row.id, d)
    close_day(ws, day, PASSWORD)


def test_a_team_that_files_garbage_on_the_ledger_gets_that_suggestion_after_a_few_days(
    ws: Workspace,
) -> None:
    vid = village(ws)
    shipped = suggest(load_reader().read(NEW))
    assert shipped.track is Track.FIX_NOW
    suggested: list[Track] = []
    for n, (a, b) in enumerate(GARBAGE):
        day = START + timedelta(days=n)
        probe = raise_problem(ws, vid, NEW, day)
        row = load_board(ws, day).problems[probe]
        suggested.append(row.suggestion.track)
        if row.suggestion.learned:
            said = re.match(
                r"本组此前 (\d+) 次将类似问题归为对账销号（一般性问题·其他一般性问题）",
                row.suggestion.reason_zh,
            )
            assert said is not None and MIN_EVIDENCE <= int(said.group(1)) <= 3 * n
        raise_problem(ws, vid, a, day)
        raise_problem(ws, vid, b, day)
        file_as_ledger(ws, day)
    # day one: the shipped knowledge; once enough days were signed off: the team's own way
    assert suggested[0] is Track.FIX_NOW and suggested[-1] is Track.LEDGER
    assert lesson_count(ws) == 3 * len(GARBAGE)
    with ws.session() as s:
        kept = s.exec(select(SuggestionLesson).where(SuggestionLesson.kept)).all()
    assert kept == []  # every one of them was changed from the suggestion
    # the learned model can be reset: the shipped knowledge again
    assert reset_learning(ws) == 3 * len(GARBAGE)
    last = START + timedelta(days=len(GARBAGE))
    probe = raise_problem(ws, vid, NEW, last)
    assert load_board(ws, last).problems[probe].suggestion == shipped


def test_a_fresh_workspace_suggests_exactly_what_the_shipped_knowledge_says(
    ws: Workspace,
) -> None:
    vid = village(ws)
    texts = [NEW, "会计把修渠的钱拿去还了赌债", "三会一课不正常", "你们来了好"]
    ids = [raise_problem(ws, vid, t, START) for t in texts]
    board = load_board(ws, START)
    reader = load_reader()
    assert team_model(ws).size == 0
    for pid, text in zip(ids, texts, strict=True):
        assert board.problems[pid].suggestion == suggest(reader.read(text))


def test_an_amendment_rewrites_the_lesson(ws: Workspace) -> None:
    vid = village(ws)
    pid = raise_problem(ws, vid, NEW, START)
    file_as_ledger(ws, START)
    with ws.session() as s:
        assert s.exec(select(SuggestionLesson)).one().track is Track.LEDGER
    d = Decision(Track.VERIFY)
    sort_problem(ws, pid, d, reason="情况不清，退回核实")
    assert lesson_count(ws) == 0


def test_candidates_span_the_villages_open_days(ws: Workspace) -> None:
    vid = village(ws)
    other = village(ws, "乙村")
    first = raise_problem(ws, vid, "三组的水渠漏水严重，水到不了地头", START)
    later = START + timedelta(days=3)
    again = raise_problem(ws, vid, "俺们三组那条渠道到处渗水，浇地的水半道就漏没了", later)
    raise_problem(ws, vid, "一组的水渠漏水严重", later)  # another place: not the same
    raise_problem(ws, other, "三组的水渠漏水严重", later)  # another village
    cands = merge_candidates(ws, later)
    assert [c.ids for c in cands] == [(first, again)]
    assert cands[0].reason == "同一水渠、同一问题（渗漏）、地点一致（3组）"


def test_undo_of_a_merge_before_sign_off(ws: Workspace) -> None:
    vid = village(ws)
    a = raise_problem(ws, vid, "村里的路灯坏了大半年了", START)
    b = raise_problem(ws, vid, "路灯好久都不亮了", START)
    c = raise_problem(ws, vid, "路灯晚上不亮，出门得打手电", START)
    merge_problems(ws, a, [b])
    merge_problems(ws, a, [c])
    assert load_board(ws, START).problems[a].voices == 3
    assert load_board(ws, START).problems[a].merged_count == 2
    undo_merge(ws, a)  # the latest merge only
    board = load_board(ws, START)
    assert c in board.problems and b not in board.problems and board.problems[a].voices == 2
    undo_merge(ws, a)
    board = load_board(ws, START)
    assert {a, b, c} <= set(board.problems) and all(board.problems[x].voices == 1 for x in (a, b))
    with ws.session() as s:
        links = s.exec(select(ProblemSource)).all()
        assert sorted(link.problem_id for link in links) == sorted([a, b, c])
        assert s.get_one(Problem, b).status is ProblemStatus.NEW
    with pytest.raises(WrapupRefused, match="没有可以撤销的合并"):
        undo_merge(ws, a)


def test_a_merge_into_a_problem_merged_later_undoes_step_by_step(ws: Workspace) -> None:
    vid = village(ws)
    a = raise_problem(ws, vid, "村里的路灯坏了", START)
    b = raise_problem(ws, vid, "路灯不亮", START)
    c = raise_problem(ws, vid, "路灯晚上不亮", START)
    merge_problems(ws, b, [c])
    merge_problems(ws, a, [b])
    undo_merge(ws, a)
    board = load_board(ws, START)
    assert board.problems[b].voices == 2 and c not in board.problems
    undo_merge(ws, b)
    assert load_board(ws, START).problems[c].voices == 1


def test_no_undo_once_the_day_is_signed_off(ws: Workspace) -> None:
    vid = village(ws)
    a = raise_problem(ws, vid, "村里的路灯坏了", START)
    b = raise_problem(ws, vid, "路灯不亮", START)
    merge_problems(ws, a, [b])
    settings = load_settings(ws)
    row = load_board(ws, START).problems[a]
    sort_problem(ws, a, default_decision(row.suggestion, START, settings))
    close_day(ws, START, PASSWORD)
    with pytest.raises(WrapupRefused, match="已签结"):
        undo_merge(ws, a)
    assert load_board(ws, START).problems[a].suggestion.category is ProblemCategory.LIVELIHOOD
    assert load_board(ws, START).problems[a].suggestion.subcategory is Subcategory.POWER
