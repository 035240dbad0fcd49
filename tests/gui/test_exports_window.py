"""Every list exports to .xlsx from its view: records and problems (field), conflicts (sync);
follow-up and what is due from 跟踪督办 (tests/gui/test_followup_window.py)."""

from __future__ import annotations

from pathlib import Path

import pytest
from openpyxl import load_workbook
from PySide6.QtWidgets import QFileDialog

from app.ui.field.view import FieldView
from app.ui.main_window import MainWindow
from app.ui.sync.panels import SyncView

pytestmark = pytest.mark.qt_log_ignore("does not support propagateSizeHints")


def _save_as(monkeypatch: pytest.MonkeyPatch, path: Path) -> None:
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(path), ""))


def test_records_and_problems_export_from_the_field_view(
    window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    view = window.view("field")
    assert isinstance(view, FieldView)
    menu = view.export_button.menu()
    assert menu is not None
    labels = [a.text() for a in menu.actions()]
    assert labels == ["本村外业记录", "本村问题清单", "全部村外业记录", "全部村问题清单"]
    _save_as(monkeypatch, tmp_path / "问题")
    menu.actions()[1].trigger()
    rows = list(load_workbook(tmp_path / "问题.xlsx").active.iter_rows(values_only=True))
    shown = view.models["problem"].rowCount()
    assert len(rows) == 2 + shown and rows[1][2] == "问题"
    assert "已导出" in view.heading.text()
    _save_as(monkeypatch, tmp_path / "全部记录.xlsx")
    menu.actions()[2].trigger()
    rows = list(load_workbook(tmp_path / "全部记录.xlsx").active.iter_rows(values_only=True))
    assert len(rows) > 2 + view.models["visit"].rowCount()


def test_conflicts_export_from_the_sync_view(
    window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    view = window.show_view("sync")
    assert isinstance(view, SyncView)
    _save_as(monkeypatch, tmp_path / "冲突.xlsx")
    view.conflicts_panel.export_button.click()
    rows = list(load_workbook(tmp_path / "冲突.xlsx").active.iter_rows(values_only=True))
    assert rows[1] == ("类别", "巡察组", "不同的字段", "状态")
    assert "已导出" in view.conflicts_panel.message.text()
