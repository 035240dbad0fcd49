"""Field-window benchmarks on a 100,000-record demo workspace (figures printed, not asserted).

Build the workspace once (it takes a while) and reuse it:

    XUNCHA_PASSWORD=demo .venv/bin/python -m app --data-dir /tmp/bench100k demo \
        --villages 1000 --days 120
    .venv/bin/pytest tests/bench/bench_field.py -s -p no:cacheprovider

``XUNCHA_BENCH_WS`` names another folder. Writes go to a copy, never to the workspace itself.
Targets (2-core machine): ready < 1.5 s, village switch and search < 100 ms, save < 50 ms,
photo intake of a 12-megapixel JPEG < 300 ms.
"""

from __future__ import annotations

import os
import shutil
import statistics
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from functools import partial
from pathlib import Path

import pytest
from PIL import Image

from app.domain.vocabulary import VisitMethod
from app.media import intake_photo
from app.services.field.forms import save_form
from app.services.field.navigator import village_tree
from app.services.field.reads import search_records, village_lists
from app.services.stats import row_counts
from app.storage.workspace import Workspace

ROOT = Path(os.environ.get("XUNCHA_BENCH_WS", "/tmp/bench100k"))
PASSWORD = os.environ.get("XUNCHA_PASSWORD", "demo")


def _ms(fn: Callable[[], object], runs: int) -> tuple[float, float]:
    times = []
    for _ in range(runs):
        t0 = time.perf_counter()
        fn()
        times.append((time.perf_counter() - t0) * 1000)
    return statistics.median(times), max(times)


@pytest.fixture(scope="module")
def ws() -> Iterator[Workspace]:
    assert ROOT.exists(), f"build the demo first (see the module docstring): {ROOT}"
    workspace = Workspace.open(ROOT, PASSWORD)
    counts = {c.kind: c.live for c in row_counts(workspace)}
    records = sum(counts[k] for k in ("visit", "opinion_entry", "interview", "problem"))
    print(f"\nworkspace: {records} records (visits+entries+interviews+problems)")
    yield workspace
    workspace.close()


def test_bench_smoke() -> None:
    env = dict(os.environ, XUNCHA_PASSWORD=PASSWORD, QT_QPA_PLATFORM="offscreen")
    for _ in range(3):
        t0 = time.perf_counter()
        out = subprocess.run(
            [sys.executable, "-m", "app", "--data-dir", str(ROOT), "--smoke"],
            capture_output=True,
            text=True,
            env=env,
            check=True,
        )
        wall = (time.perf_counter() - t0) * 1000
        print(f"--smoke: {out.stdout.strip()} (process wall time {wall:.0f} ms)")


def test_bench_village_switch(ws: Workspace) -> None:
    villages = [v.id for t in village_tree(ws) for v in t.villages]
    busy = villages[: len(villages) // 3]  # batch-1 villages carry the records
    picks = busy[:: max(1, len(busy) // 30)][:30]
    it = iter(picks * 2)
    med, worst = _ms(lambda: village_lists(ws, next(it)), len(picks))
    lists = village_lists(ws, picks[0])
    n = sum(len(k) for k in lists.keys.values())
    print(
        f"village switch (4 lists + first page, ~{n} records): {med:.1f} ms median, {worst:.1f} max"
    )
    med, worst = _ms(lambda: village_tree(ws), 5)
    print(f"navigator tree (1000 villages with counts): median {med:.1f} ms, max {worst:.1f} ms")


def test_bench_search(ws: Workspace) -> None:
    for query in ("集体资金", "水泵", "低保", "土地流转", "村务公开栏", "不存在的词语组合"):
        med, worst = _ms(partial(search_records, ws, query), 5)
        hits = len(search_records(ws, query))
        print(f"search {query!r}: {hits} hits, median {med:.1f} ms, max {worst:.1f} ms")


def test_bench_save_and_photo(tmp_path: Path, ws: Workspace) -> None:
    copy = tmp_path / "ws"
    shutil.copytree(ROOT, copy)
    vid = village_tree(ws)[0].villages[0].id
    with Workspace.open(copy, PASSWORD) as w:
        payload = {
            "village_id": vid,
            "occurred_at": "2026-11-20T09:30",
            "method": VisitMethod.GENERAL.value,
            "place": "村委会",
            "notes": "走访群众，了解集体资金使用和村务公开情况。",
            "people": [{"name": "王秀英", "role": "村民", "protected": True}],
            "problems": [{"description": "村务公开栏三个月未更新", "category": "general"}],
        }
        med, worst = _ms(lambda: save_form(w, "visit", None, payload), 20)
        print(f"save a visit with a person and a problem: median {med:.1f} ms, max {worst:.1f} ms")
        big = tmp_path / "12mp.jpg"
        coarse = Image.effect_noise((400, 300), 60).convert("RGB")
        coarse.resize((4000, 3000), Image.Resampling.BICUBIC).save(big, "JPEG", quality=92)
        med, worst = _ms(lambda: intake_photo(big), 5)
        print(
            f"photo intake 4000×3000 JPEG ({big.stat().st_size // 1024} KB): "
            f"{med:.1f} ms median, {worst:.1f} max"
        )
        photo = intake_photo(big)
        med, worst = _ms(lambda: save_form(w, "visit", None, payload, [photo]), 5)
        print(
            f"save a visit with that photo (encrypt + store): {med:.1f} ms median, {worst:.1f} max"
        )
