"""All the papers of a day in one window: the daily report, the notices, the clue transfers and
the new ledger items; each one previewed, all printed in one go (one print dialog).

Signals: ``printed(int)`` after printing (the number of pages sent).
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import (
    QBuffer,
    QByteArray,
    QCoreApplication,
    QIODevice,
    QPoint,
    QRect,
    QSize,
    Qt,
    Signal,
)
from PySide6.QtGui import QPainter
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.services.wrapup.files import Paper
from app.ui.geometry import fit_to_screen
from app.ui.i18n import fill
from app.ui.pdf_preview import PRINT_DPI, PdfPreview


def print_papers(printer: QPrinter, papers: Sequence[Paper]) -> int:
    """Render every page of every paper to ``printer`` (one job); return the pages sent."""
    painter = QPainter()
    if not painter.begin(printer):
        return 0
    sent = 0
    try:
        for paper in papers:
            doc = QPdfDocument()
            buffer = QBuffer()
            buffer.setData(QByteArray(paper.pdf))
            buffer.open(QIODevice.OpenModeFlag.ReadOnly)
            doc.load(buffer)
            for index in range(doc.pageCount()):
                if sent:
                    printer.newPage()
                size_pt = doc.pagePointSize(index)
                pixels = QSize(
                    round(size_pt.width() / 72 * PRINT_DPI),
                    round(size_pt.height() / 72 * PRINT_DPI),
                )
                image = doc.render(index, pixels)
                target = painter.viewport()
                scaled = image.size().scaled(target.size(), Qt.AspectRatioMode.KeepAspectRatio)
                painter.drawImage(QRect(QPoint(0, 0), scaled), image)
                sent += 1
            doc.close()
    finally:
        painter.end()
    return sent


class PapersDialog(QDialog):
    printed = Signal(int)

    def __init__(self, papers: Sequence[Paper], title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.papers = list(papers)
        self.list = QListWidget(self)
        self.list.setFixedWidth(260)
        for p in self.papers:
            self.list.addItem(p.title)
        self.preview = PdfPreview(self)
        self.print_all_button = QPushButton(
            QCoreApplication.translate("DayPapers", "Print all…"), self
        )
        self.print_all_button.setDefault(True)
        self.message = QLabel(self)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        bottom = QHBoxLayout()
        bottom.addWidget(self.message, 1)
        bottom.addWidget(self.print_all_button)
        bottom.addWidget(buttons)
        middle = QHBoxLayout()
        middle.addWidget(self.list)
        middle.addWidget(self.preview, 1)
        lay = QVBoxLayout(self)
        lay.addLayout(middle, 1)
        lay.addLayout(bottom)
        self.list.currentRowChanged.connect(self._on_list_current_row_changed)
        self.print_all_button.clicked.connect(self._on_print_all_clicked)
        fit_to_screen(self, QSize(1100, 960))
        if self.papers:
            self.list.setCurrentRow(0)

    def _on_list_current_row_changed(self, row: int) -> None:
        if 0 <= row < len(self.papers):
            paper = self.papers[row]
            self.preview.set_pdf(paper.pdf, paper.file_name)

    def print_to(self, printer: QPrinter) -> int:
        sent = print_papers(printer, self.papers)
        text = QCoreApplication.translate(
            "DayPapers", "Sent %1 page(s) of %2 paper(s) to the printer."
        )
        self.message.setText(fill(text, sent, len(self.papers)))
        self.printed.emit(sent)
        return sent

    def _on_print_all_clicked(self) -> None:
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setDocName(self.windowTitle())
        dialog = QPrintDialog(printer, self)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.print_to(printer)


__all__ = ["PapersDialog", "print_papers"]
