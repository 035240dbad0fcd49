"""Bombs: a bundle signed by a provisioned team, built to exhaust the office, is refused early,
with the importing process's peak memory (``resource.getrusage``, in a fresh process) under
300 MB, and nothing written.

The figures the issue measured before this fix: three 256 MB zlib members took 2.47 GB and wrote
768 MB; 150,000 tiny members made 150,032 files in 119 s.
"""

from __future__ import annotations

import hashlib
import json
import struct
import subprocess
import sys
import uuid
import zlib
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from app.storage.workspace import Workspace
from app.sync import rows
from app.sync.export import CONTENTS_FORMAT, CONTENTS_VERSION
from app.sync.identity import issue_team_kit, join_with_kit, own_keys
from app.sync.keys import KeyPair, PublicIdentity
from tests.e2e.cli_helpers import REPO
from tests.unit.sync.conftest import KIT_PASSWORD, PASSWORD, db_dump_hash, make_office
from tests.unit.sync.forge import forge

pytestmark = pytest.mark.slow

PEAK_MB = 300
MB = 1024 * 1024


@dataclass
class Target:
    root: Path
    office_dir: Path
    sender: KeyPair
    recipient: PublicIdentity
    device: str


@pytest.fixture(scope="module")
def target(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Target]:
    from app.storage import keyfile
    from app.sync import kit as kitmod
    from tests.unit.sync.conftest import CheapKdf

    mp = pytest.MonkeyPatch()
    mp.setattr(keyfile, "KdfParams", CheapKdf)
    mp.setattr(kitmod, "KdfParams", CheapKdf)
    root = tmp_path_factory.mktemp("bombs")
    office = make_office(root / "office")
    issue_team_kit(office, "第一巡察组", KIT_PASSWORD, root / "a.kit")
    team = join_with_kit(root / "a", root / "a.kit", KIT_PASSWORD, leader="李", password=PASSWORD)
    t = Target(root, root / "office", own_keys(team), own_keys(office).public(), team.device_id)
    team.close()
    office.close()
    try:
        yield t
    finally:
        mp.undo()


def _entry(name: str, stored: bytes, raw_len: int, *, zipped: bool) -> bytes:
    n = name.encode()
    head = struct.pack(">H", len(n)) + n
    return head + struct.pack(">BBQQ", 0, 1 if zipped else 0, len(stored), raw_len) + stored


def _container(
    t: Target, listed: list[dict[str, Any]], entries: list[bytes], **extra: Any
) -> bytes:
    manifest = {
        "format": CONTENTS_FORMAT,
        "version": CONTENTS_VERSION,
        "direction": "to_office",
        "team_id": t.sender.owner_id,
        "device_id": t.device,
        "members": listed,
        "counts": {},
        **extra,
    }
    mf = json.dumps(manifest).encode()
    count = extra.pop("_count", None) if "_count" in extra else None
    head = struct.pack(">4sI", b"XDSI", count or 1 + len(listed))
    return head + _entry("manifest.json", mf, len(mf), zipped=False) + b"".join(entries)


