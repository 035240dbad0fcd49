"""Photo intake: turn a photo file into a clean stored JPEG and its thumbnail.

What happens to a photo, in order:

1. Size checks before any decoding: the file's byte size, then (from the header only) its pixel
   count, so a decompression bomb is refused before it can take memory.
2. Decoding. Only JPEG, PNG, WebP, BMP, GIF and TIFF are opened (never EPS, PSD or the other formats
   Pillow knows, some of which run external programs). A JPEG much larger than the target is decoded
   at 1/2, 1/4 or 1/8 scale by libjpeg itself (draft mode), which is what keeps a 12-megapixel photo
   fast.
3. Downscaling so the long edge is at most ``max_edge``; small images are never upscaled.
4. Colour: pixels under an embedded ICC profile other than sRGB are converted to sRGB (the profile
   itself is dropped, so the pixels must be sRGB); CMYK becomes RGB; transparency is flattened on
   white.
5. The EXIF orientation is applied (after downscaling: rotating the small image is cheaper).
6. Re-encoding as baseline JPEG with no metadata at all: no EXIF (so no GPS), no XMP, no ICC
   profile, no IPTC, no comment. The thumbnail is made from the result and is just as clean.

Everything happens in memory: nothing is written anywhere, so a refused photo leaves nothing behind.
The storage layer stores ``ProcessedPhoto.data`` under its SHA-256.
"""

from __future__ import annotations

import hashlib
import io
import threading
import unicodedata
import warnings
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path, PureWindowsPath
from typing import Final

from PIL import Image, ImageCms, ImageFile, UnidentifiedImageError

from app.media.errors import PhotoRejected, RejectReason

DEFAULT_MAX_EDGE: Final = 2048
"""Long edge, in pixels, of the stored photo."""

DEFAULT_THUMB_EDGE: Final = 256
"""Long edge, in pixels, of the thumbnail."""

DEFAULT_MAX_PIXELS: Final = 120_000_000
"""Largest accepted image, in pixels (width × height), checked from the header before decoding.

Covers the 108-megapixel mode of some phones; anything bigger is refused as 图片过大.
"""

DEFAULT_MAX_FILE_BYTES: Final = 64 * 1024 * 1024
"""Largest accepted file. A 108-megapixel phone JPEG is about 30 MB."""

PHOTO_QUALITY: Final = 85
THUMB_QUALITY: Final = 80

MIN_EDGE: Final = 16
"""Smallest value accepted for ``max_edge`` and ``thumb_edge``."""

ACCEPTED_FORMATS: Final = ("JPEG", "PNG", "WEBP", "BMP", "GIF", "TIFF")
_ACCEPTED_FORMATS_TEXT: Final = "可添加 JPEG、PNG、WebP、BMP、GIF、TIFF 格式的图片"

_DRAFT_SLACK: Final = 0.95
"""A JPEG decoded at reduced scale whose long edge lands this close under ``max_edge`` is kept.

A 4000 × 3000 photo decodes at 1/2 scale to 2000 × 1500, which is within 5 % of 2048: storing it at
that size skips a full-resolution decode and a resampling pass (about three times faster).
"""

_ORIENTATION_TAG: Final = 0x0112
_TRANSPOSE_FOR_ORIENTATION: Final[dict[int, Image.Transpose]] = {
    2: Image.Transpose.FLIP_LEFT_RIGHT,
    3: Image.Transpose.ROTATE_180,
    4: Image.Transpose.FLIP_TOP_BOTTOM,
    5: Image.Transpose.TRANSPOSE,
    6: Image.Transpose.ROTATE_270,
    7: Image.Transpose.TRANSVERSE,
    8: Image.Transpose.ROTATE_90,
}

_WHITE: Final = (255, 255, 255)

_HEIF_BRANDS: Final = frozenset(
    {b"heic", b"heix", b"hevc", b"hevx", b"heim", b"heis", b"mif1", b"msf1", b"avif", b"avis"}
)


