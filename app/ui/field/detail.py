"""The detail pane: one record's fields, text, problems and photo thumbnails.

Signals: ``edit_requested(kind, record_id)``, ``problem_activated(problem_id)``.
"""

from __future__ import annotations

import base64
import html
from functools import partial

from PySide6.QtCore import QUrl, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QTextBrowser, QVBoxLayout, QWidget

from app.services.attachments import read_blob
from app.services.field.reads import RecordDetail, record_detail
from app.ui.context import AppContext
from app.ui.field.models import kind_labels


class DetailPane(QWidget):
    edit_requested = Signal(str, str)
    problem_activated = Signal(str)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.detail: RecordDetail | None = None
        self._thumbs: dict[str, str] = {}
        self.title = QLabel(self.tr("No record selected"), self)
        self.title.setStyleSheet("font-size: 15pt; font-weight: bold;")
        self.title.setWordWrap(True)
        self.edit_button = QPushButton(self.tr("Edit"), self)
        self.edit_button.setEnabled(False)
        self.edit_button.clicked.connect(self._on_edit_button_clicked)
        self.browser = QTextBrowser(self)
        self.browser.setOpenLinks(False)
        self.browser.anchorClicked.connect(self._on_browser_anchor_clicked)
        top = QHBoxLayout()
        top.addWidget(self.title, 1)
        top.addWidget(self.edit_button)
        lay = QVBoxLayout(self)
        lay.addLayout(top)
        lay.addWidget(self.browser, 1)
        self._labels = {
            "when": self.tr("Time"),
            "method": self.tr("Method"),
            "place": self.tr("Place"),
            "people": self.tr("People met"),
            "inspectors": self.tr("Inspectors present"),
            "received": self.tr("Received"),
            "channel": self.tr("How it came"),
            "box": self.tr("Box"),
            "opened": self.tr("Box opened"),
            "writer": self.tr("Writer"),
            "interviewee": self.tr("Interviewee"),
            "interviewers": self.tr("Interviewers"),
            "raised": self.tr("Raised on"),
            "status": self.tr("Status"),
            "category": self.tr("Category"),
            "track": self.tr("Track"),
        }
        self._kinds = kind_labels(self)

    def clear(self) -> None:
        self.detail = None
        self.title.setText(self.tr("No record selected"))
        self.browser.clear()
        self.edit_button.setEnabled(False)

    def show_record(self, kind: str, record_id: str) -> None:
        self.ctx.ops.query(
            partial(record_detail, self.ctx.ws, kind, record_id),
            self._on_detail_loaded,
        )

    def _on_detail_loaded(self, detail: RecordDetail) -> None:
        self.detail = detail
        self._thumbs = {}
        self.edit_button.setEnabled(detail.kind != "problem")
        self.title.setText(f"{self._kinds.get(detail.kind, '')} · {detail.village_name}")
        self._render()
        for photo in detail.photos:
            if photo.thumb_name:
                self.ctx.ops.query(
                    partial(read_blob, self.ctx.ws, photo.thumb_name),
                    partial(self._on_thumb_loaded, detail.id, photo.id),
                    on_error=lambda _exc: None,
                )

    def _on_thumb_loaded(self, record_id: str, photo_id: str, data: bytes) -> None:
        if self.detail is None or self.detail.id != record_id:
            return
        self._thumbs[photo_id] = base64.b64encode(data).decode("ascii")
        self._render()

    def _render(self) -> None:
        d = self.detail
        if d is None:
            return
        rows = "".join(
            f"<tr><td style='color:#555;padding-right:12px;white-space:nowrap'>"
            f"{html.escape(self._labels.get(k, k))}</td><td>{html.escape(v) or '—'}</td></tr>"
            for k, v in d.fields
        )
        body = html.escape(d.body).replace("\n", "<br>")
        parts = [f"<table>{rows}</table>", f"<p style='line-height:150%'>{body}</p>"]
        if d.problems:
            items = "".join(
                f"<li><a href='problem:{p.id}'>{html.escape(p.description)}</a>"
                f" <span style='color:#777'>（{html.escape(p.status)}）</span></li>"
                for p in d.problems
            )
            heading = self.tr("Problems raised")
            parts.append(f"<h4>{html.escape(heading)}</h4><ul>{items}</ul>")
        if d.photos:
            imgs = "".join(
                f"<img src='data:image/jpeg;base64,{self._thumbs[p.id]}' height='96'> "
                if p.id in self._thumbs
                else f"<span>[{html.escape(p.original_name)}]</span> "
                for p in d.photos
            )
            heading = self.tr("Photos")
            parts.append(f"<h4>{html.escape(heading)}</h4><p>{imgs}</p>")
        self.browser.setHtml("".join(parts))

    def _on_edit_button_clicked(self) -> None:
        if self.detail is not None:
            self.edit_requested.emit(self.detail.kind, self.detail.id)

    def _on_browser_anchor_clicked(self, url: QUrl) -> None:
        text = url.toString()
        if text.startswith("problem:"):
            self.problem_activated.emit(text.split(":", 1)[1])
