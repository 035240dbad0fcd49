"""Stored photo and thumbnail carry pixels only: no EXIF, GPS, XMP, ICC, IPTC or comments."""

from __future__ import annotations

import io
import struct
import warnings

import pytest
from PIL import Image, ImageCms, JpegImagePlugin, PngImagePlugin

from app.media import intake_bytes
from tests.unit.media.images import (
    CLEAN_MARKERS,
    SRGB_BLUE,
    SRGB_GREEN,
    SRGB_RED,
    close_to,
    encode,
    jpeg_segments,
    noisy,
    rgb_icc_profile,
)

XMP_PACKET = (
    b'<?xpacket begin="\xef\xbb\xbf" id="W5M0MpCehiHzreSzNTczkc9d"?>'
    b'<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF '
    b'xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"><rdf:Description '
    b'xmlns:xmp="http://ns.adobe.com/xap/1.0/" xmp:CreatorTool="XMPMARKER-5517"/>'
    b'</rdf:RDF></x:xmpmeta><?xpacket end="w"?>'
)
# 15.125 = 121/8 seconds and 42.5 = 85/2 seconds: the rationals a GPS IFD stores for them, in
# either byte order (the writer picks one).
GPS_RATIONALS = {
    value: [struct.pack(fmt, *value) for fmt in ("<II", ">II")] for value in ((121, 8), (85, 2))
}
ALL_GPS_RATIONALS = [packed for both in GPS_RATIONALS.values() for packed in both]
IPTC_BYLINE = b"IPTCMARKER-Zhang San"


def _exif_with_gps() -> Image.Exif:
    exif = Image.Exif()
    exif[0x010F] = "SECRETCAM-7Q"  # Make
    exif[0x0110] = "MODEL-42"  # Model
    exif[0x0132] = "2026:07:01 09:30:00"  # DateTime
    gps = exif.get_ifd(0x8825)
    gps[0x0001] = "N"
    gps[0x0002] = (31.0, 14.0, 15.125)
    gps[0x0003] = "E"
    gps[0x0004] = (121.0, 28.0, 42.5)
    gps[0x0012] = "GPSMARKER-WGS84"
    return exif


def _iptc_segment() -> bytes:
    """An APP13 Photoshop/IPTC segment holding a by-line (dataset 2:80)."""
    record = b"\x1c\x02\x50" + struct.pack(">H", len(IPTC_BYLINE)) + IPTC_BYLINE
    if len(record) % 2:
        record += b"\x00"
    resource = b"8BIM" + struct.pack(">H", 0x0404) + b"\x00\x00" + struct.pack(">I", len(record))
    payload = b"Photoshop 3.0\x00" + resource + record
    return b"\xff\xed" + struct.pack(">H", len(payload) + 2) + payload


def _srgb_icc() -> bytes:
    return ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB")).tobytes()


def _loaded_jpeg() -> bytes:
    return encode(
        noisy(1200, 900),
        "JPEG",
        quality=92,
        exif=_exif_with_gps().tobytes(),
        xmp=XMP_PACKET,
        icc_profile=_srgb_icc(),
        comment=b"COMMENTMARKER-88",
        extra=_iptc_segment(),
    )


def _loaded_png() -> bytes:
    info = PngImagePlugin.PngInfo()
    info.add_text("Author", "PNGTEXTMARKER-Li Si")
    info.add_text("Comment", "ZTXTMARKER " * 20, zip=True)
    info.add_itxt("Description", "巡察 ITXTMARKER", lang="zh", tkey="说明")
    info.add_itxt("XML:com.adobe.xmp", XMP_PACKET.decode())
    return encode(
        noisy(800, 600).convert("RGBA"),
        "PNG",
        pnginfo=info,
        exif=_exif_with_gps().tobytes(),
        icc_profile=_srgb_icc(),
    )


NEEDLES = [
    b"Exif",
    b"http://ns.adobe.com/xap",
    b"XMPMARKER",
    b"SECRETCAM",
    b"MODEL-42",
    b"GPSMARKER",
    b"2026:07:01",
    b"ICC_PROFILE",
    b"COMMENTMARKER",
    b"Photoshop 3.0",
    b"8BIM",
    b"IPTCMARKER",
]
PNG_NEEDLES = [
    b"Exif",
    b"eXIf",
    b"XMPMARKER",
    b"SECRETCAM",
    b"GPSMARKER",
    b"iCCP",
    b"PNGTEXTMARKER",
    b"ITXTMARKER",
    b"XML:com.adobe.xmp",
]


def _assert_carries(source: bytes, needles: list[bytes]) -> None:
    for needle in needles:
        assert needle in source, needle
    for value, packed in GPS_RATIONALS.items():
        assert any(p in source for p in packed), value


