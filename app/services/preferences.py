"""What the settings page edits: the team's particulars, the round's dates, and the typed settings.

One read (:func:`load_preferences`) and one audited write (:func:`save_preferences`) so the page
and any future command share the same rules (:func:`check_preferences`). Fonts are checked by
resolving them: a configured file that is not a usable TrueType font is refused with the
resolver's own Chinese message.

:func:`date_limits` gives the dates a form checks a typed date against (the round's dates, how
far back is usual).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from app.domain.dates import DateLimits
from app.domain.errors import UserError
from app.domain.vocabulary import Role
from app.services.field.records import Changed
from app.services.followup.numbering import own_team
from app.services.registry.villages import current_round
from app.services.settings import Settings, load_settings, save_settings
from app.storage.workspace import Workspace

DEFAULT_UNITS: tuple[str, ...] = (
    "乡镇人民政府",
    "区水利局",
    "国网供电公司",
    "区住房和城乡建设局",
    "区交通运输局",
    "区民政局",
    "区农业农村局",
    "区卫生健康委员会",
    "区教育局",
    "区自然资源局",
)
"""Responsible units offered for 立行立改 before a team sets its own list."""

FONT_ROLES: tuple[tuple[str, str], ...] = (
    ("fangsong", "仿宋"),
    ("kaiti", "楷体"),
    ("heiti", "黑体"),
    ("song", "宋体"),
    ("title", "小标宋"),
)


@dataclass(frozen=True)
class Preferences:
    """Everything the settings page shows and saves, as plain values."""

    team_name: str = ""
    issuing_body: str = ""
    doc_prefix: str = ""
    phone: str = ""
    mailbox: str = ""
    round_name: str = ""
    round_start: date | None = None
    round_end: date | None = None
    settings: Settings = field(default_factory=Settings)

    @property
    def units(self) -> list[str]:
        units = self.settings.responsible_units
        return list(DEFAULT_UNITS) if units is None else list(units)


def load_preferences(ws: Workspace) -> Preferences:
    settings = load_settings(ws)
    with ws.session() as s:
        team = own_team(s, ws.user_id)
        rnd = current_round(s)
        return Preferences(
            team_name=team.name,
            issuing_body=team.issuing_body,
            doc_prefix=team.doc_prefix,
            phone=team.phone,
            mailbox=team.mailbox,
            round_name=rnd.name if rnd else "",
            round_start=rnd.starts_on if rnd else None,
            round_end=rnd.ends_on if rnd else None,
            settings=settings,
        )


def _in(errors: dict[str, str], key: str, value: int, low: int, high: int, what: str) -> None:
    if not low <= value <= high:
        errors[key] = f"{what}应在{low}到{high}之间。"


def check_preferences(p: Preferences) -> dict[str, str]:
    """Field → Chinese message for every value the page must not save (empty: all fine)."""
    errors: dict[str, str] = {}
    st = p.settings
    if not p.team_name.strip():
        errors["team_name"] = "请填写巡察组名称。"
    code = p.doc_prefix.strip()
    if code and (len(code) > 20 or any(ch in code for ch in "〔〕[]()（）0123456789")):
        errors["doc_prefix"] = "机关代字应为不含年份和序号的简称，如“淮巡立改”（不超过20字）。"
    phone = p.phone.strip()
    if phone and not all(ch.isdigit() or ch in "-—－ ()（）转" for ch in phone):
        errors["phone"] = "联系电话只能含数字、短横线和括号。"
    if p.round_start and p.round_end and p.round_end < p.round_start:
        errors["round_end"] = "本轮结束日期不能早于开始日期。"
    _in(errors, "fix_now_days", st.fix_now_days, 1, 90, "立行立改时限（天）")
    _in(errors, "ledger_days", st.ledger_days, 1, 365, "对账销号时限（天）")
    _in(errors, "clue_feedback_months", st.clue_feedback_months, 1, 12, "线索反馈时限（月）")
    _in(errors, "warn_green_days", st.warn_green_days, 1, 90, "绿色预警天数")
    _in(errors, "warn_yellow_days", st.warn_yellow_days, 1, 90, "黄色预警天数")
    if "warn_yellow_days" not in errors and st.warn_yellow_days >= st.warn_green_days:
        errors["warn_yellow_days"] = "黄色预警天数应少于绿色预警天数。"
    _in(errors, "idle_lock_minutes", st.idle_lock_minutes, 1, 120, "无操作自动锁定（分钟）")
    _in(errors, "date_back_days", st.date_back_days, 0, 3650, "日期提醒天数")
    if not st.secret_term.strip():
        errors["secret_term"] = "保密期限不能为空，如 1年 或 2027年12月31日。"
    for key in ("police_body", "discipline_body", "organisation_body", "office_name"):
        if len(str(getattr(st, key))) > 100:
            errors[key] = "名称不能超过100字。"
    units = st.responsible_units or []
    if any(len(u) > 100 for u in units):
        errors["responsible_units"] = "单位名称不能超过100字。"
    for key, path in (st.font_files or {}).items():
        if path and not Path(path).is_file():
            errors[f"font_{key}"] = f"找不到字体文件：{Path(path).name}"
    return errors


class PreferencesRefused(UserError):
    """The page's values do not pass :func:`check_preferences` (``errors`` by field)."""

    def __init__(self, errors: dict[str, str]) -> None:
        super().__init__("；".join(errors.values()))
        self.errors = errors


