from __future__ import annotations

import struct
from pathlib import Path

import pytest

from app.documents import fontfiles
from app.documents.fontfiles import FontCandidate, read_font_faces
from app.documents.fonts import (
    FontNotFoundError,
    FontResolver,
    FontRole,
    UnusableFontError,
    fonts_in_use,
    get_fonts,
)

UMING = Path("/usr/share/fonts/truetype/arphic/uming.ttc")
UKAI = Path("/usr/share/fonts/truetype/arphic/ukai.ttc")
ZENHEI = Path("/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc")
needs_debian_fonts = pytest.mark.skipif(
    not (UMING.exists() and UKAI.exists() and ZENHEI.exists()),
    reason="needs fonts-arphic-uming, fonts-arphic-ukai, fonts-wqy-zenhei",
)


def make_cff_font(path: Path) -> Path:
    """A minimal OpenType/CFF sfnt header (tables CFF and name): enough for the outline check."""
    name_table = struct.pack(">HHH", 0, 0, 6)
    tables = [(b"CFF ", b"\x01\x00\x04\x02"), (b"name", name_table)]
    offset = 12 + 16 * len(tables)
    head = struct.pack(">4sHHHH", b"OTTO", len(tables), 0, 0, 0)
    records = b""
    body = b""
    for tag, data in tables:
        records += struct.pack(">4sIII", tag, 0, offset + len(body), len(data))
        body += data
    path.write_bytes(head + records + body)
    return path


def test_no_fonts_at_all_raises_a_chinese_message_naming_what_to_install() -> None:
    resolver = FontResolver({}, discover=lambda: [])
    with pytest.raises(FontNotFoundError) as info:
        resolver.resolve()
    message = str(info.value)
    assert "未找到" in message and "仿宋" in message
    assert "apt-get install fonts-arphic-uming fonts-arphic-ukai fonts-wqy-zenhei" in message
    assert "simfang.ttf" in message and "simsun.ttc" in message


def test_cff_font_is_not_truetype(tmp_path: Path) -> None:
    otf = make_cff_font(tmp_path / "NotoSerifCJK-Regular.otf")
    faces = read_font_faces(otf)
    assert len(faces) == 1 and not faces[0].truetype_outlines


def test_configured_cff_font_is_rejected(tmp_path: Path) -> None:
    otf = make_cff_font(tmp_path / "NotoSerifCJK-Regular.otf")
    resolver = FontResolver({FontRole.FANGSONG: otf}, discover=lambda: [])
    with pytest.raises(UnusableFontError, match="不是TrueType轮廓字体"):
        resolver.resolve()


def test_configured_missing_or_garbage_file_is_rejected(tmp_path: Path) -> None:
    with pytest.raises(UnusableFontError, match="不存在"):
        FontResolver({FontRole.KAITI: tmp_path / "nope.ttf"}, discover=lambda: []).resolve()
    junk = tmp_path / "junk.ttf"
    junk.write_bytes(b"not a font at all")
    with pytest.raises(UnusableFontError, match="不是可读的字体文件"):
        FontResolver({FontRole.KAITI: junk}, discover=lambda: []).resolve()


def test_a_discovered_cff_font_is_skipped(tmp_path: Path) -> None:
    otf = make_cff_font(tmp_path / "cjk.otf")
    runner_out = f"{otf}\t0\tzh-cn|en\n"
    found = fontfiles.fc_list(lambda args: runner_out)
    assert found == []


@needs_debian_fonts
def test_fc_list_output_maps_roles_to_debian_fonts(tmp_path: Path) -> None:
    otf = make_cff_font(tmp_path / "cjk.otf")
    lines = [f"{otf}\t0\tzh-cn"]
    for path, count in ((UMING, 4), (UKAI, 4), (ZENHEI, 3)):
        lines += [f"{path}\t{i}\ten|zh-cn|zh-tw" for i in range(count)]
    lines.append("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf\t0\ten|fr")
    calls: list[list[str]] = []

    def runner(args: list[str]) -> str:
        calls.append(args)
        return "\n".join(lines) + "\n"

    candidates = fontfiles.fc_list(runner)
    assert candidates is not None and calls
    assert all(c.path != otf for c in candidates)
    fs = FontResolver({}, discover=lambda: candidates).resolve()
    assert fs[FontRole.FANGSONG].family == "AR PL UMing CN"
    assert fs[FontRole.FANGSONG].subfont_index == 0
    assert fs[FontRole.SONG].family == "AR PL UMing CN"
    assert fs[FontRole.KAITI].family == "AR PL UKai CN"
    assert fs[FontRole.HEITI].family == "WenQuanYi Zen Hei"
    title = fs[FontRole.TITLE]
    assert title.substitute and title.synthetic_bold
    # One registration per file face: Song and Fangsong share the UMing face.
    assert fs.name(FontRole.SONG) == fs.name(FontRole.FANGSONG)


@needs_debian_fonts
def test_proper_windows_names_win_over_substitutes(tmp_path: Path) -> None:
    real = fontfiles.candidates_from_file(UKAI)[0]
    fake_kaiti = FontCandidate(real.path, real.index, frozenset({"KaiTi", "楷体"}), "KaiTi")
    uming = fontfiles.candidates_from_file(UMING)[0]
    fs = FontResolver({}, discover=lambda: [uming, real, fake_kaiti]).resolve()
    assert fs[FontRole.KAITI].family == "KaiTi"
    assert not fs[FontRole.KAITI].substitute
    assert fs[FontRole.FANGSONG].substitute


@needs_debian_fonts
def test_configured_ttc_file_wins_and_is_reported() -> None:
    candidates = fontfiles.candidates_from_file(UMING)
    fs2 = FontResolver({FontRole.HEITI: ZENHEI}, discover=lambda: candidates).resolve()
    heiti = fs2[FontRole.HEITI]
    assert heiti.configured and heiti.path == ZENHEI and heiti.subfont_index == 0
    assert "设置中指定" in fs2.info()[FontRole.HEITI].describe()


def test_system_fonts_are_resolved_and_reported() -> None:
    info = fonts_in_use()
    assert set(info) == set(FontRole)
    for role, item in info.items():
        assert item.family and item.file
        assert item.describe().startswith(role.label)
    names = get_fonts().all_names()
    assert all("STSong" not in n for n in names)
    assert get_fonts() is get_fonts()  # resolved and registered once


@needs_debian_fonts
def test_folder_scan_finds_truetype_faces_and_skips_cff(tmp_path: Path) -> None:
    (tmp_path / "simkai.ttc").symlink_to(UKAI)
    make_cff_font(tmp_path / "SourceHanSerif.otf")
    (tmp_path / "readme.txt").write_text("x")
    found = fontfiles._scan_dirs([tmp_path, tmp_path / "missing"])
    assert {c.path.name for c in found} == {"simkai.ttc"}
    assert [c.index for c in found] == [0, 1, 2, 3]
    assert found[0].family == "AR PL UKai CN"
