"""Progress of the tasks (with evidence) and the monthly 督查 of a campaign village.

Both may be written on a team laptop: a team gathers progress in the villages it covers, and its
bundle carries the entries, the task's new status and the photos to the office.

Evidence photos go through the media intake and the attachments service like every other photo:
the blobs are written first (content-addressed), the rows in the same transaction as the entry.
A 建机制 task done makes its system 已建立 in the matrix from that day.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from app.domain.campaign import (
    ACTIVE_STATUSES,
    CampaignRefused,
    CheckRating,
    SystemSource,
    SystemStatus,
    TaskStatus,
    check_text,
)
from app.media import ProcessedPhoto
from app.services.attachments import add_attachment_rows, stage_photos
from app.services.campaign.common import Changed, live_campaign, today_or
from app.services.campaign.systems import set_system_in
from app.storage.models import CampaignCheck, CampaignProgress, CampaignTask, User
from app.storage.workspace import Workspace

__all__ = ["add_check", "add_progress"]


def _reporter(ws: Workspace) -> str:
    with ws.session() as s:
        user = s.get(User, ws.user_id)
    return (user.display_name if user else ws.username)[:64]


def add_progress(
    ws: Workspace,
    task_id: str,
    text: str,
    *,
    status_after: TaskStatus = TaskStatus.IN_PROGRESS,
    on: date | None = None,
    photos: Sequence[ProcessedPhoto] = (),
    today: date | None = None,
) -> Changed:
    """A progress entry on a task; the task takes ``status_after`` (已完成 sets its done date)."""
    text = check_text(text, "整治进展", "text")
    if status_after is TaskStatus.PLANNED:
        raise CampaignRefused("登记进展后任务应为“推进中”或“已完成”。", "status")
    today = today_or(today)
    on = on or today
    if on > today:
        raise CampaignRefused("进展日期不能晚于今天。", "on")
    reporter = _reporter(ws)
    names = stage_photos(ws, list(photos)) if photos else []
    out = Changed()
    with ws.session() as s:
        task = s.get(CampaignTask, task_id)
        if task is None or task.retired_at is not None:
            raise CampaignRefused("找不到这项整治任务。")
        campaign = live_campaign(s, task.campaign_id)
        if task.status is TaskStatus.DONE:
            raise CampaignRefused("任务已完成，不能再登记进展。")
        if campaign.status not in ACTIVE_STATUSES:
            raise CampaignRefused(f"该村（社区）当前为“{campaign.status.label}”，不能登记进展。")
        if campaign.started_on is not None and on < campaign.started_on:
            raise CampaignRefused("进展日期不能早于区委决定日期。", "on")
        entry = CampaignProgress(
            task_id=task.id,
            village_id=task.village_id,
            reported_on=on,
            text=text,
            status_after=status_after,
            reporter=reporter,
        )
        s.add(entry)
        s.flush()
        out.add(entry)
        for att in add_attachment_rows(s, "campaign_progress", entry.id, list(photos), names):
            out.add(att)
        task.status = status_after
        task.progress = text
        task.done_on = on if status_after is TaskStatus.DONE else None
        s.add(task)
        out.add(task)
        if status_after is TaskStatus.DONE and task.system:
            cell = set_system_in(
                s,
                task.village_id,
                task.system,
                SystemStatus.ADOPTED,
                on=on,
                source=SystemSource.TASK,
                task_id=task.id,
                only_forward=True,
            )
            if cell is not None:
                out.add(cell)
        s.flush()
        s.commit()
    out.message = f"已登记进展（{status_after.label}）。"
    return out


def add_check(
    ws: Workspace,
    campaign_id: str,
    *,
    checker: str,
    findings: str,
    rating: CheckRating = CheckRating.NORMAL,
    on: date | None = None,
    today: date | None = None,
) -> Changed:
    """A monthly 督查: who checked and what they found."""
    checker = check_text(checker, "督查人（单位）", "checker", limit=100)
    findings = check_text(findings, "督查发现", "findings")
    today = today_or(today)
    on = on or today
    if on > today:
        raise CampaignRefused("督查日期不能晚于今天。", "on")
    out = Changed()
    with ws.session() as s:
        campaign = live_campaign(s, campaign_id)
        if campaign.status not in ACTIVE_STATUSES:
            raise CampaignRefused(f"该村（社区）当前为“{campaign.status.label}”，不在整治期内。")
        if campaign.started_on is not None and on < campaign.started_on:
            raise CampaignRefused("督查日期不能早于区委决定日期。", "on")
        check = CampaignCheck(
            campaign_id=campaign.id,
            village_id=campaign.village_id,
            checked_on=on,
            checker=checker,
            findings=findings,
            rating=rating,
        )
        s.add(check)
        s.flush()
        out.add(check)
        s.audit("campaign_check", check, note=rating.value)
        s.commit()
    return out
