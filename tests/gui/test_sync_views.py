"""The sync views standalone: export with progress, import by drop with its report, conflicts side
by side with a decision, and the office overview with its filters."""

from __future__ import annotations

import warnings
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QApplication

import app.sync.kit as kitmod
from app.domain.deadlines import WarningColour
from app.domain.vocabulary import ProblemStatus, Track
from app.storage import keyfile
from app.storage.models import Problem, Visit
from app.storage.workspace import Workspace
from app.sync.export import export_bundle
from app.sync.identity import issue_team_kit, join_with_kit
from app.sync.merge import import_bundle
from app.ui.context import make_context
from app.ui.sync.panels import ConflictsPanel, ExportPanel, ImportPanel, OverviewPanel, SyncView
from app.ui.tasks import SyncTaskRunner
from tests.gui.conftest import standalone
from tests.unit.sync.conftest import (
    KIT_PASSWORD,
    PASSWORD,
    CheapKdf,
    add_village,
    add_visit,
    edit,
    make_office,
)


@pytest.fixture
def pair(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[tuple[Workspace, Workspace]]:
    monkeypatch.setattr(keyfile, "KdfParams", CheapKdf)
    monkeypatch.setattr(kitmod, "KdfParams", CheapKdf)
    office = make_office(tmp_path / "office")
    issue_team_kit(office, "第一巡察组", KIT_PASSWORD, tmp_path / "k.kit")
    team = join_with_kit(
        tmp_path / "team", tmp_path / "k.kit", KIT_PASSWORD, leader="李组长", password=PASSWORD
    )
    try:
        yield office, team
    finally:
        team.close()
        office.close()


def _problems(ws: Workspace, village_id: str) -> None:
    with ws.session() as s:
        for i, (track, deadline) in enumerate(
            [
                (Track.FIX_NOW, date(2026, 11, 20)),  # overdue: red
                (Track.LEDGER, date(2026, 12, 2)),  # 5 days: yellow
                (Track.FAST_INVESTIGATION, date(2026, 12, 12)),  # 15 days: green
            ]
        ):
            s.add(
                Problem(
                    village_id=village_id,
                    description=f"问题{i}：村道破损，群众出行不便",
                    raised_on=date(2026, 11, 10 + i),
                    track=track,
                    status=ProblemStatus.HANDLING,
                    deadline=deadline,
                )
            )
        s.commit()


def _drop(widget, paths: list[Path]) -> None:
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(p)) for p in paths])
    with warnings.catch_warnings():  # PySide marks the only constructor deprecated
        warnings.simplefilter("ignore", DeprecationWarning)
        enter = QDragEnterEvent(
            QPoint(5, 5),
            Qt.DropAction.CopyAction,
            mime,
            Qt.MouseButton.LeftButton,
            Qt.KeyboardModifier.NoModifier,
        )
    widget.dragEnterEvent(enter)
    assert enter.isAccepted()
    drop = QDropEvent(
        QPointF(5, 5),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    widget.dropEvent(drop)


def test_export_button_with_progress(app: QApplication, qtbot, pair, tmp_path: Path):
    _office, team = pair
    add_visit(team, add_village(team, "东村").id, "走访")
    panel = ExportPanel(make_context(team, SyncTaskRunner()))
    qtbot.addWidget(panel)
    seen: list[int] = []
    panel.progress.valueChanged.connect(seen.append)
    out = tmp_path / "out.xdsb"
    panel.choose_path = lambda: out
    with qtbot.waitSignal(panel.exported, timeout=10_000) as got:
        panel.button.click()
    assert out.exists() and got.args[0].counts["visit"] == 1
    assert panel.progress.value() == 100 and len(set(seen)) > 3
    assert "out.xdsb" in panel.message.text()
    panel.button.click()  # the same name again: refused next to the button, nothing overwritten
    assert "out.xdsb" in panel.message.text() and "#b00020" in panel.message.styleSheet()


def test_import_by_drop_reports_per_kind_and_refusals(
    shots: Path, app: QApplication, qtbot, qtmodeltester, pair, tmp_path: Path
):
    office, team = pair
    add_visit(team, add_village(team, "东村").id, "走访")
    bundle = export_bundle(team, tmp_path / "b.xdsb").path
    bad = tmp_path / "bad.xdsb"
    bad.write_bytes(bundle.read_bytes()[:-10])
    panel = ImportPanel(make_context(office, SyncTaskRunner()))
    qtbot.addWidget(panel)
    _drop(panel.drop, [bundle, bad])
    text = panel.message.text()
    assert "b.xdsb" in text and "bad.xdsb：同步包不完整（文件被截断）。" in text
    qtmodeltester.check(panel.report_model)
    kinds = [panel.report_model.index(r, 0).data() for r in range(panel.report_model.rowCount())]
    assert "走访记录" in kinds
    row = kinds.index("走访记录")
    assert panel.report_model.index(row, 1).data() == 1  # new
    panel.resize(760, 420)
    panel.grab().save(str(shots / "import.png"))


def test_conflicts_side_by_side_and_decision(
    shots: Path, app: QApplication, qtbot, qtmodeltester, pair, tmp_path: Path
):
    office, team = pair
    v = add_village(team, "东村")
    visit = add_visit(team, v.id, "初稿")
    import_bundle(office, export_bundle(team, tmp_path / "1.xdsb").path)
    edit(office, Visit, visit.id, notes="巡察办修改")
    edit(team, Visit, visit.id, notes="组里修改")
    import_bundle(office, export_bundle(team, tmp_path / "2.xdsb").path)
    panel = standalone(ConflictsPanel, office)
    qtbot.addWidget(panel)
    panel.refresh()
    assert panel.list_model.rowCount() == 1
    qtmodeltester.check(panel.list_model)
    qtmodeltester.check(panel.compare_model)
    m = panel.compare_model
    fields = {m.index(r, 0).data(): r for r in range(m.rowCount())}
    r = fields["记录"]
    assert (m.index(r, 1).data(), m.index(r, 2).data()) == ("巡察办修改", "组里修改")
    assert m.index(r, 2).data(Qt.ItemDataRole.BackgroundRole) is not None
    assert m.index(fields["地点"], 2).data(Qt.ItemDataRole.BackgroundRole) is None
    panel.resize(900, 420)
    panel.grab().save(str(shots / "conflicts.png"))
    with qtbot.waitSignal(panel.decided, timeout=5000):
        panel.take_button.click()
    with office.session() as s:
        got = s.get(Visit, visit.id)
        assert got is not None and got.notes == "组里修改"
    assert panel.list_model.rowCount() == 0


def test_office_overview_filters(
    shots: Path, app: QApplication, qtbot, qtmodeltester, pair, tmp_path: Path
):
    office, team = pair
    v = add_village(team, "东村")
    _problems(team, v.id)
    import_bundle(office, export_bundle(team, tmp_path / "1.xdsb").path)
    _problems(office, add_village(office, "西村").id)  # the office's own rows
    panel = standalone(OverviewPanel, office, today=date(2026, 11, 27))
    qtbot.addWidget(panel)
    panel.refresh()
    assert panel.model.rowCount() == 6
    qtmodeltester.check(panel.model)
    panel.team_box.setCurrentIndex(panel.team_box.findText("第一巡察组"))
    assert panel.model.rowCount() == 3
    assert {panel.model.index(r, 2).data() for r in range(3)} == {"东村"}
    panel.colour_box.setCurrentIndex(panel.colour_box.findData(WarningColour.RED.value))
    assert panel.model.rowCount() == 1
    assert panel.model.index(0, 7).data() == "红色预警"
    panel.team_box.setCurrentIndex(0)
    panel.track_box.setCurrentIndex(panel.track_box.findData(Track.LEDGER.value))
    panel.colour_box.setCurrentIndex(0)
    assert panel.model.rowCount() == 2
    panel.track_box.setCurrentIndex(0)
    panel.town_box.setCurrentIndex(panel.town_box.findText("西村镇"))
    assert panel.model.rowCount() == 3
    panel.town_box.setCurrentIndex(0)
    panel.resize(1100, 380)
    panel.grab().save(str(shots / "overview.png"))


def test_sync_view_tabs(shots: Path, app: QApplication, qtbot, pair):
    office, team = pair
    office_view = standalone(SyncView, office)
    team_view = standalone(SyncView, team)
    qtbot.addWidget(office_view)
    qtbot.addWidget(team_view)
    assert office_view.tabs.count() == 3 and team_view.tabs.count() == 2
    assert office_view.export_panel.team_box.count() == 1  # the one provisioned team
    office_view.resize(1000, 600)
    office_view.grab().save(str(shots / "sync_office.png"))
    team_view.resize(900, 520)
    team_view.grab().save(str(shots / "sync_team.png"))


def test_every_visible_string_is_chinese(app: QApplication, qtbot, pair):
    # (the .ts being complete and compiled is checked for every area in test_field_translation)
    import re

    from PySide6.QtWidgets import QAbstractButton, QComboBox, QLabel, QTableView, QTabWidget

    office, _team = pair
    view = standalone(SyncView, office)
    qtbot.addWidget(view)
    english = re.compile(r"[A-Za-z]{2,}")
    texts: list[str] = []
    for w in view.findChildren(QLabel) + view.findChildren(QAbstractButton):
        texts.append(w.text())
    for tabs in view.findChildren(QTabWidget):
        texts += [tabs.tabText(i) for i in range(tabs.count())]
    for box in view.findChildren(QComboBox):
        texts += [box.itemText(i) for i in range(box.count())]
    for table in view.findChildren(QTableView):
        m = table.model()
        texts += [str(m.headerData(c, Qt.Orientation.Horizontal)) for c in range(m.columnCount())]
    leftovers = [t for t in texts if english.search(t.replace("xdsb", ""))]
    assert texts and leftovers == []
