"""The field forms in the real window: nothing typed is lost, dates are typed, the cursor goes
where the user goes on typing, interviewees are protected, errors are in sight and go when fixed,
photos can be enlarged."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLineEdit, QMessageBox, QWidget

from app.domain.vocabulary import Role
from app.services.field.drafts import pending_drafts
from app.storage.workspace import Workspace
from app.ui.app import build_main_window
from app.ui.field.formkit import PhotoViewer
from app.ui.field.forms import FormDialog, InterviewForm, VisitForm
from app.ui.field.models import RecordTableModel
from app.ui.field.view import FieldView
from app.ui.main_window import MainWindow
from app.ui.tasks import SyncTaskRunner
from tests.gui.field_helpers import photo_file
from tests.gui.shots import shot

pytestmark = pytest.mark.qt_log_ignore("does not support propagateSizeHints")


def field(window: MainWindow) -> FieldView:
    view = window.view("field")
    assert isinstance(view, FieldView)
    return view


def active(window: MainWindow, qtbot) -> None:
    with qtbot.waitActive(window):
        window.show()
        window.activateWindow()


def message_box(parent: QWidget, name: str) -> QMessageBox:
    boxes = [b for b in parent.findChildren(QMessageBox, name) if b.isVisible()]
    assert len(boxes) == 1, f"expected one open {name}"
    return boxes[0]


def save(dialog: FormDialog) -> None:
    """Save, saying yes if the dates are asked about (the demo's days age with the calendar)."""
    dialog.save()
    for box in dialog.findChildren(QMessageBox, "confirmDates"):
        if box.isVisible():
            box.button(QMessageBox.StandardButton.Yes).click()
    assert dialog.result_ is not None


def click(box: QMessageBox, text: str) -> None:
    button = next(b for b in box.buttons() if b.text().replace("&", "") == text)
    button.click()


def test_add_a_person_puts_the_cursor_in_the_name(window: MainWindow, qtbot) -> None:
    active(window, qtbot)
    dialog = field(window).new_record("visit")
    assert dialog is not None
    qtbot.waitUntil(lambda: dialog.isActiveWindow(), timeout=2000)
    form = dialog.form
    assert isinstance(form, VisitForm)
    assert QApplication.focusWidget() is form.place  # typing starts at the place
    qtbot.mouseClick(form.people.add_button, Qt.MouseButton.LeftButton)
    name = form.people.rows[0].findChild(QLineEdit, "name")
    assert QApplication.focusWidget() is name
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_R, Qt.KeyboardModifier.AltModifier)
    assert len(form.people.rows) == 2  # Alt+R: another person, cursor in its name
    assert QApplication.focusWidget() is form.people.rows[1].findChild(QLineEdit, "name")
    dialog.form.dirty = False
    dialog.reject()


def test_esc_on_a_half_filled_form_keeps_a_draft_or_asks(window: MainWindow, qtbot) -> None:
    active(window, qtbot)
    view = field(window)
    dialog = view.new_record("visit")
    assert dialog is not None
    form = dialog.form
    assert isinstance(form, VisitForm)
    form.notes.setFocus()
    form.notes.insertPlainText("群众反映村口路灯坏了一个月")
    qtbot.keyClick(form.notes, Qt.Key.Key_Escape)
    box = message_box(dialog, "askClose")
    assert dialog.isVisible()  # nothing is closed before the user answers
    shot(dialog, "form-esc-asks")
    click(box, "继续填写")
    assert dialog.isVisible() and "路灯" in form.notes.toPlainText()
    qtbot.keyClick(form.notes, Qt.Key.Key_Escape)
    click(message_box(dialog, "askClose"), "保留草稿")
    assert not dialog.isVisible()
    assert window.ctx is not None
    drafts = pending_drafts(window.ctx.ws)
    assert [d.kind for d in drafts] == ["visit"] and "路灯" in drafts[0].payload["notes"]
    again = view.new_record("visit")  # the next new visit continues the draft
    assert again is not None and isinstance(again.form, VisitForm)
    assert again.resumed and "路灯" in again.form.notes.toPlainText()
    assert "草稿" in again.busy.text()
    qtbot.keyClick(again.form.notes, Qt.Key.Key_Escape)
    click(message_box(again, "askClose"), "放弃")
    assert not again.isVisible() and pending_drafts(window.ctx.ws) == []


def test_dates_are_typed_and_tab_leaves_the_field(window: MainWindow, qtbot) -> None:
    active(window, qtbot)
    dialog = field(window).new_record("visit")
    assert dialog is not None
    form = dialog.form
    assert isinstance(form, VisitForm)
    form.when.setFocus()
    qtbot.waitUntil(lambda: form.when.selectedText() != "", timeout=2000)
    qtbot.keyClicks(form.when, "11-20 930")
    qtbot.keyClick(form.when, Qt.Key.Key_Tab)  # one Tab: the next field
    year = 2026 if date.today() >= date(2026, 5, 20) else date.today().year
    assert form.when.text() == f"{year}-11-20 09:30"
    assert QApplication.focusWidget() is form.method
    form.when.setFocus()
    qtbot.waitUntil(lambda: form.when.selectedText() != "", timeout=2000)
    qtbot.keyClicks(form.when, "20261201")
    qtbot.keyClick(form.when, Qt.Key.Key_Tab)
    assert form.when.text().startswith("2026-12-01 ")
    form.dirty = False
    dialog.reject()


