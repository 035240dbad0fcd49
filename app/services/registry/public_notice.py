"""What each village's 巡察公告 says: from the settings, the team, the batch and the round."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from sqlmodel import col, select

from app.documents.public_notice import NoticeData, period_text, render_public_notices
from app.services.fonts import workspace_fonts
from app.services.registry.villages import RegistryError, current_round
from app.services.settings import load_settings
from app.storage.models import Batch, Team, Township, User, Village
from app.storage.workspace import Workspace


def notice_data(
    ws: Workspace, village_ids: Sequence[str], today: date | None = None
) -> list[NoticeData]:
    """What each village's 巡察公告 says, from the settings, the team, the batch and the round.

    The period comes from the settings (``notice_period``), else the village's batch dates, else
    the round's; the phone and mailbox from the settings, else the team. Refused (RegistryError)
    when a notice would lack its period or phone.
    """
    settings = load_settings(ws)
    today = today or date.today()
    with ws.session() as s:
        user = s.get(User, ws.user_id)
        team = s.get(Team, user.team_id) if user and user.team_id else None
        team = team or s.exec(select(Team).where(col(Team.retired_at).is_(None))).first()
        rnd = current_round(s)
        batches = {b.id: b for b in s.exec(select(Batch)).all()}
        towns = {t.id: t.name for t in s.exec(select(Township)).all()}
        villages = {
            v.id: v for v in s.exec(select(Village).where(col(Village.id).in_(list(village_ids))))
        }
    issuer = settings.notice_issuer or (team.issuing_body or team.name if team else "")
    phone = settings.notice_phone or (team.phone if team else "")
    mailbox = settings.notice_mailbox or (team.mailbox if team else "")
    boxes = tuple(settings.notice_box_locations or ("村党群服务中心门口",))
    if not issuer:
        raise RegistryError("公告缺少发布单位：请在设置中填写巡察组名称")
    if not phone:
        raise RegistryError("公告缺少联系电话：请在设置中填写公告电话或巡察组电话")
    out: list[NoticeData] = []
    for vid in village_ids:
        v = villages.get(vid)
        if v is None:
            raise RegistryError("所选村（社区）不存在")
        period = settings.notice_period
        batch = batches.get(v.batch_id) if v.batch_id else None
        if not period and batch and batch.starts_on and batch.ends_on:
            period = period_text(batch.starts_on, batch.ends_on)
        if not period and rnd and rnd.starts_on and rnd.ends_on:
            period = period_text(rnd.starts_on, rnd.ends_on)
        if not period:
            raise RegistryError(
                f"“{v.name}”的巡察时间未定：请在设置中填写公告时间，或为其批次填写起止日期"
            )
        out.append(
            NoticeData(
                issuer=issuer,
                township=towns.get(v.township_id, ""),
                village=v.name,
                period=period,
                hours=settings.notice_hours,
                phone=phone,
                mailbox=mailbox,
                box_locations=boxes,
                date=today,
            )
        )
    return out


@dataclass(frozen=True)
class PrintedNotices:
    pdf: bytes
    pages: int


def print_public_notices(
    ws: Workspace, village_ids: Sequence[str], out: Path | None = None, today: date | None = None
) -> PrintedNotices:
    """The 巡察公告 of these villages, one page each (written to ``out`` when given), audited as
    a print: the window and the command line both print through here."""
    notices = notice_data(ws, village_ids, today)
    pdf = render_public_notices(notices, out, fonts=workspace_fonts(ws))
    with ws.session() as s:
        s.audit("print_notice", note=f"{len(notices)} 页")
        s.commit()
    return PrintedNotices(pdf, len(notices))
