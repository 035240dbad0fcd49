"""The 集中整治 view in the real main window (pytest-qt): the plan under the four headings with its
colours, a new task, progress with a photo, the 制度推广 matrix by township with its chart and
files, self-check verification; a team laptop sees no office buttons; every string is Chinese.

Screenshots go to ``tmp_path`` (and to ``$XUNCHA_SHOTS`` when set, to look at them)."""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path

import openpyxl
import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QWidget
from sqlmodel import select

from app.domain.campaign import (
    CampaignStatus,
    Heading,
    OrgIssue,
    SystemStatus,
    TaskStatus,
    Verdict,
)
from app.domain.deadlines import WarningColour
from app.domain.vocabulary import WorkspaceKind
from app.services.campaign.reads import campaign_rows, task_photos
from app.services.demo.build import DemoOptions, fill_demo
from app.storage.models import CampaignProgress, CampaignTask
from app.storage.workspace import Workspace
from app.ui.app import build_main_window
from app.ui.campaign.dialogs import (
    DecideDialog,
    OutcomeDialog,
    TaskDialog,
    VerifyDialog,
    WorkGroupDialog,
)
from app.ui.campaign.models import COLOURS, CampaignModel, MatrixModel, ResultModel, TaskModel
from app.ui.campaign.view import CampaignView
from app.ui.main_window import MainWindow
from app.ui.tasks import SyncTaskRunner
from tests.conftest import PASSWORD
from tests.gui.field_helpers import DAY, LEADER, copy_workspace, photo_file
from tests.gui.test_field_translation import english_in, visible_texts
from tests.unit.services.campaign.conftest import all_audit_text

pytestmark = pytest.mark.qt_log_ignore("does not support propagateSizeHints")


@pytest.fixture(scope="session")
def office_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("campaign-template") / "office"
    with Workspace.create(
        root,
        team_name="淮阳区委巡察办",
        leader=LEADER,
        password=PASSWORD,
        demo=True,
        kind=WorkspaceKind.OFFICE,
    ) as ws:
        fill_demo(ws, DemoOptions(villages=24, days=6, until=DAY, seed=7))
    return root


@pytest.fixture
def office_window(
    app: QApplication, office_template: Path, tmp_path: Path, qtbot
) -> Iterator[MainWindow]:
    ws = Workspace.open(copy_workspace(office_template, tmp_path / "ws"), PASSWORD, LEADER)
    win = build_main_window(ws, SyncTaskRunner(), offer_drafts=False, idle_lock=False)
    qtbot.addWidget(win)
    win.resize(1500, 900)
    win.show()
    yield win
    win.close()


def _shot(widget: QWidget, tmp_path: Path, name: str) -> Path:
    path = tmp_path / name
    QApplication.processEvents()  # let the layout follow the last change before the picture
    assert widget.grab().save(str(path))
    extra = os.environ.get("XUNCHA_SHOTS")
    if extra:
        Path(extra).mkdir(parents=True, exist_ok=True)
        shutil.copy(path, Path(extra) / name)
    return path


def _view(win: MainWindow) -> CampaignView:
    view = win.show_view("campaign")
    assert isinstance(view, CampaignView)
    view.today = DAY
    view.refresh()
    return view


def _under_way(view: CampaignView) -> str:
    for i in range(view.model.rowCount()):
        r = view.model.row_at(i)
        if r is not None and r.status is CampaignStatus.UNDER_WAY and r.tasks and r.done < r.tasks:
            return r.village
    raise AssertionError("the demo has a village under way with open tasks")


def test_every_model_passes_the_model_tester(office_window: MainWindow, qtmodeltester) -> None:
    view = _view(office_window)
    assert view.select_village(_under_way(view))
    view.tabs.setCurrentIndex(1)
    view.tabs.setCurrentIndex(2)
    for model in (view.model, view.task_model, view.matrix_model, view.result_model):
        assert model.rowCount() > 0
        qtmodeltester.check(model)
    for empty in (CampaignModel(), TaskModel(), MatrixModel(), ResultModel()):
        qtmodeltester.check(empty)


