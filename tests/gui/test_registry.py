"""The registry view standalone: the triage explanation, the import preview, overrides, the plan
editor; every model through qtmodeltester; every visible string in Chinese; screenshots."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractButton, QApplication, QLabel, QWidget
from sqlmodel import select

from app.domain.vocabulary import Tier
from app.services.registry.channels import RowOutcome, apply_channel_import, plan_channel_import
from app.services.registry.triage import run_triage
from app.services.registry.villages import registry_rows
from app.storage.models import ChannelListing
from app.storage.workspace import Workspace
from app.ui.app import setup_application
from app.ui.registry.dialogs import VillageEditDialog
from app.ui.registry.view import RegistryView
from app.ui.tasks import SyncTaskRunner
from tests.gui.conftest import standalone
from tests.unit.services.registry.channel_files import make_registry, write_csv, write_xlsx

ENGLISH = re.compile(r"[A-Za-z]{2,}")


@pytest.fixture
def view(qapp: QApplication, ws: Workspace, tmp_path: Path, qtbot) -> Iterator[RegistryView]:
    setup_application()  # translations, as the program installs them
    make_registry(ws, tmp_path / "reg")
    listing = write_xlsx(
        tmp_path / "汇总.xlsx",
        [
            ("渠道", "乡镇", "村名", "数量"),
            ("大数据", "城关镇", "新村", 1),
            ("信访", "城关镇", "新村", 2),
            ("返贫", "王店乡", "张庄", 1),
        ],
    )
    apply_channel_import(ws, listing, plan_channel_import(ws, listing))
    run_triage(ws)
    widget = standalone(RegistryView, ws)
    qtbot.addWidget(widget)
    widget.resize(1280, 720)
    widget.show()
    yield widget
    widget.close()


def _id(ws: Workspace, label: str) -> str:
    return next(r.id for r in registry_rows(ws) if r.label == label)


def _texts(root: QWidget) -> list[str]:
    out = [root.windowTitle()]
    for w in [root, *root.findChildren(QWidget)]:
        if isinstance(w, QLabel | QAbstractButton) and w.isVisible():
            out.append(w.text())
    return [t for t in out if t]


def test_models_pass_the_model_tester(view: RegistryView, ws: Workspace, qtmodeltester) -> None:
    qtmodeltester.check(view.model)
    assert view.model.rowCount() == 6
    editor = view.open_plan()
    editor.suggest_button.click()
    qtmodeltester.check(editor.model)


def test_the_window_explains_the_tier(shots: Path, view: RegistryView, ws: Workspace) -> None:
    view.select_village(_id(ws, "城关镇新村"))
    text = view.panel.toPlainText()
    assert "城关镇新村" in text
    assert "类别：差" in text and "巡察方式：重点巡察" in text
    assert "大数据比对违规违纪问题线索明显村" in text and "信访问题集中村" in text
    why = "列入信访问题集中村（数量 2）、大数据比对违规违纪问题线索明显村两个渠道，得分 6 ≥ 4"
    assert why + "，定为差村" in text
    view.grab().save(str(shots / "registry_view.png"))
    view.select_village(_id(ws, "城关镇王庄村"))
    assert "未列入任何渠道名单" in view.panel.toPlainText()
    assert "类别：好" in view.panel.toPlainText()
    assert "分类规则：信访问题集中村 2" in view.rule_label.text()


def test_override_needs_a_reason_and_shows_in_the_window(
    shots: Path, view: RegistryView, ws: Workspace
) -> None:
    vid = _id(ws, "王店乡张庄村")
    view.select_village(vid)
    dialog = view.open_override(view.panel.triage)  # type: ignore[arg-type]
    dialog.tier.setCurrentIndex(dialog.tier.findData(Tier.POOR.value))
    dialog.reason.setPlainText("   ")
    dialog._on_buttons_accepted()
    assert dialog.error.text() == "必须填写理由。"
    assert dialog.isVisible()
    dialog.reason.setPlainText("群众反映村干部优亲厚友，需重点巡察")
    dialog.grab().save(str(shots / "override_dialog.png"))
    dialog._on_buttons_accepted()
    assert not dialog.isVisible()
    row = view.model.row_of(vid)
    assert view.model.index(row, 3).data() == "差（人工）"
    view.select_village(vid)
    text = view.panel.toPlainText()
    assert "人工定为差村（按规则为中村）：群众反映村干部优亲厚友，需重点巡察" in text
    assert "按规则：列入返贫易发村一个渠道" in text


def test_import_preview_shows_every_outcome_and_imports_once_resolved(
    shots: Path, view: RegistryView, ws: Workspace, tmp_path: Path, qtmodeltester
) -> None:
    path = write_csv(
        tmp_path / "治安名单.csv",
        [("乡镇（街道）", "村（社区）", "数量"), ("城关镇", "王庄村委会", 2), ("", "王庄", 1),
         ("新集镇", "刘湾", 1), ("", "赵楼", 1), ("城关镇", "王庄 村", 2)],
        "gbk",
    )  # fmt: skip
    dialog = view.open_channel_import(path)
    assert dialog.summary.text() == "共 5 行：已匹配 1，新增 1，有歧义 1，跳过 2"
    qtmodeltester.check(dialog.model)
    assert "治安刑事案件多发村：列入 2 个村（新列入 2，保留 0，移出 0）" in dialog.changes.text()
    assert not dialog.import_button.isEnabled()
    assert "有 1 行无法确定是哪个村" in dialog.error.text()
    dialog.tabs.setCurrentIndex(3)  # 有歧义
    assert dialog.model.rowCount() == 1
    dialog.table.selectRow(0)
    assert dialog.candidates.count() == 2
    assert dialog.candidates.itemText(1) == "王店乡王庄村（411602001）"
    dialog.grab().save(str(shots / "import_preview.png"))
    for text in _texts(dialog):
        assert not ENGLISH.search(re.sub(r"CSV|\.csv", "", text)), text
    dialog.candidates.setCurrentIndex(1)
    dialog.choose.click()
    assert dialog.plan is not None and dialog.plan.can_apply
    assert dialog.import_button.isEnabled()
    dialog.tabs.setCurrentIndex(4)  # 跳过
    reasons = [dialog.model.row_at(i).reason for i in range(dialog.model.rowCount())]  # type: ignore[union-attr]
    assert reasons == ["名录中无此村，且未填乡镇，无法新增", "与第 2 行重复"]
    dialog.import_button.click()
    assert not dialog.isVisible()
    with ws.session() as s:
        crime = [x for x in s.exec(select(ChannelListing)).all() if x.channel.value == "crime"]
    assert len(crime) == 3
    assert "已对 7 个村（社区）分类" in view.status.text()  # triaged after the import
    assert view.model.rowCount() == 7


def test_the_import_preview_says_why_a_file_cannot_be_read(
    view: RegistryView, tmp_path: Path
) -> None:
    path = write_csv(tmp_path / "名单.csv", [("乡镇", "村名"), ("城关镇", "王庄")])
    dialog = view.open_channel_import(path)
    assert "无法确定“名单.csv”是哪个渠道的名单" in dialog.error.text()
    dialog.channel.setCurrentIndex(2)  # 信访举报高发村
    assert dialog.plan is not None
    assert dialog.plan.rows[0].outcome is RowOutcome.MATCHED
    assert dialog.error.text() == ""


def test_plan_editor_suggests_moves_and_saves(
    shots: Path, view: RegistryView, ws: Workspace
) -> None:
    editor = view.open_plan()
    editor.suggest_button.click()
    assert editor.model.index(0, 0).data() == "第一批"
    assert editor.model.index(0, 3).data() == "新村"
    editor.table.selectRow(editor.model.rowCount() - 1)
    editor.move_selected(1)
    editor.save_button.click()
    assert editor.status.text() == "批次计划已保存。"
    numbers = {r.label: r.batch_number for r in registry_rows(ws)}
    assert numbers["城关镇新村"] == 1
    assert list(numbers.values()).count(1) == 2
    editor.resize(1100, 560)
    editor.grab().save(str(shots / "plan_editor.png"))
    for text in _texts(editor):
        assert not ENGLISH.search(text.replace("Excel", "")), text


def test_every_visible_string_is_chinese(view: RegistryView, ws: Workspace) -> None:
    view.select_village(_id(ws, "城关镇新村"))
    headers = [
        str(view.model.headerData(i, Qt.Orientation.Horizontal))
        for i in range(view.model.columnCount())
    ]
    for text in _texts(view) + headers:
        assert not ENGLISH.search(text), text


def test_notices_need_a_phone_and_say_so(view: RegistryView, ws: Workspace) -> None:
    view.print_notices([_id(ws, "城关镇新村")])
    assert view.status.text() == "公告缺少联系电话：请在设置中填写公告电话或巡察组电话"


def test_the_main_window_has_the_registry_view(qapp: QApplication, ws: Workspace, qtbot) -> None:
    from app.ui.app import build_main_window

    setup_application()
    window = build_main_window(ws, SyncTaskRunner(), offer_drafts=False)
    qtbot.addWidget(window)
    assert "registry" in window.view_keys()
    view = window.show_view("registry")
    assert isinstance(view, RegistryView)
    assert view.status.text() == "名录为空：请先导入村（社区）名录。"
    titles = [window.nav.item(i).text() for i in range(window.nav.count())]
    assert "村情分类" in titles
    window.close()


def test_registry_import_and_edit_in_the_window(
    view: RegistryView, ws: Workspace, tmp_path: Path
) -> None:
    path = write_csv(
        tmp_path / "名录2.csv",
        [("乡镇", "村名", "村代码"), ("王店乡", "刘湾村", "411602003"), ("王店乡", "张庄", "")],
        "gbk",
    )
    view.import_villages_from(path)
    assert view.status.text() == (
        "名录已导入：新增乡镇 0 个；村（社区）新增 1，补充代码 0，已有 1，跳过 0"
    )
    assert view.model.rowCount() == 7
    vid = _id(ws, "王店乡刘湾村")
    view.open_editor(vid)
    dialog = view.dialog
    assert isinstance(dialog, VillageEditDialog)
    assert dialog.name.text() == "刘湾村" and dialog.township.currentText() == "王店乡"
    dialog.code.setText("411602001")
    dialog._on_buttons_accepted()
    assert dialog.error.text() == "代码 411602001 已被“王庄村”使用"
    dialog.name.setText("刘 湾 新 村")
    dialog.code.setText("411602009")
    dialog._on_buttons_accepted()
    assert not dialog.isVisible()
    row = view.model.row_of(vid)
    assert view.model.index(row, 1).data() == "刘湾新村"
    assert view.model.index(row, 2).data() == "411602009"
