"""巡察公告: one large-print page per village with the team's contacts; fonts embedded."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from sqlmodel import select

from app.documents.public_notice import (
    PHONE_SIZE,
    TEXT_SIZE,
    TITLE_SIZE,
    NoticeData,
    period_text,
    render_public_notices,
)
from app.storage.workspace import Workspace
from tests.unit.documents.pdfprobe import font_embedding, read_pages


def _notice(village: str) -> NoticeData:
    return NoticeData(
        issuer="区委第一巡察组",
        township="城关镇",
        village=village,
        period=period_text(dt.date(2026, 3, 2), dt.date(2026, 3, 31)),
        hours="每天8:00—18:00",
        phone="0394-8291234",
        mailbox="淮阳区邮政局第12号信箱",
        box_locations=("村党群服务中心门口", "村卫生室门口"),
        date=dt.date(2026, 3, 1),
    )


def test_period_text() -> None:
    assert period_text(dt.date(2026, 3, 2), dt.date(2026, 3, 31)) == "2026年3月2日至3月31日"
    assert period_text(dt.date(2026, 12, 20), dt.date(2027, 1, 9)) == "2026年12月20日至2027年1月9日"


def test_one_large_page_per_village() -> None:
    pdf = render_public_notices([_notice("王庄村"), _notice("李庄村")])
    pages = read_pages(pdf)
    assert len(pages) == 2
    for page, village in zip(pages, ["王庄村", "李庄村"], strict=True):
        text = page.text()
        assert "巡　察　公　告".replace("　", "") in text.replace("　", "").replace(" ", "")
        for part in (
            f"对城关镇{village}开展巡察",
            "2026年3月2日至3月31日",
            "0394-8291234",
            "邮政信箱：淮阳区邮政局第12号信箱",
            "意见箱设置地点：村党群服务中心门口、村卫生室门口",
            "严格为反映人保密",
            "2026年3月1日",
        ):
            assert part in text.replace("\n", ""), part
        sizes = {round(g.size) for g in page.glyphs}
        assert {round(TITLE_SIZE), round(TEXT_SIZE), round(PHONE_SIZE)} <= sizes
        assert min(sizes) >= TEXT_SIZE - 0.5  # nothing small on a notice board
        assert "— 1 —" not in text  # no page numbers
    assert all(font_embedding(pdf).values())


def test_nothing_to_print_is_an_error() -> None:
    with pytest.raises(ValueError):
        render_public_notices([])


def test_notice_data_comes_from_settings_batch_and_team(ws: Workspace, tmp_path: Path) -> None:
    from app.services.registry.batch_plan import save_plan, suggest_plan
    from app.services.registry.public_notice import notice_data
    from app.services.registry.villages import RegistryError, registry_rows
    from app.services.settings import load_settings, save_settings
    from app.storage.models import Batch, Team
    from tests.unit.services.registry.channel_files import make_registry

    make_registry(ws, tmp_path)
    save_plan(ws, suggest_plan(ws))
    vid = next(r.id for r in registry_rows(ws) if r.label == "城关镇新村")
    with pytest.raises(RegistryError, match="公告缺少联系电话"):
        notice_data(ws, [vid])
    with ws.session() as s:
        team = s.exec(select(Team)).one()
        team.phone, team.mailbox = "0394-1234567", "某区邮政局1号信箱"
        s.add(team)
        s.commit()
    with pytest.raises(RegistryError, match="“新村”的巡察时间未定"):
        notice_data(ws, [vid])
    with ws.session() as s:
        for batch in s.exec(select(Batch)).all():
            batch.starts_on, batch.ends_on = dt.date(2026, 4, 1), dt.date(2026, 4, 30)
            s.add(batch)
        s.commit()
    (n,) = notice_data(ws, [vid], today=dt.date(2026, 3, 30))
    assert (n.township, n.village, n.period, n.phone, n.mailbox, n.issuer) == (
        "城关镇",
        "新村",
        "2026年4月1日至4月30日",
        "0394-1234567",
        "某区邮政局1号信箱",
        "第一巡察组",
    )
    assert n.box_locations == ("村党群服务中心门口",)
    save_settings(
        ws,
        load_settings(ws).with_changes(
            notice_period="2026年5月6日至6月5日",
            notice_phone="12388",
            notice_box_locations=["村委会门口", "村小学门口"],
            notice_issuer="区委第三巡察组",
        ),
    )
    (n,) = notice_data(ws, [vid])
    assert (n.period, n.phone, n.issuer, n.box_locations) == (
        "2026年5月6日至6月5日",
        "12388",
        "区委第三巡察组",
        ("村委会门口", "村小学门口"),
    )
