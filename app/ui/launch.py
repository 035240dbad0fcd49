"""Starting the window: the login dialog on screen first, everything else while the user types.

Only Qt, the translations and the login dialog are imported before the dialog shows. The rest of
the program (the database code, the services, the main window) is imported on a background
thread meanwhile, and the workspace is opened when the user confirms the password.

``--smoke=login`` stops as soon as the login dialog is on screen and prints the time it took;
``--smoke`` opens the real main window with ``XUNCHA_PASSWORD`` and prints when its first view
has loaded its data.
"""

from __future__ import annotations

import importlib
import os
import sys
import threading
import time
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QDialog

from app.config import Environment
from app.storage.errors import WorkspaceError
from app.storage.paths import WorkspacePaths
from app.ui.i18n import setup_application
from app.ui.single import bring_forward, claim_window

if TYPE_CHECKING:
    from app.services.access import GuardReport
    from app.storage.workspace import Workspace

HEAVY = "app.ui.app"
"""The module that brings in the rest of the window (database, services, views)."""


class _Preload:
    """Imports the heavy part of the program on a background thread, once."""

    def __init__(self) -> None:
        self._thread = threading.Thread(target=self._run, name="preload", daemon=True)
        self._error: BaseException | None = None

    def start(self) -> _Preload:
        self._thread.start()
        return self

    def _run(self) -> None:
        try:
            importlib.import_module(HEAVY)
        except BaseException as exc:  # reported when the module is needed
            self._error = exc

    def wait(self) -> None:
        self._thread.join()
        importlib.import_module(HEAVY)  # re-raises a failed import here, on the GUI thread


def _open(
    preload: _Preload,
    root: Path,
    password: str,
    user: str | None,
    db_password: str | None,
    reports: list[GuardReport],
) -> Workspace:
    """Open through the password guard (a growing delay after wrong passwords); what the guard
    found since the last login goes to ``reports``, shown once the window is up. An office on a
    database server: its password from XUNCHA_DB_PASSWORD or .pgpass."""
    preload.wait()
    from app.services.access import open_guarded

    opened, report = open_guarded(root, password, user, where="login", db_password=db_password)
    reports[:] = [report]
    return opened


def _create(preload: _Preload, root: Path, team: str, leader: str, password: str) -> Workspace:
    preload.wait()
    from app.storage.workspace import Workspace

    return Workspace.create(root, team_name=team, leader=leader, password=password)


def _ask_workspace(
    root: Path, env: Environment, preload: _Preload, reports: list[GuardReport]
) -> Workspace | None:
    from app.ui.login import CreateWorkspaceDialog, LoginDialog

    if not WorkspacePaths(root).has_workspace():
        create = CreateWorkspaceDialog(
            root, lambda team, leader, pw: _create(preload, root, team, leader, pw)
        )
        if create.exec() != QDialog.DialogCode.Accepted:
            return None
        return create.workspace
    if env.password is not None:
        try:
            return _open(preload, root, env.password, env.user, env.db_password, reports)
        except WorkspaceError:
            pass
    login = LoginDialog(
        root, lambda pw, user: _open(preload, root, pw, user, env.db_password, reports)
    )
    if login.exec() != QDialog.DialogCode.Accepted:
        return None
    return login.workspace


def run_gui(root: Path, env: Environment) -> int:
    app = setup_application()
    single = claim_window(root)  # one window per workspace: a second start hands over
    if single is None:
        return 0
    preload = _Preload().start()
    reports: list[GuardReport] = []
    ws = _ask_workspace(root, env, preload, reports)
    if ws is None:
        return 0
    from app.ui.app import build_main_window
    from app.ui.guard import show_guard_report
    from app.ui.ops import install_excepthook

    install_excepthook()
    window = build_main_window(ws)
    for report in reports:
        show_guard_report(window, report)
    single.show_requested.connect(lambda: bring_forward(window))
    window.show()
    return int(app.exec())


def _offscreen_without_display() -> None:
    if sys.platform.startswith("linux") and not (
        os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")
    ):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def run_login_smoke(root: Path, env: Environment, started: float) -> int:
    """Show the login dialog, print ``login ready in N ms`` once it is on screen, exit."""
    _offscreen_without_display()
    setup_application()
    from app.ui.login import LoginDialog

    dialog = LoginDialog(root, lambda _pw, _user: _refuse())
    shown: list[float] = []

    def on_shown() -> None:
        shown.append(time.perf_counter())
        dialog.reject()

    QTimer.singleShot(0, on_shown)  # runs once the dialog is shown and its event loop turns
    dialog.exec()
    if not shown:
        print("错误：登录窗口未能显示。", file=sys.stderr)
        return 1
    print(f"login ready in {round((shown[0] - started) * 1000)} ms")
    return 0


def _refuse() -> Workspace:
    raise WorkspaceError("自检模式不打开工作区。")


def run_smoke(root: Path, env: Environment, started: float) -> int:
    """Open the real main window with ``XUNCHA_PASSWORD``; print ``ready in N ms``; 0 or 1."""
    _offscreen_without_display()
    from app.ui.app import run_smoke as smoke

    return int(smoke(root, env, started))
