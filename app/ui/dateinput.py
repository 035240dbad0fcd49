"""Date and date-time fields that take what people type, in one Tab stop.

:class:`DateInput` replaces ``QDateEdit`` and :class:`DateTimeInput` replaces ``QDateTimeEdit``
(same ``date()``/``setDate()``/``dateChanged`` and ``dateTime()``/``setDateTime()``/
``dateTimeChanged``), but they are one line edit: typing ``2026-12-01``, ``20261201`` or ``12-01``
(and ``14:30`` for a time) works, the text is tidied when the field is left, and Tab leaves the
field at once instead of walking through five date parts. Up and Down move a day; a calendar
opens from the button at the end of the field (not a Tab stop).

A text that is not a date is kept as typed, marked red with a Chinese hint, and ``is_valid()``
says so; ``date()`` keeps the last valid date.

Before a save, a form asks once about dates that deserve a second look (outside the round, too
far back: :func:`app.domain.dates.date_concern`, :func:`app.ui.field.formkit.ask_dates`).

Signals: ``dateChanged(QDate)`` / ``dateTimeChanged(QDateTime)`` when the value changes.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta

from PySide6.QtCore import (
    QDate,
    QDateTime,
    QPoint,
    Qt,
    QTime,
    QTimer,
    Signal,
)
from PySide6.QtGui import QAction, QFocusEvent, QKeyEvent
from PySide6.QtWidgets import (
    QCalendarWidget,
    QLineEdit,
    QStyle,
    QVBoxLayout,
    QWidget,
)

from app.domain.dates import (
    format_date,
    format_datetime,
    parse_date,
    parse_datetime,
)

INVALID_STYLE = "QLineEdit { border: 1px solid #b00020; background: #fff4f4; }"


def to_qdate(d: date) -> QDate:
    return QDate(d.year, d.month, d.day)


def to_date(q: QDate) -> date:
    return date(q.year(), q.month(), q.day())


def to_qdatetime(dt: datetime) -> QDateTime:
    return QDateTime(to_qdate(dt.date()), QTime(dt.hour, dt.minute))


def to_datetime(q: QDateTime) -> datetime:
    d, t = q.date(), q.time()
    return datetime(d.year(), d.month(), d.day(), t.hour(), t.minute())


class _CalendarPopup(QWidget):
    """A calendar under the field; a click picks the day."""

    picked = Signal(QDate)

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent, Qt.WindowType.Popup)
        self.calendar = QCalendarWidget(self)
        self.calendar.setGridVisible(True)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addWidget(self.calendar)
        self.calendar.clicked.connect(self._on_calendar_clicked)
        self.calendar.activated.connect(self._on_calendar_clicked)

    def _on_calendar_clicked(self, day: QDate) -> None:
        self.picked.emit(day)
        self.close()


class _Input(QLineEdit):
    """What both fields share: parsing on leave, the red mark, the calendar button."""

    def __init__(self, parent: QWidget | None) -> None:
        super().__init__(parent)
        self._valid = True
        self._popup: _CalendarPopup | None = None
        icon = self.style().standardIcon(QStyle.StandardPixmap.SP_FileDialogDetailedView)
        self.calendar_action = QAction(icon, self.tr("Calendar"), self)
        self.calendar_action.setToolTip(self.tr("Choose the day on a calendar"))
        self.calendar_action.triggered.connect(self._on_calendar_action_triggered)
        self.addAction(self.calendar_action, QLineEdit.ActionPosition.TrailingPosition)
        self.editingFinished.connect(self._on_editing_finished)
        self.textEdited.connect(self._on_text_edited)

    # implemented by the two fields
    def _commit_text(self) -> bool:  # pragma: no cover - abstract
        raise NotImplementedError

    def _hint(self) -> str:  # pragma: no cover - abstract
        raise NotImplementedError

    def _calendar_day(self) -> QDate:  # pragma: no cover - abstract
        raise NotImplementedError

    def _set_day(self, day: QDate) -> None:  # pragma: no cover - abstract
        raise NotImplementedError

    def _step(self, days: int) -> None:  # pragma: no cover - abstract
        raise NotImplementedError

    def is_valid(self) -> bool:
        """Whether the text reads as a date (after the user left the field, or now)."""
        return self._commit_text()

    def _mark(self, valid: bool) -> None:
        self._valid = valid
        self.setStyleSheet("" if valid else INVALID_STYLE)
        self.setToolTip("" if valid else self._hint())

    def _on_text_edited(self, _text: str) -> None:
        if not self._valid:
            self._mark(True)  # an old complaint goes while the user corrects the text

    def _on_editing_finished(self) -> None:
        self._commit_text()

    def focusInEvent(self, event: QFocusEvent) -> None:
        super().focusInEvent(event)
        # typing replaces the whole date (a mouse press would undo an immediate selectAll)
        QTimer.singleShot(0, self.selectAll)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Up, Qt.Key.Key_Down) and not event.modifiers():
            self._commit_text()
            self._step(1 if event.key() == Qt.Key.Key_Up else -1)
            return
        if event.key() == Qt.Key.Key_F4 or (
            event.key() == Qt.Key.Key_Down and event.modifiers() & Qt.KeyboardModifier.AltModifier
        ):
            self._on_calendar_action_triggered()
            return
        super().keyPressEvent(event)

    def _on_calendar_action_triggered(self) -> None:
        self._commit_text()
        popup = _CalendarPopup(self)
        popup.calendar.setSelectedDate(self._calendar_day())
        popup.picked.connect(self._set_day)
        popup.move(self.mapToGlobal(QPoint(0, self.height())))
        popup.show()
        self._popup = popup


class DateInput(_Input):
    """A date typed as text (see the module docstring); ``QDateEdit``'s API.

    With ``optional`` the field may be left empty: :meth:`optional_value` is then None.
    """

    dateChanged = Signal(QDate)

    def __init__(
        self,
        value: date | QDate | None = None,
        parent: QWidget | None = None,
        *,
        optional: bool = False,
    ) -> None:
        super().__init__(parent)
        self.setPlaceholderText(self.tr("e.g. 2026-12-01"))
        self._date: date = date.today()
        self._optional = optional
        self.setMaximumWidth(200)
        start = to_date(value) if isinstance(value, QDate) else value
        if start is None and optional:
            self.clear()
        else:
            self.set_value(start or date.today())

    # -- value ----------------------------------------------------------------------------
    def value(self) -> date:
        self._commit_text()
        return self._date

    def optional_value(self) -> date | None:
        """The date, or None while an optional field is empty."""
        if self._optional and not self.text().strip():
            return None
        return self.value()

    def set_optional_value(self, d: date | None) -> None:
        if d is None:
            self.clear()
            self._mark(True)
        else:
            self.set_value(d)

    def set_value(self, d: date) -> None:
        changed = d != self._date
        self._date = d
        self.setText(format_date(d))
        self._mark(True)
        if changed:
            self.dateChanged.emit(to_qdate(d))

    def date(self) -> QDate:
        return to_qdate(self.value())

    def setDate(self, q: QDate) -> None:
        self.set_value(to_date(q))

    # -- _Input ---------------------------------------------------------------------------
    def _commit_text(self) -> bool:
        if self._optional and not self.text().strip():
            self._mark(True)
            return True
        parsed = parse_date(self.text(), date.today())
        if parsed is None:
            self._mark(False)
            return False
        if parsed != self._date or self.text() != format_date(parsed):
            self.set_value(parsed)
        self._mark(True)
        return True

    def _hint(self) -> str:
        return self.tr("Not a date. Type for example 2026-12-01, 20261201 or 12-01.")

    def _calendar_day(self) -> QDate:
        return to_qdate(self._date)

    def _set_day(self, day: QDate) -> None:
        self.set_value(to_date(day))

    def _step(self, days: int) -> None:
        self.set_value(self._date + timedelta(days=days))


class DateTimeInput(_Input):
    """A date and time typed as text; ``QDateTimeEdit``'s API."""

    dateTimeChanged = Signal(QDateTime)

    def __init__(
        self, value: datetime | QDateTime | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setPlaceholderText(self.tr("e.g. 2026-12-01 14:30"))
        self._value: datetime = datetime.now().replace(second=0, microsecond=0)
        self.setMaximumWidth(240)
        start = to_datetime(value) if isinstance(value, QDateTime) else value
        self.set_value((start or datetime.now()).replace(second=0, microsecond=0))

    def value(self) -> datetime:
        self._commit_text()
        return self._value

    def set_value(self, dt: datetime) -> None:
        dt = dt.replace(second=0, microsecond=0)
        changed = dt != self._value
        self._value = dt
        self.setText(format_datetime(dt))
        self._mark(True)
        if changed:
            self.dateTimeChanged.emit(to_qdatetime(dt))

    def dateTime(self) -> QDateTime:
        return to_qdatetime(self.value())

    def setDateTime(self, q: QDateTime) -> None:
        self.set_value(to_datetime(q))

    def _commit_text(self) -> bool:
        parsed = parse_datetime(self.text(), self._value)
        if parsed is None:
            self._mark(False)
            return False
        if parsed != self._value or self.text() != format_datetime(parsed):
            self.set_value(parsed)
        self._mark(True)
        return True

    def _hint(self) -> str:
        return self.tr("Not a date and time. Type for example 2026-12-01 14:30, or 14:30.")

    def _calendar_day(self) -> QDate:
        return to_qdate(self._value.date())

    def _set_day(self, day: QDate) -> None:
        self.set_value(datetime.combine(to_date(day), self._value.time()))

    def _step(self, days: int) -> None:
        self.set_value(self._value + timedelta(days=days))


__all__ = [
    "DateInput",
    "DateTimeInput",
    "to_date",
    "to_datetime",
    "to_qdate",
    "to_qdatetime",
]
