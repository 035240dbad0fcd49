"""集中整治 (centralised rectification) of a district's worst villages, 制度推广 and 未巡先改.

The words of the work and the rules of a campaign village's life, as plain data:

* The inspection body recommends a village (建议); the district committee decides (决定, with a
  date and a 文号) — a village may be added by decision without a recommendation, with a reason.
* A plan per village (一村一策) under four headings (:class:`Heading`): 抓坏人, 办好事, 强组织,
  建机制. Each task has an owner unit, a deadline and a status; progress entries move it.
* Monthly spot checks (督查), a mid-course evaluation (中期评估), 验收 — the village 整顿转化
  or kept under rectification — and a 回头看 some months later.

A campaign village's status moves only as :data:`MOVES` allows::

    recommended ──decide──▶ decided ──plan──▶ under_way ──accept(转化)──▶ transformed ──review──▶
         │                  ▲                     │  ▲                          │      reviewed
         └─decline──▶ declined                    │  └─────── kept ◀──accept(继续整治)
                            (decide without a     └──midterm──▶ under_way      │
                             recommendation)                     transformed ──review(反弹)──▶ kept

Nothing here touches the database; the services apply these rules.
"""

from __future__ import annotations

import re
import uuid
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from app.domain.deadlines import add_months
from app.domain.errors import UserError
from app.domain.vocabulary import Labelled, Tier


class CampaignRefused(UserError, ValueError):
    """A campaign step the rules do not allow, or bad input (one line of Chinese)."""

    def __init__(self, message: str, field: str = "") -> None:
        super().__init__(message)
        self.field = field


class Heading(Labelled):
    """The four headings of a 集中整治 plan (总体要求)."""

    CATCH = "catch", "抓坏人"
    GOOD_WORKS = "good_works", "办好事"
    ORGANISE = "organise", "强组织"
    SYSTEMS = "systems", "建机制"


class CampaignStatus(Labelled):
    RECOMMENDED = "recommended", "已建议"
    DECLINED = "declined", "未列入"
    DECIDED = "decided", "已决定整治"
    UNDER_WAY = "under_way", "整治中"
    KEPT = "kept", "继续整治"
    TRANSFORMED = "transformed", "已整顿转化"
    REVIEWED = "reviewed", "已回头看"


ACTIVE_STATUSES = frozenset({CampaignStatus.DECIDED, CampaignStatus.UNDER_WAY, CampaignStatus.KEPT})
"""Villages whose rectification is running (decided, not yet accepted as transformed)."""

CAMPAIGN_STATUSES = frozenset(
    ACTIVE_STATUSES | {CampaignStatus.TRANSFORMED, CampaignStatus.REVIEWED}
)
"""Villages the district committee put under 集中整治 (whatever stage they are at)."""


class TaskStatus(Labelled):
    PLANNED = "planned", "未启动"
    IN_PROGRESS = "in_progress", "推进中"
    DONE = "done", "已完成"


RUNNING_TASK = frozenset({TaskStatus.PLANNED, TaskStatus.IN_PROGRESS})
"""Task statuses in which the deadline runs (shown on the due list with their colour)."""


class CaseStage(Labelled):
    """How far a case under 抓坏人 has gone (the receiving body's feedback)."""

    FILED = "filed", "立案"
    PARTY_DISCIPLINE = "party_discipline", "党纪处分"
    GOVERNMENT_SANCTION = "government_sanction", "政务处分"
    JUDICIAL = "judicial", "移送司法"
    CLOSED = "closed", "结案"


class CadreChangeKind(Labelled):
    """A change of the village's 两委 班子 (强组织)."""

    REPLACED = "replaced", "撤换"
    BY_ELECTION = "by_election", "补选"
    RESERVE = "reserve", "后备干部"
    STRENGTHENED = "strengthened", "调整充实"


class OrgIssue(Labelled):
    """软、散、瘫、恶、乱: what is wrong with a village's organisation."""

    SOFT = "soft", "软"
    LAX = "lax", "散"
    PARALYSED = "paralysed", "瘫"
    VICIOUS = "vicious", "恶"
    CHAOTIC = "chaotic", "乱"


class MemberRole(Labelled):
    """A person's part in a village's work group."""

    LEADER = "leader", "组长"
    DEPUTY = "deputy", "副组长"
    MEMBER = "member", "成员"
    LIAISON = "liaison", "联络员"
    LINKED_LEADER = "linked_leader", "挂钩领导"


