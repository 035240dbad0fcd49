"""Screenshots for people to look at: written only when ``$XUNCHA_SHOTS`` names a folder."""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtWidgets import QWidget


def shot(widget: QWidget, name: str) -> Path | None:
    """Save ``widget.grab()`` as ``$XUNCHA_SHOTS/<name>.png`` (nothing when unset)."""
    folder = os.environ.get("XUNCHA_SHOTS")
    if not folder:
        return None
    out = Path(folder)
    out.mkdir(parents=True, exist_ok=True)
    path = out / f"{name}.png"
    assert widget.grab().save(str(path))
    return path
