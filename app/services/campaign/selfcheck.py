"""未巡先改: the 典型问题清单 of a batch and the self-check results of the villages not yet
inspected.

1. :func:`draft_list` (office): the problems found in the villages of batches up to ``after_batch``
   grouped by kind, each kind one item — its commonest cases generalised (:func:`~app.domain.
   campaign.generalise`: no person, no village, no township) and what a village should check.
   The office edits the items (:func:`add_item`, :func:`edit_item`, :func:`retire_item`).
2. :func:`publish` refuses a list that still names anyone or any place, then writes, for each
   township with villages in later batches, one packet (.zip): the list as PDF and the self-check
   form (.xlsx) for its villages. The list also travels to every team in the sync bundles.
3. The villages' answers are recorded per village and item (:func:`record_result`, or
   :func:`import_results` from the returned forms), with evidence photos.
4. When a village's batch comes, the team sees what it reported of itself
   (:func:`village_results`) and verifies each answer (:func:`verify`: 属实 / 不属实).
"""

from __future__ import annotations

import zipfile
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

from sqlmodel import col, select

from app.documents.typical_list import ListDoc, ListItem, render_typical_list
from app.domain.campaign import (
    SELF_CHECK_REQUIREMENTS,
    CampaignRefused,
    SelfCheckFix,
    SelfCheckFound,
    Verdict,
    check_text,
    generalise,
    names_in,
    pair_id,
)
from app.domain.formats import batch_ordinal
from app.domain.vocabulary import ProblemCategory, ProblemStatus
from app.files import atomic_path
from app.media import ProcessedPhoto
from app.services.attachments import add_attachment_rows, photos_of, stage_photos
from app.services.campaign.common import Changed, require_office, today_or, village_places
from app.services.campaign.xlsx import FORM_HEADER, selfcheck_form_bytes
from app.services.followup.numbering import own_team
from app.services.fonts import workspace_fonts
from app.services.registry.villages import current_round
from app.services.tabular import TableReadError, read_table
from app.storage.limits import load_limits
from app.storage.models import (
    Batch,
    CampaignMember,
    ClueTransfer,
    InspectionRound,
    Person,
    Problem,
    SelfCheckResult,
    Township,
    TypicalProblem,
    TypicalProblemList,
    User,
    Village,
    utcnow,
)
from app.storage.session import WorkspaceSession
from app.storage.workspace import Workspace

__all__ = [
    "FORM_HEADER",
    "ImportSummary",
    "ListInfo",
    "ResultRow",
    "SelfCheckVillage",
    "add_item",
    "draft_list",
    "edit_item",
    "import_results",
    "known_names",
    "list_info",
    "lists",
    "publish",
    "record_result",
    "retire_item",
    "selfcheck_villages",
    "verify",
    "village_results",
]

_MIN_EXAMPLES = 3


def known_names(s: WorkspaceSession) -> list[str]:
    """Every name a typical-problem list must not contain: people, villages, townships."""
    names: set[str] = set()
    names.update(s.exec(select(Person.name)).all())
    names.update(s.exec(select(ClueTransfer.person_name)).all())
    names.update(s.exec(select(User.display_name)).all())
    names.update(s.exec(select(CampaignMember.name)).all())
    for v in s.exec(select(Village.name)).all():
        names.add(v)
        for suffix in ("社区", "村"):
            if v.endswith(suffix) and len(v) - len(suffix) >= 2:
                names.add(v[: -len(suffix)])
    for t in s.exec(select(Township.name)).all():
        names.add(t)
        for suffix in ("街道", "镇", "乡"):
            if t.endswith(suffix) and len(t) - len(suffix) >= 2:
                names.add(t[: -len(suffix)])
    return sorted({n.strip() for n in names if n and len(n.strip()) >= 2}, key=len, reverse=True)


def _batches_upto(s: WorkspaceSession, after_batch: int) -> tuple[str | None, set[str], set[str]]:
    """(round id, batch ids ≤ after_batch, batch ids > after_batch) of the current round."""
    rnd = current_round(s)
    if rnd is None:
        raise CampaignRefused("还没有巡察轮次和批次安排。")
    batches = s.exec(
        select(Batch).where(Batch.round_id == rnd.id, col(Batch.retired_at).is_(None))
    ).all()
    done = {b.id for b in batches if b.number <= after_batch}
    later = {b.id for b in batches if b.number > after_batch}
    if not done:
        raise CampaignRefused(f"本轮没有{batch_ordinal(after_batch)}。")
    return rnd.id, done, later


