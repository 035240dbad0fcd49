"""The document fonts of a workspace: the font files its settings name, else the system's.

Every service that prints takes its fonts from :func:`workspace_fonts`, so the font-file setting
reaches every paper (not only the daily report). Resolving reads font files (about a second the
first time); the result is cached per configuration, and the window starts it in the background
when a workspace opens.
"""

from __future__ import annotations

import threading
from pathlib import Path

from app.documents.fonts import FontResolver, FontRole, FontSet
from app.services.settings import load_settings
from app.storage.workspace import Workspace

_lock = threading.Lock()
_cache: dict[tuple[tuple[str, str], ...], FontSet] = {}


def configured_font_files(ws: Workspace) -> dict[FontRole, Path]:
    """The font files the workspace's settings name, by role."""
    files = load_settings(ws).font_files or {}
    return {FontRole(k): Path(v) for k, v in files.items() if v}


def fonts_for(configured: dict[FontRole, Path]) -> FontSet:
    """Resolve (once per configuration) the fonts for these configured files."""
    key = tuple(sorted((str(r), str(p)) for r, p in configured.items()))
    with _lock:
        found = _cache.get(key)
        if found is None:
            found = _cache[key] = FontResolver(configured).resolve()
        return found


def workspace_fonts(ws: Workspace) -> FontSet:
    """The fonts this workspace's papers print with."""
    return fonts_for(configured_font_files(ws))