class SystemStatus(Labelled):
    """A cell of the 制度推广 matrix."""

    NOT_YET = "not_yet", "未建立"
    IN_PROGRESS = "in_progress", "推进中"
    ADOPTED = "adopted", "已建立"


class Practice(Labelled):
    """Whether an adopted system is carried out (找制度短板)."""

    UNKNOWN = "unknown", "未核实"
    CARRIED_OUT = "carried_out", "落实到位"
    NOT_CARRIED_OUT = "not_carried_out", "执行不力"


class SystemSource(Labelled):
    TASK = "task", "建机制任务"
    SELF_REPORT = "self_report", "村自报"
    CHECK = "check", "督查核实"


class EvaluationKind(Labelled):
    MIDTERM = "midterm", "中期评估"
    ACCEPTANCE = "acceptance", "验收"
    REVIEW = "review", "回头看"


class Outcome(Labelled):
    ON_TRACK = "on_track", "进展正常"
    LAGGING = "lagging", "进展滞后"
    TRANSFORMED = "transformed", "整顿转化"
    KEPT = "kept", "继续整治"
    HOLDING = "holding", "成效巩固"
    RELAPSED = "relapsed", "出现反弹"


OUTCOMES: dict[EvaluationKind, tuple[Outcome, ...]] = {
    EvaluationKind.MIDTERM: (Outcome.ON_TRACK, Outcome.LAGGING),
    EvaluationKind.ACCEPTANCE: (Outcome.TRANSFORMED, Outcome.KEPT),
    EvaluationKind.REVIEW: (Outcome.HOLDING, Outcome.RELAPSED),
}


class CheckRating(Labelled):
    """What a monthly 督查 concluded."""

    NORMAL = "normal", "推进正常"
    SLOW = "slow", "推进缓慢"
    SERIOUS = "serious", "问题突出"


class SelfCheckFound(Labelled):
    FOUND = "found", "存在"
    NOT_FOUND = "not_found", "不存在"


class SelfCheckFix(Labelled):
    FIXED = "fixed", "已整改"
    FIXING = "fixing", "整改中"
    NOT_FIXED = "not_fixed", "未整改"
    NOT_NEEDED = "not_needed", "无需整改"


class Verdict(Labelled):
    """The team's verification of what a village reported of itself."""

    PENDING = "pending", "待核实"
    CONFIRMED = "confirmed", "属实"
    DISPUTED = "disputed", "不属实"


# -- the systems spread across the district (制度推广) -------------------------------------------
BUILT_IN_SYSTEMS: tuple[tuple[str, str], ...] = (
    ("micro_power", "微权四化"),
    ("four_two", "四议两公开"),
    ("two_one", "两审一监督"),
    ("grid", "网格化管理"),
    ("one_four", "一约四会"),
)
"""(code, label) of the systems every district tracks; more come from the settings."""


@dataclass(frozen=True)
class SystemDef:
    code: str
    label: str


def system_catalogue(extra: Iterable[str] = ()) -> tuple[SystemDef, ...]:
    """The built-in systems, then the configured ones (a configured system's code is its name)."""
    out = [SystemDef(c, label) for c, label in BUILT_IN_SYSTEMS]
    seen = {d.code for d in out} | {d.label for d in out}
    for name in extra:
        name = name.strip()
        if name and name not in seen:
            out.append(SystemDef(name, name))
            seen.add(name)
    return tuple(out)


def system_label(code: str, catalogue: Iterable[SystemDef] = ()) -> str:
    for d in (*catalogue, *system_catalogue()):
        if d.code == code:
            return d.label
    return code


# -- moves of a campaign village ---------------------------------------------------------------
class Move(Labelled):
    DECIDE = "decide", "区委决定集中整治"
    DECLINE = "decline", "未列入集中整治"
    PLAN = "plan", "制定整治方案"
    MIDTERM = "midterm", "中期评估"
    ACCEPT_TRANSFORMED = "accept_transformed", "验收：整顿转化"
    ACCEPT_KEPT = "accept_kept", "验收：继续整治"
    REVIEW_HOLDING = "review_holding", "回头看：成效巩固"
    REVIEW_RELAPSED = "review_relapsed", "回头看：出现反弹"


