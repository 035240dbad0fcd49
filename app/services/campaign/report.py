"""The 集中整治进展情况报告 and the 制度推广 table, from the workspace.

:func:`report_doc` gathers the report's figures in a handful of grouped queries (a district of
500 villages with 60 under 集中整治 and 40 tasks each takes well under a second);
:func:`matrix_doc` the table's. :func:`write_campaign_report` writes the report PDF and the table
as PDF and .xlsx into a folder — ``python -m app campaign report --out DIR`` — each file
atomically, and audits the printing.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import sqlalchemy as sa
from sqlmodel import col, select

from app.documents.campaign_report import (
    MatrixDoc,
    ReportDoc,
    VillageLine,
    render_matrix,
    render_progress_report,
)
from app.domain.campaign import (
    CAMPAIGN_STATUSES,
    CadreChangeKind,
    CampaignStatus,
    CaseStage,
    CheckRating,
    EvaluationKind,
    Heading,
    Practice,
    SystemStatus,
    TaskStatus,
)
from app.domain.deadlines import WarningColour
from app.domain.followup import ItemKind
from app.files import atomic_write_bytes
from app.services.campaign.common import today_or
from app.services.campaign.reads import campaign_rows
from app.services.campaign.systems import Matrix, matrix
from app.services.campaign.xlsx import matrix_xlsx_bytes
from app.services.followup.due import item_colour, warning_settings
from app.services.followup.numbering import own_team
from app.services.fonts import workspace_fonts
from app.services.settings import load_settings
from app.storage.models import (
    CampaignCadreChange,
    CampaignCase,
    CampaignCheck,
    CampaignEvaluation,
    CampaignTask,
    CampaignVillage,
)
from app.storage.workspace import Workspace

__all__ = [
    "MATRIX_TITLE",
    "CampaignFiles",
    "matrix_doc",
    "progress_report_pdf",
    "report_doc",
    "write_campaign_report",
    "write_matrix",
    "write_progress_report",
]

MATRIX_TITLE = "全区村（社区）制度推广情况表"
_SERIES = (
    None,  # done
    WarningColour.NONE,
    WarningColour.GREEN,
    WarningColour.YELLOW,
    WarningColour.RED,
)


def _issuer(ws: Workspace) -> str:
    with ws.session() as s:
        team = own_team(s, ws.user_id)
    return team.issuing_body or team.name


def report_doc(
    ws: Workspace, today: date | None = None, *, grid: Matrix | None = None
) -> ReportDoc:
    today = today_or(today)
    settings = load_settings(ws)
    warn = warning_settings(settings)
    rows = campaign_rows(ws, today)
    in_campaign = [r for r in rows if r.status in CAMPAIGN_STATUSES]
    ids = {r.campaign_id for r in in_campaign}
    village_ids = {r.village_id for r in in_campaign}
    with ws.session() as s:
        conn = s.connection()
        t = CampaignTask.__table__.c  # type: ignore[attr-defined]
        tasks = conn.execute(
            sa.select(t.campaign_id, t.heading, t.status, t.deadline, t.org_issue).where(
                t.retired_at.is_(None)
            )
        ).all()
        cases = s.exec(
            select(CampaignCase).where(
                col(CampaignCase.retired_at).is_(None),
                col(CampaignCase.village_id).in_(village_ids),
            )
        ).all()
        cadre = Counter(
            s.exec(
                select(CampaignCadreChange.kind).where(
                    col(CampaignCadreChange.retired_at).is_(None),
                    col(CampaignCadreChange.village_id).in_(village_ids),
                )
            ).all()
        )
        checks = Counter(
            s.exec(
                select(CampaignCheck.rating).where(
                    col(CampaignCheck.retired_at).is_(None),
                    col(CampaignCheck.campaign_id).in_(ids),
                )
            ).all()
        )
        evaluations = Counter(
            s.exec(
                select(col(CampaignEvaluation.kind), col(CampaignEvaluation.outcome)).where(
                    col(CampaignEvaluation.retired_at).is_(None),
                    col(CampaignEvaluation.campaign_id).in_(ids),
                )
            ).all()
        )
        pending = len(
            s.exec(
                select(CampaignVillage.id).where(
                    col(CampaignVillage.retired_at).is_(None),
                    CampaignVillage.status == CampaignStatus.RECOMMENDED,
                )
            ).all()
        )
    by_heading = {h: [0] * len(_SERIES) for h in Heading}
    org_done = org_total = gw_done = gw_total = 0
    for cid, heading, status, deadline, org_issue in tasks:
        if cid not in ids:
            continue
        if status is TaskStatus.DONE:
            by_heading[heading][0] += 1
        else:
            colour = item_colour(ItemKind.CAMPAIGN_TASK, status, deadline, today, warn)
            by_heading[heading][_SERIES.index(colour)] += 1
        if heading is Heading.GOOD_WORKS:
            gw_total += 1
            gw_done += status is TaskStatus.DONE
        if org_issue is not None:
            org_total += 1
            org_done += status is TaskStatus.DONE
    grid = grid or matrix(ws)
    campaign_cells = grid.counts_for(village_ids)
    district = grid.counts()
    stage_counts = Counter(c.stage for c in cases)
    reviews_due = sum(
        1
        for r in in_campaign
        if r.status is CampaignStatus.TRANSFORMED
        and r.review_due is not None
        and (r.review_due - today).days <= 30
    )
    return ReportDoc(
        committee=settings.campaign_committee,
        issuer=_issuer(ws),
        as_of=today,
        status_counts=[
            (st.label, sum(1 for r in in_campaign if r.status is st))
            for st in (
                CampaignStatus.DECIDED,
                CampaignStatus.UNDER_WAY,
                CampaignStatus.KEPT,
                CampaignStatus.TRANSFORMED,
                CampaignStatus.REVIEWED,
            )
        ],
        pending_decision=pending,
        by_heading=[(h.label, by_heading[h]) for h in Heading],
        cases=[(st.label, stage_counts[st]) for st in CaseStage],
        case_persons=sum(c.persons for c in cases),
        gang_persons=sum(c.persons for c in cases if c.gang_related),
        good_works=(gw_done, gw_total),
        cadre_changes=[(k.label, cadre[k]) for k in CadreChangeKind],
        org_issues=(org_done, org_total),
        systems=[(d.label, campaign_cells[d.code][SystemStatus.ADOPTED]) for d in grid.systems],
        district_systems=[
            (d.label, district[d.code][SystemStatus.ADOPTED], grid.weak(d.code))
            for d in grid.systems
        ],
        district_villages=len(grid.rows),
        checks=sum(checks.values()),
        checks_by_rating=[(r.label, checks[r]) for r in CheckRating],
        evaluations=[
            (f"{k.label}“{o.label}”", n)
            for (k, o), n in sorted(
                evaluations.items(), key=lambda kv: (list(EvaluationKind).index(kv[0][0]), kv[0][1])
            )
        ],
        reviews_due=reviews_due,
        villages=[
            VillageLine(
                r.township,
                r.village,
                r.status.label,
                r.tier.label if r.tier else "",
                r.tasks,
                r.done,
                r.red,
                r.review_due,
            )
            for r in in_campaign
        ],
    )


def _cell_text(status: SystemStatus, practice: Practice) -> str:
    if status is SystemStatus.ADOPTED and practice is Practice.NOT_CARRIED_OUT:
        return "已建立·执行不力"
    return status.label


def matrix_doc(
    ws: Workspace, today: date | None = None, *, grid: Matrix | None = None
) -> MatrixDoc:
    grid = grid or matrix(ws)
    township_counts = []
    for tid, name in grid.townships:
        c = grid.counts(tid)
        villages = sum(1 for r in grid.rows if r.township_id == tid)
        township_counts.append(
            (name, villages, [c[d.code][SystemStatus.ADOPTED] for d in grid.systems])
        )
    total = grid.counts()
    township_counts.append(
        ("合计", len(grid.rows), [total[d.code][SystemStatus.ADOPTED] for d in grid.systems])
    )
    return MatrixDoc(
        title=MATRIX_TITLE,
        issuer=_issuer(ws),
        as_of=today_or(today),
        systems=[d.label for d in grid.systems],
        township_counts=township_counts,
        rows=[
            (
                r.township,
                r.village,
                [_cell_text(r.cell(d.code).status, r.cell(d.code).practice) for d in grid.systems],
            )
            for r in grid.rows
        ],
    )


def progress_report_pdf(ws: Workspace, today: date | None = None) -> tuple[bytes, str]:
    """The report as PDF bytes and its file name, for the window's preview; audited."""
    today = today_or(today)
    data = render_progress_report(report_doc(ws, today), fonts=workspace_fonts(ws))
    with ws.session() as s:
        s.audit("print_campaign_report", note="preview")
        s.commit()
    return data, f"集中整治进展情况报告-{today.isoformat()}.pdf"


