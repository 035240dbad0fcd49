"""Importing the seven channels' lists of villages (CSV or .xlsx), never guessing silently.

:func:`plan_channel_import` reads a file and computes the match report without writing anything:
every data row is MATCHED (a registry village), NEW (a village the registry lacks, added under
its township), AMBIGUOUS (the name fits several villages and nothing decides) or SKIPPED, each with
a Chinese reason; and per channel which villages join, stay on and leave its list.
:func:`apply_channel_import` writes that same plan in one transaction (it recomputes the plan
inside the transaction and refuses if anything changed since it was shown).

Which channel a row belongs to: the row's channel column when the file has one (信访, 举报,
软弱涣散 … in their usual wordings); for a file without one, or a row whose cell is empty, the
channel the user named (``--channel``), else the one the file name names.

Duplicates: a row naming the same village of the same channel as an earlier row is skipped when it
says the same (count and note), and merged into the earlier row (counts added, notes joined) when
it says something else.

A new list for a channel replaces that channel's list for the round: the earlier listings stay,
inactive, and the earlier :class:`~app.storage.models.ChannelList` records ``replaced_by``.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from sqlmodel import col, or_, select

from app.domain.channels import ListField, header_notes, recognise_channel, recognise_header
from app.domain.errors import UserError
from app.domain.names import (
    MatchKind,
    NameMatch,
    RegistryVillage,
    VillageMatcher,
    clean_name,
    township_key,
)
from app.domain.names import village_key as vkey_of
from app.domain.vocabulary import CHANNEL_SOURCE, Channel
from app.services.registry.channel_report import (
    Candidate,
    ChannelChange,
    ImportOptions,
    ImportPlan,
    ImportResult,
    ImportRow,
    RowOutcome,
)
from app.services.registry.villages import current_round, township_kind_for, village_kind_for
from app.services.tabular import Table, TableReadError, read_table
from app.storage.bulk import bulk_insert, bulk_update
from app.storage.limits import load_limits
from app.storage.locks import job
from app.storage.models import ChannelList, ChannelListing, Township, Village, utcnow
from app.storage.session import WorkspaceSession
from app.storage.workspace import Workspace

__all__ = [
    "Candidate",
    "ChannelChange",
    "ChannelImportError",
    "ImportOptions",
    "ImportPlan",
    "ImportResult",
    "ImportRow",
    "ListHistory",
    "RowOutcome",
    "apply_channel_import",
    "list_history",
    "plan_channel_import",
]


class ChannelImportError(UserError):
    """The import is refused; ``str(error)`` is one line of Chinese."""


_TOTAL_ROW = re.compile(r"^(合计|总计|小计|共计)")
_DIGITS = re.compile(r"\d+")


def _count(text: str) -> tuple[int, str]:
    """A count cell as a number (blank → 1) and a remark when it could not be read."""
    value = unicodedata.normalize("NFKC", text).strip()
    if not value:
        return 1, ""
    found = _DIGITS.search(value.replace(",", ""))
    if found is None:
        return 1, f"数量“{text}”无法识别，按 1 计"
    return max(int(found.group()), 1), ""


def _sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _read(path: Path, s: WorkspaceSession) -> Table:
    try:
        return read_table(path, limits=load_limits(s))
    except TableReadError as exc:
        raise ChannelImportError(str(exc)) from None


@dataclass
class _Registry:
    matcher: VillageMatcher
    labels: dict[str, str]
    codes: dict[str, str]
    towns: dict[str, str]  # township key → township name


_REGISTRY_CACHE: dict[tuple[str, str], _Registry] = {}


def _registry(s: WorkspaceSession) -> _Registry:
    """The matcher over the live registry; kept while the registry does not change (keys of
    5,000 villages take a moment, and seven lists are usually imported one after the other)."""
    key = (str(s.connection().engine.url), _state_token(s, "", ("township", "village")))
    cached = _REGISTRY_CACHE.get(key)
    if cached is None:
        cached = _build_registry(s)
        _REGISTRY_CACHE.clear()
        _REGISTRY_CACHE[key] = cached
    return cached


def _build_registry(s: WorkspaceSession) -> _Registry:
    towns = {t.id: t for t in s.exec(select(Township).where(col(Township.retired_at).is_(None)))}
    entries: list[RegistryVillage] = []
    labels: dict[str, str] = {}
    codes: dict[str, str] = {}
    rows = s.exec(
        select(Village.id, Village.township_id, Village.name, Village.code).where(
            col(Village.retired_at).is_(None)
        )
    ).all()
    for vid, tid, name, code in rows:
        town = towns.get(tid)
        if town is None:
            continue
        entries.append(RegistryVillage(vid, town.name, name))
        labels[vid] = f"{town.name}{name}"
        codes[vid] = code
    return _Registry(
        matcher=VillageMatcher(entries),
        labels=labels,
        codes=codes,
        towns={township_key(t.name): t.name for t in towns.values()},
    )


def _old_listings(s: WorkspaceSession, round_id: str | None, channels: set[Channel]) -> list[Any]:
    """Active listings of ``channels`` in the round: rows of (id, version, village_id, channel)."""
    if not channels:
        return []
    query = select(
        ChannelListing.id,
        ChannelListing.version,
        ChannelListing.village_id,
        ChannelListing.channel,
    ).where(
        col(ChannelListing.active).is_(True),
        col(ChannelListing.retired_at).is_(None),
        col(ChannelListing.channel).in_([c.value for c in channels]),
    )
    if round_id is None:
        query = query.where(col(ChannelListing.round_id).is_(None))
    else:
        query = query.where(
            or_(col(ChannelListing.round_id) == round_id, col(ChannelListing.round_id).is_(None))
        )
    return list(s.exec(query).all())


def _old_lists(
    s: WorkspaceSession, round_id: str | None, channels: set[Channel]
) -> list[ChannelList]:
    if not channels:
        return []
    query = select(ChannelList).where(
        col(ChannelList.replaced_by).is_(None),
        col(ChannelList.retired_at).is_(None),
        col(ChannelList.channel).in_([c.value for c in channels]),
    )
    if round_id is None:
        query = query.where(col(ChannelList.round_id).is_(None))
    else:
        query = query.where(
            or_(col(ChannelList.round_id) == round_id, col(ChannelList.round_id).is_(None))
        )
    return list(s.exec(query).all())


def _resolve_choice(value: str, candidates: tuple[Candidate, ...]) -> Candidate | None:
    text = clean_name(value)
    for c in candidates:
        if text in (c.id, c.code) and text:
            return c
    return None


_STATE_TABLES = ("township", "village", "inspection_round", "channel_list", "channel_listing")


def _state_token(s: WorkspaceSession, file_sha: str, tables: Sequence[str] = _STATE_TABLES) -> str:
    """A fingerprint of the file and of everything a plan depends on (cheap to recompute)."""
    parts = [file_sha]
    conn = s.connection()
    for table in tables:
        row = conn.exec_driver_sql(
            f"SELECT count(*), coalesce(CAST(max(updated_at) AS TEXT), ''), "
            f'coalesce(sum(version), 0) FROM "{table}"'
        ).one()
        parts.append(f"{table}:{row[0]}:{row[1]}:{row[2]}")
    return hashlib.sha256("|".join(parts).encode()).hexdigest()


def _ambiguous_row(
    base: ImportRow, match: NameMatch, registry: _Registry, options: ImportOptions
) -> ImportRow:
    """A row with several candidate villages: the user's choice, a skip, or left to choose."""
    candidates = tuple(
        Candidate(cid, registry.labels[cid], registry.codes[cid]) for cid in match.candidates
    )
    chosen = options.choices.get(base.row_number)
    picked = _resolve_choice(chosen, candidates) if chosen is not None else None
    if picked is not None:
        return replace(
            base,
            outcome=RowOutcome.MATCHED,
            reason=f"人工选定（{match.reason}）",
            village_id=picked.id,
            village_label=picked.label,
            candidates=candidates,
        )
    if chosen is not None:
        return replace(
            base,
            outcome=RowOutcome.AMBIGUOUS,
            reason=f"所选“{chosen}”不在候选之中（{match.reason}）",
            candidates=candidates,
        )
    if options.skip_ambiguous:
        return replace(base, reason=f"有歧义，按要求跳过（{match.reason}）")
    return replace(base, outcome=RowOutcome.AMBIGUOUS, reason=match.reason, candidates=candidates)


