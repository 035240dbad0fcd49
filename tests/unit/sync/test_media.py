"""Photos in bundles: only the JPEG the intake writes, only when a row names it, written only when
the bundle is accepted; ``check`` finds orphans and stray temp files and a repair removes them."""

from __future__ import annotations

import io
import os
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from PIL import Image
from sqlmodel import select

from app.media import intake_bytes, make_demo_photo
from app.storage.check import check_workspace
from app.storage.mediastore import MediaStore
from app.storage.models import Attachment
from app.storage.workspace import Workspace
from app.sync import rows
from app.sync.container import Member, member_sha
from app.sync.errors import BundleRefused
from app.sync.export import export_bundle
from app.sync.identity import own_keys
from app.sync.merge import import_bundle
from tests.unit.sync.conftest import add_village, add_visit, db_dump_hash
from tests.unit.sync.forge import forge, row_member
from tests.unit.sync.test_photos import _camera_jpeg

Laptop = Callable[..., Workspace]
PHOTO = intake_bytes(make_demo_photo(3, "道路"), "IMG_0001.jpg")


def _attachment_row(team: Workspace, visit_id: str, photo: bytes, thumb: bytes) -> list[Any]:
    cols = rows.columns("attachment")
    values: dict[str, Any] = {c: None for c in cols}
    values.update(
        id=f"att-{member_sha(photo)[:12]}",
        created_at="2026-11-20T01:00:00+00:00",
        updated_at="2026-11-20T01:00:00+00:00",
        origin=team.device_id,
        version=1,
        sha256=member_sha(photo),
        stored_name=f"sha256:{member_sha(photo)}",
        thumb_name=f"sha256:{member_sha(thumb)}",
        mime="image/jpeg",
        width=10,
        height=10,
        size_bytes=len(photo),
        original_name="a.jpg",
        caption="",
        visit_id=visit_id,
    )
    return [values[c] for c in cols]


def _photo_bundle(
    office: Workspace, team: Workspace, tmp: Path, photos: list[bytes], *, rows_for: int
) -> Path:
    """A bundle of the team's village and visit, with ``photos`` as members; the first
    ``rows_for`` of them (as photo and thumbnail pairs) named by an attachment row."""
    visit = add_visit(team, add_village(team, "东村").id, "拍了照片")
    with team.engine.connect() as conn:
        parents = {t: list(rows.read_rows(conn, t, None).values()) for t in ("township", "village")}
        visit_row = rows.read_rows(conn, "visit", [visit.id])[visit.id]
    attached = [
        _attachment_row(team, visit.id, photos[i], photos[i + 1]) for i in range(0, rows_for, 2)
    ]
    members = [row_member(t, v) for t, v in parents.items()]
    members.append(row_member("visit", [visit_row]))
    if attached:
        members.append(row_member("attachment", attached))
    for data in dict.fromkeys(photos):
        sha = member_sha(data)
        members.append(Member(f"media/{sha}.jpg", data, sha256=sha))
    keys = own_keys(team)
    return forge(
        tmp / f"photos-{len(list(tmp.glob('*.xdsb')))}.xdsb",
        sender=keys,
        recipient=own_keys(office).public(),
        team_id=keys.owner_id,
        device_id=team.device_id,
        members=members,
    )


def _refused(office: Workspace, bundle: Path, words: str) -> None:
    before = db_dump_hash(office)
    files = sorted(str(p) for p in office.paths.media.rglob("*"))
    with pytest.raises(BundleRefused, match=words):
        import_bundle(office, bundle)
    assert db_dump_hash(office) == before
    assert sorted(str(p) for p in office.paths.media.rglob("*")) == files


def test_a_photo_no_row_names_is_refused(office: Workspace, laptop: Laptop, tmp_path: Path):
    team = laptop("a")
    stray = intake_bytes(make_demo_photo(4, "水井"), "IMG_0002.jpg")
    bundle = _photo_bundle(
        office, team, tmp_path, [PHOTO.data, PHOTO.thumbnail, stray.data], rows_for=2
    )
    _refused(office, bundle, "没有任何记录引用的照片")


def _progressive(data: bytes) -> bytes:
    buf = io.BytesIO()
    Image.open(io.BytesIO(data)).save(buf, format="JPEG", progressive=True)
    return buf.getvalue()


def _png(data: bytes) -> bytes:
    buf = io.BytesIO()
    Image.open(io.BytesIO(data)).save(buf, format="PNG")
    return buf.getvalue()


