"""A small workspace for follow-up tests: two villages, notices, transfers and ledger items
(unnumbered, as the evening wrap-up leaves them), and an informant's name planted in a problem."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, timedelta

from sqlmodel import select

from app.domain.vocabulary import (
    EntryChannel,
    ProblemCategory,
    ReceivingBody,
    Subcategory,
    Tier,
    Track,
    Urgency,
)
from app.storage.models import (
    ClueTransfer,
    LedgerItem,
    OpinionEntry,
    Person,
    Problem,
    ProblemSource,
    RectificationNotice,
    Team,
    Township,
    Village,
)
from app.storage.workspace import Workspace

DAY = date(2026, 11, 20)
INFORMANT = "欧阳青禾"
PREFIX = "淮巡立改"


@dataclass
class Seeded:
    villages: list[str] = field(default_factory=list)
    notices: list[str] = field(default_factory=list)
    clues: list[str] = field(default_factory=list)
    ledger: list[str] = field(default_factory=list)
    township: str = ""


def seed(ws: Workspace, *, prefix: str = PREFIX, day: date = DAY) -> Seeded:
    out = Seeded()
    with ws.session() as s:
        team = s.exec(select(Team)).first()
        assert team is not None
        team.doc_prefix = prefix
        team.issuing_body = "中共淮阳区委第一巡察组"
        team.phone = "0394-4321234"
        s.add(team)
        town = Township(name="城关镇", party_committee="中共城关镇委员会")
        s.add(town)
        s.flush()
        out.township = town.id
        informant = Person(name=INFORMANT, protected=True)
        s.add(informant)
        for name, tier in (("王庄村", Tier.POOR), ("李集村", Tier.GOOD)):
            v = Village(township_id=town.id, name=name, tier=tier)
            s.add(v)
            s.flush()
            out.villages.append(v.id)
            for unit in ("区水利局", "区交通运输局"):
                n = RectificationNotice(
                    village_id=v.id,
                    responsible_unit=unit,
                    year=day.year,
                    issued_on=day,
                    deadline=day + timedelta(days=7),
                    feedback_due=day + timedelta(days=10),
                    contact_person="赵文静",
                    contact_phone="0394-4321234",
                )
                s.add(n)
                s.flush()
                out.notices.append(n.id)
                for k in range(2):
                    text = f"{name}{unit[1:3]}问题第{k + 1}处，群众反映强烈"
                    if k == 0 and unit == "区水利局":
                        text = f"{INFORMANT}反映：{name}自来水停水三天"
                    s.add(
                        Problem(
                            village_id=v.id,
                            description=text,
                            raised_on=day,
                            category=ProblemCategory.LIVELIHOOD,
                            subcategory=Subcategory.WATER,
                            track=Track.FIX_NOW,
                            responsible_unit=unit,
                            deadline=day + timedelta(days=7),
                            requirement="立即抢修，恢复供水",
                            notice_id=n.id,
                        )
                    )
            for k in range(3 if tier is Tier.POOR else 1):
                p = Problem(
                    village_id=v.id,
                    description=f"{name}村干部优亲厚友第{k + 1}件，{INFORMANT}反映",
                    raised_on=day,
                    category=ProblemCategory.CLUE,
                    track=Track.FAST_INVESTIGATION,
                    receiving_body=ReceivingBody.DISCIPLINE_COMMISSION,
                    urgency=Urgency.URGENT,
                )
                s.add(p)
                s.flush()
                entry = OpinionEntry(
                    village_id=v.id,
                    channel=EntryChannel.OPINION_BOX,
                    received_at=datetime(2026, 11, 19, 9),
                    anonymous=False,
                    writer_id=informant.id,
                    content=p.description,
                )
                s.add(entry)
                s.flush()
                s.add(ProblemSource(problem_id=p.id, entry_id=entry.id))
                c = ClueTransfer(
                    problem_id=p.id,
                    year=day.year,
                    receiving_body=ReceivingBody.DISCIPLINE_COMMISSION,
                    urgency=Urgency.URGENT,
                    transferred_on=day,
                    feedback_deadline=date(2027, 2, 20),
                    person_name="钱有福",
                    person_unit=f"{name}村委会",
                    person_post="村委会主任",
                    summary=p.description,
                    attachment_pages=4,
                    classification="秘密",
                )
                s.add(c)
                s.flush()
                out.clues.append(c.id)
            for k in range(2):
                p = Problem(
                    village_id=v.id,
                    description=f"{name}村务公开不及时第{k + 1}项",
                    raised_on=day,
                    category=ProblemCategory.GENERAL,
                    subcategory=Subcategory.AFFAIRS_DISCLOSURE,
                    track=Track.LEDGER,
                    supervisor="城关镇党委",
                    requirement="按月公开村务",
                    deadline=day + timedelta(days=30 + k * 10),
                )
                s.add(p)
                s.flush()
                item = LedgerItem(
                    problem_id=p.id,
                    village_id=v.id,
                    requirement=p.requirement,
                    supervisor=p.supervisor,
                    deadline=p.deadline or day,
                )
                s.add(item)
                s.flush()
                out.ledger.append(item.id)
        s.commit()
    return out