def _kind(p: Problem) -> str:
    if p.category is ProblemCategory.CLUE:
        return "clue"
    if p.subcategory is not None:
        return p.subcategory.value
    return "general_other" if p.category is ProblemCategory.GENERAL else "livelihood_other"


def _kind_label(code: str) -> str:
    from app.domain.vocabulary import Subcategory

    if code == "clue":
        return "违纪违法问题"
    return Subcategory(code).label


def draft_list(
    ws: Workspace, after_batch: int, *, title: str = "", today: date | None = None
) -> Changed:
    """A new (unpublished) list from the problems of the batches up to ``after_batch``."""
    require_office(ws, "整理典型问题清单")
    out = Changed()
    with ws.session() as s:
        round_id, done, _later = _batches_upto(s, after_batch)
        village_ids = [
            v.id for v in s.exec(select(Village).where(col(Village.batch_id).in_(list(done)))).all()
        ]
        problems = s.exec(
            select(Problem).where(
                col(Problem.village_id).in_(village_ids),
                col(Problem.retired_at).is_(None),
                Problem.status != ProblemStatus.MERGED,
                col(Problem.category).is_not(None),
            )
        ).all()
        if not problems:
            raise CampaignRefused("这些批次还没有已研判的问题，无法整理典型问题清单。")
        names = known_names(s)
        groups: dict[str, Counter[str]] = defaultdict(Counter)
        for p in problems:
            text = generalise(p.description, names)
            if text and not names_in(text, names):
                groups[_kind(p)][text] += 1
        rnd = s.get(InspectionRound, round_id)
        rnd_name = rnd.name if rnd else ""
        lst = TypicalProblemList(
            round_id=round_id,
            after_batch=after_batch,
            title=(title.strip() or f"{rnd_name}{batch_ordinal(after_batch)}村级巡察典型问题清单")[
                :200
            ],
        )
        s.add(lst)
        s.flush()
        out.add(lst)
        ordered = sorted(groups.items(), key=lambda kv: (-sum(kv[1].values()), kv[0]))
        for seq, (code, counter) in enumerate(ordered, start=1):
            examples = [t for t, _ in counter.most_common(_MIN_EXAMPLES)]
            item = TypicalProblem(
                list_id=lst.id,
                seq=seq,
                category=_kind_label(code),
                text="；".join(examples) + "等问题",
                requirement=SELF_CHECK_REQUIREMENTS.get(
                    code, SELF_CHECK_REQUIREMENTS["general_other"]
                ),
            )
            s.add(item)
            out.add(item)
        s.flush()
        s.audit("typical_list_draft", lst, note=f"{len(ordered)} 条")
        s.commit()
    out.message = f"已整理典型问题清单：{len(ordered)}条。"
    return out


def _live_list(s: WorkspaceSession, list_id: str) -> TypicalProblemList:
    lst = s.get(TypicalProblemList, list_id)
    if lst is None or lst.retired_at is not None:
        raise CampaignRefused("找不到这份典型问题清单。")
    return lst


def _editable(lst: TypicalProblemList) -> None:
    if lst.published_on is not None:
        raise CampaignRefused("清单已印发，不能再修改。")


def add_item(ws: Workspace, list_id: str, *, category: str, text: str, requirement: str) -> Changed:
    require_office(ws, "修改典型问题清单")
    out = Changed()
    with ws.session() as s:
        lst = _live_list(s, list_id)
        _editable(lst)
        last = max((i.seq for i in _items(s, lst.id)), default=0)
        item = TypicalProblem(
            list_id=lst.id,
            seq=last + 1,
            category=check_text(category, "问题类别", "category", limit=64),
            text=check_text(text, "典型问题", "text"),
            requirement=check_text(requirement, "自查要求", "requirement"),
        )
        s.add(item)
        s.flush()
        out.add(item)
        s.commit()
    return out


def edit_item(
    ws: Workspace, item_id: str, *, text: str | None = None, requirement: str | None = None
) -> Changed:
    require_office(ws, "修改典型问题清单")
    out = Changed()
    with ws.session() as s:
        item = s.get(TypicalProblem, item_id)
        if item is None or item.retired_at is not None:
            raise CampaignRefused("找不到这一条典型问题。")
        _editable(_live_list(s, item.list_id))
        if text is not None:
            item.text = check_text(text, "典型问题", "text")
        if requirement is not None:
            item.requirement = check_text(requirement, "自查要求", "requirement")
        s.add(item)
        out.add(item)
        s.commit()
    return out


