"""Nothing readable at rest: names and markers written as records appear in no file."""

from __future__ import annotations

import io
from pathlib import Path

from PIL import Image

from app.domain.vocabulary import VisitMethod
from app.media import intake_bytes
from app.services.field import records
from app.storage.backup import backup_database
from app.storage.mediastore import MediaStore
from app.storage.models import Attachment, Person, Township, Village
from app.storage.workspace import Workspace
from tests.records import save_visit

NAME = "欧阳秀英"
MARKER = "XD-MARKER-7f3a9c"


def _needles() -> list[bytes]:
    out = []
    for text in (NAME, MARKER):
        out += [text.encode("utf-8"), text.encode("utf-16-le"), text.encode("gb18030")]
    return out


def _scan(root: Path) -> list[str]:
    hits = []
    for path in root.rglob("*"):
        if path.is_file():
            data = path.read_bytes()
            hits += [f"{path.name}: {n!r}" for n in _needles() if n in data]
    return hits


def _photo_with_marker() -> bytes:
    img = Image.new("RGB", (640, 480), (200, 120, 40))
    exif = Image.Exif()
    exif[0x010E] = MARKER  # ImageDescription
    exif[0x013B] = MARKER  # Artist
    buf = io.BytesIO()
    img.save(buf, "JPEG", exif=exif)
    assert MARKER.encode() in buf.getvalue()
    return buf.getvalue()


def test_nothing_readable_in_any_file(ws: Workspace) -> None:
    with ws.session() as s:
        town = Township(name="城关镇")
        s.add(town)
        s.flush()
        village = Village(township_id=town.id, name="王庄村")
        s.add(village)
        s.add(Person(name=NAME, post=MARKER, protected=True))
        s.commit()
        vid = village.id
    made = save_visit(ws, vid, f"{NAME}反映低保问题 {MARKER}", method=VisitMethod.OPEN_DOOR)
    photo = intake_bytes(_photo_with_marker(), f"{MARKER}.jpg")
    store = MediaStore(ws.paths.media, ws.db_key)
    blob = store.put(photo.data)
    thumb = store.put(photo.thumbnail)
    with ws.session() as s:
        s.add(
            Attachment(
                sha256=blob.sha256,
                stored_name=blob.name,
                thumb_name=thumb.name,
                original_name=f"{MARKER}.jpg",
                visit_id=made.record_id,
            )
        )
        s.commit()
    backup_database(ws.paths.db, ws.db_key, ws.paths.backups / "manual.db")
    assert store.get(blob.name) == photo.data  # the store gives the photo back

    root = ws.paths.root
    assert (root / "workspace.db-wal").exists()  # scanned while open, WAL included
    assert _scan(root) == []
    ws.close()
    assert _scan(root) == []
    assert records.search is not None
