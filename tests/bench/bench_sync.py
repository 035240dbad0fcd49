"""Sync bundle timings: 10,000 records with 500 photos — export, import, re-import; export
throughput against ``cp`` of the same bytes. Prints figures, asserts nothing about speed.

Run on demand:  .venv/bin/pytest tests/bench/bench_sync.py -s -p no:cacheprovider
"""

from __future__ import annotations

import io
import random
import shutil
import subprocess
import time
from collections.abc import Callable
from datetime import date, datetime, timedelta
from pathlib import Path

import pytest
from PIL import Image

from app.domain.vocabulary import EntryChannel, ProblemStatus, Track, VisitMethod, WorkspaceKind
from app.media import ProcessedPhoto, intake_bytes, make_demo_photo
from app.storage.mediastore import MediaStore
from app.storage.models import (
    Attachment,
    OpinionEntry,
    Person,
    Problem,
    Township,
    Village,
    Visit,
)
from app.storage.workspace import Workspace
from app.sync.export import export_bundle
from app.sync.identity import ensure_office_keys, issue_team_kit, join_with_kit
from app.sync.merge import import_bundle

pytestmark = pytest.mark.bench

RECORDS = 10_000
PHOTOS = 500


def _photo(seed: int) -> bytes:
    """A 1600×1200 scene with sensor-like grain (so the JPEG is not trivially small)."""
    scene = Image.open(io.BytesIO(make_demo_photo(seed, "road", 1600, 1200))).convert("RGB")
    rng = random.Random(seed)
    grain = Image.frombytes("RGB", scene.size, rng.randbytes(scene.width * scene.height * 3))
    buf = io.BytesIO()
    Image.blend(scene, grain, 0.08).save(buf, "JPEG", quality=90)
    return buf.getvalue()


def _intake(i: int) -> ProcessedPhoto:
    return intake_bytes(_photo(i), f"IMG_{i:04d}.jpg")


def _fill(ws: Workspace, photo: Callable[[int], ProcessedPhoto] = _intake) -> int:
    """10,000 records, 500 of them photos made by ``photo(i)`` (by default taken in through the
    intake one by one, as the program does)."""
    store = MediaStore(ws.paths.media, ws.db_key)
    made = 0
    with ws.session() as s:
        towns = [Township(name=f"第{i}镇") for i in range(10)]
        s.add_all(towns)
        s.flush()
        villages = [Village(township_id=towns[i % 10].id, name=f"第{i}村") for i in range(100)]
        s.add_all(villages)
        s.flush()
        made += 110
        visits: list[Visit] = []
        start = datetime(2026, 11, 1, 9, 0)
        while made < RECORDS - PHOTOS:
            v = villages[made % 100]
            kind = made % 4
            if kind == 0:
                visit = Visit(
                    village_id=v.id,
                    occurred_at=start + timedelta(minutes=made),
                    method=VisitMethod.GENERAL,
                    place="村委会",
                    notes=f"走访第{made}户，群众反映道路破损、路灯不亮等问题。" * 3,
                )
                visits.append(visit)
                s.add(visit)
            elif kind == 1:
                s.add(
                    OpinionEntry(
                        village_id=v.id,
                        channel=EntryChannel.OPINION_BOX,
                        received_at=start + timedelta(minutes=made),
                        content=f"反映低保评定不公开，第{made}号来信。" * 4,
                    )
                )
            elif kind == 2:
                s.add(Person(name=f"村民{made}", village_id=v.id, phone="13900000000"))
            else:
                s.add(
                    Problem(
                        village_id=v.id,
                        description=f"村道破损第{made}处，出行不便。",
                        raised_on=date(2026, 11, 1) + timedelta(days=made % 20),
                        track=Track.FIX_NOW,
                        status=ProblemStatus.HANDLING,
                    )
                )
            made += 1
        s.flush()
        for i in range(PHOTOS):
            processed = photo(i)
            blob, thumb = store.put(processed.data), store.put(processed.thumbnail)
            s.add(
                Attachment(
                    sha256=blob.sha256,
                    stored_name=blob.name,
                    thumb_name=thumb.name,
                    size_bytes=blob.size_bytes,
                    width=processed.width,
                    height=processed.height,
                    visit_id=visits[i % len(visits)].id,
                )
            )
            made += 1
        s.commit()
    return made


def _timed(fn):
    t = time.perf_counter()
    result = fn()
    return result, time.perf_counter() - t


def test_bench_export_import_reimport(tmp_path: Path) -> None:
    office = Workspace.create(
        tmp_path / "office",
        team_name="巡察办",
        leader="王",
        password="pw",
        kind=WorkspaceKind.OFFICE,
    )
    ensure_office_keys(office)
    issue_team_kit(office, "第一巡察组", "kit", tmp_path / "k.kit")
    team = join_with_kit(tmp_path / "team", tmp_path / "k.kit", "kit", leader="李", password="pw")
    made, t_fill = _timed(lambda: _fill(team))
    print(f"\nfilled {made} records with {PHOTOS} photos in {t_fill:.1f} s")

    result, t_export = _timed(lambda: export_bundle(team, tmp_path / "full.xdsb"))
    size_mb = result.size_bytes / 1e6
    print(
        f"export: {result.rows} rows, {result.media} media, {size_mb:.1f} MB in {t_export:.2f} s"
        f" = {size_mb / t_export:.0f} MB/s"
    )

    _, t_cp = _timed(
        lambda: subprocess.run(["cp", str(result.path), str(tmp_path / "cp.bin")], check=True)
    )
    (tmp_path / "cp.bin").unlink()
    _, t_cp_sync = _timed(
        lambda: subprocess.run(
            [
                "sh",
                "-c",
                f"cp '{result.path}' '{tmp_path / 'cp.bin'}' && sync '{tmp_path / 'cp.bin'}'",
            ],
            check=True,
        )
    )
    print(
        f"cp of the same bytes: {t_cp:.2f} s = {size_mb / t_cp:.0f} MB/s; "
        f"cp + sync: {t_cp_sync:.2f} s = {size_mb / t_cp_sync:.0f} MB/s"
    )
    print(
        f"export throughput / cp: {t_cp / t_export:.2f}; / (cp + sync): {t_cp_sync / t_export:.2f}"
    )

    report, t_import = _timed(lambda: import_bundle(office, result.path))
    print(f"import: {report.total('new')} new, {report.media_new} photos in {t_import:.2f} s")
    again, t_again = _timed(lambda: import_bundle(office, result.path))
    print(
        f"re-import: {again.total('unchanged')} unchanged, {again.total('new')} new "
        f"in {t_again:.2f} s"
    )
    copy = tmp_path / "copy.xdsb"
    shutil.copy(result.path, copy)
    small, t_incr = _timed(lambda: export_bundle(team, tmp_path / "incr.xdsb"))
    print(f"incremental export with nothing changed: {small.rows} rows in {t_incr:.2f} s")
    team.close()
    office.close()
