"""Campaign records in the bundles, both ways: the office sends a team the campaign of the villages
it covers (never the work group's people), the team's progress and photos come back, and a task
changed on both sides becomes a conflict for a person to decide."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

from sqlmodel import SQLModel, select

from app.domain.campaign import (
    Heading,
    MemberRole,
    SelfCheckFound,
    SystemStatus,
    TaskStatus,
    Verdict,
)
from app.domain.vocabulary import Phase
from app.media import intake_photo
from app.services.campaign import plan, progress, proposals, selfcheck, systems
from app.services.campaign.reads import campaign_rows, task_photos
from app.storage.models import (
    Batch,
    CampaignMember,
    CampaignProgress,
    CampaignTask,
    CampaignVillage,
    InspectionRound,
    Team,
    TypicalProblem,
    TypicalProblemList,
    Village,
    VillageSystem,
)
from app.storage.workspace import Workspace
from app.sync.conflicts import list_conflicts
from app.sync.export import export_bundle
from app.sync.merge import import_bundle
from tests.gui.field_helpers import photo_file
from tests.unit.sync.conftest import add_village

Laptop = Callable[..., Workspace]
TODAY = date(2027, 1, 10)


def _setup(office: Workspace) -> tuple[str, str, str]:
    """Two villages under 集中整治 at the office: 东村 in the team's batch, 西村 in no batch."""
    east = add_village(office, "东村")
    west = add_village(office, "西村")
    with office.session() as s:
        team = s.exec(select(Team).where(Team.name == "第一巡察组")).one()
        rnd = InspectionRound(name="2026年第二轮", year=2026)
        s.add(rnd)
        s.flush()
        batch = Batch(round_id=rnd.id, number=1, phase=Phase.TROUBLED_FIRST, team_id=team.id)
        s.add(batch)
        s.flush()
        v = s.get(Village, east.id)
        assert v is not None
        v.batch_id = batch.id
        s.add(v)
        s.commit()
    proposals.decide(
        office,
        decided_on=date(2026, 12, 5),
        doc_number="淮发〔2026〕31号",
        added={east.id: "问题突出", west.id: "问题突出"},
    )
    ids = {r.village_id: r.campaign_id for r in campaign_rows(office)}
    for vid in (east.id, west.id):
        plan.add_member(
            office, ids[vid], role=MemberRole.LEADER, name="欧阳明远", phone="13903941234"
        )
        plan.add_task(
            office,
            ids[vid],
            heading=Heading.SYSTEMS,
            title="推行微权四化",
            owner_unit="乡镇党委",
            deadline=date(2027, 3, 1),
            system="micro_power",
        )
    task = _task_of(office, east.id)
    return east.id, west.id, task


def _task_of(ws: Workspace, village_id: str) -> str:
    with ws.session() as s:
        return s.exec(select(CampaignTask.id).where(CampaignTask.village_id == village_id)).one()


def _count(ws: Workspace, model: type[SQLModel], **where: str) -> int:
    with ws.session() as s:
        q = select(model)
        for k, v in where.items():
            q = q.where(getattr(model, k) == v)
        return len(s.exec(q).all())


def test_office_sends_a_team_its_villages_campaigns_without_people(
    office: Workspace, laptop: Laptop, tmp_path: Path
) -> None:
    east, west, _task = _setup(office)
    team = laptop("a")
    import_bundle(team, export_bundle(office, tmp_path / "o1.xdsb", team="第一巡察组").path)
    assert _count(team, CampaignVillage, village_id=east) == 1
    assert _count(team, CampaignTask, village_id=east) == 1
    assert _count(team, CampaignVillage, village_id=west) == 0  # not the team's village
    assert _count(team, CampaignTask, village_id=west) == 0
    assert _count(team, CampaignMember) == 0  # people stay at the office
    # the matrix cells (pointing at the tasks that made them) follow the same rule
    assert _count(team, VillageSystem, village_id=east) == 1
    assert _count(team, VillageSystem, village_id=west) == 0
    # a full bundle (a replacement laptop) follows the same rule
    other = laptop("b")
    import_bundle(
        other,
        export_bundle(office, tmp_path / "all.xdsb", team="第一巡察组", all_rows=True).path,
    )
    assert _count(other, CampaignTask, village_id=east) == 1
    assert _count(other, CampaignTask, village_id=west) == 0
    assert _count(other, CampaignMember) == 0


