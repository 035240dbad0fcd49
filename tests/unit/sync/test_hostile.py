"""Hostile archives: members are read only by the names the manifest lists; anything that could
escape, alias, link, overflow or explode is refused, not cleaned — and nothing is written."""

from __future__ import annotations

import json
import zlib
from collections.abc import Callable
from pathlib import Path

import pytest

from app.domain.limits import DEFAULT_LIMITS, Limits
from app.storage.models import new_id, utcnow
from app.storage.workspace import Workspace
from app.sync import container
from app.sync.container import MANIFEST, TYPE_DIR, TYPE_HARDLINK, TYPE_LINK, Contents, Member
from app.sync.errors import BundleRefused
from app.sync.export import CONTENTS_FORMAT, CONTENTS_VERSION
from app.sync.identity import own_keys
from app.sync.merge import import_bundle
from app.sync.seal import TO_OFFICE, write_sealed
from tests.unit.sync.conftest import db_dump_hash


def _manifest(members: list[Member], **extra: object) -> Member:
    doc = {
        "members": [
            {"name": m.name, "size": len(m.data), "sha256": container.member_sha(m.data)}
            for m in members
        ],
        **extra,
    }
    return Member(MANIFEST, json.dumps(doc).encode())


def _refused(members: list[Member], match: str, limits: Limits = DEFAULT_LIMITS) -> None:
    with pytest.raises(BundleRefused, match=match):
        Contents(container.pack(members), limits)


ROWS = Member("rows/visit.json", b"{}")


@pytest.mark.parametrize(
    ("name", "why"),
    [
        ("/etc/passwd", "绝对路径"),
        ("\\\\server\\share", "绝对路径"),
        ("C:/Windows/x", "绝对路径"),
        ("c:evil", "绝对路径"),
        ("rows/../../x", "“..”"),
        ("..", "“..”"),
        ("rows/./x", "“..”"),
        ("rows//x", "“..”"),
        ("rows\\x", "反斜杠"),
        ("media/x y", "不允许的字符"),
        ("rows/村.json", "不允许的字符"),
        ("", "为空"),
        ("a" * 300, "过长"),
    ],
)
def test_unsafe_names_refused(name: str, why: str):
    bad = Member(name, b"x")
    _refused([_manifest([bad]), bad], why)
    with pytest.raises(BundleRefused, match=why):
        container.check_name(name)


@pytest.mark.parametrize(
    ("kind", "why"), [(TYPE_LINK, "链接"), (TYPE_HARDLINK, "链接"), (TYPE_DIR, "非文件")]
)
def test_links_and_folders_refused(kind: int, why: str):
    bad = Member("rows/visit.json", b"target", kind=kind)
    _refused([_manifest([bad]), bad], why)


def test_duplicate_names_refused():
    a, b = Member("rows/visit.json", b"a"), Member("rows/visit.json", b"b")
    _refused([_manifest([a]), a, b], "重名")


def test_member_not_in_manifest_or_missing_refused():
    extra = Member("media/extra.jpg", b"x")
    _refused([_manifest([ROWS]), ROWS, extra], "清单未列出")
    _refused([_manifest([ROWS, extra]), ROWS], "缺少清单所列")
    _refused([ROWS, _manifest([ROWS])], "缺少清单")


def test_oversize_and_bomb_refused():
    bomb = Member("rows/visit.json", b"\x00" * 2_000_000, compress=True)
    _refused([_manifest([bomb]), bomb], "压缩比")
    big = Member("media/big.jpg", b"x" * 1001)
    _refused([_manifest([big]), big], "过大", Limits(member_bytes=1000))


def test_declared_length_lies_refused():
    raw = b"hello world" * 10
    good = Member("rows/visit.json", raw, compress=True)
    packed = bytearray(container.pack([_manifest([good]), good]))
    # claim a shorter raw length than the stream holds: refused, never truncated quietly
    stored = zlib.compress(raw, 6)
    at = packed.index(stored) - 8
    packed[at : at + 8] = (len(raw) - 1).to_bytes(8, "big")
    with pytest.raises(BundleRefused, match="长度"):
        Contents(packed).verify_all()


def test_hash_mismatch_and_trailing_bytes_refused():
    m = Member("rows/visit.json", b"abc")
    head = _manifest([Member("rows/visit.json", b"abd")])
    _refused([head, m], "校验值不符")
    packed = container.pack([_manifest([m]), m]) + b"\x00"
    with pytest.raises(BundleRefused, match="多余"):
        Contents(packed)


def test_a_signed_hostile_bundle_is_refused_with_nothing_written(
    office: Workspace, laptop: Callable[..., Workspace], tmp_path: Path
):
    """Even sealed and signed with a real team key, a hostile container writes nothing."""
    team = laptop("a")
    keys = own_keys(team)
    before = db_dump_hash(office)
    office_public = own_keys(office).public()
    hostile = [
        Member("../../../.bashrc", b"rm -rf ~"),
        Member("rows/visit.json", b"x", kind=TYPE_LINK),
        Member("rows/../user.json", b"{}"),
        Member("media/C:\\x.jpg", b"x"),
    ]
    for i, bad in enumerate(hostile):
        bundle_id = new_id()
        head = _manifest(
            [bad],
            format=CONTENTS_FORMAT,
            version=CONTENTS_VERSION,
            bundle_id=bundle_id,
            direction=TO_OFFICE,
            team_id=keys.owner_id,
            device_id=team.device_id,
        )
        out = write_sealed(
            tmp_path / f"hostile-{i}.xdsb",
            container.pack([head, bad]),
            direction=TO_OFFICE,
            bundle_id=bundle_id,
            team_id=keys.owner_id,
            device_id=team.device_id,
            created_at=utcnow().isoformat(),
            sender=keys,
            recipient=office_public,
        )
        with pytest.raises(BundleRefused):
            import_bundle(office, out.path)
    assert db_dump_hash(office) == before
    assert not list(tmp_path.rglob(".bashrc"))
