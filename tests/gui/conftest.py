"""Fixtures of the field-window GUI tests."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication

from app.storage.workspace import Workspace
from app.ui.app import build_main_window, setup_application
from app.ui.main_window import MainWindow
from app.ui.tasks import SyncTaskRunner
from tests.conftest import PASSWORD
from tests.gui.field_helpers import LEADER, copy_workspace, demo_template


@pytest.fixture(scope="session")
def field_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return demo_template(tmp_path_factory.mktemp("field-template"))


@pytest.fixture
def demo_root(field_template: Path, tmp_path: Path) -> Path:
    return copy_workspace(field_template, tmp_path / "demo")


@pytest.fixture
def app(qapp: QApplication) -> QApplication:
    return setup_application()


@pytest.fixture
def window(app: QApplication, demo_root: Path, qtbot) -> Iterator[MainWindow]:
    ws = Workspace.open(demo_root, PASSWORD, LEADER)
    win = build_main_window(ws, SyncTaskRunner(), offer_drafts=False)
    qtbot.addWidget(win)
    yield win
    win.close()


def standalone(make, ws: Workspace, **kwargs):
    """A view built outside the main window, wired to its context's change broadcast as the
    main window wires it (``make(ctx, **kwargs)``)."""
    from app.ui.context import make_context

    ctx = make_context(ws, SyncTaskRunner())
    view = make(ctx, **kwargs)
    ctx.ops.changed.connect(view.on_changes)
    return view
