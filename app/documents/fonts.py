"""Font resolver: find TrueType-outline Chinese fonts for each typographic role and register them.

Order per role: a file configured in the settings, then the system's fonts (Windows font folder,
Linux fontconfig via ``fc-list`` or the usual folders, macOS font folders). Only TrueType outlines
(a ``glyf`` table, no ``CFF``) are accepted, because ReportLab embeds only those; members of a
``.ttc`` collection are fine. The CID font STSong-Light is never used: it is not embedded.

With nothing usable for a role a :class:`FontNotFoundError` is raised whose message (Chinese) says
what to install.
"""

from __future__ import annotations

import hashlib
import re
import struct
import threading
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFError, TTFont

from app.documents.fontfiles import (
    FontCandidate,
    discover_system_fonts,
    read_font_faces,
)
from app.domain.errors import UserError

__all__ = [
    "FontCandidate",
    "FontError",
    "FontInfo",
    "FontNotFoundError",
    "FontResolver",
    "FontRole",
    "FontSet",
    "ResolvedFont",
    "UnusableFontError",
    "configure_fonts",
    "discover_system_fonts",
    "fonts_in_use",
    "get_fonts",
    "read_font_faces",
]


class FontRole(StrEnum):
    """Typographic roles of GB/T 9704 documents."""

    FANGSONG = "fangsong"
    KAITI = "kaiti"
    HEITI = "heiti"
    SONG = "song"
    TITLE = "title"

    @property
    def label(self) -> str:
        return _ROLE_LABELS[self]


_ROLE_LABELS: dict[FontRole, str] = {
    FontRole.FANGSONG: "仿宋",
    FontRole.KAITI: "楷体",
    FontRole.HEITI: "黑体",
    FontRole.SONG: "宋体",
    FontRole.TITLE: "小标宋",
}

INSTALL_HINT = (
    "Windows：请确认系统字体目录（C:\\Windows\\Fonts）中有仿宋（simfang.ttf）、楷体（simkai.ttf）、"
    "黑体（simhei.ttf）、宋体（simsun.ttc）；"
    "Debian/Ubuntu：请运行 sudo apt-get install fonts-arphic-uming fonts-arphic-ukai "
    "fonts-wqy-zenhei；也可以在设置中为该字体指定一个TrueType字体文件（.ttf/.ttc）。"
)


class FontError(UserError):
    """Base class of font problems; the message is Chinese and meant for the user."""


class FontNotFoundError(FontError):
    """No usable TrueType-outline font was found for a role."""


class UnusableFontError(FontError):
    """A configured font file cannot be used (missing, not TrueType outlines, refused)."""


# --------------------------------------------------------------------------------------------
# Preferences per role

_FANGSONG_NAMES = (
    "FangSong",
    "仿宋",
    "FangSong_GB2312",
    "仿宋_GB2312",
    "STFangsong",
    "华文仿宋",
    "FZFangSong-Z02S",
    "方正仿宋简体",
    "方正仿宋_GBK",
)
_KAITI_NAMES = (
    "KaiTi",
    "楷体",
    "KaiTi_GB2312",
    "楷体_GB2312",
    "STKaiti",
    "华文楷体",
    "Kaiti SC",
    "FZKai-Z03S",
    "方正楷体简体",
    "AR PL UKai CN",
    "AR PL KaitiM GB",
    "AR PL UKai TW",
    "AR PL UKai HK",
)
_HEITI_NAMES = (
    "SimHei",
    "黑体",
    "STHeiti",
    "华文黑体",
    "Heiti SC",
    "STHeiti Medium",
    "FZHei-B01S",
    "方正黑体简体",
    "Microsoft YaHei",
    "微软雅黑",
    "WenQuanYi Zen Hei",
    "WenQuanYi Micro Hei",
    "Droid Sans Fallback",
)
_SONG_NAMES = (
    "SimSun",
    "宋体",
    "NSimSun",
    "STSong",
    "华文宋体",
    "Songti SC",
    "Songti SC Regular",
    "FZShuSong-Z01S",
    "方正书宋简体",
    "AR PL UMing CN",
    "AR PL SungtiL GB",
    "AR PL UMing TW",
    "AR PL UMing HK",
)
_TITLE_NAMES = (
    "方正小标宋简体",
    "FZXiaoBiaoSong-B05S",
    "方正小标宋_GBK",
    "FZXiaoBiaoSong-B05",
    "方正小标宋",
    "小标宋",
    "STZhongsong",
    "华文中宋",
    "Songti SC Black",
    "Songti SC Bold",
)

