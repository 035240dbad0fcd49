"""Every byte of a small bundle altered, every bit of its header, signature and end flipped, and
every truncation: each refused, nothing written."""

from __future__ import annotations

import shutil
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from app.storage.workspace import Workspace
from app.sync.errors import BundleRefused
from app.sync.export import export_bundle
from app.sync.merge import import_bundle
from tests.unit.sync.conftest import add_village, add_visit, db_dump_hash


@pytest.fixture
def probe(tmp_path: Path) -> Iterator[Path]:
    """Where altered copies are written: memory when there is a tmpfs (thousands of writes)."""
    shm = Path("/dev/shm")
    folder = Path(tempfile.mkdtemp(dir=shm)) if shm.is_dir() else tmp_path
    try:
        yield folder / "probe.xdsb"
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def _small_bundle(laptop: Callable[..., Workspace], tmp_path: Path) -> bytes:
    team = laptop("a")
    add_visit(team, add_village(team, "东村").id, "走访")
    return export_bundle(team, tmp_path / "small.xdsb").path.read_bytes()


def _refused(office: Workspace, path: Path, data: bytes) -> str:
    path.write_bytes(data)
    try:
        import_bundle(office, path)
    except BundleRefused as exc:
        return str(exc)
    raise AssertionError("an altered bundle was accepted")


@pytest.mark.slow
def test_every_byte_altered_and_every_truncation_refused(
    office: Workspace, laptop: Callable[..., Workspace], tmp_path: Path, probe: Path
):
    good = _small_bundle(laptop, tmp_path)
    before = db_dump_hash(office)
    reasons: set[str] = set()
    # every byte altered (one bit of it, each of the 8 bits in turn along the file; every bit of
    # the header, the signature and the end is flipped by the next test)
    for i in range(len(good)):
        bad = bytearray(good)
        bad[i] ^= 1 << (i % 8)
        reasons.add(_refused(office, probe, bytes(bad)))
    for n in range(len(good)):
        reasons.add(_refused(office, probe, good[:n]))
    assert db_dump_hash(office) == before
    assert any("截断" in r for r in reasons) and any("签名" in r for r in reasons)
    # the untouched bundle still imports: the refusals were about the bytes, not the office
    probe.write_bytes(good)
    assert import_bundle(office, probe).total("new") > 0


def test_bit_flips_in_every_region_and_truncations_refused(
    office: Workspace, laptop: Callable[..., Workspace], tmp_path: Path, probe: Path
):
    """The quick version: every bit of the first 64 bytes (magic, lengths, header start), of
    the last 80 (end of the payload, signature), a stride through the rest; truncations alike."""
    good = _small_bundle(laptop, tmp_path)
    before = db_dump_hash(office)
    n = len(good)
    positions = sorted({*range(64), *range(n - 80, n), *range(64, n - 80, 17)})
    for i in positions:
        for bit in range(8):
            bad = bytearray(good)
            bad[i] ^= 1 << bit
            _refused(office, probe, bytes(bad))
    for cut in sorted({*range(0, 64), *range(n - 80, n), *range(64, n, 29)}):
        _refused(office, probe, good[:cut])
    _refused(office, probe, good + b"\x00")
    assert db_dump_hash(office) == before
