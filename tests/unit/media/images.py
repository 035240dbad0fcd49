"""Test pictures made with Pillow, and a JPEG segment reader to inspect what was stored."""

from __future__ import annotations

import io
import random
import struct
import zlib

from PIL import Image

RED = (220, 30, 30)
BLUE = (30, 40, 220)
GREY = (128, 128, 128)
MARKER = 40
"""Side of the coloured squares put in corners."""


def cornered(width: int, height: int) -> Image.Image:
    """Grey image with a red square in the top-left and a blue one in the top-right corner."""
    image = Image.new("RGB", (width, height), GREY)
    image.paste(RED, (0, 0, MARKER, MARKER))
    image.paste(BLUE, (width - MARKER, 0, width, MARKER))
    return image


def noisy(width: int, height: int, seed: int = 1) -> Image.Image:
    """Photo-like content: smooth colour fields plus per-pixel noise (not easily compressible)."""
    rng = random.Random(seed)
    coarse = Image.frombytes("RGB", (16, 12), rng.randbytes(16 * 12 * 3))
    base = coarse.resize((width, height), Image.Resampling.BICUBIC)
    grain = Image.frombytes("L", (width, height), rng.randbytes(width * height))
    return Image.blend(base, Image.merge("RGB", (grain, grain, grain)), 0.2)


def encode(image: Image.Image, fmt: str = "JPEG", **params: object) -> bytes:
    buffer = io.BytesIO()
    image.save(buffer, format=fmt, **params)
    return buffer.getvalue()


def with_orientation(image: Image.Image, orientation: int) -> bytes:
    exif = Image.Exif()
    exif[0x0112] = orientation
    return encode(image, "JPEG", quality=95, exif=exif.tobytes())


def corner_colour(
    image: Image.Image, corner: str, inset: int = MARKER // 2
) -> tuple[int, int, int]:
    """Colour sampled ``inset`` pixels in from ``corner`` (tl, tr, bl, br)."""
    x = inset if corner[1] == "l" else image.width - 1 - inset
    y = inset if corner[0] == "t" else image.height - 1 - inset
    pixel = image.convert("RGB").getpixel((x, y))
    assert isinstance(pixel, tuple)
    return pixel[0], pixel[1], pixel[2]


def close_to(actual: tuple[int, int, int], expected: tuple[int, int, int], tol: int = 30) -> bool:
    return all(abs(a - e) <= tol for a, e in zip(actual, expected, strict=True))


def png_header(width: int, height: int) -> bytes:
    """A tiny PNG whose header claims ``width`` × ``height`` RGB pixels (no real pixel data)."""

    def chunk(kind: bytes, payload: bytes) -> bytes:
        crc = zlib.crc32(kind + payload)
        return struct.pack(">I", len(payload)) + kind + payload + struct.pack(">I", crc)

    ihdr = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", ihdr)
        + chunk(b"IDAT", zlib.compress(b"\x00" * 64))
        + chunk(b"IEND", b"")
    )


def jpeg_segments(data: bytes) -> list[tuple[int, bytes]]:
    """(marker, payload) of every segment up to and including the first SOS."""
    assert data[:2] == b"\xff\xd8", "not a JPEG"
    segments: list[tuple[int, bytes]] = []
    pos = 2
    while pos < len(data):
        assert data[pos] == 0xFF, f"bad marker at {pos}"
        marker = data[pos + 1]
        if marker == 0xFF:  # fill byte
            pos += 1
            continue
        length = int.from_bytes(data[pos + 2 : pos + 4], "big")
        segments.append((marker, data[pos + 4 : pos + 2 + length]))
        if marker == 0xDA:
            break
        pos += 2 + length
    return segments


# Markers a clean baseline JPEG may hold: APP0 (JFIF), DQT, SOF0, SOF2, DHT, DRI, SOS.
CLEAN_MARKERS = frozenset({0xE0, 0xDB, 0xC0, 0xC2, 0xC4, 0xDD, 0xDA})


def _s15f16(value: float) -> bytes:
    return struct.pack(">i", round(value * 65536))


def rgb_icc_profile(
    red: tuple[float, float, float],
    green: tuple[float, float, float],
    blue: tuple[float, float, float],
    description: str,
) -> bytes:
    """A minimal ICC v2 matrix/TRC display profile with the given primaries (D50 XYZ), gamma 2.2."""

    def xyz(values: tuple[float, float, float]) -> bytes:
        return b"XYZ \x00\x00\x00\x00" + b"".join(_s15f16(v) for v in values)

    ascii_text = description.encode("ascii") + b"\x00"
    desc = (
        b"desc\x00\x00\x00\x00"
        + struct.pack(">I", len(ascii_text))
        + ascii_text
        + b"\x00" * 8  # Unicode language and count
        + b"\x00" * 3  # ScriptCode code and count
        + b"\x00" * 67
    )
    curve = b"curv\x00\x00\x00\x00" + struct.pack(">IH", 1, round(2.2 * 256)) + b"\x00\x00"
    d50 = (0.9642, 1.0, 0.8249)
    tags = [
        (b"desc", desc),
        (b"wtpt", xyz(d50)),
        (b"rXYZ", xyz(red)),
        (b"gXYZ", xyz(green)),
        (b"bXYZ", xyz(blue)),
        (b"rTRC", curve),
        (b"gTRC", curve),
        (b"bTRC", curve),
    ]
    table_size = 4 + 12 * len(tags)
    offset = 128 + table_size
    table = struct.pack(">I", len(tags))
    body = b""
    for signature, payload in tags:
        payload += b"\x00" * (-len(payload) % 4)
        table += signature + struct.pack(">II", offset + len(body), len(payload))
        body += payload
    size = 128 + table_size + len(body)
    header = (
        struct.pack(">I", size)
        + b"\x00" * 4
        + struct.pack(">I", 0x02100000)
        + b"mntrRGB XYZ "
        + struct.pack(">6H", 2026, 1, 1, 0, 0, 0)
        + b"acsp"
        + b"\x00" * 24  # platform, flags, manufacturer, model, attributes
        + struct.pack(">I", 0)  # rendering intent
        + b"".join(_s15f16(v) for v in d50)
        + b"\x00" * 4  # creator
        + b"\x00" * 44  # profile id and reserved
    )
    assert len(header) == 128
    return header + table + body


# sRGB primaries adapted to D50, as ICC profiles store them.
SRGB_RED = (0.4361, 0.2225, 0.0139)
SRGB_GREEN = (0.3851, 0.7169, 0.0971)
SRGB_BLUE = (0.1431, 0.0606, 0.7141)
