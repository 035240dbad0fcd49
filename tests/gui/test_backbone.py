"""The window's backbone: one broadcast of what changed, each view refreshing once from it.

Both named defects of issue 15 are driven through the real main window, as a user meets them:
a village added in 村情分类 must appear in the field navigator and in the forms' village picker at
once (not only after a lock and unlock), and one follow-up step must reload the due list once.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

import pytest
from PySide6.QtWidgets import QApplication, QDialogButtonBox

from app.domain.followup import Action
from app.services.followup.numbering import number_pending
from app.storage.workspace import Workspace
from app.ui.app import build_main_window, setup_application
from app.ui.followup.view import FollowupView
from app.ui.main_window import MainWindow
from app.ui.registry.view import RegistryView
from app.ui.tasks import SyncTaskRunner
from tests.conftest import PASSWORD
from tests.unit.services.followup.followup_seed import seed


@pytest.fixture
def window(qapp: QApplication, ws: Workspace, qtbot) -> Iterator[MainWindow]:
    setup_application()
    win = build_main_window(ws, SyncTaskRunner(), offer_drafts=False, idle_lock=False)
    qtbot.addWidget(win)
    win.show()
    yield win
    win.close()


def _navigator_names(window: MainWindow) -> list[str]:
    field = window.show_view("field")
    model = field.tree_model  # type: ignore[union-attr]
    names: list[str] = []
    for t in range(model.rowCount()):
        town = model.index(t, 0)
        names.extend(str(model.index(v, 0, town).data()) for v in range(model.rowCount(town)))
    return names


def test_a_village_added_in_the_registry_reaches_the_navigator_and_the_forms(
    window: MainWindow, ws: Workspace, qtbot
) -> None:
    seed(ws)  # townships and villages
    window.lock()
    assert window.try_unlock(PASSWORD)  # fresh views on the seeded workspace
    before = _navigator_names(window)
    assert before and not any("新建村" in n for n in before)

    registry = window.show_view("registry")
    assert isinstance(registry, RegistryView)
    registry.add_button.click()
    dialog = registry.dialog
    assert dialog is not None
    dialog.name.setText("新建村")  # type: ignore[attr-defined]
    buttons = dialog.findChild(QDialogButtonBox)
    assert buttons is not None
    buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    qtbot.waitUntil(lambda: not dialog.isVisible())

    # the navigator shows it, without locking and unlocking the window
    assert any("新建村" in n for n in _navigator_names(window))
    # and the shared village list the forms pick from has it too
    field = window.view("field")
    form = field.new_record("visit")  # type: ignore[union-attr]
    names = [form.form.village.itemText(i) for i in range(form.form.village.count())]
    assert any("新建村" in n for n in names)
    form.reject()


def test_one_follow_up_step_reloads_the_due_list_once(
    window: MainWindow, ws: Workspace, qtbot
) -> None:
    ids = seed(ws)
    number_pending(ws)
    window.lock()
    assert window.try_unlock(PASSWORD)
    view = window.show_view("followup")
    assert isinstance(view, FollowupView)
    view.today = date(2026, 12, 1)
    view.refresh()
    view.select_item(ids.notices[0])
    assert view.detail is not None and view.detail.item_id == ids.notices[0]
    view.choose_action(Action.FEEDBACK)
    view.form.text.setPlainText("已更换水泵，恢复供水。")

    resets: list[int] = []
    view.model.modelReset.connect(lambda: resets.append(1))
    view.apply_button.click()
    qtbot.wait(50)
    assert view.message.text().startswith("已保存")
    assert len(resets) == 1
