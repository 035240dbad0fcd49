"""Export streams photos from the media store into the bundle (issue 17, part 6): encrypted and
hashed while written, verified from those hashes, never whole in memory, and a failure half way
leaves no file behind."""

from __future__ import annotations

import hashlib
import io
import os
import secrets
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from PIL import Image
from sqlmodel import select

from app.media import intake_bytes
from app.storage.mediastore import MediaDamaged, MediaStore
from app.storage.models import Attachment, utcnow
from app.storage.workspace import Workspace
from app.sync import container
from app.sync.container import Member, Planned
from app.sync.errors import SyncError
from app.sync.export import export_bundle
from app.sync.identity import office_identity, own_keys
from app.sync.merge import import_bundle
from app.sync.seal import TO_OFFICE, open_sealed, write_sealed, write_sealed_stream
from tests.unit.sync.conftest import add_village, add_visit


def _photo(seed: int) -> bytes:
    image = Image.frombytes("RGB", (200, 150), secrets.token_bytes(200 * 150 * 3))
    buf = io.BytesIO()
    image.save(buf, "JPEG", quality=80)
    return intake_bytes(buf.getvalue(), f"IMG_{seed}.jpg").data


def _team_with_photos(laptop: Callable[..., Workspace], n: int) -> tuple[Workspace, list[str]]:
    team = laptop("a")
    visit = add_visit(team, add_village(team, "东村").id, "拍了照片")
    store = MediaStore(team.paths.media, team.db_key)
    names = []
    with team.session() as s:
        for i in range(n):
            processed = intake_bytes(_photo(i), f"IMG_{i}.jpg")
            blob, thumb = store.put(processed.data), store.put(processed.thumbnail)
            s.add(
                Attachment(
                    sha256=blob.sha256,
                    stored_name=blob.name,
                    thumb_name=thumb.name,
                    size_bytes=blob.size_bytes,
                    visit_id=visit.id,
                )
            )
            names.append(blob.name)
        s.commit()
    return team, names


def _sealer_args(team: Workspace) -> dict[str, Any]:
    keys = own_keys(team)
    return {
        "direction": TO_OFFICE,
        "bundle_id": "b",
        "team_id": keys.owner_id,
        "device_id": team.device_id,
        "created_at": utcnow().isoformat(),
        "sender": keys,
        "recipient": office_identity(team),
    }


def test_a_streamed_bundle_opens_as_one_sealed_at_once(
    office: Workspace, laptop: Callable[..., Workspace], tmp_path: Path
) -> None:
    team, _names = _team_with_photos(laptop, 0)
    args = _sealer_args(team)
    payload = os.urandom(3 * 1024 + 17)
    pieces = [payload[:5], payload[5:2000], b"", payload[2000:]]
    for segment in (1024, 1024 * 1024):  # many segments, one segment
        streamed = write_sealed_stream(
            tmp_path / f"s{segment}.xdsb", pieces, len(payload), segment=segment, **args
        )
        opened = open_sealed(streamed.path, signer_of=lambda _h: own_keys(team).public(), me=None)
        assert opened.file_sha256 == streamed.sha256
        assert streamed.path.stat().st_size == streamed.size_bytes
    whole = write_sealed(tmp_path / "whole.xdsb", payload, segment=1024, **args)
    assert whole.size_bytes == (tmp_path / "s1024.xdsb").stat().st_size


@pytest.mark.parametrize("given", [b"x" * 99, b"x" * 101])
def test_a_stream_of_the_wrong_length_leaves_nothing(
    laptop: Callable[..., Workspace], tmp_path: Path, given: bytes
) -> None:
    team, _ = _team_with_photos(laptop, 0)
    with pytest.raises(ValueError, match="announced"):
        write_sealed_stream(tmp_path / "x.xdsb", [given], 100, **_sealer_args(team))
    assert list(tmp_path.glob("*x.xdsb*")) == []


def test_photos_stream_into_the_bundle_and_import(
    office: Workspace, laptop: Callable[..., Workspace], tmp_path: Path
) -> None:
    team, names = _team_with_photos(laptop, 12)
    out = export_bundle(team, tmp_path / "p.xdsb", all_rows=True)
    assert out.media == 24  # every photo and its thumbnail
    report = import_bundle(office, out.path)
    assert report.media_new == 24
    theirs = MediaStore(office.paths.media, office.db_key)
    mine = MediaStore(team.paths.media, team.db_key)
    for name in names:
        data = mine.get(name)
        assert theirs.get(theirs.name_for(hashlib.sha256(data).hexdigest())) == data


def test_a_photo_lost_half_way_stops_the_export_and_leaves_no_file(
    laptop: Callable[..., Workspace], tmp_path: Path
) -> None:
    team, names = _team_with_photos(laptop, 6)
    store = MediaStore(team.paths.media, team.db_key)
    store.path_for(names[3]).unlink()
    out = tmp_path / "out" / "p.xdsb"
    with pytest.raises((MediaDamaged, SyncError)):
        export_bundle(team, out)
    assert not out.parent.exists() or list(out.parent.iterdir()) == []


def test_a_photo_that_changed_size_is_refused_while_streaming() -> None:
    plan = container.layout(
        {"format": "t"},
        [Member("rows/x.json", b"{}", compress=True)],
        [Planned("media/" + "a" * 64 + ".jpg", 10, "a" * 64, lambda: b"x" * 10)],
    )
    parts = container.stream(plan, [b"x" * 9])
    with pytest.raises(ValueError, match="changed size"):
        b"".join(bytes(p) for p in parts)


def test_rows_read_raw_encode_as_the_typed_read(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The fast read (SQLite's stored values, encoded by column) gives exactly what reading
    through SQLAlchemy's types gives: a difference would show as a change at the other end."""
    from app.services.demo.build import DemoOptions, fill_demo
    from app.storage.models import Township
    from app.sync import rows

    with Workspace.create(tmp_path / "d", team_name="组", leader="甲", password="pw") as ws:
        fill_demo(ws, DemoOptions(villages=4, days=2, until=utcnow().date(), seed=3))
        with ws.session() as s:  # an instant with microseconds, one without
            t = s.exec(select(Township)).first()
            assert t is not None
            t.name = t.name + "（改）"
            s.commit()
        with ws.engine.connect() as conn:
            for table in rows.ORDER:
                typed = rows.read_rows_typed(conn, table, None)
                assert rows.read_rows(conn, table, None) == typed, table
                some = sorted(typed)[: len(typed) // 2]
                assert rows.read_rows(conn, table, some) == {k: typed[k] for k in some}
            monkeypatch.setattr(rows, "_SCAN_FROM", 1)  # many ids: one scan, then filtered
            for table in rows.ORDER:
                typed = rows.read_rows_typed(conn, table, None)
                some = sorted(typed)[: len(typed) // 2]
                assert rows.read_rows(conn, table, some) == {k: typed[k] for k in some}
