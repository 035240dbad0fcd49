"""Pieces of the field forms: error labels, optional times, people, inline problems, photos."""

from __future__ import annotations

from datetime import datetime
from functools import partial
from pathlib import Path
from typing import Any

from PySide6.QtCore import QDateTime, Qt, Signal
from PySide6.QtGui import QDragEnterEvent, QDropEvent, QIcon, QPixmap
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateTimeEdit,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.domain.classify import suggest
from app.domain.vocabulary import ProblemCategory
from app.media import ProcessedPhoto, intake_photo
from app.services.field.reads import LinkedProblem
from app.ui.context import AppContext, VillageChoice
from app.ui.i18n import fill

TIME_FORMAT = "yyyy-MM-dd HH:mm"


class ErrorLabel(QLabel):
    """A red message under a field; hidden while empty."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setStyleSheet("color: #b00020;")
        self.setWordWrap(True)
        self.hide()

    def show_error(self, text: str) -> None:
        self.setText(text)
        self.setVisible(bool(text))


def to_iso(dt: QDateTime) -> str:
    return str(dt.toString("yyyy-MM-ddTHH:mm"))


def from_iso(text: str) -> QDateTime:
    try:
        value = datetime.fromisoformat(text)
    except ValueError:
        return QDateTime.currentDateTime()
    return QDateTime.fromString(value.strftime("%Y-%m-%dT%H:%M"), "yyyy-MM-ddTHH:mm")


def time_edit(parent: QWidget) -> QDateTimeEdit:
    edit = QDateTimeEdit(QDateTime.currentDateTime(), parent)
    edit.setDisplayFormat(TIME_FORMAT)
    edit.setCalendarPopup(True)
    return edit


class OptionalTime(QWidget):
    """A time that may be left out: a check box and a date-time edit."""

    changed = Signal()

    def __init__(self, label: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        lay = QHBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        self.check = QCheckBox(label, self)
        self.edit = time_edit(self)
        self.edit.setEnabled(False)
        lay.addWidget(self.check)
        lay.addWidget(self.edit, 1)
        self.check.toggled.connect(self.edit.setEnabled)
        self.check.toggled.connect(self.changed)
        self.edit.dateTimeChanged.connect(self.changed)
        self.setFocusProxy(self.check)

    def value(self) -> str:
        return to_iso(self.edit.dateTime()) if self.check.isChecked() else ""

    def set_value(self, text: str) -> None:
        self.check.setChecked(bool(text))
        if text:
            self.edit.setDateTime(from_iso(text))


class RowList(QWidget):
    """A vertical list of editable rows with an "add" button below."""

    changed = Signal()

    def __init__(self, add_text: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._lay = QVBoxLayout(self)
        self._lay.setContentsMargins(0, 0, 0, 0)
        self.rows: list[QWidget] = []
        self.errors: list[ErrorLabel] = []
        self.add_button = QPushButton(add_text, self)
        self.add_button.clicked.connect(lambda: self.add_row())
        self._lay.addWidget(self.add_button, 0, Qt.AlignmentFlag.AlignLeft)

    def make_row(self, values: dict[str, Any]) -> QWidget:  # pragma: no cover - abstract
        raise NotImplementedError

    def add_row(self, values: dict[str, Any] | None = None) -> QWidget:
        row = self.make_row(values or {})
        err = ErrorLabel(self)
        pos = self._lay.indexOf(self.add_button)
        self._lay.insertWidget(pos, row)
        self._lay.insertWidget(pos + 1, err)
        row.show()
        self.rows.append(row)
        self.errors.append(err)
        self.changed.emit()
        return row

    def remove_row(self, row: QWidget) -> None:
        i = self.rows.index(row)
        self.rows.pop(i)
        err = self.errors.pop(i)
        for w in (row, err):
            self._lay.removeWidget(w)
            w.deleteLater()
        self.changed.emit()

    def clear(self) -> None:
        for row in list(self.rows):
            self.remove_row(row)

    def show_errors(self, prefix: str, errors: dict[str, str]) -> None:
        for i, err in enumerate(self.errors):
            err.show_error(errors.get(f"{prefix}.{i}", ""))


class PeopleEditor(RowList):
    """People met on a visit: name, role, protected (informant)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Add a person"), parent)

    def make_row(self, values: dict[str, Any]) -> QWidget:
        row = QWidget(self)
        lay = QHBoxLayout(row)
        lay.setContentsMargins(0, 0, 0, 0)
        name = QLineEdit(str(values.get("name", "")), row)
        name.setObjectName("name")
        name.setPlaceholderText(self.tr("Name"))
        role = QLineEdit(str(values.get("role", "")), row)
        role.setObjectName("role")
        role.setPlaceholderText(self.tr("Role (villager, Party member …)"))
        protected = QCheckBox(self.tr("Protected"), row)
        protected.setObjectName("protected")
        protected.setToolTip(self.tr("An informant: the name is masked for team members"))
        protected.setChecked(bool(values.get("protected")))
        remove = QPushButton(self.tr("Remove"), row)
        remove.clicked.connect(lambda: self.remove_row(row))
        for w in (name, role):
            w.textChanged.connect(self.changed)
        protected.toggled.connect(self.changed)
        lay.addWidget(name, 2)
        lay.addWidget(role, 2)
        lay.addWidget(protected)
        lay.addWidget(remove)
        return row

    def value(self) -> list[dict[str, Any]]:
        out = []
        for row in self.rows:
            name = row.findChild(QLineEdit, "name")
            role = row.findChild(QLineEdit, "role")
            protected = row.findChild(QCheckBox, "protected")
            assert name is not None and role is not None and protected is not None
            out.append(
                {"name": name.text(), "role": role.text(), "protected": protected.isChecked()}
            )
        return out

    def set_value(self, people: list[dict[str, Any]]) -> None:
        self.clear()
        for p in people:
            self.add_row(p)


