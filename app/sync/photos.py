"""Photos in bundles carry pixels only: a JPEG with an EXIF, XMP or IPTC segment is refused.

Photo intake (app/media) strips metadata before a photo is stored; this check makes sure nothing
with a location or a camera serial number leaves the laptop even if a stored photo came another
way.
"""

from __future__ import annotations

from app.sync.errors import SyncError

_APP1 = 0xE1  # EXIF, XMP
_APP13 = 0xED  # IPTC / Photoshop
_SOS = 0xDA


def metadata_segments(data: bytes | memoryview) -> list[int]:
    """The markers of APPn segments that carry metadata (APP1, APP13) before the image data."""
    found: list[int] = []
    buf = bytes(data[: 1 << 20])
    if buf[:2] != b"\xff\xd8":
        return found
    pos = 2
    while pos + 4 <= len(buf):
        if buf[pos] != 0xFF:
            break
        marker = buf[pos + 1]
        if marker == _SOS:
            break
        length = int.from_bytes(buf[pos + 2 : pos + 4], "big")
        if marker in (_APP1, _APP13):
            found.append(marker)
        pos += 2 + length
    return found


def assert_clean_jpeg(data: bytes | memoryview, name: str) -> None:
    if metadata_segments(data):
        raise SyncError(f"照片含有元数据（EXIF/GPS），不能导出：{name}")