def write_progress_report(
    ws: Workspace, out: Path, today: date | None = None, *, grid: Matrix | None = None
) -> Path:
    today = today_or(today)
    path = out / f"集中整治进展情况报告-{today.isoformat()}.pdf" if out.is_dir() else out
    atomic_write_bytes(
        path, render_progress_report(report_doc(ws, today, grid=grid), fonts=workspace_fonts(ws))
    )
    _audit(ws, "print_campaign_report", path.name)
    return path


def _audit(ws: Workspace, action: str, note: str) -> None:
    with ws.session() as s:
        s.audit(action, note=note)
        s.commit()


def write_matrix(
    ws: Workspace, folder: Path, today: date | None = None, *, grid: Matrix | None = None
) -> tuple[Path, Path]:
    today = today_or(today)
    grid = grid or matrix(ws)
    pdf = folder / f"制度推广情况表-{today.isoformat()}.pdf"
    xlsx = folder / f"制度推广情况表-{today.isoformat()}.xlsx"
    atomic_write_bytes(
        pdf, render_matrix(matrix_doc(ws, today, grid=grid), fonts=workspace_fonts(ws))
    )
    atomic_write_bytes(xlsx, matrix_xlsx_bytes(grid, MATRIX_TITLE, today))
    _audit(ws, "print_campaign_matrix", f"{pdf.name} {xlsx.name}")
    return pdf, xlsx


@dataclass(frozen=True)
class CampaignFiles:
    report: Path
    matrix_pdf: Path
    matrix_xlsx: Path

    def paths(self) -> list[Path]:
        return [self.report, self.matrix_pdf, self.matrix_xlsx]


def write_campaign_report(ws: Workspace, folder: Path, today: date | None = None) -> CampaignFiles:
    """The progress report PDF and the 制度推广 table (.pdf and .xlsx) in ``folder``; each
    printing is audited."""
    today = today_or(today)
    folder.mkdir(parents=True, exist_ok=True)
    grid = matrix(ws)
    report = write_progress_report(ws, folder, today, grid=grid)
    pdf, xlsx = write_matrix(ws, folder, today, grid=grid)
    return CampaignFiles(report, pdf, xlsx)
