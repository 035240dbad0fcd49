"""制度推广 (the matrix and the 找制度短板 focus list) and 未巡先改 (the typical-problem list, its
packets, the self-check results read back from a returned form, the team's verification)."""

from __future__ import annotations

import io
import zipfile
from datetime import date
from pathlib import Path

import openpyxl
import pytest
from sqlmodel import select

from app.documents.batch_plan_doc import render_batch_plan
from app.domain.campaign import (
    CampaignRefused,
    Practice,
    SelfCheckFix,
    SelfCheckFound,
    SystemSource,
    SystemStatus,
    Verdict,
)
from app.domain.vocabulary import Phase
from app.services.campaign import selfcheck, systems
from app.services.campaign.report import write_campaign_report
from app.services.registry.batch_plan import current_plan
from app.storage.models import Batch, InspectionRound, Village, VillageSystem
from tests.unit.documents.gb_checks import text_of
from tests.unit.documents.pdfprobe import read_pages
from tests.unit.services.campaign.conftest import Office
from tests.unit.services.followup.followup_seed import INFORMANT


def _batches(o: Office) -> None:
    """王庄村 in batch 1 (inspected), 李集村 in batch 2 (phase ③, not yet inspected)."""
    with o.ws.session() as s:
        rnd = InspectionRound(name="2026年第二轮村级巡察", year=2026)
        s.add(rnd)
        s.flush()
        b1 = Batch(round_id=rnd.id, number=1, phase=Phase.TROUBLED_FIRST)
        b2 = Batch(round_id=rnd.id, number=2, phase=Phase.FULL_SPEED)
        s.add_all([b1, b2])
        s.flush()
        for vid, b in ((o.poor, b1), (o.good, b2)):
            v = s.get(Village, vid)
            assert v is not None
            v.batch_id = b.id
            s.add(v)
        s.commit()


def test_matrix_cells_are_one_row_per_pair_and_feed_the_focus_list(office: Office) -> None:
    o = office
    _batches(o)
    on = date(2026, 12, 1)
    systems.set_system(o.ws, o.good, "micro_power", SystemStatus.ADOPTED, on=on)
    systems.set_system(
        o.ws,
        o.good,
        "micro_power",
        SystemStatus.ADOPTED,
        on=on,
        source=SystemSource.CHECK,
        practice=Practice.NOT_CARRIED_OUT,
        note="权力清单未公开",
    )
    systems.set_system(o.ws, o.good, "grid", SystemStatus.ADOPTED, on=on)
    systems.set_system(o.ws, o.poor, "grid", SystemStatus.ADOPTED, on=on)  # phase ①: no focus
    with o.ws.session() as s:
        cells = s.exec(select(VillageSystem).where(VillageSystem.village_id == o.good)).all()
    assert len(cells) == 2  # the same pair twice is one row
    m = systems.matrix(o.ws)
    assert sorted(r.village for r in m.rows) == sorted(["王庄村", "李集村"])
    assert m.counts()["grid"][SystemStatus.ADOPTED] == 2
    assert m.counts()["micro_power"][SystemStatus.NOT_YET] == 1
    assert m.weak("micro_power") == 1
    focus = systems.focus_list(o.ws)
    assert [(f.village, f.batch) for f in focus] == [("李集村", 2)]
    assert (
        focus[0].items[0].startswith("微权四化") and "执行不力：权力清单未公开" in focus[0].items[0]
    )
    assert "待核实执行情况" in focus[0].items[1]
    with pytest.raises(CampaignRefused, match="没有这项制度"):
        systems.set_system(o.ws, o.good, "不存在的制度", SystemStatus.ADOPTED)
    with pytest.raises(CampaignRefused, match="执行不力"):
        systems.set_system(
            o.ws, o.good, "two_one", SystemStatus.IN_PROGRESS, practice=Practice.NOT_CARRIED_OUT
        )


def test_the_batch_plan_paper_carries_the_third_phase_focus(office: Office) -> None:
    o = office
    _batches(o)
    systems.set_system(
        o.ws,
        o.good,
        "four_two",
        SystemStatus.ADOPTED,
        on=date(2026, 10, 1),
        practice=Practice.NOT_CARRIED_OUT,
        note="会议记录缺失",
    )
    systems.set_system(o.ws, o.poor, "four_two", SystemStatus.ADOPTED, on=date(2026, 10, 1))
    plan = current_plan(o.ws)
    assert plan.phase_three_villages() == [o.good]
    plan.focus = systems.focus_for(o.ws, plan.phase_three_villages())
    assert plan.focus_rows() == [
        ("第二批", "城关镇", "李集村", "四议两公开（2026年10月起已建立，执行不力：会议记录缺失）")
    ]
    text = text_of(read_pages(render_batch_plan(plan)))
    assert "重点查看的制度" in text and "会议记录缺失" in text
    plan.focus = {}
    assert "重点查看的制度" not in text_of(read_pages(render_batch_plan(plan)))


