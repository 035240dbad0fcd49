"""The office on PostgreSQL at scale, beside the SQLite office. Prints figures, asserts nothing.

1. Import: team bundles (5,000 records and 100 photos each) into a PostgreSQL office and a SQLite
   office, the same bundles into both; records/s and bundles/s for each.
   Full size (the issue's): 200 bundles, 1,000,000 records, 20,000 photos.
2. Overview counts (by district, township, track, colour), the first page of the overview list,
   and Chinese search (two characters, common and rare; three characters) on PostgreSQL over a
   large generated office. Full size: 5,000,000 records.

Scale with ``XD_BENCH_SCALE`` (1 = full size; the default 0.05 keeps an on-demand run to minutes
on a 2-core machine). The cluster is the tests' throw-away one (tests/pgcluster.py).

Run:  XD_BENCH_SCALE=0.2 .venv/bin/pytest tests/bench/bench_office_server.py -s -p no:cacheprovider
"""

from __future__ import annotations

import io
import os
import random
import time
from collections.abc import Iterator
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
import sqlalchemy as sa
from PIL import Image

import app.sync.kit as kitmod
from app.domain.vocabulary import (
    EntryChannel,
    ProblemStatus,
    Track,
    VisitMethod,
    WorkspaceKind,
)
from app.storage import keyfile
from app.storage.bulk import write_change_log
from app.storage.models import (
    Attachment,
    Interview,
    OpinionEntry,
    Problem,
    Synced,
    SyncKey,
    SyncPeer,
    Team,
    Township,
    Village,
    Visit,
    new_id,
)
from app.storage.pg.derived import run_plain
from app.storage.pg.server import ServerSettings
from app.storage.workspace import Workspace
from app.sync import rows
from app.sync.export import export_bundle
from app.sync.identity import ensure_office_keys, issue_team_kit, join_with_kit
from app.sync.merge import import_bundle
from app.sync.overview import OverviewFilter, overview_counts, overview_ids
from tests.pgcluster import OWNER_PASSWORD
from tests.unit.sync.conftest import CheapKdf

pytestmark = pytest.mark.bench

SCALE = float(os.environ.get("XD_BENCH_SCALE", "0.05"))
BUNDLES = max(2, round(200 * SCALE))
RECORDS_PER_BUNDLE = 5_000
PHOTOS_PER_BUNDLE = 100
BUNDLES_PER_LAPTOP = 10
BIG_RECORDS = max(50_000, round(5_000_000 * SCALE))

WORDS = [
    "低保",
    "评定",
    "公开",
    "道路",
    "失修",
    "饮水",
    "安全",
    "集体",
    "资金",
    "账目",
    "土地",
    "流转",
    "补偿",
    "款项",
    "党员",
    "发展",
    "村务",
    "公示",
    "危房",
    "改造",
    "环境",
    "整治",
    "扶贫",
    "项目",
    "验收",
    "工程",
    "招标",
    "灌溉",
    "水渠",
    "路灯",
    "养老",
    "医保",
    "宅基地",
    "合作社",
    "分红",
    "选举",
    "拉票",
    "信访",
    "纠纷",
    "调解",
    "垃圾",
    "清运",
    "厕所",
    "改造",
    "河道",
    "污染",
    "耕地",
    "撂荒",
]


def _text(rng: random.Random, n: int) -> str:
    return "，".join("".join(rng.choice(WORDS) for _ in range(3)) for _ in range(n)) + "。"


def _photo(seed: int) -> bytes:
    rng = random.Random(seed)
    img = Image.frombytes("RGB", (64, 48), rng.randbytes(64 * 48 * 3))
    buf = io.BytesIO()
    img.save(buf, "JPEG", quality=80)
    return buf.getvalue()


