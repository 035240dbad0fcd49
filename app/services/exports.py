"""Every list of the window as an .xlsx workbook: records, problems, follow-up items, what is
due, sync conflicts.

Each ``*_table`` function reads one list as the window shows it (protected names masked for a
role that may not read them, as on screen) and returns an :class:`ExportTable`;
:func:`write_table` writes it (atomically, audited ``export_xlsx`` with the list's name and row
count, never its content).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path

from sqlmodel import col, select

from app.documents.workbook import Column, Sheet, workbook_bytes
from app.files import atomic_write_bytes
from app.services.field.reads import record_rows, village_keys
from app.services.followup.due import Show, followup_items
from app.storage.models import Problem, Township, Village
from app.storage.workspace import Workspace

Value = str | int | date | datetime | None
RECORD_KINDS = ("visit", "opinion_entry", "interview")


ExportColumn = Column
"""A list's column: the workbook writer's own (header, width, kind)."""


@dataclass(frozen=True)
class ExportTable:
    """One list: a sheet name, a title row, its columns and rows (already masked)."""

    name: str
    title: str
    columns: Sequence[ExportColumn]
    rows: list[list[Value]] = field(default_factory=list)

    def file_name(self, today: date | None = None) -> str:
        day = today or date.today()
        return f"{self.name}-{day:%Y%m%d}.xlsx"


_KIND_LABELS = {
    "visit": "走访记录",
    "opinion_entry": "意见箱信件",
    "interview": "谈话记录",
    "problem": "问题",
}


def _village_names(ws: Workspace) -> dict[str, str]:
    with ws.session() as s:
        towns = {t.id: t.name for t in s.exec(select(Township)).all()}
        return {v.id: towns.get(v.township_id, "") + v.name for v in s.exec(select(Village)).all()}


def records_table(ws: Workspace, village_id: str | None = None) -> ExportTable:
    """Visits, opinion-box entries and interviews (one village, or all), newest first."""
    names = _village_names(ws)
    vids = [village_id] if village_id else list(names)
    keys = [k for vid in vids for kind in RECORD_KINDS for k in village_keys(ws, vid, kind)]
    found = record_rows(ws, keys)
    ordered = sorted(found.values(), key=lambda r: r.when, reverse=True)
    table = ExportTable(
        "外业记录",
        _title("外业记录", names.get(village_id or "", "")),
        [
            ExportColumn("类别", 12),
            ExportColumn("村（社区）", 16),
            ExportColumn("时间", 20, "date"),
            ExportColumn("方式／来源", 14),
            ExportColumn("人员", 18),
            ExportColumn("内容", 60),
        ],
    )
    for r in ordered:
        table.rows.append(
            [
                _KIND_LABELS[r.kind],
                names.get(r.village_id, r.village_name),
                r.when,
                r.label,
                r.person,
                r.summary,
            ]
        )
    return table


def problems_table(ws: Workspace, village_id: str | None = None) -> ExportTable:
    """Every live problem (one village, or all) with its category, track and status."""
    villages = _village_names(ws)
    table = ExportTable(
        "问题清单",
        _title("问题清单", villages.get(village_id or "", "")),
        [
            ExportColumn("村（社区）", 16),
            ExportColumn("提出日期", 14, "date"),
            ExportColumn("问题", 60),
            ExportColumn("类别", 16),
            ExportColumn("小类", 12),
            ExportColumn("处置方式", 10),
            ExportColumn("状态", 10),
            ExportColumn("反映人次", 8, "number"),
        ],
    )
    with ws.session() as s:
        q = select(Problem).where(
            col(Problem.retired_at).is_(None), col(Problem.merged_into_id).is_(None)
        )
        if village_id:
            q = q.where(Problem.village_id == village_id)
        problems = s.exec(q.order_by(col(Problem.raised_on).desc(), col(Problem.id))).all()
        from app.services.followup.papers import protected_names, scrub

        names = protected_names(s)
        for p in problems:
            table.rows.append(
                [
                    villages.get(p.village_id, ""),
                    p.raised_on,
                    scrub(p.description, names),
                    p.category.label if p.category else "",
                    p.subcategory.label if p.subcategory else "",
                    p.track.label if p.track else "未研判",
                    p.status.label,
                    p.voices,
                ]
            )
    return table


def followup_table(ws: Workspace, today: date | None = None, show: Show = Show.OPEN) -> ExportTable:
    """The follow-up list in the chosen state (what is due: ``Show.DUE``)."""
    today = today or date.today()
    name = "即将到期和逾期事项" if show is Show.DUE else "跟踪督办事项"
    table = ExportTable(
        name,
        f"{name}（{show.label}，截至{today.year}年{today.month}月{today.day}日）",
        [
            ExportColumn("类别", 14),
            ExportColumn("文号／序号", 22),
            ExportColumn("村（社区）", 16),
            ExportColumn("责任单位／接收单位", 22),
            ExportColumn("时限", 14, "date"),
            ExportColumn("剩余天数", 10, "number"),
            ExportColumn("预警", 10),
            ExportColumn("状态", 12),
        ],
    )
    for r in followup_items(ws, today, show=show):
        running = r.colour.label if r.colour.value != "none" else ""
        table.rows.append(
            [
                r.kind.label,
                r.number,
                f"{r.township}{r.village}",
                r.unit,
                r.deadline,
                r.days_left if running else None,
                running,
                r.status_label,
            ]
        )
    return table


def conflicts_table(ws: Workspace, *, open_only: bool = True) -> ExportTable:
    """Sync conflicts: which record, from which team, which fields differ, decided or not."""
    from app.sync.conflicts import FIELD_LABELS, list_conflicts

    table = ExportTable(
        "同步冲突",
        "同步冲突清单" + ("（待处理）" if open_only else ""),
        [
            ExportColumn("类别", 14),
            ExportColumn("巡察组", 20),
            ExportColumn("不同的字段", 40),
            ExportColumn("状态", 14),
        ],
    )
    for c in list_conflicts(ws, open_only=open_only):
        fields = "、".join(FIELD_LABELS.get(f, f) for f in c.differing())
        table.rows.append([c.kind_label, c.team_name, fields, c.status_label])
    return table


def _title(what: str, where: str) -> str:
    today = date.today()
    return f"{where}{what}（截至{today.year}年{today.month}月{today.day}日）"


# -- writing ------------------------------------------------------------------------------------


def export_bytes(table: ExportTable) -> bytes:
    """The list through the one workbook writer (app/documents/workbook.py): every text, the title
    included, stays text (never a formula), print setup, row heights, real dates."""
    sheet = Sheet(
        name=table.name,
        title=table.title,
        columns=table.columns,
        rows=table.rows,
    )
    return workbook_bytes([sheet])


def write_export(table: ExportTable, path: Path) -> None:
    atomic_write_bytes(path, export_bytes(table))


def write_table(ws: Workspace, table: ExportTable, path: Path) -> Path:
    """Write ``table`` as an .xlsx at ``path`` (atomically), audited."""
    atomic_write_bytes(Path(path), export_bytes(table))
    with ws.session() as s:
        s.audit("export_xlsx", note=f"{table.name}{len(table.rows)}行 {Path(path).name}")
        s.commit()
    return Path(path)


__all__ = [
    "RECORD_KINDS",
    "ExportColumn",
    "ExportTable",
    "conflicts_table",
    "export_bytes",
    "followup_table",
    "problems_table",
    "records_table",
    "write_table",
]
