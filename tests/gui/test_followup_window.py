"""跟踪督办 in the real window: the three loops closed to the end, every item findable in every
state, a form that starts from its own item, one button per step, evidence from a file or a drop,
a list that fits, a panel that does not move, the list exported."""

from __future__ import annotations

from pathlib import Path

import pytest
from openpyxl import load_workbook
from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDropEvent
from PySide6.QtWidgets import QPushButton

from app.domain.followup import Action, ItemKind
from app.domain.vocabulary import LedgerStatus, NoticeStatus
from app.services.followup.due import Show
from app.storage.models import LedgerItem, RectificationNotice
from app.ui.followup.model import DueModel
from app.ui.followup.view import FollowupView
from app.ui.main_window import MainWindow
from tests.gui.field_helpers import photo_file
from tests.gui.shots import shot

pytestmark = pytest.mark.qt_log_ignore("does not support propagateSizeHints")


def followup(window: MainWindow) -> FollowupView:
    view = window.show_view("followup")
    assert isinstance(view, FollowupView)
    return view


def first(view: FollowupView, kind: ItemKind) -> str:
    row = next(r for r in view.rows if r.kind is kind)
    return row.item_id


def _has(view: FollowupView, kind: ItemKind) -> bool:
    return any(r.kind is kind for r in view.rows)


def drop(view: FollowupView, paths: list[Path]) -> None:
    """Drop files on the right-hand panel, as from a file manager."""
    data = QMimeData()
    data.setUrls([QUrl.fromLocalFile(str(p)) for p in paths])
    panel = view.panel
    pos = QPointF(panel.width() / 2, panel.height() / 2)
    event = QDropEvent(
        pos, Qt.DropAction.CopyAction, data, Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier
    )
    # QApplication drops a Drop event that no drag of its own started: hand it to the widget,
    # which handles it as it handles a real one
    panel.event(event)


def step(view: FollowupView, action: Action) -> None:
    button = view.panel.action_buttons[action]
    button.click()


def test_a_ledger_item_is_ticked_off_with_evidence_dropped_on_the_panel(
    window: MainWindow, qtbot, tmp_path: Path
) -> None:
    window.show()
    view = followup(window)
    assert view.bar.state is Show.OPEN  # no hidden box: ledger items are listed at once
    lid = first(view, ItemKind.LEDGER)
    view.select_item(lid)
    assert view.detail is not None and view.detail.kind is ItemKind.LEDGER
    info = view.panel.info.toPlainText()
    assert view.detail.problems and view.detail.problems[0][:8] in info  # what the item is about
    assert "台账第" in info  # and its number
    number_col = DueModel.COLUMNS.index("Number")
    assert view.model.index(view.model.row_of(lid), number_col).data().startswith("第")
    if Action.PROGRESS in view.panel.action_buttons and view.detail.status == "open":
        step(view, Action.PROGRESS)
        view.form.text.setPlainText("已召开党员大会，整改到位。")
        view.apply_button.click()
    step(view, Action.TICK_OFF)
    view.form.verifier.setText("王五")
    view.apply_button.click()
    assert "佐证" in view.message.text()  # refused: no evidence yet
    drop(view, [photo_file(tmp_path, "公开栏.jpg")])
    assert view.detail.evidence == 1 and view.panel.evidence.count() == 1
    step(view, Action.TICK_OFF)
    view.form.verifier.setText("王五")
    view.apply_button.click()
    assert window.ctx is not None
    with window.ctx.ws.session() as s:
        assert s.get_one(LedgerItem, lid).status is LedgerStatus.TICKED_OFF
    assert view.model.row_of(lid) == -1  # finished: not among the unfinished …
    view.set_state(Show.DONE)
    assert view.model.row_of(lid) >= 0  # … but shown on request
    status = DueModel.COLUMNS.index("Status")
    assert view.model.index(view.model.row_of(lid), status).data() == "已销号"
    shot(window, "followup-ticked-off")


def test_an_answered_notice_stays_findable_and_each_form_starts_empty(
    window: MainWindow, qtbot
) -> None:
    view = followup(window)
    nid = first(view, ItemKind.NOTICE)
    view.select_item(nid)
    step(view, Action.FEEDBACK)
    same = [b for b in view.findChildren(QPushButton) if b.text() == "登记整改反馈"]
    assert len(same) == 1 and view.apply_button.text() == "保存"  # one button per step
    view.form.text.setPlainText("已更换水泵，恢复供水。")
    view.apply_button.click()
    assert window.ctx is not None
    with window.ctx.ws.session() as s:
        assert s.get_one(RectificationNotice, nid).status is NoticeStatus.FEEDBACK_RECEIVED
    row = view.model.row_of(nid)
    assert row >= 0  # answered, waiting for 核查: still in the list
    status = DueModel.COLUMNS.index("Status")
    assert view.model.index(row, status).data() == "已反馈"
    assert set(view.panel.action_buttons) == {Action.VERIFY, Action.REJECT}
    view.form.text.setPlainText("写到一半的字")
    lid = first(view, ItemKind.LEDGER)
    view.select_item(lid)
    step(view, next(iter(view.panel.action_buttons)))
    assert view.form.text.toPlainText() == ""  # the ledger item's form starts empty
    view.select_item(nid)  # back to the notice: what was typed for it is still there
    assert view.form.text.toPlainText() == "写到一半的字"


def test_the_list_fits_and_the_panel_keeps_its_buttons_in_place(window: MainWindow, qtbot) -> None:
    window.resize(1366, 768)
    window.show()
    view = followup(window)
    view.set_state(Show.ALL)
    qtbot.wait(10)
    table = view.table
    assert not table.horizontalScrollBar().isVisible()
    right = table.viewport().width()
    header = table.horizontalHeader()
    for name in ("Days left", "Warning", "Status"):
        c = DueModel.COLUMNS.index(name)
        assert header.sectionViewportPosition(c) + header.sectionSize(c) <= right, name
    tops = []
    kinds = [k for k in (ItemKind.NOTICE, ItemKind.CLUE, ItemKind.LEDGER) if _has(view, k)]
    assert len(kinds) >= 2
    for kind in kinds:
        view.select_item(first(view, kind))
        qtbot.wait(10)
        tops.append(
            view.panel.actions_box.mapTo(view.panel, view.panel.actions_box.rect().topLeft())
        )
    assert len({(p.x(), p.y()) for p in tops}) == 1
    shot(window, "followup-1366")


def test_the_list_exports_to_excel(window: MainWindow, tmp_path: Path) -> None:
    view = followup(window)
    view.set_state(Show.ALL)
    out = tmp_path / "跟踪督办.xlsx"
    view.export_to(out)
    rows = list(load_workbook(out).active.iter_rows(values_only=True))
    assert len(rows) == 2 + view.model.rowCount()
    assert "已导出" in view.message.text()


def test_evidence_can_be_added_to_a_notice_from_a_file(
    window: MainWindow, tmp_path: Path, monkeypatch
) -> None:
    view = followup(window)
    nid = first(view, ItemKind.NOTICE)
    view.select_item(nid)
    chosen = [photo_file(tmp_path, "回执.jpg", (200, 200, 200))]
    monkeypatch.setattr("app.ui.followup.panel.open_file_names", lambda *a: chosen)
    view.panel.add_evidence_button.click()
    assert view.detail is not None and view.detail.evidence == 1
    assert view.panel.evidence_label.text() == "佐证材料：1份"
