"""The 集中整治 view's dialogs: decision, task, progress (with photos), monthly check, evaluation,
verification of a self-check answer.

Each dialog only gathers input: ``value()`` returns what the service needs, and the view runs the
write through the task runner. A refusal comes back to ``show_error`` (the field named when the
service says which), so nothing typed is lost.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from app.domain.campaign import (
    OUTCOMES,
    CadreChangeKind,
    CaseStage,
    CheckRating,
    EvaluationKind,
    Heading,
    MemberRole,
    OrgIssue,
    Outcome,
    TaskStatus,
    Verdict,
)
from app.domain.vocabulary import Tier
from app.services.campaign.reads import CampaignDetail, LinkChoices
from app.ui.context import AppContext
from app.ui.field.parts import PhotosEditor

ERROR_STYLE = "color: #c00000"


def qdate(d: date) -> QDate:
    return QDate(d.year, d.month, d.day)


def pydate(q: QDate) -> date:
    return date(q.year(), q.month(), q.day())


def date_edit(parent: QWidget, value: date) -> QDateEdit:
    edit = QDateEdit(parent)
    edit.setCalendarPopup(True)
    edit.setDisplayFormat("yyyy-MM-dd")
    edit.setDate(qdate(value))
    return edit


class FormDialog(QDialog):
    """A form with OK/Cancel and one line for the service's refusal."""

    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.form = QFormLayout()
        self.error = QLabel(self)
        self.error.setStyleSheet(ERROR_STYLE)
        self.error.setWordWrap(True)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.rejected.connect(self.reject)
        lay = QVBoxLayout(self)
        lay.addLayout(self.form)
        lay.addWidget(self.error)
        lay.addWidget(self.buttons)
        self.setMinimumWidth(520)

    def value(self) -> dict[str, Any]:  # pragma: no cover - each dialog says what it gathers
        raise NotImplementedError

    def show_error(self, message: str) -> None:
        self.error.setText(message)

    def set_busy(self, busy: bool) -> None:
        self.buttons.setEnabled(not busy)


def _text(parent: QWidget, height: int = 80) -> QPlainTextEdit:
    edit = QPlainTextEdit(parent)
    edit.setFixedHeight(height)
    return edit