def retire_item(ws: Workspace, item_id: str) -> Changed:
    require_office(ws, "修改典型问题清单")
    out = Changed()
    with ws.session() as s:
        item = s.get(TypicalProblem, item_id)
        if item is None or item.retired_at is not None:
            raise CampaignRefused("找不到这一条典型问题。")
        _editable(_live_list(s, item.list_id))
        item.retired_at = utcnow()
        s.add(item)
        out.add(item)
        s.commit()
    return out


def _items(s: WorkspaceSession, list_id: str) -> list[TypicalProblem]:
    return list(
        s.exec(
            select(TypicalProblem)
            .where(TypicalProblem.list_id == list_id, col(TypicalProblem.retired_at).is_(None))
            .order_by(col(TypicalProblem.seq))
        ).all()
    )


@dataclass(frozen=True)
class ListInfo:
    list_id: str
    title: str
    after_batch: int
    published_on: date | None
    items: tuple[tuple[str, int, str, str, str], ...]
    """(item id, number, category, text, requirement)."""
    results: int


def _info(s: WorkspaceSession, lst: TypicalProblemList) -> ListInfo:
    items = _items(s, lst.id)
    results = len(
        s.exec(
            select(SelfCheckResult.id).where(
                SelfCheckResult.list_id == lst.id, col(SelfCheckResult.retired_at).is_(None)
            )
        ).all()
    )
    return ListInfo(
        lst.id,
        lst.title,
        lst.after_batch,
        lst.published_on,
        tuple((i.id, n, i.category, i.text, i.requirement) for n, i in enumerate(items, start=1)),
        results,
    )


def list_info(ws: Workspace, list_id: str) -> ListInfo:
    with ws.session() as s:
        return _info(s, _live_list(s, list_id))


def lists(ws: Workspace) -> list[ListInfo]:
    with ws.session() as s:
        rows = s.exec(
            select(TypicalProblemList)
            .where(col(TypicalProblemList.retired_at).is_(None))
            .order_by(col(TypicalProblemList.created_at))
        ).all()
        return [_info(s, r) for r in rows]


def publish(
    ws: Workspace, list_id: str, out_dir: Path, *, on: date | None = None, due_days: int = 30
) -> list[Path]:
    """Publish the list and write one packet (.zip: PDF + self-check form) per township with
    villages in later batches; returns the packets' paths."""
    require_office(ws, "印发典型问题清单")
    on = today_or(on)
    with ws.session() as s:
        lst = _live_list(s, list_id)
        items = _items(s, lst.id)
        if not items:
            raise CampaignRefused("清单没有任何条目。")
        names = known_names(s)
        for n, item in enumerate(items, start=1):
            found = names_in(f"{item.text}{item.requirement}", names)
            if found:
                raise CampaignRefused(
                    f"清单第{n}条含有人名或地名，请修改后再印发（未巡先改清单不得点名道姓）。"
                )
        round_id = lst.round_id
        later = {
            b.id
            for b in s.exec(
                select(Batch).where(
                    Batch.round_id == round_id,
                    col(Batch.retired_at).is_(None),
                    Batch.number > lst.after_batch,
                )
            ).all()
        }
        villages = s.exec(
            select(Village)
            .where(col(Village.batch_id).in_(list(later)), col(Village.retired_at).is_(None))
            .order_by(col(Village.code), col(Village.name))
        ).all()
        if not villages:
            raise CampaignRefused("本轮之后的批次中没有待巡察的村（社区）。")
        towns = {t.id: t for t in s.exec(select(Township)).all()}
        team = own_team(s, ws.user_id)
        issuer = team.issuing_body or team.name
        lst.published_on = on
        s.add(lst)
        s.flush()
        s.audit("typical_list_publish", lst, note=f"{len(items)} 条")
        s.commit()
        title = lst.title
    by_town: dict[str, list[Village]] = defaultdict(list)
    for v in villages:
        by_town[v.township_id].append(v)
    rows = tuple((i.id, n, i.category, i.text, i.requirement) for n, i in enumerate(items, 1))
    paths: list[Path] = []
    for tid, vs in sorted(by_town.items(), key=lambda kv: towns[kv[0]].code or towns[kv[0]].name):
        town = towns[tid]
        doc = ListDoc(
            title=title,
            issuer=issuer,
            on=on,
            township=town.name,
            committee=town.party_committee or f"中共{town.name}委员会",
            due=on + timedelta(days=due_days),
            villages=[v.name for v in vs],
            items=[ListItem(n, c, t, r) for _, n, c, t, r in rows],
        )
        pdf = render_typical_list(doc, fonts=workspace_fonts(ws))
        form = selfcheck_form_bytes(
            f"{title}·自查表（{town.name}）", [(v.id, v.name) for v in vs], rows, town.name
        )
        path = out_dir / f"未巡先改-{town.name}-{on.isoformat()}.zip"
        with atomic_path(path) as tmp, zipfile.ZipFile(tmp, "w", zipfile.ZIP_DEFLATED) as z:
            z.writestr(f"典型问题清单-{town.name}.pdf", pdf)
            z.writestr(f"未巡先改自查表-{town.name}.xlsx", form)
        paths.append(path)
    return paths


