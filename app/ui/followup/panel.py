"""The right-hand side of the follow-up view and its list's filter bar.

:class:`ItemPanel` keeps one layout for every kind of item, so buttons never move under the
mouse: a fixed-height box tells what the item is (number, village, unit, status, deadline, the
problems it is about, what was reported so far, extensions), the step buttons come next, in one
row, then the chosen step's fields and one 保存 button (the step's name is on the step's own
button only), then the evidence (佐证材料: thumbnails; 添加… or drop files anywhere on the panel),
then the paper.

:class:`StepForm` starts empty for every item (:meth:`StepForm.reset`): nothing typed for one
item shows up on another.

Signals of :class:`ItemPanel`: ``action_chosen(Action)``, ``apply_requested()``,
``evidence_files(list)`` (paths dropped or chosen), ``preview_requested()``,
``evidence_opened(str)`` (an attachment id, to enlarge).
"""

from __future__ import annotations

import html
from datetime import date, timedelta
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QSize, Qt, Signal
from PySide6.QtGui import QDragEnterEvent, QDropEvent, QIcon, QPixmap
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from app.domain.deadlines import WarningColour, days_left_zh
from app.domain.followup import Action, ItemKind, Need, StepInput
from app.services.attachments import PhotoInfo
from app.services.followup.due import Show
from app.services.followup.steps import ItemDetail
from app.ui.dateinput import DateInput
from app.ui.files import open_file_names
from app.ui.followup.model import COLOURS
from app.ui.i18n import fill
from app.ui.pdf_preview import PdfPreview
from app.ui.style import ERROR_STYLE

INFO_HEIGHT = 190
"""The item box's fixed height: what is below it never moves from one item to another."""