def _placed_row(
    base: ImportRow, match: NameMatch, registry: _Registry, options: ImportOptions
) -> ImportRow:
    """The row as the registry places it: matched, ambiguous, new, or skipped."""
    township, village = base.township, base.village
    if match.kind is MatchKind.MATCHED:
        assert match.village_id is not None
        return replace(
            base,
            outcome=RowOutcome.MATCHED,
            reason=match.reason,
            village_id=match.village_id,
            village_label=registry.labels[match.village_id],
        )
    if match.kind is MatchKind.AMBIGUOUS:
        return _ambiguous_row(base, match, registry, options)
    if not township:
        return replace(base, reason="名录中无此村，且未填乡镇，无法新增")
    if options.skip_new:
        return replace(base, reason="名录中无此村，按要求不新增")
    town_name = registry.towns.get(township_key(township))
    where = f"“{town_name}”" if town_name else f"新乡镇“{township}”"
    return replace(
        base,
        outcome=RowOutcome.NEW,
        reason=f"名录中无此村，将新增到{where}",
        village_label=f"{town_name or township}{village}",
    )


def _compute(s: WorkspaceSession, path: Path, options: ImportOptions) -> ImportPlan:
    table = _read(path, s)
    sha = _sha256(path)
    columns = recognise_header(table.header)
    if ListField.VILLAGE not in columns:
        raise ChannelImportError(
            f"文件“{path.name}”中找不到村名列（应有“村名”“村(社区)”“村庄名称”等表头）"
        )
    default_channel = options.channel or recognise_channel(path.name)
    if ListField.CHANNEL not in columns and default_channel is None:
        raise ChannelImportError(
            f"无法确定“{path.name}”是哪个渠道的名单：文件中没有渠道列，文件名也看不出，请指定渠道"
        )
    rnd = current_round(s)
    registry = _registry(s)

    def cell(row: list[str], name: ListField) -> str:
        index = columns.get(name)
        return row[index].strip() if index is not None and index < len(row) else ""

    rows: list[ImportRow] = []
    first_row: dict[tuple[Channel, str], int] = {}  # (channel, village or new key) → index in rows
    for number, raw in zip(table.row_numbers, table.rows, strict=True):
        township = clean_name(cell(raw, ListField.TOWNSHIP))
        village = clean_name(cell(raw, ListField.VILLAGE))
        note = cell(raw, ListField.NOTES)
        count, count_remark = _count(cell(raw, ListField.COUNT))
        channel_cell = cell(raw, ListField.CHANNEL)
        channel = recognise_channel(channel_cell) if channel_cell else default_channel
        base = ImportRow(number, channel, township, village, count, note, RowOutcome.SKIPPED, "")

        if not village:
            rows.append(replace(base, reason="村名为空"))
            continue
        if _TOTAL_ROW.match(village) or _TOTAL_ROW.match(township):
            rows.append(replace(base, reason="合计行"))
            continue
        if channel is None:
            why = f"无法识别渠道“{channel_cell}”" if channel_cell else "未指定渠道"
            rows.append(replace(base, reason=why))
            continue

        match = registry.matcher.match(township or None, village)
        row = _placed_row(base, match, registry, options)
        if count_remark and row.outcome is not RowOutcome.SKIPPED:
            row = replace(row, reason=f"{row.reason}；{count_remark}")

        if row.outcome in (RowOutcome.MATCHED, RowOutcome.NEW):
            key_village = row.village_id or f"new:{township_key(township)}/{vkey_of(village)}"
            key = (channel, key_village)
            if key in first_row:
                index = first_row[key]
                first = rows[index]
                if first.count == row.count and first.note == row.note:
                    rows.append(
                        replace(
                            row,
                            outcome=RowOutcome.SKIPPED,
                            reason=f"与第 {first.row_number} 行重复",
                        )
                    )
                else:
                    rows.append(
                        replace(
                            row,
                            reason=f"与第 {first.row_number} 行为同一村，已合并（数量相加）",
                            merged_into=first.row_number,
                        )
                    )
                continue
            first_row[key] = len(rows)
        rows.append(row)

    changes = _channel_changes(s, rnd.id if rnd else None, rows, registry)
    return ImportPlan(
        file_name=path.name,
        sha256=sha,
        round_id=rnd.id if rnd else None,
        round_name=rnd.name if rnd else "",
        rows=tuple(rows),
        channels=tuple(changes),
        options=options,
        digest=_state_token(s, sha),
        notes=tuple(header_notes(table.header, columns)),
    )


