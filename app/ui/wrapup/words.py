"""Words of the wrap-up panel kept in the window area's translations (window_zh_CN.ts)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from app.domain.vocabulary import ProblemCategory, Track
from app.ui.i18n import fill


def mismatch_text(category: ProblemCategory, track: Track, usual: ProblemCategory) -> str:
    text = QCoreApplication.translate(
        "WrapupKeys",
        "The category is %1, the handling %2: these usually differ (%2 is for %3). "
        "Both are kept as chosen; change one if it is a slip.",
    )
    return fill(text, category.label, track.label, usual.label)


__all__ = ["mismatch_text"]