def test_plan_view_shows_the_four_headings_in_colour_and_takes_a_new_task(
    office_window: MainWindow, qtbot, tmp_path: Path
) -> None:
    view = _view(office_window)
    ws = view.ws
    statuses = {view.model.row_at(i).status for i in range(view.model.rowCount())}  # type: ignore[union-attr]
    assert {
        CampaignStatus.UNDER_WAY,
        CampaignStatus.TRANSFORMED,
        CampaignStatus.RECOMMENDED,
    } <= statuses
    assert view.propose_button.isVisible() and view.evaluate_button.isVisible()
    name = _under_way(view)
    assert view.select_village(name)
    d = view.detail
    assert d is not None and d.village == name
    tm = view.task_model
    assert {tm.row_at(i).heading for i in range(tm.rowCount())} == set(Heading)  # type: ignore[union-attr]
    coloured = [
        i
        for i in range(tm.rowCount())
        if tm.row_at(i).colour is not WarningColour.NONE  # type: ignore[union-attr]
    ]
    for i in coloured:
        row = tm.row_at(i)
        assert row is not None
        brush = tm.data(tm.index(i, 5), Qt.ItemDataRole.BackgroundRole)
        assert brush.color() == COLOURS[row.colour]
    assert "分类变化" in view.history.toPlainText() and "差" in view.history.toPlainText()
    _shot(office_window, tmp_path, "campaign_plan.png")

    before = tm.rowCount()
    dialog = view.open_task()
    assert isinstance(dialog, TaskDialog)
    qtbot.addWidget(dialog)
    dialog.heading.setCurrentIndex(dialog.heading.findData(Heading.SYSTEMS.value))
    dialog.title.setText("推行“一约四会”")
    dialog.buttons.accepted.emit()  # no owner unit: refused, the dialog stays with the message
    assert dialog.isVisible() and "责任单位" in dialog.error.text()
    dialog.owner.setText("乡镇党委")
    dialog.link.setCurrentIndex(dialog.link.findData("system:one_four"))
    _shot(dialog, tmp_path, "campaign_task_dialog.png")
    dialog.buttons.accepted.emit()
    assert not dialog.isVisible()
    assert view.detail is not None and view.detail.village == name  # reloaded, same village
    assert tm.rowCount() == before + 1
    with ws.session() as s:
        titles = s.exec(select(CampaignTask.title).where(CampaignTask.village_id == d.village_id))
        assert "推行“一约四会”" in titles.all()


def test_adding_progress_with_a_photo(office_window: MainWindow, qtbot, tmp_path: Path) -> None:
    view = _view(office_window)
    ws = view.ws
    assert view.select_village(_under_way(view))
    tm = view.task_model
    row = next(
        i
        for i in range(tm.rowCount())
        if tm.row_at(i).status is not TaskStatus.DONE  # type: ignore[union-attr]
    )
    task = tm.row_at(row)
    assert task is not None
    view.tasks.selectRow(row)
    assert view.progress_button.isEnabled()
    dialog = view.open_progress()
    assert dialog is not None
    qtbot.addWidget(dialog)
    dialog.text.setPlainText("已完成管网改造，群众已通水")
    dialog.status.setCurrentIndex(dialog.status.findData(TaskStatus.DONE.value))
    dialog.photos.add_files([photo_file(tmp_path, "通水现场.jpg")])
    assert len(dialog.photos.photos) == 1 and dialog.photos.list.count() == 1
    _shot(dialog, tmp_path, "campaign_progress_dialog.png")
    dialog.buttons.accepted.emit()
    assert not dialog.isVisible()
    with ws.session() as s:
        t = s.get(CampaignTask, task.task_id)
        assert t is not None and (t.status, t.done_on) == (TaskStatus.DONE, DAY)
        entries = s.exec(select(CampaignProgress).where(CampaignProgress.task_id == t.id)).all()
        assert entries[-1].text == "已完成管网改造，群众已通水"
    photos = task_photos(ws, task.task_id)
    assert [p.original_name for p in photos][-1] == "通水现场.jpg"
    view.tasks.selectRow(view.task_model.row_of(task.task_id))
    assert "已完成管网改造" in view.task_history.toPlainText()
    assert view.task_model.row_at(view.task_model.row_of(task.task_id)).status is TaskStatus.DONE  # type: ignore[union-attr]
    assert not view.progress_button.isEnabled()  # a finished task takes no more progress
    # a case under 抓坏人 from the window
    catch = next(
        i
        for i in range(tm.rowCount())
        if tm.row_at(i).heading is Heading.CATCH  # type: ignore[union-attr]
    )
    view.tasks.selectRow(catch)
    outcome = view.open_outcome()
    assert isinstance(outcome, OutcomeDialog)
    qtbot.addWidget(outcome)
    outcome.kind.setCurrentIndex(outcome.kind.findData("judicial"))
    outcome.persons.setValue(2)
    outcome.buttons.accepted.emit()
    assert not outcome.isVisible()
    assert any("移送司法2人" in line for line in view.detail.cases)  # type: ignore[union-attr]
    _shot(office_window, tmp_path, "campaign_after_progress.png")


