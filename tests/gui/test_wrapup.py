"""The wrap-up view, standalone and in the main window (pytest-qt, offscreen, Chinese UI)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QModelIndex, Qt
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QApplication

from app.domain.vocabulary import ProblemStatus, Track
from app.storage.models import Problem
from app.storage.workspace import Workspace
from app.ui.app import build_main_window, setup_application
from app.ui.tasks import SyncTaskRunner
from app.ui.wrapup.view import WrapupView
from tests.conftest import PASSWORD
from tests.gui.conftest import standalone
from tests.unit.services.wrapup.test_wrapup import DAY, PROTECTED, Field, make_field


@pytest.fixture
def app(qapp: QApplication) -> QApplication:
    return setup_application()


@pytest.fixture
def field(ws: Workspace) -> Field:
    return make_field(ws)


@pytest.fixture
def view(app: QApplication, ws: Workspace, field: Field, qtbot) -> Iterator[WrapupView]:
    v = standalone(WrapupView, ws, day=DAY)
    qtbot.addWidget(v)
    v.resize(1200, 720)
    v.show()
    yield v
    v.close()


def shot(folder: Path, widget, name: str) -> None:
    widget.grab().save(str(folder / f"{name}.png"))


def select(view: WrapupView, problem_id: str) -> None:
    view.tree.setCurrentIndex(view.model.index_of(problem_id))


def test_the_model_passes_the_model_tester(view: WrapupView, qtmodeltester) -> None:
    qtmodeltester.check(view.model)


def test_board_by_village_in_chinese_with_suggestion(
    shots: Path, view: WrapupView, field: Field
) -> None:
    model = view.model
    assert model.rowCount() == 2
    assert model.index(0, 0).data() == "甲村（4）"
    assert model.headerData(2, Qt.Orientation.Horizontal) == "反映人次"
    assert "未研判" in view.status.text()
    select(view, field.problems["well"])
    assert "机井" in view.panel.suggestion.text() and "立行立改" in view.panel.suggestion.text()
    assert view.panel.track.currentData() == Track.FIX_NOW.value
    assert view.panel.unit.text() == "区水利局"
    assert view.sign_off.text() == "组长签结…"
    shot(shots, view, "board")


def test_saving_a_decision_and_a_refusal_next_to_the_field(
    view: WrapupView, field: Field, ws: Workspace
) -> None:
    select(view, field.problems["well"])
    view.panel.unit.clear()
    view.panel.save.click()
    assert view.panel.error.text() == "立行立改须写明责任单位。"
    view.panel.unit.setText("区水利局")
    changes: list[object] = []
    view.ops.changed.connect(changes.append)
    view.panel.save.click()
    assert changes and view.panel.error.text() == ""
    with ws.session() as s:
        p = s.get_one(Problem, field.problems["well"])
    assert p.track is Track.FIX_NOW and p.status is ProblemStatus.SORTED
    index = view.model.index_of(field.problems["well"])
    assert index.siblingAtColumn(1).data() == "立行立改"
    # changing the track fills that track's defaults
    view.panel.track.setCurrentIndex(view.panel.track.findData(Track.LEDGER.value))
    assert view.panel.supervisor.text() == "城关镇党委" and view.panel.pages.currentIndex() == 2


def test_a_source_record_is_one_double_click_away(view: WrapupView, field: Field) -> None:
    select(view, field.problems["water"])
    item = view.panel.sources.item(0)
    view.panel.sources.itemDoubleClicked.emit(item)
    assert view.source_dialog is not None
    assert view.source_dialog.text.toPlainText().endswith("吃水困难。")


def test_merge_dialog_merges_alike_problems(shots: Path, view: WrapupView, field: Field) -> None:
    view.merge.click()
    dialog = view.merge_dialog
    assert dialog is not None and dialog.list.count() == 1
    shot(shots, dialog, "merge")
    dialog.merge_requested.emit(dialog.chosen())
    assert not dialog.isVisible()
    assert field.problems["well2"] not in view.board.problems  # type: ignore[union-attr]
    index = view.model.index_of(field.problems["well"])
    assert index.siblingAtColumn(2).data() == "2"


def test_signing_off_with_the_leaders_password(
    shots: Path, view: WrapupView, field: Field, qtbot
) -> None:
    from tests.unit.services.wrapup.test_wrapup import sort_all

    sort_all(view.ws)
    view.load()
    view.sign_off.click()
    dialog = view.close_dialog
    assert dialog is not None
    dialog.password.setText("不对")
    dialog.buttons.accepted.emit()
    assert dialog.error.text() == "密码不正确，未签结。" and dialog.isVisible()
    shot(shots, dialog, "signoff-refused")
    dialog.password.setText(PASSWORD)
    dialog.buttons.accepted.emit()
    assert not dialog.isVisible()
    assert view.board is not None and view.board.closed
    assert view.status.text().startswith("已由") and not view.sign_off.isEnabled()
    assert "立行立改通知书3份" in view.message.text()
    # a change now asks for a reason: an amendment
    select(view, field.problems["ledger"])
    assert view.panel.reason.isVisible()
    view.panel.save.click()  # nothing changed, but the reason is asked for first
    assert "理由" in view.panel.error.text()
    shot(shots, view, "closed")


def test_report_preview_print_and_save(
    shots: Path, view: WrapupView, field: Field, tmp_path: Path, qtbot
) -> None:
    view.report.click()
    preview = view.preview
    assert preview is not None
    assert preview.preview.document.pageCount() >= 2
    assert preview.preview.pages_label.text().startswith("共")
    assert PROTECTED.encode("utf-16-be") not in preview.preview.pdf
    preview.resize(700, 900)
    preview.show()
    qtbot.wait(400)  # QPdfView renders pages in the background
    shot(shots, preview, "preview")
    out = tmp_path / "saved" / "日报.pdf"
    preview.preview.save_to(out)
    assert out.read_bytes() == preview.preview.pdf
    printer = QPrinter(QPrinter.PrinterMode.ScreenResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printed = tmp_path / "printed.pdf"
    printer.setOutputFileName(str(printed))
    sent = preview.preview.print_to(printer)
    assert sent == preview.preview.document.pageCount()
    assert printed.stat().st_size > 10_000


def test_registered_in_the_main_window(
    app: QApplication, ws: Workspace, field: Field, qtbot
) -> None:
    window = build_main_window(ws, SyncTaskRunner(), idle_lock=False, offer_drafts=False)
    qtbot.addWidget(window)
    assert "wrapup" in window.view_keys()
    widget = window.show_view("wrapup")
    assert isinstance(widget, WrapupView)
    assert QCoreApplication.translate("Wrapup", "Evening wrap-up") == "昼巡夜结"
    window.close()


def test_invalid_index_is_harmless(view: WrapupView) -> None:
    assert view.model.problem_id(QModelIndex()) is None
    assert view.model.data(QModelIndex()) is None