def test_team_progress_with_a_photo_reaches_the_office(
    office: Workspace, laptop: Laptop, tmp_path: Path
) -> None:
    east, _west, task = _setup(office)
    team = laptop("a")
    import_bundle(team, export_bundle(office, tmp_path / "o1.xdsb", team="第一巡察组").path)
    photo = intake_photo(photo_file(tmp_path))
    progress.add_progress(
        team,
        task,
        "微权四化制度已公布实施",
        status_after=TaskStatus.DONE,
        on=date(2027, 1, 8),
        photos=[photo],
        today=TODAY,
    )
    report = import_bundle(office, export_bundle(team, tmp_path / "t1.xdsb").path)
    assert report.counts["campaign_progress"]["new"] == 1
    assert report.counts["campaign_task"]["updated"] == 1
    assert report.counts["attachment"]["new"] == 1
    assert report.total("conflict") == 0
    with office.session() as s:
        t = s.get(CampaignTask, task)
        assert t is not None and (t.status, t.done_on) == (TaskStatus.DONE, date(2027, 1, 8))
        cell = s.exec(select(VillageSystem).where(VillageSystem.village_id == east)).one()
        assert cell.status is SystemStatus.ADOPTED
    assert len(task_photos(office, task)) == 1
    # importing the same bundle again writes nothing
    again = import_bundle(office, report.path)
    assert again.already_imported and again.total("new") == 0


def test_a_task_changed_at_both_ends_is_a_conflict(
    office: Workspace, laptop: Laptop, tmp_path: Path
) -> None:
    _east, _west, task = _setup(office)
    team = laptop("a")
    import_bundle(team, export_bundle(office, tmp_path / "o1.xdsb", team="第一巡察组").path)
    plan.extend_task(office, task, date(2027, 4, 1), "等待上级审批", on=date(2027, 1, 9))
    progress.add_progress(team, task, "已起草制度文本", on=date(2027, 1, 8), today=TODAY)
    report = import_bundle(office, export_bundle(team, tmp_path / "t1.xdsb").path)
    assert report.counts["campaign_task"]["conflict"] == 1
    assert report.counts["campaign_progress"]["new"] == 1
    (conflict,) = [c for c in list_conflicts(office) if c.table == "campaign_task"]
    assert conflict.record_id == task
    with office.session() as s:
        t = s.get(CampaignTask, task)
        assert t is not None and t.deadline == date(2027, 4, 1)  # kept until a person decides
        assert len(s.exec(select(CampaignProgress)).all()) == 1


def test_typical_list_and_self_check_results_reach_the_team(
    office: Workspace, laptop: Laptop, tmp_path: Path
) -> None:
    east, _west, _task = _setup(office)
    with office.session() as s:
        rnd = s.exec(select(InspectionRound)).one()
        lst = TypicalProblemList(round_id=rnd.id, after_batch=1, title="典型问题清单")
        s.add(lst)
        s.flush()
        item = TypicalProblem(
            list_id=lst.id, seq=1, category="村务公开", text="村务公开不及时等问题"
        )
        s.add(item)
        s.commit()
    selfcheck.record_result(
        office, east, item.id, found=SelfCheckFound.NOT_FOUND, reported_on=date(2026, 12, 20)
    )
    team = laptop("a")
    import_bundle(team, export_bundle(office, tmp_path / "o1.xdsb", team="第一巡察组").path)
    (result,) = selfcheck.village_results(team, east)
    assert result.text == "村务公开不及时等问题"
    systems.set_system(team, east, "grid", SystemStatus.ADOPTED, on=date(2027, 1, 5))
    selfcheck.verify(team, result.result_id, Verdict.CONFIRMED, on=date(2027, 1, 6))
    report = import_bundle(office, export_bundle(team, tmp_path / "t1.xdsb").path)
    assert report.counts["selfcheck_result"]["updated"] == 1
    assert report.counts["village_system"]["new"] == 1
    assert selfcheck.village_results(office, east)[0].verdict is Verdict.CONFIRMED
