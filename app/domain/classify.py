"""The evening wrap-up suggestion (夜结): category, subcategory and track from a problem's text.

All knowledge lives in one table, :data:`RULES`. Each rule has keywords, an optional second word
list of which one must also appear (``低保`` counts as a clue only together with ``亲属`` …), words
that hide a keyword when it is part of them (``路灯`` is power, so it hides the ``修路`` of
``修路灯``; ``张桥村`` is a place, not a bridge), and a priority.

The rule with the highest priority among those that match wins; ties go to the rule with more
matched keywords, then to the one earlier in the table. Priorities: clues (300) before general
problems (200) before livelihood problems (100 … 150), so ``村干部挪用修路资金`` is a clue and
``村务公开栏没有公布修路账目`` is a disclosure problem. Within livelihood, wells beat water
(``吃水井坏了`` is a well) and a bare ``桥`` is the weakest sign of all.

This is a suggestion for people who decide; it never files anything by itself.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass

from app.domain.vocabulary import ProblemCategory, ReceivingBody, Subcategory, Track

_LIVELIHOOD = ProblemCategory.LIVELIHOOD
_CLUE = ProblemCategory.CLUE
_GENERAL = ProblemCategory.GENERAL


@dataclass(frozen=True, slots=True)
class ClassifyRule:
    """One line of the table: when ``keywords`` (and one of ``also_needs``) appear, suggest …"""

    keywords: tuple[str, ...]
    category: ProblemCategory
    subcategory: Subcategory | None
    track: Track
    priority: int
    also_needs: tuple[str, ...] = ()
    hidden_by: tuple[str, ...] = ()
    receiving_body: ReceivingBody | None = None


_FIX = Track.FIX_NOW
_FAST = Track.FAST_INVESTIGATION
_LEDGER = Track.LEDGER

# fmt: off
RULES: tuple[ClassifyRule, ...] = (
    # --- 违纪违法问题线索 → 直查快办 -------------------------------------------------------------
    ClassifyRule(("贪污", "侵占", "侵吞", "挪用", "截留", "克扣", "虚报冒领", "冒领", "优亲厚友",
                  "吃拿卡要", "收受", "受贿", "行贿", "贿赂", "套取", "骗取", "私分", "索要",
                  "好处费", "回扣", "人情保", "关系保", "雁过拔毛", "以权谋私", "公款吃喝"),
                 _CLUE, None, _FAST, 300,
                 receiving_body=ReceivingBody.DISCIPLINE_COMMISSION),
    ClassifyRule(("低保", "五保", "特困", "危房改造"),
                 _CLUE, None, _FAST, 300,
                 also_needs=("亲属", "亲戚", "家属", "家人", "儿子", "女儿", "妻子", "老婆",
                             "兄弟", "自家", "村干部自己"),
                 receiving_body=ReceivingBody.DISCIPLINE_COMMISSION),
    ClassifyRule(("黑恶", "涉黑", "涉恶", "恶势力", "村霸", "宗族势力", "欺行霸市", "强揽工程",
                  "敲诈", "赌博", "殴打", "打人"),
                 _CLUE, None, _FAST, 300,
                 receiving_body=ReceivingBody.POLICE),
    # --- 一般性问题 → 对账销号 -----------------------------------------------------------------
    ClassifyRule(("三会一课", "组织生活", "党员学习", "主题党日", "党费", "党员大会", "发展党员",
                  "民主评议", "党员教育", "支部会议"),
                 _GENERAL, Subcategory.PARTY_EDUCATION, _LEDGER, 200),
    ClassifyRule(("坐班", "考勤", "值班", "脱岗", "不在岗", "找不到人", "不作为", "态度差",
                  "门难进", "脸难看", "事难办", "工作作风"),
                 _GENERAL, Subcategory.CADRE_MANAGEMENT, _LEDGER, 200),
    ClassifyRule(("村务公开", "财务公开", "党务公开", "公开栏", "账目", "四议两公开", "不公开",
                  "未公开", "没有公开", "没公开", "未公示", "没有公示"),
                 _GENERAL, Subcategory.AFFAIRS_DISCLOSURE, _LEDGER, 200),
    ClassifyRule(("三资", "集体资产", "集体资源", "集体资金", "集体土地", "集体收入", "合同",
                  "承包费", "租金", "发包", "机动地", "坑塘"),
                 _GENERAL, Subcategory.COLLECTIVE_ASSETS, _LEDGER, 200),
    # --- 民生问题 → 立行立改 -----------------------------------------------------------------
    ClassifyRule(("机井", "水井", "井盖", "深井", "打井", "井房"),
                 _LIVELIHOOD, Subcategory.WELL, _FIX, 150),
    ClassifyRule(("危桥", "桥梁", "桥面", "便桥", "桥墩", "桥塌", "桥断", "桥坏", "过河桥"),
                 _LIVELIHOOD, Subcategory.BRIDGE, _FIX, 120),
    ClassifyRule(("自来水", "吃水", "饮水", "水管", "停水", "断水", "供水", "水压", "水质",
                  "没水吃", "吃不上水"),
                 _LIVELIHOOD, Subcategory.WATER, _FIX, 100),
    ClassifyRule(("停电", "断电", "电线", "电压", "路灯", "电表", "变压器", "供电", "线路老化"),
                 _LIVELIHOOD, Subcategory.POWER, _FIX, 100),
    ClassifyRule(("燃气", "天然气", "煤气", "液化气", "通气"),
                 _LIVELIHOOD, Subcategory.GAS, _FIX, 100),
    ClassifyRule(("道路", "路面", "坑洼", "修路", "村道", "泥泞", "断头路", "路坏", "路烂",
                  "道路硬化"),
                 _LIVELIHOOD, Subcategory.ROAD, _FIX, 100,
                 hidden_by=("路灯",)),
    ClassifyRule(("垃圾", "污水", "排水", "下水道", "厕所", "改厕", "环境卫生"),
                 _LIVELIHOOD, Subcategory.LIVELIHOOD_OTHER, _FIX, 90),
    ClassifyRule(("桥",),
                 _LIVELIHOOD, Subcategory.BRIDGE, _FIX, 50,
                 hidden_by=("桥村", "桥镇", "桥乡", "桥社区", "桥街道", "桥组", "桥庄", "桥头")),
)
# fmt: on


@dataclass(frozen=True, slots=True)
class Suggestion:
    """What the wrap-up suggests for one problem, and why.

    With no rule matched, ``category`` and ``subcategory`` are None and ``track`` is 待核实.
    """

    category: ProblemCategory | None
    subcategory: Subcategory | None
    track: Track
    matched_words: tuple[str, ...]
    reason_zh: str
    receiving_body: ReceivingBody | None = None


def _normalise(text: str) -> str:
    return "".join(unicodedata.normalize("NFKC", text).split())


def _matched_words(rule: ClassifyRule, text: str) -> tuple[str, ...]:
    for word in rule.hidden_by:
        text = text.replace(word, "\0" * len(word))
    found = [word for word in rule.keywords if word in text]
    # 虚报冒领 already says 冒领.
    found = [w for w in found if not any(w != other and w in other for other in found)]
    if not found:
        return ()
    if rule.also_needs:
        extra = [word for word in rule.also_needs if word in text]
        if not extra:
            return ()
        found += extra
    return tuple(sorted(found, key=lambda word: (text.find(word), word)))


def _rule_label(rule: ClassifyRule) -> str:
    return rule.subcategory.label if rule.subcategory is not None else rule.category.label


def suggest(text: str, rules: tuple[ClassifyRule, ...] = RULES) -> Suggestion:
    """Suggest category, subcategory and track for a problem described by ``text``."""
    normalised = _normalise(text)
    hits: list[tuple[int, ClassifyRule, tuple[str, ...]]] = []
    for index, rule in enumerate(rules):
        words = _matched_words(rule, normalised)
        if words:
            hits.append((index, rule, words))
    if not hits:
        return Suggestion(None, None, Track.VERIFY, (), "未匹配到关键词，需核实")
    hits.sort(key=lambda hit: (-hit[1].priority, -len(hit[2]), hit[0]))
    _, best, words = hits[0]
    quoted = "".join(f"“{word}”" for word in words)
    kind = best.category.label
    if best.subcategory is not None and best.subcategory.label != kind:
        kind += f"（{best.subcategory.label}）"
    reason = f"匹配到{quoted}，归为{kind}，建议{best.track.label}"
    others = [
        f"{''.join(f'“{w}”' for w in other_words)}（{_rule_label(rule)}）"
        for _, rule, other_words in hits[1:]
        if not set(other_words) <= set(words)
        and (rule.category, rule.subcategory) != (best.category, best.subcategory)
    ]
    if others:
        reason += f"；另匹配到{'、'.join(others)}，按优先级取前者"
    return Suggestion(
        best.category, best.subcategory, best.track, words, reason, best.receiving_body
    )
