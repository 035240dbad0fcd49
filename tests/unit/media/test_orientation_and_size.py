"""Orientation, downscaling, thumbnails and hashing of photo intake."""

from __future__ import annotations

import hashlib
import io

import pytest
from PIL import Image, ImageChops, ImageStat

from app.media import ProcessedPhoto, intake_bytes, intake_photo
from tests.unit.media.images import (
    BLUE,
    GREY,
    RED,
    close_to,
    corner_colour,
    cornered,
    encode,
    noisy,
    with_orientation,
)


def _open(data: bytes) -> Image.Image:
    image = Image.open(io.BytesIO(data))
    image.load()
    return image


# Where the red (stored top-left) and blue (stored top-right) markers must appear once the EXIF
# orientation is applied, from the TIFF/EXIF definition of tag 0x0112.
ORIENTATIONS = {
    1: ("tl", "tr", False),
    2: ("tr", "tl", False),
    3: ("br", "bl", False),
    4: ("bl", "br", False),
    5: ("tl", "bl", True),
    6: ("tr", "br", True),
    7: ("br", "tr", True),
    8: ("bl", "tl", True),
}


@pytest.mark.parametrize("orientation", sorted(ORIENTATIONS))
def test_exif_orientation_is_applied(orientation: int) -> None:
    red_at, blue_at, swaps = ORIENTATIONS[orientation]
    source = with_orientation(cornered(400, 200), orientation)

    photo = intake_bytes(source, "IMG_0001.jpg")
    stored = _open(photo.data)

    assert stored.size == ((200, 400) if swaps else (400, 200))
    assert (photo.width, photo.height) == stored.size
    assert close_to(corner_colour(stored, red_at), RED)
    assert close_to(corner_colour(stored, blue_at), BLUE)
    others = {"tl", "tr", "bl", "br"} - {red_at, blue_at}
    for corner in others:
        assert close_to(corner_colour(stored, corner), GREY)
    # The orientation is baked into the pixels, so the tag must not survive to rotate them again.
    assert 0x0112 not in stored.getexif()


@pytest.mark.parametrize("orientation", [3, 6, 8])
def test_thumbnail_is_oriented_like_the_photo(orientation: int) -> None:
    red_at, _, swaps = ORIENTATIONS[orientation]
    photo = intake_bytes(with_orientation(cornered(1600, 800), orientation), "a.jpg")
    thumb = _open(photo.thumbnail)
    assert thumb.size == ((128, 256) if swaps else (256, 128))
    pixel = thumb.getpixel(
        (2 if red_at[1] == "l" else thumb.width - 3, 2 if red_at[0] == "t" else thumb.height - 3)
    )
    assert isinstance(pixel, tuple)
    assert close_to((pixel[0], pixel[1], pixel[2]), RED, tol=45)


def test_large_rotated_jpeg_is_downscaled_and_rotated() -> None:
    source = with_orientation(cornered(4000, 2000), 6)
    photo = intake_bytes(source, "big.jpg")
    stored = _open(photo.data)
    # Portrait after rotation; long edge within the limit (and within 5 % of it: the draft path).
    assert stored.width * 2 == stored.height
    assert 0.95 * 2048 <= stored.height <= 2048
    assert close_to(corner_colour(stored, "tr", inset=8), RED)
    assert close_to(corner_colour(stored, "br", inset=8), BLUE)


@pytest.mark.parametrize(
    ("size", "max_edge", "expected"),
    [
        ((3000, 2000), 2048, (2048, 1365)),
        ((2000, 3000), 2048, (1365, 2048)),
        ((3000, 2000), 1000, (1000, 667)),
        ((2049, 100), 2048, (2048, 100)),
        ((5000, 4), 2048, (2048, 2)),
        ((800, 600), 2048, (800, 600)),
        ((800, 600), 800, (800, 600)),
    ],
)
def test_png_is_fitted_to_the_long_edge_limit(
    size: tuple[int, int], max_edge: int, expected: tuple[int, int]
) -> None:
    source = encode(noisy(*size), "PNG", compress_level=1)
    photo = intake_bytes(source, "scan.png", max_edge=max_edge)
    assert _open(photo.data).size == expected
    assert (photo.width, photo.height) == expected


def test_small_jpeg_is_not_upscaled() -> None:
    photo = intake_bytes(encode(noisy(640, 480)), "small.jpg")
    assert _open(photo.data).size == (640, 480)