def test_matrix_by_township_with_counts_chart_and_files(
    office_window: MainWindow, tmp_path: Path
) -> None:
    view = _view(office_window)
    view.tabs.setCurrentIndex(1)
    assert view.grid is not None
    all_rows = view.matrix_model.rowCount()
    assert all_rows == len(view.grid.rows) == 24
    assert view.matrix_model.headerData(2, Qt.Orientation.Horizontal) == "微权四化"
    assert "共 24 个村（社区）" in view.counts.text()
    assert [b[0] for b in view.chart.bars][:2] == ["微权四化", "四议两公开"]
    adopted = sum(b[1] for b in view.chart.bars)
    assert adopted == sum(c[SystemStatus.ADOPTED] for c in view.grid.counts().values())
    _shot(office_window, tmp_path, "campaign_matrix.png")
    view.township.setCurrentIndex(1)
    tid = view.township.currentData()
    in_town = sum(1 for r in view.grid.rows if r.township_id == tid)
    assert 0 < view.matrix_model.rowCount() == in_town < all_rows
    assert f"共 {in_town} 个村（社区）" in view.counts.text()
    view.export_matrix(tmp_path / "out")
    written = sorted(p.name for p in (tmp_path / "out").iterdir())
    assert written == [
        f"制度推广情况表-{DAY.isoformat()}.pdf",
        f"制度推广情况表-{DAY.isoformat()}.xlsx",
    ]
    sheet = openpyxl.load_workbook(tmp_path / "out" / written[1])["制度推广情况"]
    assert sheet.max_row == 2 + all_rows
    assert "第" in view.focus.toPlainText()  # the demo's third batch has systems to look into


def test_self_check_answers_are_verified_from_the_window(
    office_window: MainWindow, qtbot, tmp_path: Path
) -> None:
    view = _view(office_window)
    view.tabs.setCurrentIndex(2)
    assert "典型问题清单" in view.lists_label.text()
    assert view.selfcheck_villages.count() > 0
    pending = next(
        i
        for i in range(view.result_model.rowCount())
        if view.result_model.row_at(i).verdict is Verdict.PENDING  # type: ignore[union-attr]
    )
    view.results.selectRow(pending)
    dialog = view.open_verify()
    assert isinstance(dialog, VerifyDialog)
    qtbot.addWidget(dialog)
    dialog.verdict.setCurrentIndex(dialog.verdict.findData(Verdict.DISPUTED.value))
    dialog.buttons.accepted.emit()
    assert "核实情况" in dialog.error.text()  # 不属实 needs what was found
    dialog.note.setPlainText("实地查看，问题仍然存在")
    dialog.buttons.accepted.emit()
    assert not dialog.isVisible()
    texts = [
        view.result_model.data(view.result_model.index(i, 6))
        for i in range(view.result_model.rowCount())
    ]
    assert "不属实：实地查看，问题仍然存在" in texts
    _shot(office_window, tmp_path, "campaign_selfcheck.png")


