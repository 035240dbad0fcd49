"""巡察报告 per village: work done, problems with status, recommendations, and the 集中整治
recommendation with its reasons when (and only when) the configured rule is met."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

from app.domain.vocabulary import VisitMethod
from app.services.followup.village_report import village_report_data, write_village_report
from app.services.settings import load_settings, save_settings
from app.storage.models import Visit
from app.storage.workspace import Workspace
from tests.unit.documents.gb_checks import (
    check_28_per_line,
    check_fonts_embedded,
    check_imprint,
    check_portrait_page,
    text_of,
)
from tests.unit.documents.pdfprobe import read_pages
from tests.unit.services.followup.followup_seed import INFORMANT, seed

TODAY = date(2026, 12, 1)


def test_poor_village_with_three_clues_is_recommended_with_reasons(
    ws: Workspace, tmp_path: Path
) -> None:
    ids = seed(ws)
    with ws.session() as s:
        for method, n in ((VisitMethod.OPEN_DOOR, 3), (VisitMethod.KEY, 2)):
            for k in range(n):
                s.add(
                    Visit(
                        village_id=ids.villages[0],
                        occurred_at=datetime(2026, 11, 18, 9 + k),
                        method=method,
                    )
                )
        s.commit()
    d = village_report_data(ws, ids.villages[0], TODAY)
    assert d.visits == 5 and dict(d.visits_by_method)["开门迎访"] == 3
    assert d.entries == 3 and len(d.problems) == 4 + 3 + 2
    assert d.concentration and any("“差”" in r for r in d.concentration)
    path = write_village_report(ws, ids.villages[0], tmp_path, TODAY)
    pdf = path.read_bytes()
    pages = read_pages(pdf)
    text = text_of(pages)
    for part in (
        "关于城关镇王庄村的",
        "巡察情况报告",
        "区委巡察工作领导小组：",
        "一、巡察工作开展情况",
        "开门迎访3次",
        "共走访5次",
        "二、发现的主要问题",
        "民生问题4个",
        "违纪违法问题线索3个",
        "立行立改4个",
        "三、整改落实情况",
        "四、意见建议",
        "建议对该村（社区）开展集中整治",
        "理由：",
        "达到3件以上",
        "抓坏人",
        "已下发",
        "已移交",
        "未整改",
    ):
        assert part in text, part
    assert INFORMANT not in text
    for page in pages:
        check_portrait_page(page)
    check_imprint(pages[-1])
    check_28_per_line(pages, minimum=1)
    check_fonts_embedded(pdf, tmp_path)


def test_no_concentration_when_the_rule_is_not_met_and_the_rule_is_configurable(
    ws: Workspace,
) -> None:
    ids = seed(ws)
    good = village_report_data(ws, ids.villages[1], TODAY)
    assert good.concentration == []
    save_settings(ws, load_settings(ws).with_changes(concentrate_min_clues=4))
    assert village_report_data(ws, ids.villages[0], TODAY).concentration == []
    save_settings(ws, load_settings(ws).with_changes(concentrate_min_problems=5))
    reasons = village_report_data(ws, ids.villages[1], TODAY).concentration
    assert any("问题7个" in r for r in reasons)
