"""The field-speed targets, counted in the real window (keys and clicks besides typing):

- recording a visit with its place, a person, one problem and one photo: at most 8 actions;
- the evening wrap-up of 30 problems (suggestions reviewed, 3 merges, a few tracks changed),
  signed off, and the day's papers printed: at most 45 actions.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication, QMessageBox

from app.ui.field.forms import FormDialog, VisitForm
from app.ui.field.view import FieldView
from app.ui.main_window import MainWindow
from tests.gui.actions import Actions
from tests.gui.field_helpers import photo_file

pytestmark = pytest.mark.qt_log_ignore("does not support propagateSizeHints")

VISIT_TARGET = 8
WRAPUP_TARGET = 45


def test_a_visit_with_place_person_problem_and_photo_in_at_most_8_actions(
    window: MainWindow, qtbot, tmp_path: Path
) -> None:
    with qtbot.waitActive(window):
        window.show()
        window.activateWindow()
    field = window.view("field")
    assert isinstance(field, FieldView)
    field.tables["visit"].setFocus()
    before = {d for d in field.open_dialogs}
    photo = photo_file(tmp_path)
    act = Actions(window)

    act.press("Ctrl+N")  # a new visit, in the village shown
    dialog = next(d for d in field.open_dialogs if d not in before)
    assert isinstance(dialog, FormDialog)
    qtbot.waitUntil(dialog.isActiveWindow, timeout=3000)
    form = dialog.form
    assert isinstance(form, VisitForm)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is form.place, timeout=3000)
    act.type("村委会会议室")  # typing starts at the place
    act.press("Alt+R")  # a person: the cursor goes to the name
    act.type("王秀英")
    act.click(form.notes)
    act.type("群众反映村东头吃水井的水泵坏了两个月无人维修。")
    act.press("Alt+W")  # a problem: the cursor goes to its description
    act.type("村东头吃水井水泵损坏两个月无人维修")
    act.drop(form.photos, [photo])
    assert len(form.photos.photos) == 1
    act.press("Ctrl+S")
    for box in dialog.findChildren(QMessageBox):
        assert not box.isVisible(), box.text()  # nothing asked: the visit is of today
    assert dialog.result_ is not None, form.errors_now()

    saved = dialog.result_
    assert saved.photos_added == 1 and len(saved.problem_ids) == 1
    detail = field.detail.detail
    assert detail is not None and detail.id == saved.record_id
    assert "王秀英" in dict(detail.fields).get("people", "")
    print(f"\nrecording a visit: {act.count} actions ({', '.join(act.log)})")
    assert act.count <= VISIT_TARGET


LIVELIHOOD = [
    "自来水经常停水，群众吃水困难",
    "村内主干道坑洼不平，雨天无法通行",
    "村口路灯损坏三个月无人维修",
    "排水沟堵塞，雨后积水进院",
    "小桥护栏缺失，学生上学有安全隐患",
    "机井水泵损坏，农田无法灌溉",
    "村里电线老化，经常跳闸停电",
    "垃圾清运不及时，村口堆放成山",
]
CLUES = [
    "村干部虚报冒领低保金",
    "村会计挪用集体资金用于个人消费",
    "村支书收受工程老板礼金",
    "优亲厚友分配宅基地指标",
    "村委会主任侵占集体土地建房",
    "扶贫项目资金被截留",
]
GENERAL = [
    "三会一课记录不全，组织生活不规范",
    "村务公开不及时，财务收支未公示",
    "党员学习教育流于形式",
    "村干部坐班制度执行不严，群众办事找不到人",
    "集体资产台账不清，承包合同未公开",
    "村规民约多年未修订",
    "流动党员长期未参加组织生活",
    "村民代表会议记录缺失",
    "党员发展程序不规范",
    "村级重大事项未经四议两公开",
]
DUPLICATED = [LIVELIHOOD[0], CLUES[0], GENERAL[0]]  # each raised twice: three merges


def _evening(ws) -> None:
    """30 problems raised today in three villages of one township, three of them twice."""
    from dataclasses import replace
    from datetime import datetime, timedelta

    from app.services.field.forms import save_form
    from app.services.settings import load_settings, save_settings
    from app.storage.models import Township, Village

    # set up once on the settings page: who clue transfers are addressed to
    settings = load_settings(ws).with_changes(
        discipline_body="中共淮阳区纪委 淮阳区监委", police_body="淮阳区公安局"
    )
    save_settings(ws, replace(settings))

    with ws.session() as s:
        town = Township(name="城关镇", party_committee="中共城关镇委员会")
        s.add(town)
        s.flush()
        villages = [Village(township_id=town.id, name=n) for n in ("王庄村", "李楼村", "张寨村")]
        s.add_all(villages)
        s.commit()
        vids = [v.id for v in villages]
    now = datetime.now().replace(second=0, microsecond=0)
    at = (now - timedelta(minutes=5)).isoformat(timespec="minutes")
    texts = LIVELIHOOD + CLUES + GENERAL + DUPLICATED
    assert len(texts) == 27
    texts += ["村口公厕损坏无人管理", "学校门口缺少减速带", "灌溉渠道年久失修"]
    for n, text in enumerate(texts):
        vid = vids[0] if text in DUPLICATED else vids[n % 3]
        payload = {
            "village_id": vid,
            "occurred_at": at,
            "method": "general",
            "notes": f"走访群众：{text}。",
            "problems": [{"description": text + "。", "village_id": vid, "category": ""}],
        }
        save_form(ws, "visit", None, payload, now=now)


def test_the_evening_wrap_up_of_30_problems_in_at_most_45_actions(
    app, ws, qtbot, tmp_path: Path, monkeypatch
) -> None:
    from PySide6.QtPrintSupport import QPrintDialog, QPrinter
    from PySide6.QtWidgets import QDialog

    from app.ui.app import build_main_window
    from app.ui.day_papers import PapersDialog
    from app.ui.tasks import SyncTaskRunner
    from app.ui.wrapup.dialogs import CloseDayDialog, MergeDialog
    from app.ui.wrapup.view import WrapupView
    from tests.conftest import PASSWORD

    _evening(ws)
    window = build_main_window(ws, SyncTaskRunner(), idle_lock=False, offer_drafts=False)
    qtbot.addWidget(window)
    with qtbot.waitActive(window):
        window.show()
        window.activateWindow()
    printed = tmp_path / "printed.pdf"

    def print_dialog_ok(self: QPrintDialog) -> int:  # the system's dialog, its OK pressed
        printer = self.printer()
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(printed))
        act.outside("OK in the print dialog")
        return int(QDialog.DialogCode.Accepted)

    monkeypatch.setattr(QPrintDialog, "exec", print_dialog_ok)
    act = Actions(window)

    nav = window.nav
    row = window.view_keys().index("wrapup")
    act.click(nav.viewport(), nav.visualItemRect(nav.item(row)).center())
    view = window.view("wrapup")
    assert isinstance(view, WrapupView)
    board = view.board
    assert board is not None and len(board.problems) == 30 and board.unsorted == 30

    act.press("M")  # merge alike: the dialog lists the groups, ticked
    dialog = view.merge_dialog
    assert isinstance(dialog, MergeDialog)
    qtbot.waitUntil(dialog.isActiveWindow, timeout=3000)
    assert dialog.list.count() == 3, [
        dialog.list.item(i).text() for i in range(dialog.list.count())
    ]
    act.press("Return")
    assert view.board is not None and len(view.board.problems) == 27

    changed = 0
    for _ in range(60):
        board = view.board
        assert board is not None
        if not board.unsorted:
            break
        current = view.current_problem()
        if current is None or board.problems[current].decision is not None:
            act.press("N")  # the next one not yet judged
            current = view.current_problem()
        row_now = board.problems[str(current)]
        if changed < 5 and row_now.suggestion.track.value == "verify":
            act.press("3")  # 对账销号 instead of "verify later"
            act.press("Ctrl+S")
            changed += 1
        else:
            act.press("A")  # take the suggestion and save: the next problem comes up
    assert view.board is not None and view.board.unsorted == 0

    act.press("Ctrl+Shift+S")  # sign off
    close = view.close_dialog
    assert isinstance(close, CloseDayDialog)
    qtbot.waitUntil(close.isActiveWindow, timeout=3000)
    act.type(PASSWORD if PASSWORD.isascii() else "", close.password)
    if not PASSWORD.isascii():
        close.password.setText(PASSWORD)  # typing (QTest types no Chinese)
    act.press("Return", close.password)
    assert view.board is not None and view.board.closed, close.error.text()

    act.press("P")  # the day's papers
    papers = view.papers_dialog
    assert isinstance(papers, PapersDialog), view.message.text()
    assert len(papers.papers) >= 3  # the report, notices, transfers, ledger
    qtbot.waitUntil(papers.isActiveWindow, timeout=3000)
    act.press("Return")  # 全部打印 (the default button), then the print dialog's OK
    assert printed.is_file() and printed.stat().st_size > 10_000

    print(f"\nthe evening wrap-up: {act.count} actions ({', '.join(act.log)})")
    assert act.count <= WRAPUP_TARGET