# -- results -----------------------------------------------------------------------------------
def _check_answer(found: SelfCheckFound, fixed: SelfCheckFix) -> None:
    if found is SelfCheckFound.NOT_FOUND and fixed is not SelfCheckFix.NOT_NEEDED:
        raise CampaignRefused("自查不存在的问题，整改情况应为“无需整改”。", "fixed")
    if found is SelfCheckFound.FOUND and fixed is SelfCheckFix.NOT_NEEDED:
        raise CampaignRefused("自查存在的问题，请填写整改情况。", "fixed")


def _record_in(
    s: WorkspaceSession,
    village_id: str,
    item: TypicalProblem,
    found: SelfCheckFound,
    fixed: SelfCheckFix,
    note: str,
    reported_on: date,
    reported_by: str,
) -> SelfCheckResult:
    rid = pair_id("selfcheck_result", village_id, item.id)
    row = s.get(SelfCheckResult, rid)
    if row is None:
        row = SelfCheckResult(
            id=rid,
            village_id=village_id,
            list_id=item.list_id,
            item_id=item.id,
            found=found,
            reported_on=reported_on,
        )
    row.found, row.fixed = found, fixed
    row.note = note.strip()[:2000]
    row.reported_on = reported_on
    row.reported_by = reported_by.strip()[:100]
    row.retired_at = None
    s.add(row)
    return row


def record_result(
    ws: Workspace,
    village_id: str,
    item_id: str,
    *,
    found: SelfCheckFound,
    fixed: SelfCheckFix = SelfCheckFix.NOT_NEEDED,
    note: str = "",
    reported_on: date | None = None,
    reported_by: str = "",
    photos: Sequence[ProcessedPhoto] = (),
) -> Changed:
    """What a village reported of itself against one item (a new report replaces the old one)."""
    _check_answer(found, fixed)
    names = stage_photos(ws, list(photos)) if photos else []
    out = Changed()
    with ws.session() as s:
        item = s.get(TypicalProblem, item_id)
        if item is None or item.retired_at is not None:
            raise CampaignRefused("找不到这一条典型问题。")
        v = s.get(Village, village_id)
        if v is None or v.retired_at is not None:
            raise CampaignRefused("找不到这个村（社区）。")
        row = _record_in(s, v.id, item, found, fixed, note, today_or(reported_on), reported_by)
        s.flush()
        out.add(row)
        for att in add_attachment_rows(s, "selfcheck_result", row.id, list(photos), names):
            out.add(att)
        s.commit()
    return out


@dataclass
class ImportSummary:
    recorded: int = 0
    blank: int = 0
    problems: list[str] | None = None


def import_results(ws: Workspace, path: Path, *, reported_on: date | None = None) -> ImportSummary:
    """Read a returned self-check form; rows left blank are skipped, a bad row is named."""
    try:
        table = read_table(path, limits=load_limits(ws))
    except TableReadError as exc:
        raise CampaignRefused(str(exc)) from None
    need = ("是否存在", "整改情况", "自查说明", "填报单位", "村编号", "条目编号")
    idx = {h: i for i, h in enumerate(table.header)}
    missing = [h for h in need if h not in idx]
    if missing:
        raise CampaignRefused(f"这不是未巡先改自查表（缺少“{'、'.join(missing)}”列）。")
    found_by = {f.label: f for f in SelfCheckFound}
    fixed_by = {f.label: f for f in SelfCheckFix}
    summary = ImportSummary(problems=[])
    on = today_or(reported_on)
    with ws.session() as s:
        for number, cells in zip(table.row_numbers, table.rows, strict=True):
            found_text = cells[idx["是否存在"]].strip()
            fixed_text = cells[idx["整改情况"]].strip()
            if not found_text and not fixed_text:
                summary.blank += 1
                continue
            found = found_by.get(found_text)
            if found is None:
                raise CampaignRefused(f"第{number}行“是否存在”应为：存在 或 不存在。")
            fixed = fixed_by.get(fixed_text or SelfCheckFix.NOT_NEEDED.label)
            if fixed is None:
                choices = "、".join(fixed_by)
                raise CampaignRefused(f"第{number}行“整改情况”应为：{choices}。")
            try:
                _check_answer(found, fixed)
            except CampaignRefused as exc:
                raise CampaignRefused(f"第{number}行：{exc}") from None
            item = s.get(TypicalProblem, cells[idx["条目编号"]])
            village = s.get(Village, cells[idx["村编号"]])
            if item is None or village is None:
                raise CampaignRefused(
                    f"第{number}行的村（社区）或条目编号不对，请使用印发的自查表。"
                )
            _record_in(
                s,
                village.id,
                item,
                found,
                fixed,
                cells[idx["自查说明"]],
                on,
                cells[idx["填报单位"]],
            )
            summary.recorded += 1
        if summary.recorded:
            s.audit("selfcheck_import", note=f"{summary.recorded} 条")
        s.commit()
    return summary


