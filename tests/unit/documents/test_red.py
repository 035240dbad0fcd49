"""The red of the 发文机关标志 and the rule: M80 Y80 for the press, #E60012 on screen."""

from __future__ import annotations

import io
import shutil
import subprocess
from collections import Counter
from collections.abc import Iterable
from pathlib import Path
from typing import cast

import pytest
from PIL import Image
from pypdf import PdfReader
from pypdf.generic import ArrayObject, DictionaryObject

TARGET = (0xE6, 0x00, 0x12)


def _rgb_pixels(image: Image.Image) -> Iterable[tuple[int, int, int]]:
    # an RGB image's pixels are 3-tuples; the stubs type any mode's (tuples or floats)
    return cast("Iterable[tuple[int, int, int]]", image.get_flattened_data())


@pytest.mark.skipif(shutil.which("pdftoppm") is None, reason="poppler-utils not installed")
def test_header_red_on_screen_is_gongwen_red(sample_pdf: bytes, tmp_path: Path) -> None:
    path = tmp_path / "s.pdf"
    path.write_bytes(sample_pdf)
    subprocess.run(
        ["pdftoppm", "-png", "-r", "72", "-f", "1", "-l", "1", str(path), str(tmp_path / "p")],
        check=True,
        capture_output=True,
    )
    image = Image.open(next(tmp_path.glob("p*.png"))).convert("RGB")
    reds = Counter(px for px in _rgb_pixels(image) if px[0] > 150 and px[1] < 120 and px[2] < 120)
    assert reds, "no red on page 1"
    colour, _ = reds.most_common(1)[0]
    assert sum(abs(a - b) for a, b in zip(colour, TARGET, strict=True)) <= 24, colour


def test_header_red_prints_as_magenta_80_yellow_80(sample_pdf: bytes) -> None:
    page = PdfReader(io.BytesIO(sample_pdf)).pages[0]
    resources = page["/Resources"]
    assert isinstance(resources, DictionaryObject)
    colour_spaces = resources["/ColorSpace"].get_object()
    assert isinstance(colour_spaces, DictionaryObject)
    spaces = {
        name: cast(ArrayObject, space.get_object())  # each space is an array: [/Name …]
        for name, space in colour_spaces.items()
    }
    devicen = [s for s in spaces.values() if s[0] == "/DeviceN"]
    assert devicen and list(devicen[0][1]) == ["/Magenta", "/Yellow"]
    contents = page.get_contents()
    assert contents is not None
    data = contents.get_data()
    assert b"0.8 0.8 scn" in data and b"0.8 0.8 SCN" in data  # text, and the rule
    assert b" 0 .8 .8 0 k" not in data and b"0 0.8 0.8 0 k" not in data
