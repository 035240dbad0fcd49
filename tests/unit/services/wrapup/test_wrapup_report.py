"""What the daily report says: counts, lists per track, amendments, due items, masked names."""

from __future__ import annotations

from datetime import timedelta

from sqlmodel import select

from app.domain.vocabulary import ProblemCategory, Subcategory, Track
from app.services.wrapup.board import Decision
from app.services.wrapup.close import close_day, sort_problem
from app.services.wrapup.report import daily_report_data, day_has_records, scrub
from app.storage.models import RectificationNotice
from app.storage.workspace import Workspace
from tests.conftest import PASSWORD
from tests.unit.services.wrapup.test_wrapup import DAY, PROTECTED, make_field, sort_all


def test_scrub_replaces_longest_names_first() -> None:
    assert scrub("欧阳秀兰和欧阳来信", ["欧阳秀兰", "欧阳"]) == "某某和某某来信"


def test_report_of_an_open_day_counts_and_lists(ws: Workspace) -> None:
    f = make_field(ws)
    sort_all(ws, skip=(f.problems["vague"],))
    data = daily_report_data(ws, DAY)
    assert not data.closed and data.closed_by == ""
    assert data.villages == [("城关镇", ["甲村", "乙村"])]
    assert (data.visits, data.entries, data.interviews) == (2, 2, 0)
    assert dict(data.visits_by_method)["普遍走访"] == 1
    assert dict(data.visits_by_method)["开门迎访"] == 1
    assert data.problems == 7 and data.voices == 7
    assert dict(data.by_track) == {
        "立行立改": 4,
        "直查快办": 1,
        "对账销号": 1,
        "待核实": 0,
        "未研判": 1,
    }
    assert dict(data.by_category)["民生问题"] == 4
    fix = data.lists[Track.FIX_NOW]
    assert {(x.village, x.handler) for x in fix} == {
        ("甲村", "区水利局"),
        ("甲村", "区交通运输局"),
        ("乙村", "区水利局"),
    }
    assert data.lists[Track.FAST_INVESTIGATION][0].handler == "区纪委监委（一般）"
    assert [x.description for x in data.unsorted] == ["群众反映一些情况，需要进一步了解。"]


def test_no_protected_name_reaches_the_report(ws: Workspace) -> None:
    make_field(ws)
    sort_all(ws)
    close_day(ws, DAY, PASSWORD)
    data = daily_report_data(ws, DAY)
    text = repr(data)
    assert PROTECTED not in text
    assert "自来水经常停水，某某家吃水困难。" in [x.description for x in data.lists[Track.FIX_NOW]]


def test_closed_day_then_amendment_listed_next_day_and_due_items(ws: Workspace) -> None:
    f = make_field(ws)
    sort_all(ws)
    close_day(ws, DAY, PASSWORD)
    closed = daily_report_data(ws, DAY)
    assert closed.closed and closed.closed_by and closed.closed_at is not None
    assert dict(closed.by_track)["待核实"] == 1 and "未研判" not in dict(closed.by_track)
    sort_problem(
        ws,
        f.problems["clue"],
        Decision(
            Track.LEDGER,
            ProblemCategory.GENERAL,
            Subcategory.COLLECTIVE_ASSETS,
            supervisor="城关镇党委",
            requirement="清查资金去向。",
            deadline=DAY + timedelta(days=30),
        ),
        reason="系资金管理不规范，无个人侵占",
    )
    # a notice falls due the day after tomorrow's report day
    nxt = DAY + timedelta(days=1)
    with ws.session() as s:
        notice = s.exec(
            select(RectificationNotice).where(RectificationNotice.village_id == f.yi)
        ).one()
        notice.deadline = nxt + timedelta(days=1)
        s.add(notice)
        s.commit()
    draft = daily_report_data(ws, nxt)
    assert [a.description for a in draft.amendments] == [
        "村会计挪用修路资金八万元。"
    ]  # pending amendments show on the open day's draft
    assert closed.amendments == [] and daily_report_data(ws, DAY).amendments == []
    sort_all(ws, nxt)
    close_day(ws, nxt, PASSWORD)
    data = daily_report_data(ws, nxt)
    [a] = data.amendments
    assert a.day == DAY and a.village == "甲村" and a.reason == "系资金管理不规范，无个人侵占"
    assert a.before.startswith("直查快办") and a.after.startswith("对账销号")
    assert [(d.kind, d.party, d.days_left) for d in data.due] == [("立行立改", "区水利局", 1)]
    assert daily_report_data(ws, nxt + timedelta(days=3)).due[0].days_left == -2


def test_day_has_records(ws: Workspace) -> None:
    make_field(ws)
    assert day_has_records(ws, DAY)
    assert day_has_records(ws, DAY - timedelta(days=2))  # a problem raised then
    assert not day_has_records(ws, DAY + timedelta(days=5))
