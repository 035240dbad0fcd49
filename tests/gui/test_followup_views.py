"""The follow-up view with pytest-qt: the coloured due panel, the steps the rules allow, refusals
next to the field, and the paper previewed."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from app.domain.deadlines import WarningColour
from app.domain.followup import Action
from app.domain.vocabulary import NoticeStatus
from app.services.followup.due import Show, due_items
from app.services.followup.numbering import number_pending
from app.storage.models import RectificationNotice
from app.storage.workspace import Workspace
from app.ui.followup.model import COLOURS, DueModel
from app.ui.followup.view import FollowupView
from app.ui.i18n import install_translations
from tests.gui.conftest import standalone
from tests.unit.services.followup.followup_seed import Seeded, seed

TODAY = date(2026, 12, 1)


def _view(ws: Workspace, qtbot) -> FollowupView:
    view = standalone(FollowupView, ws, today=TODAY)
    qtbot.addWidget(view)
    view.resize(1400, 800)
    view.show()
    return view


def test_the_model_passes_the_model_tester(ws: Workspace, qtmodeltester) -> None:
    seed(ws)
    model = DueModel()
    model.set_rows(due_items(ws, TODAY, everything=True))
    qtmodeltester.check(model)
    assert model.rowCount() == 12


def test_the_panel_colours_rows_and_a_notice_goes_through_its_steps(
    shots: Path,
    ws: Workspace,
    qtbot,
    qapp: QApplication,
) -> None:
    ids = seed(ws)
    number_pending(ws)
    translators = install_translations(qapp)
    try:
        _steps_through_the_window(shots, ws, ids, qtbot)
    finally:
        for t in translators:
            qapp.removeTranslator(t)


def _steps_through_the_window(shots: Path, ws: Workspace, ids: Seeded, qtbot) -> None:
    view = _view(ws, qtbot)
    model = view.model
    assert model.headerData(1, Qt.Orientation.Horizontal) == "文号"
    assert view.preview_button.text() == "预览文书"
    assert model.rowCount() == 12  # every unfinished item, whatever its colour
    view.set_state(Show.DUE)
    assert model.rowCount() == 6  # 4 overdue notices, 2 ledger items with 19 days left
    red = COLOURS[WarningColour.RED]
    first = model.index(0, 0)
    assert model.data(first, Qt.ItemDataRole.BackgroundRole).color() == red
    assert model.data(model.index(0, DueModel.COLUMNS.index("Warning"))) == "红色预警"
    row = model.row_of(ids.notices[0])
    view.table.selectRow(row)
    assert view.detail is not None and view.detail.item_id == ids.notices[0]
    assert set(view.action_buttons) == {Action.FEEDBACK, Action.EXTEND}
    assert "已超期 4 天" in view.badge.text()

    # refused: no feedback text → the message stands next to the field
    view.action_buttons[Action.FEEDBACK].click()
    assert view.form.isVisible() and view.form.text.isVisible()
    assert not view.form.verifier.isVisible()
    view.apply_button.click()
    assert "请填写反馈内容" in view.form.errors["text"].text()

    view.form.text.setPlainText("已更换水泵，恢复供水。")
    with qtbot.waitSignal(view.ops.changed):
        view.apply_button.click()
    with ws.session() as s:
        assert (
            s.get_one(RectificationNotice, ids.notices[0]).status is NoticeStatus.FEEDBACK_RECEIVED
        )
    assert model.row_of(ids.notices[0]) == -1  # answered: no longer due …
    view.set_state(Show.OPEN)
    row = model.row_of(ids.notices[0])  # … but still there to be checked (核查)
    assert model.index(row, DueModel.COLUMNS.index("Status")).data() == "已反馈"
    view.select_item(ids.notices[0])
    assert set(view.action_buttons) == {Action.VERIFY, Action.REJECT}
    view.action_buttons[Action.VERIFY].click()
    view.form.verifier.setText("王五")
    view.apply_button.click()
    assert set(view.action_buttons) == {Action.CLOSE}

    # the paper, previewed (print and save come with the shared preview)
    assert view.detail is not None and view.detail.item_id == ids.notices[0]
    view.preview_button.click()
    assert view.preview.isVisible() and view.preview.pdf.startswith(b"%PDF")
    assert view.preview.document.pageCount() >= 2
    qtbot.wait(300)  # let the page view paint
    view.grab().save(str(shots / "followup-view.png"))


def test_an_extension_in_the_window_keeps_the_item_with_its_reason(
    ws: Workspace,
    qtbot,
) -> None:
    ids = seed(ws)
    view = _view(ws, qtbot)
    view.select_item(ids.ledger[0])
    assert set(view.action_buttons) == {Action.PROGRESS, Action.EXTEND}
    view.action_buttons[Action.EXTEND].click()
    view.apply_button.click()
    assert "理由" in view.form.errors["reason"].text()
    view.form.reason.setPlainText("需村民代表会议表决")
    view.apply_button.click()
    assert "需村民代表会议表决" in view.history.text()
