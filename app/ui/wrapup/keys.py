"""Keyboard-first wrap-up: one key for each step of the evening's routine.

Keys (while the wrap-up view is shown; in a text field letters and digits are typed instead):

- ``N``: the next problem not yet judged (未研判);
- ``J`` / ``K`` (or ↓ / ↑ in the list): next / previous problem;
- ``A``: accept the suggestion and save it, then go on to the next unjudged problem;
- ``1`` ``2`` ``3`` ``4``: set the track (立行立改、直查快办、对账销号、待核实);
- ``Ctrl+S`` (or ``Ctrl+Enter``): save the decision and go on;
- ``M``: merge alike problems (the dialog: ``Enter`` merges the ticked groups);
- ``Ctrl+Shift+S``: sign the day off (the leader's password, then ``Enter``);
- ``P``: the day's papers (preview, print all, save).

The help page lists them (``app/ui/help/view.py``).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Protocol

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QPushButton, QWidget

from app.domain.vocabulary import Track
from app.services.wrapup.board import Board
from app.ui.wrapup.panel import DecisionPanel


class KeyedView(Protocol):
    """What the keys need of the wrap-up view."""

    panel: DecisionPanel
    merge: QPushButton
    sign_off: QPushButton
    report: QPushButton

    @property
    def board(self) -> Board | None: ...

    def select_problem(self, problem_id: str) -> None: ...

    def current_problem(self) -> str | None: ...


TRACK_KEYS: tuple[Track, ...] = (
    Track.FIX_NOW,
    Track.FAST_INVESTIGATION,
    Track.LEDGER,
    Track.VERIFY,
)
"""Keys 1–4, in this order."""


def add_key(
    parent: QWidget,
    keys: str | QKeySequence | QKeySequence.StandardKey,
    slot: Callable[[], object],
) -> QShortcut:
    """A shortcut active while ``parent`` is shown in the active window, wherever the focus is
    (a text field keeps its own letters and digits: they are typed, not taken as keys)."""
    seq = keys if isinstance(keys, QKeySequence) else QKeySequence(keys)
    shortcut = QShortcut(seq, parent)
    shortcut.setContext(Qt.ShortcutContext.WindowShortcut)
    shortcut.activated.connect(slot)
    return shortcut


def problem_order(board: Board) -> list[str]:
    """The problems in the order the list shows them (village by village)."""
    return [pid for group in board.villages for pid in group.problem_ids]


def next_unsorted(board: Board, after: str | None, *, skip: str | None = None) -> str | None:
    """The next problem not yet judged after ``after`` (round to the start), none but ``skip``."""
    order = problem_order(board)
    start = order.index(after) + 1 if after in order else 0
    for pid in order[start:] + order[:start]:
        if pid != skip and board.problems[pid].decision is None:
            return pid
    return None


def step(board: Board, current: str | None, delta: int) -> str | None:
    """The problem ``delta`` rows from ``current`` in the list (stays at the ends)."""
    order = problem_order(board)
    if not order:
        return None
    at = order.index(current) if current in order else -1
    return order[max(0, min(len(order) - 1, at + delta))]


def install_wrapup_keys(view: KeyedView, host: QWidget) -> list[QShortcut]:
    """The keys of the module docstring, on the wrap-up view (``host``: the view's widget)."""
    panel = view.panel

    def go(pid: str | None) -> None:
        if pid is not None:
            view.select_problem(pid)

    def next_open() -> None:
        if view.board is not None:
            go(next_unsorted(view.board, view.current_problem()))

    def move(delta: int) -> Callable[[], None]:
        def run() -> None:
            if view.board is not None:
                go(step(view.board, view.current_problem(), delta))

        return run

    def track(t: Track) -> Callable[[], None]:
        return lambda: panel.set_track(t)

    keys = [
        add_key(host, "N", next_open),
        add_key(host, "J", move(1)),
        add_key(host, "K", move(-1)),
        add_key(host, "A", panel.accept_and_save),
        add_key(host, QKeySequence.StandardKey.Save, panel.request_save),
        add_key(host, "Ctrl+Return", panel.request_save),
        add_key(host, "M", view.merge.click),
        add_key(host, "Ctrl+Shift+S", view.sign_off.click),
        add_key(host, "P", view.report.click),
    ]
    keys += [add_key(host, str(n), track(t)) for n, t in enumerate(TRACK_KEYS, start=1)]
    return keys


__all__ = [
    "TRACK_KEYS",
    "add_key",
    "install_wrapup_keys",
    "next_unsorted",
    "problem_order",
    "step",
]
