"""The composition root of the window: builds the context (workspace, task runner, operations,
settings, fonts), the main window and its views, and wires the signals — in this one place.

The views are listed in one table, ``app/ui/views.py``; each is built when first shown, from
``create(ctx)`` in its area's package, and follows :class:`app.ui.context.View`: it gets every
:class:`~app.storage.changes.ChangeSet` the operations broadcast (``on_changes``) and closes its
forms before the window locks (``close_forms``). Strings go through ``tr()``; put the area's
``<area>_zh_CN.qm`` in resources/translations/ and it is loaded with the others.
"""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path

from PySide6.QtCore import QEventLoop, QTimer

from app.config import Environment
from app.domain.vocabulary import WorkspaceKind
from app.storage.errors import WorkspaceError
from app.storage.workspace import Workspace
from app.ui.context import AppContext, make_context
from app.ui.i18n import install_qt_translation
from app.ui.idle import IdleWatcher
from app.ui.launch import setup_application
from app.ui.login import LoginDialog
from app.ui.main_window import MainWindow
from app.ui.ops import show_failure
from app.ui.tasks import TaskRunner

FONT_WARM_UP_DELAY_MS = 800
"""Fonts are resolved in the background this long after a workspace opens (off start-up's path)."""

__all__ = [
    "AppContext",
    "LoginDialog",
    "MainWindow",
    "build_main_window",
    "install_qt_translation",
    "run_smoke",
    "setup_application",
]


def build_main_window(
    ws: Workspace,
    runner: TaskRunner | None = None,
    *,
    idle_lock: bool = True,
    offer_drafts: bool = True,
) -> MainWindow:
    """The main window with every view listed and its signals wired; the first view shown."""
    runner = runner or TaskRunner()
    root, username = ws.paths.root, ws.username
    db_password = ws.db_password  # an office on a server: kept in memory for unlocking

    def context(opened: Workspace) -> AppContext:
        ctx = make_context(opened, runner, warm=False)
        ctx.offer_drafts = offer_drafts
        QTimer.singleShot(FONT_WARM_UP_DELAY_MS, lambda: ctx.fonts.start(runner))
        if opened.kind is WorkspaceKind.OFFICE:  # several clerks, command-line imports
            ctx.external.start()
        return ctx

    def unlock(password: str) -> AppContext:
        return context(Workspace.open(root, password, username, db_password=db_password))

    window = MainWindow(context(ws), unlock)
    runner.setParent(window)

    def unhandled(exc: BaseException) -> None:
        show_failure(window, exc)

    runner.unhandled = unhandled
    window.start()

    if idle_lock:
        assert window.ctx is not None
        watcher = IdleWatcher(window.ctx.settings.idle_lock_minutes, window)
        watcher.idle.connect(window.lock)
        window.locked.connect(watcher.stop)

        def restart(c: AppContext) -> None:
            watcher.set_minutes(c.settings.idle_lock_minutes)
            watcher.start()

        window.unlocked.connect(restart)
        window.destroyed.connect(watcher.detach)
        watcher.start()
        window.idle_watcher = watcher  # type: ignore[attr-defined]
    return window


def run_smoke(root: Path, env: Environment, started: float | None = None) -> int:
    """Open the real main window, load the first views, print ``ready in N ms``; 0 or 1."""
    started = time.perf_counter() if started is None else started
    if sys.platform.startswith("linux") and not (
        os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")
    ):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    if env.password is None:
        print("错误：--smoke 需要环境变量 XUNCHA_PASSWORD。", file=sys.stderr)
        return 1
    setup_application()
    try:
        ws = Workspace.open(root, env.password, env.user, db_password=env.db_password)
    except WorkspaceError as exc:
        print(f"错误：{exc.message}", file=sys.stderr)
        return 1
    window = build_main_window(ws, idle_lock=False, offer_drafts=False)
    from app.ui.field.view import FieldView

    field = window.view("field")
    if not isinstance(field, FieldView):
        print("错误：主窗口没有外业视图。", file=sys.stderr)
        window.close()
        return 1
    loop = QEventLoop()
    failures: list[str] = []

    def on_tree_reset() -> None:
        if not field.tree_model.first_village().isValid():
            loop.quit()  # an empty workspace has no village to load

    def on_timeout() -> None:
        failures.append("timeout")
        loop.quit()

    field.lists_loaded.connect(loop.quit)
    field.tree_model.modelReset.connect(on_tree_reset)
    timer = QTimer()
    timer.setSingleShot(True)
    timer.timeout.connect(on_timeout)
    timer.start(30_000)
    window.show()
    loop.exec()
    ready = time.perf_counter()
    window.close()
    if failures:
        print("错误：主窗口在 30 秒内未能载入数据。", file=sys.stderr)
        return 1
    print(f"ready in {round((ready - started) * 1000)} ms")
    return 0
