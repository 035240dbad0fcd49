"""The evening wrap-up in the real window: track and category kept apart, the next unjudged
problem after a save."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QDate

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
