"""The settings page: one form over :mod:`app.services.preferences`, saved in one step.

Each value has its own row and its own message under it. Members see the page read-only.

The save is one operation: its change set (``workspace_meta``, ``team``, ``inspection_round``)
is broadcast like any other write (the window applies the idle-lock minutes from it at once).

Signals: ``settings_changed(Settings)`` with the new settings after a save.
"""

from __future__ import annotations

from dataclasses import replace
from functools import partial
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from app.domain.vocabulary import Role
from app.services.preferences import (
    FONT_ROLES,
    Preferences,
    PreferencesRefused,
    load_preferences,
    save_preferences,
)
from app.services.settings import Settings
from app.storage.changes import ChangeSet
from app.ui.context import AppContext
from app.ui.dateinput import DateInput
from app.ui.i18n import fill
from app.ui.style import ERROR_STYLE


def _spin(low: int, high: int, suffix: str, parent: QWidget) -> QSpinBox:
    box = QSpinBox(parent)
    box.setRange(low, high)
    box.setSuffix(suffix)
    box.setMaximumWidth(140)
    return box


class SettingsView(QWidget):
    settings_changed = Signal(object)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.prefs: Preferences | None = None
        self.errors: dict[str, QLabel] = {}
        self.fields: dict[str, QWidget] = {}
        self.editable = ctx.ws.role is not Role.MEMBER

        body = QWidget(self)
        col = QVBoxLayout(body)

        team = self._group(self.tr("Inspection team"), col)
        self.team_name = self._row(team, "team_name", self.tr("Team name"), QLineEdit(body))
        self.issuing_body = self._row(
            team, "issuing_body", self.tr("Issuing body on papers"), QLineEdit(body)
        )
        self.issuing_body.setPlaceholderText(self.tr("e.g. 中共淮阳区委第一巡察组"))
        self.doc_prefix = self._row(
            team, "doc_prefix", self.tr("Document code (代字)"), QLineEdit(body)
        )
        self.doc_prefix.setPlaceholderText(self.tr("e.g. 淮巡立改 (no year, no number)"))
        self.phone = self._row(team, "phone", self.tr("Contact phone"), QLineEdit(body))
        self.mailbox = self._row(team, "mailbox", self.tr("Mailbox for letters"), QLineEdit(body))

        rnd = self._group(self.tr("This round"), col)
        self.round_name = self._row(rnd, "round_name", self.tr("Round"), QLineEdit(body))
        self.round_start = self._row(
            rnd, "round_start", self.tr("Starts on"), DateInput(None, body, optional=True)
        )
        self.round_end = self._row(
            rnd, "round_end", self.tr("Ends on"), DateInput(None, body, optional=True)
        )
        self.date_back_days = self._row(
            rnd,
            "date_back_days",
            self.tr("Ask about dates older than"),
            _spin(0, 3650, self.tr(" days"), body),
        )

        dl = self._group(self.tr("Deadlines and warnings"), col)
        self.fix_now_days = self._row(
            dl, "fix_now_days", self.tr("Fix now (立行立改)"), _spin(1, 90, self.tr(" days"), body)
        )
        self.ledger_days = self._row(
            dl, "ledger_days", self.tr("Ledger (对账销号)"), _spin(1, 365, self.tr(" days"), body)
        )
        self.clue_months = self._row(
            dl,
            "clue_feedback_months",
            self.tr("Feedback on a clue within"),
            _spin(1, 12, self.tr(" months"), body),
        )
        self.warn_green = self._row(
            dl, "warn_green_days", self.tr("Green warning from"), _spin(1, 90, "", body)
        )
        self.warn_green.setSuffix(self.tr(" days before the deadline"))
        self.warn_yellow = self._row(
            dl, "warn_yellow_days", self.tr("Yellow warning from"), _spin(1, 90, "", body)
        )
        self.warn_yellow.setSuffix(self.tr(" days before the deadline"))
        for spin in (self.warn_green, self.warn_yellow):
            spin.setMaximumWidth(220)

        units = self._group(self.tr("Units and addressees"), col)
        self.units = QPlainTextEdit(body)
        self.units.setTabChangesFocus(True)
        self.units.setFixedHeight(110)
        self.units.setPlaceholderText(self.tr("One unit per line"))
        self._row(units, "responsible_units", self.tr("Responsible units"), self.units)
        # who papers are addressed to, by their full names (a paper whose addressee is not set
        # is not printed), the office's own name, the 保密期限 of classified papers
        self.body_edits: dict[str, QLineEdit] = {}
        for key, label, example in (
            ("police_body", self.tr("Public security body"), self.tr("e.g. 淮阳区公安局")),
            (
                "discipline_body",
                self.tr("Discipline inspection body"),
                self.tr("e.g. 中共淮阳区纪委 淮阳区监委"),
            ),
            (
                "organisation_body",
                self.tr("Organisation department"),
                self.tr("e.g. 中共淮阳区委组织部"),
            ),
            ("office_name", self.tr("Inspection office"), self.tr("e.g. 区委巡察办")),
            ("secret_term", self.tr("Term of classified papers"), self.tr("e.g. 1年")),
        ):
            line = self._row(units, key, label, QLineEdit(body))
            line.setPlaceholderText(example)
            self.body_edits[key] = line

        sec = self._group(self.tr("Security"), col)
        self.idle_minutes = self._row(
            sec,
            "idle_lock_minutes",
            self.tr("Lock after no input for"),
            _spin(1, 120, self.tr(" minutes"), body),
        )

        fonts = self._group(self.tr("Fonts of printed papers"), col)
        hint = QLabel(
            self.tr(
                "Leave empty to use the system's fonts. A file must be a TrueType font "
                "(.ttf or .ttc). There is no free 小标宋: a heavy Song font stands in for it."
            ),
            body,
        )
        hint.setWordWrap(True)
        hint.setStyleSheet("color: #555;")
        fonts.addRow(hint)
        self.font_edits: dict[str, QLineEdit] = {}
        self.font_found: dict[str, QLabel] = {}
        for key, label in FONT_ROLES:
            holder = QWidget(body)
            row = QHBoxLayout(holder)
            row.setContentsMargins(0, 0, 0, 0)
            edit = QLineEdit(holder)
            edit.setPlaceholderText(self.tr("System font"))
            pick = QPushButton(self.tr("Choose…"), holder)
            pick.clicked.connect(partial(self._on_font_pick_clicked, key))
            pick.setEnabled(self.editable)
            row.addWidget(edit, 1)
            row.addWidget(pick)
            self._row(fonts, f"font_{key}", label, holder)
            self.fields[f"font_{key}"] = edit
            self.font_edits[key] = edit

        self.form_error = QLabel(body)
        self.form_error.setStyleSheet(ERROR_STYLE)
        self.form_error.setWordWrap(True)
        col.addWidget(self.form_error)
        col.addStretch(1)

        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setWidget(body)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        body.setMaximumWidth(960)
        self.save_button = QPushButton(self.tr("Save settings"), self)
        self.save_button.setDefault(True)
        self.revert_button = QPushButton(self.tr("Undo changes"), self)
        self.message = QLabel(self)
        self.message.setWordWrap(True)
        bar = QHBoxLayout()
        bar.addWidget(self.message, 1)
        bar.addWidget(self.revert_button)
        bar.addWidget(self.save_button)
        title = QLabel(self.tr("Settings"), self)
        title.setStyleSheet("font-size: 15pt; font-weight: bold;")
        lay = QVBoxLayout(self)
        lay.addWidget(title)
        if not self.editable:
            note = QLabel(self.tr("Only the team leader can change the settings."), self)
            note.setStyleSheet("color: #555;")
            lay.addWidget(note)
        lay.addWidget(scroll, 1)
        lay.addLayout(bar)

        for w in self.fields.values():
            if isinstance(w, QLineEdit | QPlainTextEdit | QSpinBox):
                w.setReadOnly(not self.editable)
        self.save_button.setVisible(self.editable)
        self.revert_button.setVisible(self.editable)
        self.save_button.clicked.connect(self._on_save_button_clicked)
        self.revert_button.clicked.connect(self.load)
        self.load()

    # -- building -------------------------------------------------------------------------
    def _group(self, title: str, col: QVBoxLayout) -> QFormLayout:
        box = QGroupBox(title, self)
        form = QFormLayout(box)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        col.addWidget(box)
        return form

    def _row(self, form: QFormLayout, key: str, label: str, widget: Any) -> Any:
        holder = QWidget(self)
        v = QVBoxLayout(holder)
        v.setContentsMargins(0, 0, 0, 0)
        v.setSpacing(2)
        v.addWidget(widget)
        err = QLabel(holder)
        err.setStyleSheet(ERROR_STYLE)
        err.setWordWrap(True)
        err.hide()
        v.addWidget(err)
        form.addRow(label, holder)
        self.errors[key] = err
        self.fields[key] = widget
        return widget

    # -- loading --------------------------------------------------------------------------
    def load(self) -> None:
        self.ctx.ops.query(partial(load_preferences, self.ctx.ws), self._on_loaded, parent=self)

    def _on_loaded(self, p: Preferences) -> None:
        self.prefs = p
        st = p.settings
        self.team_name.setText(p.team_name)
        self.issuing_body.setText(p.issuing_body)
        self.doc_prefix.setText(p.doc_prefix)
        self.phone.setText(p.phone)
        self.mailbox.setText(p.mailbox)
        self.round_name.setText(p.round_name)
        self.round_start.set_optional_value(p.round_start)
        self.round_end.set_optional_value(p.round_end)
        self.date_back_days.setValue(st.date_back_days)
        self.fix_now_days.setValue(st.fix_now_days)
        self.ledger_days.setValue(st.ledger_days)
        self.clue_months.setValue(st.clue_feedback_months)
        self.warn_green.setValue(st.warn_green_days)
        self.warn_yellow.setValue(st.warn_yellow_days)
        self.units.setPlainText("\n".join(p.units))
        for key, line in self.body_edits.items():
            line.setText(str(getattr(st, key)))
        self.idle_minutes.setValue(st.idle_lock_minutes)
        files = st.font_files or {}
        for key, edit in self.font_edits.items():
            edit.setText(files.get(key, ""))
        self._show_errors({})
        self.message.clear()

    # -- reading the form -----------------------------------------------------------------
    def values(self) -> Preferences:
        base = self.prefs or Preferences()
        units = [u.strip() for u in self.units.toPlainText().splitlines() if u.strip()]
        settings: Settings = base.settings.with_changes(
            date_back_days=self.date_back_days.value(),
            fix_now_days=self.fix_now_days.value(),
            ledger_days=self.ledger_days.value(),
            clue_feedback_months=self.clue_months.value(),
            warn_green_days=self.warn_green.value(),
            warn_yellow_days=self.warn_yellow.value(),
            responsible_units=units,
            **{key: line.text().strip() for key, line in self.body_edits.items()},
            idle_lock_minutes=self.idle_minutes.value(),
            font_files={k: e.text().strip() for k, e in self.font_edits.items() if e.text().strip()}
            or None,
        )
        return replace(
            base,
            team_name=self.team_name.text(),
            issuing_body=self.issuing_body.text(),
            doc_prefix=self.doc_prefix.text(),
            phone=self.phone.text(),
            mailbox=self.mailbox.text(),
            round_name=self.round_name.text(),
            round_start=self.round_start.optional_value(),
            round_end=self.round_end.optional_value(),
            settings=settings,
        )

    def _show_errors(self, errors: dict[str, str]) -> None:
        first: QWidget | None = None
        for key, label in self.errors.items():
            text = errors.get(key, "")
            label.setText(text)
            label.setVisible(bool(text))
            if text and first is None:
                first = self.fields.get(key)
        rest = [v for k, v in errors.items() if k not in self.errors]
        self.form_error.setText("\n".join(rest))
        if first is not None:
            first.setFocus(Qt.FocusReason.OtherFocusReason)

    # -- saving ---------------------------------------------------------------------------
    def _on_save_button_clicked(self) -> None:
        bad = {
            key: self.tr("Not a date. Type for example 2026-12-01.")
            for key, field in (("round_start", self.round_start), ("round_end", self.round_end))
            if not field.is_valid()
        }
        if bad:
            self._show_errors(bad)
            return
        prefs = self.values()
        self.save_button.setEnabled(False)
        self.message.setText(self.tr("Saving…"))
        self.ctx.ops.write(
            partial(save_preferences, self.ctx.ws, prefs),
            partial(self._on_saved, prefs),
            source="settings",
            on_error=self._on_save_failed,
        )

    def _on_saved(self, prefs: Preferences, changed: object) -> None:
        self.save_button.setEnabled(True)
        self.prefs = prefs
        self.ctx.settings = prefs.settings
        self._show_errors({})
        self.message.setText(self.tr("Settings saved."))
        self.settings_changed.emit(prefs.settings)

    def _on_save_failed(self, exc: BaseException) -> None:
        self.save_button.setEnabled(True)
        self.message.clear()
        if isinstance(exc, PreferencesRefused):
            self._show_errors(exc.errors)
            self.message.setText(self.tr("Not saved: see the messages above."))
        else:
            self.message.setText(fill(self.tr("Not saved: %1"), str(exc)))

    def _on_font_pick_clicked(self, key: str) -> None:
        start = self.font_edits[key].text() or str(Path.home())
        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("Choose a font file"), start, self.tr("TrueType fonts (*.ttf *.ttc)")
        )
        if path:
            self.font_edits[key].setText(path)

    # -- the window's protocol ------------------------------------------------------------
    def on_changes(self, changes: ChangeSet) -> None:
        """Settings or the team changed elsewhere (a sync import …): show them afresh, unless the
        user is editing here (their edits are not overwritten)."""
        if changes.source == "settings" or not changes.touches("workspace_meta", "team"):
            return
        if not self.save_button.isEnabled():
            return
        self.load()

    def close_forms(self) -> None:
        """Unsaved edits on this page are not kept across a lock (they are few and visible)."""


__all__ = ["SettingsView"]
