"""The campaign's papers read back from the PDF: the 建议 (GB/T 9704 page, title, reasons, 版记),
the 集中整治进展情况报告 (counts by heading and colour in the table and the chart), the 制度推广
table (landscape, one row per village) and the 典型问题清单 (no names, no village)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from app.documents.campaign_proposal import (
    ProposalDoc,
    ProposalVillage,
    proposal_title,
    render_proposal,
)
from app.documents.campaign_report import MatrixDoc, ReportDoc, VillageLine, render_matrix
from app.documents.campaign_report import render_progress_report as render_report
from app.documents.typical_list import ListDoc, ListItem, render_typical_list
from tests.unit.documents.gb_checks import (
    check_fonts_embedded,
    check_imprint,
    check_portrait_page,
    text_of,
)
from tests.unit.documents.pdfprobe import read_pages

ON = date(2026, 12, 1)


def _proposal(n: int) -> ProposalDoc:
    villages = [
        ProposalVillage(
            "城关镇", f"{name}村", "差", 9 + i, 3 + i, ("经综合研判为“差”类", "线索集中")
        )
        for i, name in enumerate(("王庄", "李集", "张楼", "赵营")[:n])
    ]
    return ProposalDoc(
        committee="中共淮阳区委",
        issuer="中共淮阳区委巡察工作领导小组办公室",
        on=ON,
        villages=villages,
        member_units=("区委组织部", "区委政法委", "区民政局", "区信访局"),
    )


def test_proposal_title_names_the_first_village_and_the_count() -> None:
    assert proposal_title(_proposal(1)) == "关于对王庄村开展集中整治的建议"
    assert proposal_title(_proposal(3)) == "关于对王庄村等3个村开展集中整治的建议"


def test_proposal_is_a_gb_9704_paper_with_reasons_and_imprint(tmp_path: Path) -> None:
    pdf = render_proposal(_proposal(3))
    pages = read_pages(pdf)
    text = text_of(pages)
    for part in (
        "关于对王庄村等3个村",
        "开展集中整治的建议",
        "中共淮阳区委：",
        "一、建议集中整治的村（社区）及理由",
        "（一）城关镇王庄村",
        "线索集中",
        "二、整治工作安排建议",
        "抓坏人、办好事、强组织、建机制",
        "区委组织部、区委政法委、区民政局、区信访局",
        "六个月后开展“回头看”",
        "以上建议妥否，请批示。",
        "2026年12月1日",
    ):
        assert part in text, part
    for page in pages:
        check_portrait_page(page)
    check_imprint(pages[-1])
    check_fonts_embedded(pdf, tmp_path)


def _report() -> ReportDoc:
    return ReportDoc(
        committee="中共淮阳区委",
        issuer="中共淮阳区委巡察工作领导小组办公室",
        as_of=ON,
        status_counts=[("整治中", 3), ("已整顿转化", 1)],
        pending_decision=2,
        by_heading=[
            ("抓坏人", [2, 1, 0, 1, 1]),
            ("办好事", [4, 0, 2, 0, 0]),
            ("强组织", [1, 2, 0, 0, 0]),
            ("建机制", [3, 0, 0, 0, 2]),
        ],
        cases=[("立案", 3), ("党纪处分", 2)],
        case_persons=6,
        gang_persons=2,
        good_works=(4, 6),
        cadre_changes=[("撤换", 2)],
        org_issues=(1, 3),
        systems=[("微权四化", 2)],
        district_systems=[("微权四化", 12, 3)],
        district_villages=40,
        checks=9,
        checks_by_rating=[("推进正常", 7), ("推进缓慢", 2)],
        evaluations=[("验收“整顿转化”", 1)],
        villages=[VillageLine("城关镇", "王庄村", "整治中", "差", 10, 4, 2, None)],
    )


def test_progress_report_counts_tasks_by_heading_and_colour(tmp_path: Path) -> None:
    pdf = render_report(_report())
    pages = read_pages(pdf)
    text = text_of(pages)
    for part in (
        "关于全区集中整治工作",
        "其中整治中3个、已整顿转化1个",
        "另有2个村（社区）已提出建议、待区委决定",
        "共明确整治任务19项，已完成10项，正在推进9项，其中超过时限未完成的3项",
        "整治任务按方面和预警颜色统计（项）",
        "红色预警",
        "立案3件、党纪处分2件，共涉及6人，其中涉黑涉恶2人",
        "已办结4项",
        "撤换2人次",
        "执行不力3个",
        "王庄村",
        "4/10",
    ):
        assert part in text, part
    # the chart's totals per heading are printed as text beside the bars
    assert all(f"{n}" in text for n in (5, 6, 3))
    for page in pages:
        check_portrait_page(page)
    check_imprint(pages[-1])
    check_fonts_embedded(pdf, tmp_path)


def test_matrix_table_is_landscape_with_one_row_per_village() -> None:
    rows = [
        ("城关镇", f"村{i:03d}", ["已建立", "推进中", "未建立", "已建立·执行不力", "未建立"])
        for i in range(60)
    ]
    pdf = render_matrix(
        MatrixDoc(
            title="全区村（社区）制度推广情况表",
            issuer="区委巡察办",
            as_of=ON,
            systems=["微权四化", "四议两公开", "两审一监督", "网格化管理", "一约四会"],
            township_counts=[("城关镇", 60, [60, 0, 0, 0, 0]), ("合计", 60, [60, 0, 0, 0, 0])],
            rows=rows,
        )
    )
    pages = read_pages(pdf)
    assert len(pages) >= 2
    assert all(p.width > p.height for p in pages)
    text = text_of(pages)
    assert all(f"村{i:03d}" in text for i in range(60))
    assert "共60处" in text and "已建立·执行不力" in text


def test_typical_list_paper_lists_the_villages_to_check_and_the_items() -> None:
    pdf = render_typical_list(
        ListDoc(
            title="2026年第二轮村级巡察第一批典型问题清单",
            issuer="区委巡察办",
            on=ON,
            township="城关镇",
            committee="中共城关镇委员会",
            due=date(2026, 12, 31),
            villages=["李集村", "张楼村"],
            items=[ListItem(1, "村务公开", "村务公开不及时等问题", "按月公开村务")],
        )
    )
    text = text_of(read_pages(pdf))
    for part in (
        "中共城关镇委员会：",
        "李集村、张楼村。",
        "村务公开不及时等问题",
        "2026年12月31日前",
    ):
        assert part in text, part