_S = CampaignStatus
MOVES: dict[tuple[CampaignStatus | None, Move], CampaignStatus] = {
    (None, Move.DECIDE): _S.DECIDED,
    (_S.RECOMMENDED, Move.DECIDE): _S.DECIDED,
    (_S.DECLINED, Move.DECIDE): _S.DECIDED,
    (_S.RECOMMENDED, Move.DECLINE): _S.DECLINED,
    (_S.DECIDED, Move.PLAN): _S.UNDER_WAY,
    (_S.UNDER_WAY, Move.PLAN): _S.UNDER_WAY,
    (_S.KEPT, Move.PLAN): _S.KEPT,
    (_S.UNDER_WAY, Move.MIDTERM): _S.UNDER_WAY,
    (_S.KEPT, Move.MIDTERM): _S.KEPT,
    (_S.UNDER_WAY, Move.ACCEPT_TRANSFORMED): _S.TRANSFORMED,
    (_S.KEPT, Move.ACCEPT_TRANSFORMED): _S.TRANSFORMED,
    (_S.UNDER_WAY, Move.ACCEPT_KEPT): _S.KEPT,
    (_S.KEPT, Move.ACCEPT_KEPT): _S.KEPT,
    (_S.TRANSFORMED, Move.REVIEW_HOLDING): _S.REVIEWED,
    (_S.TRANSFORMED, Move.REVIEW_RELAPSED): _S.KEPT,
}
"""(status before, move) → status after. A village not yet in a campaign has status None."""

EVALUATION_MOVE: dict[tuple[EvaluationKind, Outcome], Move] = {
    (EvaluationKind.MIDTERM, Outcome.ON_TRACK): Move.MIDTERM,
    (EvaluationKind.MIDTERM, Outcome.LAGGING): Move.MIDTERM,
    (EvaluationKind.ACCEPTANCE, Outcome.TRANSFORMED): Move.ACCEPT_TRANSFORMED,
    (EvaluationKind.ACCEPTANCE, Outcome.KEPT): Move.ACCEPT_KEPT,
    (EvaluationKind.REVIEW, Outcome.HOLDING): Move.REVIEW_HOLDING,
    (EvaluationKind.REVIEW, Outcome.RELAPSED): Move.REVIEW_RELAPSED,
}


def move(status: CampaignStatus | None, what: Move) -> CampaignStatus:
    """The status after ``what``; refused (Chinese) when the rules have no such move."""
    after = MOVES.get((status, what))
    if after is None:
        now = status.label if status is not None else "未列入集中整治"
        raise CampaignRefused(f"该村（社区）当前为“{now}”，不能“{what.label}”。")
    return after


def evaluation_move(kind: EvaluationKind, outcome: Outcome) -> Move:
    found = EVALUATION_MOVE.get((kind, outcome))
    if found is None:
        raise CampaignRefused(f"{kind.label}的结论不能是“{outcome.label}”。", "outcome")
    return found


# -- tiers -------------------------------------------------------------------------------------
_BETTER = {Tier.POOR: Tier.MIDDLE, Tier.MIDDLE: Tier.GOOD, Tier.GOOD: Tier.GOOD}


def tier_after(move_done: Move, current: Tier | None) -> Tier | None:
    """The tier a village moves to by default after an evaluation (None: unchanged).

    整顿转化 and a holding 回头看 move it one step up (差 → 中 → 好); a relapse puts it back to 差.
    """
    if move_done in (Move.ACCEPT_TRANSFORMED, Move.REVIEW_HOLDING):
        return _BETTER[current or Tier.POOR]
    if move_done is Move.REVIEW_RELAPSED:
        return Tier.POOR
    return None


def review_due(accepted_on: date, months: int) -> date:
    """When the 回头看 is due: ``months`` after the village was accepted as transformed."""
    if months < 1:
        raise CampaignRefused("回头看间隔须至少 1 个月。")
    return add_months(accepted_on, months)


# -- input checks ------------------------------------------------------------------------------
def check_doc_number(text: str) -> str:
    """A 文号 as written (机关代字〔2027〕3号); refused when empty."""
    text = text.strip()
    if not text:
        raise CampaignRefused("请填写区委决定的文号。", "doc_number")
    if len(text) > 64:
        raise CampaignRefused("文号过长。", "doc_number")
    return text


def check_text(text: str, what: str, field: str, *, limit: int = 2000) -> str:
    text = text.strip()
    if not text:
        raise CampaignRefused(f"请填写{what}。", field)
    if "\x00" in text:
        raise CampaignRefused(f"{what}含有无效字符。", field)
    if len(text) > limit:
        raise CampaignRefused(f"{what}过长（最多{limit}字）。", field)
    return text


