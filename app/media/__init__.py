"""Photos: intake (orientation, downscaling, metadata stripping, thumbnails) and demo pictures.

No Qt here: the UI runs ``intake_photo`` through its task runner and hands the result to storage.
"""

from app.media.demo import make_demo_photo
from app.media.errors import PhotoRejected, RejectReason
from app.media.intake import (
    ACCEPTED_FORMATS,
    DEFAULT_MAX_EDGE,
    DEFAULT_MAX_FILE_BYTES,
    DEFAULT_MAX_PIXELS,
    DEFAULT_THUMB_EDGE,
    ProcessedPhoto,
    intake_bytes,
    intake_photo,
)

__all__ = [
    "ACCEPTED_FORMATS",
    "DEFAULT_MAX_EDGE",
    "DEFAULT_MAX_FILE_BYTES",
    "DEFAULT_MAX_PIXELS",
    "DEFAULT_THUMB_EDGE",
    "PhotoRejected",
    "ProcessedPhoto",
    "RejectReason",
    "intake_bytes",
    "intake_photo",
    "make_demo_photo",
]
