"""A sample document exercising every part of the page machinery (used by the tests).

Run ``python -m tests.unit.documents.sample /tmp/docs/sample.pdf`` to look at it.
"""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path

from app.documents.builder import DocumentBuilder
from app.domain.formats import document_number

DATE = dt.date(2026, 11, 27)
ISSUER = "中共某某区委巡察工作领导小组办公室"

PARAGRAPHS = [
    "根据区委统一部署，区委第三巡察组于2026年9月1日至11月20日对某某镇某某村党支部开展了"
    "村级巡察。巡察组坚持“昼巡夜结”工作机制，通过开门迎访、普遍走访、重点探访、个别约访、"
    "深入查访等方式，共收集群众反映问题128件（其中民生问题67件、问题线索9件、一般性问题52件），"
    "当天梳理分类、分析研判，明确处置方式、整改类型。",
    "巡察发现，该村在饮水安全、道路维护、集体“三资”管理等方面存在较为突出的问题：一是部分"
    "自然村自来水管网老化，夏季供水不稳定，群众反映强烈；二是村道破损严重，雨天积水，影响"
    "群众出行；三是村务公开不及时、不全面，“四议两公开”制度执行不到位；四是个别村干部履职"
    "不力，对群众诉求回应不及时。针对上述问题，巡察组已向相关责任单位发出《立行立改通知书》"
    "，要求限期整改并书面反馈。",
    "各责任单位要提高政治站位，切实扛起整改主体责任，对照问题清单逐项制定整改措施，明确责任"
    "人和完成时限；对能够立即整改的，要立行立改；对需要一定时间整改的，要制定计划、持续推进，"
    "确保件件有着落、事事有回音。整改情况请于2026年12月20日前报区委巡察办（联系人：张某，"
    "电话：0000-12345678）。",
    "乡镇党委要履行监督责任，对“对账销号”清单实行动态管理，每月调度一次整改进度，对整改不力、"
    "敷衍塞责的，严肃追责问责。未巡村要对照问题清单开展自查自纠，做到“未巡先改”……"
    "巡察办将适时开展“回头看”，检验整改成效——确保整改到位、群众满意。",
]

TABLE_ROWS = [
    ["序号", "问题", "整改要求", "责任单位", "整改时限"],
    [
        "1",
        "某某自然村自来水管网老化，夏季供水不稳定。",
        "更换老化管网，保障供水。",
        "区水利局",
        "2026年12月31日",
    ],
    [
        "2",
        "村道破损严重，雨天积水，影响群众出行（约1.2公里）。",
        "修复破损路面，完善排水设施。",
        "区交通运输局",
        "2027年3月31日",
    ],
    [
        "3",
        "村务公开不及时、不全面，“四议两公开”执行不到位。",
        "规范村务公开栏，按月公开。",
        "某某镇党委",
        "2026年12月20日",
    ],
]

CHART = {"民生问题": 67, "问题线索": 9, "一般性问题": 52}
TRACKS = {"立行立改": 71, "直查快办": 9, "对账销号": 48}


def build(draft: bool = False) -> bytes:
    doc = DocumentBuilder()
    doc.red_header("某某区委巡察办文件", document_number("区巡办", 2026, 7))
    doc.title("关于某某村巡察发现问题\n立行立改的通知")
    doc.addressee(["区水利局", "区交通运输局", "某某镇党委"])
    doc.body(PARAGRAPHS[0])
    doc.heading(1, "发现的主要问题")
    doc.body(PARAGRAPHS[1])
    doc.heading(2, "民生方面。", run_in=PARAGRAPHS[1][:60])
    doc.heading(2, "基层治理方面")
    doc.heading(3, "村务公开。", run_in="村务公开不及时、不全面。")
    doc.heading(4, "集体“三资”管理。", run_in="账目不清，公开不及时。")
    doc.body(PARAGRAPHS[2])
    doc.table(
        TABLE_ROWS,
        col_widths=[0.8, 3, 2.4, 1.6, 1.8],
        align=["center", "justify", "justify", "center", "center"],
    )
    doc.heading(1, "整改要求")
    doc.body(PARAGRAPHS[3])
    doc.bar_chart(CHART, title="发现问题按类别统计（件）")
    doc.body(PARAGRAPHS[0] + PARAGRAPHS[1])
    doc.pie_chart(TRACKS, title="问题处置方式")
    doc.body(PARAGRAPHS[2] + PARAGRAPHS[3])
    doc.attachments(["某某村巡察发现问题清单", "立行立改回执"])
    doc.signature(ISSUER, DATE)
    doc.imprint(
        ["区委组织部", "区纪委监委", "区信访局", "区乡村振兴局", "某某镇人民政府"], ISSUER, DATE
    )
    return doc.render(draft=draft, title="关于某某村巡察发现问题立行立改的通知")


if __name__ == "__main__":
    out = Path(sys.argv[1] if len(sys.argv) > 1 else "/tmp/docs/sample.pdf")
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_bytes(build(draft="--draft" in sys.argv))
    print(out)
