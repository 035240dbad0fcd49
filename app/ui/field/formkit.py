"""What the record forms add so that nothing typed is lost and few keys are needed.

- :func:`ask_close`: Esc (or 取消) on a form with changes asks: keep the draft (the default, the
  next 新建 of that kind continues it), discard, or go on typing. Non-modal, so the form stays.
- :func:`ask_dates`: before saving, a date outside the round or further back than the settings
  allow is shown once for confirmation (:func:`app.domain.dates.date_concern`).
- :func:`install_form_keys`: Alt+R adds a person (the cursor goes to the name), Alt+W raises a
  problem, Alt+Z adds photos.
- :class:`PhotoViewer`: a photo enlarged, fitted to the screen.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import date

from PySide6.QtCore import QCoreApplication, QSize, Qt
from PySide6.QtGui import QKeySequence, QPixmap, QShortcut
from PySide6.QtWidgets import (
    QAbstractButton,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QMessageBox,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from app.domain.dates import DateLimits, date_concern
from app.ui.geometry import available_area, fit_to_screen


def date_error_text() -> str:
    return QCoreApplication.translate(
        "FieldForms", "Not a date and time: type for example 2026-12-01 14:30."
    )


def draft_resumed_text() -> str:
    return QCoreApplication.translate(
        "FieldForms", "The draft kept earlier is back: go on where you left off."
    )


def ask_close(
    parent: QWidget, on_keep: Callable[[], None], on_discard: Callable[[], None]
) -> QMessageBox:
    """Ask what becomes of an unsaved form (keep the draft / discard / go on typing)."""
    box = QMessageBox(
        QMessageBox.Icon.Question,
        QCoreApplication.translate("FieldForms", "Close the form"),
        "",
        parent=parent,
    )
    box.setObjectName("askClose")
    box.setText(QCoreApplication.translate("FieldForms", "This form is not saved."))
    box.setInformativeText(
        QCoreApplication.translate(
            "FieldForms", "Keep it as a draft? The next new record of this kind continues it."
        )
    )
    keep = box.addButton(
        QCoreApplication.translate("FieldForms", "Keep the draft"),
        QMessageBox.ButtonRole.AcceptRole,
    )
    discard = box.addButton(
        QCoreApplication.translate("FieldForms", "Discard"), QMessageBox.ButtonRole.DestructiveRole
    )
    box.addButton(
        QCoreApplication.translate("FieldForms", "Go on typing"), QMessageBox.ButtonRole.RejectRole
    )
    box.setDefaultButton(keep)

    def clicked(button: QAbstractButton) -> None:
        if button is keep:
            on_keep()
        elif button is discard:
            on_discard()

    box.buttonClicked.connect(clicked)
    box.open()
    return box


def date_concerns(dates: Iterable[tuple[str, date]], today: date, limits: DateLimits) -> list[str]:
    return [f"{label}：{text}" for label, d in dates if (text := date_concern(d, today, limits))]


def ask_dates(parent: QWidget, concerns: list[str], on_yes: Callable[[], None]) -> QMessageBox:
    """Show the dates that need a second look; ``on_yes`` when the user keeps them."""
    box = QMessageBox(
        QMessageBox.Icon.Question,
        QCoreApplication.translate("FieldForms", "Check the date"),
        "\n".join(concerns)
        + "\n\n"
        + QCoreApplication.translate("FieldForms", "Keep these dates?"),
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
        parent,
    )
    box.setObjectName("confirmDates")
    box.setDefaultButton(QMessageBox.StandardButton.No)
    box.accepted.connect(on_yes)
    box.open()
    return box


def install_form_keys(
    dialog: QWidget,
    add_person: Callable[[], object] | None,
    raise_problem: Callable[[], object],
    add_photos: Callable[[], object],
) -> list[QShortcut]:
    keys: list[QShortcut] = []
    for seq, slot in (
        ("Alt+R", add_person),
        ("Alt+W", raise_problem),
        ("Alt+Z", add_photos),
    ):
        if slot is None:
            continue
        shortcut = QShortcut(QKeySequence(seq), dialog)
        shortcut.activated.connect(slot)
        keys.append(shortcut)
    return keys


class PhotoViewer(QDialog):
    """One photo, as large as the screen allows (Esc closes)."""

    def __init__(self, data: bytes, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        pix = QPixmap()
        pix.loadFromData(data)
        area = available_area(self)
        room = QSize(area.width() - 80, area.height() - 140)
        if pix.width() > room.width() or pix.height() > room.height():
            pix = pix.scaled(
                room,
                Qt.AspectRatioMode.KeepAspectRatio,
                Qt.TransformationMode.SmoothTransformation,
            )
        self.image = QLabel(self)
        self.image.setPixmap(pix)
        self.image.setAlignment(Qt.AlignmentFlag.AlignCenter)
        scroll = QScrollArea(self)
        scroll.setWidget(self.image)
        scroll.setWidgetResizable(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        lay = QVBoxLayout(self)
        lay.addWidget(scroll, 1)
        lay.addWidget(buttons)
        fit_to_screen(self, QSize(pix.width() + 40, pix.height() + 90))


__all__ = [
    "PhotoViewer",
    "ask_close",
    "ask_dates",
    "date_concerns",
    "date_error_text",
    "draft_resumed_text",
    "install_form_keys",
]
