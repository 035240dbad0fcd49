"""Registry benchmark (run on demand; prints figures, asserts no timings):

    .venv/bin/pytest tests/bench/bench_registry.py -s -p no:cacheprovider

A registry of 5,000 villages in 50 townships; seven channel lists (one per channel, CSV in GBK or
.xlsx, names spelled with the usual suffix variants) that together cover every village; each list
planned (match report) and applied; then every village triaged and stored. Target: the seven
imports plus the triage under 3 s.
"""

from __future__ import annotations

import random
import time
from pathlib import Path

from app.domain.vocabulary import Channel
from app.services.registry.batch_plan import save_plan, suggest_plan
from app.services.registry.channels import RowOutcome, apply_channel_import, plan_channel_import
from app.services.registry.triage import run_triage
from app.services.registry.villages import apply_village_import
from app.storage.workspace import Workspace
from tests.unit.services.registry.channel_files import write_csv, write_xlsx

VILLAGES = 5_000
TOWNS = 50
SUFFIXES = ("", "村", "村委会", "村民委员会", " 村")
WORDING = {
    Channel.PETITION: "信访",
    Channel.DISCIPLINE_REPORT: "举报",
    Channel.WEAK_BRANCH: "软弱涣散",
    Channel.POVERTY_RELAPSE: "返贫",
    Channel.CRIME: "治安",
    Channel.CENTRAL_WORK: "中心工作",
    Channel.BIG_DATA: "大数据",
}


def test_bench_registry(tmp_path: Path) -> None:
    rng = random.Random(6)
    towns = [f"第{i}镇" for i in range(TOWNS)]
    registry: list[tuple[object, ...]] = [("乡镇", "村名", "村代码")]
    names: list[tuple[str, str]] = []
    for i in range(VILLAGES):
        town = towns[i % TOWNS]
        stem = f"{'东西南北'[i % 4]}{i:04d}庄"
        names.append((town, stem))
        registry.append((town, stem + "村", f"4116{i:06d}"))
    reg_file = write_csv(tmp_path / "名录.csv", registry, "gbk")

    # Seven lists: every village is on at least one; about 1,400 listings per list.
    members: dict[Channel, list[int]] = {c: [] for c in Channel}
    for i in range(VILLAGES):
        for c in rng.sample(list(Channel), k=rng.choice((1, 1, 2, 2, 3))):
            members[c].append(i)
    files: list[Path] = []
    for n, channel in enumerate(Channel):
        rows: list[tuple[object, ...]] = [("乡镇（街道）", "村（社区）", "数量", "备注")]
        for i in members[channel]:
            town, stem = names[i]
            rows.append((town, stem + rng.choice(SUFFIXES), rng.randint(1, 9), ""))
        base = tmp_path / f"{WORDING[channel]}名单"
        if n % 2:
            files.append(write_xlsx(base.with_suffix(".xlsx"), rows))
        else:
            files.append(write_csv(base.with_suffix(".csv"), rows, "gbk"))
    listings = sum(len(v) for v in members.values())

    with Workspace.create(tmp_path / "ws", team_name="组", leader="甲", password="b") as ws:
        t0 = time.perf_counter()
        apply_village_import(ws, reg_file)
        t_registry = time.perf_counter() - t0

        cpu0 = time.process_time()
        t_plan = t_apply = 0.0
        for path in files:
            t0 = time.perf_counter()
            plan = plan_channel_import(ws, path)
            t_plan += time.perf_counter() - t0
            assert plan.count(RowOutcome.MATCHED) == len(plan.rows), plan.summary()
            t0 = time.perf_counter()
            apply_channel_import(ws, path, plan)
            t_apply += time.perf_counter() - t0

        t0 = time.perf_counter()
        run = run_triage(ws)
        t_triage = time.perf_counter() - t0
        cpu = time.process_time() - cpu0
        assert run.villages == VILLAGES

        t0 = time.perf_counter()
        save_plan(ws, suggest_plan(ws))
        t_plan_save = time.perf_counter() - t0

        # A second round of the same seven lists replaces the first (history kept).
        t0 = time.perf_counter()
        for path in files:
            apply_channel_import(ws, path, plan_channel_import(ws, path))
        t_replace = time.perf_counter() - t0

    total = t_plan + t_apply + t_triage
    print(
        f"\nregistry import of {VILLAGES} villages: {t_registry:.2f} s"
        f"\nseven lists ({listings} listings): plan {t_plan:.2f} s + apply {t_apply:.2f} s"
        f"\ntriage of {VILLAGES} villages: {t_triage:.2f} s ({dict(run.counts)})"
        f"\nseven imports + triage: {total:.2f} s wall, {cpu:.2f} s CPU (target < 3 s)"
        f"\nsuggest + save batch plan: {t_plan_save:.2f} s"
        f"\nre-importing the seven lists (replacing): {t_replace:.2f} s"
    )
