"""Issuing document numbers (发文字号) without gap or duplicate, also with several laptops.

Decision: **only the team's numbering device issues numbers** — the leader's laptop, where the
evening wrap-up is signed off (签结). Reserved ranges per device were rejected: a range that is not
used up leaves a gap in the register, and the register of outgoing papers (发文登记) must run
1, 2, 3 … without holes. A team has one leader who signs the day off, and closing the day is what
creates that day's notices and transfers, so numbering where the day is closed costs nothing in
the field.

How it is enforced:

- Every workspace has a numbering role in ``workspace_meta`` (``doc_numbering``): ``issuer``
  (the default: one laptop per team is the common case) or ``off``. On a team's other laptops the
  leader switches numbering off (``python -m app numbering --off``); there, documents created when a
  day is closed wait unnumbered (待编号, printed only as a draft) and :func:`number_pending`
  refuses.
- On the issuing device the next serial is ``max(this device's counter, every serial of the series
  in the database) + 1``: the counter (``doc_series``, local to the device) keeps a number from
  being issued twice even if the row that used it were lost; the scan covers rows that arrived from
  elsewhere. The counter is written before the scan is used, inside the same transaction, so two
  programs on the same workspace (window and command line) cannot both take a serial: SQLite lets
  one writer through and the other fails rather than duplicating.
- A replacement laptop takes the series over with the last number used on the old one
  (:func:`take_over`, ``numbering --on --last N``), read from the last printed paper.
- Numbers are never reused: a retired (作废) document keeps its number in the register.
- :func:`series_reports` checks each series for gaps and duplicates; the office runs it over the
  imported rows of every team (``numbering --check``).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from sqlmodel import col, select

from app.domain.numbering import (
    NumberingError,
    SeriesReport,
    check_series,
    format_number,
    next_serial,
)
from app.services.field.records import Changed
from app.storage.models import (
    ClueTransfer,
    DocSeries,
    RectificationNotice,
    Team,
    User,
    Village,
    WorkspaceMeta,
    utcnow,
)
from app.storage.session import WorkspaceSession
from app.storage.workspace import Workspace

__all__ = [
    "META_NUMBERING",
    "NumberingStatus",
    "assign_numbers",
    "number_pending",
    "number_wrapup",
    "numbering_enabled",
    "numbering_status",
    "ordered_for_numbering",
    "own_team",
    "series_reports",
    "set_numbering",
    "set_prefix",
    "take_over",
]

META_NUMBERING = "doc_numbering"
ISSUER = "issuer"
OFF = "off"

Numbered = RectificationNotice | ClueTransfer


def own_team(s: WorkspaceSession, user_id: str | None = None) -> Team:
    """The team of the logged-in user (else the workspace's first team)."""
    user = s.get(User, user_id) if user_id else None
    team = s.get(Team, user.team_id) if user is not None and user.team_id else None
    team = (
        team
        or s.exec(
            select(Team).where(col(Team.retired_at).is_(None)).order_by(col(Team.created_at))
        ).first()
    )
    if team is None:
        raise NumberingError("工作区中没有巡察组。")
    return team


def _role(s: WorkspaceSession) -> str:
    row = s.get(WorkspaceMeta, META_NUMBERING)
    return row.value if row is not None and row.value in (ISSUER, OFF) else ISSUER


def numbering_enabled(s: WorkspaceSession) -> bool:
    return _role(s) == ISSUER


def _used_serials(s: WorkspaceSession, prefix: str, year: int) -> list[int]:
    """Every serial of the series in this database (retired documents included)."""
    mark = f"{prefix}\u3014{year}\u3015"
    out: list[int] = []
    for model in (RectificationNotice, ClueTransfer):
        rows = s.exec(
            select(model.serial, model.doc_number).where(
                model.year == year, col(model.serial).is_not(None)
            )
        ).all()
        out.extend(int(n) for n, doc in rows if n is not None and doc.startswith(mark))
    return out


def _allocate(s: WorkspaceSession, prefix: str, year: int, count: int) -> list[int]:
    series = s.get(DocSeries, (prefix, year)) or DocSeries(prefix=prefix, year=year)
    start = next_serial(series.last_serial, _used_serials(s, prefix, year))
    series.last_serial = start + count - 1
    series.updated_at = utcnow()
    s.add(series)
    s.flush()
    return list(range(start, start + count))


def _year_of(row: Numbered) -> int:
    day = row.issued_on if isinstance(row, RectificationNotice) else row.transferred_on
    return day.year


def assign_numbers(s: WorkspaceSession, team: Team, rows: Sequence[Numbered]) -> list[str]:
    """Number ``rows`` (those still without a number) in the given order, in ``s``'s transaction.

    Refused (NumberingError) on a device that does not issue numbers or without a 机关代字.
    Returns the numbers given.
    """
    todo = [r for r in rows if r.serial is None and r.retired_at is None]
    if not todo:
        return []
    if not numbering_enabled(s):
        raise NumberingError("本机不发文编号：文号由组长电脑（编号机）统一编发。")
    prefix = team.doc_prefix.strip()
    if not prefix:
        raise NumberingError("未设置机关代字：请先设置发文机关代字（numbering --prefix）。")
    given: list[str] = []
    by_year: dict[int, list[Numbered]] = {}
    for r in todo:
        by_year.setdefault(_year_of(r), []).append(r)
    for year, group in sorted(by_year.items()):
        for row, serial in zip(group, _allocate(s, prefix, year, len(group)), strict=True):
            row.year = year
            row.serial = serial
            row.doc_number = format_number(prefix, year, serial)
            s.add(row)
            given.append(row.doc_number)
    s.flush()
    return given


def ordered_for_numbering(
    s: WorkspaceSession, notices: Sequence[RectificationNotice], clues: Sequence[ClueTransfer]
) -> list[Numbered]:
    """Issue order: by date, notices (by village and unit) before transfers of the same day."""
    names = {v.id: v.name for v in s.exec(select(Village)).all()}
    ns = sorted(
        notices, key=lambda n: (n.issued_on, names.get(n.village_id, ""), n.responsible_unit)
    )
    cs = sorted(clues, key=lambda c: (c.transferred_on, c.created_at))
    out: list[Numbered] = []
    days = sorted({n.issued_on for n in ns} | {c.transferred_on for c in cs})
    for d in days:
        out.extend(n for n in ns if n.issued_on == d)
        out.extend(c for c in cs if c.transferred_on == d)
    return out


def number_pending(ws: Workspace) -> list[Changed]:
    """Number every live notice and transfer still waiting for a number (issuing device only)."""
    with ws.session() as s:
        team = own_team(s, ws.user_id)
        notices = s.exec(
            select(RectificationNotice).where(
                col(RectificationNotice.serial).is_(None),
                col(RectificationNotice.retired_at).is_(None),
            )
        ).all()
        clues = s.exec(
            select(ClueTransfer).where(
                col(ClueTransfer.serial).is_(None), col(ClueTransfer.retired_at).is_(None)
            )
        ).all()
        rows = ordered_for_numbering(s, list(notices), list(clues))
        given = assign_numbers(s, team, rows)
        if given:
            s.audit("number_documents", note=f"{given[0]}—{given[-1]}，共{len(given)}号")
        s.commit()
        return [Changed(str(type(r).__tablename__), r.id, r.version) for r in rows if r.serial]


@dataclass(frozen=True)
class NumberingStatus:
    issuer: bool
    prefix: str
    counters: list[tuple[int, int]]
    """(year, last serial issued on this device)."""
    pending: int


def numbering_status(ws: Workspace) -> NumberingStatus:
    with ws.session() as s:
        team = own_team(s, ws.user_id)
        counters = [
            (r.year, r.last_serial)
            for r in s.exec(select(DocSeries).where(DocSeries.prefix == team.doc_prefix)).all()
        ]
        pending = len(
            s.exec(
                select(RectificationNotice.id).where(
                    col(RectificationNotice.serial).is_(None),
                    col(RectificationNotice.retired_at).is_(None),
                )
            ).all()
        ) + len(
            s.exec(
                select(ClueTransfer.id).where(
                    col(ClueTransfer.serial).is_(None), col(ClueTransfer.retired_at).is_(None)
                )
            ).all()
        )
        return NumberingStatus(numbering_enabled(s), team.doc_prefix, sorted(counters), pending)


def set_numbering(ws: Workspace, enabled: bool) -> None:
    """Make this device the numbering device (or not). Audited."""
    with ws.session() as s:
        row = s.get(WorkspaceMeta, META_NUMBERING) or WorkspaceMeta(key=META_NUMBERING)
        row.value = ISSUER if enabled else OFF
        s.add(row)
        s.audit("numbering_role", note=row.value)
        s.commit()


def take_over(ws: Workspace, year: int, last_serial: int) -> None:
    """This device continues a series after ``last_serial`` (read off the last paper printed)."""
    if last_serial < 0:
        raise NumberingError("最后文号序号不能为负数。")
    with ws.session() as s:
        team = own_team(s, ws.user_id)
        prefix = team.doc_prefix.strip()
        if not prefix:
            raise NumberingError("未设置机关代字：请先设置发文机关代字（numbering --prefix）。")
        series = s.get(DocSeries, (prefix, year)) or DocSeries(prefix=prefix, year=year)
        if last_serial < series.last_serial:
            raise NumberingError(f"本机已编发至{series.last_serial}号，不能退回。")
        series.last_serial = last_serial
        series.updated_at = utcnow()
        s.add(series)
        row = s.get(WorkspaceMeta, META_NUMBERING) or WorkspaceMeta(key=META_NUMBERING)
        row.value = ISSUER
        s.add(row)
        s.audit("numbering_take_over", note=f"{prefix}〔{year}〕自{last_serial + 1}号起")
        s.commit()


def set_prefix(ws: Workspace, prefix: str) -> Changed:
    """Set the team's 机关代字 (e.g. 淮巡立改)."""
    code = prefix.strip()
    if not code or len(code) > 20 or any(ch in code for ch in "〔〕[]()（）0123456789"):
        raise NumberingError("机关代字应为不含年份和序号的简称，如“淮巡立改”（不超过20字）。")
    with ws.session() as s:
        team = own_team(s, ws.user_id)
        team.doc_prefix = code
        s.add(team)
        s.commit()
        return Changed("team", team.id, team.version)


def series_reports(ws: Workspace) -> list[SeriesReport]:
    """Gaps and duplicates of every series (机关代字, year) found in notices and transfers."""
    with ws.session() as s:
        serials: dict[tuple[str, int], list[int]] = {}
        for model in (RectificationNotice, ClueTransfer):
            for doc, serial, year in s.exec(
                select(model.doc_number, model.serial, model.year).where(
                    col(model.serial).is_not(None)
                )
            ).all():
                if serial is None or "\u3014" not in doc:
                    continue
                prefix = doc.split("\u3014", 1)[0]
                serials.setdefault((prefix, year), []).append(int(serial))
    return [check_series(p, y, ns) for (p, y), ns in sorted(serials.items())]


def number_wrapup(s: WorkspaceSession, team: Team, wrapup_id: str) -> list[str]:
    """Number a signed-off day's notices and transfers, in the caller's transaction.

    Called when the day is closed (and when an amendment adds a paper to a closed day). On a
    device that does not number, or without a 机关代字, the papers stay 待编号 (nothing is
    refused: closing the day must not depend on numbering) and :func:`number_pending` numbers
    them later on the numbering device.
    """
    if not numbering_enabled(s) or not team.doc_prefix.strip():
        return []
    s.flush()
    notices = s.exec(
        select(RectificationNotice).where(
            RectificationNotice.wrapup_id == wrapup_id,
            col(RectificationNotice.serial).is_(None),
            col(RectificationNotice.retired_at).is_(None),
        )
    ).all()
    clues = s.exec(
        select(ClueTransfer).where(
            ClueTransfer.wrapup_id == wrapup_id,
            col(ClueTransfer.serial).is_(None),
            col(ClueTransfer.retired_at).is_(None),
        )
    ).all()
    return assign_numbers(s, team, ordered_for_numbering(s, list(notices), list(clues)))
