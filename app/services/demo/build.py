"""A demo workspace full of realistic, varied Chinese data, deterministic for a seed.

Townships and villages with channel listings and tiers, a round in three batches, and for each of
``days`` days ending on ``until``: visits of all five methods, opinion-box entries and interviews in
the villages of the current batch, problems raised by them, sorted every evening but the last into
the three tracks, with notices, clue transfers and ledger items whose follow-up has advanced with
their age. A share of records carry photos drawn with Pillow. All names are invented.
"""

from __future__ import annotations

import random
from collections import defaultdict
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from sqlmodel import col, select

from app.domain.campaign import CampaignStatus
from app.domain.vocabulary import (
    CHANNEL_SOURCE,
    STYLE_FOR_TIER,
    Channel,
    ClueStatus,
    EntryChannel,
    LedgerStatus,
    NoticeStatus,
    Phase,
    ProblemCategory,
    ProblemStatus,
    ReceivingBody,
    Role,
    Subcategory,
    Tier,
    TownshipKind,
    Track,
    Urgency,
    VillageKind,
    VisitMethod,
    WorkspaceKind,
    WrapupStatus,
)
from app.media import intake_bytes, make_demo_photo
from app.services.demo.campaign import fill_campaigns
from app.services.demo.text import (
    CLUE_TEXTS,
    GENERAL_TEXTS,
    GIVEN_NAMES,
    LIVELIHOOD_TEXTS,
    MEMBER_NAMES,
    PLACE_SUFFIXES,
    SURNAMES,
    TOWNSHIP_NAMES,
    VISIT_NOTES,
)
from app.services.settings import load_settings, save_settings
from app.services.wrapup.working_papers import freeze_working_papers
from app.storage.models import (
    Attachment,
    Batch,
    CampaignVillage,
    ChannelListing,
    ClueTransfer,
    DailyWrapup,
    InspectionRound,
    Interview,
    LedgerItem,
    OpinionEntry,
    Person,
    Problem,
    ProblemSource,
    RectificationNotice,
    SelfCheckResult,
    Team,
    Township,
    User,
    Village,
    Visit,
    VisitPerson,
    WorkingPaper,
)
from app.storage.session import WorkspaceSession
from app.storage.workspace import Workspace

MAX_PHOTOS = 24
"""Distinct demo photos drawn at most (a photo is reused by later records once reached)."""


@dataclass(frozen=True)
class DemoOptions:
    villages: int = 40
    days: int = 14
    until: date = date(2026, 11, 27)
    seed: int = 1
    campaigns: bool | None = None
    """Also the district's second year (集中整治, 制度推广, 未巡先改). That is the office's work:
    by default (None) an office and a stand-alone laptop get it, never a laptop joined to an
    office (the office decides campaigns and sends them; its own would be refused there)."""
    now: datetime | None = None
    """No record is dated later than this (default: the clock), so that the last day, when it is
    today, holds only what could already have happened; the forms refuse anything later."""


@dataclass
class DemoSummary:
    villages: int = 0
    visits: int = 0
    entries: int = 0
    interviews: int = 0
    problems: int = 0
    notices: int = 0
    clues: int = 0
    ledger_items: int = 0
    photos: int = 0
    campaigns: int = 0
    selfchecks: int = 0


