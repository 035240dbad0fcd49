"""Papers in the window: the 问题底稿 from the wrap-up and from a problem's detail (edit before
sign-off, frozen after, preview), and the 巡察公告's date chosen before printing."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import QDate
from PySide6.QtWidgets import QApplication

from app.services.wrapup.close import close_day
from app.services.wrapup.working_papers import working_paper_docs
from app.storage.workspace import Workspace
from app.ui.app import setup_application
from app.ui.papers.notice_date import NoticeDateDialog
from app.ui.papers.working_paper import WorkingPaperDialog
from app.ui.wrapup.view import WrapupView
from tests.conftest import PASSWORD
from tests.gui.conftest import standalone
from tests.gui.test_field_translation import english_in, visible_texts
from tests.unit.services.wrapup.test_wrapup import DAY, Field, make_field, sort_all


@pytest.fixture
def app(qapp: QApplication) -> QApplication:
    return setup_application()


@pytest.fixture
def field(ws: Workspace) -> Field:
    f = make_field(ws)
    sort_all(ws)
    return f


@pytest.fixture
def view(app: QApplication, ws: Workspace, field: Field, qtbot) -> Iterator[WrapupView]:
    v = standalone(WrapupView, ws, day=DAY)
    qtbot.addWidget(v)
    v.resize(1200, 720)
    v.show()
    yield v
    v.close()


def _open_paper(view: WrapupView, problem_id: str) -> WorkingPaperDialog:
    view.tree.setCurrentIndex(view.model.index_of(problem_id))
    view.paper.click()
    dialog = view.paper_dialog
    assert isinstance(dialog, WorkingPaperDialog)
    return dialog


def test_the_working_paper_from_the_wrapup_is_edited_then_frozen(
    shots: Path, view: WrapupView, ws: Workspace, field: Field, qtbot
) -> None:
    dialog = _open_paper(view, field.problems["water"])
    qtbot.addWidget(dialog)
    assert dialog.save_button.isEnabled() and not dialog.basis.isReadOnly()
    dialog.basis.setPlainText("村务公开的有关规定")
    dialog.review.setPlainText("同意。")
    dialog.save_button.click()
    assert dialog.message.text() == "已保存。"
    [doc] = working_paper_docs(ws, problem_id=field.problems["water"])
    assert (doc.basis, doc.review) == ("村务公开的有关规定", "同意。")
    dialog.print_button.click()
    assert dialog.preview is not None and dialog.preview.preview.document.pageCount() >= 1
    dialog.grab().save(str(shots / "working_paper_dialog.png"))
    texts = visible_texts(dialog) + visible_texts(view)
    assert "问题底稿" in texts and "依据" in texts
    assert english_in(texts, {"另存为PDF…"}) == []  # the preview's own button names the format
    close_day(ws, DAY, PASSWORD)
    frozen = _open_paper(view, field.problems["water"])
    qtbot.addWidget(frozen)
    assert not frozen.save_button.isEnabled() and frozen.basis.isReadOnly()
    assert "20261120-" in frozen.state.text() and "不能再修改" in frozen.state.text()
    frozen.day_button.click()  # the whole day's papers, one PDF
    assert frozen.preview is not None and frozen.preview.preview.document.pageCount() >= 5


def test_without_a_selection_the_wrapup_says_so(view: WrapupView) -> None:
    view.tree.clearSelection()
    view.tree.selectionModel().clearCurrentIndex()
    view.paper.click()
    assert view.message.text() == "请先选中一个问题。"


def test_the_notice_date_is_chosen_before_printing(app: QApplication, qtbot) -> None:
    dialog = NoticeDateDialog(date(2026, 11, 27))
    qtbot.addWidget(dialog)
    assert dialog.chosen() == date(2026, 11, 27)
    dialog.date_edit.setDate(QDate(2026, 11, 16))
    assert dialog.chosen() == date(2026, 11, 16)
    assert dialog.date_edit.text() == "2026年11月16日"
    assert english_in(visible_texts(dialog)) == []


def test_the_registry_view_prints_notices_with_the_chosen_date(
    app: QApplication, ws: Workspace, field: Field, qtbot, monkeypatch: pytest.MonkeyPatch
) -> None:
    from app.ui.registry.view import RegistryView

    view = standalone(RegistryView, ws)
    qtbot.addWidget(view)
    asked: list[tuple[list[str], date | None]] = []
    monkeypatch.setattr(view, "print_notices", lambda ids, day=None: asked.append((ids, day)))
    view.table.selectRow(0)
    view.notice_button.click()
    dialog = view.dialog
    assert isinstance(dialog, NoticeDateDialog)
    dialog.date_edit.setDate(QDate(2026, 11, 16))
    dialog.accept()
    assert asked and asked[0][1] == date(2026, 11, 16)