def save_preferences(ws: Workspace, p: Preferences) -> list[Changed]:
    """Check and store ``p`` (team, round, settings), audited; refused with the fields at fault."""
    if ws.role is Role.MEMBER:
        raise PreferencesRefused({"": "只有组长可以修改设置。"})
    errors = check_preferences(p)
    files = {k: v for k, v in (p.settings.font_files or {}).items() if v}
    if files and not errors:
        from app.documents.fonts import FontError, FontResolver, FontRole

        try:
            FontResolver({FontRole(k): Path(v) for k, v in files.items()}).resolve()
        except FontError as exc:
            errors["fonts"] = str(exc)
    if errors:
        raise PreferencesRefused(errors)
    settings = p.settings.with_changes(font_files=files or None)
    changed: list[Changed] = []
    with ws.session() as s:
        team = own_team(s, ws.user_id)
        values = {
            "name": p.team_name.strip(),
            "issuing_body": p.issuing_body.strip(),
            "doc_prefix": p.doc_prefix.strip(),
            "phone": p.phone.strip(),
            "mailbox": p.mailbox.strip(),
        }
        if any(getattr(team, k) != v for k, v in values.items()):
            for k, v in values.items():
                setattr(team, k, v)
            s.add(team)
        rnd = current_round(s, create=bool(p.round_start or p.round_end or p.round_name))
        if rnd is not None:
            name = p.round_name.strip() or rnd.name
            if (rnd.name, rnd.starts_on, rnd.ends_on) != (name, p.round_start, p.round_end):
                rnd.name, rnd.starts_on, rnd.ends_on = name, p.round_start, p.round_end
                s.add(rnd)
        s.commit()
        changed.append(Changed("team", team.id, team.version))
        if rnd is not None:
            changed.append(Changed("inspection_round", rnd.id, rnd.version))
    save_settings(ws, settings)
    return changed


def date_limits(ws: Workspace, *, deadline: bool = False) -> DateLimits:
    """What a typed date is checked against (see :func:`app.domain.dates.date_concern`)."""
    settings = load_settings(ws)
    with ws.session() as s:
        rnd = current_round(s)
        start, end = (rnd.starts_on, rnd.ends_on) if rnd is not None else (None, None)
    return DateLimits(start, end, settings.date_back_days, deadline)


__all__ = [
    "DEFAULT_UNITS",
    "FONT_ROLES",
    "Preferences",
    "PreferencesRefused",
    "check_preferences",
    "date_limits",
    "load_preferences",
    "save_preferences",
]
