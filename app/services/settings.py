"""Typed settings of a workspace, declared in one place (stored as JSON in ``workspace_meta``).

Add a setting by adding a field with its default here; a workspace written before the field
existed reads the default, and a setting this program does not know is kept as it is.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, fields, replace
from typing import Any

from app.storage.models import WorkspaceMeta
from app.storage.workspace import Workspace

SETTINGS_KEY = "settings"


@dataclass(frozen=True)
class Settings:
    # the field window
    idle_lock_minutes: int = 5
    photo_max_edge: int = 2048
    # the evening wrap-up and follow-up
    fix_now_days: int = 7
    ledger_days: int = 30
    clue_feedback_months: int = 3
    warn_green_days: int = 20
    warn_yellow_days: int = 10
    # 集中整治 recommendation in the village report (tier codes: good / middle / poor)
    concentrate_tiers: list[str] | None = None  # None: ["poor"] (差)
    concentrate_min_clues: int = 3
    concentrate_min_problems: int = 0  # 0: not used
    # 集中整治 (the district committee the 建议 goes to, the work group's default units, the
    # months from 验收 to 回头看, systems tracked beyond the built-in five)
    campaign_committee: str = "区委"
    campaign_lead_unit: str = "区纪委监委"
    campaign_member_units: list[str] | None = None  # None: 组织部、政法委、民政局、信访局 + 乡镇
    campaign_review_months: int = 6
    campaign_systems: list[str] | None = None
    # documents
    font_files: dict[str, str] | None = None
    # the window (issue 16): dates further back than this need a confirmation (0: never asked)
    date_back_days: int = 30
    # responsible units offered for 立行立改 (the settings page edits them)
    responsible_units: list[str] | None = None  # None: the built-in list of district units
    # triage before entering (None: the rule's default; weights keyed by channel code)
    triage_weights: dict[str, int] | None = None
    triage_middle_from: int = 1
    triage_poor_from: int = 4
    triage_poor_alone: list[str] | None = None
    triage_poor_from_channels: int | None = 3
    triage_count_step: int = 5
    triage_count_bonus_cap: int = 2
    # batch plan: villages per batch in phases ①②③
    batch_troubled_size: int = 3
    batch_steady_size: int = 8
    batch_full_speed_size: int = 15
    # 巡察公告 ("" or None: from the team, the batch or the round)
    notice_issuer: str = ""
    notice_period: str = ""
    notice_hours: str = "每天8:00—18:00"
    notice_phone: str = ""
    notice_mailbox: str = ""
    notice_box_locations: list[str] | None = None
    # limits on bundles and imported tables (name → number; see app.domain.limits.Limits)
    limits: dict[str, int] | None = None
    # papers: the bodies papers are addressed to, by their full names (a paper whose addressee
    # cannot be named is not printed), the office's name, the 保密期限 of classified papers
    police_body: str = ""  # 公安机关，如 淮阳区公安局
    discipline_body: str = ""  # 纪检监察机关，如 中共淮阳区纪委 淮阳区监委
    organisation_body: str = ""  # 组织部门，如 中共淮阳区委组织部
    office_name: str = ""  # "" → 区委巡察办
    secret_term: str = "1年"  # 秘密★1年

    def with_changes(self, **changes: Any) -> Settings:
        return replace(self, **changes)


def _stored(ws: Workspace) -> dict[str, Any]:
    with ws.session() as s:
        row = s.get(WorkspaceMeta, SETTINGS_KEY)
    if row is None or not row.value:
        return {}
    data = json.loads(row.value)
    return data if isinstance(data, dict) else {}


def load_settings(ws: Workspace) -> Settings:
    stored = _stored(ws)
    known = {f.name for f in fields(Settings)}
    return Settings(**{k: v for k, v in stored.items() if k in known})


def save_settings(ws: Workspace, settings: Settings) -> None:
    """Store ``settings`` (keeping keys a newer program wrote) and audit the change."""
    merged = _stored(ws) | asdict(settings)
    with ws.session() as s:
        row = s.get(WorkspaceMeta, SETTINGS_KEY) or WorkspaceMeta(key=SETTINGS_KEY)
        row.value = json.dumps(merged, ensure_ascii=False, sort_keys=True)
        s.add(row)
        s.audit("settings", note=",".join(sorted(asdict(settings))))
        s.commit()


__all__ = ["Settings", "load_settings", "save_settings"]
