"""Keyboard-first wrap-up: one key for each step of the evening's routine, and the words the
panel uses to say that a track and a category disagree.

Keys (in the wrap-up view, outside a text field):

- ``N``: the next problem not yet judged (未研判);
- ``J`` / ``K`` (or ↓ / ↑ in the list): next / previous problem;
- ``A``: accept the suggestion and save it, then go on to the next unjudged problem;
- ``1`` ``2`` ``3`` ``4``: set the track (立行立改、直查快办、对账销号、待核实);
- ``Ctrl+S`` (or ``Ctrl+Enter``): save the decision and go on;
- ``M``: merge alike problems (the dialog: ``Enter`` merges the ticked groups);
- ``Ctrl+Shift+S``: sign the day off (the leader's password, then ``Enter``);
- ``P``: the daily report (preview, print, save).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QWidget

from app.domain.vocabulary import ProblemCategory, Track

KEYS: tuple[tuple[str, str], ...] = (
    ("N", "下一个未研判的问题"),
    ("J / K", "下一个 / 上一个问题"),
    ("A", "采纳建议并保存，转到下一个未研判的问题"),
    ("1 2 3 4", "处置方式：立行立改、直查快办、对账销号、待核实"),
    ("Ctrl+S", "保存研判，转到下一个未研判的问题"),
    ("M", "合并相同问题"),
    ("Ctrl+Shift+S", "组长签结"),
    ("P", "巡察日报（预览、打印）"),
)
"""(keys, what) — listed on the help page."""


def mismatch_text(category: ProblemCategory, track: Track, usual: ProblemCategory) -> str:
    text = QCoreApplication.translate(
        "WrapupKeys",
        "The category is %1, the handling %2: these usually differ (%2 is for %3). "
        "Both are kept as chosen; change one if it is a slip.",
    )
    return text.replace("%1", category.label).replace("%2", track.label).replace("%3", usual.label)


def add_key(parent: QWidget, keys: str | QKeySequence, slot: Callable[[], None]) -> QShortcut:
    """A shortcut active anywhere in ``parent`` (a text field keeps its own letters)."""
    seq = keys if isinstance(keys, QKeySequence) else QKeySequence(keys)
    shortcut = QShortcut(seq, parent)
    shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
    shortcut.activated.connect(slot)
    return shortcut


__all__ = ["KEYS", "add_key", "mismatch_text"]
