"""The three field forms (visit, opinion-box entry, interview) and the dialog that holds them.

Each form edits a payload (see ``app.services.field.forms``); it validates as the user saves and
shows each Chinese message under its field; it stores a draft as the user types; it raises
problems inline and takes photos in off the GUI thread.

Signals of :class:`FormDialog`: ``saved(SaveResult)`` after a successful save.
"""

from __future__ import annotations

from functools import partial
from pathlib import Path
from typing import Any, TypeVar

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from app.domain.vocabulary import EntryChannel, VisitMethod
from app.services.field.drafts import discard_draft, save_draft
from app.services.field.forms import FormInvalid, SaveResult, save_form, validate
from app.services.field.reads import village_problems
from app.ui.context import AppContext
from app.ui.field.parts import (
    ErrorLabel,
    OptionalTime,
    PeopleEditor,
    PhotosEditor,
    ProblemsEditor,
    from_iso,
    time_edit,
    to_iso,
)
from app.ui.i18n import fill

DRAFT_DELAY_MS = 700
W = TypeVar("W", bound=QWidget)


class RecordForm(QWidget):
    """What the three forms share: village, problems, photos, errors, drafts.

    Signals: ``changed`` whenever the content changes.
    """

    kind = ""
    changed = Signal()

    def __init__(
        self, ctx: AppContext, record_id: str | None, village_id: str, parent: QWidget | None
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.record_id = record_id
        self._loading = False
        self.form = QFormLayout()
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.errors: dict[str, ErrorLabel] = {}
        self._fields: dict[str, QWidget] = {}
        self.village = QComboBox(self)
        for v in ctx.villages:
            self.village.addItem(f"{v.name}（{v.township}）", v.id)
        self.village.setCurrentIndex(max(0, self.village.findData(village_id)))
        self.add_field("village_id", self.tr("Village"), self.village)
        self.build()
        self.problems = ProblemsEditor(ctx.villages.items, self)
        self.problems.default_village = village_id
        self.photos = PhotosEditor(ctx, self)
        self.form_error = ErrorLabel(self)
        lay = QVBoxLayout(self)
        lay.addLayout(self.form)
        box = QGroupBox(self.tr("Problems raised"), self)
        QVBoxLayout(box).addWidget(self.problems)
        lay.addWidget(box)
        pbox = QGroupBox(self.tr("Photos"), self)
        QVBoxLayout(pbox).addWidget(self.photos)
        lay.addWidget(pbox)
        lay.addWidget(self.form_error)
        lay.addStretch(1)
        self._draft_timer = QTimer(self)
        self._draft_timer.setSingleShot(True)
        self._draft_timer.setInterval(DRAFT_DELAY_MS)
        self._draft_timer.timeout.connect(self.flush_draft)
        self.problems.changed.connect(self._on_content_changed)
        self.photos.changed.connect(self._on_content_changed)
        self.village.currentIndexChanged.connect(self._on_village_changed)
        self._on_village_changed()

    # -- building -------------------------------------------------------------------------
    def build(self) -> None:  # pragma: no cover - each form adds its own fields
        raise NotImplementedError

    def add_field(self, name: str, label: str, widget: W) -> W:
        err = ErrorLabel(self)
        holder = QWidget(self)
        col = QVBoxLayout(holder)
        col.setContentsMargins(0, 0, 0, 0)
        col.setSpacing(2)
        col.addWidget(widget)
        col.addWidget(err)
        self.form.addRow(label, holder)
        self.errors[name] = err
        self._fields[name] = widget
        for sig in ("textChanged", "currentIndexChanged", "dateTimeChanged", "toggled", "changed"):
            signal = getattr(widget, sig, None)
            if signal is not None and hasattr(signal, "connect"):
                signal.connect(self._on_content_changed)
        return widget

    def text_box(self, placeholder: str = "", lines: int = 6) -> QPlainTextEdit:
        box = QPlainTextEdit(self)
        box.setPlaceholderText(placeholder)
        box.setTabChangesFocus(True)
        box.setMinimumHeight(lines * box.fontMetrics().lineSpacing() + 12)
        return box

    # -- payload --------------------------------------------------------------------------
    def payload(self) -> dict[str, Any]:
        data = self.own_payload()
        data["village_id"] = self.village.currentData() or ""
        data["problems"] = self.problems.value()
        data["links"] = self.problems.linked_ids()
        data["photo_paths"] = list(self.photos.paths)
        return data

    def own_payload(self) -> dict[str, Any]:  # pragma: no cover
        raise NotImplementedError

    def set_payload(self, data: dict[str, Any]) -> None:
        self._loading = True
        try:
            self.village.setCurrentIndex(max(0, self.village.findData(data.get("village_id"))))
            self.set_own_payload(data)
            self.problems.set_value(list(data.get("problems") or []), list(data.get("links") or []))
        finally:
            self._loading = False
        paths = [Path(p) for p in data.get("photo_paths") or [] if Path(p).is_file()]
        if paths:
            self.photos.add_files(paths)

    def set_own_payload(self, data: dict[str, Any]) -> None:  # pragma: no cover
        raise NotImplementedError

    # -- validation -----------------------------------------------------------------------
    def show_errors(self, errors: dict[str, str]) -> bool:
        """Show each message under its field; focus the first; whether there were any."""
        first: QWidget | None = None
        for name, label in self.errors.items():
            label.show_error(errors.get(name, ""))
            if name in errors and first is None:
                first = self._fields.get(name)
        self.problems.show_errors("problems", errors)
        if isinstance(self, VisitForm):
            self.people.show_errors("people", errors)
        self.form_error.show_error(errors.get("", ""))
        if first is not None:
            first.setFocus(Qt.FocusReason.OtherFocusReason)
        return bool(errors)

    def check(self) -> bool:
        return not self.show_errors(validate(self.kind, self.payload()))

    # -- drafts ---------------------------------------------------------------------------
    def _on_content_changed(self, *_args: object) -> None:
        if self._loading:
            return
        self.changed.emit()
        self._draft_timer.start()

    def flush_draft(self) -> None:
        """Store the draft now (the timer does it as the user types)."""
        self._draft_timer.stop()
        ws, kind, rid, payload = self.ctx.ws, self.kind, self.record_id, self.payload()
        self.ctx.ops.write(
            partial(save_draft, ws, kind, rid, payload.get("village_id", ""), payload),
            lambda _key: None,
            source="field",
            on_error=lambda _exc: None,
        )

    def discard_draft(self) -> None:
        self._draft_timer.stop()
        ws, kind, rid = self.ctx.ws, self.kind, self.record_id
        self.ctx.ops.write(
            partial(discard_draft, ws, kind, rid),
            lambda _had: None,
            source="field",
            on_error=lambda _exc: None,
        )

    def _on_village_changed(self, *_args: object) -> None:
        vid = self.village.currentData()
        self.problems.default_village = vid or ""
        if vid:
            self.ctx.ops.query(
                partial(village_problems, self.ctx.ws, vid),
                self.problems.set_existing,
            )


class VisitForm(RecordForm):
    kind = "visit"

    def build(self) -> None:
        self.when = self.add_field("occurred_at", self.tr("Date and time"), time_edit(self))
        self.method = QComboBox(self)
        for m in VisitMethod:
            self.method.addItem(m.label, m.value)
        self.add_field("method", self.tr("Method"), self.method)
        self.place = QLineEdit(self)
        self.place.setPlaceholderText(self.tr("Village committee, a villager's home …"))
        self.add_field("place", self.tr("Place"), self.place)
        self.people = PeopleEditor(self)
        self.add_field("people", self.tr("People met"), self.people)
        self.inspectors = QLineEdit(self)
        self.inspectors.setPlaceholderText(self.tr("Names, separated by 、"))
        self.add_field("inspectors", self.tr("Inspectors present"), self.inspectors)
        self.notes = self.text_box(self.tr("What was seen and heard"))
        self.add_field("notes", self.tr("Notes"), self.notes)

    def own_payload(self) -> dict[str, Any]:
        return {
            "occurred_at": to_iso(self.when.dateTime()),
            "method": self.method.currentData(),
            "place": self.place.text(),
            "people": self.people.value(),
            "inspectors": self.inspectors.text(),
            "notes": self.notes.toPlainText(),
        }

    def set_own_payload(self, data: dict[str, Any]) -> None:
        if data.get("occurred_at"):
            self.when.setDateTime(from_iso(data["occurred_at"]))
        self.method.setCurrentIndex(max(0, self.method.findData(data.get("method"))))
        self.place.setText(data.get("place", ""))
        self.people.set_value(list(data.get("people") or []))
        self.inspectors.setText(data.get("inspectors", ""))
        self.notes.setPlainText(data.get("notes", ""))


class EntryForm(RecordForm):
    kind = "opinion_entry"

    def build(self) -> None:
        self.channel = QComboBox(self)
        for c in EntryChannel:
            self.channel.addItem(c.label, c.value)
        self.add_field("channel", self.tr("How it came"), self.channel)
        self.box = QLineEdit(self)
        self.box.setPlaceholderText(self.tr("Which opinion box"))
        self.add_field("box_label", self.tr("Box"), self.box)
        self.received = self.add_field("received_at", self.tr("Received"), time_edit(self))
        self.opened = OptionalTime(self.tr("Recorded"), self)
        self.add_field("opened_at", self.tr("Box opened"), self.opened)
        self.anonymous = QCheckBox(self.tr("Anonymous"), self)
        self.anonymous.setChecked(True)
        self.add_field("anonymous", self.tr("Writer"), self.anonymous)
        self.writer = QLineEdit(self)
        self.writer.setPlaceholderText(self.tr("Name of the writer (protected)"))
        self.writer.setEnabled(False)
        self.anonymous.toggled.connect(lambda on: self.writer.setEnabled(not on))
        self.add_field("writer_name", self.tr("Writer's name"), self.writer)
        self.content = self.text_box(self.tr("What the letter or call says"), 8)
        self.add_field("content", self.tr("Content"), self.content)

    def own_payload(self) -> dict[str, Any]:
        return {
            "channel": self.channel.currentData(),
            "box_label": self.box.text(),
            "received_at": to_iso(self.received.dateTime()),
            "opened_at": self.opened.value(),
            "anonymous": self.anonymous.isChecked(),
            "writer_name": "" if self.anonymous.isChecked() else self.writer.text(),
            "content": self.content.toPlainText(),
        }

    def set_own_payload(self, data: dict[str, Any]) -> None:
        self.channel.setCurrentIndex(max(0, self.channel.findData(data.get("channel"))))
        self.box.setText(data.get("box_label", ""))
        if data.get("received_at"):
            self.received.setDateTime(from_iso(data["received_at"]))
        self.opened.set_value(data.get("opened_at", ""))
        self.anonymous.setChecked(bool(data.get("anonymous", True)))
        self.writer.setText(data.get("writer_name", ""))
        self.content.setPlainText(data.get("content", ""))


class InterviewForm(RecordForm):
    kind = "interview"

    def build(self) -> None:
        self.name = QLineEdit(self)
        self.add_field("interviewee_name", self.tr("Interviewee"), self.name)
        self.post = QLineEdit(self)
        self.post.setPlaceholderText(self.tr("Party secretary, accountant …"))
        self.add_field("interviewee_post", self.tr("Post"), self.post)
        self.unit = QLineEdit(self)
        self.add_field("interviewee_unit", self.tr("Unit"), self.unit)
        self.interviewers = QLineEdit(self)
        self.interviewers.setPlaceholderText(self.tr("Names, separated by 、"))
        self.add_field("interviewers", self.tr("Interviewers"), self.interviewers)
        self.start = self.add_field("started_at", self.tr("Start"), time_edit(self))
        self.end = OptionalTime(self.tr("Recorded"), self)
        self.add_field("ended_at", self.tr("End"), self.end)
        self.place = QLineEdit(self)
        self.add_field("place", self.tr("Place"), self.place)
        self.record = self.text_box(self.tr("Q: …\nA: …"), 10)
        self.add_field("record", self.tr("Questions and answers"), self.record)

    def own_payload(self) -> dict[str, Any]:
        return {
            "interviewee_name": self.name.text(),
            "interviewee_post": self.post.text(),
            "interviewee_unit": self.unit.text(),
            "interviewers": self.interviewers.text(),
            "started_at": to_iso(self.start.dateTime()),
            "ended_at": self.end.value(),
            "place": self.place.text(),
            "record": self.record.toPlainText(),
        }

    def set_own_payload(self, data: dict[str, Any]) -> None:
        self.name.setText(data.get("interviewee_name", ""))
        self.post.setText(data.get("interviewee_post", ""))
        self.unit.setText(data.get("interviewee_unit", ""))
        self.interviewers.setText(data.get("interviewers", ""))
        if data.get("started_at"):
            self.start.setDateTime(from_iso(data["started_at"]))
        self.end.set_value(data.get("ended_at", ""))
        self.place.setText(data.get("place", ""))
        self.record.setPlainText(data.get("record", ""))


FORMS: dict[str, type[RecordForm]] = {
    "visit": VisitForm,
    "opinion_entry": EntryForm,
    "interview": InterviewForm,
}


class FormDialog(QDialog):
    """A form in a dialog: Ctrl+S saves, Esc cancels (the draft is dropped only on cancel/save).

    Signals: ``saved(SaveResult)``.
    """

    saved = Signal(object)

    def __init__(
        self,
        ctx: AppContext,
        kind: str,
        village_id: str,
        record_id: str | None = None,
        payload: dict[str, Any] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        titles = {
            "visit": (self.tr("New visit"), self.tr("Edit visit")),
            "opinion_entry": (self.tr("New opinion-box entry"), self.tr("Edit opinion-box entry")),
            "interview": (self.tr("New interview"), self.tr("Edit interview")),
        }
        self.setWindowTitle(titles[kind][record_id is not None])
        self.form = FORMS[kind](ctx, record_id, village_id, self)
        if payload:
            self.form.set_payload(payload)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.form)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        self.busy = QLabel("", self)
        self.busy.setStyleSheet("color: #666;")
        self.form.photos.busy_changed.connect(self._on_photos_busy_changed)
        lay = QVBoxLayout(self)
        lay.addWidget(scroll, 1)
        bottom = QVBoxLayout()
        bottom.addWidget(self.busy)
        bottom.addWidget(self.buttons)
        lay.addLayout(bottom)
        QShortcut(QKeySequence.StandardKey.Save, self, self.save)
        self.resize(760, 720)
        self.result_: SaveResult | None = None

    def _on_photos_busy_changed(self, busy: bool) -> None:
        self.busy.setText(self.tr("Taking the photos in …") if busy else "")
        save = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        save.setEnabled(not busy)

    def save(self) -> None:
        if self.form.photos.pending:
            return
        if not self.form.check():
            return
        f = self.form
        job = partial(
            save_form, self.ctx.ws, f.kind, f.record_id, f.payload(), list(f.photos.photos)
        )
        self.buttons.setEnabled(False)
        self.ctx.ops.write(job, self._on_save_done, source="field", on_error=self._on_save_failed)

    def _on_save_done(self, result: SaveResult) -> None:
        self.result_ = result
        self.form.discard_draft()
        self.saved.emit(result)
        self.accept()

    def _on_save_failed(self, exc: BaseException) -> None:
        self.buttons.setEnabled(True)
        if isinstance(exc, FormInvalid):
            self.form.show_errors(exc.errors)
        else:
            self.form.form_error.show_error(fill(self.tr("Could not save: %1"), str(exc)))

    def reject(self) -> None:
        self.form.discard_draft()
        super().reject()

    def keep_draft_and_close(self) -> None:
        """Close without dropping the draft (the window locks)."""
        self.form.flush_draft()
        super().reject()


__all__ = ["FORMS", "EntryForm", "FormDialog", "InterviewForm", "RecordForm", "VisitForm"]
