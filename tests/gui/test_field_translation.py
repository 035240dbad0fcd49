"""Every visible string of the main window, the forms and the dialogs is in Chinese.

Source strings are English through tr(): a string without its translation would show English,
which this test catches by walking the real widgets. It also checks the .ts file has no
unfinished entry and that the compiled .qm is newer than the .ts.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections.abc import Set
from pathlib import Path

import pytest
from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt, QTranslator
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QComboBox,
    QGroupBox,
    QLabel,
    QLineEdit,
    QListWidget,
    QMenu,
    QMenuBar,
    QPlainTextEdit,
    QTabWidget,
    QWidget,
)

from app.storage.workspace import Workspace
from app.ui.i18n import translations_dir
from app.ui.login import CreateWorkspaceDialog, LoginDialog

ENGLISH = re.compile(r"[A-Za-z]{2,}")
ALLOWED = re.compile(
    r"(Ctrl|Alt|Shift)\+[A-Z0-9]|JPEG|PNG|WebP|BMP|GIF|TIFF|PDF|CSV|Excel|xlsx|TrueType|ttf|ttc"
)
"""Names that stay as they are in a Chinese interface (keys, file formats, products)."""


def visible_texts(root: QWidget) -> list[str]:
    texts: list[str] = [root.windowTitle()]
    for w in [root, *root.findChildren(QWidget)]:
        texts.append(w.toolTip())
        if isinstance(w, QLabel | QAbstractButton):
            texts.append(w.text())
        elif isinstance(w, QGroupBox):
            texts.append(w.title())
        elif isinstance(w, QLineEdit | QPlainTextEdit):
            texts.append(w.placeholderText())
        elif isinstance(w, QTabWidget):
            texts += [w.tabText(i) for i in range(w.count())]
        elif isinstance(w, QComboBox):
            texts += [w.itemText(i) for i in range(w.count())]
        elif isinstance(w, QListWidget):
            texts += [w.item(i).text() for i in range(w.count())]
        elif isinstance(w, QMenuBar):
            texts += [a.text() for a in w.actions()]
            for a in w.actions():
                menu = a.menu()  # typed as a QObject: QAction.menu() is a template in C++
                if isinstance(menu, QMenu):
                    texts += [x.text() for x in menu.actions()]
        if isinstance(w, QAbstractItemView) and isinstance(w.model(), QAbstractTableModel):
            m = w.model()
            texts += [
                str(m.headerData(c, Qt.Orientation.Horizontal) or "")
                for c in range(m.columnCount(QModelIndex()))
            ]
    return [t for t in texts if t]


def english_in(texts: list[str], allowed: Set[str] = frozenset()) -> list[str]:
    return [t for t in texts if t not in allowed and ENGLISH.search(ALLOWED.sub("", t))]


def test_main_window_forms_and_lock_page_show_no_untranslated_string(window, qtbot) -> None:
    window.show()
    view = window.view("field")
    view.tables["visit"].selectRow(0)  # the detail pane shows a record with its problems
    assert view.detail.detail is not None
    texts = [*visible_texts(window), view.detail.browser.toPlainText()]
    assert "外业记录" in texts and "走访记录" in " ".join(texts)
    for kind in ("visit", "opinion_entry", "interview"):
        dialog = view.new_record(kind)
        qtbot.addWidget(dialog)
        dialog.form.problems.add_row()
        if kind == "visit":
            dialog.form.people.add_row()
        dialog.form.photos.set_existing(2)
        dialog.save()  # shows the validation messages too
        texts += visible_texts(dialog)
        dialog.reject()
    view.search.setText("巡察")
    view.run_search()
    texts += visible_texts(window)
    view.detail.show_record("problem", view.detail.detail.problems[0].id)
    texts += [*visible_texts(window), view.detail.browser.toPlainText()]
    window.lock()
    texts += visible_texts(window)
    assert "解锁" in texts
    assert english_in(texts) == []


def _never_created(team: str, leader: str, password: str) -> Workspace:
    raise AssertionError("the dialog refuses an empty team name before creating anything")


def test_login_and_first_start_dialogs_are_chinese(app, demo_root: Path, qtbot, tmp_path) -> None:
    login = LoginDialog(demo_root, lambda pw, user: Workspace.open(demo_root, pw, user))
    create = CreateWorkspaceDialog(tmp_path / "new", _never_created)
    for d in (login, create):
        qtbot.addWidget(d)
    create.buttons.accepted.emit()  # empty team name: the message is shown
    texts = visible_texts(login) + visible_texts(create)
    assert "确定" in texts and "取消" in texts and "请填写巡察组名称。" in texts
    paths = {str(demo_root), str(tmp_path / "new")}
    assert english_in(texts, paths) == []


def _translation(message: ET.Element) -> ET.Element:
    found = message.find("translation")
    assert found is not None
    return found


@pytest.mark.parametrize("ts", sorted(translations_dir().glob("*_zh_CN.ts")), ids=lambda p: p.stem)
def test_every_translation_file_is_complete_and_compiled(ts: Path) -> None:
    """Every message of every area is translated, and the committed .qm carries it.

    The .qm is checked by loading it and asking for each translation (file times mean nothing in
    a fresh clone).
    """
    qm = ts.with_suffix(".qm")
    messages = [
        (ctx.findtext("name", ""), m)
        for ctx in ET.parse(ts).getroot().iter("context")
        for m in ctx.iter("message")
    ]
    assert messages
    unfinished = [
        m.findtext("source")
        for _, m in messages
        if _translation(m).get("type") == "unfinished"
        or not "".join(_translation(m).itertext()).strip()
    ]
    assert unfinished == []
    translator = QTranslator()
    assert translator.load(str(qm))
    stale = [
        m.findtext("source")
        for ctx, m in messages
        if _translation(m).get("type") not in ("vanished", "obsolete")
        and m.find("translation/numerusform") is None
        and translator.translate(ctx, m.findtext("source", ""), m.findtext("comment", ""))
        != m.findtext("translation")
    ]
    assert stale == [], "the .qm is older than the .ts: run lrelease"
