"""The window beside another writer, two saves of one record, users, one window per workspace
(issue 17, parts 3 and 5)."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication, QMenu, QPlainTextEdit, QPushButton
from sqlmodel import col, select

from app.services.field.forms import load_payload, save_form
from app.storage.locks import job
from app.storage.models import Township, Visit
from app.storage.workspace import Workspace
from app.ui.field.changed import BACK, SAVE_MINE, TAKE_THEIRS, RecordChangedDialog
from app.ui.field.forms import FormDialog, VisitForm
from app.ui.field.view import FieldView
from app.ui.main_window import MainWindow
from app.ui.single import SingleWindow
from app.ui.users import UsersDialog
from tests.conftest import PASSWORD
from tests.gui.field_helpers import LEADER
from tests.gui.test_field_translation import english_in, visible_texts

pytestmark = pytest.mark.qt_log_ignore("does not support propagateSizeHints")


def _grab(widget, tmp_path: Path, name: str) -> Path:
    out = tmp_path / "shots"
    out.mkdir(exist_ok=True)
    path = out / f"{name}.png"
    assert widget.grab().save(str(path))
    return path


def _notes(dialog: FormDialog) -> QPlainTextEdit:
    form = dialog.form
    assert isinstance(form, VisitForm)
    return form.notes


def _a_visit(ws: Workspace) -> str:
    with ws.session() as s:
        return s.exec(select(Visit.id).where(col(Visit.retired_at).is_(None))).first() or ""


class _Holder:
    """Another program holding the write lock (a long import) until released."""

    def __init__(self, root: Path) -> None:
        self.ws = Workspace.open(root, PASSWORD, LEADER)
        self.held, self.release = threading.Event(), threading.Event()
        self.thread = threading.Thread(target=self._run)

    def _run(self) -> None:
        with job("导入同步包"), self.ws.session(write=True) as s:
            s.add(Township(name="长事务镇"))
            s.flush()
            self.held.set()
            self.release.wait(60)

    def __enter__(self) -> _Holder:
        self.thread.start()
        assert self.held.wait(10)
        return self

    def __exit__(self, *exc: object) -> None:
        self.release.set()
        self.thread.join(10)
        self.ws.close()


def test_the_window_reads_beside_a_writer_and_a_save_says_who_holds_it(
    window: MainWindow, demo_root: Path, qtbot, tmp_path: Path
) -> None:
    ctx = window.ctx
    assert ctx is not None
    ctx.ws.locks.wait_s = 1.0
    visit_id = _a_visit(ctx.ws)
    with _Holder(demo_root):
        window.show()  # builds the field view, which reads its tree and lists (no lock needed)
        view = window.view("field")
        assert isinstance(view, FieldView)
        assert view.tables["visit"].model().rowCount() > 0
        view.search.setText("村")
        view.run_search()
        payload = load_payload(ctx.ws, "visit", visit_id)
        view._on_edit_payload_loaded("visit", visit_id, payload)
        dialog = view.open_dialogs[-1]
        _notes(dialog).setPlainText("长事务期间的修改")
        dialog.save()
        message = dialog.form.form_error.text()
        assert "导入同步包" in message and LEADER in message and "\n" not in message
        _grab(dialog, tmp_path, "busy-save")
        dialog.reject()


def test_a_second_save_of_the_same_record_is_shown_both(
    window: MainWindow, qtbot, tmp_path: Path
) -> None:
    ctx = window.ctx
    assert ctx is not None
    visit_id = _a_visit(ctx.ws)
    view = window.view("field")
    assert isinstance(view, FieldView)
    payload = load_payload(ctx.ws, "visit", visit_id)
    view._on_edit_payload_loaded("visit", visit_id, payload)
    dialog = view.open_dialogs[-1]
    _notes(dialog).setPlainText("我在窗口里写的")
    # meanwhile the same record is saved from another place
    elsewhere = load_payload(ctx.ws, "visit", visit_id)
    elsewhere["notes"] = "别处保存的内容"
    save_form(ctx.ws, "visit", visit_id, elsewhere)
    dialog.save()
    shown = dialog.changed_dialog
    assert isinstance(shown, RecordChangedDialog) and shown.isVisible()
    cells = [
        item.text()
        for r in range(shown.table.rowCount())
        for c in range(shown.table.columnCount())
        if (item := shown.table.item(r, c)) is not None
    ]
    assert "别处保存的内容" in cells and "我在窗口里写的" in cells and "走访情况" in cells
    assert english_in(visible_texts(shown)) == []
    _grab(shown, tmp_path, "record-changed")
    with ctx.ws.session() as s:  # nothing was written by the refused save
        assert s.get_one(Visit, visit_id).notes == "别处保存的内容"
    shown.done(TAKE_THEIRS)
    assert _notes(dialog).toPlainText() == "别处保存的内容"
    _notes(dialog).setPlainText("看过别处的版本后再改")
    dialog.save()  # now on top of their version: saved
    with ctx.ws.session() as s:
        assert s.get_one(Visit, visit_id).notes == "看过别处的版本后再改"


def test_save_mine_over_theirs_and_back(window: MainWindow, qtbot) -> None:
    ctx = window.ctx
    assert ctx is not None
    visit_id = _a_visit(ctx.ws)
    view = window.view("field")
    assert isinstance(view, FieldView)
    view._on_edit_payload_loaded("visit", visit_id, load_payload(ctx.ws, "visit", visit_id))
    dialog = view.open_dialogs[-1]
    _notes(dialog).setPlainText("我的版本")
    elsewhere = load_payload(ctx.ws, "visit", visit_id)
    elsewhere["notes"] = "别处的版本"
    save_form(ctx.ws, "visit", visit_id, elsewhere)
    dialog.save()
    dialog.changed_dialog.done(BACK)
    assert dialog.isVisible() and _notes(dialog).toPlainText() == "我的版本"
    elsewhere = load_payload(ctx.ws, "visit", visit_id)
    elsewhere["notes"] = "别处又改了"
    save_form(ctx.ws, "visit", visit_id, elsewhere)
    dialog.save()
    dialog.changed_dialog.done(SAVE_MINE)
    with ctx.ws.session() as s:
        assert s.get_one(Visit, visit_id).notes == "我的版本"


def test_the_leader_manages_users_from_the_window(
    window: MainWindow, demo_root: Path, qtbot, tmp_path: Path
) -> None:
    window.show()
    menu = window.menuBar().actions()[0].menu()
    assert isinstance(menu, QMenu)
    menu_texts = [a.text() for a in menu.actions()]
    assert "用户…" in menu_texts
    window.users_action.trigger()
    dialogs = window.findChildren(UsersDialog)
    assert dialogs
    users = dialogs[-1]
    qtbot.addWidget(users)
    before = users.table.rowCount()
    assert before >= 1
    users.add_button.click()
    add = users.add_dialog
    add.username.setText("孙晓燕")
    add.password.setText("成员密码-1")
    add.again.setText("成员密码-2")
    add._on_buttons_accepted()
    assert add.isVisible() and "不一致" in add.error.text()
    add.again.setText("成员密码-1")
    add._on_buttons_accepted()
    assert users.table.rowCount() == before + 1 and "孙晓燕" in users.message.text()
    _grab(users, tmp_path, "users")
    texts = visible_texts(users) + visible_texts(add)
    assert english_in(texts) == []
    Workspace.open(demo_root, "成员密码-1").close()
    users.table.selectRow([u.username for u in users.users].index("孙晓燕"))
    users.remove_button.click()
    users.question.button(users.question.StandardButton.Yes).click()
    assert "已移除" in users.message.text()
    users.code_button.click()
    users.question.button(users.question.StandardButton.Yes).click()
    code = users.code_box.informativeText()
    assert len(code) == 29
    _grab(users.code_box, tmp_path, "recovery-code")


def test_a_member_sees_the_users_but_changes_none(
    app: QApplication, demo_root: Path, qtbot
) -> None:
    from app.domain.vocabulary import Role
    from app.ui.app import build_main_window
    from app.ui.tasks import SyncTaskRunner

    with Workspace.open(demo_root, PASSWORD, LEADER) as leader:
        leader.add_user("王成员", "王成员", Role.MEMBER, "member-pw")
    ws = Workspace.open(demo_root, "member-pw")
    win = build_main_window(ws, SyncTaskRunner(), offer_drafts=False, idle_lock=False)
    qtbot.addWidget(win)
    dialog = UsersDialog(win.ctx, win)  # type: ignore[arg-type]
    qtbot.addWidget(dialog)
    assert "王成员" in [u.username for u in dialog.users]
    assert not any(
        b.isEnabled()
        for b in dialog.findChildren(QPushButton)
        if b is not None and b in (dialog.add_button, dialog.remove_button, dialog.code_button)
    )
    win.close()


def test_one_window_per_workspace(app: QApplication, tmp_path: Path, qtbot) -> None:
    first = SingleWindow(tmp_path / "ws")
    assert first.claim()
    second = SingleWindow(tmp_path / "ws")
    assert not second.claim()
    other_folder = SingleWindow(tmp_path / "other")
    assert other_folder.claim()  # another workspace may have its own window
    with qtbot.waitSignal(first.show_requested, timeout=5000):
        assert second.ask_first_to_show()
    first.release()
    assert second.claim()  # once the first window is gone
    second.release()
    other_folder.release()
