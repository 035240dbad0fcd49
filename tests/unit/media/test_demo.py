"""Synthetic demo photos: deterministic, varied, clean, and usable by intake."""

from __future__ import annotations

import io

import pytest
from PIL import Image, ImageStat

from app.media import intake_bytes, make_demo_photo
from app.media.demo import demo_scene_kind
from tests.unit.media.images import CLEAN_MARKERS, jpeg_segments

SUBJECTS = ["well", "road", "bridge", "letter", "meeting", "village square"]


@pytest.mark.parametrize("subject", SUBJECTS)
def test_demo_photo_is_a_clean_deterministic_jpeg(subject: str) -> None:
    first = make_demo_photo(7, subject)
    assert make_demo_photo(7, subject) == first
    image = Image.open(io.BytesIO(first))
    assert (image.format, image.mode, image.size) == ("JPEG", "RGB", (1600, 1200))
    assert {marker for marker, _ in jpeg_segments(first)} <= CLEAN_MARKERS
    assert len(image.getexif()) == 0
    # A picture, not a flat fill.
    assert min(ImageStat.Stat(image).stddev) > 10


def test_seed_and_subject_vary_the_picture() -> None:
    photos = {make_demo_photo(seed, subject) for seed in (1, 2) for subject in SUBJECTS}
    assert len(photos) == 2 * len(SUBJECTS)


def test_size_is_configurable_and_intake_accepts_it() -> None:
    data = make_demo_photo(3, "letter", width=900, height=1200)
    assert Image.open(io.BytesIO(data)).size == (900, 1200)
    photo = intake_bytes(data, "意见箱来信.jpg")
    assert (photo.width, photo.height) == (900, 1200)


@pytest.mark.parametrize(
    ("subject", "kind"),
    [
        ("well", "well"),
        ("机井损坏", "well"),
        ("Road with potholes", "road"),
        ("村道", "road"),
        ("桥梁护栏", "bridge"),
        ("意见箱来信", "letter"),
        ("letter", "letter"),
        ("座谈会", "meeting"),
        ("anything else", "village"),
    ],
)
def test_subject_keywords(subject: str, kind: str) -> None:
    assert demo_scene_kind(subject) == kind


def test_tiny_sizes_are_refused() -> None:
    with pytest.raises(ValueError):
        make_demo_photo(1, "well", width=10, height=10)
