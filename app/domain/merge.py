"""Is it the same problem? Two readings compared by what the problems are about.

Two problems are the same when they speak of the same thing — the same object or facility (水渠
and 渠道 are one object; 自来水 stands for any object of its field), the same wrong act, or the
same governance matter — with the same defect, and nothing in them conflicts:

- **place**: both name a village group and the groups differ (一组/三组), or both name a spot
  and the spots differ (村口/村西头);
- **person**: both name a person or a specific role and none is shared (会计/书记, 王某/李某);
- **object**: both name specific objects and none is shared (水渠/水管), or their fields differ;
- **amount**: both give amounts and no amount is shared (5万/12万);
- **defect**: both say what is wrong and it differs (渗漏/堵塞).

A conflict keeps two problems apart however alike their words. The reason says why in words
("同一水渠、同一问题（渗漏），地点一致（3组）"), never a score.

Candidates among many problems are grouped so that every member of a group is the same problem as
every other (no chains through a third). Deterministic: groups in the order of their first
member, members in input order.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from app.domain.classify import format_amount
from app.domain.reading import Mention, Reading

__all__ = ["Comparison", "MergeGroup", "compare", "merge_groups"]


@dataclass(frozen=True, slots=True)
class Comparison:
    same: bool
    reason: str
    conflicts: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class MergeGroup:
    """Ids of problems that are the same problem, and why (one line per joined member)."""

    ids: tuple[str, ...]
    reason: str


def _names(ms: Sequence[Mention], *, specific: bool | None = None) -> set[str]:
    return {m.name for m in ms if specific is None or m.concept.generic is not specific}


def _show(values: Iterable[str], limit: int = 2) -> str:
    return "、".join(sorted(values)[:limit])


def _fields(r: Reading) -> set[str]:
    """The fields of the objects; with no object, the fields its defects tell (电压低 → 用电)."""
    if r.objects:
        return {f.name for f in r.fields}
    return {d.concept.field.name for d in r.defects if d.concept.field is not None}


def _defects(r: Reading) -> set[str]:
    """What is wrong, without the consequences and urging (无人管, 危险)."""
    return {d.name for d in r.defects if not d.concept.attr("minor")}


_BREAKDOWN = frozenset({"损坏", "停供"})


def _compatible(a: Reading, b: Reading) -> bool:
    """A breakdown (坏了, 停了) and the symptom it shows (不亮, 电压低) tell the same defect."""

    def symptoms(r: Reading) -> bool:
        ds = [d for d in r.defects if not d.concept.attr("minor")]
        return bool(ds) and all(d.concept.field is not None for d in ds)

    da, db = _defects(a), _defects(b)
    return bool((da & _BREAKDOWN and symptoms(b)) or (db & _BREAKDOWN and symptoms(a)))


def _welfare(r: Reading) -> set[str]:
    return {m.name for m in r.benefits if m.concept.attr("kind") == "welfare"}


def _specific_fields(r: Reading) -> set[str]:
    return {m.concept.field.name for m in r.objects if m.concept.field and not m.concept.generic}


def _place(a: Reading, b: Reading, conflicts: list[str], agree: list[str]) -> None:
    """Village groups or spots that differ (a conflict) or that both name (an agreement)."""
    ga, gb = set(a.groups), set(b.groups)
    sa, sb = _names(a.spots), _names(b.spots)
    if ga and gb and not ga & gb:
        conflicts.append(f"地点不同（{_show(ga)}/{_show(gb)}）")
    elif sa and sb and not sa & sb and not ga & gb:
        conflicts.append(f"地点不同（{_show(sa)}/{_show(sb)}）")
    elif ga & gb or sa & sb:
        agree.append(f"地点一致（{_show((ga & gb) | (sa & sb))}）")


def _persons(a: Reading, b: Reading, conflicts: list[str], agree: list[str]) -> None:
    pa, pb = a.persons, b.persons
    if pa and pb and not pa & pb:
        conflicts.append(f"人员不同（{_show(pa)}/{_show(pb)}）")
    elif pa & pb:
        agree.append(f"同一人（{_show(pa & pb)}）")


def _object_conflict(
    oa: set[str], ob: set[str], fa: set[str], fb: set[str], conflicts: list[str]
) -> bool:
    """Whether the specific objects (or their fields) differ; the conflict goes to ``conflicts``."""
    if oa and ob and not oa & ob:
        # 水塔 and 水管 in one field are still different things; a generic side never conflicts
        conflicts.append(f"对象不同（{_show(oa)}/{_show(ob)}）")
        return True
    if fa and fb and not fa & fb and (oa or ob):
        conflicts.append(f"对象不同（{_show(oa or fa)}/{_show(ob or fb)}）")
        return True
    return False


def _amounts(ma: set[int], mb: set[int], conflicts: list[str], agree: list[str]) -> None:
    if ma and mb and ma - mb and mb - ma:
        show_a = "/".join(format_amount(v) for v in sorted(ma))
        show_b = "/".join(format_amount(v) for v in sorted(mb))
        conflicts.append(f"金额不同（{show_a}与{show_b}）")
    elif ma & mb:
        agree.append(f"金额一致（{'/'.join(format_amount(v) for v in sorted(ma & mb))}）")


def _same_kind_of_matter(a: Reading, b: Reading, words: float, topic: list[str]) -> bool:
    """Matters of one kind, and at most one side names a matter of its own."""
    subs_a = {m.concept.attr("sub") for m in a.govs if m.concept.strong}
    subs_b = {m.concept.attr("sub") for m in b.govs if m.concept.strong}
    if not (subs_a & subs_b and words >= 0.3):
        return False
    # one side names no matter of its own (a matter each, and different: two problems)
    strong_a = {m.name for m in a.govs if m.concept.strong}
    strong_b = {m.name for m in b.govs if m.concept.strong}
    topic.append("同类事项")
    return not (strong_a and strong_b)


def _topic(
    objects: set[str], fields: set[str], acts: set[str], govs: set[str], benefits: set[str]
) -> list[str]:
    """What both speak of: the same object (else field), act, matter and benefit."""
    topic: list[str] = []
    if objects:
        topic.append(f"同一{_show(objects)}")
    elif fields:
        topic.append(f"同属{_show(fields)}")
    if acts:
        topic.append(f"同一行为（{_show(acts)}）")
    if govs:
        topic.append(f"同一事项（{_show(govs)}）")
    if benefits:
        topic.append(f"同涉{_show(benefits)}")
    return topic


def compare(a: Reading, b: Reading) -> Comparison:
    """Whether ``a`` and ``b`` tell the same problem, and why (see the module docstring)."""
    conflicts: list[str] = []
    agree: list[str] = []

    # -- conflicts --
    _place(a, b, conflicts, agree)
    _persons(a, b, conflicts, agree)

    oa, ob = _names(a.objects, specific=True), _names(b.objects, specific=True)
    fa, fb = _fields(a), _fields(b)
    shared_objects = oa & ob
    object_conflict = _object_conflict(oa, ob, fa, fb, conflicts)

    ma, mb = set(a.amounts), set(b.amounts)
    _amounts(ma, mb, conflicts, agree)

    da, db = _defects(a), _defects(b)
    if da and db and not da & db and not _compatible(a, b):
        conflicts.append(f"问题不同（{_show(da)}/{_show(db)}）")

    wa, wb = _welfare(a), _welfare(b)
    if wa and wb and not wa & wb:
        conflicts.append(f"待遇不同（{_show(wa)}/{_show(wb)}）")

    acts_a, acts_b = {x.name for x in a.acts}, {x.name for x in b.acts}
    if bool(acts_a) != bool(acts_b) and not (ma and ma == mb):
        conflicts.append("一个是问题线索，一个不是")

    if conflicts:
        return Comparison(False, "不是同一问题：" + "；".join(conflicts), tuple(conflicts))

    # -- what they share --
    govs = _names(a.govs) & _names(b.govs)
    benefits = _names(a.benefits) & _names(b.benefits)
    shared_fields = set() if object_conflict else fa & fb
    topic = _topic(shared_objects, shared_fields, acts_a & acts_b, govs, benefits)
    if da & db:
        agree.insert(0, f"同一问题（{_show(da & db)}）")
    elif da and db:
        agree.insert(0, f"问题相符（{_show(da)}/{_show(db)}）")
        da = db = da | db  # compatible defects count as the same below

    words = _overlap(a.content_words, b.content_words)
    if acts_a and acts_b:
        # clues: the same act, amounts, benefit or object, nothing in conflict
        same = bool(acts_a & acts_b or (ma and ma == mb) or benefits or shared_objects)
    elif acts_a or acts_b:
        same = bool(shared_objects or fa & fb or benefits)  # one read as a clue, same amounts
    elif shared_objects:
        # the same thing and nothing in conflict: one side may not say what is wrong with it
        same = True
    elif fa & fb and not object_conflict:
        same = bool(da & db) or (not (da or db) and words >= 0.25) or words >= 0.5
    elif govs:
        # the same kinds of matter: 村务公开 in passing in a problem about the collective's
        # assets and contracts is not the same problem as one about 村务公开 alone
        same = _gov_kinds(a) == _gov_kinds(b)
    else:
        same = _same_kind_of_matter(a, b, words, topic)
    if not same:
        if not topic:
            return Comparison(False, "不是同一问题：说的不是同一对象或事项")
        return Comparison(False, "不是同一问题：" + "、".join(topic) + "，但所说问题不同")
    return Comparison(True, "、".join([*topic, *agree]) or "所说内容一致")


def _gov_kinds(r: Reading) -> set[str]:
    """The kinds of matter a problem names (村务公开, 集体资产 …, by the lexicon's sub-field)."""
    return {str(dict(m.concept.attrs).get("sub", m.concept.name)) for m in r.govs}


def _overlap(a: Sequence[str], b: Sequence[str]) -> float:
    """Dice of the content-word sets (0 … 1)."""
    sa, sb = set(a), set(b)
    if not sa or not sb:
        return 0.0
    return 2 * len(sa & sb) / (len(sa) + len(sb))


def topic_keys(r: Reading) -> frozenset[str]:
    """What a problem is about, as keys: two problems sharing none are never compared."""
    keys = {f"f:{f}" for f in _fields(r)}
    keys |= {f"a:{x.name}" for x in r.acts}
    keys |= {f"g:{m.concept.attr('sub')}" for m in r.govs}
    keys |= {f"b:{m.name}" for m in r.benefits}
    if r.acts and not (r.objects or r.benefits):
        keys.add("clue")
    return frozenset(keys)


def merge_groups(items: Sequence[tuple[str, Reading]]) -> list[MergeGroup]:
    """Groups (two or more) of ``(id, reading)`` items that are the same problem: an item joins
    the first group all of whose members it matches. Only items sharing a topic key (field, act,
    governance sub-category, benefit) are compared, so a few hundred problems take milliseconds."""
    index: dict[str, list[int]] = {}
    for i, (_, r) in enumerate(items):
        for key in topic_keys(r):
            index.setdefault(key, []).append(i)
    near: dict[int, set[int]] = {}
    for members in index.values():
        for x, i in enumerate(members):
            for j in members[x + 1 :]:
                near.setdefault(j, set()).add(i)
    cache: dict[tuple[int, int], Comparison] = {}

    def cmp(i: int, j: int) -> Comparison:
        key = (i, j)
        if key not in cache:
            cache[key] = compare(items[i][1], items[j][1])
        return cache[key]

    groups: list[list[int]] = []
    reasons: list[list[str]] = []
    for j in range(len(items)):
        candidates = near.get(j, set())
        for g, members in enumerate(groups):
            if not all(i in candidates for i in members):
                continue
            results = [cmp(i, j) for i in members]
            if all(r.same for r in results):
                members.append(j)
                reasons[g].append(results[0].reason)
                break
        else:
            groups.append([j])
            reasons.append([])
    out: list[MergeGroup] = []
    for members, why in zip(groups, reasons, strict=True):
        if len(members) > 1:
            out.append(
                MergeGroup(tuple(items[i][0] for i in members), "；".join(dict.fromkeys(why)))
            )
    return out