@dataclass(frozen=True)
class ProcessedPhoto:
    """A photo ready to store: metadata-free JPEG bytes, a thumbnail, and the hash of the bytes."""

    data: bytes = field(repr=False)
    """The stored JPEG (RGB, no metadata)."""
    thumbnail: bytes = field(repr=False)
    """A JPEG thumbnail (RGB, no metadata)."""
    sha256: str
    """Lower-case hex SHA-256 of ``data``."""
    width: int
    """Width of ``data`` in pixels, orientation applied."""
    height: int
    """Height of ``data`` in pixels, orientation applied."""
    original_name: str
    """The file name the photo came with, without any folder."""


def intake_photo(
    path: Path,
    *,
    max_edge: int = DEFAULT_MAX_EDGE,
    thumb_edge: int = DEFAULT_THUMB_EDGE,
    max_pixels: int = DEFAULT_MAX_PIXELS,
    max_file_bytes: int = DEFAULT_MAX_FILE_BYTES,
) -> ProcessedPhoto:
    """Read the photo file at ``path`` and process it; see ``intake_bytes``.

    Raises ``PhotoRejected`` (message in Chinese, naming the file) when the file cannot be read or
    is refused. Nothing is written.
    """
    name = display_name(path.name)
    data = _read_limited(path, name, max_file_bytes)
    return intake_bytes(
        data,
        name,
        max_edge=max_edge,
        thumb_edge=thumb_edge,
        max_pixels=max_pixels,
        max_file_bytes=max_file_bytes,
    )


def intake_bytes(
    data: bytes,
    name: str,
    *,
    max_edge: int = DEFAULT_MAX_EDGE,
    thumb_edge: int = DEFAULT_THUMB_EDGE,
    max_pixels: int = DEFAULT_MAX_PIXELS,
    max_file_bytes: int = DEFAULT_MAX_FILE_BYTES,
) -> ProcessedPhoto:
    """Process the photo file content ``data``; ``name`` is the file name it came with.

    Only the last component of ``name`` is kept (either slash counts as a separator). The result's
    long edge is at most ``max_edge`` and the thumbnail's at most ``thumb_edge``. Raises
    ``PhotoRejected`` for anything that is not a complete, acceptable image; ``ValueError`` for
    nonsensical limits.
    """
    for label, value in (("max_edge", max_edge), ("thumb_edge", thumb_edge)):
        if value < MIN_EDGE:
            raise ValueError(f"{label} must be at least {MIN_EDGE}, got {value}")
    if max_pixels < 1 or max_file_bytes < 1:
        raise ValueError("max_pixels and max_file_bytes must be positive")

    name = display_name(name)
    if not data:
        raise PhotoRejected(name, RejectReason.EMPTY)
    if len(data) > max_file_bytes:
        raise PhotoRejected(
            name, RejectReason.FILE_TOO_LARGE, _file_size_detail(len(data), max_file_bytes)
        )

    decoded = _decode(data, name, max_edge=max_edge, max_pixels=max_pixels)
    image = _to_working_mode(decoded.image)
    if max(image.size) > max_edge:
        target = fit_within(decoded.original_size, max_edge)
        image = image.resize(target, Image.Resampling.LANCZOS, reducing_gap=3.0)
    image = _to_srgb(image, decoded.icc_profile)
    image = _flatten_on_white(image)
    transpose = _TRANSPOSE_FOR_ORIENTATION.get(decoded.orientation)
    if transpose is not None:
        image = image.transpose(transpose)

    stored = _encode_jpeg(image, PHOTO_QUALITY)
    thumb = image
    if max(image.size) > thumb_edge:
        thumb = image.resize(
            fit_within(image.size, thumb_edge), Image.Resampling.LANCZOS, reducing_gap=3.0
        )
    return ProcessedPhoto(
        data=stored,
        thumbnail=_encode_jpeg(thumb, THUMB_QUALITY),
        sha256=hashlib.sha256(stored).hexdigest(),
        width=image.width,
        height=image.height,
        original_name=name,
    )