def test_report_files_and_the_matrix_xlsx_keep_text_as_text(office: Office, tmp_path: Path):
    o = office
    with o.ws.session() as s:
        v = s.get(Village, o.good)
        assert v is not None
        v.name = "=1+1村"  # a name Excel would take for a formula
        s.add(v)
        s.commit()
    systems.set_system(o.ws, o.good, "four_two", SystemStatus.IN_PROGRESS, on=date(2026, 12, 1))
    files = write_campaign_report(o.ws, tmp_path, date(2026, 12, 2))
    assert [p.name for p in files.paths()] == [
        "集中整治进展情况报告-2026-12-02.pdf",
        "制度推广情况表-2026-12-02.pdf",
        "制度推广情况表-2026-12-02.xlsx",
    ]
    wb = openpyxl.load_workbook(files.matrix_xlsx)
    sheet = wb["制度推广情况"]
    values = [[c.value for c in row] for row in sheet.iter_rows(min_row=3)]
    row = next(r for r in values if r[2] == "=1+1村")
    assert row[3:8] == ["未建立", "推进中", "未建立", "未建立", "未建立"]
    cell = next(c for c in sheet["C"] if c.value == "=1+1村")
    assert cell.data_type == "s"
    assert not list(tmp_path.glob("*.part"))


def test_typical_list_names_no_one_and_goes_to_later_townships(office: Office, tmp_path: Path):
    o = office
    _batches(o)
    changed = selfcheck.draft_list(o.ws, 1)
    info = selfcheck.list_info(o.ws, changed.of("typical_problem_list")[0])
    text = "\n".join(f"{c} {t} {r}" for _, _, c, t, r in info.items)
    for name in (INFORMANT, "王庄村", "王庄", "城关镇", "钱有福"):
        assert name not in text
    assert "自来水停水三天" in text and "村干部优亲厚友" in text
    assert "违纪违法问题" in text
    # a name slipped in by hand is refused at publishing
    bad = selfcheck.add_item(
        o.ws, info.list_id, category="村务公开", text="王庄村账目不公开", requirement="按月公开"
    )
    with pytest.raises(CampaignRefused, match="含有人名或地名"):
        selfcheck.publish(o.ws, info.list_id, tmp_path, on=date(2026, 12, 2))
    selfcheck.retire_item(o.ws, bad.of("typical_problem")[0])
    (packet,) = selfcheck.publish(o.ws, info.list_id, tmp_path, on=date(2026, 12, 2))
    assert packet.name == "未巡先改-城关镇-2026-12-02.zip"
    with zipfile.ZipFile(packet) as z:
        names = sorted(z.namelist())
        assert names == ["典型问题清单-城关镇.pdf", "未巡先改自查表-城关镇.xlsx"]
        form = openpyxl.load_workbook(io.BytesIO(z.read("未巡先改自查表-城关镇.xlsx")))
    with pytest.raises(CampaignRefused, match="已印发"):
        selfcheck.add_item(o.ws, info.list_id, category="x", text="y", requirement="z")
    # 李集村 fills in the form (only the later batch's village is on it)
    sheet = form.active
    assert {r[0].value for r in sheet.iter_rows(min_row=3)} == {"李集村"}
    header = [c.value for c in sheet[2]]
    f, x, note = header.index("是否存在"), header.index("整改情况"), header.index("自查说明")
    rows = list(sheet.iter_rows(min_row=3))
    rows[0][f].value, rows[0][x].value, rows[0][note].value = "存在", "已整改", "已抢修管网"
    rows[1][f].value = "不存在"
    filled = tmp_path / "返回.xlsx"
    form.save(filled)
    summary = selfcheck.import_results(o.ws, filled, reported_on=date(2026, 12, 20))
    assert (summary.recorded, summary.blank) == (2, len(rows) - 2)
    results = selfcheck.village_results(o.ws, o.good)
    assert [(r.found, r.fixed) for r in results] == [
        (SelfCheckFound.FOUND, SelfCheckFix.FIXED),
        (SelfCheckFound.NOT_FOUND, SelfCheckFix.NOT_NEEDED),
    ]
    assert results[0].note == "已抢修管网" and results[0].verdict is Verdict.PENDING
    # importing again replaces, never duplicates
    selfcheck.import_results(o.ws, filled, reported_on=date(2026, 12, 21))
    assert len(selfcheck.village_results(o.ws, o.good)) == 2
    # the team verifies what the village reported of itself
    with pytest.raises(CampaignRefused, match="核实情况"):
        selfcheck.verify(o.ws, results[0].result_id, Verdict.DISPUTED)
    selfcheck.verify(o.ws, results[0].result_id, Verdict.DISPUTED, note="管网仍漏水")
    again = selfcheck.village_results(o.ws, o.good)[0]
    assert (again.verdict, again.verify_note) == (Verdict.DISPUTED, "管网仍漏水")


def test_a_returned_form_with_a_wrong_answer_names_the_row(office: Office, tmp_path: Path):
    o = office
    _batches(o)
    lid = selfcheck.draft_list(o.ws, 1).of("typical_problem_list")[0]
    (packet,) = selfcheck.publish(o.ws, lid, tmp_path, on=date(2026, 12, 2))
    with zipfile.ZipFile(packet) as z:
        form = openpyxl.load_workbook(io.BytesIO(z.read("未巡先改自查表-城关镇.xlsx")))
    sheet = form.active
    header = [c.value for c in sheet[2]]
    row = next(sheet.iter_rows(min_row=3))
    row[header.index("是否存在")].value = "不存在"
    row[header.index("整改情况")].value = "已整改"
    bad = tmp_path / "bad.xlsx"
    form.save(bad)
    with pytest.raises(CampaignRefused, match="第3行：自查不存在的问题"):
        selfcheck.import_results(o.ws, bad)
    assert selfcheck.village_results(o.ws, o.good) == []
