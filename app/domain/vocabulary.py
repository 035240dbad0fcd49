"""The words of the work: enumerations stored by their English code, shown by their Chinese label.

Every value that is stored in the database is the enum's ``value`` (a short English code) so that
labels can be reworded without a migration. ``label`` gives the Chinese word the users read; keep
those words exactly as DOMAIN.md writes them.
"""

from __future__ import annotations

from enum import StrEnum


class Labelled(StrEnum):
    """A string enum whose members carry a Chinese label."""

    label: str

    def __new__(cls, value: str, label: str = "") -> Labelled:
        member = str.__new__(cls, value)
        member._value_ = value
        member.label = label
        return member


class WorkspaceKind(Labelled):
    TEAM = "team", "巡察组"
    OFFICE = "office", "巡察办"


class Role(Labelled):
    LEADER = "leader", "组长"
    MEMBER = "member", "成员"
    OFFICE = "office", "巡察办"


ROLES_SEEING_PROTECTED_NAMES = frozenset({Role.LEADER, Role.OFFICE})
"""Roles that may read the names of informants and other protected persons."""


def may_see_protected(role: Role) -> bool:
    """Whether a user with ``role`` may read protected names unmasked."""
    return role in ROLES_SEEING_PROTECTED_NAMES


class VillageKind(Labelled):
    VILLAGE = "village", "村"
    COMMUNITY = "community", "社区"


class TownshipKind(Labelled):
    TOWNSHIP = "township", "乡镇"
    SUBDISTRICT = "subdistrict", "街道"


class Tier(Labelled):
    GOOD = "good", "好"
    MIDDLE = "middle", "中"
    POOR = "poor", "差"


class InspectionStyle(Labelled):
    RESEARCH = "research", "调研式巡察"
    TARGETED = "targeted", "点穴式巡察"
    KEY = "key", "重点巡察"


STYLE_FOR_TIER: dict[Tier, InspectionStyle] = {
    Tier.GOOD: InspectionStyle.RESEARCH,
    Tier.MIDDLE: InspectionStyle.TARGETED,
    Tier.POOR: InspectionStyle.KEY,
}


class Channel(Labelled):
    """The seven data channels that flag villages before a round (DOMAIN.md, step 1)."""

    PETITION = "petition", "信访问题集中村"
    DISCIPLINE_REPORT = "discipline_report", "信访举报高发村"
    WEAK_BRANCH = "weak_branch", "软弱涣散/瘫痪村"
    POVERTY_RELAPSE = "poverty_relapse", "返贫易发村"
    CRIME = "crime", "治安刑事案件多发村"
    CENTRAL_WORK = "central_work", "中心工作推进不力村"
    BIG_DATA = "big_data", "大数据比对违规违纪问题线索明显村"


CHANNEL_SOURCE: dict[Channel, str] = {
    Channel.PETITION: "区信访局",
    Channel.DISCIPLINE_REPORT: "纪检监察机关",
    Channel.WEAK_BRANCH: "组织部门",
    Channel.POVERTY_RELAPSE: "乡村振兴局",
    Channel.CRIME: "公安局",
    Channel.CENTRAL_WORK: "乡镇",
    Channel.BIG_DATA: "大数据比对",
}


class Phase(Labelled):
    TROUBLED_FIRST = "1", "第一步：先难后易治乱村"
    STEADY = "2", "第二步：稳扎稳打推制度"
    FULL_SPEED = "3", "第三步：全速推进找短板"


class VisitMethod(Labelled):
    OPEN_DOOR = "open_door", "开门迎访"
    GENERAL = "general", "普遍走访"
    KEY = "key", "重点探访"
    APPOINTMENT = "appointment", "个别约访"
    IN_DEPTH = "in_depth", "深入查访"


class EntryChannel(Labelled):
    """How an opinion-box entry reached the team."""

    OPINION_BOX = "opinion_box", "意见箱"
    CONTACT_CARD_CALL = "contact_card_call", "联系卡电话"
    LETTER = "letter", "来信"
    WALK_IN = "walk_in", "来访"


class ProblemCategory(Labelled):
    LIVELIHOOD = "livelihood", "民生问题"
    CLUE = "clue", "违纪违法问题线索"
    GENERAL = "general", "一般性问题"


