"""Files that are refused, with a Chinese message naming the file (never its folder)."""

from __future__ import annotations

import pickle
import re
from pathlib import Path

import pytest
from PIL import Image

from app.media import PhotoRejected, RejectReason, intake_bytes, intake_photo
from tests.unit.media.images import encode, noisy, png_header

CJK = re.compile(r"[\u4e00-\u9fff]")


def _rejected(data: bytes, name: str = "IMG_0420.jpg", **limits: int) -> PhotoRejected:
    with pytest.raises(PhotoRejected) as caught:
        intake_bytes(data, name, **limits)
    error = caught.value
    message = str(error)
    assert CJK.search(message), message
    assert name.replace("\\", "/").rsplit("/", 1)[-1] in message
    assert error.reason.label in message
    return error


def test_text_file_is_not_an_image() -> None:
    error = _rejected("巡察工作记录\n".encode() * 50, "记录.jpg")
    assert error.reason is RejectReason.NOT_AN_IMAGE
    assert "不是图片文件" in str(error)


def test_image_formats_we_do_not_open_are_refused() -> None:
    # PCX is an image format Pillow reads, but intake only opens the usual photo formats.
    error = _rejected(encode(noisy(64, 64), "PCX"), "old.pcx")
    assert error.reason is RejectReason.NOT_AN_IMAGE


def test_heic_gets_a_helpful_message() -> None:
    header = b"\x00\x00\x00\x18ftypheic\x00\x00\x00\x00mif1heic" + b"\x00" * 200
    error = _rejected(header, "IMG_1234.HEIC")
    assert error.reason is RejectReason.UNSUPPORTED_FORMAT
    assert "HEIC" in str(error) and "JPEG" in str(error)


def test_empty_file() -> None:
    assert _rejected(b"", "空.jpg").reason is RejectReason.EMPTY


@pytest.mark.parametrize("keep", [0.3, 0.6, 0.95])
def test_truncated_jpeg(keep: float) -> None:
    source = encode(noisy(800, 600), quality=90)
    error = _rejected(source[: int(len(source) * keep)])
    assert error.reason is RejectReason.TRUNCATED
    assert "图片文件不完整（已截断）" in str(error)


def test_truncated_png() -> None:
    source = encode(noisy(400, 300), "PNG")
    error = _rejected(source[: len(source) // 2], "scan.png")
    assert error.reason is RejectReason.TRUNCATED


def test_jpeg_cut_inside_its_header_is_reported_as_damaged() -> None:
    source = encode(noisy(400, 300))
    error = _rejected(source[:40])
    assert error.reason in (RejectReason.CORRUPT, RejectReason.TRUNCATED)


def test_decompression_bomb_header_is_refused_before_decoding() -> None:
    # 100000 × 100000 pixels claimed by a file of about a hundred bytes.
    source = png_header(100_000, 100_000)
    assert len(source) < 200
    error = _rejected(source, "bomb.png")
    assert error.reason is RejectReason.TOO_MANY_PIXELS
    assert "图片过大" in str(error)


def test_image_over_our_pixel_limit_but_under_pillows_error_is_refused_without_warning() -> None:
    # 121 megapixels: Pillow only warns (DecompressionBombWarning); our own limit refuses it.
    # With filterwarnings=error a warning escaping would fail this test.
    error = _rejected(png_header(11_000, 11_000), "huge.png")
    assert error.reason is RejectReason.TOO_MANY_PIXELS
    assert "11000×11000" in str(error)


def test_pixel_limit_is_configurable() -> None:
    source = encode(noisy(200, 100))
    error = _rejected(source, max_pixels=19_999)
    assert error.reason is RejectReason.TOO_MANY_PIXELS
    intake_bytes(source, "ok.jpg", max_pixels=20_000)


def test_file_size_limit_in_memory() -> None:
    source = encode(noisy(300, 200))
    error = _rejected(source, max_file_bytes=len(source) - 1)
    assert error.reason is RejectReason.FILE_TOO_LARGE
    intake_bytes(source, "ok.jpg", max_file_bytes=len(source))


def test_file_size_limit_on_disk_and_folder_not_named(tmp_path: Path) -> None:
    folder = tmp_path / "secret-folder-名单"
    folder.mkdir()
    path = folder / "big.jpg"
    path.write_bytes(encode(noisy(300, 200)))
    with pytest.raises(PhotoRejected) as caught:
        intake_photo(path, max_file_bytes=100)
    assert caught.value.reason is RejectReason.FILE_TOO_LARGE
    assert "big.jpg" in str(caught.value)
    assert "secret-folder" not in str(caught.value)
    assert str(tmp_path) not in str(caught.value)


def test_missing_file(tmp_path: Path) -> None:
    with pytest.raises(PhotoRejected) as caught:
        intake_photo(tmp_path / "nowhere" / "gone.jpg")
    assert caught.value.reason is RejectReason.UNREADABLE
    assert "gone.jpg" in str(caught.value) and "文件不存在" in str(caught.value)
    assert "nowhere" not in str(caught.value)


def test_not_an_image_on_disk_names_the_file_only(tmp_path: Path) -> None:
    path = tmp_path / "报告.docx"
    path.write_bytes(b"PK\x03\x04" + b"\x00" * 100)
    with pytest.raises(PhotoRejected) as caught:
        intake_photo(path)
    assert str(caught.value).startswith("无法添加照片“报告.docx”：不是图片文件")
    assert str(tmp_path) not in str(caught.value)


def test_rejection_survives_pickling() -> None:
    error = _rejected(b"plain text", "a.txt")
    copy = pickle.loads(pickle.dumps(error))
    assert isinstance(copy, PhotoRejected)
    assert (copy.file_name, copy.reason, str(copy)) == (error.file_name, error.reason, str(error))


def test_pillow_limits_are_left_alone() -> None:
    before = Image.MAX_IMAGE_PIXELS
    _rejected(png_header(100_000, 100_000), "bomb.png")
    assert before == Image.MAX_IMAGE_PIXELS