def _listed(rows: list[ImportRow], channel: Channel) -> list[ImportRow]:
    return [
        r
        for r in rows
        if r.channel is channel
        and r.outcome in (RowOutcome.MATCHED, RowOutcome.NEW)
        and r.merged_into is None
    ]


def _channel_changes(
    s: WorkspaceSession, round_id: str | None, rows: list[ImportRow], registry: _Registry
) -> list[ChannelChange]:
    channels = {r.channel for r in rows if r.channel is not None}
    old = _old_listings(s, round_id, channels)
    old_lists = _old_lists(s, round_id, channels)
    changes: list[ChannelChange] = []
    for channel in Channel:
        if channel not in channels:
            continue
        listed = _listed(rows, channel)
        new_ids = {r.village_id for r in listed if r.village_id}
        old_ids = {o.village_id for o in old if o.channel is channel}
        label = registry.labels.get
        changes.append(
            ChannelChange(
                channel=channel,
                listed=len(listed),
                joining=tuple(
                    r.village_label
                    for r in listed
                    if r.village_id is None or r.village_id not in old_ids
                ),
                staying=tuple(sorted(label(v, v) for v in new_ids & old_ids)),
                leaving=tuple(sorted(label(v, v) for v in old_ids - new_ids)),
                replaces=tuple(
                    sorted(lst.file_name for lst in old_lists if lst.channel is channel)
                ),
            )
        )
    return changes


