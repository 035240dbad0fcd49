"""Synthetic photos for the demo workspace: simple scenes drawn with Pillow, no text, no metadata.

``make_demo_photo(seed, subject)`` always returns the same bytes for the same arguments (on the same
Pillow and libjpeg), so a demo workspace can be rebuilt identically. The subject is matched by
keyword, in English or Chinese: well/井, road/路, bridge/桥, letter/信 (a handwritten letter from an
opinion box), meeting/会; anything else gives a village street.
"""

from __future__ import annotations

import io
import random
from collections.abc import Callable
from typing import Final

from PIL import Image, ImageDraw, ImageFilter

Colour = tuple[int, int, int]
_Scene = Callable[[Image.Image, random.Random], None]

_DEMO_QUALITY: Final = 88
_MIN_SIZE: Final = 64

_KEYWORDS: Final[tuple[tuple[str, tuple[str, ...]], ...]] = (
    ("letter", ("letter", "note", "信", "意见", "举报", "纸条")),
    ("meeting", ("meeting", "会", "座谈")),
    ("bridge", ("bridge", "桥")),
    ("well", ("well", "井")),
    ("road", ("road", "street", "路", "道")),
)


def demo_scene_kind(subject: str) -> str:
    """The scene drawn for ``subject``: letter, meeting, bridge, well, road or village."""
    lowered = subject.lower()
    for kind, words in _KEYWORDS:
        if any(word in lowered for word in words):
            return kind
    return "village"


def make_demo_photo(seed: int, subject: str, width: int = 1600, height: int = 1200) -> bytes:
    """A plausible synthetic JPEG of ``subject``, varied by ``seed``; deterministic for both."""
    if width < _MIN_SIZE or height < _MIN_SIZE:
        raise ValueError(f"demo photos are at least {_MIN_SIZE}×{_MIN_SIZE} pixels")
    kind = demo_scene_kind(subject)
    rng = random.Random(f"xuncha-demo:{kind}:{seed}")
    image = Image.new("RGB", (width, height))
    _SCENES[kind](image, rng)
    image = image.filter(ImageFilter.GaussianBlur(radius=max(width, height) / 1600))
    image = _add_grain(image, rng)
    buffer = io.BytesIO()
    image.save(buffer, format="JPEG", quality=_DEMO_QUALITY, optimize=True)
    return buffer.getvalue()


# --- helpers -----------------------------------------------------------------------------------


def _jitter(colour: Colour, rng: random.Random, amount: int = 18) -> Colour:
    r, g, b = (max(0, min(255, c + rng.randint(-amount, amount))) for c in colour)
    return r, g, b


def _darker(colour: Colour, amount: int) -> Colour:
    r, g, b = (max(0, c - amount) for c in colour)
    return r, g, b


def _vertical_gradient(size: tuple[int, int], top: Colour, bottom: Colour) -> Image.Image:
    width, height = size
    column = Image.new("RGB", (1, 256))
    for y in range(256):
        t = y / 255
        column.putpixel(
            (0, y),
            (
                round(top[0] + (bottom[0] - top[0]) * t),
                round(top[1] + (bottom[1] - top[1]) * t),
                round(top[2] + (bottom[2] - top[2]) * t),
            ),
        )
    return column.resize((width, height), Image.Resampling.BILINEAR)