def display_name(name: str) -> str:
    """The file name alone (no folder, Windows or POSIX), without control characters."""
    base = PureWindowsPath(name).name or name
    cleaned = "".join(ch for ch in base if unicodedata.category(ch)[0] != "C").strip()
    return cleaned or "（无名文件）"


def fit_within(size: tuple[int, int], max_edge: int) -> tuple[int, int]:
    """``size`` scaled down (never up) so that its long edge is at most ``max_edge``."""
    width, height = size
    long_edge = max(width, height)
    if long_edge <= max_edge:
        return size
    if width >= height:
        return max_edge, max(1, round(height * max_edge / width))
    return max(1, round(width * max_edge / height)), max_edge


# --- reading ---------------------------------------------------------------------------------


def _read_limited(path: Path, name: str, max_file_bytes: int) -> bytes:
    try:
        size = path.stat().st_size
        if size > max_file_bytes:
            raise PhotoRejected(
                name, RejectReason.FILE_TOO_LARGE, _file_size_detail(size, max_file_bytes)
            )
        with path.open("rb") as handle:
            # Bounded even if the file grows between stat() and read().
            data = handle.read(max_file_bytes + 1)
    except FileNotFoundError as exc:
        raise PhotoRejected(name, RejectReason.UNREADABLE, "文件不存在") from exc
    except IsADirectoryError as exc:
        raise PhotoRejected(name, RejectReason.UNREADABLE, "这是一个文件夹") from exc
    except PermissionError as exc:
        raise PhotoRejected(name, RejectReason.UNREADABLE, "没有读取权限") from exc
    except OSError as exc:
        raise PhotoRejected(name, RejectReason.UNREADABLE) from exc
    if len(data) > max_file_bytes:
        raise PhotoRejected(
            name, RejectReason.FILE_TOO_LARGE, _file_size_detail(len(data), max_file_bytes)
        )
    return data


def _file_size_detail(size: int, limit: int) -> str:
    return f"{_megabytes(size)}，上限为 {_megabytes(limit)}"


def _megabytes(size: int) -> str:
    if size < 1024:
        return f"{size} 字节"
    if size < 1024 * 1024:
        return f"{size / 1024:.0f} KB"
    return f"{size / (1024 * 1024):.1f} MB".replace(".0 MB", " MB")


# --- decoding --------------------------------------------------------------------------------

_PILLOW_WARNINGS_LOCK: Final = threading.Lock()


@contextmanager
def _pillow_warnings_contained() -> Iterator[None]:
    """Keep Pillow's warnings about a hostile or damaged file from escaping as warnings.

    ``DecompressionBombWarning`` is redundant here (our own pixel limit is checked right after the
    header is read, before decoding); the others (corrupt EXIF, malformed MPO, invalid APNG) concern
    metadata we discard. ``warnings.catch_warnings`` swaps process-wide state, so our own uses are
    serialised by a lock; the guarded sections are kept short (header parsing, and decoding of the
    rare non-JPEG photos).
    """
    with _PILLOW_WARNINGS_LOCK, warnings.catch_warnings():
        warnings.filterwarnings("ignore", module=r"PIL(\.|$)")
        warnings.simplefilter("ignore", Image.DecompressionBombWarning)
        yield


@dataclass(frozen=True)
class _Decoded:
    image: Image.Image
    original_size: tuple[int, int]
    orientation: int
    icc_profile: bytes | None


def _decode(data: bytes, name: str, *, max_edge: int, max_pixels: int) -> _Decoded:
    with _pillow_warnings_contained():
        image = _open(data, name)
        original_size = image.size
        width, height = original_size
        if width * height > max_pixels:
            raise PhotoRejected(
                name,
                RejectReason.TOO_MANY_PIXELS,
                f"{width}×{height} 像素，上限为 {_megapixels(max_pixels)}",
            )
        is_jpeg = isinstance(image, _JPEG_CLASS)
        if is_jpeg:
            # EXIF sits in the header: read it while Pillow's warnings are contained.
            orientation = _orientation(image)
        else:
            # Decoding other formats can warn (GIF, TIFF); they are rare, decode them here.
            _load(image, name)
            orientation = _orientation(image)
    if is_jpeg:
        # libjpeg decoding emits no Python warnings: leave the lock to other threads.
        _draft_jpeg(image, max_edge)
        _load(image, name)
    icc = image.info.get("icc_profile")
    return _Decoded(
        image=image,
        original_size=original_size,
        orientation=orientation,
        icc_profile=icc if isinstance(icc, bytes) and icc else None,
    )