class ProblemsEditor(RowList):
    """Problems raised inline (description, village, first guess of category) and links."""

    def __init__(self, villages: list[VillageChoice], parent: QWidget | None = None) -> None:
        self._villages = villages
        self.default_village = ""
        super().__init__(self.tr("Raise a problem"), parent)
        self.link_box = QComboBox(self)
        self.link_box.setMinimumContentsLength(24)
        self.link_box.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.link_button = QPushButton(self.tr("Link existing problem"), self)
        self.link_button.clicked.connect(self._on_link_button_clicked)
        self.links = QListWidget(self)
        self.links.setMaximumHeight(70)
        self.links.hide()
        link_row = QHBoxLayout()
        link_row.addWidget(self.link_box, 1)
        link_row.addWidget(self.link_button)
        self._lay.addLayout(link_row)
        self._lay.addWidget(self.links)

    def set_existing(self, problems: list[LinkedProblem]) -> None:
        self.link_box.clear()
        self.link_box.addItem(self.tr("— choose a problem of this village —"), "")
        for p in problems:
            text = p.description if len(p.description) <= 40 else p.description[:39] + "…"
            self.link_box.addItem(f"[{p.status}] {text}", p.id)

    def _on_link_button_clicked(self) -> None:
        pid = self.link_box.currentData()
        if not pid or pid in self.linked_ids():
            return
        item = QListWidgetItem(self.link_box.currentText(), self.links)
        item.setData(Qt.ItemDataRole.UserRole, pid)
        self.links.show()
        self.changed.emit()

    def linked_ids(self) -> list[str]:
        return [
            str(self.links.item(i).data(Qt.ItemDataRole.UserRole))
            for i in range(self.links.count())
        ]

    def make_row(self, values: dict[str, Any]) -> QWidget:
        row = QWidget(self)
        lay = QHBoxLayout(row)
        lay.setContentsMargins(0, 0, 0, 0)
        desc = QLineEdit(str(values.get("description", "")), row)
        desc.setObjectName("description")
        desc.setPlaceholderText(self.tr("Describe the problem"))
        village = QComboBox(row)
        village.setObjectName("village")
        for v in self._villages:
            village.addItem(v.name, v.id)
        vid = values.get("village_id") or self.default_village
        village.setCurrentIndex(max(0, village.findData(vid)))
        cat = QComboBox(row)
        cat.setObjectName("category")
        cat.addItem(self.tr("Category not yet known"), "")
        for c in ProblemCategory:
            cat.addItem(c.label, c.value)
        cat.setCurrentIndex(max(0, cat.findData(values.get("category", ""))))
        cat.setProperty("touched", bool(values.get("category")))
        remove = QPushButton(self.tr("Remove"), row)
        remove.clicked.connect(lambda: self.remove_row(row))

        def guess(text: str) -> None:
            if not cat.property("touched"):
                s = suggest(text)
                cat.blockSignals(True)
                cat.setCurrentIndex(max(0, cat.findData(s.category.value if s.category else "")))
                cat.blockSignals(False)
            self.changed.emit()

        def touched(_i: int) -> None:
            cat.setProperty("touched", True)
            self.changed.emit()

        desc.textChanged.connect(guess)
        cat.currentIndexChanged.connect(touched)
        village.currentIndexChanged.connect(self.changed)
        lay.addWidget(desc, 4)
        lay.addWidget(village, 1)
        lay.addWidget(cat, 1)
        lay.addWidget(remove)
        desc.setFocus()
        return row

    def value(self) -> list[dict[str, Any]]:
        out = []
        for row in self.rows:
            desc = row.findChild(QLineEdit, "description")
            village = row.findChild(QComboBox, "village")
            cat = row.findChild(QComboBox, "category")
            assert desc is not None and village is not None and cat is not None
            out.append(
                {
                    "description": desc.text(),
                    "village_id": village.currentData() or "",
                    "category": cat.currentData() or "",
                }
            )
        return out

    def set_value(self, problems: list[dict[str, Any]], links: list[str]) -> None:
        self.clear()
        for p in problems:
            self.add_row(p)
        self.links.clear()
        for pid in links:
            i = self.link_box.findData(pid)
            item = QListWidgetItem(self.link_box.itemText(i) if i >= 0 else pid, self.links)
            item.setData(Qt.ItemDataRole.UserRole, pid)
        self.links.setVisible(bool(links))


