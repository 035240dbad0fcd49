"""Who owns a synced row, and who may write it.

Every synced row has an owner: a *party*, which is a team (its id) or the office (``"office"``).
The owner is recorded by the workspace that receives the row, from the verified signer of the
bundle that brought it (never from the row's own columns): ``sync_row_team`` holds one line per
row received from another party (record id, party, the device and bundle it came with). A row
without a line there belongs to this workspace's own party — it was made here. Office bundles also
say whose rows they carry (the office relays a team's rows between that team's laptops); a team
records that declaration, as the word of the office that signed it.

Who may write what (:func:`refusal`), the same rule for a bundle at import and for a local edit:

- a team writes its own rows: its records (:data:`RECORDS`), its follow-up (:data:`FOLLOWUP`) and
  any registry rows it added (:data:`PLAN`); and the follow-up rows of the office in its villages
  (a village it added, or one in a batch the office gave it). It never writes another team's rows
  nor the office's plan and records; its rows never point at another team's records;
- the office writes its own rows, and the plan, decisions and feedback on the teams' rows
  (:data:`RECORDS`, :data:`FOLLOWUP`, :data:`PLAN`);
- users and team rows (:data:`IDENTITY`) only by the party they belong to: a team's users and its
  own team row (settings such as 机关代字) by that team, never a user of the office, never a role
  of 巡察办, never a new team row from a team. A team receives from the office only its own users
  and the team rows of others (as the office relays them), never a change the office made to them.

- 集中整治, 制度推广 and 未巡先改 (:data:`CAMPAIGN`): the office writes them all; a team
  writes those of the villages it covers (progress, cases, checks, systems, self-check
  results, tier history), never a new task and never the office's own (:data:`OFFICE_ONLY`:
  recommendations, decisions, the work group's people, typical-problem lists).

Keys and workspace settings are not synced at all: a bundle cannot carry them.
"""

from __future__ import annotations

import weakref
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Engine

from app.domain.vocabulary import RECORD_KIND_LABELS

OFFICE = "office"
"""The office's party id (a workspace deals with one office: its own, or the one of its kit)."""

IDENTITY = frozenset({"team", "user"})
RECORDS = frozenset(
    {
        "person",
        "visit",
        "visit_person",
        "opinion_entry",
        "interview",
        "daily_wrapup",
        "problem",
        "problem_source",
        "wrapup_amendment",
        "attachment",
        "working_paper",
        "paper_copy",
    }
)
FOLLOWUP = frozenset({"rectification_notice", "clue_transfer", "ledger_item", "deadline_extension"})
PLAN = frozenset(
    {"township", "inspection_round", "batch", "village", "channel_list", "channel_listing"}
)
CAMPAIGN = frozenset(
    {
        "village_tier_change",
        "campaign_proposal",
        "campaign_decision",
        "campaign_village",
        "campaign_member",
        "campaign_task",
        "campaign_progress",
        "campaign_case",
        "campaign_cadre_change",
        "campaign_check",
        "campaign_evaluation",
        "village_system",
        "typical_problem_list",
        "typical_problem",
        "selfcheck_result",
    }
)
"""集中整治, 制度推广 and 未巡先改 rows. Every one but :data:`OFFICE_ONLY` carries its village: a
team writes them in the villages it covers (progress, cases, checks, systems, self-check results,
tier history), as it writes the office's follow-up there."""
OFFICE_ONLY = frozenset(
    {
        "campaign_proposal",
        "campaign_decision",
        "campaign_member",
        "typical_problem_list",
        "typical_problem",
    }
)
"""The office's own: its recommendations, the 区委's decisions, the work group's people, and the
typical-problem lists it publishes. A team's bundle never writes them."""
_PARENT_OF = {"task_id": "campaign_task", "campaign_id": "campaign_village"}
"""Campaign rows name the task or campaign they belong to: it must be of the same village."""
KINDS_OF_WORK = RECORDS | FOLLOWUP | PLAN | CAMPAIGN

