"""File dialogs of the window, in one place.

Qt's static dialogs use the desktop's own (native) dialog where the platform has one (Windows,
macOS, a Linux desktop with a GTK or portal theme); elsewhere Qt draws its own, whose strings come
from Qt's translations (loaded by :mod:`app.ui.i18n`) and, for the two it lacks, from ours below.

:func:`save_file_name` adds the expected ending when the user leaves it out (a bundle saved as
``第一组`` becomes ``第一组.xdsb``, so the import dialog's filter finds it).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP
from PySide6.QtWidgets import QFileDialog, QWidget

QT_GAPS = (
    QT_TRANSLATE_NOOP("QFileDialog", "&Look in:"),
    QT_TRANSLATE_NOOP("QFileDialog", "Files of &type:"),
)
"""Strings of Qt's own file dialog that Qt's zh_CN translation lacks (ours: window_zh_CN.ts)."""


def _start(suggested: str | Path) -> str:
    path = Path(suggested)
    return str(path if path.is_absolute() else Path.home() / path)


def save_file_name(
    parent: QWidget, title: str, suggested: str | Path, filter_: str, suffix: str
) -> Path | None:
    """Ask where to save; None when cancelled. ``suffix`` (``.xdsb``) is added when missing."""
    name, _ = QFileDialog.getSaveFileName(parent, title, _start(suggested), filter_)
    if not name:
        return None
    path = Path(name)
    if suffix and path.suffix.lower() != suffix.lower():
        path = path.with_name(path.name + suffix)
    return path


def open_file_name(
    parent: QWidget, title: str, filter_: str, start: str | Path = ""
) -> Path | None:
    name, _ = QFileDialog.getOpenFileName(parent, title, _start(start or Path.home()), filter_)
    return Path(name) if name else None


def open_file_names(
    parent: QWidget, title: str, filter_: str, start: str | Path = ""
) -> list[Path]:
    names, _ = QFileDialog.getOpenFileNames(parent, title, _start(start or Path.home()), filter_)
    return [Path(n) for n in names]


__all__ = ["QT_GAPS", "open_file_name", "open_file_names", "save_file_name"]
