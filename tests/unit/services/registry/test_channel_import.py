"""Channel list import: messy files made here, the exact report, and the exact result."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlmodel import col, select

from app.domain.vocabulary import Channel
from app.services.registry.channels import (
    ChannelImportError,
    ImportOptions,
    RowOutcome,
    apply_channel_import,
    list_history,
    plan_channel_import,
)
from app.services.registry.villages import add_village, registry_rows
from app.storage.models import AuditEvent, ChannelList, ChannelListing, Township, Village
from app.storage.workspace import Workspace
from tests.unit.services.registry.channel_files import make_registry, write_csv, write_table

BODY = [
    ("城关镇", "王庄村委会", "3", "多次集访"),
    ("城关", "李庄", "", ""),
    ("", "张庄村民委员会", "2", ""),
    ("", "王庄", "1", ""),
    ("城关镇", "王庄 村", "3", "多次集访"),
    ("王店乡人民政府", "张庄村", "1", "另一件"),
    ("新集镇", "刘湾村", "1", ""),
    ("", "赵楼", "1", ""),
    ("合计", "", "12", ""),
    ("城关镇", "东关社区居委会", "２", ""),
    ("城关镇", "新村村委会", "若干", ""),
]

# (row, outcome, village label, count, reason) — the header is row 1
EXPECTED = [
    (2, RowOutcome.MATCHED, "城关镇王庄村", 3, "乡镇、村名一致"),
    (3, RowOutcome.MATCHED, "城关镇李庄村", 1, "乡镇、村名一致"),
    (4, RowOutcome.MATCHED, "王店乡张庄村", 2, "村名唯一"),
    (5, RowOutcome.AMBIGUOUS, "", 1, "多个乡镇有同名村，需填写乡镇"),
    (6, RowOutcome.SKIPPED, "城关镇王庄村", 3, "与第 2 行重复"),
    (7, RowOutcome.MATCHED, "王店乡张庄村", 1, "与第 4 行为同一村，已合并（数量相加）"),
    (8, RowOutcome.NEW, "新集镇刘湾村", 1, "名录中无此村，将新增到新乡镇“新集镇”"),
    (9, RowOutcome.SKIPPED, "", 1, "名录中无此村，且未填乡镇，无法新增"),
    (10, RowOutcome.SKIPPED, "", 12, "村名为空"),
    (11, RowOutcome.MATCHED, "城关镇东关社区", 2, "乡镇、村名一致"),
    (12, RowOutcome.MATCHED, "城关镇新村", 1, "乡镇、村名一致；数量“若干”无法识别，按 1 计"),
]

HEADERS = [
    ("乡镇", "村名", "数量", "备注"),
    ("乡镇(街道)", "村(社区)", "件数", "备注"),
    ("乡镇（街道）", "村庄名称", "问题数", "情况说明"),
    (" 所属乡镇 ", "村　名", "数量", "说明"),
]


@pytest.fixture
def reg(ws: Workspace, tmp_path: Path) -> Workspace:
    make_registry(ws, tmp_path / "reg")
    return ws


@pytest.fixture(scope="module")
def plan_reg(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Workspace]:
    """One registry for the tests that only plan (they write nothing)."""
    root = tmp_path_factory.mktemp("plan")
    with Workspace.create(root / "ws", team_name="组", leader="甲", password="pw") as ws:
        make_registry(ws, root / "reg")
        yield ws


def _replace_all(text: str, pairs: dict[str, str]) -> str:
    for old, new in pairs.items():
        text = text.replace(old, new)
    return text


def _report(plan: object) -> list[tuple[int, RowOutcome, str, int, str]]:
    return [
        (r.row_number, r.outcome, r.village_label, r.count, r.reason)
        for r in plan.rows  # type: ignore[attr-defined]
    ]


@pytest.mark.parametrize("kind", ["gbk", "utf-8-sig", "xlsx"])
@pytest.mark.parametrize("header", HEADERS, ids=["plain", "brackets", "fullwidth", "spaces"])
def test_messy_file_gives_the_exact_report(
    plan_reg: Workspace, tmp_path: Path, kind: str, header: tuple[str, ...]
) -> None:
    path = write_table(tmp_path / "区信访局信访问题集中村名单", [header, *BODY], kind)
    plan = plan_channel_import(plan_reg, path)
    expected = EXPECTED
    if kind == "xlsx":  # a title line above the header shifts every row by one
        shift = {"第 2 行": "第 3 行", "第 4 行": "第 5 行"}
        expected = [
            (n + 1, o, label, c, _replace_all(why, shift)) for n, o, label, c, why in EXPECTED
        ]
    assert _report(plan) == expected
    assert {r.channel for r in plan.rows} == {Channel.PETITION}
    ambiguous = plan.rows_with(RowOutcome.AMBIGUOUS)[0]
    assert [c.label for c in ambiguous.candidates] == ["城关镇王庄村", "王店乡王庄村"]
    assert plan.summary() == "共 11 行：已匹配 6，新增 1，有歧义 1，跳过 3"
    assert not plan.can_apply
    (change,) = plan.channels
    assert change.listed == 6
    assert change.leaving == () and change.replaces == ()


def test_plan_writes_nothing(reg: Workspace, tmp_path: Path) -> None:
    path = write_table(tmp_path / "信访", [HEADERS[0], *BODY], "gbk")
    with reg.session() as s:
        before = len(s.exec(select(AuditEvent)).all())
    plan_channel_import(reg, path, ImportOptions(skip_ambiguous=True))
    with reg.session() as s:
        assert len(s.exec(select(AuditEvent)).all()) == before
        assert s.exec(select(ChannelListing)).all() == []
        assert len(s.exec(select(Village)).all()) == 6


def test_ambiguous_rows_refuse_the_import_and_nothing_is_written(
    reg: Workspace, tmp_path: Path
) -> None:
    path = write_table(tmp_path / "信访", [HEADERS[0], *BODY], "utf-8-sig")
    plan = plan_channel_import(reg, path)
    with pytest.raises(ChannelImportError, match="有 1 行无法确定是哪个村"):
        apply_channel_import(reg, path, plan)
    with reg.session() as s:
        assert s.exec(select(ChannelListing)).all() == []
        assert s.exec(select(ChannelList)).all() == []


def _listings(ws: Workspace) -> set[tuple[str, str, int, str, bool]]:
    labels = {r.id: r.label for r in registry_rows(ws)}
    with ws.session() as s:
        return {
            (labels[x.village_id], x.channel.value, x.count, x.note, x.active)
            for x in s.exec(select(ChannelListing)).all()
        }


def test_apply_with_a_choice_writes_exactly_the_report(reg: Workspace, tmp_path: Path) -> None:
    path = write_table(tmp_path / "信访", [HEADERS[1], *BODY], "gbk")
    plan = plan_channel_import(reg, path, ImportOptions(choices={5: "411602001"}))
    row5 = next(r for r in plan.rows if r.row_number == 5)
    assert (row5.outcome, row5.village_label) == (RowOutcome.MATCHED, "王店乡王庄村")
    assert row5.reason == "人工选定（多个乡镇有同名村，需填写乡镇）"
    result = apply_channel_import(reg, path, plan)
    assert _listings(reg) == {
        ("城关镇王庄村", "petition", 3, "多次集访", True),
        ("城关镇李庄村", "petition", 1, "", True),
        ("王店乡张庄村", "petition", 3, "另一件", True),  # rows 4 and 7 merged
        ("王店乡王庄村", "petition", 1, "", True),
        ("新集镇刘湾村", "petition", 1, "", True),
        ("城关镇东关社区", "petition", 2, "", True),
        ("城关镇新村", "petition", 1, "", True),
    }
    assert result.listings_added == 7
    assert len(result.villages_created) == 1 and len(result.townships_created) == 1
    with reg.session() as s:
        town = s.exec(select(Township).where(Township.name == "新集镇")).one()
        assert town.kind.value == "township"
        (lst,) = s.exec(select(ChannelList)).all()
        assert (lst.file_name, lst.rows, lst.imported_by) == ("信访.csv", 7, reg.username)
        assert lst.round_id == result.round_id
        assert s.exec(select(AuditEvent).where(AuditEvent.action == "import_channels")).one()


def test_a_choice_outside_the_candidates_stays_ambiguous(
    plan_reg: Workspace, tmp_path: Path
) -> None:
    path = write_table(tmp_path / "信访", [HEADERS[0], *BODY], "gbk")
    plan = plan_channel_import(plan_reg, path, ImportOptions(choices={5: "411601002"}))
    row5 = next(r for r in plan.rows if r.row_number == 5)
    assert row5.outcome is RowOutcome.AMBIGUOUS
    assert row5.reason == "所选“411601002”不在候选之中（多个乡镇有同名村，需填写乡镇）"


def test_skip_ambiguous_and_skip_new(reg: Workspace, tmp_path: Path) -> None:
    path = write_table(tmp_path / "信访", [HEADERS[0], *BODY], "gbk")
    plan = plan_channel_import(reg, path, ImportOptions(skip_ambiguous=True, skip_new=True))
    by_row = {r.row_number: r for r in plan.rows}
    assert by_row[5].outcome is RowOutcome.SKIPPED
    assert by_row[5].reason == "有歧义，按要求跳过（多个乡镇有同名村，需填写乡镇）"
    assert by_row[8].outcome is RowOutcome.SKIPPED
    assert by_row[8].reason == "名录中无此村，按要求不新增"
    apply_channel_import(reg, path, plan)
    with reg.session() as s:
        assert len(s.exec(select(Village)).all()) == 6


@pytest.mark.parametrize(
    "spelling",
    ["王庄", "王庄村", "王庄村委会", "王庄村民委员会", "王庄村党支部", "王庄(村)", "王 庄 村",
     "王庄村　", "王庄村（村）"],
)  # fmt: skip
def test_every_suffix_variant_matches_the_same_village(
    plan_reg: Workspace, tmp_path: Path, spelling: str
) -> None:
    path = write_csv(tmp_path / "治安.csv", [("乡镇", "村名"), ("城关镇", spelling)], "gbk")
    (row,) = plan_channel_import(plan_reg, path).rows
    assert (row.outcome, row.village_label, row.channel) == (
        RowOutcome.MATCHED,
        "城关镇王庄村",
        Channel.CRIME,
    )


@pytest.mark.parametrize(
    ("spelling", "reason"),
    [
        ("李庄", "村名唯一"),
        ("北关街道/王庄", "乡镇名不在名录中，需确认"),
        ("王店乡/东关社区", "该乡镇下无此村，他乡镇有同名村"),
    ],
)
def test_township_decides_or_is_reported(
    plan_reg: Workspace, tmp_path: Path, spelling: str, reason: str
) -> None:
    town, _, village = spelling.rpartition("/")
    path = write_csv(tmp_path / "x.csv", [("乡镇", "村名"), (town, village)])
    (row,) = plan_channel_import(plan_reg, path, ImportOptions(channel=Channel.BIG_DATA)).rows
    assert row.reason == reason


def test_channel_column_in_usual_wordings(reg: Workspace, tmp_path: Path) -> None:
    rows = [
        ("序号", "渠道", "乡镇", "村(社区)"),
        (1, "信访", "城关镇", "王庄村"),
        (2, "纪委监委举报", "城关镇", "李庄村"),
        (3, "软弱涣散", "城关镇", "东关社区"),
        (4, "瘫痪", "城关镇", "新村"),
        (5, "防返贫监测", "王店乡", "王庄村"),
        (6, "治安刑事", "王店乡", "张庄村"),
        (7, "中心工作推进不力", "城关镇", "王庄村"),
        (8, "大数据比对", "城关镇", "王庄村"),
        (9, "其他", "城关镇", "王庄村"),
        (10, "", "城关镇", "李庄村"),
    ]
    path = write_table(tmp_path / "汇总", rows, "xlsx")
    plan = plan_channel_import(reg, path, ImportOptions(channel=Channel.CENTRAL_WORK))
    got = [(r.channel, r.outcome, r.reason) for r in plan.rows]
    assert [g[0] for g in got[:8]] == [
        Channel.PETITION,
        Channel.DISCIPLINE_REPORT,
        Channel.WEAK_BRANCH,
        Channel.WEAK_BRANCH,
        Channel.POVERTY_RELAPSE,
        Channel.CRIME,
        Channel.CENTRAL_WORK,
        Channel.BIG_DATA,
    ]
    assert got[8] == (None, RowOutcome.SKIPPED, "无法识别渠道“其他”")
    assert got[9][0] is Channel.CENTRAL_WORK  # empty cell: the --channel default
    result = apply_channel_import(reg, path, plan)
    assert set(result.list_ids) == set(Channel)


def test_new_list_replaces_the_old_one_and_reports_who_leaves(
    reg: Workspace, tmp_path: Path
) -> None:
    first = write_csv(
        tmp_path / "信访第一版.csv", [("乡镇", "村名"), ("城关镇", "王庄"), ("", "李庄")]
    )
    apply_channel_import(reg, first, plan_channel_import(reg, first))
    second = write_csv(tmp_path / "信访第二版.csv", [("乡镇", "村名"), ("", "李庄"), ("", "张庄")])
    plan = plan_channel_import(reg, second)
    (change,) = plan.channels
    assert change.joining == ("王店乡张庄村",)
    assert change.staying == ("城关镇李庄村",)
    assert change.leaving == ("城关镇王庄村",)
    assert change.replaces == ("信访第一版.csv",)
    result = apply_channel_import(reg, second, plan)
    assert result.listings_deactivated == 2
    assert _listings(reg) == {
        ("城关镇王庄村", "petition", 1, "", False),
        ("城关镇李庄村", "petition", 1, "", False),
        ("城关镇李庄村", "petition", 1, "", True),
        ("王店乡张庄村", "petition", 1, "", True),
    }
    history = list_history(reg)
    assert [(h.file_name, h.active) for h in sorted(history, key=lambda h: h.file_name)] == [
        ("信访第一版.csv", False),
        ("信访第二版.csv", True),
    ]
    with reg.session() as s:
        old = s.exec(select(ChannelList).where(ChannelList.file_name == "信访第一版.csv")).one()
        assert old.replaced_by == result.list_ids[Channel.PETITION]
    # other channels are untouched by a petition list
    crime = write_csv(tmp_path / "治安.csv", [("村名",), ("李庄",)])
    plan = plan_channel_import(reg, crime)
    assert plan.channels[0].replaces == () and plan.channels[0].leaving == ()


def test_a_plan_that_went_stale_is_refused(reg: Workspace, tmp_path: Path) -> None:
    path = write_csv(tmp_path / "治安.csv", [("乡镇", "村名"), ("", "赵楼")])
    plan = plan_channel_import(reg, path)
    with reg.session() as s:
        town = s.exec(select(Township).where(Township.name == "城关镇")).one()
    add_village(reg, town.id, "赵楼村")
    with pytest.raises(ChannelImportError, match="重新预览"):
        apply_channel_import(reg, path, plan)
    with reg.session() as s:
        assert s.exec(select(ChannelListing)).all() == []


@pytest.mark.parametrize(
    ("name", "rows", "message"),
    [
        ("名单.csv", [("乡镇", "村名"), ("城关镇", "王庄")], "无法确定“名单.csv”是哪个渠道"),
        ("信访.csv", [("乡镇", "数量"), ("城关镇", "1")], "找不到村名列"),
        ("信访.xls", None, "不支持旧版 Excel/WPS 格式"),
    ],
)
def test_files_that_cannot_be_imported_say_why(
    plan_reg: Workspace, tmp_path: Path, name: str, rows: list[tuple[str, ...]] | None, message: str
) -> None:
    path = tmp_path / name
    if rows is None:
        path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 100)
    else:
        write_csv(path, rows)
    with pytest.raises(ChannelImportError, match=message):
        plan_channel_import(plan_reg, path)


def test_listings_count_only_in_the_current_round(reg: Workspace, tmp_path: Path) -> None:
    path = write_csv(tmp_path / "返贫.csv", [("村名",), ("李庄",)])
    result = apply_channel_import(reg, path, plan_channel_import(reg, path))
    with reg.session() as s:
        rows = s.exec(select(ChannelListing).where(col(ChannelListing.active).is_(True))).all()
        assert {r.round_id for r in rows} == {result.round_id}
