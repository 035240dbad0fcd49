"""Why a photo is refused, and the exception that says so in words the user can read."""

from __future__ import annotations

from enum import StrEnum

from app.domain.errors import UserError


class RejectReason(StrEnum):
    """A machine-readable reason for refusing a photo; ``label`` is what the user reads."""

    UNREADABLE = "unreadable"
    EMPTY = "empty"
    FILE_TOO_LARGE = "file_too_large"
    NOT_AN_IMAGE = "not_an_image"
    UNSUPPORTED_FORMAT = "unsupported_format"
    TRUNCATED = "truncated"
    CORRUPT = "corrupt"
    TOO_MANY_PIXELS = "too_many_pixels"

    @property
    def label(self) -> str:
        return _LABELS[self]


_LABELS: dict[RejectReason, str] = {
    RejectReason.UNREADABLE: "无法读取文件",
    RejectReason.EMPTY: "文件是空的",
    RejectReason.FILE_TOO_LARGE: "文件过大",
    RejectReason.NOT_AN_IMAGE: "不是图片文件",
    RejectReason.UNSUPPORTED_FORMAT: "图片格式不受支持",
    RejectReason.TRUNCATED: "图片文件不完整（已截断）",
    RejectReason.CORRUPT: "图片文件已损坏，无法读取",
    RejectReason.TOO_MANY_PIXELS: "图片过大",
}


class PhotoRejected(UserError):
    """A photo that cannot be taken in.

    ``str(exc)`` is a complete sentence in Simplified Chinese naming the file (its name only,
    never the folder it came from) and the reason, ready to show to the user. ``reason`` lets code
    and tests tell the cases apart without reading the sentence.
    """

    def __init__(self, file_name: str, reason: RejectReason, detail: str = "") -> None:
        self.file_name = file_name
        self.reason = reason
        self.detail = detail
        text = f"无法添加照片“{file_name}”：{reason.label}"
        if detail:
            text += f"（{detail}）"
        super().__init__(text + "。")

    def __reduce__(self) -> tuple[type[PhotoRejected], tuple[str, RejectReason, str]]:
        # Keep the exception intact across process boundaries (pickling).
        return (type(self), (self.file_name, self.reason, self.detail))