class DecideDialog(FormDialog):
    """The district committee's decision: 文号, date, the recommended villages it took, and a
    village it added without a recommendation (with the reason)."""

    def __init__(
        self,
        recommended: list[tuple[str, str]],
        today: date,
        villages: list[tuple[str, str]] = (),  # type: ignore[assignment]
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(self.tr("Record the committee's decision"), parent)
        self.doc_number = QLineEdit(self)
        self.doc_number.setPlaceholderText(self.tr("e.g. 淮发〔2026〕31号"))
        self.on = date_edit(self, today)
        self.villages = QListWidget(self)
        for vid, place in recommended:
            item = QListWidgetItem(place, self.villages)
            item.setData(Qt.ItemDataRole.UserRole, vid)
            item.setCheckState(Qt.CheckState.Checked)
        self.decline_rest = QCheckBox(self.tr("Mark the villages not taken as not included"), self)
        self.added = QComboBox(self)
        self.added.addItem(self.tr("(none)"), None)
        for vid, place in villages:
            self.added.addItem(place, vid)
        self.added_reason = _text(self, 50)
        self.form.addRow(self.tr("Document number"), self.doc_number)
        self.form.addRow(self.tr("Date of decision"), self.on)
        self.form.addRow(self.tr("Recommended villages"), self.villages)
        self.form.addRow("", self.decline_rest)
        self.form.addRow(self.tr("Also added (not recommended)"), self.added)
        self.form.addRow(self.tr("Why it is added"), self.added_reason)

    def value(self) -> dict[str, Any]:
        chosen = [
            str(self.villages.item(i).data(Qt.ItemDataRole.UserRole))
            for i in range(self.villages.count())
            if self.villages.item(i).checkState() == Qt.CheckState.Checked
        ]
        added = self.added.currentData()
        return {
            "doc_number": self.doc_number.text(),
            "decided_on": pydate(self.on.date()),
            "village_ids": chosen,
            "added": {str(added): self.added_reason.toPlainText()} if added else {},
            "decline_others": self.decline_rest.isChecked(),
        }


class WorkGroupDialog(FormDialog):
    """The work group: lead and member units, the 挂钩领导, 软散瘫恶乱, and one more person."""

    def __init__(self, detail: CampaignDetail, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Work group of %1").replace("%1", detail.place), parent)
        self.lead = QLineEdit(detail.lead_unit, self)
        self.units = QLineEdit(detail.member_units, self)
        self.linked = QLineEdit(detail.linked_leader_post, self)
        self.issues: dict[OrgIssue, QCheckBox] = {}
        box = QWidget(self)
        row = QHBoxLayout(box)
        row.setContentsMargins(0, 0, 0, 0)
        for issue in OrgIssue:
            check = QCheckBox(issue.label, box)
            check.setChecked(issue.label in detail.org_issues)
            row.addWidget(check)
            self.issues[issue] = check
        row.addStretch(1)
        self.role = QComboBox(self)
        for r in MemberRole:
            self.role.addItem(r.label, r.value)
        self.name = QLineEdit(self)
        self.member_unit = QLineEdit(self)
        self.post = QLineEdit(self)
        self.phone = QLineEdit(self)
        self.form.addRow(self.tr("Lead unit"), self.lead)
        self.form.addRow(self.tr("Member units"), self.units)
        self.form.addRow(self.tr("Linked county leader (post)"), self.linked)
        self.form.addRow(self.tr("Organisation problems"), box)
        self.form.addRow(QLabel(self.tr("Add a person (optional; names are protected)"), self))
        self.form.addRow(self.tr("Role"), self.role)
        self.form.addRow(self.tr("Name"), self.name)
        self.form.addRow(self.tr("Unit"), self.member_unit)
        self.form.addRow(self.tr("Post"), self.post)
        self.form.addRow(self.tr("Phone"), self.phone)

    def value(self) -> dict[str, Any]:
        units = self.units.text().replace("，", "、").replace(",", "、")
        out: dict[str, Any] = {
            "lead_unit": self.lead.text(),
            "member_units": [u for u in units.split("、") if u.strip()],
            "linked_leader_post": self.linked.text(),
            "org_issues": [i for i, c in self.issues.items() if c.isChecked()],
        }
        if self.name.text().strip():
            out["member"] = {
                "role": MemberRole(self.role.currentData()),
                "name": self.name.text(),
                "unit": self.member_unit.text(),
                "post": self.post.text(),
                "phone": self.phone.text(),
            }
        return out


class TaskDialog(FormDialog):
    """A new task of the plan; what it may be tied to follows the heading."""

    def __init__(
        self, place: str, choices: LinkChoices, today: date, parent: QWidget | None = None
    ) -> None:
        super().__init__(self.tr("New task for %1").replace("%1", place), parent)
        self.choices = choices
        self.heading = QComboBox(self)
        for h in Heading:
            self.heading.addItem(h.label, h.value)
        self.title = QLineEdit(self)
        self.owner = QLineEdit(self)
        self.deadline = date_edit(self, today)
        self.deadline.setDate(qdate(today).addMonths(3))
        self.link = QComboBox(self)
        self.detail = _text(self, 60)
        self.form.addRow(self.tr("Heading"), self.heading)
        self.form.addRow(self.tr("Task"), self.title)
        self.form.addRow(self.tr("Owner unit"), self.owner)
        self.form.addRow(self.tr("Deadline"), self.deadline)
        self.form.addRow(self.tr("Linked to"), self.link)
        self.form.addRow(self.tr("Details"), self.detail)
        self.heading.currentIndexChanged.connect(self._on_heading_current_index_changed)
        self._on_heading_current_index_changed(0)

    def _on_heading_current_index_changed(self, _index: int) -> None:
        heading = Heading(self.heading.currentData())
        self.link.clear()
        self.link.addItem(self.tr("(nothing)"), None)
        if heading is Heading.CATCH:
            items = [
                (f"clue:{i}", self.tr("Clue %1").replace("%1", t)) for i, t in self.choices.clues
            ]
        elif heading is Heading.GOOD_WORKS:
            items = [
                (f"notice:{i}", self.tr("Notice %1").replace("%1", t))
                for i, t in self.choices.notices
            ]
            items += [
                (f"ledger:{i}", self.tr("Ledger %1").replace("%1", t))
                for i, t in self.choices.ledger
            ]
        elif heading is Heading.SYSTEMS:
            items = [(f"system:{c}", label) for c, label in self.choices.systems]
        else:
            items = [(f"issue:{i.value}", i.label) for i in OrgIssue]
        for key, label in items:
            self.link.addItem(label, key)

    def value(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "heading": Heading(self.heading.currentData()),
            "title": self.title.text(),
            "owner_unit": self.owner.text(),
            "deadline": pydate(self.deadline.date()),
            "detail": self.detail.toPlainText(),
        }
        key = self.link.currentData()
        if isinstance(key, str):
            kind, _, ref = key.partition(":")
            field = {
                "clue": "clue_transfer_id",
                "notice": "notice_id",
                "ledger": "ledger_item_id",
                "system": "system",
            }.get(kind)
            if field:
                out[field] = ref
            elif kind == "issue":
                out["org_issue"] = OrgIssue(ref)
        return out


class ProgressDialog(FormDialog):
    """A progress entry on a task, with evidence photos (file dialog or drag and drop)."""

    def __init__(self, ctx: AppContext, task: str, today: date, parent: QWidget | None = None):
        super().__init__(self.tr("Progress of %1").replace("%1", task), parent)
        self.text = _text(self)
        self.status = QComboBox(self)
        for st in (TaskStatus.IN_PROGRESS, TaskStatus.DONE):
            self.status.addItem(st.label, st.value)
        self.on = date_edit(self, today)
        self.photos = PhotosEditor(ctx, self)
        self.photos.busy_changed.connect(self.set_busy)
        self.form.addRow(self.tr("Progress"), self.text)
        self.form.addRow(self.tr("Status after"), self.status)
        self.form.addRow(self.tr("Date"), self.on)
        self.form.addRow(self.tr("Evidence"), self.photos)

    def value(self) -> dict[str, Any]:
        return {
            "text": self.text.toPlainText(),
            "status_after": TaskStatus(self.status.currentData()),
            "on": pydate(self.on.date()),
            "photos": list(self.photos.photos),
        }


class CheckDialog(FormDialog):
    """A monthly 督查: who checked, what they found, the conclusion."""

    def __init__(self, place: str, today: date, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Monthly check of %1").replace("%1", place), parent)
        self.checker = QLineEdit(self)
        self.checker.setText(self.tr("Inspection office check group"))
        self.findings = _text(self)
        self.rating = QComboBox(self)
        for r in CheckRating:
            self.rating.addItem(r.label, r.value)
        self.on = date_edit(self, today)
        self.form.addRow(self.tr("Checked by"), self.checker)
        self.form.addRow(self.tr("Findings"), self.findings)
        self.form.addRow(self.tr("Conclusion"), self.rating)
        self.form.addRow(self.tr("Date"), self.on)

    def value(self) -> dict[str, Any]:
        return {
            "checker": self.checker.text(),
            "findings": self.findings.toPlainText(),
            "rating": CheckRating(self.rating.currentData()),
            "on": pydate(self.on.date()),
        }


class EvaluateDialog(FormDialog):
    """中期评估, 验收 or 回头看, with its conclusion, reasons and (optionally) the new tier."""

    def __init__(self, place: str, today: date, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Evaluate %1").replace("%1", place), parent)
        self.kind = QComboBox(self)
        for k in EvaluationKind:
            self.kind.addItem(k.label, k.value)
        self.outcome = QComboBox(self)
        self.reasons = _text(self)
        self.tier = QComboBox(self)
        self.tier.addItem(self.tr("As the rules say"), None)
        for t in Tier:
            self.tier.addItem(t.label, t.value)
        self.on = date_edit(self, today)
        self.form.addRow(self.tr("Kind"), self.kind)
        self.form.addRow(self.tr("Conclusion"), self.outcome)
        self.form.addRow(self.tr("Reasons"), self.reasons)
        self.form.addRow(self.tr("Tier afterwards"), self.tier)
        self.form.addRow(self.tr("Date"), self.on)
        self.kind.currentIndexChanged.connect(self._on_kind_current_index_changed)
        self._on_kind_current_index_changed(0)

    def _on_kind_current_index_changed(self, _index: int) -> None:
        self.outcome.clear()
        for o in OUTCOMES[EvaluationKind(self.kind.currentData())]:
            self.outcome.addItem(o.label, o.value)

    def value(self) -> dict[str, Any]:
        tier = self.tier.currentData()
        return {
            "kind": EvaluationKind(self.kind.currentData()),
            "outcome": Outcome(self.outcome.currentData()),
            "reasons": self.reasons.toPlainText(),
            "tier": Tier(tier) if tier else None,
            "on": pydate(self.on.date()),
        }


class VerifyDialog(FormDialog):
    """The team's verification of what a village reported of itself."""

    def __init__(self, item: str, today: date, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Verify: %1").replace("%1", item), parent)
        self.verdict = QComboBox(self)
        for v in (Verdict.CONFIRMED, Verdict.DISPUTED):
            self.verdict.addItem(v.label, v.value)
        self.note = _text(self, 60)
        self.on = date_edit(self, today)
        self.form.addRow(self.tr("Verdict"), self.verdict)
        self.form.addRow(self.tr("What was found"), self.note)
        self.form.addRow(self.tr("Date"), self.on)

    def value(self) -> dict[str, Any]:
        return {
            "verdict": Verdict(self.verdict.currentData()),
            "note": self.note.toPlainText(),
            "on": pydate(self.on.date()),
        }


class DraftListDialog(FormDialog):
    """Draw up a 典型问题清单 from the problems of the batches inspected so far."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Typical-problem list"), parent)
        self.after_batch = QSpinBox(self)
        self.after_batch.setRange(1, 99)
        self.title = QLineEdit(self)
        self.title.setPlaceholderText(self.tr("(default title)"))
        self.form.addRow(self.tr("From the batches up to"), self.after_batch)
        self.form.addRow(self.tr("Title"), self.title)

    def value(self) -> dict[str, Any]:
        return {"after_batch": self.after_batch.value(), "title": self.title.text()}


class OutcomeDialog(FormDialog):
    """What a task brought: a case's stage under 抓坏人, a 班子 change under 强组织."""

    def __init__(self, task: str, heading: Heading, today: date, parent: QWidget | None = None):
        super().__init__(self.tr("Record for %1").replace("%1", task), parent)
        self.heading = heading
        self.kind = QComboBox(self)
        self.persons = QSpinBox(self)
        self.persons.setRange(1, 99)
        self.gang = QCheckBox(self.tr("Gang-related (涉黑涉恶)"), self)
        self.post = QLineEdit(self)
        self.note = _text(self, 50)
        self.on = date_edit(self, today)
        if heading is Heading.CATCH:
            for stage in CaseStage:
                self.kind.addItem(stage.label, stage.value)
            self.form.addRow(self.tr("Stage"), self.kind)
            self.form.addRow(self.tr("Persons"), self.persons)
            self.form.addRow("", self.gang)
        else:
            for kind in CadreChangeKind:
                self.kind.addItem(kind.label, kind.value)
            self.post.setText(self.tr("Village Party branch secretary"))
            self.form.addRow(self.tr("Change"), self.kind)
            self.form.addRow(self.tr("Post"), self.post)
        self.form.addRow(self.tr("Note"), self.note)
        self.form.addRow(self.tr("Date"), self.on)

    def value(self) -> dict[str, Any]:
        on = pydate(self.on.date())
        if self.heading is Heading.CATCH:
            return {
                "stage": CaseStage(self.kind.currentData()),
                "persons": self.persons.value(),
                "gang_related": self.gang.isChecked(),
                "note": self.note.toPlainText(),
                "on": on,
            }
        return {
            "kind": CadreChangeKind(self.kind.currentData()),
            "post": self.post.text(),
            "note": self.note.toPlainText(),
            "on": on,
        }
