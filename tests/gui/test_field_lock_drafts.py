"""Idle lock and unlock, drafts recovered after a kill, masked names for a member."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QMessageBox

from app.domain.vocabulary import Role, VisitMethod
from app.services.field import drafts
from app.services.field.forms import save_form
from app.services.field.navigator import village_tree
from app.services.field.reads import record_detail, search_records
from app.storage.workspace import Workspace
from app.ui.app import build_main_window
from app.ui.field.forms import EntryForm
from app.ui.field.view import FieldView
from app.ui.main_window import MainWindow
from app.ui.tasks import SyncTaskRunner
from tests.conftest import PASSWORD
from tests.gui.field_helpers import LEADER


def _field(window: MainWindow) -> FieldView:
    view = window.view("field")
    assert isinstance(view, FieldView)
    return view


def test_idle_time_locks_the_window_and_the_password_unlocks_it(window, qtbot) -> None:
    watcher = window.idle_watcher
    assert watcher.active
    watcher.set_minutes(0.002)  # 120 ms
    watcher.start()
    field_view = window.view("field")
    engine = field_view.ctx.ws.engine
    qtbot.waitUntil(lambda: window.is_locked, timeout=3000)
    assert window.view("field") is None  # views cleared
    assert window.ctx is None and engine.pool.checkedout() == 0  # database closed
    assert window.central.currentWidget() is window.lock_page
    assert not watcher.active
    window.lock_page.password.setText("不对")
    window.lock_page.button.click()
    assert window.is_locked and "密码" in window.lock_page.error.text()
    window.lock_page.password.setText(PASSWORD)
    window.lock_page.button.click()
    assert not window.is_locked
    assert isinstance(window.view("field"), FieldView)
    assert window.view("field").tree_model.rowCount() > 0
    assert watcher.active


def test_lock_keeps_the_draft_of_an_open_form(window, qtbot) -> None:
    view = window.view("field")
    dialog = view.new_record("visit")
    assert dialog is not None
    dialog.form.notes.setPlainText("锁定前没写完的走访情况")
    window.lock()
    assert not dialog.isVisible()
    assert window.try_unlock(PASSWORD)
    ws = window.ctx.ws
    found = drafts.pending_drafts(ws)
    assert [d.payload["notes"] for d in found] == ["锁定前没写完的走访情况"]


def test_a_draft_left_by_a_killed_program_is_offered_back(
    app, demo_root: Path, qtbot, monkeypatch
) -> None:
    # first run: the user types, the draft is stored, then the program dies (no save, no cancel)
    ws = Workspace.open(demo_root, PASSWORD, LEADER)
    win = build_main_window(ws, SyncTaskRunner(), offer_drafts=False, idle_lock=False)
    qtbot.addWidget(win)
    view = _field(win)
    dialog = view.new_record("opinion_entry")
    assert dialog is not None
    form = dialog.form
    assert isinstance(form, EntryForm)
    form.box.setText("村委会门口意见箱")
    form.content.setPlainText("反映村里路灯坏了三个月")
    form.flush_draft()
    ws.close()  # killed: nothing else happens
    # second run: the draft comes back into a form
    asked: list[str] = []

    def yes(*args: object) -> QMessageBox.StandardButton:
        asked.append(str(args[2]))
        return QMessageBox.StandardButton.Yes

    monkeypatch.setattr(QMessageBox, "question", yes)
    ws2 = Workspace.open(demo_root, PASSWORD, LEADER)
    win2 = build_main_window(ws2, SyncTaskRunner(), idle_lock=False)
    qtbot.addWidget(win2)
    view2 = _field(win2)
    assert len(asked) == 1 and "意见箱信件" in asked[0]
    recovered = view2.open_dialogs[-1]
    qtbot.addWidget(recovered)
    assert isinstance(recovered.form, EntryForm)
    assert recovered.form.content.toPlainText() == "反映村里路灯坏了三个月"
    assert recovered.form.box.text() == "村委会门口意见箱"
    recovered.save()
    assert recovered.result_ is not None
    assert drafts.pending_drafts(ws2) == []  # saved: the draft is gone
    win2.close()


def test_a_member_sees_protected_names_masked(app, demo_root: Path, qtbot) -> None:
    leader_ws = Workspace.open(demo_root, PASSWORD, LEADER)
    vid = village_tree(leader_ws)[0].villages[0].id
    saved = save_form(
        leader_ws,
        "visit",
        None,
        {
            "village_id": vid,
            "occurred_at": "2026-11-20T09:30",
            "method": VisitMethod.KEY.value,
            "notes": "重点探访反映人反映集体土地被私自出租",
            "people": [
                {"name": "张秀兰", "role": "反映人", "protected": True},
                {"name": "李建国", "role": "村会计", "protected": False},
            ],
        },
    )
    leader_ws.add_user("孙晓燕", "孙晓燕", Role.MEMBER, "成员密码-1")
    assert "张秀兰" in str(record_detail(leader_ws, "visit", saved.record_id).fields)
    leader_ws.close()

    ws = Workspace.open(demo_root, "成员密码-1", "孙晓燕")
    win = build_main_window(ws, SyncTaskRunner(), offer_drafts=False, idle_lock=False)
    qtbot.addWidget(win)
    view = _field(win)
    view.select_village(vid)
    model = view.models["visit"]
    row = model.row_of(("visit", saved.record_id))
    people = model.index(row, model.COLUMNS.index("person")).data()
    assert people == "张*、李建国"
    view.detail.show_record("visit", saved.record_id)
    text = view.detail.browser.toPlainText()
    assert "张*" in text and "张秀兰" not in text and "李建国" in text
    hits = search_records(ws, "私自出租")
    assert hits and all("张秀兰" not in h.snippet for h in hits)
    assert "张秀兰" not in win.windowTitle()
    # a member cannot open the record for editing (the form would show the name)
    shown: list[str] = []
    from PySide6.QtWidgets import QMessageBox as Box

    def warn(*a: object, **kw: object) -> Box.StandardButton:
        shown.append(str(a[2]))
        return Box.StandardButton.Ok

    original = Box.warning
    Box.warning = warn  # type: ignore[method-assign]
    try:
        view.edit_record("visit", saved.record_id)
    finally:
        Box.warning = original  # type: ignore[method-assign]
    assert shown == ["这条记录含有受保护的姓名，只有组长可以修改。"]
    win.close()
