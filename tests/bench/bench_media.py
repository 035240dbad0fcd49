"""Photo intake timings. Prints figures, asserts nothing about speed.

Run on demand:  .venv/bin/pytest tests/bench/bench_media.py -s -p no:cacheprovider
"""

from __future__ import annotations

import io
import random
import statistics
import time
from collections.abc import Callable

import pytest
from PIL import Image

from app.media import intake_bytes, make_demo_photo

pytestmark = pytest.mark.bench

RUNS = 9


def _photo_like(width: int, height: int, seed: int = 12) -> Image.Image:
    """A drawn scene with sensor-like per-pixel noise, so the JPEG is not trivially compressible."""
    scene = Image.open(io.BytesIO(make_demo_photo(seed, "road", width, height)))
    rng = random.Random(seed)
    grain = Image.frombytes("RGB", (width, height), rng.randbytes(width * height * 3))
    return Image.blend(scene.convert("RGB"), grain, 0.12)


def _jpeg_12mp() -> bytes:
    exif = Image.Exif()
    exif[0x0112] = 6  # a phone held upright: rotation is part of the work
    exif[0x010F] = "BenchCam"
    buffer = io.BytesIO()
    _photo_like(4000, 3000).save(buffer, "JPEG", quality=92, exif=exif.tobytes())
    return buffer.getvalue()


def _median_ms(work: Callable[[], object]) -> tuple[float, float, float]:
    work()  # warm-up: imports, plugin registry, profile cache
    times = []
    for _ in range(RUNS):
        start = time.perf_counter()
        work()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times), min(times), max(times)


def _report(label: str, source: bytes, work: Callable[[], object]) -> None:
    median, low, high = _median_ms(work)
    print(
        f"\n{label}: input {len(source) / 1e6:.1f} MB, "
        f"median {median:.0f} ms (min {low:.0f}, max {high:.0f}, {RUNS} runs)"
    )


def test_bench_intake_12mp_jpeg() -> None:
    source = _jpeg_12mp()
    photo = intake_bytes(source, "IMG_12MP.jpg")
    print(
        f"\n12 MP JPEG 4000x3000 -> {photo.width}x{photo.height}, "
        f"stored {len(photo.data) / 1e3:.0f} kB, thumbnail {len(photo.thumbnail) / 1e3:.0f} kB"
    )
    _report("intake 12 MP JPEG (max_edge 2048)", source, lambda: intake_bytes(source, "a.jpg"))
    _report(
        "intake 12 MP JPEG (max_edge 1024)",
        source,
        lambda: intake_bytes(source, "a.jpg", max_edge=1024),
    )
    _report(
        "decode only, full scale (for comparison)",
        source,
        lambda: Image.open(io.BytesIO(source)).load(),
    )


def test_bench_intake_16mp_jpeg_needing_resampling() -> None:
    # 4608x3456 decodes at 1/2 scale to 2304x1728, then is resampled to 2048x1536.
    buffer = io.BytesIO()
    _photo_like(4608, 3456).save(buffer, "JPEG", quality=92)
    source = buffer.getvalue()
    _report("intake 16 MP JPEG (max_edge 2048)", source, lambda: intake_bytes(source, "b.jpg"))


def test_bench_intake_8mp_png() -> None:
    buffer = io.BytesIO()
    _photo_like(3264, 2448).convert("RGBA").save(buffer, "PNG", compress_level=1)
    source = buffer.getvalue()
    _report("intake 8 MP RGBA PNG (max_edge 2048)", source, lambda: intake_bytes(source, "c.png"))