def _fill_visit(form: VisitForm) -> None:
    form.place.setText("村委会")
    form.notes.setPlainText("走访群众，了解村务公开情况。")


def test_a_date_outside_the_round_is_asked_about_before_saving(window: MainWindow, qtbot) -> None:
    active(window, qtbot)
    view = field(window)
    dialog = view.new_record("visit")
    assert dialog is not None
    form = dialog.form
    assert isinstance(form, VisitForm)
    _fill_visit(form)
    form.when.setText("1990-01-01 10:00")
    dialog.save()
    box = message_box(dialog, "confirmDates")
    assert "1990年1月1日" in box.text()
    shot(dialog, "form-date-asked")
    box.button(QMessageBox.StandardButton.No).click()
    assert dialog.isVisible() and dialog.result_ is None  # nothing saved
    dialog.save()
    message_box(dialog, "confirmDates").button(QMessageBox.StandardButton.Yes).click()
    assert dialog.result_ is not None  # the user said yes: saved as typed


def test_an_error_goes_as_soon_as_the_field_is_put_right(window: MainWindow, qtbot) -> None:
    dialog = field(window).new_record("visit")
    assert dialog is not None
    form = dialog.form
    assert isinstance(form, VisitForm)
    dialog.save()
    assert form.errors["notes"].isVisible()
    form.notes.setPlainText("走访群众。")
    assert not form.errors["notes"].isVisible()
    form.when.setText("明天上午")
    dialog.save()
    assert form.errors["occurred_at"].text().startswith("不是日期时间")
    form.when.setText("2026-11-27 09:00")
    assert not form.errors["occurred_at"].isVisible()
    form.dirty = False
    dialog.reject()


def test_a_refused_photo_is_said_in_sight(window: MainWindow, qtbot, tmp_path: Path) -> None:
    dialog = field(window).new_record("visit")
    assert dialog is not None
    window.show()
    dialog.show()
    bad = tmp_path / "不是照片.jpg"
    bad.write_bytes(b"not a jpeg at all")
    dialog.form.photos.add_files([bad])
    assert dialog.busy.isVisible() and dialog.busy.text()
    assert "#b00020" in dialog.busy.styleSheet()
    shot(dialog, "form-photo-refused")
    dialog.form.dirty = False
    dialog.reject()


def test_a_photo_is_enlarged_from_the_form_and_from_the_detail(
    window: MainWindow, qtbot, tmp_path: Path
) -> None:
    view = field(window)
    dialog = view.new_record("visit")
    assert dialog is not None
    form = dialog.form
    assert isinstance(form, VisitForm)
    _fill_visit(form)
    form.when.setText("2026-11-27 09:00")
    form.photos.add_files([photo_file(tmp_path)])
    item = form.photos.list.item(0)
    form.photos.list.itemDoubleClicked.emit(item)
    viewers = form.photos.findChildren(PhotoViewer)
    assert viewers and viewers[0].image.pixmap().width() == 640
    save(dialog)
    detail = view.detail
    assert detail.detail is not None and detail.detail.photos
    detail.show_photo(detail.detail.photos[0].id)
    assert detail.viewer is not None and detail.viewer.isVisible()


def test_clicking_the_current_village_leaves_today(window: MainWindow, qtbot) -> None:
    view = field(window)
    window.show()
    current = view.tree.currentIndex()
    view.show_today(date(2026, 11, 27))
    assert view.stack.currentWidget() is view.today_table
    rect = view.tree.visualRect(current)
    qtbot.mouseClick(view.tree.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert view.stack.currentWidget() is view.tabs


def test_interviewees_are_protected_and_masked_for_a_member(
    app, demo_root: Path, window: MainWindow, qtbot
) -> None:
    view = field(window)
    dialog = view.new_record("interview")
    assert dialog is not None
    form = dialog.form
    assert isinstance(form, InterviewForm)
    assert form.protected.isChecked() and form.protected.text() == "受保护"
    form.name.setText("钱多多")
    form.post.setText("村会计")
    form.start.setText("2026-11-27 15:00")
    form.record.setPlainText("问：集体资金怎么用？答：都公开了。")
    save(dialog)
    assert dialog.result_ is not None and window.ctx is not None
    village = dialog.result_.village_id
    window.ctx.ws.add_user("组员丙", "组员丙", Role.MEMBER, "成员密码-789")
    ws = Workspace.open(demo_root, "成员密码-789", "组员丙")
    member = build_main_window(ws, SyncTaskRunner(), idle_lock=False, offer_drafts=False)
    qtbot.addWidget(member)
    mview = field(member)
    mview.select_village(village)
    model = mview.models["interview"]
    person = RecordTableModel.COLUMNS.index("person")
    people = [model.index(r, person).data() for r in range(model.rowCount())]
    assert "钱*" in people and "钱多多" not in people
    member.close()
