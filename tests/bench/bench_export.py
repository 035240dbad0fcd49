"""Export throughput against ``cp`` + ``sync`` of the same bytes, in one run (issue 17, part 6).

10,000 records with 500 photos (the workspace of ``bench_sync``). Each round times a full export
(``export_bundle(..., all_rows=True)``: read the rows, stream the photos from the media store,
encrypt, hash, write, sync, verify) and then ``cp`` of the bundle it made followed by ``sync`` of
the copy, as two whole commands of the system; the ratio is taken round by round, so a machine
whose speed drifts during the run still compares like with like. Prints figures, asserts nothing.
The goal is export throughput ≥ 0.5 of ``cp`` + ``sync``.

Run on demand:  .venv/bin/pytest tests/bench/bench_export.py -s -p no:cacheprovider
(``XUNCHA_BENCH_ROUNDS`` rounds, default 5.)
"""

from __future__ import annotations

import hashlib
import os
import statistics
import subprocess
import time
from dataclasses import replace
from pathlib import Path

import pytest

from app.domain.vocabulary import WorkspaceKind
from app.media import ProcessedPhoto
from app.storage.workspace import Workspace
from app.sync.export import export_bundle
from app.sync.identity import ensure_office_keys, issue_team_kit, join_with_kit
from tests.bench.bench_sync import PHOTOS, _fill, _intake

pytestmark = [pytest.mark.bench, pytest.mark.timeout(3600)]

BASES = 10


def _distinct(data: bytes, i: int) -> bytes:
    """The JPEG with a comment segment naming ``i`` after its start marker: another photo of the
    same size to the byte counts (content-addressed, so stored and sent once each)."""
    text = f"bench photo {i}".encode("ascii")
    return data[:2] + b"\xff\xfe" + (len(text) + 2).to_bytes(2, "big") + text + data[2:]


class _Photos:
    """500 distinct photos from :data:`BASES` taken in through the intake (intake is what makes
    filling slow; the export sees the same bytes either way)."""

    def __init__(self) -> None:
        self.bases = [_intake(i) for i in range(BASES)]

    def __call__(self, i: int) -> ProcessedPhoto:
        base = self.bases[i % BASES]
        data = _distinct(base.data, i)
        return replace(
            base,
            data=data,
            thumbnail=_distinct(base.thumbnail, i),
            sha256=hashlib.sha256(data).hexdigest(),
        )


def test_bench_export_against_cp_and_sync(tmp_path: Path) -> None:
    office = Workspace.create(
        tmp_path / "office",
        team_name="巡察办",
        leader="王",
        password="pw",
        kind=WorkspaceKind.OFFICE,
    )
    ensure_office_keys(office)
    issue_team_kit(office, "第一巡察组", "kit", tmp_path / "k.kit")
    office.close()
    team = join_with_kit(tmp_path / "team", tmp_path / "k.kit", "kit", leader="李", password="pw")
    t = time.perf_counter()
    made = _fill(team, _Photos())
    print(f"\nfilled {made} records with {PHOTOS} photos in {time.perf_counter() - t:.0f} s")
    rounds = int(os.environ.get("XUNCHA_BENCH_ROUNDS", "5"))
    ratios: list[float] = []
    rates: list[tuple[float, float]] = []
    for i in range(rounds):
        out = tmp_path / f"round-{i}.xdsb"
        t = time.perf_counter()
        result = export_bundle(team, out, all_rows=True)
        t_export = time.perf_counter() - t
        copy = tmp_path / f"copy-{i}.bin"
        t = time.perf_counter()
        subprocess.run(["cp", str(out), str(copy)], check=True)
        subprocess.run(["sync", str(copy)], check=True)
        t_cp = time.perf_counter() - t
        mb = result.size_bytes / 1e6
        rates.append((mb / t_export, mb / t_cp))
        ratios.append(t_cp / t_export)
        print(
            f"round {i + 1}: {result.rows} rows, {result.media} photos, {mb:.1f} MB; "
            f"export {t_export:.2f} s = {mb / t_export:.0f} MB/s; "
            f"cp + sync {t_cp:.2f} s = {mb / t_cp:.0f} MB/s; ratio {t_cp / t_export:.2f}"
        )
        out.unlink()
        copy.unlink()
    print(
        f"median over {rounds} rounds: export {statistics.median(r[0] for r in rates):.0f} MB/s, "
        f"cp + sync {statistics.median(r[1] for r in rates):.0f} MB/s, "
        f"export / (cp + sync) = {statistics.median(ratios):.2f} "
        f"(min {min(ratios):.2f}, max {max(ratios):.2f}); goal ≥ 0.5"
    )
    team.close()