@pytest.fixture(autouse=True)
def cheap_kdf(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(keyfile, "KdfParams", CheapKdf)
    monkeypatch.setattr(kitmod, "KdfParams", CheapKdf)


def _pg_office(cluster: Any, tmp_path: Path, name: str) -> tuple[Workspace, str]:
    db = cluster.new_database()
    ws = Workspace.create(
        tmp_path / name,
        team_name="市委巡察办",
        leader="王主任",
        password="pw",
        kind=WorkspaceKind.OFFICE,
        server=ServerSettings.parse(cluster.url(db)),
        db_password=OWNER_PASSWORD,
    )
    return ws, db


def _share_identity(src: Workspace, dst: Workspace) -> None:
    """Give ``dst`` the office keys, teams and peers of ``src`` (so one bundle opens in both)."""
    with src.session() as s:
        keys = [k.model_dump() for k in s.exec(sa.select(SyncKey)).scalars()]  # type: ignore[call-overload]
        peers = [p.model_dump() for p in s.exec(sa.select(SyncPeer)).scalars()]  # type: ignore[call-overload]
    with src.engine.connect() as conn:
        teams = rows.read_rows(conn, "team", None)
    cols, decode = rows.columns("team"), rows.decoders("team")
    with dst.session() as s:
        for k in s.exec(sa.select(SyncKey)).scalars():  # type: ignore[call-overload]
            s.delete(k)
        s.flush()
        for k in keys:
            s.add(SyncKey(**k))
        for p in peers:
            s.add(SyncPeer(**p))
        s.commit()
    own = {t.id for t in dst.session().exec(sa.select(Team)).scalars()}  # type: ignore[call-overload]
    with dst.engine.begin() as conn:
        fresh = [
            {c: d(v) for c, d, v in zip(cols, decode, values, strict=True)}
            for rid, values in teams.items()
            if rid not in own and values[cols.index("kind")] == "team"
        ]
        if fresh:
            conn.execute(rows.table_of(Team).insert(), fresh)


def _fill_round(laptop: Workspace, rng: random.Random, round_no: int, villages: list[str]) -> None:
    """One bundle's worth of records and photos, written in bulk with their change log."""
    store = laptop.media_store()
    now = datetime.now(UTC)
    base = dict(created_at=now, updated_at=now, origin=laptop.device_id, version=1, retired_at=None)
    n = RECORDS_PER_BUNDLE - PHOTOS_PER_BUNDLE
    day = date(2026, 9, 1) + timedelta(days=round_no)
    plan: dict[type[Synced], list[dict[str, Any]]] = {
        Visit: [],
        OpinionEntry: [],
        Interview: [],
        Problem: [],
    }
    for i in range(n):
        vid = rng.choice(villages)
        kind = i % 5
        rid = new_id()
        when = datetime(day.year, day.month, day.day, 8 + i % 10, i % 60)
        if kind in (0, 1):
            plan[Visit].append(
                dict(
                    base,
                    id=rid,
                    village_id=vid,
                    occurred_at=when,
                    method=VisitMethod.GENERAL,
                    place="村委会",
                    inspectors="",
                    notes=_text(rng, 4),
                    author_id=None,
                )
            )
        elif kind == 2:
            plan[OpinionEntry].append(
                dict(
                    base,
                    id=rid,
                    village_id=vid,
                    channel=EntryChannel.OPINION_BOX,
                    box_label="意见箱",
                    opened_at=None,
                    received_at=when,
                    anonymous=True,
                    writer_id=None,
                    content=_text(rng, 3),
                    author_id=None,
                )
            )
        elif kind == 3:
            plan[Interview].append(
                dict(
                    base,
                    id=rid,
                    village_id=vid,
                    interviewee_id=None,
                    interviewers="",
                    started_at=when,
                    ended_at=None,
                    place="村委会",
                    record=_text(rng, 5),
                    author_id=None,
                )
            )
        else:
            plan[Problem].append(
                dict(
                    base,
                    id=rid,
                    village_id=vid,
                    description=_text(rng, 2),
                    raised_on=day,
                    category=None,
                    subcategory=None,
                    track=rng.choice(list(Track)),
                    status=ProblemStatus.SORTED,
                    responsible_unit="乡镇政府",
                    deadline=day + timedelta(days=rng.randint(-20, 40)),
                    receiving_body=None,
                    urgency=None,
                    supervisor="",
                    requirement="",
                    voices=1,
                    merged_into_id=None,
                    wrapup_id=None,
                    notice_id=None,
                )
            )
    photos = []
    visits = plan[Visit]
    for j in range(PHOTOS_PER_BUNDLE):
        blob = store.put(_photo(round_no * 1000 + j))
        photos.append(
            dict(
                base,
                id=new_id(),
                sha256=blob.sha256,
                stored_name=blob.name,
                thumb_name="",
                mime="image/jpeg",
                width=64,
                height=48,
                size_bytes=blob.size_bytes,
                original_name="",
                caption="",
                visit_id=visits[j % len(visits)]["id"],
                entry_id=None,
                interview_id=None,
                problem_id=None,
                ledger_item_id=None,
            )
        )
    plan[Attachment] = photos
    with laptop.engine.begin() as conn:
        for model, items in plan.items():
            if not items:
                continue
            conn.execute(rows.table_of(model).insert(), items)
            write_change_log(
                conn, str(model.__tablename__), [(str(x["id"]), "", 0) for x in items], merged=False
            )


def _bundles(office: Workspace, tmp_path: Path) -> Iterator[Path]:
    rng = random.Random(7)
    laptops = max(1, BUNDLES // BUNDLES_PER_LAPTOP)
    made = 0
    for t in range(laptops):
        kit = tmp_path / f"team{t}.kit"
        issue_team_kit(office, f"第{t + 1}巡察组", "kit", kit)
        laptop = join_with_kit(tmp_path / f"laptop{t}", kit, "kit", leader="李", password="pw")
        try:
            with laptop.session() as s:
                town = Township(name=f"第{t}镇")
                s.add(town)
                s.flush()
                vs = [Village(township_id=town.id, name=f"第{t}-{i}村") for i in range(20)]
                s.add_all(vs)
                s.commit()
                villages = [v.id for v in vs]
            per = BUNDLES_PER_LAPTOP if t < laptops - 1 else BUNDLES - made
            for r in range(per):
                _fill_round(laptop, rng, r, villages)
                yield export_bundle(laptop, tmp_path / f"b{t}-{r}.xdsb").path
                made += 1
        finally:
            laptop.close()


def test_import_bundles_postgresql_beside_sqlite(pg_cluster: Any, tmp_path: Path) -> None:
    lite = Workspace.create(
        tmp_path / "lite",
        team_name="市委巡察办",
        leader="王主任",
        password="pw",
        kind=WorkspaceKind.OFFICE,
    )
    ensure_office_keys(lite)
    pg, db = _pg_office(pg_cluster, tmp_path, "pg")
    try:
        t0 = time.perf_counter()
        bundles = list(_bundles(lite, tmp_path))
        made = time.perf_counter() - t0
        _share_identity(lite, pg)
        records = RECORDS_PER_BUNDLE * len(bundles)
        photos = PHOTOS_PER_BUNDLE * len(bundles)
        print(
            f"\n{len(bundles)} bundles, {records:,} records, {photos:,} photos "
            f"(made in {made:.0f} s; scale {SCALE})"
        )
        for name, ws in (("PostgreSQL", pg), ("SQLite", lite)):
            t0 = time.perf_counter()
            got = 0
            for b in bundles:
                got += import_bundle(ws, b).total("new")
            took = time.perf_counter() - t0
            print(
                f"  {name:10}: {took:7.1f} s  {got / took:9,.0f} records/s  "
                f"{len(bundles) / took:6.2f} bundles/s  ({got:,} new rows)"
            )
    finally:
        pg.close()
        lite.close()
        pg_cluster.drop_database(db)


def _generate_big(conn: sa.Connection, n: int) -> None:
    """``n`` records (40 % visits, 20 % entries, 20 % interviews, 20 % problems) in 10 districts,
    100 townships, 2,000 villages, made by the server itself."""
    words = "ARRAY[" + ",".join(f"'{w}'" for w in WORDS) + "]"
    pick = f"({words})[1 + (abs(hashtext(i::text || '{{s}}')) % {len(WORDS)})]"
    phrase = " || ".join(pick.replace("{s}", str(k)) for k in range(6))
    stamp = "now(), now(), 'bench', 1, NULL"
    run_plain(
        conn,
        f"INSERT INTO township (id, created_at, updated_at, origin, version, retired_at, code, "
        f"name, kind, party_committee) SELECT 't' || i, {stamp}, '', '第' || i || '镇', "
        f"'township', '' FROM generate_series(1, 100) i",
    )
    run_plain(
        conn,
        f"INSERT INTO village (id, created_at, updated_at, origin, version, retired_at, "
        f"township_id, code, name, kind, tier_override_reason, notes) SELECT 'v' || i, {stamp}, "
        f"'t' || (1 + i % 100), '', '第' || i || '村', 'village', '', '' "
        f"FROM generate_series(1, 2000) i",
    )
    run_plain(
        conn,
        "INSERT INTO row_origin (record_id, table_name, district_id, team_id, device_id) "
        "SELECT 'v' || i, 'village', 'd' || (1 + i % 10), '', '' FROM generate_series(1, 2000) i",
    )
    parts = {
        "visit": (
            0.4,
            "village_id, occurred_at, method, place, inspectors, notes",
            f"'v' || (1 + i % 2000), now(), 'general', '村委会', '', {phrase}",
        ),
        "opinion_entry": (
            0.2,
            "village_id, channel, box_label, received_at, anonymous, content",
            f"'v' || (1 + i % 2000), 'opinion_box', '意见箱', now(), true, {phrase}",
        ),
        "interview": (
            0.2,
            "village_id, interviewers, started_at, place, record",
            f"'v' || (1 + i % 2000), '', now(), '村委会', {phrase}",
        ),
        "problem": (
            0.2,
            "village_id, description, raised_on, track, status, responsible_unit, "
            "deadline, supervisor, requirement, voices",
            f"'v' || (1 + i % 2000), {phrase}, current_date, "
            "(ARRAY['fix_now','fast_investigation','ledger'])[1 + i % 3], "
            "(ARRAY['sorted','handling','resolved'])[1 + i % 3], '乡镇政府', "
            "current_date + (i % 60 - 20), '', '', 1",
        ),
    }
    for table, (share, cols, values) in parts.items():
        count = round(n * share)
        step = 100_000
        for start in range(0, count, step):
            run_plain(
                conn,
                f"INSERT INTO {table} (id, created_at, updated_at, origin, version, retired_at, "
                f"{cols}) SELECT '{table[:2]}' || i, {stamp}, {values} "
                f"FROM generate_series({start + 1}, {min(count, start + step)}) i",
            )
    run_plain(conn, "ANALYZE")


def _best(fn: Any, times: int = 5) -> tuple[float, Any]:
    best, out = float("inf"), None
    for _ in range(times):
        t0 = time.perf_counter()
        out = fn()
        best = min(best, time.perf_counter() - t0)
    return best * 1000, out


def test_overview_and_search_at_scale(pg_cluster: Any, tmp_path: Path) -> None:
    from app.services.field.records import search

    ws, db = _pg_office(pg_cluster, tmp_path, "big")
    try:
        t0 = time.perf_counter()
        with ws.engine.begin() as conn:
            _generate_big(conn, BIG_RECORDS)
        print(
            f"\n{BIG_RECORDS:,} records generated and indexed in "
            f"{time.perf_counter() - t0:.0f} s (scale {SCALE})"
        )
        today = date.today()
        ms, counts = _best(lambda: overview_counts(ws, today=today))
        print(
            f"  overview counts by district/township/track/colour: {ms:7.1f} ms "
            f"({len(counts)} groups, {sum(c.problems for c in counts):,} problems)"
        )
        ms, ids = _best(lambda: overview_ids(ws, OverviewFilter(district_id="d3"), today=today), 3)
        print(f"  overview list of one district (all ids, ordered): {ms:7.1f} ms ({len(ids):,})")
        for q in ("低保", "撂荒", "保评", "不存", "评定公开", "危房改造验收"):
            ms, hits = _best(lambda q=q: search(ws, q))
            print(f"  search {q!r:8} ({len(q)} chars): {ms:7.1f} ms  {len(hits)} hits (limit 200)")
        with ws.engine.connect() as conn:
            size = conn.exec_driver_sql(
                "SELECT pg_size_pretty(pg_relation_size('ix_search_doc_pairs'))"
            ).scalar_one()
        print(f"  search index size: {size}")
    finally:
        ws.close()
        pg_cluster.drop_database(db)