def plan_channel_import(
    ws: Workspace, path: Path | str, options: ImportOptions | None = None
) -> ImportPlan:
    """The match report of ``path`` under ``options``; nothing is written."""
    with ws.session() as s:
        return _compute(s, Path(path), options or ImportOptions())


def apply_channel_import(ws: Workspace, path: Path | str, plan: ImportPlan) -> ImportResult:
    """Write ``plan`` (computed from ``path``) in one transaction.

    Refused when the plan still has ambiguous rows, or when the file, the registry or the
    channel lists changed since the plan was computed.
    """
    path = Path(path)
    with job("导入渠道名单"), ws.session(write=True) as s:
        if _state_token(s, _sha256(path)) != plan.digest:
            raise ChannelImportError("文件、名录或名单在预览后有变化，请重新预览后再导入")
        fresh = plan
        ambiguous = fresh.count(RowOutcome.AMBIGUOUS)
        if ambiguous:
            raise ChannelImportError(
                f"有 {ambiguous} 行无法确定是哪个村，请逐行选定或选择跳过有歧义的行"
            )
        listed = sum(c.listed for c in fresh.channels)
        if not listed and not fresh.options.allow_empty:
            raise ChannelImportError(
                f"名单“{fresh.file_name}”没有一行能列入（共 {len(fresh.rows)} 行，全部跳过），"
                "未导入，原名单不变；若确要清空该渠道的名单，请明确选择“允许空名单”"
                "（命令行加 --allow-empty）"
            )
        rnd = current_round(s, create=True)
        assert rnd is not None

        # New villages (and townships) first.
        towns = {
            township_key(t.name): t
            for t in s.exec(select(Township).where(col(Township.retired_at).is_(None)))
        }
        towns_created: list[str] = []
        villages_created: list[str] = []
        new_village_ids: dict[str, str] = {}
        for row in fresh.rows_with(RowOutcome.NEW):
            tkey = township_key(row.township)
            town = towns.get(tkey)
            if town is None:
                town = Township(name=row.township, kind=township_kind_for(row.township))
                s.add(town)
                towns[tkey] = town
                towns_created.append(town.id)
            nkey = f"{tkey}/{vkey_of(row.village)}"
            if nkey not in new_village_ids:
                village = Village(
                    township_id=town.id, name=row.village, kind=village_kind_for(row.village)
                )
                s.add(village)
                new_village_ids[nkey] = village.id
                villages_created.append(village.id)
        s.flush()

        channels = {c.channel for c in fresh.channels}
        old = _old_listings(s, rnd.id, channels)
        s.flush()
        bulk_update(s, ChannelListing, [(o.id, o.version, {"active": False}) for o in old])
        list_ids: dict[Channel, str] = {}
        lists: dict[Channel, ChannelList] = {}
        for change in fresh.channels:
            lst = ChannelList(
                round_id=rnd.id,
                channel=change.channel,
                file_name=fresh.file_name,
                sha256=fresh.sha256,
                imported_by=s.actor.username,
                rows=change.listed,
            )
            s.add(lst)
            lists[change.channel] = lst
            list_ids[change.channel] = lst.id
        for lst in _old_lists(s, rnd.id, channels):
            if lst.id not in list_ids.values():
                lst.replaced_by = list_ids[lst.channel]
                s.add(lst)

        merged_into: dict[tuple[Channel | None, int], list[ImportRow]] = {}
        for r in fresh.rows:
            if r.merged_into is not None:
                merged_into.setdefault((r.channel, r.merged_into), []).append(r)
        s.flush()
        new_rows: list[dict[str, Any]] = []
        for channel in channels:
            for row in _listed(list(fresh.rows), channel):
                merged = merged_into.get((channel, row.row_number), [])
                vid = (
                    row.village_id
                    or new_village_ids[f"{township_key(row.township)}/{vkey_of(row.village)}"]
                )
                notes = [n for n in [row.note, *(m.note for m in merged)] if n]
                new_rows.append(
                    {
                        "village_id": vid,
                        "round_id": rnd.id,
                        "channel": channel,
                        "source": CHANNEL_SOURCE[channel],
                        "count": row.count + sum(m.count for m in merged),
                        "note": "；".join(dict.fromkeys(notes)),
                        "list_id": list_ids[channel],
                        "active": True,
                        "listed_at": utcnow(),
                    }
                )
        added = len(bulk_insert(s, ChannelListing, new_rows))
        s.audit("import_channels", note=fresh.file_name)
        s.commit()
        return ImportResult(
            plan=fresh,
            round_id=rnd.id,
            list_ids=list_ids,
            townships_created=tuple(towns_created),
            villages_created=tuple(villages_created),
            listings_added=added,
            listings_deactivated=len(old),
        )


@dataclass(frozen=True)
class ListHistory:
    """One imported list, as the history shows it."""

    id: str
    channel: Channel
    file_name: str
    imported_by: str
    imported_at: str
    rows: int
    active: bool


def list_history(ws: Workspace) -> list[ListHistory]:
    """Every imported list, newest first; replaced ones are not active."""
    with ws.session() as s:
        lists = s.exec(select(ChannelList).order_by(col(ChannelList.imported_at).desc())).all()
    return [
        ListHistory(
            lst.id,
            lst.channel,
            lst.file_name,
            lst.imported_by,
            lst.imported_at.strftime("%Y-%m-%d %H:%M"),
            lst.rows,
            lst.replaced_by is None,
        )
        for lst in lists
    ]
