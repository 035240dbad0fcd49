"""The evening wrap-up: the board, suggestions, sorting rules, merging voices, closing the day,
amendments after sign-off."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date, datetime, time, timedelta

import pytest
from sqlmodel import col, select

from app.domain.vocabulary import (
    EntryChannel,
    ProblemCategory,
    ProblemStatus,
    ReceivingBody,
    Role,
    SourceKind,
    Subcategory,
    Track,
    Urgency,
    VisitMethod,
    WrapupStatus,
)
from app.services.settings import load_settings, save_settings
from app.services.wrapup.board import (
    Decision,
    WrapupRefused,
    default_decision,
    load_board,
    merge_candidates,
    merge_problems,
    source_text,
    validate_decision,
)
from app.services.wrapup.close import close_day, sort_problem
from app.storage.models import (
    AuditEvent,
    ClueTransfer,
    DailyWrapup,
    LedgerItem,
    OpinionEntry,
    Person,
    Problem,
    ProblemSource,
    RectificationNotice,
    Township,
    Village,
    WrapupAmendment,
)
from app.storage.workspace import Workspace
from tests.conftest import PASSWORD
from tests.records import add_entry, add_problem, add_visit

DAY = date(2026, 11, 20)
PROTECTED = "欧阳秀兰"

TEXTS = {
    "well": "村东头机井损坏半年未修，群众浇地困难。",
    "well2": "村东头的机井损坏了半年没人修，群众浇地困难",
    "clue": "村会计挪用修路资金八万元。",
    "ledger": "三会一课记录不全，组织生活不规范。",
    "vague": "群众反映一些情况，需要进一步了解。",
    "water": f"自来水经常停水，{PROTECTED}家吃水困难。",
    "old": "村西小桥桥面破损，过往车辆危险。",
}


@dataclass
class Field:
    jia: str
    yi: str
    problems: dict[str, str]


def make_field(ws: Workspace, day: date = DAY) -> Field:
    """Two villages of one township, a day of records raising the problems in TEXTS."""
    with ws.session() as s:
        town = Township(code="01", name="城关镇", party_committee="城关镇党委")
        s.add(town)
        s.flush()
        jia = Village(township_id=town.id, code="01001", name="甲村")
        yi = Village(township_id=town.id, code="01002", name="乙村")
        s.add_all([jia, yi])
        writer = Person(name=PROTECTED, protected=True, village_id=yi.id)
        s.add(writer)
        s.commit()
        jia_id, yi_id, writer_id = jia.id, yi.id, writer.id
    at = datetime.combine(day, time(10))
    visit = add_visit(
        ws, village_id=jia_id, occurred_at=at, method=VisitMethod.GENERAL, notes="走访村民。"
    ).record_id
    visit_yi = add_visit(
        ws, village_id=yi_id, occurred_at=at, method=VisitMethod.OPEN_DOOR, notes="接待来访。"
    ).record_id
    entry = add_entry(
        ws,
        village_id=yi_id,
        channel=EntryChannel.OPINION_BOX,
        received_at=at,
        content=f"{PROTECTED}来信：{TEXTS['water']}",
    ).record_id
    with ws.session() as s:
        e = s.get_one(OpinionEntry, entry)
        e.anonymous, e.writer_id = False, writer_id
        s.add(e)
        s.commit()
    entry_jia = add_entry(
        ws, village_id=jia_id, channel=EntryChannel.LETTER, received_at=at, content="来信。"
    ).record_id
    problems: dict[str, str] = {}
    plan = {
        "well": (jia_id, SourceKind.VISIT, visit),
        "well2": (jia_id, SourceKind.ENTRY, entry_jia),
        "clue": (jia_id, SourceKind.VISIT, visit),
        "ledger": (yi_id, SourceKind.VISIT, visit_yi),
        "vague": (yi_id, SourceKind.VISIT, visit_yi),
        "water": (yi_id, SourceKind.ENTRY, entry),
    }
    for key, (vid, kind, source) in plan.items():
        problems[key] = add_problem(
            ws,
            village_id=vid,
            description=TEXTS[key],
            raised_on=day,
            source_kind=kind,
            source_id=source,
        ).record_id
    earlier = add_visit(  # two days before: its problem is still unsorted
        ws,
        village_id=jia_id,
        occurred_at=at - timedelta(days=2),
        method=VisitMethod.GENERAL,
        notes="前天的走访。",
    ).record_id
    problems["old"] = add_problem(
        ws,
        village_id=jia_id,
        description=TEXTS["old"],
        raised_on=day - timedelta(days=2),
        source_kind=SourceKind.VISIT,
        source_id=earlier,
    ).record_id
    return Field(jia_id, yi_id, problems)


def sort_all(ws: Workspace, day: date = DAY, skip: tuple[str, ...] = ()) -> None:
    """Accept the suggested decision for every unsorted problem on the board."""
    settings = load_settings(ws)
    board = load_board(ws, day)
    for row in board.rows():
        if row.decision is None and row.id not in skip:
            d = default_decision(row.suggestion, day, settings, party_committee=row.party_committee)
            sort_problem(ws, row.id, d)


# -- the board -------------------------------------------------------------------------------
def test_board_groups_by_village_with_sources_suggestions_and_older_unsorted(
    ws: Workspace,
) -> None:
    f = make_field(ws)
    board = load_board(ws, DAY)
    assert [g.village for g in board.villages] == ["甲村", "乙村"]
    jia = board.villages[0].problem_ids
    assert f.problems["old"] in jia  # raised two days earlier, still unsorted
    assert board.problems[f.problems["old"]].carried
    assert board.unsorted == 7
    well = board.problems[f.problems["well"]]
    assert [s.kind for s in well.sources] == [SourceKind.VISIT]
    assert well.suggestion.track is Track.FIX_NOW
    assert well.suggestion.subcategory is Subcategory.WELL
    assert "机井" in well.suggestion.reason_zh
    clue = board.problems[f.problems["clue"]]
    assert clue.suggestion.track is Track.FAST_INVESTIGATION and "挪用" in clue.suggestion.reason_zh
    assert board.problems[f.problems["vague"]].suggestion.track is Track.VERIFY
    # the record that raised it is one call away, with its full text
    text = source_text(ws, well.sources[0].kind, well.sources[0].record_id)
    assert text.text == "走访村民。" and text.village == "甲村"
    # another day's board does not show them (except the unsorted older ones, carried)
    assert load_board(ws, DAY - timedelta(days=3)).problems == {}


def test_default_decisions_follow_the_track_and_the_settings(ws: Workspace) -> None:
    f = make_field(ws)
    save_settings(ws, load_settings(ws).with_changes(fix_now_days=5, ledger_days=20))
    settings = load_settings(ws)
    board = load_board(ws, DAY)
    rows = {k: board.problems[v] for k, v in f.problems.items()}

    def default(key: str, track: Track | None = None) -> Decision:
        row = rows[key]
        return default_decision(
            row.suggestion, DAY, settings, party_committee=row.party_committee, track=track
        )

    well = default("well")
    assert (well.track, well.category, well.subcategory) == (
        Track.FIX_NOW,
        ProblemCategory.LIVELIHOOD,
        Subcategory.WELL,
    )
    assert well.responsible_unit == "区水利局" and well.deadline == DAY + timedelta(days=5)
    clue = default("clue")
    assert clue.receiving_body is ReceivingBody.DISCIPLINE_COMMISSION
    assert clue.urgency is Urgency.NORMAL and clue.category is ProblemCategory.CLUE
    ledger = default("ledger")
    assert ledger.supervisor == "城关镇党委" and ledger.deadline == DAY + timedelta(days=20)
    assert ledger.subcategory is Subcategory.PARTY_EDUCATION and ledger.requirement
    # a person may choose another track: the form fills that track's defaults
    forced = default("vague", Track.FIX_NOW)
    assert forced.category is ProblemCategory.LIVELIHOOD and forced.responsible_unit
    assert all(not validate_decision(d) for d in (well, clue, ledger, forced))


@pytest.mark.parametrize(
    ("decision", "field"),
    [
        (
            Decision(Track.FIX_NOW, ProblemCategory.LIVELIHOOD, Subcategory.WATER),
            "responsible_unit",
        ),
        (
            Decision(
                Track.FIX_NOW,
                ProblemCategory.LIVELIHOOD,
                Subcategory.WATER,
                responsible_unit="区水利局",
            ),
            "deadline",
        ),
        (Decision(Track.FAST_INVESTIGATION, ProblemCategory.CLUE), "receiving_body"),
        (
            Decision(
                Track.LEDGER,
                ProblemCategory.GENERAL,
                Subcategory.WATER,
                supervisor="x",
                requirement="y",
                deadline=DAY,
            ),
            "subcategory",
        ),
        (Decision(Track.LEDGER, None, None, supervisor="x", requirement="y"), "category"),
    ],
)
def test_incomplete_decisions_are_refused_naming_the_field(
    ws: Workspace, decision: Decision, field: str
) -> None:
    f = make_field(ws)
    assert field in validate_decision(decision)
    with pytest.raises(WrapupRefused) as info:
        sort_problem(ws, f.problems["well"], decision)
    assert info.value.field in validate_decision(decision)
    with ws.session() as s:
        assert s.get_one(Problem, f.problems["well"]).track is None


def test_sorting_keeps_only_the_tracks_particulars(ws: Workspace) -> None:
    f = make_field(ws)
    d = Decision(
        Track.FAST_INVESTIGATION,
        ProblemCategory.CLUE,
        Subcategory.WATER,  # a clue has no subcategory: dropped
        responsible_unit="区水利局",  # not this track's: dropped
        deadline=DAY,
        receiving_body=ReceivingBody.POLICE,
        urgency=Urgency.URGENT,
    )
    result = sort_problem(ws, f.problems["clue"], d)
    assert not result.amendment
    with ws.session() as s:
        p = s.get_one(Problem, f.problems["clue"])
    assert p.status is ProblemStatus.SORTED and p.track is Track.FAST_INVESTIGATION
    assert p.subcategory is None and p.responsible_unit == "" and p.deadline is None
    assert p.receiving_body is ReceivingBody.POLICE and p.urgency is Urgency.URGENT


# -- merging ---------------------------------------------------------------------------------
def test_near_identical_problems_of_one_village_merge_keeping_the_voices(ws: Workspace) -> None:
    f = make_field(ws)
    cands = merge_candidates(ws, DAY)
    assert [set(c.ids) for c in cands] == [{f.problems["well"], f.problems["well2"]}]
    assert cands[0].village == "甲村" and cands[0].voices == 2
    keep, other = f.problems["well"], f.problems["well2"]
    merge_problems(ws, keep, [other])
    with ws.session() as s:
        kept = s.get_one(Problem, keep)
        gone = s.get_one(Problem, other)
        links = s.exec(select(ProblemSource).where(ProblemSource.problem_id == keep)).all()
    assert kept.voices == 2 and len(links) == 2
    assert {link.visit_id is not None for link in links} == {True, False}
    assert gone.status is ProblemStatus.MERGED and gone.merged_into_id == keep
    board = load_board(ws, DAY)
    assert other not in board.problems and board.problems[keep].voices == 2
    assert len(board.problems[keep].sources) == 2
    assert merge_candidates(ws, DAY) == []
    # a third voice merged into the kept one adds up
    third = add_problem(
        ws,
        village_id=f.jia,
        description=TEXTS["well"],
        raised_on=DAY,
        source_kind=SourceKind.VISIT,
        source_id=board.problems[keep].sources[0].record_id,
    ).record_id
    merge_problems(ws, keep, [third])
    assert load_board(ws, DAY).problems[keep].voices == 3


def test_merging_across_villages_or_a_merged_problem_is_refused(ws: Workspace) -> None:
    f = make_field(ws)
    with pytest.raises(WrapupRefused, match="同一个村"):
        merge_problems(ws, f.problems["well"], [f.problems["water"]])
    merge_problems(ws, f.problems["well"], [f.problems["well2"]])
    with pytest.raises(WrapupRefused, match="已合并"):
        merge_problems(ws, f.problems["well2"], [f.problems["clue"]])
    with pytest.raises(WrapupRefused, match="已合并"):
        sort_problem(ws, f.problems["well2"], Decision(Track.VERIFY))


# -- closing the day ---------------------------------------------------------------------------
def _wrap(ws: Workspace, day: date = DAY) -> DailyWrapup | None:
    with ws.session() as s:
        return s.exec(select(DailyWrapup).where(DailyWrapup.day == day)).first()


def test_closing_needs_the_leaders_password_and_writes_nothing_otherwise(ws: Workspace) -> None:
    make_field(ws)
    sort_all(ws)
    with pytest.raises(WrapupRefused, match="密码不正确") as info:
        close_day(ws, DAY, "错误的密码")
    assert info.value.field == "password"
    with pytest.raises(WrapupRefused, match="请输入"):
        close_day(ws, DAY, "")
    assert _wrap(ws) is None


def test_a_member_cannot_close_the_day(ws: Workspace) -> None:
    make_field(ws)
    ws.add_user("王成员", "王成员", Role.MEMBER, "成员密码")
    with (
        Workspace.open(ws.paths.root, "成员密码", "王成员") as member,
        pytest.raises(WrapupRefused, match="只有组长"),
    ):
        close_day(member, DAY, "成员密码")


def test_members_see_informants_names_masked(ws: Workspace) -> None:
    f = make_field(ws)
    ws.add_user("王成员", "王成员", Role.MEMBER, "成员密码")
    with Workspace.open(ws.paths.root, "成员密码", "王成员") as member:
        board = load_board(member, DAY)
        row = board.problems[f.problems["water"]]
        assert PROTECTED not in row.description and "欧***" in row.description
        text = source_text(member, row.sources[0].kind, row.sources[0].record_id)
        assert PROTECTED not in text.text and text.text.startswith("欧***来信")
    leader_row = load_board(ws, DAY).problems[f.problems["water"]]
    assert PROTECTED in leader_row.description  # the leader may see them


def test_closing_refuses_while_problems_are_unsorted(ws: Workspace) -> None:
    f = make_field(ws)
    sort_all(ws, skip=(f.problems["clue"], f.problems["old"]))
    with pytest.raises(WrapupRefused, match="还有2个问题未研判"):
        close_day(ws, DAY, PASSWORD)
    assert _wrap(ws) is None


def test_closing_freezes_decisions_and_creates_notices_clues_and_ledger(ws: Workspace) -> None:
    f = make_field(ws)
    sort_all(ws)
    # two fix-now problems of 甲村 for the same unit share one notice
    settings = load_settings(ws)
    board = load_board(ws, DAY)
    well2 = default_decision(board.problems[f.problems["well2"]].suggestion, DAY, settings)
    sort_problem(ws, f.problems["well2"], replace(well2, deadline=DAY + timedelta(days=10)))

    result = close_day(ws, DAY, PASSWORD)

    wrap = _wrap(ws)
    assert wrap is not None and wrap.status is WrapupStatus.CLOSED and wrap.closed_at
    assert wrap.closed_by_id == ws.user_id
    with ws.session() as s:
        notices = s.exec(select(RectificationNotice)).all()
        clues = s.exec(select(ClueTransfer)).all()
        items = s.exec(select(LedgerItem)).all()
        problems = {p.id: p for p in s.exec(select(Problem)).all()}
        audit = s.exec(select(AuditEvent).where(AuditEvent.action == "close_day")).all()
    # 甲村·区水利局 (2 problems), 甲村·区交通运输局 (the old bridge), 乙村·区水利局 (water)
    assert sorted((n.responsible_unit, n.village_id) for n in notices) == sorted(
        [("区水利局", f.jia), ("区交通运输局", f.jia), ("区水利局", f.yi)]
    )
    shared = next(n for n in notices if n.village_id == f.jia and n.responsible_unit == "区水利局")
    assert shared.deadline == DAY + timedelta(days=10)  # the later of its problems' deadlines
    assert shared.serial is None and shared.doc_number == "" and shared.issued_on == DAY
    assert problems[f.problems["well"]].notice_id == shared.id
    assert problems[f.problems["well2"]].notice_id == shared.id
    assert set(result.notices) == {n.id for n in notices}
    [clue] = clues
    assert clue.problem_id == f.problems["clue"] and clue.feedback_deadline == date(2027, 2, 20)
    assert clue.receiving_body is ReceivingBody.DISCIPLINE_COMMISSION
    [item] = items
    assert item.problem_id == f.problems["ledger"] and item.supervisor == "城关镇党委"
    frozen = [p for p in problems.values() if p.wrapup_id == wrap.id]
    assert len(frozen) == 6 == result.frozen
    assert all(p.status is ProblemStatus.HANDLING for p in frozen)
    # 待核实 is carried: not frozen, on the next day's board
    vague = problems[f.problems["vague"]]
    assert vague.wrapup_id is None and result.carried == 1
    nxt = load_board(ws, DAY + timedelta(days=1))
    assert list(nxt.problems) == [f.problems["vague"]] and nxt.problems[vague.id].carried
    assert len(audit) == 1
    board = load_board(ws, DAY)
    assert (
        board.closed and board.closed_by and all(r.frozen for r in board.rows() if r.id != vague.id)
    )
    with pytest.raises(WrapupRefused, match="已签结"):
        close_day(ws, DAY, PASSWORD)


def test_a_change_after_sign_off_is_an_audited_amendment(ws: Workspace) -> None:
    f = make_field(ws)
    sort_all(ws)
    close_day(ws, DAY, PASSWORD)
    water = f.problems["water"]
    d = Decision(
        Track.LEDGER,
        ProblemCategory.GENERAL,
        Subcategory.GENERAL_OTHER,
        supervisor="城关镇党委",
        requirement="逐户核实后整改。",
        deadline=DAY + timedelta(days=30),
    )
    with pytest.raises(WrapupRefused, match="理由"):
        sort_problem(ws, water, d)
    result = sort_problem(ws, water, d, reason="经核实属一般性问题")
    assert result.amendment
    with ws.session() as s:
        p = s.get_one(Problem, water)
        old_notice = s.exec(
            select(RectificationNotice).where(RectificationNotice.village_id == f.yi)
        ).one()
        item = s.exec(select(LedgerItem).where(LedgerItem.problem_id == water)).one()
        amendment = s.exec(select(WrapupAmendment)).one()
        events = s.exec(
            select(AuditEvent).where(AuditEvent.action == "amend", AuditEvent.record_id == water)
        ).all()
    assert p.track is Track.LEDGER and p.notice_id is None and p.status is ProblemStatus.HANDLING
    assert old_notice.retired_at is not None  # its only problem left it
    assert item.retired_at is None and item.requirement == "逐户核实后整改。"
    assert amendment.reported_in_id is None and amendment.amended_by == ws.username
    assert "处置方式" in amendment.fields and amendment.reason == "经核实属一般性问题"
    assert amendment.before.startswith("立行立改") and amendment.after.startswith("对账销号")
    assert PROTECTED not in amendment.before + amendment.after
    assert len(events) == 1 and PROTECTED not in events[0].note
    # the next day's sign-off takes the amendment into its report
    nxt = DAY + timedelta(days=1)
    sort_all(ws, nxt)
    close_day(ws, nxt, PASSWORD)
    with ws.session() as s:
        amendment = s.exec(select(WrapupAmendment)).one()
        nxt_wrap = s.exec(select(DailyWrapup).where(DailyWrapup.day == nxt)).one()
    assert amendment.reported_in_id == nxt_wrap.id


def test_amending_the_unit_moves_the_problem_to_that_units_notice(ws: Workspace) -> None:
    f = make_field(ws)
    sort_all(ws)
    close_day(ws, DAY, PASSWORD)
    well = f.problems["well"]
    with ws.session() as s:
        p = s.get_one(Problem, well)
        before = p.notice_id
    d = Decision(
        Track.FIX_NOW,
        ProblemCategory.LIVELIHOOD,
        Subcategory.WELL,
        responsible_unit="城关镇人民政府",
        deadline=DAY + timedelta(days=3),
    )
    sort_problem(ws, well, d, reason="机井属镇管")
    with ws.session() as s:
        p = s.get_one(Problem, well)
        notice = s.get_one(RectificationNotice, p.notice_id)
        old = s.get_one(RectificationNotice, before)
    assert notice.responsible_unit == "城关镇人民政府" and notice.deadline == DAY + timedelta(
        days=3
    )
    assert notice.id != before and old.retired_at is None  # well2 is still on the old one
    # back to 待核实: off the signed-off day, onto the next board
    sort_problem(ws, well, Decision(Track.VERIFY), reason="需再核实")
    with ws.session() as s:
        p = s.get_one(Problem, well)
        notice = s.get_one(RectificationNotice, notice.id)
    assert p.wrapup_id is None and p.notice_id is None and notice.retired_at is not None
    assert well in load_board(ws, DAY + timedelta(days=1)).problems
    with ws.session() as s:
        assert (
            len(
                s.exec(select(WrapupAmendment).where(col(WrapupAmendment.problem_id) == well)).all()
            )
            == 2
        )