@dataclass(frozen=True)
class ResultRow:
    result_id: str
    list_title: str
    number: int
    category: str
    text: str
    found: SelfCheckFound
    fixed: SelfCheckFix
    note: str
    reported_on: date
    reported_by: str
    verdict: Verdict
    verify_note: str
    photos: int


def village_results(ws: Workspace, village_id: str) -> list[ResultRow]:
    """What the village reported of itself, item by item, with the verification so far."""
    with ws.session() as s:
        rows = s.exec(
            select(SelfCheckResult).where(
                SelfCheckResult.village_id == village_id, col(SelfCheckResult.retired_at).is_(None)
            )
        ).all()
        lists_ = {
            lst.id: lst
            for lst in s.exec(
                select(TypicalProblemList).where(
                    col(TypicalProblemList.id).in_({r.list_id for r in rows})
                )
            ).all()
        }
        items = {
            i.id: i
            for i in s.exec(
                select(TypicalProblem).where(col(TypicalProblem.id).in_({r.item_id for r in rows}))
            ).all()
        }
    out: list[ResultRow] = []
    for r in rows:
        item = items.get(r.item_id)
        lst = lists_.get(r.list_id)
        if item is None or lst is None:
            continue
        out.append(
            ResultRow(
                r.id,
                lst.title,
                item.seq,
                item.category,
                item.text,
                r.found,
                r.fixed,
                r.note,
                r.reported_on,
                r.reported_by,
                r.verdict,
                r.verify_note,
                len(photos_of(ws, "selfcheck_result", r.id)),
            )
        )
    out.sort(key=lambda r: (r.list_title, r.number))
    return out


def verify(
    ws: Workspace,
    result_id: str,
    verdict: Verdict,
    *,
    note: str = "",
    on: date | None = None,
) -> Changed:
    """The team's verification of one answer (属实 / 不属实, with a note when 不属实)."""
    if verdict is Verdict.PENDING:
        raise CampaignRefused("请选择核实结论：属实 或 不属实。", "verdict")
    if verdict is Verdict.DISPUTED:
        note = check_text(note, "核实情况", "note")
    out = Changed()
    with ws.session() as s:
        row = s.get(SelfCheckResult, result_id)
        if row is None or row.retired_at is not None:
            raise CampaignRefused("找不到这条自查结果。")
        user = s.get(User, ws.user_id)
        row.verdict = verdict
        row.verified_on = today_or(on)
        row.verified_by = (user.display_name if user else ws.username)[:64]
        row.verify_note = note.strip()[:2000]
        s.add(row)
        s.flush()
        out.add(row)
        s.audit("selfcheck_verify", row, note=verdict.value)
        s.commit()
    return out


@dataclass(frozen=True)
class SelfCheckVillage:
    village_id: str
    place: str
    results: int
    pending: int
    disputed: int


def selfcheck_villages(ws: Workspace) -> list[SelfCheckVillage]:
    """The villages that reported on themselves, with how many answers still wait to be verified."""
    with ws.session() as s:
        rows = s.exec(
            select(col(SelfCheckResult.village_id), col(SelfCheckResult.verdict)).where(
                col(SelfCheckResult.retired_at).is_(None)
            )
        ).all()
        places = village_places(s)
    counts: dict[str, Counter[Verdict]] = defaultdict(Counter)
    for vid, verdict in rows:
        counts[vid][verdict] += 1
    out = [
        SelfCheckVillage(
            vid,
            "".join(places[vid][:2]),
            sum(c.values()),
            c[Verdict.PENDING],
            c[Verdict.DISPUTED],
        )
        for vid, c in counts.items()
        if vid in places
    ]
    out.sort(key=lambda v: v.place)
    return out
