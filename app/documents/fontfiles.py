"""Reading font files (sfnt headers and the name table only) and listing the system's fonts.

Only what the resolver needs: which faces a ``.ttf``/``.ttc``/``.otf`` holds, whether each has
TrueType outlines (``glyf``, no ``CFF``), and its names. No third-party font library is used.
"""

from __future__ import annotations

import os
import shutil
import struct
import subprocess
import sys
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

__all__ = [
    "FaceInfo",
    "FontCandidate",
    "candidates_from_file",
    "discover_system_fonts",
    "fc_list",
    "read_font_faces",
]


@dataclass(frozen=True)
class FaceInfo:
    """One face of a font file (a ``.ttc`` holds several)."""

    index: int
    truetype_outlines: bool
    names: frozenset[str]
    family: str


def _read_exact(fh: BinaryIO, offset: int, size: int) -> bytes:
    fh.seek(offset)
    data = fh.read(size)
    if len(data) != size:
        raise ValueError("truncated font file")
    return data


def _decode_name(platform: int, encoding: int, raw: bytes) -> str | None:
    try:
        if platform in (0, 3):
            return raw.decode("utf-16-be")
        if platform == 1 and encoding == 0:
            return raw.decode("mac_roman")
        if platform == 1 and encoding == 25:
            return raw.decode("gb18030")
    except UnicodeDecodeError:
        return None
    return None


def _read_face(fh: BinaryIO, offset: int, index: int) -> FaceInfo:
    version, num_tables = struct.unpack(">4sH", _read_exact(fh, offset, 6))
    if version not in (b"\x00\x01\x00\x00", b"true", b"OTTO"):
        raise ValueError("not an sfnt font")
    tables: dict[bytes, tuple[int, int]] = {}
    records = _read_exact(fh, offset + 12, 16 * num_tables)
    for i in range(num_tables):
        tag, _checksum, t_offset, t_length = struct.unpack(">4sIII", records[16 * i : 16 * i + 16])
        tables[tag] = (t_offset, t_length)
    truetype = b"glyf" in tables and b"CFF " not in tables and b"CFF2" not in tables
    names: set[str] = set()
    family = ""
    if b"name" in tables:
        n_offset, n_length = tables[b"name"]
        blob = _read_exact(fh, n_offset, n_length)
        _fmt, count, string_offset = struct.unpack(">HHH", blob[:6])
        preferred: dict[int, str] = {}
        for i in range(count):
            rec = blob[6 + 12 * i : 18 + 12 * i]
            if len(rec) < 12:
                break
            platform, encoding, language, name_id, length, s_off = struct.unpack(">HHHHHH", rec)
            if name_id not in (1, 4, 16):
                continue
            start = string_offset + s_off
            text = _decode_name(platform, encoding, blob[start : start + length])
            if not text:
                continue
            text = text.strip("\x00 ").strip()
            if not text:
                continue
            names.add(text)
            # English (Windows 0x409) family first, else anything.
            if name_id in (1, 16) and (language == 0x409 or name_id not in preferred):
                preferred[name_id] = text
        family = preferred.get(16) or preferred.get(1) or ""
    return FaceInfo(index, truetype, frozenset(names), family)


def read_font_faces(path: Path) -> list[FaceInfo]:
    """Faces of a ``.ttf``/``.otf``/``.ttc`` file; raises ``ValueError`` if it is not a font."""
    with path.open("rb") as fh:
        head = _read_exact(fh, 0, 12)
        if head[:4] == b"ttcf":
            (num_fonts,) = struct.unpack(">I", head[8:12])
            if not 0 < num_fonts < 1000:
                raise ValueError("bad font collection")
            offsets = struct.unpack(f">{num_fonts}I", _read_exact(fh, 12, 4 * num_fonts))
            return [_read_face(fh, off, i) for i, off in enumerate(offsets)]
        return [_read_face(fh, 0, 0)]


