"""The office's overview: problems and their follow-up across all teams and villages.

``overview_ids`` filters by team, township, track and warning colour and returns problem ids in a
stable order (latest raised first); ``overview_rows`` fetches the rows of some ids (a table model
asks for the rows it shows). ``choices`` lists what the filters offer.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

import sqlalchemy as sa

from app.domain.deadlines import WarningColour, WarningSettings, warning_colour
from app.domain.vocabulary import ProblemStatus, Track
from app.storage.workspace import Workspace

OFFICE_TEAM = ""
"""The team filter value of rows made at the office itself."""

_CLOSED = {ProblemStatus.RESOLVED.value, ProblemStatus.MERGED.value}

_BASE = """
SELECT p.id, p.raised_on, p.deadline, p.status, p.track, coalesce(rt.team_id, ''),
       tw.id, rn.deadline, p.description, v.name, tw.name, coalesce(tm.name, '')
FROM problem p
JOIN village v ON v.id = p.village_id
JOIN township tw ON tw.id = v.township_id
LEFT JOIN sync_row_team rt ON rt.record_id = p.id
LEFT JOIN team tm ON tm.id = rt.team_id
LEFT JOIN rectification_notice rn ON rn.id = p.notice_id
WHERE p.retired_at IS NULL
"""


@dataclass(frozen=True)
class OverviewFilter:
    team_id: str | None = None
    """None: every team; OFFICE_TEAM: rows made at the office."""
    township_id: str | None = None
    track: Track | None = None
    colour: WarningColour | None = None
    district_id: str | None = None
    """At a city office: None every district; OFFICE_TEAM the city's own rows."""


@dataclass(frozen=True)
class OverviewRow:
    id: str
    team: str
    township: str
    village: str
    description: str
    track: Track | None
    status: ProblemStatus
    deadline: date | None
    colour: WarningColour


@dataclass(frozen=True)
class Choices:
    teams: list[tuple[str, str]]
    townships: list[tuple[str, str]]


def _date(v: Any) -> date | None:
    return None if v is None else date.fromisoformat(str(v)[:10])


def _row(r: Any, today: date, warn: WarningSettings) -> OverviewRow:
    deadline = _date(r[2]) or _date(r[7])
    status = ProblemStatus(r[3])
    return OverviewRow(
        id=str(r[0]),
        team=str(r[11]) or "巡察办",
        township=str(r[10]),
        village=str(r[9]),
        description=str(r[8]),
        track=None if r[4] is None else Track(r[4]),
        status=status,
        deadline=deadline,
        colour=warning_colour(deadline, today, warn, closed=r[3] in _CLOSED),
    )


def overview_ids(
    ws: Workspace,
    flt: OverviewFilter,
    *,
    today: date,
    warn: WarningSettings | None = None,
) -> list[str]:
    """Ids of the problems that pass ``flt``, latest raised first."""
    settings = warn or WarningSettings()
    sql = _BASE
    params: dict[str, Any] = {}
    if flt.team_id is not None:
        sql += " AND coalesce(rt.team_id, '') = :team"
        params["team"] = flt.team_id
    if flt.township_id is not None:
        sql += " AND tw.id = :town"
        params["town"] = flt.township_id
    if flt.district_id is not None:
        sql += (
            " AND coalesce((SELECT o.district_id FROM row_origin o WHERE o.record_id = v.id),"
            " '') = :district"
        )
        params["district"] = flt.district_id
    if flt.track is not None:
        sql += " AND p.track = :track"
        params["track"] = flt.track.value
    sql += " ORDER BY p.raised_on DESC, p.id"
    with ws.engine.connect() as conn:
        found = conn.execute(sa.text(sql), params).fetchall()
    if flt.colour is None:
        return [str(r[0]) for r in found]
    return [str(r[0]) for r in found if _row(r, today, settings).colour is flt.colour]


