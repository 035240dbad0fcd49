"""Writing the wrap-up's papers to files (the command line and the window share this)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from app.documents.daily_report import render_daily_report, report_file_name
from app.documents.fonts import FontRole, configure_fonts
from app.services.settings import load_settings
from app.services.wrapup.report import daily_report_data
from app.storage.workspace import Workspace

__all__ = ["daily_report_pdf", "use_configured_fonts", "write_daily_report"]


def use_configured_fonts(ws: Workspace) -> None:
    """Apply the font files the settings name (if any) before rendering."""
    files = load_settings(ws).font_files
    if files:
        configure_fonts({FontRole(k): v for k, v in files.items() if v})


def daily_report_pdf(ws: Workspace, day: date) -> bytes:
    """The daily report of ``day`` as PDF bytes (audited as a print)."""
    use_configured_fonts(ws)
    pdf = render_daily_report(daily_report_data(ws, day))
    with ws.session() as s:
        s.audit("print_daily_report", note=day.isoformat())
        s.commit()
    return pdf


def write_daily_report(ws: Workspace, day: date, folder: Path) -> list[Path]:
    """Write ``day``'s daily report into ``folder`` (atomically); return the paths written."""
    use_configured_fonts(ws)
    path = Path(folder) / report_file_name(day)
    render_daily_report(daily_report_data(ws, day), path)
    with ws.session() as s:
        s.audit("print_daily_report", note=f"{day.isoformat()} {path.name}")
        s.commit()
    return [path]
