"""The settings page: the team, the round, deadlines, units and addressees, fonts, idle lock."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt

from app.services.preferences import load_preferences
from app.ui.idle import IdleWatcher
from app.ui.main_window import MainWindow
from app.ui.settings.view import SettingsView
from tests.gui.attached import attached
from tests.gui.shots import shot

pytestmark = pytest.mark.qt_log_ignore("does not support propagateSizeHints")


def _page(window: MainWindow) -> SettingsView:
    view = window.show_view("settings")
    assert isinstance(view, SettingsView)
    return view


def test_settings_are_shown_edited_and_saved(window: MainWindow, qtbot) -> None:
    window.resize(1366, 768)
    with qtbot.waitActive(window):
        window.show()
        window.activateWindow()
    page = _page(window)
    assert page.team_name.text() == "第一巡察组"
    assert page.fix_now_days.value() == 7 and page.warn_green.value() == 20
    assert "区水利局" in page.units.toPlainText()
    shot(window, "settings")
    page.doc_prefix.setText("淮巡立改")
    page.phone.setText("0394-1234567")
    qtbot.mouseClick(page.round_start, Qt.MouseButton.LeftButton)
    # the field selects its text when it gets the focus: typing replaces it
    qtbot.waitUntil(lambda: page.round_start.selectedText() != "", timeout=2000)
    qtbot.keyClicks(page.round_start, "20261101")
    qtbot.keyClick(page.round_start, Qt.Key.Key_Tab)  # one Tab leaves the date field
    assert page.round_start.text() == "2026-11-01"
    assert page.round_end.hasFocus() and page.round_end.text() == ""  # the demo's round runs on
    qtbot.keyClicks(page.round_end, "12-31")
    page.idle_minutes.setValue(15)
    page.units.setPlainText("区水利局\n区交通运输局\n")
    page.save_button.click()
    assert page.message.text() == "设置已保存。"
    assert window.ctx is not None
    prefs = load_preferences(window.ctx.ws)
    assert prefs.doc_prefix == "淮巡立改" and prefs.phone == "0394-1234567"
    assert prefs.round_start == date(2026, 11, 1) and prefs.round_end is not None
    assert prefs.settings.idle_lock_minutes == 15
    assert prefs.settings.responsible_units == ["区水利局", "区交通运输局"]
    watcher = attached(window, "idle_watcher", IdleWatcher)
    assert watcher._timer.interval() == 15 * 60_000  # applied at once


def test_wrong_values_are_named_under_their_field_and_nothing_is_saved(
    window: MainWindow, qtbot
) -> None:
    page = _page(window)
    page.warn_yellow.setValue(25)  # more than green (20)
    page.doc_prefix.setText("淮巡〔2026〕")
    page.save_button.click()
    assert page.errors["warn_yellow_days"].text() == "黄色预警天数应少于绿色预警天数。"
    assert "机关代字" in page.errors["doc_prefix"].text()
    assert "未保存" in page.message.text()
    shot(page, "settings-refused")
    assert window.ctx is not None
    assert load_preferences(window.ctx.ws).settings.warn_yellow_days == 10
    page.revert_button.click()
    assert page.warn_yellow.value() == 10 and page.errors["warn_yellow_days"].isHidden()


def test_the_addressees_of_papers_are_set_on_the_page(window: MainWindow, qtbot) -> None:
    """A paper whose addressee is not set is refused, naming the setting: the page sets it."""
    page = _page(window)
    page.body_edits["discipline_body"].setText("中共淮阳区纪委 淮阳区监委")
    page.body_edits["police_body"].setText("淮阳区公安局")
    page.body_edits["secret_term"].setText("")
    page.save_button.click()
    assert page.errors["secret_term"].text().startswith("保密期限不能为空")
    page.body_edits["secret_term"].setText("2年")
    page.save_button.click()
    assert window.ctx is not None
    saved = load_preferences(window.ctx.ws).settings
    assert saved.discipline_body == "中共淮阳区纪委 淮阳区监委"
    assert saved.police_body == "淮阳区公安局" and saved.secret_term == "2年"
