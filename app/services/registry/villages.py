"""The village registry: townships (乡镇/街道) and villages (村/社区) with codes.

Import from a list (CSV or .xlsx) with :func:`plan_village_import` (a report, nothing written) and
:func:`apply_village_import` (the same report, written in one transaction); edit one place at a
time with :func:`add_township`, :func:`add_village`, :func:`update_village` and
:func:`retire_village`. Every function returns what changed.

Names are stored cleaned (:func:`app.domain.names.clean_name`: full-width letters and digits made
half-width, stray spaces removed); matching uses the keys of :mod:`app.domain.names`, so 王庄 and
王庄村委会 in the same township are the same village.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum
from pathlib import Path

from sqlmodel import col, select

from app.domain.channels import ListField, recognise_header_cell
from app.domain.errors import UserError
from app.domain.names import clean_name, township_key, village_key
from app.domain.vocabulary import InspectionStyle, Tier, TownshipKind, VillageKind
from app.services.tabular import Table, TableReadError, read_table
from app.storage.bulk import bulk_insert
from app.storage.models import Batch, InspectionRound, Township, Village, utcnow
from app.storage.session import WorkspaceSession
from app.storage.workspace import Workspace


class RegistryError(UserError):
    """A registry change refused; ``str(error)`` is one line of Chinese."""


def township_kind_for(name: str) -> TownshipKind:
    return TownshipKind.SUBDISTRICT if "街道" in name else TownshipKind.TOWNSHIP


def village_kind_for(name: str) -> VillageKind:
    text = clean_name(name)
    return VillageKind.COMMUNITY if "社区" in text or "居委" in text else VillageKind.VILLAGE


def current_round(s: WorkspaceSession, *, create: bool = False) -> InspectionRound | None:
    """The newest live round (by year, then creation); with ``create``, a new one if none."""
    rnd = s.exec(
        select(InspectionRound)
        .where(col(InspectionRound.retired_at).is_(None))
        .order_by(col(InspectionRound.year).desc(), col(InspectionRound.created_at).desc())
    ).first()
    if rnd is None and create:
        year = date.today().year
        rnd = InspectionRound(name=f"{year}年村级巡察", year=year)
        s.add(rnd)
        s.flush()
    return rnd


# -- reading the registry -------------------------------------------------------------------------


@dataclass(frozen=True)
class RegistryRow:
    """One village as the registry table shows it."""

    id: str
    township_id: str
    township: str
    code: str
    name: str
    kind: VillageKind
    tier: Tier | None
    rule_tier: Tier | None
    style: InspectionStyle | None
    overridden: bool
    override_reason: str
    batch_number: int | None

    @property
    def label(self) -> str:
        return f"{self.township}{self.name}"


def _township_order(t: Township) -> tuple[str, str]:
    return (t.code or "\uffff", t.name)


def registry_ids(ws: Workspace) -> list[str]:
    """Ids of every live village, ordered by township (code, name) then village (code, name)."""
    with ws.session() as s:
        towns = {
            t.id: _township_order(t)
            for t in s.exec(select(Township).where(col(Township.retired_at).is_(None))).all()
        }
        rows = s.exec(
            select(Village.id, Village.township_id, Village.code, Village.name).where(
                col(Village.retired_at).is_(None)
            )
        ).all()
    ordered = sorted(
        (r for r in rows if r[1] in towns),
        key=lambda r: (towns[r[1]], r[2] or "\uffff", r[3]),
    )
    return [str(r[0]) for r in ordered]


def registry_rows(ws: Workspace, ids: Sequence[str] | None = None) -> list[RegistryRow]:
    """Registry rows for ``ids`` (in that order), or for every live village."""
    wanted = list(ids) if ids is not None else registry_ids(ws)
    if not wanted:
        return []
    with ws.session() as s:
        towns = {t.id: t.name for t in s.exec(select(Township)).all()}
        batches = {b.id: b.number for b in s.exec(select(Batch)).all()}
        found: dict[str, Village] = {}
        for start in range(0, len(wanted), 500):
            chunk = wanted[start : start + 500]
            for v in s.exec(select(Village).where(col(Village.id).in_(chunk))).all():
                found[v.id] = v
    out: list[RegistryRow] = []
    for vid in wanted:
        if vid not in found:
            continue
        v = found[vid]
        out.append(
            RegistryRow(
                id=v.id,
                township_id=v.township_id,
                township=towns.get(v.township_id, ""),
                code=v.code,
                name=v.name,
                kind=v.kind,
                tier=v.tier_override or v.tier,
                rule_tier=v.tier,
                style=v.style,
                overridden=v.tier_override is not None,
                override_reason=v.tier_override_reason,
                batch_number=batches.get(v.batch_id) if v.batch_id else None,
            )
        )
    return out


@dataclass(frozen=True)
class TownshipRow:
    id: str
    code: str
    name: str
    kind: TownshipKind


def townships(ws: Workspace) -> list[TownshipRow]:
    with ws.session() as s:
        rows = s.exec(select(Township).where(col(Township.retired_at).is_(None))).all()
    return [TownshipRow(t.id, t.code, t.name, t.kind) for t in sorted(rows, key=_township_order)]


# -- editing --------------------------------------------------------------------------------------


@dataclass(frozen=True)
class RegistryChange:
    """What an edit changed: ids of created and updated townships and villages."""

    townships_created: tuple[str, ...] = ()
    villages_created: tuple[str, ...] = ()
    villages_updated: tuple[str, ...] = ()
    villages_retired: tuple[str, ...] = ()


def _checked_name(raw: str, what: str) -> str:
    name = clean_name(raw)
    if not name:
        raise RegistryError(f"{what}名称不能为空")
    if len(name) > 64:
        raise RegistryError(f"{what}名称过长（最多 64 字）")
    return name


def _checked_code(raw: str) -> str:
    code = clean_name(raw)
    if len(code) > 32:
        raise RegistryError("代码过长（最多 32 位）")
    return code


def _live_villages(s: WorkspaceSession) -> list[Village]:
    return list(s.exec(select(Village).where(col(Village.retired_at).is_(None))).all())


def _clash(
    s: WorkspaceSession, township_id: str, name: str, code: str, own_id: str | None
) -> str | None:
    key = village_key(name)
    for v in _live_villages(s):
        if v.id == own_id:
            continue
        if code and v.code == code:
            return f"代码 {code} 已被“{v.name}”使用"
        if v.township_id == township_id and village_key(v.name) == key:
            return f"该乡镇已有“{v.name}”"
    return None


def add_township(ws: Workspace, name: str, code: str = "") -> RegistryChange:
    name, code = _checked_name(name, "乡镇"), _checked_code(code)
    with ws.session() as s:
        for t in s.exec(select(Township).where(col(Township.retired_at).is_(None))).all():
            if township_key(t.name) == township_key(name):
                raise RegistryError(f"名录中已有“{t.name}”")
        town = Township(name=name, code=code, kind=township_kind_for(name))
        s.add(town)
        s.commit()
        return RegistryChange(townships_created=(town.id,))


def add_village(ws: Workspace, township_id: str, name: str, code: str = "") -> RegistryChange:
    name, code = _checked_name(name, "村（社区）"), _checked_code(code)
    with ws.session() as s:
        town = s.get(Township, township_id)
        if town is None or town.retired_at is not None:
            raise RegistryError("所选乡镇不存在")
        clash = _clash(s, township_id, name, code, None)
        if clash:
            raise RegistryError(clash)
        village = Village(
            township_id=township_id, name=name, code=code, kind=village_kind_for(name)
        )
        s.add(village)
        s.commit()
        return RegistryChange(villages_created=(village.id,))


def update_village(
    ws: Workspace,
    village_id: str,
    *,
    name: str | None = None,
    code: str | None = None,
    township_id: str | None = None,
) -> RegistryChange:
    """Rename, re-code or move a village; refuses a clash with another live village."""
    with ws.session() as s:
        village = s.get(Village, village_id)
        if village is None or village.retired_at is not None:
            raise RegistryError("该村（社区）不存在或已作废")
        new_name = village.name if name is None else _checked_name(name, "村（社区）")
        new_code = village.code if code is None else _checked_code(code)
        new_town = village.township_id if township_id is None else township_id
        if township_id is not None:
            town = s.get(Township, township_id)
            if town is None or town.retired_at is not None:
                raise RegistryError("所选乡镇不存在")
        clash = _clash(s, new_town, new_name, new_code, village.id)
        if clash:
            raise RegistryError(clash)
        if (new_name, new_code, new_town) == (village.name, village.code, village.township_id):
            return RegistryChange()
        village.name, village.code, village.township_id = new_name, new_code, new_town
        village.kind = village_kind_for(new_name)
        s.add(village)
        s.commit()
        return RegistryChange(villages_updated=(village.id,))


def retire_village(ws: Workspace, village_id: str) -> RegistryChange:
    with ws.session() as s:
        village = s.get(Village, village_id)
        if village is None or village.retired_at is not None:
            raise RegistryError("该村（社区）不存在或已作废")
        village.retired_at = utcnow()
        s.add(village)
        s.commit()
        return RegistryChange(villages_retired=(village.id,))


# -- importing a list -----------------------------------------------------------------------------


class VillageOutcome(StrEnum):
    NEW = "new"
    UPDATED = "updated"
    UNCHANGED = "unchanged"
    SKIPPED = "skipped"

    @property
    def label(self) -> str:
        return {"new": "新增", "updated": "补充代码", "unchanged": "已有", "skipped": "跳过"}[
            self.value
        ]


@dataclass(frozen=True)
class VillageImportRow:
    row_number: int
    township: str
    village: str
    code: str
    outcome: VillageOutcome
    reason: str


@dataclass
class VillageImportReport:
    """What a village list adds (``written`` tells whether it was applied)."""

    file_name: str
    rows: list[VillageImportRow] = field(default_factory=list)
    new_townships: list[str] = field(default_factory=list)
    written: bool = False
    change: RegistryChange = field(default_factory=RegistryChange)

    def count(self, outcome: VillageOutcome) -> int:
        return sum(1 for r in self.rows if r.outcome is outcome)

    def summary(self) -> str:
        n = {o: self.count(o) for o in VillageOutcome}
        return (
            f"新增乡镇 {len(self.new_townships)} 个；村（社区）新增 {n[VillageOutcome.NEW]}，"
            f"补充代码 {n[VillageOutcome.UPDATED]}，已有 {n[VillageOutcome.UNCHANGED]}，"
            f"跳过 {n[VillageOutcome.SKIPPED]}"
        )


def _registry_columns(table: Table) -> dict[str, int]:
    cols: dict[str, int] = {}
    for index, cell in enumerate(table.header):
        text = clean_name(cell)
        field_ = recognise_header_cell(cell)
        if field_ is ListField.CODE and any(w in text for w in ("乡", "镇", "街道")):
            cols.setdefault("township_code", index)
        elif field_ is ListField.CODE:
            cols.setdefault("code", index)
        elif field_ is ListField.TOWNSHIP:
            cols.setdefault("township", index)
        elif field_ is ListField.VILLAGE:
            cols.setdefault("village", index)
    if "village" not in cols or "township" not in cols:
        raise RegistryError(f"文件“{table.path.name}”缺少“乡镇”或“村（社区）”列")
    return cols


def _cell(row: list[str], cols: dict[str, int], name: str) -> str:
    index = cols.get(name)
    return clean_name(row[index]) if index is not None and index < len(row) else ""


def _run_village_import(s: WorkspaceSession, table: Table, report: VillageImportReport) -> None:
    cols = _registry_columns(table)
    towns = list(s.exec(select(Township).where(col(Township.retired_at).is_(None))).all())
    town_by_key = {township_key(t.name): t for t in towns}
    town_by_code = {t.code: t for t in towns if t.code}
    villages = _live_villages(s)
    by_code = {v.code: v for v in villages if v.code}
    by_key = {(v.township_id, village_key(v.name)): v for v in villages}
    seen: dict[tuple[str, str], int] = {}
    pending: list[Village] = []
    new_towns: list[str] = []
    created: list[str] = []
    updated: list[str] = []
    for number, row in zip(table.row_numbers, table.rows, strict=True):
        tname, vname = _cell(row, cols, "township"), _cell(row, cols, "village")
        code, tcode = _cell(row, cols, "code"), _cell(row, cols, "township_code")

        def add(outcome: VillageOutcome, reason: str) -> None:
            report.rows.append(VillageImportRow(number, tname, vname, code, outcome, reason))  # noqa: B023

        if not vname or not tname:
            add(VillageOutcome.SKIPPED, "缺少乡镇或村名")
            continue
        if len(vname) > 64 or len(tname) > 64 or len(code) > 32:
            add(VillageOutcome.SKIPPED, "名称或代码过长")
            continue
        town = town_by_code.get(tcode) if tcode else None
        town = town or town_by_key.get(township_key(tname))
        if town is None:
            town = Township(name=tname, code=tcode, kind=township_kind_for(tname))
            s.add(town)
            s.flush()
            town_by_key[township_key(tname)] = town
            if tcode:
                town_by_code[tcode] = town
            new_towns.append(tname)
        key = (town.id, village_key(vname))
        if key in seen:
            add(VillageOutcome.SKIPPED, f"与第 {seen[key]} 行重复")
            continue
        seen[key] = number
        existing = by_key.get(key)
        coded = by_code.get(code) if code else None
        if coded is not None and coded is not existing:
            add(VillageOutcome.SKIPPED, f"代码 {code} 已属于“{coded.name}”")
            continue
        if existing is not None:
            if code and not existing.code:
                existing.code = code
                s.add(existing)
                by_code[code] = existing
                updated.append(existing.id)
                add(VillageOutcome.UPDATED, f"名录已有“{existing.name}”，补充代码")
            elif code and existing.code != code:
                add(VillageOutcome.SKIPPED, f"名录中“{existing.name}”的代码是 {existing.code}")
            else:
                add(VillageOutcome.UNCHANGED, f"名录已有“{existing.name}”")
            continue
        village = Village(township_id=town.id, name=vname, code=code, kind=village_kind_for(vname))
        pending.append(village)
        by_key[key] = village
        if code:
            by_code[code] = village
        created.append(village.id)
        add(VillageOutcome.NEW, "名录中无此村，新增")
    s.flush()
    # thousands of villages: one executemany, stamped and audited like the session would
    bulk_insert(
        s,
        Village,
        [
            {
                "id": v.id,
                "township_id": v.township_id,
                "code": v.code,
                "name": v.name,
                "kind": v.kind,
                "tier": None,
                "style": None,
                "tier_override": None,
                "tier_override_reason": "",
                "batch_id": None,
                "notes": "",
            }
            for v in pending
        ],
    )
    report.new_townships = new_towns
    report.change = RegistryChange(
        townships_created=tuple(town_by_key[township_key(n)].id for n in new_towns),
        villages_created=tuple(created),
        villages_updated=tuple(updated),
    )


def _read(path: Path | str) -> Table:
    try:
        return read_table(path)
    except TableReadError as exc:
        raise RegistryError(str(exc)) from None


def plan_village_import(ws: Workspace, path: Path | str) -> VillageImportReport:
    """The report of importing ``path``; nothing is written."""
    table = _read(path)
    report = VillageImportReport(file_name=Path(path).name)
    with ws.session() as s:
        _run_village_import(s, table, report)
        s.rollback()
    report.change = RegistryChange()
    return report


def apply_village_import(ws: Workspace, path: Path | str) -> VillageImportReport:
    """Import ``path`` in one transaction and return the report with what changed."""
    table = _read(path)
    report = VillageImportReport(file_name=Path(path).name)
    with ws.session() as s:
        _run_village_import(s, table, report)
        s.audit("import_villages", note=report.file_name)
        s.commit()
    report.written = True
    return report