@dataclass(frozen=True)
class FontCandidate:
    """A face that may serve a role: a file, the face index, its names, whether it covers zh."""

    path: Path
    index: int
    names: frozenset[str]
    family: str
    chinese: bool = True


def candidates_from_file(path: Path, chinese: bool = True) -> list[FontCandidate]:
    try:
        faces = read_font_faces(path)
    except (OSError, ValueError, struct.error):
        return []
    return [
        FontCandidate(path, f.index, f.names, f.family or path.stem, chinese)
        for f in faces
        if f.truetype_outlines
    ]


_FONT_SUFFIXES = (".ttf", ".ttc", ".otf", ".otc")


def _scan_dirs(dirs: Iterable[Path], recursive: bool = False) -> list[FontCandidate]:
    found: list[FontCandidate] = []
    for folder in dirs:
        if not folder.is_dir():
            continue
        files = folder.rglob("*") if recursive else folder.iterdir()
        for path in sorted(files):
            if path.suffix.lower() in _FONT_SUFFIXES and path.is_file():
                found.extend(candidates_from_file(path, chinese=False))
    return found


def _windows_dirs() -> list[Path]:
    dirs = [Path(os.environ.get("WINDIR", r"C:\Windows")) / "Fonts"]
    local = os.environ.get("LOCALAPPDATA")
    if local:
        dirs.append(Path(local) / "Microsoft" / "Windows" / "Fonts")
    return dirs


def _mac_dirs() -> list[Path]:
    return [
        Path("/System/Library/Fonts"),
        Path("/System/Library/Fonts/Supplemental"),
        Path("/Library/Fonts"),
        Path.home() / "Library" / "Fonts",
    ]


_FC_FORMAT = "%{file}\\t%{index}\\t%{lang}\\n"


def fc_list(runner: Callable[[list[str]], str] | None = None) -> list[FontCandidate] | None:
    """Fonts known to fontconfig, Chinese-capable ones marked; ``None`` if fc-list is missing."""
    if runner is None:
        exe = shutil.which("fc-list")
        if exe is None:
            return None

        def runner(args: list[str]) -> str:
            done = subprocess.run(
                [exe, *args], capture_output=True, text=True, timeout=30, check=False
            )
            return done.stdout

    try:
        out = runner(["--format", _FC_FORMAT])
    except (OSError, subprocess.SubprocessError):
        return None
    wanted: dict[tuple[str, int], bool] = {}
    for line in out.splitlines():
        parts = line.split("\t")
        if len(parts) < 2 or not parts[0]:
            continue
        try:
            index = int(parts[1])
        except ValueError:
            continue
        langs = parts[2].split("|") if len(parts) > 2 else []
        chinese = any(lang in ("zh-cn", "zh", "zh-sg") for lang in langs)
        key = (parts[0], index)
        wanted[key] = wanted.get(key, False) or chinese
    result: list[FontCandidate] = []
    cache: dict[str, list[FontCandidate]] = {}
    for (file, index), chinese in sorted(wanted.items()):
        if not file.lower().endswith(_FONT_SUFFIXES):
            continue
        if file not in cache:
            cache[file] = candidates_from_file(Path(file), chinese=False)
        for cand in cache[file]:
            if cand.index == index:
                result.append(
                    FontCandidate(cand.path, cand.index, cand.names, cand.family, chinese)
                )
    return result


def discover_system_fonts() -> list[FontCandidate]:
    """All TrueType-outline faces of this system (platform-specific folders / fontconfig)."""
    if sys.platform == "win32":
        return _scan_dirs(_windows_dirs())
    if sys.platform == "darwin":
        return _scan_dirs(_mac_dirs())
    listed = fc_list()
    if listed is not None:
        return listed
    return _scan_dirs(
        [
            Path("/usr/share/fonts"),
            Path("/usr/local/share/fonts"),
            Path.home() / ".local" / "share" / "fonts",
            Path.home() / ".fonts",
        ],
        recursive=True,
    )
