"""Recognising channels and the header cells of channel list files."""

from __future__ import annotations

import pytest

from app.domain.channels import (
    ListField,
    recognise_channel,
    recognise_header,
    recognise_header_cell,
)
from app.domain.vocabulary import CHANNEL_SOURCE, Channel


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        # Usual wordings in a channel column.
        ("信访", Channel.PETITION),
        ("信访问题集中", Channel.PETITION),
        ("信访问题集中村", Channel.PETITION),
        ("举报", Channel.DISCIPLINE_REPORT),
        ("举报高发", Channel.DISCIPLINE_REPORT),
        ("信访举报", Channel.DISCIPLINE_REPORT),  # contains 信访: the specific wording wins
        ("信访举报高发村", Channel.DISCIPLINE_REPORT),
        ("信访 举报 高发", Channel.DISCIPLINE_REPORT),
        ("软弱涣散", Channel.WEAK_BRANCH),
        ("软弱", Channel.WEAK_BRANCH),
        ("涣散", Channel.WEAK_BRANCH),
        ("瘫痪", Channel.WEAK_BRANCH),
        ("软弱瘫痪村", Channel.WEAK_BRANCH),
        ("软弱涣散/瘫痪村", Channel.WEAK_BRANCH),
        ("返贫", Channel.POVERTY_RELAPSE),
        ("返贫易发村", Channel.POVERTY_RELAPSE),
        ("治安", Channel.CRIME),
        ("刑事", Channel.CRIME),
        ("治安刑事案件多发村", Channel.CRIME),
        ("中心工作", Channel.CENTRAL_WORK),
        ("中心工作推进不力村", Channel.CENTRAL_WORK),
        ("大数据", Channel.BIG_DATA),
        ("大数据比对违规违纪问题线索明显村", Channel.BIG_DATA),
        # Source departments.
        ("区信访局", Channel.PETITION),
        ("纪检监察", Channel.DISCIPLINE_REPORT),
        ("纪检监察机关", Channel.DISCIPLINE_REPORT),
        ("区纪委监委", Channel.DISCIPLINE_REPORT),
        ("组织部", Channel.WEAK_BRANCH),
        ("组织部门", Channel.WEAK_BRANCH),
        ("乡村振兴局", Channel.POVERTY_RELAPSE),
        ("公安局", Channel.CRIME),
        ("乡镇", Channel.CENTRAL_WORK),
        ("大数据比对", Channel.BIG_DATA),
        # Enum codes as typed on the command line.
        ("petition", Channel.PETITION),
        ("discipline_report", Channel.DISCIPLINE_REPORT),
        ("discipline-report", Channel.DISCIPLINE_REPORT),
        ("DISCIPLINE_REPORT", Channel.DISCIPLINE_REPORT),
        ("Weak_Branch", Channel.WEAK_BRANCH),
        ("poverty_relapse", Channel.POVERTY_RELAPSE),
        ("crime", Channel.CRIME),
        ("central-work", Channel.CENTRAL_WORK),
        ("big_data", Channel.BIG_DATA),
        ("ｂｉｇ＿ｄａｔａ", Channel.BIG_DATA),  # full width
        # File names.
        ("2024年第一批信访举报高发村名单.xlsx", Channel.DISCIPLINE_REPORT),
        ("区信访局-信访问题集中村.csv", Channel.PETITION),
        ("D:\\巡察\\软弱涣散村.xlsx", Channel.WEAK_BRANCH),
        ("/home/a/公安局治安名单.CSV", Channel.CRIME),
        ("各乡镇中心工作推进不力村.xlsx", Channel.CENTRAL_WORK),
        # Not recognised: nothing, or two different channels.
        ("", None),
        ("   ", None),
        (None, None),
        ("好村", None),
        ("名单.xlsx", None),
        ("乡镇上报名单.xlsx", None),  # 乡镇 names the channel only as the whole value
        ("信访和治安名单.xlsx", None),
        ("unknown", None),
    ],
)
def test_recognise_channel(value: str | None, expected: Channel | None) -> None:
    assert recognise_channel(value) is expected


@pytest.mark.parametrize("channel", list(Channel))
def test_every_label_code_and_source_is_recognised(channel: Channel) -> None:
    assert recognise_channel(channel.label) is channel
    assert recognise_channel(channel.value) is channel
    assert recognise_channel(CHANNEL_SOURCE[channel]) is channel


@pytest.mark.parametrize(
    ("cell", "expected"),
    [
        ("乡镇", ListField.TOWNSHIP),
        ("乡镇(街道)", ListField.TOWNSHIP),
        ("乡镇（街道）", ListField.TOWNSHIP),
        ("乡镇 （ 街道 ）", ListField.TOWNSHIP),
        ("街道", ListField.TOWNSHIP),
        ("所属乡镇", ListField.TOWNSHIP),
        ("乡镇名称", ListField.TOWNSHIP),
        ("村名", ListField.VILLAGE),
        ("村(社区)", ListField.VILLAGE),
        ("村（社区）", ListField.VILLAGE),
        ("村（社区）名称", ListField.VILLAGE),
        ("村庄名称", ListField.VILLAGE),
        ("村居", ListField.VILLAGE),
        ("行政村", ListField.VILLAGE),
        ("社区", ListField.VILLAGE),
        ("村 名", ListField.VILLAGE),
        ("*村名：", ListField.VILLAGE),
        ("数量", ListField.COUNT),
        ("件数", ListField.COUNT),
        ("次数", ListField.COUNT),
        ("问题数", ListField.COUNT),
        ("案件数", ListField.COUNT),
        ("信访件数", ListField.COUNT),
        ("备注", ListField.NOTES),
        ("说明", ListField.NOTES),
        ("情况说明", ListField.NOTES),
        ("渠道", ListField.CHANNEL),
        ("类别", ListField.CHANNEL),
        ("来源", ListField.CHANNEL),
        ("名单类型", ListField.CHANNEL),
        ("村代码", ListField.CODE),  # contains 村, but it is a code
        ("编码", ListField.CODE),
        ("统计用区划代码", ListField.CODE),
        ("序号", None),
        ("", None),
        (None, None),
        ("联系电话", None),
    ],
)
def test_recognise_header_cell(cell: str | None, expected: ListField | None) -> None:
    assert recognise_header_cell(cell) is expected


def test_recognise_header_maps_columns_first_wins() -> None:
    header = ["序号", "乡镇（街道）", "村（社区）", "件数", "备注", "渠道", "村代码", "所属乡镇"]
    assert recognise_header(header) == {
        ListField.TOWNSHIP: 1,
        ListField.VILLAGE: 2,
        ListField.COUNT: 3,
        ListField.NOTES: 4,
        ListField.CHANNEL: 5,
        ListField.CODE: 6,
    }


def test_recognise_header_without_known_columns() -> None:
    assert recognise_header(["序号", "姓名", "电话"]) == {}
