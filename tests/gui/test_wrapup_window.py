"""The evening wrap-up in the real window: track and category kept apart, the next unjudged
problem after a save."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QApplication

from app.domain.vocabulary import ProblemCategory, Subcategory, Track
from app.storage.models import Problem
from app.ui.main_window import MainWindow
from app.ui.wrapup.view import WrapupView
from tests.gui.field_helpers import DAY
from tests.gui.shots import shot

pytestmark = pytest.mark.qt_log_ignore("does not support propagateSizeHints")


def wrapup(window: MainWindow) -> WrapupView:
    view = window.show_view("wrapup")
    assert isinstance(view, WrapupView)
    view.date.setDate(QDate(DAY.year, DAY.month, DAY.day))
    assert view.board is not None and view.board.day == DAY
    return view


def problem_id(view: WrapupView, starts: str) -> str:
    assert view.board is not None
    return next(p.id for p in view.board.problems.values() if p.description.startswith(starts))


def test_changing_the_track_keeps_the_category_and_says_they_differ(
    window: MainWindow, qtbot
) -> None:
    window.show()
    view = wrapup(window)
    pid = problem_id(view, "刘口村自来水")
    view.tree.setCurrentIndex(view.model.index_of(pid))
    panel = view.panel
    assert panel.category.currentData() == ProblemCategory.LIVELIHOOD.value
    sub = panel.subcategory.currentData()
    assert sub == Subcategory.WATER.value
    panel.track.setCurrentIndex(panel.track.findData(Track.LEDGER.value))
    assert panel.category.currentData() == ProblemCategory.LIVELIHOOD.value  # not 一般性问题
    assert panel.subcategory.currentData() == sub  # not 其他
    assert panel.supervisor.text()  # the ledger's particulars are filled in
    assert panel.mismatch.isVisible() and "民生问题" in panel.mismatch.text()
    assert "对账销号" in panel.mismatch.text()
    shot(window, "wrapup-mismatch")
    panel.save.click()
    assert window.ctx is not None
    with window.ctx.ws.session() as s:
        p = s.get_one(Problem, pid)
        assert (p.track, p.category, p.subcategory) == (
            Track.LEDGER,
            ProblemCategory.LIVELIHOOD,
            Subcategory.WATER,
        )
    # back to 立行立改: the hint goes, the category is still the person's
    view.tree.setCurrentIndex(view.model.index_of(pid))
    panel.track.setCurrentIndex(panel.track.findData(Track.FIX_NOW.value))
    assert panel.mismatch.isHidden()


def test_after_saving_the_next_unjudged_problem_is_selected(window: MainWindow, qtbot) -> None:
    window.show()
    view = wrapup(window)
    board = view.board
    assert board is not None
    order = [pid for g in board.villages for pid in g.problem_ids]
    view.select_problem(order[0])
    view.panel.save.click()  # 保存研判
    board = view.board
    assert board is not None and board.problems[order[0]].decision is not None
    current = view.current_problem()
    assert current == order[1] and board.problems[current].decision is None
    assert view.panel.description.text().endswith(board.problems[current].description)


def test_one_key_each_next_problem_accept_and_track(window: MainWindow, qtbot) -> None:
    with qtbot.waitActive(window):
        window.show()
        window.activateWindow()
    view = wrapup(window)
    board = view.board
    assert board is not None
    order = [pid for g in board.villages for pid in g.problem_ids]
    view.select_problem(order[0])
    view.tree.setFocus()
    qtbot.keyClick(view.tree, Qt.Key.Key_J)
    assert view.current_problem() == order[1]
    qtbot.keyClick(view.tree, Qt.Key.Key_K)
    assert view.current_problem() == order[0]
    qtbot.keyClick(view.tree, Qt.Key.Key_3)
    assert view.panel.track.currentData() == Track.LEDGER.value
    qtbot.keyClick(view.tree, Qt.Key.Key_1)
    assert view.panel.track.currentData() == Track.FIX_NOW.value
    qtbot.keyClick(view.tree, Qt.Key.Key_A)  # the suggestion, saved; the next one comes up
    board = view.board
    assert board is not None and board.problems[order[0]].decision is not None
    assert view.current_problem() == order[1]
    view.select_problem(order[0])
    qtbot.keyClick(view.tree, Qt.Key.Key_N)
    assert view.current_problem() == order[1]
    # in a text field the letters are typed, not taken as keys
    qtbot.keyClick(view.tree, Qt.Key.Key_1)
    view.panel.unit.setFocus()
    assert view.panel.unit.hasFocus()
    qtbot.keyClicks(QApplication.focusWidget(), "AN3")
    assert view.panel.unit.text().endswith("AN3") and view.current_problem() == order[1]
    shot(window, "wrapup-keys")