def check_deadline(deadline: date | None, start: date | None) -> date:
    if deadline is None:
        raise CampaignRefused("请填写完成时限。", "deadline")
    if start is not None and deadline < start:
        raise CampaignRefused("完成时限不能早于区委决定日期。", "deadline")
    return deadline


# -- stable ids of one-per-pair rows -----------------------------------------------------------
_NS = uuid.UUID("5b0d1c8e-3f51-4b8a-9b7e-1f2a6c0d9e13")


def pair_id(kind: str, *parts: str) -> str:
    """A row id fixed by what it is about (one matrix cell per village and system, one
    self-check result per village and list item): two devices that record the same pair make
    the same row, which sync then merges (or lists as a conflict) instead of duplicating."""
    return str(uuid.uuid5(_NS, ":".join((kind, *parts))))


def mask_name(name: str) -> str:
    """张三丰 → 张**: a work-group member's name for someone who may not see it."""
    name = name.strip()
    return name[:1] + "*" * max(1, len(name) - 1) if name else ""


def mask_phone(phone: str) -> str:
    """13903941234 → 139****1234; short numbers keep only their last two digits."""
    digits = phone.strip()
    if len(digits) >= 7:
        return digits[:3] + "*" * (len(digits) - 7) + digits[-4:]
    return "*" * max(0, len(digits) - 2) + digits[-2:]


# -- 未巡先改: the round's problems generalised into a typical-problem list ----------------
SELF_CHECK_REQUIREMENTS: dict[str, str] = {
    "water": "排查本村供水设施和饮水安全，能立即解决的立即解决，不能立即解决的明确时限和责任人。",
    "power": "排查本村供电线路和设施隐患，及时联系供电部门整改。",
    "gas": "排查本村燃气设施安全隐患，发现问题及时报告、限期整改。",
    "road": "排查本村道路损毁、积水等问题，制定修复计划并公开。",
    "well": "排查本村机井、水井的使用和管护情况，损坏的及时修复。",
    "bridge": "排查本村桥梁涵洞安全状况，存在隐患的设置警示并报告整改。",
    "livelihood_other": "对照排查本村同类民生问题，逐项明确整改措施和时限。",
    "party_education": "落实“三会一课”、主题党日等制度，完善党员教育管理台账。",
    "cadre_management": "对照检查村干部履职、考勤、请销假等管理制度落实情况，健全台账。",
    "affairs_disclosure": "按规定及时、完整公开村务、财务和党务，接受群众监督。",
    "collective_assets": "清理集体“三资”，规范合同、账目和资产登记，防止流失。",
    "general_other": "对照清单逐项自查，建立问题清单和整改台账，限期整改。",
    "clue": "对照检查村干部是否存在同类问题，发现违纪违法问题线索及时向乡镇纪委报告。",
}
"""What a village not yet inspected is asked to do about one kind of problem (by subcategory code,
or ``clue`` for violation clues)."""

_FILLERS = (
    "群众反映强烈",
    "希望巡察组帮助解决",
    "已反映多次",
    "尊敬的巡察组",
)


def generalise(text: str, names: Iterable[str]) -> str:
    """A problem as it may stand in a typical-problem list: every known name (people, villages,
    townships) removed, ordinals (第2处) and head counts (涉及12户群众) dropped, who reported it
    (…反映：) left out. The result names no one and no place; :func:`names_in` checks it."""
    out = text
    for name in sorted({n for n in names if len(n) >= 2}, key=len, reverse=True):
        out = out.replace(name, "")
    out = out.replace("某某", "")
    for filler in _FILLERS:
        out = out.replace(filler, "")
    out = re.sub(r"涉及\d+户群众。?", "", out)
    out = re.sub(r"第[0-9一二三四五六七八九十]+[处件项个次]", "", out)
    out = re.sub(r"^[^，。：:]{0,6}反映[：:]", "", out)
    out = re.sub(r"[，,]?\s*[^，。]{0,6}反映$", "", out)
    out = re.sub(r"[，,。；;：:\s]+$", "", out)
    out = re.sub(r"^[，,。；;：:\s]+", "", out)
    out = re.sub(r"([，。；])[，。；]+", r"\1", out)
    return out.strip()


def names_in(text: str, names: Iterable[str]) -> list[str]:
    """The known names (of two characters or more) that ``text`` still contains."""
    return sorted({n for n in names if len(n) >= 2 and n in text})