# (names, synthetic bold when used for the role) in order of preference.
_PREFERENCES: dict[FontRole, tuple[tuple[tuple[str, ...], bool], ...]] = {
    FontRole.FANGSONG: (
        (_FANGSONG_NAMES, False),
        (_SONG_NAMES, False),
        (_KAITI_NAMES, False),
        (_HEITI_NAMES, False),
    ),
    FontRole.KAITI: (
        (_KAITI_NAMES, False),
        (_FANGSONG_NAMES, False),
        (_SONG_NAMES, False),
        (_HEITI_NAMES, False),
    ),
    FontRole.HEITI: (
        (_HEITI_NAMES, False),
        (_SONG_NAMES, True),
        (_FANGSONG_NAMES, True),
        (_KAITI_NAMES, True),
    ),
    FontRole.SONG: (
        (_SONG_NAMES, False),
        (_FANGSONG_NAMES, False),
        (_KAITI_NAMES, False),
        (_HEITI_NAMES, False),
    ),
    FontRole.TITLE: (
        (_TITLE_NAMES, False),
        (_SONG_NAMES, True),
        (_FANGSONG_NAMES, True),
        (_HEITI_NAMES, False),
        (_KAITI_NAMES, True),
    ),
}

# The font GB/T 9704 asks for: anything else is a substitute (the settings say so).
_PROPER_NAMES: dict[FontRole, tuple[str, ...]] = {
    FontRole.FANGSONG: _FANGSONG_NAMES,
    FontRole.KAITI: _KAITI_NAMES[:9],
    FontRole.HEITI: _HEITI_NAMES[:8],
    FontRole.SONG: _SONG_NAMES[:9],
    FontRole.TITLE: _TITLE_NAMES[:6],
}


@dataclass(frozen=True)
class ResolvedFont:
    """The font serving one role, registered with ReportLab as ``rl_name``."""

    role: FontRole
    family: str
    path: Path
    subfont_index: int
    rl_name: str
    synthetic_bold: bool = False
    substitute: bool = False
    configured: bool = False


@dataclass(frozen=True)
class FontInfo:
    """What the UI shows about a role's font."""

    role: FontRole
    role_label: str
    family: str
    file: str
    substitute: bool
    synthetic_bold: bool
    configured: bool

    def describe(self) -> str:
        notes = []
        if self.configured:
            notes.append("设置中指定")
        if self.substitute:
            notes.append("代用字体")
        if self.synthetic_bold:
            notes.append("加粗模拟")
        note = f"（{'，'.join(notes)}）" if notes else ""
        return f"{self.role_label}：{self.family}{note}，{self.file}"


@dataclass
class FontSet:
    """The resolved fonts of every role, plus helpers used by the layout code."""

    fonts: dict[FontRole, ResolvedFont]
    _glyph_cache: dict[str, frozenset[int]] = field(default_factory=dict, repr=False)

    def __getitem__(self, role: FontRole) -> ResolvedFont:
        return self.fonts[role]

    def name(self, role: FontRole) -> str:
        return self.fonts[role].rl_name

    def all_names(self) -> list[str]:
        seen: list[str] = []
        for role in FontRole:
            n = self.fonts[role].rl_name
            if n not in seen:
                seen.append(n)
        return seen

    def has_glyph(self, rl_name: str, char: str) -> bool:
        codes = self._glyph_cache.get(rl_name)
        if codes is None:
            font = pdfmetrics.getFont(rl_name)
            codes = frozenset(font.face.charToGlyph.keys())
            self._glyph_cache[rl_name] = codes
        return ord(char) in codes

    def font_for(self, rl_name: str, char: str) -> str:
        """``rl_name`` if it has ``char``, else the first resolved font that has it."""
        if char.isspace() or self.has_glyph(rl_name, char):
            return rl_name
        for other in self.all_names():
            if other != rl_name and self.has_glyph(other, char):
                return other
        return rl_name

    def info(self) -> dict[FontRole, FontInfo]:
        return {
            role: FontInfo(
                role=role,
                role_label=role.label,
                family=f.family,
                file=str(f.path)
                + (f"（第{f.subfont_index + 1}个字体）" if f.subfont_index else ""),
                substitute=f.substitute,
                synthetic_bold=f.synthetic_bold,
                configured=f.configured,
            )
            for role, f in self.fonts.items()
        }


# --------------------------------------------------------------------------------------------
# Registration (once per file and face)

_register_lock = threading.RLock()
_registered: dict[tuple[str, int], str] = {}


def _register(path: Path, index: int) -> str:
    """Register a face with ReportLab (once) and return its ReportLab name."""
    key = (str(path.resolve()), index)
    with _register_lock:
        if key in _registered:
            return _registered[key]
        digest = hashlib.sha1(f"{key[0]}#{index}".encode()).hexdigest()[:8]
        stem = re.sub(r"[^A-Za-z0-9]", "", path.stem)[:20] or "font"
        rl_name = f"XD-{stem}-{index}-{digest}"
        font = TTFont(rl_name, str(path), subfontIndex=index)
        pdfmetrics.registerFont(font)
        _registered[key] = rl_name
        return rl_name