_ITEM_TABLES = {
    "notice": "rectification_notice",
    "ledger": "ledger_item",
    "clue": "clue_transfer",
}
"""``deadline_extension.item_kind`` → the table of the item it extends."""

_ROW_TEAM = "sync_row_team"


# -- parties -------------------------------------------------------------------------------------

_OWN_PARTY: weakref.WeakKeyDictionary[Engine, str] = weakref.WeakKeyDictionary()


def own_party(conn: sa.Connection) -> str:
    """This workspace's party: ``"office"`` in an office, else the team's id."""
    engine = conn.engine
    found = _OWN_PARTY.get(engine)
    if found is not None:
        return found
    kind = conn.exec_driver_sql("SELECT value FROM workspace_meta WHERE key = 'kind'").scalar()
    party = OFFICE
    if kind != OFFICE:
        found_id = (
            conn.exec_driver_sql(
                "SELECT owner_id FROM sync_key WHERE role = 'team' ORDER BY created_at LIMIT 1"
            ).scalar()
            or conn.exec_driver_sql(
                "SELECT id FROM team WHERE kind = 'team' ORDER BY created_at LIMIT 1"
            ).scalar()
        )
        party = str(found_id or "")
    _OWN_PARTY[engine] = party
    return party


def forget_own_party(engine: Engine) -> None:
    """Drop the cached party (a workspace that has just adopted a kit)."""
    _OWN_PARTY.pop(engine, None)


def party_names(conn: sa.Connection) -> dict[str, str]:
    """Party id → the name a person reads (巡察办, or the team's name)."""
    names = {str(i): str(n) for i, n in conn.exec_driver_sql("SELECT id, name FROM team")}
    names[OFFICE] = "巡察办"
    return names


def describe(party: str, names: Mapping[str, str]) -> str:
    return names.get(party) or ("巡察办" if party == OFFICE else f"巡察组 {party[:8]}")


def label(table: str) -> str:
    return RECORD_KIND_LABELS.get(table, table)


# -- recorded owners -------------------------------------------------------------------------------


def recorded_owners(conn: sa.Connection, ids: Iterable[str]) -> dict[str, str]:
    """The recorded owner of each of ``ids`` that has one (absent: this workspace's own)."""
    wanted = sorted(set(ids))
    out: dict[str, str] = {}
    for i in range(0, len(wanted), 500):
        chunk = wanted[i : i + 500]
        for rid, party in conn.execute(
            sa.text(
                f"SELECT record_id, team_id FROM {_ROW_TEAM} WHERE record_id IN :ids"
            ).bindparams(sa.bindparam("ids", expanding=True)),
            {"ids": chunk},
        ):
            out[str(rid)] = str(party)
    return out


def declared_owners(conn: sa.Connection, ids: Iterable[str]) -> dict[str, list[str]]:
    """Party → the ids among ``ids`` it owns, for rows this workspace holds from other parties
    (the rest are this workspace's own)."""
    out: dict[str, list[str]] = {}
    for rid, party in sorted(recorded_owners(conn, ids).items()):
        out.setdefault(party, []).append(rid)
    return out


def record_owners(
    conn: sa.Connection,
    items: Iterable[tuple[str, str, str]],
    *,
    device: str = "",
    bundle: str = "",
    at: Any = None,
) -> None:
    """Record ``(table, record id, party)`` for rows received from another party (rows of this
    workspace's own party need no line). An existing line is kept: the first owner stays."""
    own = own_party(conn)
    rows = [
        {
            "record_id": rid,
            "table_name": table,
            "team_id": party,
            "device_id": device,
            "bundle_id": bundle,
            "recorded_at": at,
        }
        for table, rid, party in items
        if party != own
    ]
    if not rows:
        return
    from app.storage.dialect import insert_ignoring_duplicates
    from app.storage.models import SyncRowTeam

    insert_ignoring_duplicates(conn, SyncRowTeam.__table__, rows)  # type: ignore[attr-defined]


# -- the rule ------------------------------------------------------------------------------------