class StepForm(QWidget):
    """Fields for one step; only those the chosen action needs are shown."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.on = DateInput(None, self)
        self.text = QPlainTextEdit(self)
        self.text.setFixedHeight(64)
        self.text.setTabChangesFocus(True)
        self.verifier = QLineEdit(self)
        self.reason = QPlainTextEdit(self)
        self.reason.setFixedHeight(52)
        self.reason.setTabChangesFocus(True)
        self.new_deadline = DateInput(None, self)
        self.errors: dict[str, QLabel] = {}
        self.form = QFormLayout(self)
        self.form.setContentsMargins(0, 0, 0, 0)
        self._rows: dict[str, tuple[QLabel, QWidget, QLabel]] = {}
        for key, label, widget in (
            ("on", QCoreApplication.translate("FollowupPanel", "Date"), self.on),
            ("text", QCoreApplication.translate("FollowupPanel", "Feedback / progress"), self.text),
            ("verifier", QCoreApplication.translate("FollowupPanel", "Verifier"), self.verifier),
            ("reason", QCoreApplication.translate("FollowupPanel", "Reason"), self.reason),
            (
                "new_deadline",
                QCoreApplication.translate("FollowupPanel", "New deadline"),
                self.new_deadline,
            ),
        ):
            lab = QLabel(label, self)
            err = QLabel(self)
            err.setStyleSheet(ERROR_STYLE)
            err.setWordWrap(True)
            box = QWidget(self)
            lay = QVBoxLayout(box)
            lay.setContentsMargins(0, 0, 0, 0)
            lay.setSpacing(1)
            lay.addWidget(widget)
            lay.addWidget(err)
            self.form.addRow(lab, box)
            self.errors[key] = err
            self._rows[key] = (lab, box, err)
        for w in (self.text, self.verifier, self.reason):
            signal = w.textChanged
            signal.connect(self._clear_errors)

    def typed(self) -> tuple[str, str, str]:
        """What the user typed (text, verifier, reason)."""
        return self.text.toPlainText(), self.verifier.text(), self.reason.toPlainText()

    def restore(self, typed: tuple[str, str, str]) -> None:
        text, verifier, reason = typed
        self.text.setPlainText(text)
        self.verifier.setText(verifier)
        self.reason.setPlainText(reason)

    def reset(self) -> None:
        """Empty every field (another item is shown, or a step was saved)."""
        self.text.clear()
        self.verifier.clear()
        self.reason.clear()
        self._clear_errors()

    def _clear_errors(self, *_args: object) -> None:
        for err in self.errors.values():
            err.clear()

    def show_needs(self, needs: frozenset[str], today: date, deadline: date) -> None:
        for key, (lab, box, err) in self._rows.items():
            visible = key in needs
            lab.setVisible(visible)
            box.setVisible(visible)
            err.clear()
        self.on.set_value(today)
        self.new_deadline.set_value(max(deadline, today) + timedelta(days=7))

    def value(self, needs: frozenset[str]) -> StepInput:
        return StepInput(
            on=self.on.value() if Need.ON in needs else None,
            text=self.text.toPlainText() if Need.TEXT in needs else "",
            verifier=self.verifier.text() if Need.VERIFIER in needs else "",
            reason=self.reason.toPlainText() if Need.REASON in needs else "",
            new_deadline=self.new_deadline.value() if Need.NEW_DEADLINE in needs else None,
        )

    def show_error(self, field: str, message: str) -> None:
        label = self.errors.get(field)
        if label is not None:
            label.setText(message)


class ItemPanel(QWidget):
    """See the module docstring."""

    action_chosen = Signal(object)
    apply_requested = Signal()
    evidence_files = Signal(list)
    preview_requested = Signal()
    evidence_opened = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAcceptDrops(True)
        self.info = QTextBrowser(self)
        self.info.setFixedHeight(INFO_HEIGHT)
        self.info.setOpenLinks(False)
        self.badge = QLabel(self)
        self.badge.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.badge.setFixedHeight(28)
        self.history = QLabel(self)  # extensions, also shown in the box above (kept for tests)
        self.history.hide()
        self.actions_box = QWidget(self)
        self.actions_box.setFixedHeight(36)
        self.action_bar = QHBoxLayout(self.actions_box)
        self.action_bar.setContentsMargins(0, 0, 0, 0)
        self.action_group = QButtonGroup(self)
        self.action_group.setExclusive(True)
        self.action_buttons: dict[Action, QPushButton] = {}
        self.hint = QLabel(
            QCoreApplication.translate("FollowupPanel", "Choose an item on the left."), self
        )
        self.hint.setStyleSheet("color: #555;")
        self.form = StepForm(self)
        self.form.setVisible(False)
        self._typed: dict[str, tuple[str, str, str]] = {}
        """Half-typed steps of other items, by item id (kept while the window is open)."""
        self._shown: str | None = None
        self.apply_button = QPushButton(QCoreApplication.translate("FollowupPanel", "Save"), self)
        self.apply_button.setToolTip(
            QCoreApplication.translate("FollowupPanel", "Save this step (Ctrl+S)")
        )
        self.apply_button.setVisible(False)
        self.message = QLabel(self)
        self.message.setWordWrap(True)
        # evidence
        self.evidence_label = QLabel(self)
        self.evidence = QListWidget(self)
        self.evidence.setViewMode(QListWidget.ViewMode.IconMode)
        self.evidence.setIconSize(QSize(64, 64))
        self.evidence.setFixedHeight(92)
        self.evidence.setAcceptDrops(False)
        self.add_evidence_button = QPushButton(
            QCoreApplication.translate("FollowupPanel", "Add evidence…"), self
        )
        self.add_evidence_button.setToolTip(
            QCoreApplication.translate(
                "FollowupPanel",
                "Photos or scanned papers (as images); you can also drop files on this panel.",
            )
        )
        self.add_evidence_button.setEnabled(False)
        self.preview_button = QPushButton(
            QCoreApplication.translate("FollowupPanel", "Preview document"), self
        )
        self.preview_button.setEnabled(False)
        self.preview = PdfPreview(self)
        self.preview.setVisible(False)

        ev_head = QHBoxLayout()
        ev_head.addWidget(self.evidence_label, 1)
        ev_head.addWidget(self.add_evidence_button)
        save_row = QHBoxLayout()
        save_row.addWidget(self.message, 1)
        save_row.addWidget(self.apply_button)
        lay = QVBoxLayout(self)
        lay.addWidget(self.info)
        lay.addWidget(self.badge)
        lay.addWidget(self.actions_box)
        lay.addWidget(self.hint)
        lay.addWidget(self.form)
        lay.addLayout(save_row)
        lay.addLayout(ev_head)
        lay.addWidget(self.evidence)
        lay.addWidget(self.preview_button, 0, Qt.AlignmentFlag.AlignLeft)
        lay.addWidget(self.preview, 1)
        lay.addStretch(0)

        self.apply_button.clicked.connect(self.apply_requested)
        self.preview_button.clicked.connect(self.preview_requested)
        self.add_evidence_button.clicked.connect(self._on_add_evidence_clicked)
        self.evidence.itemDoubleClicked.connect(self._on_evidence_double_clicked)
        self.show_detail(None)

    # -- showing an item ------------------------------------------------------------------
    def forget_typed(self, item_id: str) -> None:
        """The step of ``item_id`` was saved: nothing of it is kept."""
        self._typed.pop(item_id, None)

    def show_detail(self, d: ItemDetail | None, *, same_item: bool = False) -> None:
        if not same_item:
            # each item's form starts from that item: what was typed for the item shown so far
            # is kept for it (never lost, never shown on another item) and comes back with it
            if self._shown is not None and any(self.form.typed()):
                self._typed[self._shown] = self.form.typed()
            self.form.reset()
            if d is not None and d.item_id in self._typed:
                self.form.restore(self._typed.pop(d.item_id))
            self._shown = None if d is None else d.item_id
            self.preview.setVisible(False)
            self.message.clear()
        self._clear_actions()
        self.form.setVisible(False)
        self.apply_button.setVisible(False)
        self.add_evidence_button.setEnabled(d is not None)
        self.preview_button.setEnabled(d is not None)
        if d is None:
            self.info.setHtml("")
            self.badge.clear()
            self.badge.setStyleSheet("")
            self.hint.show()
            self.evidence_label.clear()
            self.evidence.clear()
            return
        self.hint.hide()
        self.info.setHtml(item_html(d))
        self.history.setText("<br>".join(d.history))
        background = COLOURS.get(WarningColour(d.colour))
        if d.running:
            self.badge.setText(f"{days_left_zh(d.days_left)}　{d.colour_label}")
        else:
            self.badge.setText(
                fill(
                    QCoreApplication.translate("FollowupPanel", "%1: the deadline no longer runs"),
                    d.status_label,
                )
            )
        self.badge.setStyleSheet(
            f"background: {background.name() if background else '#ffffff'}; "
            "padding: 4px; color: #000000"
        )
        for choice in d.actions:
            b = QPushButton(choice.label, self.actions_box)
            b.setCheckable(True)
            b.clicked.connect(lambda _=False, a=choice.action: self.action_chosen.emit(a))
            self.action_bar.addWidget(b)
            self.action_group.addButton(b)
            self.action_buttons[choice.action] = b
        self.action_bar.addStretch(1)
        self.evidence_label.setText(
            QCoreApplication.translate("FollowupPanel", "Evidence: %1").replace(
                "%1", str(d.evidence)
            )
        )

    def _clear_actions(self) -> None:
        for b in list(self.action_group.buttons()):
            self.action_group.removeButton(b)
        while self.action_bar.count():
            item = self.action_bar.takeAt(0)
            w = item.widget() if item is not None else None
            if w is not None:
                w.deleteLater()
        self.action_buttons = {}

    def show_step(self, action: Action, needs: frozenset[str], today: date, deadline: date) -> None:
        button = self.action_buttons.get(action)
        if button is not None:
            button.setChecked(True)
        self.form.show_needs(needs, today, deadline)
        self.form.setVisible(True)
        self.apply_button.setVisible(True)
        self.message.clear()

    # -- evidence -------------------------------------------------------------------------
    def set_evidence(self, photos: list[PhotoInfo]) -> None:
        self.evidence.clear()
        for p in photos:
            item = QListWidgetItem(p.original_name, self.evidence)
            item.setData(Qt.ItemDataRole.UserRole, p.id)
            item.setToolTip(f"{p.original_name}（{p.width}×{p.height}）")

    def set_thumbnail(self, attachment_id: str, data: bytes) -> None:
        for i in range(self.evidence.count()):
            item = self.evidence.item(i)
            if item.data(Qt.ItemDataRole.UserRole) == attachment_id:
                pix = QPixmap()
                pix.loadFromData(data)
                item.setIcon(QIcon(pix))

    def _on_add_evidence_clicked(self) -> None:
        files = open_file_names(
            self,
            QCoreApplication.translate("FollowupPanel", "Add evidence"),
            QCoreApplication.translate(
                "FollowupPanel", "Photos and scans (*.jpg *.jpeg *.png *.webp *.bmp *.tif *.tiff)"
            ),
        )
        if files:
            self.evidence_files.emit(files)

    def _on_evidence_double_clicked(self, item: QListWidgetItem) -> None:
        self.evidence_opened.emit(str(item.data(Qt.ItemDataRole.UserRole)))

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if self.add_evidence_button.isEnabled() and event.mimeData().hasUrls():
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        paths = [Path(u.toLocalFile()) for u in event.mimeData().urls() if u.isLocalFile()]
        if paths:
            self.evidence_files.emit(paths)
        event.acceptProposedAction()

    def set_preview(self, data: bytes, name: str) -> None:
        self.preview.set_pdf(data, name)
        self.preview.setVisible(True)


def item_html(d: ItemDetail) -> str:
    """What the item is, in the fixed box: number, place, unit, status, deadline, problems,
    what was reported so far, extensions."""
    number = d.number or ""
    if d.kind is ItemKind.LEDGER and d.number:
        number = f"{d.village}台账{d.number}"
    head = html.escape(f"{d.kind.label}　{number}".strip())
    dl = d.deadline
    status = fill(QCoreApplication.translate("FollowupPanel", "Status: %1"), d.status_label)
    deadline = QCoreApplication.translate("FollowupPanel", "Deadline: %1").replace(
        "%1", f"{dl.year}年{dl.month}月{dl.day}日"
    )
    parts = [
        f"<b style='font-size:12pt'>{head}</b><br>",
        f"{html.escape(d.village)}　{html.escape(d.unit)}<br>",
        f"{html.escape(status)}　{html.escape(deadline)}",
    ]
    if d.problems:
        label = QCoreApplication.translate("FollowupPanel", "Problem")
        items = "".join(f"<li>{html.escape(p)}</li>" for p in d.problems)
        parts.append(f"<p style='margin:4px 0 0 0'><b>{html.escape(label)}</b></p><ul>{items}</ul>")
    if d.text.strip():
        label = QCoreApplication.translate("FollowupPanel", "Reported so far")
        body = html.escape(d.text.strip()).replace("\n", "<br>")
        parts.append(f"<p style='margin:4px 0 0 0'><b>{html.escape(label)}</b><br>{body}</p>")
    if d.history:
        label = QCoreApplication.translate("FollowupPanel", "Extensions")
        body = "<br>".join(html.escape(h) for h in d.history)
        parts.append(f"<p style='margin:4px 0 0 0'><b>{html.escape(label)}</b><br>{body}</p>")
    return "".join(parts)


class ListBar(QWidget):
    """Above the list: which items to show (by state, by kind), the count, export, refresh.

    Signals: ``changed()`` when the filter changes; ``export_requested()``.
    """

    changed = Signal()
    export_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.show_combo = QComboBox(self)
        for show in (Show.OPEN, Show.DUE, Show.DONE, Show.ALL):
            self.show_combo.addItem(show.label, show.value)
        self.kind_combo = QComboBox(self)
        self.kind_combo.addItem(QCoreApplication.translate("FollowupPanel", "Every kind"), "")
        for kind in (ItemKind.NOTICE, ItemKind.CLUE, ItemKind.LEDGER):
            self.kind_combo.addItem(kind.label, kind.value)
        self.summary = QLabel(self)
        self.export_button = QPushButton(
            QCoreApplication.translate("FollowupPanel", "Export to Excel…"), self
        )
        self.refresh_button = QPushButton(
            QCoreApplication.translate("FollowupPanel", "Refresh"), self
        )
        lay = QHBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addWidget(QLabel(QCoreApplication.translate("FollowupPanel", "Show:"), self))
        lay.addWidget(self.show_combo)
        lay.addWidget(self.kind_combo)
        lay.addWidget(self.summary, 1)
        lay.addWidget(self.export_button)
        lay.addWidget(self.refresh_button)
        self.show_combo.currentIndexChanged.connect(self.changed)
        self.kind_combo.currentIndexChanged.connect(self.changed)
        self.refresh_button.clicked.connect(self.changed)
        self.export_button.clicked.connect(self.export_requested)

    @property
    def state(self) -> Show:
        return Show(str(self.show_combo.currentData()))

    def set_show(self, show: Show) -> None:
        self.show_combo.setCurrentIndex(self.show_combo.findData(show.value))

    @property
    def kind(self) -> ItemKind | None:
        code = str(self.kind_combo.currentData() or "")
        return ItemKind(code) if code else None


__all__ = ["ERROR_STYLE", "ItemPanel", "ListBar", "StepForm", "item_html"]
