"""Storage benchmarks (run on demand, they print figures and assert no timings):

    .venv/bin/pytest tests/bench/bench_storage.py -s -p no:cacheprovider

- opening a workspace (Argon2id unwrap + SQLCipher open + schema checks);
- inserting records one per transaction, as the forms will (audited, indexed);
- full-text search over 100,000 records (trigram MATCH for 3+ characters, LIKE for fewer).
"""

from __future__ import annotations

import random
import statistics
import time
import uuid
from datetime import datetime
from pathlib import Path

from app.domain.vocabulary import VisitMethod
from app.services.demo.text import CLUE_TEXTS, GENERAL_TEXTS, LIVELIHOOD_TEXTS, VISIT_NOTES
from app.services.field import records
from app.storage.models import Township, Village
from app.storage.workspace import Workspace
from tests.records import save_visit

RECORDS = 100_000
PASSWORD = "bench"


def _ms(samples: list[float]) -> str:
    s = sorted(samples)
    p95 = s[min(len(s) - 1, int(len(s) * 0.95))]
    return f"median {statistics.median(s) * 1000:.1f} ms, p95 {p95 * 1000:.1f} ms (n={len(s)})"


def _texts(rng: random.Random) -> str:
    pool = [t for t, _ in LIVELIHOOD_TEXTS] + list(CLUE_TEXTS) + [t for t, _ in GENERAL_TEXTS]
    village = rng.choice("王李张刘陈杨赵黄周吴") + rng.choice("庄楼集营寨湾岗店屯桥") + "村"
    note = rng.choice(VISIT_NOTES).format(v=village)
    return f"{note}{rng.choice(pool)}涉及{rng.randint(1, 99)}户，编号{rng.randint(0, 10**6)}。"


def test_bench_storage(tmp_path: Path) -> None:
    root = tmp_path / "ws"
    ws = Workspace.create(root, team_name="组", leader="甲", password=PASSWORD)
    with ws.session() as s:
        town = Township(name="城关镇")
        s.add(town)
        s.flush()
        villages = [Village(township_id=town.id, name=f"{i}村") for i in range(200)]
        s.add_all(villages)
        s.commit()
        vids = [v.id for v in villages]

    rng = random.Random(1)
    t0 = time.perf_counter()
    with ws.engine.begin() as conn:
        raw = conn.connection.dbapi_connection
        assert raw is not None
        now = datetime(2026, 11, 1).isoformat(" ")
        rows = [
            (
                str(uuid.uuid4()),
                now,
                now,
                "bench",
                1,
                rng.choice(vids),
                datetime(2026, 11, 1 + i % 27, 9).isoformat(" "),
                rng.choice(list(VisitMethod)).value,
                "村委会",
                "",
                _texts(rng),
            )
            for i in range(RECORDS)
        ]
        raw.executemany(
            "INSERT INTO visit (id, created_at, updated_at, origin, version, village_id, "
            "occurred_at, method, place, inspectors, notes) VALUES (?,?,?,?,?,?,?,?,?,?,?)",
            rows,
        )
    fill = time.perf_counter() - t0
    ws.close()
    size_mb = sum(p.stat().st_size for p in root.rglob("*") if p.is_file()) / 1e6

    opens = []
    for _ in range(5):
        t = time.perf_counter()
        ws = Workspace.open(root, PASSWORD)
        opens.append(time.perf_counter() - t)
        ws.close()

    ws = Workspace.open(root, PASSWORD)
    inserts = []
    for i in range(200):
        t = time.perf_counter()
        save_visit(ws, vids[i % len(vids)], _texts(rng), occurred_at=datetime(2026, 11, 27, 10))
        inserts.append(time.perf_counter() - t)

    searches: dict[str, list[float]] = {}
    hits: dict[str, int] = {}
    for q in ("机井损坏", "挪用集体", "村务公开栏", "水井", "低保", "编号12345"):
        samples = []
        for _ in range(7):
            t = time.perf_counter()
            found = records.search(ws, q, limit=200)
            samples.append(time.perf_counter() - t)
        searches[q] = samples
        hits[q] = len(found)
    ws.close()

    print(
        f"\n{RECORDS} visits bulk-inserted (triggers on) in {fill:.1f} s; "
        f"workspace {size_mb:.0f} MB"
    )
    print(f"open workspace: {_ms(opens)}")
    print(f"insert one visit per transaction: {_ms(inserts)}")
    for q, samples in searches.items():
        print(f"search {q!r} ({hits[q]} hits, limit 200): {_ms(samples)}")
