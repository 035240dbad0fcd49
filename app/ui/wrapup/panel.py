"""The form that sorts one problem: category, subcategory, track and the track's particulars.

Signals: ``save_requested(str, object, str)`` — problem id, :class:`Decision`, amendment reason;
``source_requested(object)`` — a :class:`SourceRef` whose record the user wants to read.
"""

from __future__ import annotations

from datetime import date
from typing import TypeVar

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from app.domain.vocabulary import (
    Labelled,
    ProblemCategory,
    ReceivingBody,
    Subcategory,
    Track,
    Urgency,
)
from app.services.settings import Settings
from app.services.wrapup.board import Decision, ProblemRow, default_decision, validate_decision
from app.ui.i18n import fill
from app.ui.style import ERROR_STYLE

_TRACK_PAGES = (Track.FIX_NOW, Track.FAST_INVESTIGATION, Track.LEDGER, Track.VERIFY)


E = TypeVar("E", bound=Labelled)


def _value(combo: QComboBox, enum_type: type[E]) -> E | None:
    """The enum member a combo box's current item stands for (items hold the codes)."""
    code = combo.currentData()
    return None if code is None else enum_type(code)


def _choose(combo: QComboBox, member: Labelled | None) -> None:
    index = combo.findData(member.value) if member is not None else 0
    combo.setCurrentIndex(max(index, 0))


def _qdate(d: date) -> QDate:
    return QDate(d.year, d.month, d.day)


def _pydate(q: QDate) -> date:
    return date(q.year(), q.month(), q.day())