def overview_rows(
    ws: Workspace, ids: list[str], *, today: date, warn: WarningSettings | None = None
) -> dict[str, OverviewRow]:
    settings = warn or WarningSettings()
    out: dict[str, OverviewRow] = {}
    stmt = sa.text(f"{_BASE} AND p.id IN :ids").bindparams(sa.bindparam("ids", expanding=True))
    with ws.engine.connect() as conn:
        for i in range(0, len(ids), 500):
            for r in conn.execute(stmt, {"ids": ids[i : i + 500]}):
                row = _row(r, today, settings)
                out[row.id] = row
    return out


def choices(ws: Workspace) -> Choices:
    with ws.engine.connect() as conn:
        # teams, and at a city the districts that report to it (their rows are theirs)
        teams = [
            (str(i), str(n))
            for i, n in conn.execute(
                sa.text(
                    "SELECT t.id, t.name FROM team t WHERE t.retired_at IS NULL AND "
                    "(t.kind = 'team' OR t.id IN "
                    "(SELECT peer_id FROM sync_peer WHERE kind = 'district')) "
                    "ORDER BY t.name"
                )
            )
        ]
        towns = [
            (str(i), str(n))
            for i, n in conn.execute(
                sa.text("SELECT id, name FROM township WHERE retired_at IS NULL ORDER BY name, id")
            )
        ]
    return Choices(teams=teams, townships=towns)


@dataclass(frozen=True)
class OverviewCount:
    district_id: str
    """'' for the office's own rows (and every row at a district office)."""
    township_id: str
    track: Track | None
    colour: WarningColour
    problems: int


_COUNTS = """
SELECT coalesce(o.district_id, ''), v.township_id, g.track,
       CASE WHEN g.status IN ('resolved', 'merged') THEN 'none'
            WHEN coalesce(g.deadline, rn.deadline) IS NULL THEN 'none'
            WHEN coalesce(g.deadline, rn.deadline) <= :red THEN 'red'
            WHEN coalesce(g.deadline, rn.deadline) <= :yellow THEN 'yellow'
            WHEN coalesce(g.deadline, rn.deadline) <= :green THEN 'green'
            ELSE 'none' END AS colour,
       sum(g.n)
FROM (
  SELECT p.village_id, p.track, p.status, p.deadline, p.notice_id, count(*) AS n
  FROM problem p
  WHERE p.retired_at IS NULL
  GROUP BY p.village_id, p.track, p.status, p.deadline, p.notice_id
) g
LEFT JOIN rectification_notice rn ON rn.id = g.notice_id
JOIN village v ON v.id = g.village_id
LEFT JOIN row_origin o ON o.record_id = v.id
GROUP BY 1, 2, 3, 4
"""
"""Live problems grouped first from ``ix_problem_overview`` alone (an index-only scan: village,
track, status, deadline, notice), then per district: a village belongs to one district, so its
origin names the district of all its problems."""


def overview_counts(
    ws: Workspace, *, today: date, warn: WarningSettings | None = None
) -> list[OverviewCount]:
    """Live problems counted by district, township, track and warning colour (no row loaded)."""
    settings = warn or WarningSettings()
    far = (
        date.max
        if settings.green_within_days is None
        else today + timedelta(days=settings.green_within_days)
    )
    stmt = sa.text(_COUNTS).bindparams(
        sa.bindparam("red", type_=sa.Date()),
        sa.bindparam("yellow", type_=sa.Date()),
        sa.bindparam("green", type_=sa.Date()),
    )
    params = {
        "red": today + timedelta(days=settings.red_within_days),
        "yellow": today + timedelta(days=settings.yellow_within_days),
        "green": far,
    }
    with ws.engine.connect() as conn:
        found = conn.execute(stmt, params).all()
    return [
        OverviewCount(
            district_id=str(d),
            township_id=str(t),
            track=None if k is None else Track(k),
            colour=WarningColour(c),
            problems=int(n),
        )
        for d, t, k, c, n in found
    ]