def test_work_group_and_a_decision_adding_a_village_without_recommendation(
    office_window: MainWindow, qtbot
) -> None:
    view = _view(office_window)
    ws = view.ws
    name = _under_way(view)
    view.select_village(name)
    dialog = view.open_work_group()
    assert isinstance(dialog, WorkGroupDialog)
    qtbot.addWidget(dialog)
    dialog.linked.setText("区政协副主席")
    dialog.issues[OrgIssue.PARALYSED].setChecked(True)
    dialog.name.setText("上官云舒")
    dialog.phone.setText("电话号码")
    dialog.buttons.accepted.emit()
    assert "电话号码只能包含数字" in dialog.error.text()
    dialog.phone.setText("13903940000")
    dialog.buttons.accepted.emit()
    assert not dialog.isVisible()
    assert "挂钩领导：区政协副主席" in view.header.text() and "上官云舒" in view.header.text()
    assert "上官云舒" not in all_audit_text(ws) and "13903940000" not in all_audit_text(ws)

    recommended = {vid for vid, _ in view.recommended}
    assert recommended
    decide = view.open_decide()
    assert isinstance(decide, DecideDialog)
    qtbot.addWidget(decide)
    decide.doc_number.setText("淮发〔2026〕40号")
    decide.added.setCurrentIndex(1)
    added = decide.added.currentData()
    decide.buttons.accepted.emit()
    assert "直接列入的理由" in decide.error.text()
    decide.added_reason.setPlainText("群众集体反映强烈，区委决定一并整治")
    decide.buttons.accepted.emit()
    assert not decide.isVisible()
    rows = {r.village_id: r for r in view.model.rows()}
    assert rows[added].status is CampaignStatus.DECIDED
    assert all(rows[v].status is CampaignStatus.DECIDED for v in recommended)
    assert not view.decide_button.isEnabled()  # nothing left to decide


def test_a_typical_problem_list_drawn_up_and_published_from_the_window(
    office_window: MainWindow, qtbot, tmp_path: Path
) -> None:
    view = _view(office_window)
    view.tabs.setCurrentIndex(2)
    before = len(view.lists)
    dialog = view.open_draft()
    qtbot.addWidget(dialog)
    dialog.buttons.accepted.emit()
    assert not dialog.isVisible()
    assert len(view.lists) == before + 1 and view.publish_button.isEnabled()
    view.publish(tmp_path / "packets")
    packets = sorted((tmp_path / "packets").glob("未巡先改-*.zip"))
    assert packets and all(str(p) in view.message.text() for p in packets)
    assert not view.publish_button.isEnabled()
    assert "印发" in view.lists_label.text()


def test_a_team_laptop_sees_its_villages_and_adds_progress_only(window: MainWindow) -> None:
    view = window.show_view("campaign")
    assert isinstance(view, CampaignView)
    assert view.ws.kind is WorkspaceKind.TEAM
    assert not view.propose_button.isVisibleTo(view)
    assert not view.add_task_button.isVisibleTo(view)
    assert not view.evaluate_button.isVisibleTo(view)
    assert view.progress_button.isVisibleTo(view) and view.check_button.isVisibleTo(view)
    assert view.model.rowCount() == len(campaign_rows(view.ws))


def test_every_visible_string_is_chinese(office_window: MainWindow, qtbot) -> None:
    view = _view(office_window)
    view.select_village(_under_way(view))
    texts = visible_texts(office_window)
    for i in range(3):
        view.tabs.setCurrentIndex(i)
        texts += visible_texts(office_window)
    view.tabs.setCurrentIndex(0)
    view.tasks.selectRow(0)  # the plan starts with 抓坏人
    for opener in (
        view.open_outcome,
        view.open_task,
        view.open_check,
        view.open_evaluate,
        view.open_decide,
        view.open_work_group,
        view.open_draft,
    ):
        dialog = opener()
        assert dialog is not None
        qtbot.addWidget(dialog)
        texts += visible_texts(dialog)
        dialog.reject()
    assert "集中整治" in texts and "制度推广" in texts and "未巡先改" in texts
    assert english_in(texts) == [], sorted(set(english_in(texts)))


def test_the_view_opens_on_an_empty_workspace(app: QApplication, tmp_path: Path, qtbot) -> None:
    ws = Workspace.create(
        tmp_path / "empty",
        team_name="区委巡察办",
        leader=LEADER,
        password=PASSWORD,
        kind=WorkspaceKind.OFFICE,
    )
    try:
        win = build_main_window(ws, SyncTaskRunner(), offer_drafts=False, idle_lock=False)
        qtbot.addWidget(win)
        view = win.show_view("campaign")
        assert isinstance(view, CampaignView)
        assert view.model.rowCount() == 0 and "0" in view.summary.text()
        view.tabs.setCurrentIndex(1)
        view.tabs.setCurrentIndex(2)
        assert view.lists_label.text() == "还没有典型问题清单。"
        view.propose()
        assert "没有巡察报告建议" in view.message.text()
        win.close()
    finally:
        ws.close()