@pytest.mark.parametrize(
    ("size", "max_edge", "low", "high"),
    [
        # 1/2-scale decode lands within 5 % of the limit: kept at 2000.
        ((4000, 3000), 2048, 2000, 2000),
        # 1/2 scale is too small (1500): full decode, resampled to the exact limit.
        ((3000, 2000), 2048, 2048, 2048),
        # 1/4-scale decode gives exactly the limit.
        ((4000, 3000), 1000, 1000, 1000),
        # 1/2-scale decode (1152) is still above the limit: resampled down to it.
        ((2304, 1728), 1024, 1024, 1024),
    ],
)
def test_jpeg_downscaling_limits(size: tuple[int, int], max_edge: int, low: int, high: int) -> None:
    photo = intake_bytes(encode(noisy(*size), quality=90), "p.jpg", max_edge=max_edge)
    stored = _open(photo.data)
    assert low <= max(stored.size) <= high
    assert abs(stored.width / stored.height - size[0] / size[1]) < 0.01


def test_reduced_scale_decoding_gives_the_same_picture() -> None:
    """The draft (DCT-scaled) path must match a full decode resampled the slow way."""
    source_image = noisy(4000, 3000, seed=7)
    source = encode(source_image, quality=92)
    photo = intake_bytes(source, "p.jpg", max_edge=1000)
    stored = _open(photo.data).convert("RGB")

    reference = _open(source).resize(stored.size, Image.Resampling.LANCZOS)
    difference = ImageStat.Stat(ImageChops.difference(stored, reference)).mean
    assert max(difference) < 4, difference


def test_thumbnail_sizes() -> None:
    source = encode(noisy(3000, 2000))
    assert _open(intake_bytes(source, "a.jpg").thumbnail).size == (256, 171)
    assert _open(intake_bytes(source, "a.jpg", thumb_edge=128).thumbnail).size == (128, 85)
    tiny = intake_bytes(encode(noisy(100, 80)), "tiny.jpg")
    assert _open(tiny.thumbnail).size == (100, 80)
    assert _open(tiny.thumbnail).format == "JPEG"


def test_identical_input_gives_identical_bytes_and_hash() -> None:
    source = encode(noisy(1200, 900, seed=3))
    first = intake_bytes(source, "a.jpg")
    second = intake_bytes(bytes(source), "another-name.jpg")
    assert first.data == second.data
    assert first.thumbnail == second.thumbnail
    assert first.sha256 == second.sha256 == hashlib.sha256(first.data).hexdigest()
    assert len(first.sha256) == 64

    different = intake_bytes(encode(noisy(1200, 900, seed=4)), "a.jpg")
    assert different.sha256 != first.sha256


def test_intake_photo_reads_the_file_and_keeps_only_its_name(tmp_path: object) -> None:
    from pathlib import Path

    assert isinstance(tmp_path, Path)
    folder = tmp_path / "巡察照片" / "第一天"
    folder.mkdir(parents=True)
    path = folder / "水井 01.jpg"
    source = encode(noisy(900, 600))
    path.write_bytes(source)
    before = sorted(p.name for p in tmp_path.rglob("*"))

    photo = intake_photo(path)

    assert photo.original_name == "水井 01.jpg"
    assert photo == intake_bytes(source, "水井 01.jpg")
    assert sorted(p.name for p in tmp_path.rglob("*")) == before  # writes nothing


def test_name_from_a_windows_path_is_reduced_to_the_file_name() -> None:
    photo = intake_bytes(encode(noisy(64, 64)), "C:\\Users\\张三\\Pictures\\IMG_7.JPG")
    assert photo.original_name == "IMG_7.JPG"


def test_repr_does_not_dump_the_bytes() -> None:
    photo = intake_bytes(encode(noisy(300, 200)), "a.jpg")
    assert isinstance(photo, ProcessedPhoto)
    assert len(repr(photo)) < 300
    assert photo.sha256 in repr(photo)


@pytest.mark.parametrize("max_edge", [0, 15, -1])
def test_nonsensical_limits_are_programming_errors(max_edge: int) -> None:
    with pytest.raises(ValueError, match="max_edge"):
        intake_bytes(encode(noisy(64, 64)), "a.jpg", max_edge=max_edge)