class _Gen:
    """The generator's state: one random stream, the session, and what it made so far."""

    def __init__(self, ws: Workspace, s: WorkspaceSession, opts: DemoOptions) -> None:
        self.ws = ws
        self.s = s
        self.opts = opts
        self.rng = random.Random(opts.seed)
        self.summary = DemoSummary()
        self.store = ws.media_store()
        self.photo_cache: list[tuple[str, str, int, int, int, str]] = []
        self.serial: dict[tuple[str, int], int] = defaultdict(int)
        self.team = s.exec(select(Team)).one()
        self.members: list[str] = []
        self.now = (opts.now or datetime.now()).replace(second=0, microsecond=0)

    def at(self, day: date, hour: int, minute: int = 0) -> datetime:
        """``day`` at ``hour:minute``, but never later than now."""
        return min(datetime.combine(day, time(hour, minute)), self.now)

    # -- names ----------------------------------------------------------------------------
    def person_name(self) -> str:
        return self.rng.choice(SURNAMES) + self.rng.choice(GIVEN_NAMES)

    def village_names(self, count: int) -> list[str]:
        names: list[str] = []
        seen: set[str] = set()
        while len(names) < count:
            name = self.rng.choice(SURNAMES) + self.rng.choice(PLACE_SUFFIXES)
            if len(seen) > len(SURNAMES) * len(PLACE_SUFFIXES) // 2:
                name = self.rng.choice("东西南北前后大小") + name
            if name not in seen:
                seen.add(name)
                names.append(name)
        return names

    # -- the registry -------------------------------------------------------------------------
    def registry(self) -> tuple[list[Village], InspectionRound, list[Batch]]:
        rng, s, opts = self.rng, self.s, self.opts
        n_towns = max(1, min(len(TOWNSHIP_NAMES), round(opts.villages / 12)))
        towns: list[Township] = []
        for i, name in enumerate(TOWNSHIP_NAMES[:n_towns]):
            kind = TownshipKind.SUBDISTRICT if name.endswith("街道") else TownshipKind.TOWNSHIP
            committee = name + ("党工委" if kind is TownshipKind.SUBDISTRICT else "党委")
            towns.append(
                Township(code=f"4116{i + 1:02d}", name=name, kind=kind, party_committee=committee)
            )
        s.add_all(towns)

        year = opts.until.year
        start = opts.until - timedelta(days=opts.days - 1)
        rnd = InspectionRound(
            name=f"{year}年第二轮村级巡察", year=year, starts_on=start, ends_on=opts.until
        )
        s.add(rnd)
        s.flush()
        batches = [
            Batch(
                round_id=rnd.id,
                number=n,
                phase=phase,
                team_id=self.team.id,
                starts_on=start + timedelta(days=(n - 1) * opts.days // 3),
                ends_on=start + timedelta(days=n * opts.days // 3 - 1),
            )
            for n, phase in ((1, Phase.TROUBLED_FIRST), (2, Phase.STEADY), (3, Phase.FULL_SPEED))
        ]
        s.add_all(batches)
        s.flush()

        villages: list[Village] = []
        per_town: dict[str, list[str]] = {}
        all_names = self.village_names(opts.villages)
        for i, vname in enumerate(all_names):
            town = towns[i % len(towns)]
            per_town.setdefault(town.id, []).append(vname)
            community = town.kind is TownshipKind.SUBDISTRICT
            village = Village(
                township_id=town.id,
                code=f"{town.code}{len(per_town[town.id]):03d}",
                name=vname + ("社区" if community else "村"),
                kind=VillageKind.COMMUNITY if community else VillageKind.VILLAGE,
            )
            villages.append(village)
        s.add_all(villages)
        s.flush()

        listings: list[ChannelListing] = []
        list_ids = {ch: f"demo-{ch.value}" for ch in Channel}
        for village in villages:
            flagged = [ch for ch in Channel if rng.random() < 0.12]
            for ch in flagged:
                listings.append(
                    ChannelListing(
                        village_id=village.id,
                        round_id=rnd.id,
                        channel=ch,
                        source=CHANNEL_SOURCE[ch],
                        count=rng.randint(1, 9),
                        note="",
                        list_id=list_ids[ch],
                    )
                )
            serious = {Channel.BIG_DATA, Channel.WEAK_BRANCH} & set(flagged)
            if len(flagged) >= 2 or serious:
                village.tier = Tier.POOR
            elif flagged:
                village.tier = Tier.MIDDLE
            else:
                village.tier = Tier.GOOD
            village.style = STYLE_FOR_TIER[village.tier]
        s.add_all(listings)
        # troubled villages first: poor ones in batch 1, middling in 2, the rest in 3
        order = {Tier.POOR: 0, Tier.MIDDLE: 1, Tier.GOOD: 2}
        ranked = sorted(villages, key=lambda v: (order[v.tier or Tier.GOOD], v.code))
        third = max(1, len(ranked) // 3)
        for i, village in enumerate(ranked):
            village.batch_id = batches[min(2, i // third)].id
        s.flush()
        self.summary.villages = len(villages)
        return villages, rnd, batches

    def users(self) -> None:
        for i, name in enumerate(MEMBER_NAMES[:3]):
            self.s.add(
                User(
                    username=name,
                    display_name=name,
                    role=Role.MEMBER,
                    team_id=self.team.id,
                    phone=f"1390394{1000 + i * 137:04d}",
                )
            )
            self.members.append(name)
        self.team.doc_prefix = "淮巡立改"
        self.team.clue_prefix = "淮巡移"
        self.team.issuing_body = f"中共{self.team.name}"
        self.team.phone = "0394-4321234"
        self.team.mailbox = "淮阳区邮政局第018号信箱"
        self.s.add(self.team)

    # -- photos -------------------------------------------------------------------------------
    def photo(
        self,
        subject: str,
        *,
        visit_id: str | None = None,
        entry_id: str | None = None,
        ledger_item_id: str | None = None,
        campaign_progress_id: str | None = None,
    ) -> None:
        if len(self.photo_cache) < MAX_PHOTOS:
            raw = make_demo_photo(self.rng.randrange(1 << 30), subject, 1280, 960)
            processed = intake_bytes(raw, f"IMG_{len(self.photo_cache) + 1:04d}.jpg")
            blob = self.store.put(processed.data)
            thumb = self.store.put(processed.thumbnail)
            self.photo_cache.append(
                (
                    blob.sha256,
                    blob.name,
                    processed.width,
                    processed.height,
                    blob.size_bytes,
                    thumb.name,
                )
            )
            entry = self.photo_cache[-1]
        else:
            entry = self.rng.choice(self.photo_cache)
        sha, name, width, height, size, thumb_name = entry
        self.s.add(
            Attachment(
                sha256=sha,
                stored_name=name,
                thumb_name=thumb_name,
                width=width,
                height=height,
                size_bytes=size,
                original_name=f"IMG_{self.rng.randint(1000, 9999)}.jpg",
                visit_id=visit_id,
                entry_id=entry_id,
                ledger_item_id=ledger_item_id,
                campaign_progress_id=campaign_progress_id,
            )
        )
        self.summary.photos += 1

    # -- one day in the villages -----------------------------------------------------------
    def problem_text(self, village: Village) -> tuple[str, Track, Subcategory | None]:
        roll = self.rng.random()
        if roll < 0.5:
            text, sub = self.rng.choice(LIVELIHOOD_TEXTS)
            track = Track.FIX_NOW
        elif roll < 0.68:
            text, sub = self.rng.choice(CLUE_TEXTS), None
            track = Track.FAST_INVESTIGATION
        else:
            text, sub = self.rng.choice(GENERAL_TEXTS)
            track = Track.LEDGER
        detail = self.rng.choice(["", f"涉及{self.rng.randint(3, 60)}户群众。", "已反映多次。"])
        return f"{village.name}{text}{detail}", track, sub

    def day(self, day: date, villages: list[Village], sort: bool) -> None:
        rng, s = self.rng, self.s
        problems: list[tuple[Problem, Track, Subcategory | None, Village]] = []
        for village in villages:
            n_visits = rng.randint(3, 8)
            for _ in range(n_visits):
                when = self.at(day, rng.randint(8, 17), rng.choice((0, 15, 30, 45)))
                method = rng.choice(list(VisitMethod))
                note = rng.choice(VISIT_NOTES).format(v=village.name)
                visit = Visit(
                    village_id=village.id,
                    occurred_at=when,
                    method=method,
                    place=rng.choice(
                        ["村委会", "村民家中", "田间地头", "村文化广场", "党群服务中心"]
                    ),
                    inspectors="、".join(rng.sample(self.members, 2)),
                    notes=note,
                )
                s.add(visit)
                s.flush()
                person = Person(
                    name=self.person_name(),
                    post=rng.choice(["村民", "党员", "村民代表", "退休教师"]),
                    village_id=village.id,
                    protected=rng.random() < 0.3,
                )
                s.add(person)
                s.flush()
                s.add(VisitPerson(visit_id=visit.id, person_id=person.id, role="受访群众"))
                self.summary.visits += 1
                if rng.random() < 0.08:
                    self.photo(rng.choice(["well", "road", "bridge", "meeting"]), visit_id=visit.id)
                if rng.random() < 0.35:
                    text, track, sub = self.problem_text(village)
                    p = Problem(village_id=village.id, description=text, raised_on=day)
                    s.add(p)
                    s.flush()
                    s.add(ProblemSource(problem_id=p.id, visit_id=visit.id))
                    problems.append((p, track, sub, village))
            for _ in range(rng.randint(0, 4)):
                anonymous = rng.random() < 0.6
                writer = None
                if not anonymous:
                    writer = Person(name=self.person_name(), village_id=village.id, protected=True)
                    s.add(writer)
                    s.flush()
                text, track, sub = self.problem_text(village)
                entry = OpinionEntry(
                    village_id=village.id,
                    channel=rng.choice(list(EntryChannel)),
                    box_label=f"{village.name}党群服务中心意见箱",
                    opened_at=self.at(day, 18),
                    received_at=self.at(day, rng.randint(8, 18)),
                    anonymous=anonymous,
                    writer_id=None if writer is None else writer.id,
                    content=f"尊敬的巡察组：{text}希望巡察组帮助解决。",
                )
                s.add(entry)
                s.flush()
                self.summary.entries += 1
                if rng.random() < 0.15:
                    self.photo("letter", entry_id=entry.id)
                if rng.random() < 0.6:
                    p = Problem(village_id=village.id, description=text, raised_on=day)
                    s.add(p)
                    s.flush()
                    s.add(ProblemSource(problem_id=p.id, entry_id=entry.id))
                    problems.append((p, track, sub, village))
            for _ in range(rng.randint(0, 3)):
                cadre = Person(
                    name=self.person_name(),
                    post=rng.choice(["村党支部书记", "村委会主任", "村会计", "村监委会主任"]),
                    unit=f"{village.name}村委会",
                    village_id=village.id,
                    protected=True,  # interviewees are protected (DOMAIN.md)
                )
                s.add(cadre)
                s.flush()
                start = self.at(day, rng.randint(9, 16))
                interview = Interview(
                    village_id=village.id,
                    interviewee_id=cadre.id,
                    interviewers="、".join(rng.sample(self.members, 2)),
                    started_at=start,
                    ended_at=min(start + timedelta(minutes=rng.choice((30, 45, 60, 90))), self.now),
                    place=f"{village.name}党群服务中心",
                    record=(
                        f"问：请介绍{village.name}集体资金使用情况。\n答：近三年集体收入主要来自"
                        f"土地流转，每年约{rng.randint(5, 40)}万元，支出均经村民代表会议讨论。\n"
                        "问：村务公开情况如何？\n答：按季度在公开栏公开，部分月份有延迟。"
                    ),
                )
                s.add(interview)
                s.flush()
                self.summary.interviews += 1
        self.summary.problems += len(problems)
        if sort:
            self.evening(day, problems)
        else:
            s.add(DailyWrapup(team_id=self.team.id, day=day, status=WrapupStatus.OPEN))

    def evening(
        self, day: date, problems: list[tuple[Problem, Track, Subcategory | None, Village]]
    ) -> None:
        rng, s = self.rng, self.s
        age = (self.opts.until - day).days
        leader = s.exec(select(User).where(User.role == Role.LEADER)).first()
        wrap = DailyWrapup(
            team_id=self.team.id,
            day=day,
            status=WrapupStatus.CLOSED,
            closed_at=datetime.combine(day, time(22, 30)).astimezone(),
            closed_by_id=None if leader is None else leader.id,
            summary=f"当日梳理问题{len(problems)}个。",
        )
        s.add(wrap)
        s.flush()
        notices: dict[tuple[str, str], RectificationNotice] = {}
        for p, track, sub, village in problems:
            p.wrapup_id = wrap.id
            p.track = track
            p.status = ProblemStatus.HANDLING
            if track is Track.FIX_NOW:
                p.category = ProblemCategory.LIVELIHOOD
                p.subcategory = sub
                unit = _UNIT_FOR.get(sub, "乡镇人民政府") if sub else "乡镇人民政府"
                p.responsible_unit = unit
                p.deadline = day + timedelta(days=7)
                key = (village.id, unit)
                if key not in notices:
                    notices[key] = self.notice(day, village, unit, wrap.id, age)
                p.notice_id = notices[key].id
                if notices[key].status is NoticeStatus.CLOSED:
                    p.status = ProblemStatus.RESOLVED
            elif track is Track.FAST_INVESTIGATION:
                p.category = ProblemCategory.CLUE
                p.receiving_body = rng.choice(
                    [ReceivingBody.DISCIPLINE_COMMISSION] * 4 + [ReceivingBody.POLICE]
                )
                p.urgency = rng.choice(list(Urgency))
                self.clue(day, p, wrap.id, age)
            else:
                p.category = ProblemCategory.GENERAL
                p.subcategory = sub
                town = s.get_one(Township, village.township_id)
                p.supervisor = town.party_committee
                p.requirement = "建立整改清单，明确责任人，按期整改到位。"
                p.deadline = day + timedelta(days=30)
                self.ledger(day, p, village, wrap.id, age)
            s.add(p)
            s.add(WorkingPaper(problem_id=p.id, review="同意处置建议。"))
        freeze_working_papers(s, self.ws, wrap, [p for p, *_ in problems])

    def next_serial(self, year: int, prefix: str) -> int:
        self.serial[(prefix, year)] += 1
        return self.serial[(prefix, year)]

    def notice(
        self, day: date, village: Village, unit: str, wrap_id: str, age: int
    ) -> RectificationNotice:
        serial = self.next_serial(day.year, self.team.doc_prefix)
        status = NoticeStatus.ISSUED
        if age > 9:
            status = NoticeStatus.CLOSED
        elif age > 6:
            status = NoticeStatus.VERIFIED
        elif age > 3:
            status = NoticeStatus.FEEDBACK_RECEIVED
        n = RectificationNotice(
            village_id=village.id,
            wrapup_id=wrap_id,
            responsible_unit=unit,
            year=day.year,
            serial=serial,
            doc_number=f"{self.team.doc_prefix}〔{day.year}〕{serial}号",
            issued_on=day,
            deadline=day + timedelta(days=7),
            feedback_due=day + timedelta(days=10),
            status=status,
            contact_person=self.members[0],
            contact_phone=self.team.phone,
            feedback="已组织人员整改完毕。" if status is not NoticeStatus.ISSUED else "",
            feedback_on=day + timedelta(days=3) if status is not NoticeStatus.ISSUED else None,
            verified_on=day + timedelta(days=6)
            if status in (NoticeStatus.VERIFIED, NoticeStatus.CLOSED)
            else None,
            verifier=self.members[1]
            if status in (NoticeStatus.VERIFIED, NoticeStatus.CLOSED)
            else "",
            closed_on=day + timedelta(days=9) if status is NoticeStatus.CLOSED else None,
        )
        self.s.add(n)
        self.s.flush()
        self.summary.notices += 1
        return n

    def clue(self, day: date, p: Problem, wrap_id: str, age: int) -> None:
        serial = self.next_serial(day.year, self.team.clue_prefix)
        village = self.s.get_one(Village, p.village_id)
        status = ClueStatus.TRANSFERRED
        if age > 8:
            status = self.rng.choice([ClueStatus.CASE_FILED, ClueStatus.CONCLUDED])
        elif age > 4:
            status = ClueStatus.PRELIMINARY
        self.s.add(
            ClueTransfer(
                problem_id=p.id,
                wrapup_id=wrap_id,
                year=day.year,
                serial=serial,
                doc_number=f"{self.team.clue_prefix}〔{day.year}〕{serial}号",
                receiving_body=p.receiving_body or ReceivingBody.DISCIPLINE_COMMISSION,
                urgency=p.urgency or Urgency.NORMAL,
                transferred_on=day,
                feedback_deadline=day + timedelta(days=90),
                status=status,
                person_name=self.person_name(),
                person_post=(
                    post := self.rng.choice(["村党支部书记", "村委会主任", "村会计", "村文书"])
                ),
                person_unit=f"{village.name}党支部"
                if "党支部" in post
                else f"{village.name}村委会",
                summary=p.description,
                attachment_pages=self.rng.randint(1, 12),
                classification="秘密",
            )
        )
        self.summary.clues += 1

    def ledger(self, day: date, p: Problem, village: Village, wrap_id: str, age: int) -> None:
        status = LedgerStatus.OPEN
        if age > 10:
            status = LedgerStatus.TICKED_OFF
        elif age > 4:
            status = LedgerStatus.IN_PROGRESS
        item = LedgerItem(
            problem_id=p.id,
            village_id=village.id,
            wrapup_id=wrap_id,
            requirement=p.requirement,
            supervisor=p.supervisor,
            deadline=p.deadline or day,
            status=status,
            progress="已制定整改方案，正在推进。" if status is not LedgerStatus.OPEN else "",
            ticked_off_on=day + timedelta(days=10) if status is LedgerStatus.TICKED_OFF else None,
            verifier=self.members[2] if status is LedgerStatus.TICKED_OFF else "",
            responsible_person="村党支部书记",
            completed_on=day + timedelta(days=8) if status is LedgerStatus.TICKED_OFF else None,
        )
        self.s.add(item)
        self.s.flush()
        self.summary.ledger_items += 1
        if status is LedgerStatus.TICKED_OFF and self.rng.random() < 0.3:
            self.photo("meeting", ledger_item_id=item.id)


_UNIT_FOR: dict[Subcategory, str] = {
    Subcategory.WATER: "区水利局",
    Subcategory.WELL: "区水利局",
    Subcategory.POWER: "国网淮阳区供电公司",
    Subcategory.GAS: "区住房和城乡建设局",
    Subcategory.ROAD: "区交通运输局",
    Subcategory.BRIDGE: "区交通运输局",
}


def _with_campaigns(ws: Workspace, opts: DemoOptions) -> bool:
    from app.sync.join import is_joined

    if opts.campaigns is not None:
        return opts.campaigns
    return ws.kind is WorkspaceKind.OFFICE or not is_joined(ws)


def fill_demo(ws: Workspace, opts: DemoOptions) -> DemoSummary:
    """Fill an (empty) workspace with demo data; one transaction per day, so memory stays flat."""
    with ws.session() as s:
        gen = _Gen(ws, s, opts)
        gen.users()
        villages, _rnd, batches = gen.registry()
        s.commit()
        save_settings(
            ws,
            load_settings(ws).with_changes(
                police_body="淮阳区公安局",
                discipline_body="中共淮阳区纪委 淮阳区监委",
                organisation_body="中共淮阳区委组织部",
                office_name="中共淮阳区委巡察工作领导小组办公室",
            ),
        )
        start = opts.until - timedelta(days=opts.days - 1)
        by_batch: dict[str, list[Village]] = defaultdict(list)
        for v in villages:
            by_batch[v.batch_id or ""].append(v)
        for offset in range(opts.days):
            day = start + timedelta(days=offset)
            batch = next(
                (
                    b
                    for b in batches
                    if b.starts_on and b.ends_on and b.starts_on <= day <= b.ends_on
                ),
                batches[-1],
            )
            pool = by_batch[batch.id] or villages
            k = min(len(pool), max(1, gen.rng.randint(2, 4) * max(1, opts.villages // 40)))
            gen.day(day, gen.rng.sample(pool, k), sort=day < opts.until)
            s.commit()
            s.expunge_all()
            gen.team = s.exec(select(Team)).one()
        # the district in its second year: 集中整治, 制度推广, 未巡先改
        if _with_campaigns(ws, opts):
            fill_campaigns(gen, list(s.exec(select(Village).order_by(col(Village.code))).all()))
            s.commit()
        gen.summary.campaigns = len(
            s.exec(
                select(CampaignVillage.id).where(
                    CampaignVillage.status != CampaignStatus.RECOMMENDED
                )
            ).all()
        )
        gen.summary.selfchecks = len(s.exec(select(SelfCheckResult.id)).all())
        return gen.summary