@dataclass
class Facts:
    """What the rule needs to know beyond the row itself: the owners of other rows and where a
    follow-up row is. ``pending`` holds rows arriving in the same bundle (id → (owner, table,
    values)) so a row may point at a parent that comes with it."""

    conn: sa.Connection
    own: str
    pending: dict[str, tuple[str, str, dict[str, Any]]] = field(default_factory=dict)
    _owners: dict[str, str] = field(default_factory=dict)
    _known: set[str] = field(default_factory=set)

    def prefetch(self, ids: Iterable[str]) -> None:
        wanted = {i for i in ids if i and i not in self._known and i not in self.pending}
        if not wanted:
            return
        self._owners.update(recorded_owners(self.conn, wanted))
        self._known.update(wanted)

    def owner_of(self, rid: str) -> str:
        if rid in self.pending:
            return self.pending[rid][0]
        self.prefetch([rid])
        return self._owners.get(rid, self.own)

    def values_of(self, table: str, rid: str) -> dict[str, Any] | None:
        got = self.pending.get(rid)
        if got is not None and got[1] == table:
            return got[2]
        row = (
            self.conn.execute(sa.text(f'SELECT * FROM "{table}" WHERE id = :id'), {"id": rid})
            .mappings()
            .first()
        )
        return None if row is None else dict(row)

    def village_of(self, table: str, values: Mapping[str, Any]) -> str | None:
        """The village a follow-up row is about."""
        if table in ("rectification_notice", "ledger_item") or table in CAMPAIGN:
            v = values.get("village_id")
            return None if v is None else str(v)
        if table == "clue_transfer":
            problem = self.values_of("problem", str(values.get("problem_id") or ""))
            return None if problem is None else str(problem.get("village_id") or "") or None
        if table == "deadline_extension":
            item_table = _ITEM_TABLES.get(str(values.get("item_kind") or ""))
            item = (
                None if item_table is None else self.values_of(item_table, str(values["item_id"]))
            )
            return None if item is None or item_table is None else self.village_of(item_table, item)
        return None

    def village_parties(self, village_id: str | None) -> set[str]:
        """The parties a village belongs to: who added it, and the team of its batch."""
        if not village_id:
            return set()
        out = {self.owner_of(village_id)}
        village = self.values_of("village", village_id)
        batch_id = None if village is None else village.get("batch_id")
        if batch_id:
            batch = self.values_of("batch", str(batch_id))
            if batch is not None and batch.get("team_id"):
                out.add(str(batch["team_id"]))
        return out


_FK_CACHE: dict[str, list[tuple[str, str]]] = {}


def references(table: str) -> list[tuple[str, str]]:
    """The (column, target table) foreign keys of a synced table."""
    if not _FK_CACHE:
        from app.storage.models import SYNCED_MODELS

        for model in SYNCED_MODELS:
            t = model.__table__  # type: ignore[attr-defined]
            _FK_CACHE[str(t.name)] = [
                (fk.parent.name, fk.column.table.name) for fk in t.foreign_keys
            ]
    return _FK_CACHE.get(table, [])


def _team_refusal(writer: str, owner: str, *, new: bool, values: Mapping[str, Any]) -> str | None:
    """A team row: only the office creates one; each side changes only its own."""
    rid = str(values.get("id"))
    if new:
        if writer != OFFICE:
            return "巡察组不能新建巡察组"
        if values.get("kind") != "team" or owner not in (rid, OFFICE):
            return "巡察组信息不符"
        return None
    if owner != writer:
        return "巡察组信息只能由该组自己修改"
    expected = "office" if writer == OFFICE else "team"
    if values.get("kind") != expected or (writer != OFFICE and rid != writer):
        return "巡察组信息不符"
    return None


def _user_refusal(
    writer: str,
    owner: str,
    receiver: str,
    values: Mapping[str, Any],
    stored: Mapping[str, Any] | None,
) -> str | None:
    """A user row: written by its own party, never lifted to another team or to the office."""
    if owner != writer:
        return "用户只能由其所属一方修改"
    if writer == OFFICE:
        if receiver != OFFICE:
            return "巡察办的用户不能写入巡察组"
        return None
    if receiver != OFFICE and owner != receiver:
        return "其他巡察组的用户不能写入本组"
    if values.get("team_id") != writer or values.get("role") == "office":
        return "用户的所属组或角色越权"
    if stored is not None and stored.get("role") == "office":
        return "用户的所属组或角色越权"
    return None


