"""The field window driven through its real widgets (offscreen, synchronous task runner)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QShortcut
from PySide6.QtWidgets import QDialogButtonBox

from app.services.field import reads as field
from app.storage.workspace import Workspace
from app.ui.field.forms import InterviewForm, VisitForm
from app.ui.field.view import FieldView
from app.ui.login import LoginDialog
from app.ui.main_window import MainWindow
from tests.conftest import PASSWORD
from tests.gui.field_helpers import LEADER, photo_file

# the offscreen platform says this whenever a top-level window is shown; it is not our defect


def _field(window: MainWindow) -> FieldView:
    view = window.view("field")
    assert isinstance(view, FieldView)
    return view


def _workspace(dialog: LoginDialog) -> Workspace | None:
    return dialog.workspace


def _hit(view: FieldView, row: int) -> field.SearchRow:
    hit = view.search_model.hit_at(row)
    assert hit is not None
    return hit


def test_login_refuses_a_wrong_password_then_opens(app, demo_root: Path, qtbot) -> None:
    dialog = LoginDialog(demo_root, lambda pw, user: Workspace.open(demo_root, pw, user))
    qtbot.addWidget(dialog)
    ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    assert ok.text() == "确定"
    dialog.password.setText("错的密码")
    qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)
    assert "密码" in dialog.error.text() and dialog.workspace is None
    dialog.password.setText(PASSWORD)
    qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)
    opened = _workspace(dialog)  # read again: mypy keeps the None narrowed above
    assert opened is not None and opened.username == LEADER
    opened.close()


def test_navigator_lists_villages_with_tier_and_the_first_village_records(window, qtmodeltester):
    view = _field(window)
    model = view.tree_model
    qtmodeltester.check(model)
    towns = model.rowCount()
    villages = sum(model.rowCount(model.index(t, 0)) for t in range(towns))
    assert villages == 6
    first = model.first_village()
    assert model.index(first.row(), 1, first.parent()).data() in {"好", "中", "差", "未分类"}
    first_row = model.village_at(first)
    assert first_row is not None
    assert view.village_id == first_row.id
    for kind in field.KINDS:
        qtmodeltester.check(view.models[kind])
    assert "走访记录" in view.tabs.tabText(0)
    total = sum(view.models[k].rowCount() for k in field.KINDS)
    assert total > 0
    view.show_today(date(2026, 11, 27))
    assert view.today_model.rowCount() > 0
    qtmodeltester.check(view.today_model)


def test_record_a_visit_with_a_problem_and_a_photo_find_it_and_edit_it(
    window, qtbot, qtmodeltester, tmp_path: Path
) -> None:
    view = _field(window)
    village = view.village_id
    dialog = view.new_record("visit")
    assert dialog is not None
    qtbot.addWidget(dialog)
    form = dialog.form
    assert isinstance(form, VisitForm)
    form.place.setFocus()
    form.place.insert("村委会会议室")  # QTest cannot type Chinese; the widget's own editing can
    form.people.add_row({"name": "王秀英", "role": "村民", "protected": True})
    form.notes.insertPlainText("群众反映村东头吃水井的水泵已经坏了两个月无人维修")
    form.problems.add_row()
    desc = form.problems.value()
    assert desc[0]["village_id"] == village
    row = form.problems.rows[0]
    from PySide6.QtWidgets import QComboBox, QLineEdit

    description = row.findChild(QLineEdit, "description")
    category = row.findChild(QComboBox, "category")
    assert description is not None and category is not None
    description.insert("吃水井水泵坏了无人修")
    assert category.currentData() == "livelihood"  # first guess
    form.photos.add_files([photo_file(tmp_path)])
    assert len(form.photos.photos) == 1 and form.photos.list.count() == 1
    qtbot.mouseClick(
        dialog.buttons.button(QDialogButtonBox.StandardButton.Save), Qt.MouseButton.LeftButton
    )
    result = dialog.result_
    assert result is not None and result.kind == "visit" and len(result.problem_ids) == 1
    # the list shows it and the detail pane shows its problem and photo
    keys = view.models["visit"].keys()
    assert ("visit", result.record_id) in keys
    detail = view.detail.detail
    assert detail is not None and detail.id == result.record_id
    assert [p.description for p in detail.problems] == ["吃水井水泵坏了无人修"]
    assert len(detail.photos) == 1
    assert "<img" in view.detail.browser.toHtml()
    # search for a Chinese substring
    view.search.setText("水泵已经坏")
    view.run_search()
    assert view.stack.currentWidget() is view.search_table
    hits = [_hit(view, i) for i in range(view.search_model.rowCount())]
    assert any(h.id == result.record_id for h in hits)
    qtmodeltester.check(view.search_model)
    row_i = next(i for i, h in enumerate(hits) if h.id == result.record_id)
    html = view.search_model.index(row_i, 2).data(Qt.ItemDataRole.UserRole + 2)
    assert "background:#ffe066" in html and "水泵已经坏" in html
    view.search_table.selectRow(row_i)
    assert view.detail.detail is not None and view.detail.detail.id == result.record_id
    # edit it: the notes change, the record stays one
    view.edit_record("visit", result.record_id)
    edit = view.open_dialogs[-1]
    qtbot.addWidget(edit)
    assert isinstance(edit.form, VisitForm)
    assert edit.form.record_id == result.record_id
    assert edit.form.notes.toPlainText().startswith("群众反映")
    edit.form.notes.setPlainText("群众反映村东头吃水井的水泵已修好")
    edit.save()
    assert view.detail.detail.body == "群众反映村东头吃水井的水泵已修好"
    assert view.models["visit"].keys().count(("visit", result.record_id)) == 1


def test_validation_shows_chinese_messages_next_to_the_fields_and_writes_nothing(
    window, qtbot
) -> None:
    view = _field(window)
    before = list(view.models["interview"].keys())
    dialog = view.new_record("interview")
    assert dialog is not None
    qtbot.addWidget(dialog)
    form = dialog.form
    assert isinstance(form, InterviewForm)
    form.start.setDateTime(form.start.dateTime().addDays(3))
    form.end.set_value("2020-01-01T08:00")
    dialog.save()
    assert dialog.result_ is None and dialog.isVisible()
    assert form.errors["interviewee_name"].text() == "请填写谈话对象姓名。"
    assert form.errors["started_at"].text() == "时间不能晚于现在。"
    assert form.errors["record"].text() == "谈话记录不能为空。"
    assert form.errors["interviewee_name"].isVisibleTo(dialog)
    form.start.setDateTime(form.start.dateTime().addDays(-4))
    form.end.set_value(form.start.dateTime().addSecs(-3600).toString("yyyy-MM-ddTHH:mm"))
    dialog.save()
    assert form.errors["ended_at"].text() == "结束时间不能早于开始时间。"
    dialog.reject()
    assert view.models["interview"].keys() == before


def _shortcut(widget, keys: str) -> QShortcut:
    found = [s for s in widget.findChildren(QShortcut) if s.key().toString() == keys]
    assert len(found) == 1, keys
    return found[0]


def test_keyboard_shortcuts_new_save_find_and_escape(window, qtbot) -> None:
    # the offscreen platform under pytest has no active window, so the bound shortcuts are
    # looked up by their keys and fired as Qt would fire them
    window.show()
    view = _field(window)
    view.tabs.setCurrentIndex(2)
    _shortcut(view, "Ctrl+N").activated.emit()
    dialog = view.open_dialogs[-1]
    qtbot.addWidget(dialog)
    assert dialog.form.kind == "interview"
    _shortcut(dialog, "Ctrl+S").activated.emit()
    assert dialog.isVisible() and dialog.form.errors["record"].text()
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert not dialog.isVisible() and not view.open_dialogs
    _shortcut(view, "Ctrl+F").activated.emit()
    view.search.setText("巡察")
    view.run_search()
    assert view.stack.currentWidget() is view.search_table
    _shortcut(view.search, "Esc").activated.emit()
    assert view.stack.currentWidget() is view.tabs and view.search.text() == ""
