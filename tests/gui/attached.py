"""What ``build_main_window`` attaches to the main window at run time, read back typed."""

from __future__ import annotations

from typing import TypeVar

from app.ui.main_window import MainWindow

T = TypeVar("T")


def attached(window: MainWindow, name: str, kind: type[T]) -> T:
    """``window.<name>`` (set in app.ui.app, not declared on MainWindow), a ``kind``."""
    value = getattr(window, name)
    assert isinstance(value, kind), f"window.{name} is a {type(value).__name__}"
    return value
