"""Photos travel once by hash, encrypted in the bundle, and carry no EXIF or GPS."""

from __future__ import annotations

import io
from collections.abc import Callable
from pathlib import Path

import pytest
from PIL import Image
from sqlmodel import select

from app.media import intake_bytes
from app.storage.mediastore import MediaStore
from app.storage.models import Attachment
from app.storage.workspace import Workspace
from app.sync.errors import SyncError
from app.sync.export import export_bundle
from app.sync.merge import import_bundle, verify_bundle
from app.sync.photos import metadata_segments
from tests.unit.sync.conftest import add_village, add_visit


def _camera_jpeg() -> bytes:
    """A JPEG as a phone writes it: EXIF with a camera serial and a GPS position."""
    exif = Image.Exif()
    exif[0x010F] = "PhoneMaker"
    exif[0xA431] = "SERIAL-12345"
    gps = exif.get_ifd(0x8825)
    gps[0x0001] = "N"
    gps[0x0002] = (31.0, 14.0, 15.125)
    gps[0x0003] = "E"
    gps[0x0004] = (121.0, 28.0, 42.5)
    buf = io.BytesIO()
    Image.new("RGB", (320, 240), (120, 160, 90)).save(buf, format="JPEG", exif=exif)
    raw = buf.getvalue()
    assert metadata_segments(raw)  # the check sees what a camera writes
    return raw


def _attach(ws: Workspace, visit_id: str, data: bytes, thumb: bytes) -> Attachment:
    store = MediaStore(ws.paths.media, ws.db_key)
    blob, small = store.put(data), store.put(thumb)
    with ws.session() as s:
        a = Attachment(
            sha256=blob.sha256,
            stored_name=blob.name,
            thumb_name=small.name,
            size_bytes=blob.size_bytes,
            visit_id=visit_id,
        )
        s.add(a)
        s.commit()
        return a


def test_exported_photos_carry_no_exif_or_gps_and_are_stored_once(
    office: Workspace, laptop: Callable[..., Workspace], tmp_path: Path
):
    team = laptop("a")
    visit = add_visit(team, add_village(team, "东村").id, "拍了照片")
    photo = intake_bytes(_camera_jpeg(), "IMG_0001.jpg")
    first = _attach(team, visit.id, photo.data, photo.thumbnail)
    _attach(team, visit.id, photo.data, photo.thumbnail)  # the same photo twice
    out = export_bundle(team, tmp_path / "p.xdsb")
    assert out.media == 2  # photo and thumbnail, once each
    raw = out.path.read_bytes()
    assert b"\xff\xd8\xff" not in raw and b"SERIAL" not in raw  # sealed: no JPEG in the clear

    _header, contents, _sha = verify_bundle(office, out.path)
    media = [n for n in contents.names() if n.startswith("media/")]
    assert len(media) == 2
    for name in media:
        data = bytes(contents.read(name))
        assert metadata_segments(data) == []
        with Image.open(io.BytesIO(data)) as img:
            exif = img.getexif()
            assert len(exif) == 0 and not exif.get_ifd(0x8825)
        assert b"SERIAL-12345" not in data and b"Exif" not in data

    report = import_bundle(office, out.path)
    assert report.media_new == 2 and report.counts["attachment"]["new"] == 2
    office_store = MediaStore(office.paths.media, office.db_key)
    with office.session() as s:
        rows = s.exec(select(Attachment)).all()
    assert {r.stored_name for r in rows} == {office_store.name_for(first.sha256)}
    assert office_store.get(rows[0].stored_name) == photo.data
    assert office_store.get(rows[0].thumb_name) == photo.thumbnail
    assert len(list(office.paths.media.rglob("*.bin"))) == 2  # stored once by hash
    assert import_bundle(office, out.path).media_new == 0


def test_a_stored_photo_with_metadata_is_never_exported(
    laptop: Callable[..., Workspace], tmp_path: Path
):
    team = laptop("a")
    visit = add_visit(team, add_village(team, "东村").id, "x")
    _attach(team, visit.id, _camera_jpeg(), b"")
    with pytest.raises(SyncError, match="EXIF"):
        export_bundle(team, tmp_path / "p.xdsb")
    assert not (tmp_path / "p.xdsb").exists()
