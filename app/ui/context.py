"""What every view of the window receives: the one composition of the open workspace's services.

:func:`make_context` builds it when the window opens and after every unlock (``app/ui/app.py``);
tests build it the same way with a :class:`~app.ui.tasks.SyncTaskRunner`. A view keeps nothing of
it past :attr:`MainWindow.locked <app.ui.main_window.MainWindow.locked>`.

* ``ops`` runs queries and writes (:mod:`app.ui.ops`) and broadcasts what each write changed;
* ``villages`` is the shared list of villages for the forms' pickers, kept current from that
  broadcast (a village added anywhere appears everywhere);
* ``fonts()`` gives the document fonts of this workspace, resolved once in the background when
  the workspace opens (call it from a background job: it waits for the resolution).
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from PySide6.QtCore import QObject, Signal

from app.services.field.navigator import TownshipNode, village_tree
from app.services.settings import Settings, load_settings
from app.storage.changes import ChangeSet
from app.storage.workspace import Workspace
from app.ui.ops import Operations
from app.ui.tasks import TaskRunner
from app.ui.watch import ExternalChanges

if TYPE_CHECKING:
    from app.documents.fonts import FontSet

log = logging.getLogger(__name__)
VILLAGE_TABLES = ("village", "township")
READING_WARM_UP_MS = 4000
"""The evening reading loads in the background this long after the window opens: start-up never
waits for it, and the field form's category guess and the wrap-up board find it ready."""


@dataclass(frozen=True)
class VillageChoice:
    id: str
    name: str
    township: str


class View(Protocol):
    """What the main window asks of every view (see ``app/ui/views.py`` for the list)."""

    def on_changes(self, changes: ChangeSet) -> None:
        """Something was written (by this view or another, or elsewhere): refresh if it matters,
        once."""

    def close_forms(self) -> None:
        """The window locks or closes: close open forms, keeping their drafts."""


class VillageList(QObject):
    """The shared list of live villages (id, name, township), reloaded when villages change.

    Signals: ``reloaded()`` after the list was read afresh.
    """

    reloaded = Signal()

    def __init__(self, ops: Operations, ws: Workspace, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._ops = ops
        self._ws = ws
        self.items: list[VillageChoice] = []
        ops.changed.connect(self._on_ops_changed)

    def __iter__(self):  # type: ignore[no-untyped-def]
        return iter(self.items)

    def __len__(self) -> int:
        return len(self.items)

    def __getitem__(self, i: int) -> VillageChoice:
        return self.items[i]

    def set_tree(self, towns: list[TownshipNode]) -> None:
        self.items[:] = [VillageChoice(v.id, v.name, t.name) for t in towns for v in t.villages]
        self.reloaded.emit()

    def reload(self) -> None:
        ws = self._ws
        self._ops.query(lambda: village_tree(ws), self.set_tree)

    def _on_ops_changed(self, changes: ChangeSet) -> None:
        if changes.touches(*VILLAGE_TABLES):
            self.reload()  # (the field view also reads it with its navigator)


class _Fonts:
    """Document fonts resolved once, in the background, for one workspace's settings."""

    def __init__(self, resolve: Callable[[], FontSet]) -> None:
        self._resolve = resolve
        self._done = threading.Event()
        self._fonts: FontSet | None = None
        self._error: BaseException | None = None
        self._started = False
        self._lock = threading.Lock()

    def start(self, runner: TaskRunner) -> None:
        with self._lock:
            if self._started:
                return
            self._started = True
        runner.submit(self._run, lambda _f: None, lambda _e: None)

    def _run(self) -> FontSet:
        try:
            self._fonts = self._resolve()
            return self._fonts
        except BaseException as exc:
            self._error = exc
            raise
        finally:
            self._done.set()

    def __call__(self) -> FontSet:
        with self._lock:
            started = self._started
            self._started = True
        if not started:
            return self._run()
        self._done.wait()
        if self._error is not None:
            raise self._error
        assert self._fonts is not None
        return self._fonts


class AppContext:
    """Handed to each view's factory when the window opens or unlocks (see the module doc)."""

    def __init__(
        self,
        ws: Workspace,
        runner: TaskRunner,
        *,
        settings: Settings | None = None,
        parent: QObject | None = None,
    ) -> None:
        from app.services.fonts import workspace_fonts

        self.ws = ws
        self.runner = runner
        self.settings = settings if settings is not None else load_settings(ws)
        self.root: Path = ws.paths.root
        self.ops = Operations(runner, ws.username, parent)
        self.villages = VillageList(self.ops, ws, self.ops)
        self.fonts = _Fonts(lambda: workspace_fonts(ws))
        self.offer_drafts = True
        """Whether the field view offers back drafts left by a crash when it is built."""
        self.external = ExternalChanges(self.ops, ws, self.ops)
        """What other clerks change, broadcast like a write (the office's window starts it)."""

    def warm_up(self) -> None:
        """Start what the first minutes will need, off the GUI thread (the village list, fonts,
        and a few seconds later the evening reading: jieba and the lexicon)."""
        self.villages.reload()
        self.fonts.start(self.runner)
        warm_up_reading_later()


_reading_timer: threading.Timer | None = None


def warm_up_reading_later() -> None:
    """Load the evening reading on a background thread a few seconds from now, once per process.
    No Qt object is involved (nothing comes back to the window: the board and the field form find
    the reader loaded, or load it themselves off the GUI thread), so a window closed meanwhile
    leaves nothing dangling; the thread is a daemon and never keeps the program from quitting."""
    global _reading_timer
    if _reading_timer is not None:
        return

    def load() -> None:
        from app.services.reading import load_reader

        try:
            load_reader()
        except Exception:  # the board loads it again and reports in Chinese
            log.warning("the evening reading did not load in the background", exc_info=True)

    _reading_timer = threading.Timer(READING_WARM_UP_MS / 1000, load)
    _reading_timer.daemon = True
    _reading_timer.start()


def make_context(ws: Workspace, runner: TaskRunner, *, warm: bool = True) -> AppContext:
    ctx = AppContext(ws, runner)
    if warm:
        ctx.warm_up()
    return ctx