class PhotosEditor(QWidget):
    """Photos of a record: add several by file dialog or drag and drop; intake off the GUI thread.

    Signals: ``changed`` when the list changes; ``busy_changed(bool)`` while intake runs.
    """

    changed = Signal()
    busy_changed = Signal(bool)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self.photos: list[ProcessedPhoto] = []
        self.paths: list[str] = []
        self.pending = 0
        self.setAcceptDrops(True)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        self.list = QListWidget(self)
        self.list.setViewMode(QListWidget.ViewMode.IconMode)
        self.list.setIconSize(QPixmap(96, 96).size())
        self.list.setFixedHeight(128)
        self.list.setAcceptDrops(False)
        self.hint = QLabel(self.tr("Drop photos here, or:"), self)
        self.hint.setStyleSheet("color: #666;")
        self.add_button = QPushButton(self.tr("Add photos…"), self)
        self.add_button.clicked.connect(self._on_add_button_clicked)
        self.error = ErrorLabel(self)
        row = QHBoxLayout()
        row.addWidget(self.hint)
        row.addWidget(self.add_button)
        row.addStretch(1)
        lay.addLayout(row)
        lay.addWidget(self.list)
        lay.addWidget(self.error)
        self.existing = 0

    def set_existing(self, count: int) -> None:
        self.existing = count
        if count:
            text = self.tr("%1 photo(s) already stored. Drop more here, or:")
            self.hint.setText(fill(text, str(count)))

    def _on_add_button_clicked(self) -> None:
        files, _ = QFileDialog.getOpenFileNames(
            self,
            self.tr("Add photos"),
            str(Path.home()),
            self.tr("Images (*.jpg *.jpeg *.png *.webp *.bmp *.gif *.tif *.tiff)"),
        )
        self.add_files([Path(f) for f in files])

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if event.mimeData().hasUrls():
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        paths = [Path(u.toLocalFile()) for u in event.mimeData().urls() if u.isLocalFile()]
        self.add_files(paths)
        event.acceptProposedAction()

    def add_files(self, paths: list[Path]) -> None:
        """Take the photos in off the GUI thread; each arrives (or is refused) on its own."""
        max_edge = self._ctx.settings.photo_max_edge
        for path in paths:
            self.pending += 1
            self.busy_changed.emit(True)
            self._ctx.ops.query(
                partial(intake_photo, path, max_edge=max_edge),
                partial(self._on_intake_done, str(path)),
                on_error=self._on_intake_failed,
            )

    def _finish_one(self) -> None:
        self.pending -= 1
        if self.pending == 0:
            self.busy_changed.emit(False)

    def _on_intake_done(self, path: str, photo: ProcessedPhoto) -> None:
        self._finish_one()
        if any(p.sha256 == photo.sha256 for p in self.photos):
            text = self.tr("This photo is already added: %1")
            self.error.show_error(fill(text, photo.original_name))
            return
        self.photos.append(photo)
        self.paths.append(path)
        pix = QPixmap()
        pix.loadFromData(photo.thumbnail)
        item = QListWidgetItem(QIcon(pix), photo.original_name, self.list)
        item.setToolTip(f"{photo.original_name}（{photo.width}×{photo.height}）")
        self.error.show_error("")
        self.changed.emit()

    def _on_intake_failed(self, exc: BaseException) -> None:
        self._finish_one()
        self.error.show_error(str(exc))