def _assert_clean(data: bytes, needles: list[bytes]) -> None:
    for needle in [*needles, *ALL_GPS_RATIONALS]:
        assert needle not in data, needle
    for marker, payload in jpeg_segments(data):
        assert marker in CLEAN_MARKERS, hex(marker)
        if marker == 0xE0:
            assert payload.startswith(b"JFIF\x00")
    image = Image.open(io.BytesIO(data))
    assert image.format == "JPEG"
    assert image.mode == "RGB"
    assert len(image.getexif()) == 0
    for key in ("exif", "xmp", "icc_profile", "comment", "photoshop", "adobe"):
        assert key not in image.info, key
    assert isinstance(image, JpegImagePlugin.JpegImageFile)
    assert [segment for segment, _ in image.applist if segment.startswith("APP")] == ["APP0"]


def test_loaded_jpeg_source_really_carries_the_metadata() -> None:
    """Guard against a vacuous pass: the source must hold every needle we look for."""
    source = _loaded_jpeg()
    _assert_carries(source, NEEDLES)
    opened = Image.open(io.BytesIO(source))
    assert opened.getexif().get_ifd(0x8825)
    assert "icc_profile" in opened.info and "xmp" in opened.info and "comment" in opened.info


def test_jpeg_metadata_is_stripped_from_photo_and_thumbnail() -> None:
    photo = intake_bytes(_loaded_jpeg(), "IMG_20260701_093000.jpg")
    _assert_clean(photo.data, NEEDLES)
    _assert_clean(photo.thumbnail, NEEDLES)


def test_png_metadata_is_stripped_from_photo_and_thumbnail() -> None:
    source = _loaded_png()
    _assert_carries(source, [n for n in PNG_NEEDLES if n != b"Exif"])
    opened = Image.open(io.BytesIO(source))
    opened.load()
    assert "Author" in opened.info and "icc_profile" in opened.info

    photo = intake_bytes(source, "截图.png")
    _assert_clean(photo.data, PNG_NEEDLES)
    _assert_clean(photo.thumbnail, PNG_NEEDLES)


@pytest.mark.parametrize("fmt", ["WEBP", "TIFF"])
def test_other_formats_with_exif_are_stripped(fmt: str) -> None:
    source = encode(noisy(500, 400), fmt, exif=_exif_with_gps().tobytes())
    assert b"SECRETCAM" in source
    photo = intake_bytes(source, f"photo.{fmt.lower()}")
    _assert_clean(photo.data, [b"SECRETCAM", b"GPSMARKER", b"Exif"])


def test_damaged_exif_does_not_escape_as_a_warning() -> None:
    """An IFD entry pointing past the EXIF block makes Pillow warn; that must stay inside."""
    tiff = b"II*\x00" + struct.pack("<I", 8)
    entry = struct.pack("<HHII", 0x010F, 2, 4000, 0x7FFF0000)  # Make, ASCII, far away
    ifd = struct.pack("<H", 1) + entry + struct.pack("<I", 0)
    source = encode(noisy(300, 200), "JPEG", exif=b"Exif\x00\x00" + tiff + ifd)
    with pytest.warns(UserWarning):  # Pillow on its own does warn about this file
        Image.open(io.BytesIO(source)).getexif()
    filters_before = list(warnings.filters)

    with warnings.catch_warnings():
        warnings.simplefilter("error")
        photo = intake_bytes(source, "odd.jpg")

    assert Image.open(io.BytesIO(photo.data)).size == (300, 200)
    assert warnings.filters == filters_before


def test_broken_icc_profile_is_dropped_without_failing() -> None:
    source = encode(noisy(300, 200), "JPEG", icc_profile=b"not really a profile" * 10)
    photo = intake_bytes(source, "odd-colour.jpg")
    _assert_clean(photo.data, [b"ICC_PROFILE", b"not really"])


def test_pixels_under_a_foreign_profile_are_converted_to_srgb() -> None:
    """The profile is dropped, so its meaning must be baked into the pixels first.

    The test profile swaps the red and green primaries: a pixel that reads (200, 30, 30) under it is
    really green, and must come out green in sRGB.
    """
    swapped = rgb_icc_profile(SRGB_GREEN, SRGB_RED, SRGB_BLUE, "Swapped primaries test")
    ImageCms.ImageCmsProfile(io.BytesIO(swapped))  # a valid profile for littlecms
    source = encode(Image.new("RGB", (300, 200), (200, 30, 30)), "JPEG", icc_profile=swapped)

    photo = intake_bytes(source, "wide-gamut.jpg")

    _assert_clean(photo.data, [b"ICC_PROFILE", b"Swapped primaries"])
    pixel = Image.open(io.BytesIO(photo.data)).getpixel((150, 100))
    assert isinstance(pixel, tuple)
    red, green, blue = pixel[:3]
    assert green > 150 and red < 80 and blue < 80, pixel


def test_pixels_under_an_srgb_profile_are_left_alone() -> None:
    srgb_like = rgb_icc_profile(SRGB_RED, SRGB_GREEN, SRGB_BLUE, "sRGB IEC61966-2.1")
    source = encode(Image.new("RGB", (300, 200), (200, 30, 30)), "JPEG", icc_profile=srgb_like)
    pixel = Image.open(io.BytesIO(intake_bytes(source, "a.jpg").data)).getpixel((150, 100))
    assert isinstance(pixel, tuple)
    assert close_to((pixel[0], pixel[1], pixel[2]), (200, 30, 30), tol=8)