class Subcategory(Labelled):
    """Second level of the problem category (the category it belongs to is ``category``)."""

    WATER = "water", "水"
    POWER = "power", "电"
    GAS = "gas", "气"
    ROAD = "road", "路"
    WELL = "well", "井"
    BRIDGE = "bridge", "桥"
    LIVELIHOOD_OTHER = "livelihood_other", "其他民生"
    PARTY_EDUCATION = "party_education", "党员教育"
    CADRE_MANAGEMENT = "cadre_management", "村干部管理"
    AFFAIRS_DISCLOSURE = "affairs_disclosure", "村务公开"
    COLLECTIVE_ASSETS = "collective_assets", "集体“三资”管理"
    GENERAL_OTHER = "general_other", "其他一般性问题"

    @property
    def category(self) -> ProblemCategory:
        if self in _LIVELIHOOD_SUBS:
            return ProblemCategory.LIVELIHOOD
        return ProblemCategory.GENERAL


_LIVELIHOOD_SUBS = frozenset(
    {
        Subcategory.WATER,
        Subcategory.POWER,
        Subcategory.GAS,
        Subcategory.ROAD,
        Subcategory.WELL,
        Subcategory.BRIDGE,
        Subcategory.LIVELIHOOD_OTHER,
    }
)


class Track(Labelled):
    """How a sorted problem is handled (DOMAIN.md, step 4)."""

    FIX_NOW = "fix_now", "立行立改"
    FAST_INVESTIGATION = "fast_investigation", "直查快办"
    LEDGER = "ledger", "对账销号"
    VERIFY = "verify", "待核实"


class ProblemStatus(Labelled):
    NEW = "new", "待研判"
    SORTED = "sorted", "已研判"
    HANDLING = "handling", "处置中"
    RESOLVED = "resolved", "已办结"
    MERGED = "merged", "已合并"


class ReceivingBody(Labelled):
    DISCIPLINE_COMMISSION = "discipline_commission", "区纪委监委"
    POLICE = "police", "公安机关"
    ORGANISATION = "organisation", "组织部门"


class Urgency(Labelled):
    NORMAL = "normal", "一般"
    URGENT = "urgent", "紧急"
    VERY_URGENT = "very_urgent", "特急"


class NoticeStatus(Labelled):
    ISSUED = "issued", "已下发"
    FEEDBACK_RECEIVED = "feedback_received", "已反馈"
    VERIFIED = "verified", "已核查"
    CLOSED = "closed", "已办结"


class ClueStatus(Labelled):
    TRANSFERRED = "transferred", "已移交"
    PRELIMINARY = "preliminary", "初核"
    CASE_FILED = "case_filed", "立案"
    TALK_INQUIRY = "talk_inquiry", "谈话函询"
    SHELVED = "shelved", "暂存待查"
    CONCLUDED = "concluded", "了结"


class LedgerStatus(Labelled):
    OPEN = "open", "未整改"
    IN_PROGRESS = "in_progress", "整改中"
    TICKED_OFF = "ticked_off", "已销号"


class WrapupStatus(Labelled):
    OPEN = "open", "未签结"
    CLOSED = "closed", "已签结"


class SourceKind(Labelled):
    """The kinds of record that can raise a problem."""

    VISIT = "visit", "走访记录"
    ENTRY = "entry", "意见箱信件"
    INTERVIEW = "interview", "谈话记录"


RECORD_KIND_LABELS: dict[str, str] = {
    "team": "巡察组",
    "user": "用户",
    "township": "乡镇（街道）",
    "inspection_round": "巡察轮次",
    "batch": "批次",
    "village": "村（社区）",
    "channel_list": "渠道名单",
    "channel_listing": "渠道名单条目",
    "person": "人员",
    "visit": "走访记录",
    "visit_person": "走访对象",
    "opinion_entry": "意见箱信件",
    "interview": "谈话记录",
    "daily_wrapup": "昼巡夜结",
    "rectification_notice": "立行立改通知书",
    "problem": "问题",
    "problem_source": "问题来源",
    "clue_transfer": "问题线索移交",
    "ledger_item": "整改台账事项",
    "wrapup_amendment": "昼巡夜结更正",
    "deadline_extension": "整改延期",
    "attachment": "照片附件",
    "working_paper": "问题底稿",
    "paper_copy": "文书份号登记",
    "village_tier_change": "村分类变化",
    "campaign_proposal": "集中整治建议",
    "campaign_decision": "区委集中整治决定",
    "campaign_village": "集中整治村（含建议）",
    "campaign_member": "整治工作组人员",
    "campaign_task": "集中整治任务",
    "campaign_progress": "整治任务进展",
    "campaign_case": "案件查处",
    "campaign_cadre_change": "班子调整",
    "campaign_check": "整治督查",
    "campaign_evaluation": "整治评估",
    "village_system": "制度推广情况",
    "typical_problem_list": "典型问题清单",
    "typical_problem": "典型问题",
    "selfcheck_result": "未巡先改自查结果",
    "campaign_villages": "集中整治村（经区委决定）",
    "audit_event": "审计记录",
}
"""Chinese names of the kinds of record (table names), for counts, conflicts and reports."""
