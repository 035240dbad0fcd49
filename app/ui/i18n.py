"""Translations and the UI font.

Source strings are English through ``tr()``; every ``resources/translations/*_zh_CN.qm`` (one per
area: field, wrapup, registry, sync …) is installed, plus Qt's own ``qtbase_zh_CN`` so standard
buttons read 确定/取消. A new area only has to drop its compiled ``.qm`` into that folder.
"""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import QLibraryInfo, QLocale, QTranslator
from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QApplication

LOCALE = QLocale(QLocale.Language.Chinese, QLocale.Country.China)
UI_FONTS = (
    "Microsoft YaHei UI",
    "Microsoft YaHei",
    "PingFang SC",
    "Noto Sans CJK SC",
    "Source Han Sans SC",
    "Noto Sans SC",
    "WenQuanYi Micro Hei",
    "WenQuanYi Zen Hei",
    "Droid Sans Fallback",
)
"""Good Chinese UI fonts, best first; the first one the system has is used."""


def translations_dir() -> Path:
    """``resources/translations`` beside the program (also inside a frozen build)."""
    base = Path(getattr(sys, "_MEIPASS", Path(__file__).resolve().parents[2]))
    return base / "resources" / "translations"


def install_translations(app: QApplication, folder: Path | None = None) -> list[QTranslator]:
    """Install Qt's zh_CN strings and every ``*_zh_CN.qm`` of the program; return them."""
    installed: list[QTranslator] = []
    qt = QTranslator(app)
    qt_path = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    if qt.load(LOCALE, "qtbase", "_", qt_path):
        app.installTranslator(qt)
        installed.append(qt)
    folder = folder or translations_dir()
    for qm in sorted(folder.glob("*_zh_CN.qm")):
        tr = QTranslator(app)
        if tr.load(str(qm)):
            app.installTranslator(tr)
            installed.append(tr)
    QLocale.setDefault(LOCALE)
    return installed


def install_qt_translation(app: QApplication) -> QTranslator | None:
    """Qt's own zh_CN strings only (kept for callers of the first window)."""
    installed = install_translations(app, Path("/nonexistent"))
    return installed[0] if installed else None


def choose_ui_font(app: QApplication) -> str | None:
    """Use the best Chinese UI font the system has; return its family (None: keep Qt's)."""
    families = set(QFontDatabase.families())
    for family in UI_FONTS:
        if family in families:
            font = QFont(family)
            font.setPointSize(max(app.font().pointSize(), 10))
            app.setFont(font)
            return family
    return None


def fill(text: str, *values: object) -> str:
    """A translated text with its placeholders %1, %2 … filled in order (as Qt's ``arg``).

    Each placeholder is replaced in one pass, so a value that itself contains "%2" is left alone.
    """
    import re

    def value(m: re.Match[str]) -> str:
        n = int(m.group(1))
        return str(values[n - 1]) if 0 < n <= len(values) else m.group(0)

    return re.sub(r"%(\d)", value, text)