def _jpeg_class() -> type[ImageFile.ImageFile]:
    from PIL import JpegImagePlugin

    return JpegImagePlugin.JpegImageFile


_JPEG_CLASS: Final = _jpeg_class()  # MPO (multi-picture JPEG) is a subclass


def _open(data: bytes, name: str) -> ImageFile.ImageFile:
    try:
        return Image.open(io.BytesIO(data), formats=ACCEPTED_FORMATS)
    except Image.DecompressionBombError as exc:
        raise PhotoRejected(name, RejectReason.TOO_MANY_PIXELS, "像素数远超上限") from exc
    except UnidentifiedImageError as exc:
        raise _unidentified(data, name) from exc
    except OSError as exc:
        raise _decoding_failed(exc, name) from exc
    except Exception as exc:
        # Pillow's parsers raise many kinds of exceptions on hostile input; all mean "unreadable".
        raise PhotoRejected(name, RejectReason.CORRUPT) from exc


def _load(image: ImageFile.ImageFile, name: str) -> None:
    try:
        image.load()
    except Image.DecompressionBombError as exc:
        raise PhotoRejected(name, RejectReason.TOO_MANY_PIXELS, "像素数远超上限") from exc
    except OSError as exc:
        raise _decoding_failed(exc, name) from exc
    except Exception as exc:
        raise PhotoRejected(name, RejectReason.CORRUPT) from exc


def _decoding_failed(exc: OSError, name: str) -> PhotoRejected:
    if "truncated" in str(exc).lower():
        return PhotoRejected(name, RejectReason.TRUNCATED)
    return PhotoRejected(name, RejectReason.CORRUPT)


def _unidentified(data: bytes, name: str) -> PhotoRejected:
    """The reason for a file that no accepted format could open."""
    if data[4:8] == b"ftyp" and data[8:12] in _HEIF_BRANDS:
        kind = "AVIF" if data[8:12] in (b"avif", b"avis") else "HEIC"
        return PhotoRejected(
            name,
            RejectReason.UNSUPPORTED_FORMAT,
            f"{kind} 格式暂不支持，请先转换为 JPEG；"
            "苹果手机可在“设置 > 相机 > 格式”中选择“兼容性最佳”后拍摄",
        )
    if _has_accepted_signature(data):
        # Looks like one of ours but its header does not parse: cut short or damaged.
        return PhotoRejected(name, RejectReason.CORRUPT)
    return PhotoRejected(name, RejectReason.NOT_AN_IMAGE, _ACCEPTED_FORMATS_TEXT)


def _has_accepted_signature(data: bytes) -> bool:
    return (
        data.startswith((b"\xff\xd8\xff", b"\x89PNG\r\n\x1a\n", b"GIF87a", b"GIF89a", b"BM"))
        or data.startswith((b"II*\x00", b"MM\x00*", b"II+\x00", b"MM\x00+"))
        or (data[:4] == b"RIFF" and data[8:12] == b"WEBP")
    )


def _megapixels(pixels: int) -> str:
    return f"{pixels / 10_000:.0f} 万像素"


def _orientation(image: Image.Image) -> int:
    """The EXIF orientation (1–8), or 1 when absent or unreadable."""
    try:
        value = image.getexif().get(_ORIENTATION_TAG)
    except Exception:
        # Damaged EXIF only loses the orientation; the metadata is discarded anyway.
        return 1
    return value if isinstance(value, int) and value in _TRANSPOSE_FOR_ORIENTATION else 1