def _party_refusal(
    writer: str,
    owner: str,
    table: str,
    values: Mapping[str, Any],
    facts: Facts,
    stored: Mapping[str, Any] | None,
) -> str | None:
    """A team's row of work: its own, or the office's follow-up about a village it inspects."""
    if owner == writer:
        pass
    elif owner == OFFICE and (table in FOLLOWUP or table in CAMPAIGN):
        villages = [facts.village_of(table, values)]
        if stored is not None:
            villages.append(facts.village_of(table, stored))
        if not all(v and writer in facts.village_parties(v) for v in villages):
            return "不是本组所巡村的整改事项"
    else:
        return "不是本组的记录"
    return None


def _reference_refusal(
    writer: str, table: str, values: Mapping[str, Any], facts: Facts
) -> str | None:
    """A team's rows point only at its own records or the office's, never another team's."""
    if table == "daily_wrapup" and values.get("team_id") != writer:
        return "昼巡夜结不属于本组"
    targets = [(str(values[c]), t) for c, t in references(table) if values.get(c)]
    if table == "deadline_extension":
        item_table = _ITEM_TABLES.get(str(values.get("item_kind") or ""))
        if item_table is None:
            return "延期记录的事项类别无效"
        targets.append((str(values.get("item_id") or ""), item_table))
    facts.prefetch(t for t, _ in targets)
    for target, target_table in targets:
        if target_table in RECORDS | FOLLOWUP and facts.owner_of(target) not in (writer, OFFICE):
            return f"引用了其他巡察组的{label(target_table)}"
    return None


def _campaign_village_refusal(
    writer: str,
    table: str,
    values: Mapping[str, Any],
    stored: Mapping[str, Any] | None,
    facts: Facts,
) -> str | None:
    """A team's campaign row must be of a village the team covers, and of the same village as the
    task or campaign it names (before and after the change)."""
    for row in (values, stored):
        if row is None:
            continue
        village = str(row.get("village_id") or "")
        if not village or writer not in facts.village_parties(village):
            return "不是本组所巡村的集中整治事项"
        for column, parent_table in _PARENT_OF.items():
            parent_id = row.get(column)
            if not parent_id:
                continue
            got = facts.pending.get(str(parent_id))
            parent = got[2] if got is not None else facts.values_of(parent_table, str(parent_id))
            if parent is None or str(parent.get("village_id") or "") != village:
                return "所属的集中整治任务不在同一个村"
    return None


def refusal(
    writer: str,
    owner: str,
    table: str,
    *,
    new: bool,
    values: Mapping[str, Any],
    facts: Facts,
    stored: Mapping[str, Any] | None = None,
) -> str | None:
    """Why ``writer`` may not create (``new``) or change a row of ``table`` owned by ``owner``
    with content ``values`` — or None when it may. ``stored`` is the row as held before the
    change (None for a new row)."""
    if table == "team":
        return _team_refusal(writer, owner, new=new, values=values)
    if table == "user":
        return _user_refusal(writer, owner, facts.own, values, stored)
    if table not in KINDS_OF_WORK:
        return "这类数据不能同步"
    if writer == OFFICE:
        return None  # the office's plan, decisions and feedback, on its rows and the teams'
    if table in OFFICE_ONLY:
        return "集中整治的建议、决定、工作组人员和典型问题清单由巡察办填写"
    if table in CAMPAIGN:
        if new and table == "campaign_task":
            return "集中整治任务由巡察办制定"
        why = _campaign_village_refusal(writer, table, values, stored, facts)
        if why is not None:
            return why
    why = _party_refusal(writer, owner, table, values, facts, stored)
    if why is not None:
        return why
    return _reference_refusal(writer, table, values, facts)


