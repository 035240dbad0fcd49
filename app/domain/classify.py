"""The evening wrap-up suggestion (夜结): category, sub-category, track, responsible unit and
receiving body, from the reading of a problem's text (:mod:`app.domain.reading`), with the
reason in words.

The order of the signals is the order of the harm a wrong track does:

1. **A wrong act** (an actor, a money flow or benefit, and the act — read from words, gapped
   phrases or patterns, see acts.txt and patterns.txt) makes a clue (问题线索 → 直查快办), whatever
   facility the same sentence names:
   "会计（行为人）+ 虚报（3万/8千）→ 问题线索；虽涉及水渠，按线索处理".
   Violence, gangs, usury, gambling and drugs go to the police; the rest to the discipline
   commission.
2. **A strong governance signal** (三会一课, 村务公开, 合同, 坐班 …) makes a general problem
   (一般性问题 → 对账销号), even when a facility is named ("修路的账目没公开" is about
   disclosure).
3. **An object or facility** — a specific one (水渠, 路灯), or a field's general word (自来水)
   with a defect — makes a livelihood problem (民生问题 → 立行立改) with the field's responsible
   unit.
4. A weak governance signal alone ("反映多次没人管") is a cadre-management problem.
5. Otherwise 待核实, naming what was read and what could not be placed.

This is a suggestion for people who decide; it never files anything by itself. The team's own
decisions can move it (:mod:`app.domain.learning`), never a clue towards a notice.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from app.domain.vocabulary import ProblemCategory, ReceivingBody, Subcategory, Track

if TYPE_CHECKING:  # the reading is imported when first used, not at program start
    from app.domain.reading import Mention, Reading

_ROLE_LABEL = {
    "cadre": "行为人",
    "official": "行为人",
    "boss": "行为人",
    "gang": "行为人",
    "member": "行为人",
}
_BENEFIT_LABEL = {
    "welfare": "待遇",
    "project": "工程项目",
    "asset": "集体资源",
    "post": "岗位名额",
    "compensation": "补偿款",
}
TOWNSHIP_UNIT = "乡镇人民政府"
WELFARE_UNIT = "区民政局"


@dataclass(frozen=True, slots=True)
class Suggestion:
    """What the wrap-up suggests for one problem, and why.

    With nothing placed, ``category`` and ``subcategory`` are None and ``track`` is 待核实.
    ``learned`` says the team's own earlier decisions moved it (the reason says how many).
    """

    category: ProblemCategory | None
    subcategory: Subcategory | None
    track: Track
    matched_words: tuple[str, ...]
    reason_zh: str
    receiving_body: ReceivingBody | None = None
    responsible_unit: str = ""
    learned: bool = False

    @property
    def label(self) -> str:
        """立行立改（民生问题·电）: the track and the category, as a person reads it."""
        kind = self.category.label if self.category is not None else "未分类"
        if self.subcategory is not None:
            kind += f"·{self.subcategory.label}"
        return f"{self.track.label}（{kind}）"


def format_amount(value: int) -> str:
    """30000 → 3万, 8000 → 8千, 2500 → 2500元."""
    if value >= 10_000 and value % 1000 == 0:
        return f"{value / 10_000:g}万"
    if value >= 1000 and value % 1000 == 0:
        return f"{value // 1000}千"
    return f"{value}元"


def _first(mentions: tuple[Mention, ...], *, specific_first: bool = True) -> Mention | None:
    if not mentions:
        return None
    if specific_first:
        specific = [m for m in mentions if not m.concept.generic]
        if specific:
            return specific[0]
    return mentions[0]


def _quote(word: str, limit: int = 14) -> str:
    word = word if len(word) <= limit else word[: limit - 1] + "…"
    return f"“{word}”"


def suggest(source: str | Reading) -> Suggestion:
    """Suggest how a problem is handled, from its text (read with the current reader) or its
    reading."""
    if isinstance(source, str):
        from app.domain.reading import read

        r = read(source)
    else:
        r = source
    if r.acts:
        return _clue(r)
    strong = [g for g in r.govs if g.concept.strong]
    obj = r.main_object
    if strong:
        return _general(r, strong, obj)
    if obj is not None:
        return _livelihood(r, obj)
    telling = [d for d in r.defects if d.concept.field is not None]
    if telling:
        return _livelihood(r, telling[0])
    weak = [g for g in r.govs if not g.concept.strong]
    if weak:
        return _general(r, weak, obj)
    welfare_due = [d for d in r.defects if d.name in ("拖欠", "短缺", "无人管")]
    if r.benefits and welfare_due:
        return _welfare_due(r, welfare_due[0])
    return _verify(r)


def _clue(r: Reading) -> Suggestion:
    police = next((a for a in r.acts if a.body is ReceivingBody.POLICE), None)
    body = ReceivingBody.POLICE if police is not None else ReceivingBody.DISCIPLINE_COMMISSION
    parts: list[str] = []
    words: list[str] = []
    actor = _first(r.actors)
    if actor is not None:
        parts.append(f"{actor.word}（{_ROLE_LABEL.get(actor.concept.attr('role'), '行为人')}）")
        words.append(actor.word)
    elif r.names:
        parts.append(f"{r.names[0]}（行为人）")
    if r.kin:
        parts.append(f"{r.kin[0].word}（亲属）")
        words.append(r.kin[0].word)
    if r.benefits:
        b = r.benefits[0]
        parts.append(f"{b.word}（{_BENEFIT_LABEL.get(b.concept.attr('kind'), '待遇')}）")
        words.append(b.word)
    elif r.money and not r.amounts:
        parts.append(f"{r.money[0].word}（钱款）")
        words.append(r.money[0].word)
    for a in r.acts:
        said = next((w for w in a.words if w), "")
        detail = ""
        if a.name in ("虚报", "截留", "贪占", "挪用", "冒领", "索贿") and r.amounts:
            detail = "/".join(format_amount(v) for v in dict.fromkeys(r.amounts))
        elif said and said != a.name:
            detail = _quote(said)
        parts.append(f"{a.name}（{detail}）" if detail else a.name)
        words.extend(w for w in a.words if w)
    reason = " + ".join(parts) + f" → 问题线索，建议直查快办，移交{body.label}"
    beside = [m.word for m in (r.main_object,) if m is not None]
    beside += [g.word for g in r.govs if g.concept.strong][:1]
    if beside:
        reason += f"；虽涉及{'、'.join(dict.fromkeys(beside))}，按线索处理"
    return Suggestion(
        ProblemCategory.CLUE,
        None,
        Track.FAST_INVESTIGATION,
        tuple(dict.fromkeys(words)),
        reason,
        receiving_body=body,
    )


def _general(r: Reading, govs: list[Mention], obj: Mention | None) -> Suggestion:
    g = govs[0]
    sub = Subcategory(g.concept.attr("sub", Subcategory.GENERAL_OTHER.value))
    words = tuple(dict.fromkeys(m.word for m in govs))
    shown = "、".join(_quote(w) for w in words[:3])
    reason = f"{shown}（{sub.label}）→ 一般性问题，建议对账销号"
    if obj is not None and g.concept.strong:
        reason += f"；虽涉及{obj.word}，按{sub.label}问题处理"
    return Suggestion(
        ProblemCategory.GENERAL, sub, Track.LEDGER, words, reason, responsible_unit=TOWNSHIP_UNIT
    )


def _livelihood(r: Reading, obj: Mention) -> Suggestion:
    """``obj`` is the object, or (no object read) a defect that tells its field (电压低)."""
    info = obj.concept.field
    assert info is not None
    defect = _nearest(r.defects, obj.pos) if obj.concept.kind == "object" else None
    head = obj.word if obj.word == info.name else f"{obj.word}（{info.name}）"
    if obj.concept.kind == "defect":
        head = f"{obj.word}（{obj.name}，属{info.name}）"
    elif defect is not None:
        head += (
            f" + {defect.word}（{defect.name}）"
            if defect.word != defect.name
            else (f" + {defect.word}")
        )
    unit = info.unit or TOWNSHIP_UNIT
    reason = f"{head} → 民生问题（{info.subcategory.label}），建议立行立改，责任单位{unit}"
    words = (obj.word, defect.word) if defect is not None else (obj.word,)
    return Suggestion(
        ProblemCategory.LIVELIHOOD,
        info.subcategory,
        Track.FIX_NOW,
        words,
        reason,
        responsible_unit=unit,
    )


def _welfare_due(r: Reading, due: Mention) -> Suggestion:
    b = r.benefits[0]
    reason = (
        f"{b.word}（{_BENEFIT_LABEL.get(b.concept.attr('kind'), '待遇')}）+ {due.word} → "
        f"民生问题（其他民生：待遇落实），建议立行立改，责任单位{WELFARE_UNIT}；"
        "未读到行为人和不当行为，如有截留另按线索处理"
    )
    return Suggestion(
        ProblemCategory.LIVELIHOOD,
        Subcategory.LIVELIHOOD_OTHER,
        Track.FIX_NOW,
        (b.word, due.word),
        reason,
        responsible_unit=WELFARE_UNIT,
    )


def _nearest(mentions: tuple[Mention, ...], pos: int) -> Mention | None:
    if not mentions:
        return None
    return min(mentions, key=lambda m: (abs(m.pos - pos), m.pos))


def _verify(r: Reading) -> Suggestion:
    seen: list[str] = []
    if r.objects:
        seen.append(f"{r.objects[0].word}（对象，未说明毛病）")
    if r.defects:
        seen.append(f"{r.defects[0].word}（问题）")
    if r.actors:
        seen.append(f"{r.actors[0].word}（行为人）")
    if r.kin:
        seen.append(f"{r.kin[0].word}（亲属）")
    if r.benefits:
        b = r.benefits[0]
        seen.append(f"{b.word}（{_BENEFIT_LABEL.get(b.concept.attr('kind'), '待遇')}）")
    if r.money or r.amounts:
        seen.append(f"{(r.money[0].word if r.money else r.amount_words[0])}（钱款）")
    missing: list[str] = []
    if not r.objects:
        missing.append("对象或设施")
    if not r.defects:
        missing.append("问题性质")
    if r.actors or r.benefits or r.money or r.kin:
        missing.append("不当行为")
    elif not r.govs:
        missing.append("行为人或治理事项")
    reason = "待核实："
    if seen:
        reason += f"读到{'、'.join(seen)}，"
    reason += f"未能读出{'、'.join(missing)}，需核实后再定处置方式"
    words = tuple(m.word for m in (*r.objects[:1], *r.defects[:1], *r.actors[:1], *r.benefits[:1]))
    return Suggestion(None, None, Track.VERIFY, words, reason)