def _matches(cand: FontCandidate, wanted: str) -> bool:
    w = wanted.casefold()
    return any(n.casefold() == w for n in (*cand.names, cand.family))


class FontResolver:
    """Resolve every role to a registered TrueType-outline font.

    ``configured`` maps roles to font files from the settings (tried first, and an error if
    unusable). ``discover`` lists the system's faces; tests inject an empty or fake system.
    """

    def __init__(
        self,
        configured: Mapping[FontRole, str | Path] | None = None,
        *,
        discover: Callable[[], Sequence[FontCandidate]] | None = None,
    ) -> None:
        self._configured = {FontRole(k): Path(v) for k, v in (configured or {}).items() if v}
        self._discover = discover or discover_system_fonts

    def _configured_font(self, role: FontRole, path: Path) -> ResolvedFont:
        if not path.is_file():
            raise UnusableFontError(f"设置中为{role.label}指定的字体文件不存在：{path}")
        try:
            faces = read_font_faces(path)
        except (OSError, ValueError, struct.error) as exc:
            raise UnusableFontError(
                f"设置中为{role.label}指定的文件不是可读的字体文件：{path}"
            ) from exc
        usable = [f for f in faces if f.truetype_outlines]
        if not usable:
            raise UnusableFontError(
                f"设置中为{role.label}指定的字体不是TrueType轮廓字体（CFF/OTF字体无法嵌入PDF）："
                f"{path}。请改用 .ttf 或 TrueType 轮廓的 .ttc 字体。"
            )
        face = usable[0]
        try:
            rl_name = _register(path, face.index)
        except (TTFError, OSError, ValueError) as exc:
            raise UnusableFontError(
                f"设置中为{role.label}指定的字体无法使用（可能不允许嵌入）：{path}"
            ) from exc
        return ResolvedFont(
            role,
            face.family or path.stem,
            path,
            face.index,
            rl_name,
            synthetic_bold=False,
            substitute=False,
            configured=True,
        )

    def _pick(self, role: FontRole, candidates: Sequence[FontCandidate]) -> ResolvedFont | None:
        ordered: list[tuple[FontCandidate, bool]] = []
        for names, bold in _PREFERENCES[role]:
            for wanted in names:
                ordered.extend((c, bold) for c in candidates if _matches(c, wanted))
        # Last resort: any Chinese-capable TrueType face fontconfig knows about.
        ordered.extend((c, role is FontRole.TITLE) for c in candidates if c.chinese)
        tried: set[tuple[Path, int]] = set()
        for cand, bold in ordered:
            if (cand.path, cand.index) in tried:
                continue
            tried.add((cand.path, cand.index))
            try:
                rl_name = _register(cand.path, cand.index)
            except (TTFError, OSError, ValueError, struct.error):
                continue
            proper = any(_matches(cand, n) for n in _PROPER_NAMES[role])
            return ResolvedFont(
                role,
                cand.family,
                cand.path,
                cand.index,
                rl_name,
                synthetic_bold=bold and not proper,
                substitute=not proper,
            )
        return None

    def resolve(self) -> FontSet:
        fonts: dict[FontRole, ResolvedFont] = {}
        for role, path in self._configured.items():
            fonts[role] = self._configured_font(role, path)
        missing = [r for r in FontRole if r not in fonts]
        if missing:
            candidates = list(self._discover())
            for role in missing:
                found = self._pick(role, candidates)
                if found is None:
                    raise FontNotFoundError(
                        f"未找到可用于“{role.label}”的中文TrueType字体，无法生成PDF文书。"
                        + INSTALL_HINT
                    )
                fonts[role] = found
        return FontSet(fonts)


# --------------------------------------------------------------------------------------------
# Process-wide active fonts

_active_lock = threading.Lock()
_active: FontSet | None = None
_active_config: dict[FontRole, Path] = {}


def configure_fonts(configured: Mapping[FontRole, str | Path] | None) -> FontSet:
    """Set the configured font files (from the settings) and resolve again."""
    global _active, _active_config
    resolver = FontResolver(configured)
    fonts = resolver.resolve()
    with _active_lock:
        _active = fonts
        _active_config = {FontRole(k): Path(v) for k, v in (configured or {}).items() if v}
    return fonts


def get_fonts() -> FontSet:
    """The active fonts (resolved from the system on first use, then cached)."""
    global _active
    with _active_lock:
        if _active is None:
            _active = FontResolver(_active_config).resolve()
        return _active


def fonts_in_use() -> dict[FontRole, FontInfo]:
    """Which font serves each role (for the settings page)."""
    return get_fonts().info()
