"""Preview a produced PDF (QtPdf), print it through Qt's print dialog, save it as a PDF file.

Reusable by every printed paper: ``PdfPreview`` is the widget, ``PdfPreviewDialog`` a window
around it. Give it the PDF bytes and a suggested file name.

Signals of ``PdfPreview``: ``saved(str)`` after a save (the path), ``printed(int)`` after printing
(the number of pages sent).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QPoint, QRect, QSize, Qt, Signal
from PySide6.QtGui import QImage, QPainter
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.files import atomic_write_bytes
from app.ui.i18n import fill

PRINT_DPI = 300


class PdfPreview(QWidget):
    """A toolbar (zoom, print, save) over a continuous page view."""

    saved = Signal(str)
    printed = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._data = b""
        self._name = "document.pdf"
        self._buffer: QBuffer | None = None
        self.document = QPdfDocument(self)
        self.view = QPdfView(self)
        self.view.setDocument(self.document)
        self.view.setPageMode(QPdfView.PageMode.MultiPage)
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)

        self.zoom_in = QPushButton(self.tr("Zoom in"), self)
        self.zoom_out = QPushButton(self.tr("Zoom out"), self)
        self.fit = QPushButton(self.tr("Fit width"), self)
        self.print_button = QPushButton(self.tr("Print…"), self)
        self.save_button = QPushButton(self.tr("Save as PDF…"), self)
        self.pages_label = QLabel(self)
        self.message = QLabel(self)
        self.message.setWordWrap(True)

        bar = QHBoxLayout()
        for w in (self.zoom_out, self.zoom_in, self.fit):
            bar.addWidget(w)
        bar.addWidget(self.pages_label)
        bar.addStretch(1)
        bar.addWidget(self.print_button)
        bar.addWidget(self.save_button)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.message)

        self.zoom_in.clicked.connect(self._on_zoom_in_clicked)
        self.zoom_out.clicked.connect(self._on_zoom_out_clicked)
        self.fit.clicked.connect(self._on_fit_clicked)
        self.print_button.clicked.connect(self._on_print_button_clicked)
        self.save_button.clicked.connect(self._on_save_button_clicked)
        self._set_enabled(False)

    # -- content ------------------------------------------------------------------------
    def set_pdf(self, data: bytes, suggested_name: str) -> None:
        """Show ``data`` (PDF bytes); ``suggested_name`` is offered when saving."""
        self._data = data
        self._name = suggested_name
        self.document.close()
        buffer = QBuffer(self)
        buffer.setData(QByteArray(data))
        buffer.open(QIODevice.OpenModeFlag.ReadOnly)
        self.document.load(buffer)
        if self._buffer is not None:
            self._buffer.deleteLater()
        self._buffer = buffer
        ok = self.document.status() == QPdfDocument.Status.Ready
        self._set_enabled(ok)
        pages = self.document.pageCount()
        self.pages_label.setText(self.tr("%n page(s)", "", pages) if ok else "")
        self.message.setText("" if ok else self.tr("The document could not be shown."))

    @property
    def pdf(self) -> bytes:
        return self._data

    def _set_enabled(self, on: bool) -> None:
        for w in (self.zoom_in, self.zoom_out, self.fit, self.print_button, self.save_button):
            w.setEnabled(on)

    # -- zoom -----------------------------------------------------------------------------
    def _on_zoom_in_clicked(self) -> None:
        self.view.setZoomMode(QPdfView.ZoomMode.Custom)
        self.view.setZoomFactor(min(4.0, self.view.zoomFactor() * 1.25))

    def _on_zoom_out_clicked(self) -> None:
        self.view.setZoomMode(QPdfView.ZoomMode.Custom)
        self.view.setZoomFactor(max(0.25, self.view.zoomFactor() / 1.25))

    def _on_fit_clicked(self) -> None:
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)

    # -- save -----------------------------------------------------------------------------
    def save_to(self, path: Path) -> None:
        """Write the PDF to ``path`` (temp file, then rename)."""
        atomic_write_bytes(Path(path), self._data)
        self.message.setText(fill(self.tr("Saved: %1"), str(path)))
        self.saved.emit(str(path))

    def _on_save_button_clicked(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("Save as PDF"), self._name, self.tr("PDF files (*.pdf)")
        )
        if not path:
            return
        if not path.lower().endswith(".pdf"):
            path += ".pdf"
        try:
            self.save_to(Path(path))
        except OSError as exc:
            self.message.setText(fill(self.tr("Could not save: %1"), exc.strerror or str(exc)))

    # -- print ----------------------------------------------------------------------------
    def print_to(self, printer: QPrinter) -> int:
        """Render every page (or the dialog's range) to ``printer``; return pages sent."""
        count = self.document.pageCount()
        first, last = 1, count
        if printer.printRange() == QPrinter.PrintRange.PageRange and printer.fromPage() > 0:
            first, last = printer.fromPage(), min(count, printer.toPage() or count)
        painter = QPainter()
        if not painter.begin(printer):
            self.message.setText(self.tr("The printer could not be started."))
            return 0
        sent = 0
        try:
            for index in range(first - 1, last):
                if sent:
                    printer.newPage()
                size_pt = self.document.pagePointSize(index)
                pixels = QSize(
                    round(size_pt.width() / 72 * PRINT_DPI),
                    round(size_pt.height() / 72 * PRINT_DPI),
                )
                image: QImage = self.document.render(index, pixels)
                target = painter.viewport()
                scaled = image.size().scaled(target.size(), Qt.AspectRatioMode.KeepAspectRatio)
                painter.drawImage(QRect(QPoint(0, 0), scaled), image)
                sent += 1
        finally:
            painter.end()
        self.message.setText(self.tr("Sent %n page(s) to the printer.", "", sent))
        self.printed.emit(sent)
        return sent

    def _on_print_button_clicked(self) -> None:
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setDocName(self._name)
        dialog = QPrintDialog(printer, self)
        dialog.setMinMax(1, max(1, self.document.pageCount()))
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.print_to(printer)


class PdfPreviewDialog(QDialog):
    """A window with a :class:`PdfPreview`."""

    def __init__(
        self, data: bytes, suggested_name: str, title: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.preview = PdfPreview(self)
        self.preview.set_pdf(data, suggested_name)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.preview)
        self.resize(820, 960)