def _zeros_zlib(size: int) -> bytes:
    c = zlib.compressobj(9)
    chunk = b"\x00" * MB
    return b"".join(c.compress(chunk) for _ in range(size // MB)) + c.flush()


def _run(t: Target, payload: bytes, name: str) -> dict[str, Any]:
    bundle = forge(
        t.root / f"{name}.xdsb",
        sender=t.sender,
        recipient=t.recipient,
        team_id=t.sender.owner_id,
        device_id=t.device,
        members=[],
        raw_container=payload,
    )
    with Workspace.open(t.office_dir, PASSWORD) as ws:
        before = db_dump_hash(ws)
    files_before = sorted(p.name for p in t.office_dir.rglob("*"))
    proc = subprocess.run(
        [
            sys.executable,
            "-m",
            "tests.bomb_runner",
            "bundle",
            str(t.office_dir),
            PASSWORD,
            str(bundle),
        ],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert proc.returncode == 0, proc.stderr
    got: dict[str, Any] = json.loads(proc.stdout.strip().splitlines()[-1])
    print(f"{name}: {got}")
    with Workspace.open(t.office_dir, PASSWORD) as ws:
        assert db_dump_hash(ws) == before
    assert sorted(p.name for p in t.office_dir.rglob("*")) == files_before
    assert got["peak_mb"] < PEAK_MB, got
    bundle.unlink()
    return got


def _listed(name: str, size: int, sha: str = "0" * 64) -> dict[str, Any]:
    return {"name": name, "size": size, "sha256": sha}


def test_three_256_mb_members_refused_as_too_large(target: Target):
    stored = _zeros_zlib(256 * MB)
    names = [f"rows/visit{i}.json" for i in range(3)]
    payload = _container(
        target,
        [_listed(n, 256 * MB) for n in names],
        [_entry(n, stored, 256 * MB, zipped=True) for n in names],
    )
    assert "成员过大" in _run(target, payload, "big-members")["refused"]


def test_members_over_the_ratio_refused(target: Target):
    stored = _zeros_zlib(60 * MB)
    names = [f"media/{i:064x}.jpg" for i in range(3)]
    payload = _container(
        target,
        [_listed(n, 60 * MB) for n in names],
        [_entry(n, stored, 60 * MB, zipped=True) for n in names],
    )
    assert "压缩比" in _run(target, payload, "ratio")["refused"]


def test_a_member_that_inflates_past_its_declared_length_is_cut_off(target: Target):
    """It claims 1 MB (a ratio of about 4) but its stream inflates to 256 MB."""
    stored = _zeros_zlib(256 * MB)
    name = "rows/visit.json"
    payload = _container(target, [_listed(name, MB)], [_entry(name, stored, MB, zipped=True)])
    got = _run(target, payload, "liar")
    assert "长度与声明不符" in got["refused"]


def test_150000_tiny_members_refused(target: Target):
    names = [f"media/{i:064x}.jpg" for i in range(150_000)]
    payload = _container(
        target,
        [_listed(n, 1, hashlib.sha256(b"x").hexdigest()) for n in names],
        [_entry(n, b"x", 1, zipped=False) for n in names],
    )
    assert "成员过多" in _run(target, payload, "tiny")["refused"]


def test_a_total_over_the_limit_refused(target: Target):
    """200 members of 60 MB each, all under the member limit: 12 GB in all."""
    names = [f"media/{i:064x}.jpg" for i in range(200)]
    payload = _container(target, [_listed(n, 60 * MB) for n in names], [])
    assert "解开后过大" in _run(target, payload, "total")["refused"]


def _village_rows(n: int) -> bytes:
    cols = rows.columns("village")
    row = ["", "2026-11-01T00:00:00+00:00", "2026-11-01T00:00:00+00:00", "d", 1, None]
    row += ["t", "", "村", "village", None, None, None, "", None, ""]
    assert len(row) == len(cols)
    body = ",".join(json.dumps([str(uuid.uuid4()), *row[1:]]) for _ in range(n))
    base = ",".join('["d",1]' for _ in range(n))
    doc = f'{{"table":"village","columns":{json.dumps(cols)},"rows":[{body}],"base":[{base}]}}'
    return doc.encode()


def test_a_million_rows_refused(target: Target):
    """Declared honestly, refused from the manifest; declared as one row, refused at the second."""
    payload = _container(target, [], [], counts={"village": 1_000_000})
    assert "超过上限" in _run(target, payload, "rows-declared")["refused"]
    data = _village_rows(300_000)
    assert len(data) < 64 * MB
    stored = zlib.compress(data, 1)
    sha = hashlib.sha256(data).hexdigest()
    name = "rows/village.json"
    payload = _container(
        target,
        [_listed(name, len(data), sha)],
        [_entry(name, stored, len(data), zipped=True)],
        counts={"village": 1},
    )
    assert "多于清单所列" in _run(target, payload, "rows-lying")["refused"]


def test_a_60_mb_photo_that_is_no_jpeg_refused(target: Target):
    data = bytes(range(256)) * (60 * MB // 256)
    sha = hashlib.sha256(data).hexdigest()
    name = f"media/{sha}.jpg"
    payload = _container(
        target, [_listed(name, len(data), sha)], [_entry(name, data, len(data), zipped=False)]
    )
    assert "不是本程序写入的 JPEG" in _run(target, payload, "not-jpeg")["refused"]
