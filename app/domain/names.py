"""Normalising and matching names of townships and villages from messy spreadsheet lists.

Lists from seven departments spell the same place in many ways: ``王庄``, ``王庄村``,
``王庄村委会``, ``王庄村民委员会``, ``王庄 村``, ``王庄村（社区）``; ``城关镇``, ``城关``,
``城关镇人民政府``, ``城关街道办事处``. This module turns a name into a *matching key* and
matches keys against the registry of villages.

The key rules (applied after :func:`clean_name`):

Village key
    1. Strip a trailing Party-organisation word (``党总支``, ``党支部``, ``党委`` …):
       ``王庄村党支部`` → ``王庄村``.
    2. Strip a trailing committee word (``村民委员会``, ``村委会``, ``村委``, ``社区居民委员会``,
       ``社区居委会``, ``居民委员会``, ``居委会`` …).
    3. Strip the kind word ``村`` or ``社区`` at the end, repeatedly.

    No step may leave a stem shorter than :data:`MIN_STEM` (two characters). A village whose
    proper name ends in 村 therefore keeps it: ``新村`` stays ``新村``, ``张村`` stays ``张村``,
    ``村`` stays ``村``, and ``新村村委会`` / ``新村村`` / ``新村委会`` all give ``新村`` too
    (when a committee word would leave a one-character stem, its leading 村/社区 is counted as
    part of the name).

Township key
    1. Strip the organ word (``人民政府``, ``政府``, ``党委``, ``党工委``, ``办事处``, ``街道办``,
       ``管委会`` …).
    2. Strip the kind word (``街道``, ``镇``, ``乡``) once, keeping at least :data:`MIN_STEM`
       characters: ``城关街道办事处`` → ``城关``, ``王店乡人民政府`` → ``王店``.

Keys only serve matching; they are never shown. Two different places may share a key
(``王庄村`` and ``王庄社区`` in one township): the matcher then reports the match as
ambiguous unless the cleaned full name decides it.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum

MIN_STEM = 2
"""The shortest stem (in characters) that stripping a suffix may leave."""

_BRACKETS = str.maketrans(
    {
        "【": "(",
        "】": ")",
        "〔": "(",
        "〕": ")",
        "［": "(",
        "］": ")",
        "[": "(",
        "]": ")",
        "{": "(",
        "}": ")",
        "〈": "(",
        "〉": ")",
        "《": "(",
        "》": ")",
        "﹙": "(",
        "﹚": ")",
    }
)
# Whitespace of every kind, plus zero-width characters that survive copy and paste.
_SPACES = re.compile(r"[\s\u200b\u200c\u200d\u2060\ufeff]+")
# Annotations of the kind of place written in brackets: 王庄(村), 东关(社区), 城关(镇).
_KIND_IN_BRACKETS = re.compile(r"\((?:村|社区|居|村委会|居委会|乡|镇|街道|乡镇|街道办)\)$")

_PARTY_TAILS = (
    "党总支部委员会",
    "党支部委员会",
    "党总支部",
    "党总支",
    "党支部",
    "党工委",
    "党委",
    "总支",
    "支部",
)
# (tail, leading kind word that belongs to the tail) — longest first.
_VILLAGE_COMMITTEE_TAILS: tuple[tuple[str, str], ...] = (
    ("社区居民委员会", "社区"),
    ("社区居委会", "社区"),
    ("社区居委", "社区"),
    ("村民委员会", "村"),
    ("居民委员会", ""),
    ("村委会", "村"),
    ("居委会", ""),
    ("村委", "村"),
)
_VILLAGE_KIND_WORDS = ("社区", "村")

_TOWNSHIP_ORGAN_TAILS = (
    "人民政府",
    "街道办事处",
    "管理委员会",
    "党工委",
    "办事处",
    "街道办",
    "管委会",
    "政府",
    "党委",
)
_TOWNSHIP_KIND_WORDS = ("街道", "镇", "乡")


_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def strip_control(text: str) -> str:
    """``text`` without control characters (NUL …; tab and line breaks stay): no name or cell
    means them, and an .xlsx file cannot hold them."""
    return _CONTROL.sub("", text)


def clean_name(raw: str | None) -> str:
    """Return ``raw`` in a canonical spelling, without changing what it says.

    NFKC (full-width letters, digits and brackets become half-width), every kind of space removed
    (also U+3000 and spaces inside the name), brackets unified to ``()``.
    """
    if raw is None:
        return ""
    text = unicodedata.normalize("NFKC", strip_control(raw))
    text = _SPACES.sub("", text)
    return text.translate(_BRACKETS)


def _strip_tail(text: str, tails: Iterable[str]) -> str:
    for tail in tails:
        if text.endswith(tail) and len(text) - len(tail) >= MIN_STEM:
            return text[: -len(tail)]
    return text


def village_key(raw: str | None) -> str:
    """The matching key of a village or community name (see the module docstring)."""
    text = _KIND_IN_BRACKETS.sub("", clean_name(raw))
    text = _strip_tail(text, _PARTY_TAILS)
    for tail, kind in _VILLAGE_COMMITTEE_TAILS:
        if text.endswith(tail) and len(text) > len(tail):
            stem = text[: -len(tail)]
            # 新村委会: the stem 新 is too short, so 村 is part of the name (新村).
            text = stem if len(stem) >= MIN_STEM else stem + kind
            break
    while True:
        shorter = _strip_tail(text, _VILLAGE_KIND_WORDS)
        if shorter == text:
            return text
        text = shorter


def township_key(raw: str | None) -> str:
    """The matching key of a township or subdistrict name (see the module docstring)."""
    text = _KIND_IN_BRACKETS.sub("", clean_name(raw))
    text = _strip_tail(text, _TOWNSHIP_ORGAN_TAILS)
    return _strip_tail(text, _TOWNSHIP_KIND_WORDS)


class MatchKind(StrEnum):
    MATCHED = "matched"
    AMBIGUOUS = "ambiguous"
    UNKNOWN = "unknown"


@dataclass(frozen=True, slots=True)
class RegistryVillage:
    """One village of the registry the inputs are matched against."""

    id: str
    township: str
    village: str


@dataclass(frozen=True, slots=True)
class NameMatch:
    """The outcome of matching one (township, village) input.

    ``village_id`` is set only when ``kind`` is MATCHED. ``candidates`` lists the registry ids a
    person may pick from when ``kind`` is AMBIGUOUS (in registry order). ``reason`` is a short
    Chinese phrase for the user.
    """

    kind: MatchKind
    village_id: str | None
    candidates: tuple[str, ...]
    reason: str


class VillageMatcher:
    """Matches (township or None, village) inputs against a registry of villages.

    Outcomes:

    * MATCHED — exactly one registry village fits: the village key is unique and no township was
      given, or the given township narrows the candidates to one (a tie between e.g. 王庄村 and
      王庄社区 in one township is decided by the cleaned full name when exactly one is spelled
      like the input).
    * AMBIGUOUS — the village key is known but the input does not decide between candidates: the
      same name in several townships and no township given; several candidates in the given
      township; the given township is not in the registry; or the village exists only in other
      townships than the one given (a person must confirm).
    * UNKNOWN — empty village name, or no registry village has that key.
    """

    def __init__(self, registry: Iterable[tuple[str, str, str] | RegistryVillage]) -> None:
        self._entries: list[RegistryVillage] = []
        self._by_village: dict[str, list[RegistryVillage]] = {}
        self._townships: set[str] = set()
        for item in registry:
            entry = item if isinstance(item, RegistryVillage) else RegistryVillage(*item)
            self._entries.append(entry)
            self._by_village.setdefault(village_key(entry.village), []).append(entry)
            self._townships.add(township_key(entry.township))

    def match(self, township: str | None, village: str | None) -> NameMatch:
        vkey = village_key(village)
        if not vkey:
            return NameMatch(MatchKind.UNKNOWN, None, (), "村名为空")
        candidates = self._by_village.get(vkey, [])
        if not candidates:
            return NameMatch(MatchKind.UNKNOWN, None, (), "名录中无此村")
        all_ids = tuple(entry.id for entry in candidates)
        tkey = township_key(township)
        if not tkey:
            if len(candidates) == 1:
                return NameMatch(MatchKind.MATCHED, candidates[0].id, (), "村名唯一")
            return NameMatch(MatchKind.AMBIGUOUS, None, all_ids, "多个乡镇有同名村，需填写乡镇")
        if tkey not in self._townships:
            return NameMatch(MatchKind.AMBIGUOUS, None, all_ids, "乡镇名不在名录中，需确认")
        in_township = [entry for entry in candidates if township_key(entry.township) == tkey]
        if not in_township:
            return NameMatch(MatchKind.AMBIGUOUS, None, all_ids, "该乡镇下无此村，他乡镇有同名村")
        if len(in_township) == 1:
            return NameMatch(MatchKind.MATCHED, in_township[0].id, (), "乡镇、村名一致")
        cleaned = clean_name(village)
        exact = [entry for entry in in_township if clean_name(entry.village) == cleaned]
        if len(exact) == 1:
            return NameMatch(MatchKind.MATCHED, exact[0].id, (), "乡镇、村名完全一致")
        return NameMatch(
            MatchKind.AMBIGUOUS,
            None,
            tuple(entry.id for entry in in_township),
            "同一乡镇内有多个同名村",
        )