@pytest.mark.parametrize(
    ("make", "why"),
    [
        (lambda: _camera_jpeg(), "元数据"),
        (lambda: _png(PHOTO.data), "不是 JPEG"),
        (lambda: _progressive(PHOTO.data), "多余的段"),
        (lambda: PHOTO.data + b"hidden" + b"\xff\xd9", "图像数据之后"),
        (lambda: PHOTO.data[:100] + PHOTO.data[-2:], "结构损坏"),
    ],
)
def test_a_photo_that_is_not_the_intakes_jpeg_is_refused(
    office: Workspace, laptop: Laptop, tmp_path: Path, make: Callable[[], bytes], why: str
):
    team = laptop("a")
    bundle = _photo_bundle(office, team, tmp_path, [make(), PHOTO.thumbnail], rows_for=2)
    _refused(office, bundle, f"不是本程序写入的 JPEG（.*{why}")
    from app.sync.photos import intake_jpeg_refusal

    assert intake_jpeg_refusal(PHOTO.data, 10_000) is None  # what the intake writes passes
    assert intake_jpeg_refusal(PHOTO.thumbnail, 10_000) is None


def test_photos_of_a_refused_bundle_are_never_written(
    office: Workspace, laptop: Laptop, tmp_path: Path
):
    """The rows and photos check out; the bundle is refused later, by the ownership rule (a team
    may not hang its photo on another team's visit) — no photo file was written."""
    team = laptop("a")
    bundle = _photo_bundle(office, team, tmp_path, [PHOTO.data, PHOTO.thumbnail], rows_for=2)
    # the visit reached the office first … and belongs to another team there
    import_bundle(office, export_bundle(team, tmp_path / "first.xdsb").path)
    with office.raw_connection() as conn:
        conn.execute("UPDATE sync_row_team SET team_id = 'another-team' WHERE table_name = 'visit'")
    _refused(office, bundle, "无权写入.*引用了其他巡察组的走访记录")
    assert not list(office.paths.media.rglob("*.bin"))


def test_an_accepted_bundle_writes_its_photos_once_and_no_temp_file(
    office: Workspace, laptop: Laptop, tmp_path: Path
):
    team = laptop("a")
    bundle = _photo_bundle(office, team, tmp_path, [PHOTO.data, PHOTO.thumbnail], rows_for=2)
    rep = import_bundle(office, bundle)
    assert rep.media_new == 2 and rep.counts["attachment"]["new"] == 1
    store = MediaStore(office.paths.media, office.db_key)
    with office.session() as s:
        (att,) = s.exec(select(Attachment)).all()
    assert store.get(att.stored_name) == PHOTO.data
    assert sorted(p.suffix for p in office.paths.media.rglob("*") if p.is_file()) == [".bin"] * 2
    assert check_workspace(office) == []


def test_check_finds_orphans_and_stray_temp_files_and_repair_removes_them(ws: Workspace):
    from app.storage.check import repair_workspace

    store = MediaStore(ws.paths.media, ws.db_key)
    orphan = store.put(PHOTO.data).name  # a photo no row names
    part = store.path_for(orphan).parent / f".{orphan}.bin.abcd.part"
    part.write_bytes(b"half a photo")
    fresh = ws.paths.root / ".workspace.key.1234.part"
    fresh.write_bytes(b"being written")
    old = time.time() - 3600
    os.utime(part, (old, old))
    found = check_workspace(ws)
    assert any("1 个照片文件没有任何记录引用" in f for f in found), found
    assert any("1 个中断的操作留下的临时文件" in f for f in found), found  # not the fresh one
    said: list[str] = []
    removed = repair_workspace(ws, said.append)
    assert said == removed and len(said) == 2
    assert any(orphan in line for line in said) and any(".part" in line for line in said)
    assert not store.exists(orphan) and not part.exists() and fresh.exists()
    fresh.unlink()
    assert check_workspace(ws) == []


def test_check_finishes_a_killed_imports_journal(ws: Workspace):
    """What a kill between naming the photos and committing leaves: a journal (unlocked, its
    process gone) and the files it names. ``check`` rolls it back like SQLite's hot journal."""
    from app.storage.mediastore import JOURNAL_HEAD

    store = MediaStore(ws.paths.media, ws.db_key)
    added = store.put(PHOTO.data).name
    journal = ws.paths.media / ".import-dead.journal"
    journal.write_bytes(JOURNAL_HEAD + f"{added}\n".encode())
    assert check_workspace(ws) == []
    assert not store.exists(added) and not journal.exists()