class DecisionPanel(QWidget):
    save_requested = Signal(str, object, str)
    source_requested = Signal(object)

    def __init__(self, settings: Settings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._settings = settings
        self._row: ProblemRow | None = None
        self._day = date.today()

        self.description = QLabel(self)
        self.description.setWordWrap(True)
        self.description.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.meta = QLabel(self)
        self.sources = QListWidget(self)
        self.sources.setMaximumHeight(90)
        self.suggestion = QLabel(self)
        self.suggestion.setWordWrap(True)
        self.suggestion.setStyleSheet("color: #1f4e79")
        self.accept_suggestion = QPushButton(self.tr("Use suggestion"), self)

        self.category = QComboBox(self)
        self.category.addItem(self.tr("(not chosen)"), None)
        for c in ProblemCategory:
            self.category.addItem(c.label, c.value)
        self.subcategory = QComboBox(self)
        self.track = QComboBox(self)
        for t in _TRACK_PAGES:
            self.track.addItem(t.label, t.value)

        self.pages = QStackedWidget(self)
        # 立行立改
        fix = QWidget(self.pages)
        fix_form = QFormLayout(fix)
        self.unit = QLineEdit(fix)
        self.fix_deadline = QDateEdit(fix)
        self.fix_deadline.setCalendarPopup(True)
        fix_form.addRow(self.tr("Responsible unit:"), self.unit)
        fix_form.addRow(self.tr("Deadline:"), self.fix_deadline)
        # 直查快办
        fast = QWidget(self.pages)
        fast_form = QFormLayout(fast)
        self.body = QComboBox(fast)
        for b in ReceivingBody:
            self.body.addItem(b.label, b.value)
        self.urgency = QComboBox(fast)
        for u in Urgency:
            self.urgency.addItem(u.label, u.value)
        fast_form.addRow(self.tr("Transfer to:"), self.body)
        fast_form.addRow(self.tr("Urgency:"), self.urgency)
        # 对账销号
        ledger = QWidget(self.pages)
        ledger_form = QFormLayout(ledger)
        self.supervisor = QLineEdit(ledger)
        self.requirement = QPlainTextEdit(ledger)
        self.requirement.setMaximumHeight(60)
        self.ledger_deadline = QDateEdit(ledger)
        self.ledger_deadline.setCalendarPopup(True)
        ledger_form.addRow(self.tr("Supervising Party committee:"), self.supervisor)
        ledger_form.addRow(self.tr("Requirement:"), self.requirement)
        ledger_form.addRow(self.tr("Deadline:"), self.ledger_deadline)
        # 待核实
        verify = QLabel(self.tr("Keeps being verified and returns on the next day's list."))
        verify.setWordWrap(True)
        for page in (fix, fast, ledger, verify):
            self.pages.addWidget(page)

        self.reason = QLineEdit(self)
        self.reason.setPlaceholderText(self.tr("Why the signed-off decision changes"))
        self.reason_label = QLabel(self.tr("Amendment reason:"), self)
        self.error = QLabel(self)
        self.error.setStyleSheet(ERROR_STYLE)
        self.error.setWordWrap(True)
        self.save = QPushButton(self.tr("Save decision"), self)

        form = QFormLayout()
        form.addRow(self.tr("Category:"), self.category)
        form.addRow(self.tr("Subcategory:"), self.subcategory)
        form.addRow(self.tr("Handling:"), self.track)
        form.addRow(self.reason_label, self.reason)
        layout = QVBoxLayout(self)
        layout.addWidget(self.description)
        layout.addWidget(self.meta)
        layout.addWidget(QLabel(self.tr("Raised by (double-click to read):"), self))
        layout.addWidget(self.sources)
        sug = QHBoxLayout()
        sug.addWidget(self.suggestion, 1)
        sug.addWidget(self.accept_suggestion)
        layout.addLayout(sug)
        layout.addLayout(form)
        layout.addWidget(self.pages)
        layout.addWidget(self.error)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.save)
        layout.addLayout(buttons)
        layout.addStretch(1)

        self.category.currentIndexChanged.connect(self._on_category_current_index_changed)
        self.track.currentIndexChanged.connect(self._on_track_current_index_changed)
        self.accept_suggestion.clicked.connect(self._on_accept_suggestion_clicked)
        self.save.clicked.connect(self._on_save_clicked)
        self.sources.itemDoubleClicked.connect(self._on_sources_item_double_clicked)
        self.show_row(None, self._day)

    # -- showing a problem ----------------------------------------------------------------
    def show_row(self, row: ProblemRow | None, day: date) -> None:
        self._row, self._day = row, day
        self.error.clear()
        self.reason.clear()
        enabled = row is not None
        for w in (self.category, self.subcategory, self.track, self.pages, self.save):
            w.setEnabled(enabled)
        self.accept_suggestion.setEnabled(enabled)
        self.sources.clear()
        if row is None:
            self.description.setText(self.tr("Choose a problem on the left."))
            self.meta.clear()
            self.suggestion.clear()
            self._set_amending(False)
            return
        self.description.setText(f"<b>{row.village}</b>　{row.description}")
        meta = fill(self.tr("Raised on %1 · %2 voice(s)"), row.raised_on.isoformat(), row.voices)
        if row.frozen:
            meta += " · " + self.tr("signed off: a change is an amendment")
        self.meta.setText(meta)
        for ref in row.sources:
            item = QListWidgetItem(
                f"{ref.kind.label}　{ref.at:%m-%d %H:%M}　{ref.preview}", self.sources
            )
            item.setData(Qt.ItemDataRole.UserRole, ref)
        self.suggestion.setText(fill(self.tr("Suggestion: %1"), row.suggestion.reason_zh))
        self._set_amending(row.frozen)
        self.set_decision(row.decision or self._default(None))

    def _set_amending(self, on: bool) -> None:
        self.reason.setVisible(on)
        self.reason_label.setVisible(on)

    def _default(self, track: Track | None) -> Decision:
        assert self._row is not None
        return default_decision(
            self._row.suggestion,
            self._day,
            self._settings,
            party_committee=self._row.party_committee,
            track=track,
        )

    def set_decision(self, d: Decision) -> None:
        self.track.blockSignals(True)
        self.track.setCurrentIndex(_TRACK_PAGES.index(d.track))
        self.track.blockSignals(False)
        self.pages.setCurrentIndex(_TRACK_PAGES.index(d.track))
        self.category.blockSignals(True)
        _choose(self.category, d.category)
        self.category.blockSignals(False)
        self._fill_subcategories(d.category)
        _choose(self.subcategory, d.subcategory)
        self.unit.setText(d.responsible_unit)
        self.supervisor.setText(d.supervisor)
        self.requirement.setPlainText(d.requirement)
        fallback = self._default(Track.FIX_NOW).deadline or self._day
        self.fix_deadline.setDate(_qdate(d.deadline or fallback))
        ledger_fallback = self._default(Track.LEDGER).deadline or self._day
        self.ledger_deadline.setDate(_qdate(d.deadline or ledger_fallback))
        if d.receiving_body is not None:
            _choose(self.body, d.receiving_body)
        if d.urgency is not None:
            _choose(self.urgency, d.urgency)

    def _fill_subcategories(self, category: ProblemCategory | None) -> None:
        self.subcategory.blockSignals(True)
        self.subcategory.clear()
        if category is None or category is ProblemCategory.CLUE:
            self.subcategory.addItem(self.tr("(none)"), None)
        else:
            for sub in Subcategory:
                if sub.category is category:
                    self.subcategory.addItem(sub.label, sub.value)
        self.subcategory.blockSignals(False)

    # -- reading the form -----------------------------------------------------------------
    def decision(self) -> Decision:
        track = _value(self.track, Track) or Track.VERIFY
        deadline = None
        if track is Track.FIX_NOW:
            deadline = _pydate(self.fix_deadline.date())
        elif track is Track.LEDGER:
            deadline = _pydate(self.ledger_deadline.date())
        return Decision(
            track=track,
            category=_value(self.category, ProblemCategory),
            subcategory=_value(self.subcategory, Subcategory),
            responsible_unit=self.unit.text(),
            deadline=deadline,
            receiving_body=_value(self.body, ReceivingBody),
            urgency=_value(self.urgency, Urgency),
            supervisor=self.supervisor.text(),
            requirement=self.requirement.toPlainText(),
        )

    def show_error(self, message: str) -> None:
        self.error.setText(message)

    # -- slots ----------------------------------------------------------------------------
    def _on_category_current_index_changed(self, _index: int) -> None:
        self._fill_subcategories(_value(self.category, ProblemCategory))

    def _on_track_current_index_changed(self, _index: int) -> None:
        track = _value(self.track, Track) or Track.VERIFY
        self.pages.setCurrentIndex(_TRACK_PAGES.index(track))
        if self._row is not None:
            current = _value(self.category, ProblemCategory)
            d = self._default(track)
            # keep a category the person chose when it suits the track
            if track is Track.VERIFY and current is not None:
                d = Decision(Track.VERIFY, current, _value(self.subcategory, Subcategory))
            self.set_decision(d)

    def _on_accept_suggestion_clicked(self) -> None:
        if self._row is not None:
            self.set_decision(self._default(None))

    def _on_save_clicked(self) -> None:
        if self._row is None:
            return
        d = self.decision()
        errors = validate_decision(d)
        if errors:
            self.show_error(next(iter(errors.values())))
            return
        if self._row.frozen and not self.reason.text().strip():
            self.show_error(self.tr("The day is signed off: give a reason for the amendment."))
            return
        self.error.clear()
        self.save_requested.emit(self._row.id, d, self.reason.text().strip())

    def _on_sources_item_double_clicked(self, item: QListWidgetItem) -> None:
        self.source_requested.emit(item.data(Qt.ItemDataRole.UserRole))
