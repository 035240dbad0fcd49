"""Exporting a list to .xlsx from any view: a file name asked for (ending added), the list
written in the background through :func:`app.services.exports.write_table`, the result said.

``ExportButton(ctx, jobs, parent)``: ``jobs`` maps a menu label to a function that reads the list
(:class:`~app.services.exports.ExportTable`); with one job the button exports at once, with
several it offers a menu.

Signals: ``exported(str)`` (the file written), ``failed(str)`` (why not).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import QMenu, QPushButton, QWidget

from app.services.exports import ExportTable, write_table
from app.ui.context import AppContext
from app.ui.files import save_file_name
from app.ui.i18n import fill

TableJob = Callable[[], ExportTable]


class ExportButton(QPushButton):
    exported = Signal(str)
    failed = Signal(str)

    def __init__(
        self, ctx: AppContext, jobs: dict[str, TableJob], parent: QWidget | None = None
    ) -> None:
        super().__init__(QCoreApplication.translate("Export", "Export to Excel…"), parent)
        self.ctx = ctx
        self.jobs = jobs
        if len(jobs) > 1:
            menu = QMenu(self)
            for label, job in jobs.items():
                menu.addAction(label).triggered.connect(lambda _=False, j=job: self.ask(j))
            self.setMenu(menu)
        else:
            self.clicked.connect(lambda: self.ask(next(iter(jobs.values()))))

    def ask(self, job: TableJob) -> None:
        """Read the list, ask where to save it, write it."""
        self.ctx.ops.query(job, self._on_table_read, parent=self)

    def _on_table_read(self, table: ExportTable) -> None:
        path = save_file_name(
            self,
            QCoreApplication.translate("Export", "Export to Excel"),
            table.file_name(date.today()),
            QCoreApplication.translate("Export", "Excel workbooks (*.xlsx)"),
            ".xlsx",
        )
        if path is not None:
            self.write(table, path)

    def write(self, table: ExportTable, path: Path) -> None:
        ws = self.ctx.ws
        self.ctx.ops.write(
            lambda: write_table(ws, table, path),
            lambda p: self.exported.emit(str(p)),
            source="export",
            on_error=lambda exc: self.failed.emit(str(exc) or type(exc).__name__),
        )


def field_jobs(ctx: AppContext, village: Callable[[], str | None]) -> dict[str, TableJob]:
    """The field view's lists: this village's records and problems, or every village's."""
    from app.services.exports import problems_table, records_table

    ws = ctx.ws
    return {
        QCoreApplication.translate("Export", "Records of this village"): lambda: records_table(
            ws, village()
        ),
        QCoreApplication.translate("Export", "Problems of this village"): lambda: problems_table(
            ws, village()
        ),
        QCoreApplication.translate("Export", "Records of every village"): lambda: records_table(ws),
        QCoreApplication.translate("Export", "Problems of every village"): lambda: problems_table(
            ws
        ),
    }


def exported_label() -> str:
    return QCoreApplication.translate("Export", "Export the list to Excel…")


def exported_text(path: str) -> str:
    return fill(QCoreApplication.translate("Export", "Exported: %1"), path)


__all__ = ["ExportButton", "exported_label", "exported_text", "field_jobs"]
