"""Photos in bundles carry pixels only, and only as the JPEG the photo intake writes.

Photo intake (app/media) strips metadata before a photo is stored; :func:`assert_clean_jpeg` makes
sure nothing with a location or a camera serial number leaves the laptop even if a stored photo came
another way. On import, :func:`intake_jpeg_refusal` accepts only what the intake writes — a baseline
JFIF JPEG: SOI, one APP0 "JFIF", quantisation and Huffman tables, one baseline frame of one or three
components within the size limit, one scan, EOI as the last two bytes — and nothing else: no EXIF,
XMP, ICC or IPTC segment, no comment, no progressive frame, no bytes after the image.
"""

from __future__ import annotations

from app.sync.errors import SyncError

_APP0 = 0xE0
_APP1 = 0xE1  # EXIF, XMP
_APP13 = 0xED  # IPTC / Photoshop
_DQT = 0xDB
_DHT = 0xC4
_DRI = 0xDD
_SOF0 = 0xC0
_SOS = 0xDA
_EOI = 0xD9
_TABLES = frozenset({_DQT, _DHT, _DRI})


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


def _frame_refusal(body: bytes | bytearray, max_edge: int, *, seen_frame: bool) -> str | None:
    """Why a baseline frame header (SOF0) is not one the intake writes, or None."""
    if seen_frame or len(body) < 6:
        return "JPEG 结构损坏"
    height = int.from_bytes(body[1:3], "big")
    width = int.from_bytes(body[3:5], "big")
    if body[0] != 8 or body[5] not in (1, 3) or len(body) != 6 + 3 * body[5]:
        return "JPEG 格式与本程序写入的不同"
    if not (1 <= width <= max_edge and 1 <= height <= max_edge):
        return f"图片尺寸 {width}×{height} 超出上限 {max_edge}"
    return None


def _scan_refusal(data: bytes | bytearray, pos: int) -> str | None:
    """The entropy-coded scan from ``pos``: 0xFF only as a stuffed 0xFF00 or a restart marker,
    then EOI at the end."""
    end = len(data) - 2
    while True:
        at = data.find(b"\xff", pos, end)
        if at < 0:
            return None
        follow = data[at + 1]
        if follow != 0x00 and not 0xD0 <= follow <= 0xD7:
            return "JPEG 图像数据之后还有其他内容"
        pos = at + 2


def intake_jpeg_refusal(data: bytes | bytearray, max_edge: int) -> str | None:
    """Why ``data`` is not a JPEG as the photo intake writes it (one line of Chinese), or None."""
    n = len(data)
    if n < 8 or data[:2] != b"\xff\xd8" or data[-2:] != b"\xff\xd9":
        return "不是 JPEG 图片"
    pos = 2
    seen_app0 = seen_frame = False
    while True:
        if pos + 4 > n or data[pos] != 0xFF:
            return "JPEG 结构损坏"
        marker = data[pos + 1]
        length = int.from_bytes(data[pos + 2 : pos + 4], "big")
        if length < 2 or pos + 2 + length > n:
            return "JPEG 结构损坏"
        body = data[pos + 4 : pos + 2 + length]
        if marker == _APP0:
            if seen_app0 or pos != 2 or not body.startswith(b"JFIF\x00"):
                return "JPEG 含有多余的段"
            seen_app0 = True
        elif marker == _SOF0:
            why = _frame_refusal(body, max_edge, seen_frame=seen_frame)
            if why is not None:
                return why
            seen_frame = True
        elif marker == _SOS:
            if not seen_app0 or not seen_frame:
                return "JPEG 结构损坏"
            pos += 2 + length
            break
        elif marker in (_APP1, _APP13):
            return "JPEG 含有元数据（EXIF/GPS）"
        elif marker not in _TABLES:
            return "JPEG 含有多余的段"
        pos += 2 + length
    return _scan_refusal(data, pos)