def local_refusal(conn: sa.Connection, items: list[tuple[str, str]]) -> str | None:
    """Why this workspace's own user may not change the rows ``(table, id)`` — the same rule as
    for a bundle, so that a change made here is one the other side accepts — or None."""
    owners = recorded_owners(conn, [rid for _t, rid in items])
    if not owners:
        return None
    own = own_party(conn)
    facts = Facts(conn, own)
    names: dict[str, str] | None = None
    for table, rid in items:
        owner = owners.get(rid, own)
        if owner == own:
            continue
        values = facts.values_of(table, rid)
        if values is None:
            continue
        why = refusal(own, owner, table, new=False, values=values, facts=facts, stored=values)
        if why is not None:
            names = names or party_names(conn)
            me = "巡察办" if own == OFFICE else "本组"
            return (
                f"这条{label(table)}属于{describe(owner, names)}，{me}不能修改（{why}）；"
                f"请由{describe(owner, names)}修改后通过同步包发来。"
            )
    return None


# -- what ``check`` reports ----------------------------------------------------------------------


def findings(conn: sa.Connection, tables: Iterable[str]) -> list[str]:
    """Rows whose recorded owner disagrees with the row: an owner line for a row that is not
    there (or of another kind), a user or team row that cannot belong to its owner, or a row
    last written by a device of a party that may not write it."""
    out: list[str] = []
    own = own_party(conn)
    names = party_names(conn)
    tables = list(tables)
    lines = {
        str(r): (str(t), str(p))
        for r, t, p in conn.exec_driver_sql(
            f"SELECT record_id, table_name, team_id FROM {_ROW_TEAM}"
        )
    }
    devices = {
        str(d): str(t)
        for d, t in conn.exec_driver_sql("SELECT device_id, team_id FROM sync_device")
    }
    own_device = conn.exec_driver_sql(
        "SELECT value FROM workspace_meta WHERE key = 'device_id'"
    ).scalar()
    devices[str(own_device)] = own
    seen: set[str] = set()
    wrong_writer: list[tuple[str, str, str, str]] = []
    bad_identity: list[tuple[str, str]] = []
    facts = Facts(conn, own)
    for table in tables:
        extra = {"user": ", team_id, role", "team": ", kind"}.get(table, "")
        for row in conn.exec_driver_sql(f'SELECT id, origin{extra} FROM "{table}"'):
            rid = str(row[0])
            seen.add(rid)
            line = lines.get(rid)
            if line is not None and line[0] != table:
                out.append(f"归属记录与数据不符：{label(table)} {rid[:8]} 记为{label(line[0])}")
                continue
            owner = own if line is None else line[1]
            if (
                table == "user" and owner != OFFICE and (row[2] != owner or row[3] == "office")
            ) or (table == "team" and own == OFFICE and owner not in (rid, OFFICE)):
                bad_identity.append((table, rid))
            writer = devices.get(str(row[1]))
            if writer is None or writer == owner or (table == "team" and writer == OFFICE):
                continue  # (the office provisions team rows: its stamp stays until the team's)
            values = facts.values_of(table, rid) or {}
            why = refusal(
                writer, owner, table, new=False, values=values, facts=facts, stored=values
            )
            if why is not None:
                wrong_writer.append((table, rid, owner, writer))
    missing = sorted(r for r in lines if r not in seen)
    if missing:
        out.append(f"归属记录指向不存在的记录：{len(missing)} 条（如 {missing[0][:8]}）")
    if bad_identity:
        t, r = bad_identity[0]
        out.append(
            f"用户或巡察组的归属与其内容不符：{len(bad_identity)} 条（如 {label(t)} {r[:8]}）"
        )
    if wrong_writer:
        t, r, owner, writer = wrong_writer[0]
        out.append(
            f"记录的归属与最后修改者不符：{len(wrong_writer)} 条（如 {label(t)} {r[:8]}："
            f"属{describe(owner, names)}，最后由{describe(writer, names)}的设备修改）"
        )
    return out
