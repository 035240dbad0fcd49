"""Leading a new user through the first steps, from every view: while the workspace has no
village, a strip above every view says what to do first and opens it.

- 导入村（社区）名册… opens the registry's import (a list of villages from Excel or CSV);
- 添加一个村… adds one by hand;
- 先看演示数据 tells how to open the demo workspace (separate from this one);
- 设置巡察组信息 opens the settings page.

:func:`no_villages_text` is what a form says instead of opening with an empty village list.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QMessageBox, QPushButton, QWidget


def no_villages_text() -> str:
    return QCoreApplication.translate(
        "FirstSteps",
        "There is no village in this workspace yet. First import the list of villages in "
        "村情分类 (or add one there), then records can be made.",
    )


def demo_text() -> str:
    return QCoreApplication.translate(
        "FirstSteps",
        "The demo is a workspace of its own, full of invented records, so that nothing here is "
        "touched. Make it once with “python -m app demo” (the program folder: “XunchaDesk demo”) "
        "and open it with “python -m app --demo”; its password is demo.",
    )


class FirstSteps(QFrame):
    """The strip above the views while there is no village (see the module docstring)."""

    def __init__(self, go: Callable[[str, str], None], parent: QWidget | None = None) -> None:
        """``go(view key, button name)`` shows a view and presses one of its buttons."""
        super().__init__(parent)
        self.setObjectName("firstSteps")
        self.setStyleSheet(
            "#firstSteps { background: #e8f1fb; border: 1px solid #8aa1b8; border-radius: 4px; }"
        )
        text = QLabel(
            QCoreApplication.translate(
                "FirstSteps",
                "Welcome. This workspace has no villages yet. Start with the list of villages:",
            ),
            self,
        )
        text.setWordWrap(True)
        self.import_button = QPushButton(
            QCoreApplication.translate("FirstSteps", "Import the list of villages…"), self
        )
        self.add_button = QPushButton(
            QCoreApplication.translate("FirstSteps", "Add a village…"), self
        )
        self.demo_button = QPushButton(
            QCoreApplication.translate("FirstSteps", "Try the demo first"), self
        )
        self.settings_button = QPushButton(
            QCoreApplication.translate("FirstSteps", "Team details…"), self
        )
        self.import_button.clicked.connect(lambda: go("registry", "import_villages_button"))
        self.add_button.clicked.connect(lambda: go("registry", "add_button"))
        self.settings_button.clicked.connect(lambda: go("settings", ""))
        self.demo_button.clicked.connect(self._on_demo_clicked)
        self.demo_box: QMessageBox | None = None
        lay = QHBoxLayout(self)
        lay.addWidget(text, 1)
        for b in (self.import_button, self.add_button, self.demo_button, self.settings_button):
            lay.addWidget(b)

    def _on_demo_clicked(self) -> None:
        self.demo_box = QMessageBox(
            QMessageBox.Icon.Information,
            QCoreApplication.translate("FirstSteps", "The demo"),
            demo_text(),
            QMessageBox.StandardButton.Ok,
            self,
        )
        self.demo_box.open()


__all__ = ["FirstSteps", "demo_text", "no_villages_text"]
