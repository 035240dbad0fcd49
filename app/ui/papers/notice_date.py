"""Choosing the date a 巡察公告 is issued for (its 落款), before it is printed."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)


class NoticeDateDialog(QDialog):
    """Asks for the 落款 date of the public notices (default today; usually the day of entering)."""

    def __init__(self, initial: date | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Date of the notice"))
        day = initial or date.today()
        self.date_edit = QDateEdit(QDate(day.year, day.month, day.day), self)
        self.date_edit.setCalendarPopup(True)
        self.date_edit.setDisplayFormat("yyyy年M月d日")
        hint = QLabel(
            self.tr("The date printed under the notice, usually the day the team enters.")
        )
        hint.setWordWrap(True)
        form = QFormLayout()
        form.addRow(self.tr("Issued on"), self.date_edit)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(hint)
        layout.addLayout(form)
        layout.addWidget(buttons)

    def chosen(self) -> date:
        q = self.date_edit.date()
        return date(q.year(), q.month(), q.day())
