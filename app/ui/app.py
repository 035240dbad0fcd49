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

from PySide6.QtCore import QEventLoop, QSize, Qt, QTimer
from PySide6.QtGui import QKeySequence, QShortcut

from app.config import Environment
from app.domain.vocabulary import WorkspaceKind
from app.services.access import open_guarded
from app.services.settings import SETTINGS_KEY
from app.storage.changes import ChangeSet
from app.storage.errors import WorkspaceError
from app.storage.workspace import Workspace
from app.ui.context import AppContext, make_context, warm_up_reading_later
from app.ui.first_steps import FirstSteps
from app.ui.geometry import GeometryKeeper
from app.ui.guard import show_guard_report
from app.ui.i18n import install_qt_translation, setup_application
from app.ui.idle import IdleWatcher
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


MAIN_WINDOW_SIZE = QSize(1360, 820)
"""What the main window would like; on a smaller screen it takes the screen (1366×768 fits)."""


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
        warm_up_reading_later()  # the evening reading: a daemon thread, a few seconds from now
        if opened.kind is WorkspaceKind.OFFICE:  # several clerks, command-line imports
            ctx.external.start()
        return ctx

    def unlock(password: str) -> AppContext:
        opened, report = open_guarded(
            root, password, username, where="unlock", db_password=db_password
        )
        show_guard_report(window, report)
        return context(opened)

    window = MainWindow(context(ws), unlock)
    runner.setParent(window)
    window.geometry_keeper = GeometryKeeper(window, root, MAIN_WINDOW_SIZE)  # type: ignore[attr-defined]

    def unhandled(exc: BaseException) -> None:
        show_failure(window, exc)

    runner.unhandled = unhandled
    window.start()
    help_key = QShortcut(QKeySequence(Qt.Key.Key_F1), window)
    help_key.activated.connect(lambda: window.show_view("help"))
    install_first_steps(window)

    if idle_lock:
        assert window.ctx is not None
        watcher = IdleWatcher(window.ctx.settings.idle_lock_minutes, window)
        watcher.idle.connect(window.lock)
        window.locked.connect(watcher.stop)

        def follow_settings(c: AppContext) -> None:
            # the settings page saved new minutes: the watcher takes them at once
            def on_changes(changes: ChangeSet) -> None:
                if SETTINGS_KEY in changes.ids_of("workspace_meta"):
                    watcher.set_minutes(c.settings.idle_lock_minutes)
                    watcher.start()

            c.ops.changed.connect(on_changes)

        def restart(c: AppContext) -> None:
            watcher.set_minutes(c.settings.idle_lock_minutes)
            watcher.start()
            follow_settings(c)

        follow_settings(window.ctx)
        window.unlocked.connect(restart)
        window.destroyed.connect(watcher.detach)
        watcher.start()
        window.idle_watcher = watcher  # type: ignore[attr-defined]
    return window


def install_first_steps(window: MainWindow) -> FirstSteps:
    """The first steps above every view while the workspace has no village."""

    def go(key: str, button: str) -> None:
        view = window.show_view(key)
        target = getattr(view, button, None) if button else None
        if target is not None:
            target.click()

    steps = FirstSteps(go, window)
    steps.hide()
    window.banners.insertWidget(0, steps)

    def follow(ctx: AppContext) -> None:
        def update() -> None:
            steps.setVisible(len(ctx.villages) == 0)

        ctx.villages.reloaded.connect(update)
        ctx.villages.reload()  # the first load may have come before this was listening

    if window.ctx is not None:
        follow(window.ctx)
    window.unlocked.connect(follow)
    window.locked.connect(steps.hide)
    window.first_steps = steps  # type: ignore[attr-defined]
    return steps


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