def _draft_jpeg(image: ImageFile.ImageFile, max_edge: int) -> None:
    """Ask libjpeg to decode at 1/8, 1/4 or 1/2 scale when that still leaves enough pixels.

    The scale chosen is the smallest whose long edge is at least ``_DRAFT_SLACK * max_edge``.
    """
    width, height = image.size
    long_edge = max(width, height)
    if long_edge <= max_edge:
        return
    for scale in (8, 4, 2):
        if -(-long_edge // scale) >= _DRAFT_SLACK * max_edge:
            image.draft(None, (max(1, width // scale), max(1, height // scale)))
            return


# --- pixels ----------------------------------------------------------------------------------


def _to_working_mode(image: Image.Image) -> Image.Image:
    """Bring any decoded mode to one of RGB, RGBA, L, LA or CMYK (8 bits per channel)."""
    mode = image.mode
    has_transparency = "transparency" in image.info
    if mode in ("RGB", "L") and has_transparency:
        return image.convert("RGBA" if mode == "RGB" else "LA")
    if mode in ("RGB", "RGBA", "L", "LA", "CMYK"):
        return image
    if mode in ("P", "PA"):
        palette_alpha = image.palette is not None and image.palette.mode == "RGBA"
        alpha = mode == "PA" or has_transparency or palette_alpha
        return image.convert("RGBA" if alpha else "RGB")
    if mode == "1":
        return image.convert("L")
    if mode.startswith("I"):
        return _deep_grey_to_l(image)
    if mode == "La":
        return image.convert("LA")
    if mode == "RGBa":
        return image.convert("RGBA")
    return image.convert("RGB" if mode != "F" else "L")


def _deep_grey_to_l(image: Image.Image) -> Image.Image:
    """16- or 32-bit greyscale to 8 bits, scaling a 16-bit range down rather than clipping it."""
    if image.mode != "I":
        image = image.convert("I")
    _low, high = image.getextrema()
    assert isinstance(high, int | float)
    if high > 255:
        image = image.point(lambda value: value * (1 / 256))
    return image.convert("L")


@cache
def _srgb_profile() -> ImageCms.ImageCmsProfile:
    return ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB"))


def _to_srgb(image: Image.Image, icc_profile: bytes | None) -> Image.Image:
    """Pixels converted from the embedded profile to sRGB (the profile is dropped on saving)."""
    if icc_profile is None or image.mode not in ("RGB", "RGBA", "CMYK"):
        return image
    try:
        source = ImageCms.ImageCmsProfile(io.BytesIO(icc_profile))
        if image.mode != "CMYK" and _is_srgb(source):
            return image
        converted = ImageCms.profileToProfile(
            image,
            source,
            _srgb_profile(),
            renderingIntent=ImageCms.Intent.PERCEPTUAL,
            outputMode="RGBA" if image.mode == "RGBA" else "RGB",
        )
    except (ImageCms.PyCMSError, OSError, ValueError, TypeError):
        # A damaged or mismatched profile: keep the pixels as they are.
        return image
    return converted if converted is not None else image


def _is_srgb(profile: ImageCms.ImageCmsProfile) -> bool:
    description = ImageCms.getProfileDescription(profile)
    return "srgb" in description.lower().replace(" ", "")


def _flatten_on_white(image: Image.Image) -> Image.Image:
    """An RGB image; transparent parts become white."""
    if image.mode == "RGB":
        return image
    if image.mode in ("RGBA", "LA"):
        rgba = image.convert("RGBA") if image.mode == "LA" else image
        background = Image.new("RGB", rgba.size, _WHITE)
        background.paste(rgba, mask=rgba.getchannel("A"))
        return background
    return image.convert("RGB")


def _encode_jpeg(image: Image.Image, quality: int) -> bytes:
    """Baseline JPEG with nothing but pixels: no EXIF, XMP, ICC, IPTC or comment."""
    # Pillow copies ``info`` from image to image and its JPEG writer reuses info["comment"]: the
    # images here are ours, so empty it rather than trust every step to have dropped it.
    image.info = {}
    buffer = io.BytesIO()
    image.save(buffer, format="JPEG", quality=quality, optimize=True, subsampling="4:2:0")
    return buffer.getvalue()
