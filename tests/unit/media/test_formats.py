"""Inputs other than plain RGB JPEG: transparency, palettes, greyscale, 16 bits, CMYK, threads."""

from __future__ import annotations

import io
from concurrent.futures import ThreadPoolExecutor

import pytest
from PIL import Image

from app.media import intake_bytes
from tests.unit.media.images import close_to, encode, noisy

WHITE = (255, 255, 255)


def _stored(data: bytes) -> Image.Image:
    image = Image.open(io.BytesIO(data))
    image.load()
    assert image.format == "JPEG"
    assert image.mode == "RGB"
    return image


def _pixel(image: Image.Image, xy: tuple[int, int]) -> tuple[int, int, int]:
    value = image.getpixel(xy)
    assert isinstance(value, tuple)
    return value[0], value[1], value[2]


def test_transparent_png_is_flattened_on_white() -> None:
    source = Image.new("RGBA", (200, 100), (0, 0, 0, 0))  # transparent *black*
    source.paste((200, 20, 20, 255), (0, 0, 100, 100))  # opaque red left half
    photo = _stored(intake_bytes(encode(source, "PNG"), "logo.png").data)
    assert close_to(_pixel(photo, (50, 50)), (200, 20, 20))
    assert close_to(_pixel(photo, (150, 50)), WHITE, tol=6)


def test_half_transparent_red_becomes_pink() -> None:
    source = Image.new("RGBA", (64, 64), (255, 0, 0, 128))
    photo = _stored(intake_bytes(encode(source, "PNG"), "pink.png").data)
    assert close_to(_pixel(photo, (32, 32)), (255, 127, 127), tol=12)


def test_downscaled_transparent_png_has_no_dark_fringe() -> None:
    source = Image.new("RGBA", (4000, 100), (0, 0, 0, 0))
    source.paste((255, 255, 255, 255), (0, 0, 2000, 100))
    photo = _stored(intake_bytes(encode(source, "PNG"), "wide.png", max_edge=400).data)
    assert photo.size == (400, 10)
    # Around the former edge everything is white: no black bleeding from transparent pixels.
    assert min(_pixel(photo, (x, 5))[0] for x in range(190, 210)) > 240


def test_palette_gif_with_transparency() -> None:
    source = Image.new("P", (80, 60), 0)
    source.putpalette([0, 0, 0, 20, 160, 40] + [0, 0, 0] * 254)
    source.paste(1, (0, 0, 40, 60))
    data = encode(source, "GIF", transparency=0)
    photo = _stored(intake_bytes(data, "anim.gif").data)
    assert close_to(_pixel(photo, (20, 30)), (20, 160, 40))
    assert close_to(_pixel(photo, (60, 30)), WHITE, tol=6)


def test_greyscale_and_bilevel_become_rgb() -> None:
    grey = Image.new("L", (100, 100), 90)
    assert close_to(_pixel(_stored(intake_bytes(encode(grey), "g.jpg").data), (50, 50)), (90,) * 3)
    bilevel = Image.new("1", (100, 100), 1)
    photo = _stored(intake_bytes(encode(bilevel, "PNG"), "fax.png").data)
    assert close_to(_pixel(photo, (50, 50)), WHITE, tol=4)


def test_sixteen_bit_greyscale_is_scaled_not_clipped() -> None:
    deep = Image.new("I;16", (64, 64), 32768)  # mid grey in 16 bits
    data = encode(deep, "PNG")
    assert Image.open(io.BytesIO(data)).mode.startswith("I")
    photo = _stored(intake_bytes(data, "scan16.png").data)
    assert close_to(_pixel(photo, (32, 32)), (128, 128, 128), tol=4)


def test_cmyk_jpeg_becomes_rgb() -> None:
    cmyk = Image.new("CMYK", (120, 80), (0, 255, 255, 0))  # red ink
    photo = _stored(intake_bytes(encode(cmyk, quality=95), "print.jpg").data)
    red, green, blue = _pixel(photo, (60, 40))
    assert red > 200 and green < 60 and blue < 60


@pytest.mark.parametrize(("fmt", "params"), [("WEBP", {"quality": 90}), ("BMP", {}), ("TIFF", {})])
def test_other_accepted_formats(fmt: str, params: dict[str, object]) -> None:
    source = noisy(3000, 1500)
    photo = intake_bytes(encode(source, fmt, **params), f"p.{fmt.lower()}")
    assert _stored(photo.data).size == (2048, 1024)
    assert _stored(photo.thumbnail).size == (256, 128)


def test_concurrent_intakes_match_sequential_ones() -> None:
    sources = [encode(noisy(1800 + 100 * i, 1200, seed=i)) for i in range(3)]
    sources += [encode(noisy(900, 700, seed=9), "PNG"), encode(noisy(700, 500), "GIF")]
    expected = [intake_bytes(s, f"{i}.img").sha256 for i, s in enumerate(sources)]
    with ThreadPoolExecutor(max_workers=4) as pool:
        results = list(pool.map(lambda i: intake_bytes(sources[i % 5], f"{i % 5}.img"), range(20)))
    assert [r.sha256 for r in results] == expected * 4