def _add_grain(image: Image.Image, rng: random.Random) -> Image.Image:
    """Sensor-like noise, from the seeded generator so that it is reproducible."""
    width, height = image.size
    small = (max(1, width // 2), max(1, height // 2))
    noise = Image.frombytes("L", small, rng.randbytes(small[0] * small[1]))
    noise = noise.resize(image.size, Image.Resampling.BILINEAR)
    return Image.blend(image, Image.merge("RGB", (noise, noise, noise)), 0.07)


def _sky_and_ground(image: Image.Image, rng: random.Random, ground: Colour) -> int:
    """Paint sky and ground; return the horizon's y."""
    width, height = image.size
    horizon = int(height * rng.uniform(0.32, 0.48))
    sky_top = _jitter((92, 142, 205), rng)
    sky_low = _jitter((196, 214, 232), rng, 10)
    image.paste(_vertical_gradient((width, horizon), sky_top, sky_low), (0, 0))
    ground_far = _jitter(ground, rng)
    ground_near = _darker(ground_far, 40)
    image.paste(
        _vertical_gradient((width, height - horizon), ground_far, ground_near), (0, horizon)
    )
    draw = ImageDraw.Draw(image)
    # Distant hills.
    for layer in range(2):
        shade = _jitter((96 + 30 * layer, 126 + 20 * layer, 104 + 10 * layer), rng, 12)
        points = [(0, horizon)]
        x = 0
        while x < width:
            x += rng.randint(width // 12, width // 5)
            points.append((x, horizon - rng.randint(height // 40, height // 9)))
        points.append((width, horizon))
        draw.polygon(points, fill=shade)
    # Clouds.
    for _ in range(rng.randint(2, 6)):
        cx, cy = rng.randint(0, width), rng.randint(0, max(1, horizon // 2))
        for _ in range(5):
            rx, ry = rng.randint(width // 30, width // 12), rng.randint(height // 60, height // 25)
            ox, oy = (
                rng.randint(-width // 20, width // 20),
                rng.randint(-height // 60, height // 60),
            )
            draw.ellipse((cx + ox - rx, cy + oy - ry, cx + ox + rx, cy + oy + ry), fill=(240,) * 3)
    return horizon


def _tree(draw: ImageDraw.ImageDraw, x: int, base: int, size: int, rng: random.Random) -> None:
    draw.rectangle((x - size // 12, base - size // 2, x + size // 12, base), fill=(92, 66, 44))
    green = _jitter((58, 112, 52), rng, 20)
    for _ in range(4):
        ox, oy = rng.randint(-size // 4, size // 4), rng.randint(-size // 5, size // 8)
        r = rng.randint(size // 4, size // 2)
        cy = base - size // 2 - size // 4 + oy
        draw.ellipse((x + ox - r, cy - r, x + ox + r, cy + r), fill=green)


def _house(draw: ImageDraw.ImageDraw, x: int, base: int, size: int, rng: random.Random) -> None:
    wall = _jitter((214, 206, 190), rng, 14)
    roof = _jitter((84, 84, 92), rng, 14)
    w, h = size, int(size * rng.uniform(0.55, 0.75))
    draw.rectangle((x, base - h, x + w, base), fill=wall)
    draw.polygon(
        [(x - w // 10, base - h), (x + w // 2, base - h - w // 3), (x + w + w // 10, base - h)],
        fill=roof,
    )
    door = (x + w // 2 - w // 12, base - h // 2, x + w // 2 + w // 12, base)
    draw.rectangle(door, fill=(120, 40, 36))
    for wx in (x + w // 8, x + w - w // 4):
        draw.rectangle((wx, base - h + h // 4, wx + w // 8, base - h + h // 2), fill=(70, 90, 110))


# --- scenes ------------------------------------------------------------------------------------


def _village(image: Image.Image, rng: random.Random) -> None:
    width, height = image.size
    horizon = _sky_and_ground(image, rng, (150, 140, 110))
    draw = ImageDraw.Draw(image)
    x = rng.randint(-width // 20, width // 20)
    while x < width:
        size = rng.randint(width // 7, width // 4)
        _house(draw, x, horizon + height // 8, size, rng)
        x += size + rng.randint(width // 40, width // 10)
    # A utility pole with sagging wires.
    px = rng.randint(width // 8, width - width // 8)
    draw.rectangle(
        (px - 6, horizon - height // 4, px + 6, horizon + height // 5), fill=(110, 100, 90)
    )
    for k in range(3):
        y = horizon - height // 4 + 12 + k * 14
        draw.line([(0, y + 30), (px, y), (width, y + 40)], fill=(30, 30, 30), width=2)
    for _ in range(rng.randint(2, 5)):
        _tree(
            draw,
            rng.randint(0, width),
            rng.randint(horizon + height // 6, height),
            height // 5,
            rng,
        )


def _road(image: Image.Image, rng: random.Random) -> None:
    width, height = image.size
    horizon = _sky_and_ground(image, rng, (112, 138, 78))
    draw = ImageDraw.Draw(image)
    vanish = width // 2 + rng.randint(-width // 8, width // 8)
    asphalt = _jitter((98, 96, 94), rng, 10)
    draw.polygon(
        [(vanish - 8, horizon), (vanish + 8, horizon), (width, height), (0, height)], fill=asphalt
    )
    # Dashed centre line in perspective.
    steps = 14
    for i in range(0, steps, 2):
        t0, t1 = (i / steps) ** 1.8, ((i + 1) / steps) ** 1.8
        y0, y1 = horizon + (height - horizon) * t0, horizon + (height - horizon) * t1
        x0 = vanish + (width // 2 - vanish) * t0
        x1 = vanish + (width // 2 - vanish) * t1
        draw.line([(x0, y0), (x1, y1)], fill=(226, 220, 200), width=max(2, int(14 * t1)))
    # Potholes and cracks: what an inspector photographs.
    for _ in range(rng.randint(2, 5)):
        t = rng.uniform(0.3, 0.95)
        y = int(horizon + (height - horizon) * t)
        half = (width / 2) * t
        x = int(vanish + rng.uniform(-0.7, 0.7) * half)
        rx, ry = int(width * 0.05 * t) + 4, int(height * 0.015 * t) + 3
        draw.ellipse((x - rx, y - ry, x + rx, y + ry), fill=(58, 54, 50))
        points = [(x, y)]
        for _ in range(6):
            x += rng.randint(-width // 40, width // 40)
            y += rng.randint(-height // 80, height // 60)
            points.append((x, y))
        draw.line(points, fill=(50, 48, 46), width=2)
    for side in (-1, 1):
        for k in range(4):
            t = 0.25 + k * 0.22
            x = int(vanish + side * (width / 2) * t * 1.3)
            _tree(draw, x, int(horizon + (height - horizon) * t), int(height * 0.35 * t) + 10, rng)


def _well(image: Image.Image, rng: random.Random) -> None:
    width, height = image.size
    horizon = _sky_and_ground(image, rng, (128, 122, 100))
    draw = ImageDraw.Draw(image)
    cx = width // 2 + rng.randint(-width // 8, width // 8)
    base = horizon + int((height - horizon) * rng.uniform(0.55, 0.75))
    rx, ry = width // 6, height // 20
    stone = _jitter((150, 146, 138), rng, 12)
    top = base - height // 4
    draw.rectangle((cx - rx, top, cx + rx, base), fill=stone)
    draw.ellipse((cx - rx, base - ry, cx + rx, base + ry), fill=stone)
    for row in range(top, base, height // 28):  # Courses of stone.
        draw.line([(cx - rx, row), (cx + rx, row)], fill=(112, 108, 100), width=2)
    draw.ellipse((cx - rx, top - ry, cx + rx, top + ry), fill=(126, 122, 114))
    draw.ellipse((cx - rx + 18, top - ry + 8, cx + rx - 18, top + ry - 8), fill=(24, 26, 28))
    # Wooden frame, crossbar and rope with a bucket.
    wood = (104, 72, 46)
    post_top = top - height // 4
    draw.rectangle((cx - rx - 10, post_top, cx - rx + 10, top + 10), fill=wood)
    draw.rectangle((cx + rx - 10, post_top, cx + rx + 10, top + 10), fill=wood)
    draw.rectangle((cx - rx - 20, post_top - 12, cx + rx + 20, post_top + 8), fill=wood)
    rope_end = top - ry // 2 + rng.randint(-10, 30)
    draw.line([(cx, post_top + 8), (cx, rope_end)], fill=(180, 160, 120), width=3)
    draw.polygon(
        [
            (cx - 26, rope_end),
            (cx + 26, rope_end),
            (cx + 20, rope_end + 40),
            (cx - 20, rope_end + 40),
        ],
        fill=(70, 90, 120),
    )
    _tree(draw, cx + rx * 2 + rng.randint(0, width // 8), base, height // 3, rng)


def _bridge(image: Image.Image, rng: random.Random) -> None:
    width, height = image.size
    horizon = _sky_and_ground(image, rng, (110, 132, 82))
    draw = ImageDraw.Draw(image)
    river_top = horizon + (height - horizon) // 3
    river_bottom = river_top + (height - horizon) // 3
    water = _jitter((74, 110, 130), rng, 12)
    draw.rectangle((0, river_top, width, river_bottom), fill=water)
    for _ in range(40):  # Ripples.
        x, y = rng.randint(0, width), rng.randint(river_top, river_bottom)
        draw.line([(x, y), (x + rng.randint(20, 80), y)], fill=(120, 150, 165), width=2)
    deck = river_top - height // 12
    concrete = _jitter((168, 164, 156), rng, 10)
    draw.rectangle((0, deck, width, deck + height // 24), fill=concrete)
    spans = rng.randint(2, 4)
    span = width / spans
    for k in range(spans):
        x0 = int(k * span)
        draw.rectangle((x0, deck, int(x0 + span), river_top + height // 40), fill=concrete)
        draw.ellipse(
            (
                x0 + span * 0.1,
                deck + height // 24,
                x0 + span * 0.9,
                river_top + (river_bottom - river_top) // 2,
            ),
            fill=water,
        )
    # Railing, with a broken stretch.
    gap = rng.randint(0, width - width // 6)
    for x in range(0, width, max(8, width // 40)):
        if gap <= x <= gap + width // 8:
            continue
        draw.line([(x, deck - height // 20), (x, deck)], fill=(120, 116, 110), width=4)
    draw.line([(0, deck - height // 20), (gap, deck - height // 20)], fill=(120, 116, 110), width=6)
    draw.line(
        [(gap + width // 8, deck - height // 20), (width, deck - height // 20)],
        fill=(120, 116, 110),
        width=6,
    )
    crack_x = rng.randint(width // 6, width - width // 6)
    points = [(crack_x, deck + height // 24)]
    for _ in range(6):
        crack_x += rng.randint(-12, 12)
        points.append((crack_x, points[-1][1] + height // 40))
    draw.line(points, fill=(60, 58, 56), width=3)


def _letter(image: Image.Image, rng: random.Random) -> None:
    width, height = image.size
    table = _jitter((134, 96, 62), rng, 14)
    image.paste(_vertical_gradient((width, height), table, _darker(table, 30)), (0, 0))
    draw = ImageDraw.Draw(image)
    for _ in range(30):  # Wood grain.
        y = rng.randint(0, height)
        draw.line(
            [(0, y), (width, y + rng.randint(-40, 40))], fill=_jitter(table, rng, 12), width=2
        )
    # The sheet, drawn upright on its own layer, then turned a little and laid on the table.
    sheet_w, sheet_h = int(min(width * 0.62, height * 0.7)), int(height * 0.88)
    paper = _jitter((238, 234, 222), rng, 6)
    sheet = Image.new("RGBA", (sheet_w, sheet_h), (*paper, 255))
    sdraw = ImageDraw.Draw(sheet)
    pitch = max(12, sheet_h // 24)
    margin = sheet_w // 10
    for y in range(pitch * 2, sheet_h - pitch, pitch):
        sdraw.line([(margin // 2, y), (sheet_w - margin // 2, y)], fill=(196, 170, 170), width=1)
    ink = rng.choice([(28, 40, 96), (24, 24, 28), (40, 52, 120)])
    lines = rng.randint(9, (sheet_h - pitch * 3) // pitch)
    for row in range(lines):
        y = pitch * 2 + row * pitch - pitch // 3
        x = margin + (pitch if row == 0 or rng.random() < 0.15 else 0)
        end = sheet_w - margin - (rng.randint(0, sheet_w // 2) if row == lines - 1 else 0)
        while x < end:  # Scribbled "characters": short strokes in a square cell.
            cell = int(pitch * 0.7)
            for _ in range(rng.randint(2, 4)):
                a = (x + rng.randint(0, cell), y + rng.randint(-cell // 2, cell // 3))
                b = (
                    a[0] + rng.randint(-cell // 2, cell // 2),
                    a[1] + rng.randint(-cell // 3, cell // 2),
                )
                sdraw.line([a, b], fill=ink, width=2)
            x += int(cell * rng.uniform(1.0, 1.25))
    # A folded crease.
    sdraw.line([(0, sheet_h // 3), (sheet_w, sheet_h // 3)], fill=(214, 210, 198), width=2)
    angle = rng.uniform(-6, 6)
    turned = sheet.rotate(angle, resample=Image.Resampling.BICUBIC, expand=True)
    shadow = Image.new("RGBA", turned.size, (0, 0, 0, 0))
    shadow.putalpha(turned.getchannel("A").point(lambda a: a // 3))
    ox = (width - turned.width) // 2 + rng.randint(-width // 20, width // 20)
    oy = (height - turned.height) // 2
    image.paste(shadow, (ox + 12, oy + 14), shadow)
    image.paste(turned, (ox, oy), turned)
    # A pen beside it.
    px = ox + turned.width + width // 30
    if px < width - 30:
        draw.line(
            [(px, height // 4), (px + rng.randint(-60, 60), height // 4 + height // 3)],
            fill=(20, 20, 24),
            width=max(6, width // 120),
        )


def _meeting(image: Image.Image, rng: random.Random) -> None:
    width, height = image.size
    wall = _jitter((222, 216, 200), rng, 10)
    image.paste(_vertical_gradient((width, height), wall, _darker(wall, 50)), (0, 0))
    draw = ImageDraw.Draw(image)
    floor = int(height * 0.62)
    draw.rectangle((0, floor, width, height), fill=_jitter((150, 120, 90), rng, 12))
    # A plain red banner (no lettering) and windows.
    draw.rectangle(
        (width // 6, height // 14, width - width // 6, height // 14 + height // 12),
        fill=(178, 32, 30),
    )
    for k in range(rng.randint(1, 3)):
        wx = width // 12 + k * width // 4
        draw.rectangle(
            (wx, height // 4, wx + width // 8, height // 4 + height // 5),
            fill=(176, 202, 224),
            outline=(120, 110, 100),
            width=6,
        )
    # A long table with people on the far side.
    table_top = int(height * 0.55)
    people = rng.randint(4, 8)
    for k in range(people):
        x = int(width * (k + 0.5) / people) + rng.randint(-20, 20)
        head = height // 18
        clothes = rng.choice([(40, 44, 60), (60, 60, 64), (220, 220, 225), (90, 70, 60)])
        draw.rounded_rectangle(
            (x - head * 2, table_top - head * 4, x + head * 2, table_top + 10),
            radius=head,
            fill=clothes,
        )
        skin = _jitter((214, 170, 136), rng, 12)
        draw.ellipse(
            (x - head, table_top - head * 6, x + head, table_top - head * 4 + 6), fill=skin
        )
        draw.chord(
            (x - head, table_top - head * 6 - 4, x + head, table_top - head * 5 + 6),
            180,
            360,
            fill=(26, 24, 24),
        )
    draw.rectangle((0, table_top, width, table_top + height // 10), fill=(112, 74, 48))
    for k in range(people):  # Papers and cups on the table.
        x = int(width * (k + 0.5) / people)
        draw.rectangle((x - 30, table_top + 10, x + 20, table_top + 40), fill=(244, 244, 240))
        draw.rectangle((x + 30, table_top + 5, x + 44, table_top + 30), fill=(250, 250, 250))
    draw.rectangle(
        (0, table_top + height // 10, width, table_top + height // 10 + 12), fill=(80, 52, 34)
    )


_SCENES: Final[dict[str, _Scene]] = {
    "village": _village,
    "road": _road,
    "well": _well,
    "bridge": _bridge,
    "letter": _letter,
    "meeting": _meeting,
}
