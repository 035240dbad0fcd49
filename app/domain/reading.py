"""The reading of a problem's text: what it is about, who did what, where, and how much.

The knowledge lives in the lexicon files of :mod:`app.domain.lexicon` (one readable format, see
its README.txt); this module only parses them and applies them. A text is cut into words by a
segmenter handed in from outside (the services load jieba with the lexicon as its domain
dictionary, off the GUI thread); without one, :func:`lexicon_segmenter` cuts by the lexicon alone
(longest match), which is good enough for a quick guess while the full reading loads.

From each text the reading extracts:

- objects and facilities (水渠, 路灯), each in a field (灌溉排水, 用电) with its sub-category and
  responsible unit; a generic word (自来水, 用电) stands for its field;
- defects (渗漏, 损坏, 停供 …);
- actors and their role (会计 → 村干部), kin and favour (小舅子), benefits (低保, 工程, 鱼塘);
- money words and amounts (三万 → 30000, 8千元 → 8000);
- places: village groups (一组, 3组) and spots (村口, 河边); named persons (王某, 老李);
- governance signals (三会一课, 村务公开 …) by sub-category;
- wrong acts: from their words (贪污, 挪用), from gapped phrases (死了~还在领) and from patterns
  (发票写三万，实际只用了八千), each counted only when what it needs was also read (an act that
  ``needs=money`` is a clue only if the text speaks of money).

Pure: no Qt, no SQL; the only file read is the packaged lexicon, through importlib.resources.
"""

from __future__ import annotations

import dataclasses
import re
import threading
import unicodedata
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from importlib import resources

from app.domain.vocabulary import ReceivingBody, Subcategory

Segmenter = Callable[[str], Sequence[str]]

LEXICON_FILES = (
    "objects.txt",
    "defects.txt",
    "actors.txt",
    "kin.txt",
    "benefits.txt",
    "money.txt",
    "acts.txt",
    "governance.txt",
    "places.txt",
    "patterns.txt",
    "stopwords.txt",
)
KINDS = frozenset(
    {
        "field",
        "defect",
        "actor",
        "kin",
        "benefit",
        "money",
        "act",
        "gov",
        "place",
        "pattern",
        "stop",
    }
)
_BODIES = {"discipline": ReceivingBody.DISCIPLINE_COMMISSION, "police": ReceivingBody.POLICE}
_SENTENCE_END = "。！？；!?;\n"
_GAP = 12  # characters a gapped phrase may span


class LexiconError(ValueError):
    """A lexicon file that cannot be read; the message names the file and line."""


# -- the lexicon ---------------------------------------------------------------------------------
@dataclass(frozen=True, slots=True)
class FieldInfo:
    """A field of village life (饮水, 灌溉排水 …): its sub-category and responsible unit."""

    name: str
    subcategory: Subcategory
    unit: str
    order: int
    part: bool = False
    """Parts of buildings (屋顶, 围墙): the owner named beside them decides (学校的屋顶 → 教育)."""


@dataclass(frozen=True, slots=True)
class Concept:
    """One line of a lexicon file: a concept (its first word) in a section of some kind."""

    kind: str
    name: str
    attrs: tuple[tuple[str, str], ...] = ()
    generic: bool = False
    field: FieldInfo | None = None
    order: int = 0

    def attr(self, key: str, default: str = "") -> str:
        for k, v in self.attrs:
            if k == key:
                return v
        return default

    @property
    def needs(self) -> tuple[frozenset[str], ...]:
        """What must also be read: each group is a set of alternatives (all groups needed)."""
        text = self.attr("needs")
        if not text:
            return ()
        return tuple(frozenset(g.split("|")) for g in text.split(","))

    @property
    def strong(self) -> bool:
        return self.attr("strength") == "strong"


_AMOUNT_CORE = (
    r"(?:\d+(?:\.\d+)?(?:多|来|余)?(?:万元|万块|万|千元|千块|千|百元|百块|元|块钱|块|毛钱)"
    r"|[零一二两三四五六七八九十百千万几半]+(?:多|来|余)?(?:万元|万块|万|千元|千块|千|百元|百块|元|块钱|块|毛钱)"
    r"|[一二两三四五六七八九十]+[百千万][零一二两三四五六七八九]?)"
)
AMOUNT_RE = re.compile(_AMOUNT_CORE)


@dataclass(frozen=True)
class Lexicon:
    """The parsed lexicon: surface word → concepts, gapped phrases, patterns, fields."""

    words: Mapping[str, tuple[Concept, ...]]
    gapped: tuple[tuple[str, re.Pattern[str], Concept], ...]
    """(head word, pattern, concept): the pattern only runs when the head is in the text."""
    patterns: tuple[tuple[re.Pattern[str], Concept], ...]
    fields: Mapping[str, FieldInfo]
    stopwords: frozenset[str]
    rules: tuple[Concept, ...] = ()
    """Acts with no words: read when their ``needs`` alone are met (村干部 + 亲属 + 待遇)."""
    longest: int = 1

    def dictionary_words(self) -> list[str]:
        """Words of two or more characters, for a segmenter's user dictionary."""
        return sorted(w for w in self.words if len(w) >= 2)


def _parse_header(text: str, where: str) -> tuple[str, str, dict[str, str], set[str]]:
    parts = text.split()
    if not parts or parts[0] not in KINDS:
        raise LexiconError(f"{where}：未知的词库类别 [{text}]")
    kind, name, attrs, flags = parts[0], "", {}, set()
    for part in parts[1:]:
        if "=" in part:
            key, _, value = part.partition("=")
            attrs[key] = value
        elif not name and kind in ("field", "act", "pattern"):
            name = part
        else:
            flags.add(part)
    if kind in ("field", "pattern") and not name:
        raise LexiconError(f"{where}：[{kind}] 须写名字")
    return kind, name, attrs, flags


_Section = tuple[str, str, dict[str, str], set[str]]


def _field_info(section: _Section, where: str, order: int) -> FieldInfo:
    """The field a ``[field …]`` header opens (its subcategory checked)."""
    sub_code = section[2].get("sub", "livelihood_other")
    try:
        sub = Subcategory(sub_code)
    except ValueError as exc:
        raise LexiconError(f"{where}：未知的小类 {sub_code}") from exc
    return FieldInfo(section[1], sub, section[2].get("unit", ""), order, "part" in section[3])


def _add_wordless_act(
    rules: list[Concept], section: _Section | None, section_lines: int, order: int
) -> None:
    """An ``[act …]`` section that ended with no words is a rule (read by its needs alone)."""
    if section is not None and section[0] == "act" and section_lines == 0:
        rules.append(_concept(section, section[1], False, None, order))


def _entry_field(
    section: _Section, field_info: FieldInfo | None, fields: Mapping[str, FieldInfo], where: str
) -> FieldInfo | None:
    """The field of an entry: its section's, or the one a defect section names (field=…)."""
    if section[0] == "defect" and "field" in section[2]:
        info = fields.get(section[2]["field"])
        if info is None:
            raise LexiconError(f"{where}：未知的领域 {section[2]['field']}")
        return info
    return field_info


def _add_items(
    items: list[str],
    concept: Concept,
    words: dict[str, list[Concept]],
    gapped: list[tuple[str, re.Pattern[str], Concept]],
) -> None:
    """Plain words into ``words``; gapped phrases (head~tail) into ``gapped``."""
    for item in items:
        if "~" in item:
            head, _, tail = item.partition("~")
            gap = f"[^{_SENTENCE_END}]{{0,{_GAP}}}?"
            pattern = re.compile(re.escape(head) + gap + re.escape(tail))
            gapped.append((head, pattern, concept))
            continue
        bucket = words.setdefault(item, [])
        if concept not in bucket:
            bucket.append(concept)


def _compile_patterns(
    raw_patterns: list[tuple[str, Concept, str]], words: Mapping[str, list[Concept]]
) -> list[tuple[re.Pattern[str], Concept]]:
    """The patterns with {N} and {KIN} expanded, each naming an act of acts.txt."""
    kin_words = sorted(
        (w for w, cs in words.items() if any(c.kind == "kin" for c in cs)), key=len, reverse=True
    )
    kin_alternation = "(?:" + "|".join(map(re.escape, kin_words)) + ")" if kin_words else "(?!)"
    patterns: list[tuple[re.Pattern[str], Concept]] = []
    for source, concept, where in raw_patterns:
        expanded = source.replace("{N}", _AMOUNT_CORE).replace("{KIN}", kin_alternation)
        try:
            patterns.append((re.compile(expanded), concept))
        except re.error as exc:
            raise LexiconError(f"{where}：正则表达式有误（{exc.msg}）") from exc
    acts = {c.name for bucket in words.values() for c in bucket if c.kind == "act"}
    for _, concept in patterns:
        if concept.name not in acts:
            raise LexiconError(f"patterns.txt：行为“{concept.name}”不在 acts.txt 中")
    return patterns


def parse_lexicon(files: Mapping[str, str]) -> Lexicon:
    """Parse lexicon files (name → text). Raises :class:`LexiconError` on a malformed line."""
    words: dict[str, list[Concept]] = {}
    gapped: list[tuple[str, re.Pattern[str], Concept]] = []
    raw_patterns: list[tuple[str, Concept, str]] = []
    fields: dict[str, FieldInfo] = {}
    stop: set[str] = set()
    rules: list[Concept] = []
    order = 0
    for file_name, text in files.items():
        section: _Section | None = None
        field_info: FieldInfo | None = None
        section_lines = 0
        for number, line in enumerate(text.splitlines(), start=1):
            where = f"{file_name} 第{number}行"
            content = line.split("#", 1)[0].strip()
            if not content:
                continue
            if content.startswith("["):
                _add_wordless_act(rules, section, section_lines, order)
                if not content.endswith("]"):
                    raise LexiconError(f"{where}：节标题缺少 ]")
                section = _parse_header(content[1:-1], where)
                section_lines = 0
                order += 1
                field_info = None
                if section[0] == "field":
                    field_info = _field_info(section, where, order)
                    fields[section[1]] = field_info
                continue
            if section is None:
                raise LexiconError(f"{where}：词条须在节标题之后")
            section_lines += 1
            kind = section[0]
            if kind == "pattern":
                raw_patterns.append(
                    (content, _concept(section, section[1], False, None, order), where)
                )
                continue
            generic = content.startswith("~")
            items = content.lstrip("~").split()
            if not items:
                continue
            if kind == "stop":
                stop.update(items)
                continue
            name = section[1] if kind == "act" else items[0]
            info = _entry_field(section, field_info, fields, where)
            concept = _concept(section, name, generic, info, order)
            _add_items(items, concept, words, gapped)
        _add_wordless_act(rules, section, section_lines, order)
    patterns = _compile_patterns(raw_patterns, words)
    frozen = {w: tuple(cs) for w, cs in words.items()}
    return Lexicon(
        words=frozen,
        gapped=tuple(gapped),
        patterns=tuple(patterns),
        fields=fields,
        stopwords=frozenset(stop),
        rules=tuple(rules),
        longest=max((len(w) for w in frozen), default=1),
    )


def _concept(
    section: tuple[str, str, dict[str, str], set[str]],
    name: str,
    generic: bool,
    field_info: FieldInfo | None,
    order: int,
) -> Concept:
    kind, _, attrs, flags = section
    attrs = {**attrs, **{flag: "1" for flag in flags}}
    if kind == "field":
        kind = "object"
    if kind == "pattern":
        kind = "act"
    return Concept(kind, name, tuple(sorted(attrs.items())), generic, field_info, order)


def shipped_lexicon_texts() -> dict[str, str]:
    """The texts of the packaged lexicon files."""
    base = resources.files("app.domain.lexicon")
    return {name: (base / name).read_text(encoding="utf-8") for name in LEXICON_FILES}


# -- normalising, amounts, places ----------------------------------------------------------------
def normalise(text: str) -> str:
    """NFKC (full-width → half-width) and no white space; Chinese punctuation kept."""
    folded = unicodedata.normalize("NFKC", text)
    folded = folded.replace(",", "，").replace(";", "；").replace("!", "！").replace("?", "？")
    return "".join(folded.split())


_DIGITS = {"零": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7,
           "八": 8, "九": 9}  # fmt: skip
_UNITS = {"十": 10, "百": 100, "千": 1000}


def chinese_number(text: str) -> int | None:
    """一万二 → 12000, 三千五 → 3500, 两万 → 20000, 十五 → 15; None when not a number."""
    if not text or any(ch not in _DIGITS and ch not in _UNITS and ch not in "万亿" for ch in text):
        return None
    total, section, digit, last_unit, zero = 0, 0, 0, 1, False
    for ch in text:
        if ch in _DIGITS:
            digit = _DIGITS[ch]
            zero = zero or ch == "零"
        elif ch in _UNITS:
            unit = _UNITS[ch]
            section += (digit or 1) * unit
            digit, last_unit, zero = 0, unit, False
        else:  # 万 / 亿
            big = 10_000 if ch == "万" else 100_000_000
            total += (section + digit) * big
            section, digit, last_unit, zero = 0, 0, big, False
    if digit:  # 一万二: the trailing digit is one unit below the last one (not after 零)
        section += digit * (last_unit // 10 if last_unit >= 10 and not zero else 1)
    return total + section


_UNIT_VALUE = {"万元": 10_000, "万块": 10_000, "万": 10_000, "千元": 1000, "千块": 1000,
               "千": 1000, "百元": 100, "百块": 100, "元": 1, "块钱": 1, "块": 1,
               "毛钱": 0}  # fmt: skip


def parse_amount(text: str) -> int | None:
    """The value in yuan of one amount as :data:`AMOUNT_RE` finds it (None if vague: 几万)."""
    text = re.sub(r"(多|来|余)", "", text)
    if "几" in text or "半" in text:
        return None
    for unit in sorted(_UNIT_VALUE, key=len, reverse=True):
        if text.endswith(unit):
            number, scale = text[: -len(unit)], _UNIT_VALUE[unit]
            break
    else:
        number, scale = text, 1
    if not number:
        return None
    if re.fullmatch(r"\d+(?:\.\d+)?", number):
        return round(float(number) * scale)
    value = chinese_number(number)
    return None if value is None else value * scale


_GROUP_RE = re.compile(
    r"(?<![A-Za-z\d])第?([一二三四五六七八九十\d]{1,3})(?:村民)?小?(组|队)(?!长)"
)
_SURNAMES = (
    "王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董萧程曹袁邓许傅沈曾彭吕苏卢蒋蔡"
    "贾丁魏薛叶阎余潘杜戴夏钟汪田任姜范方石姚谭廖邹熊金陆郝孔崔康毛邱秦江史顾侯邵孟龙段雷钱汤"
    "尹黎易常武乔贺赖龚"
)
_NAME_RE = re.compile(
    rf"([{_SURNAMES}])(?:某某|某|\*+)"
    rf"|(?<![\u4e00-\u9fff])[老小]([{_SURNAMES}])(?=$|[^\u4e00-\u9fff]|[说家的是在把给和跟让也都就又还])"
    rf"|([{_SURNAMES}])(?:书记|支书|主任|村长|会计|组长|队长|老板|站长|所长)"
)


def _group_value(token: str) -> str:
    value = int(token) if token.isdigit() else chinese_number(token)
    return f"{value}"


# -- the reading -----------------------------------------------------------------------------------
@dataclass(frozen=True, slots=True)
class Mention:
    """A lexicon word found in the text: its concept and where it starts."""

    word: str
    concept: Concept
    pos: int

    @property
    def name(self) -> str:
        return self.concept.name


@dataclass(frozen=True, slots=True)
class ActRead:
    """A wrong act read from the text, with the words (or pattern) that told it."""

    name: str
    words: tuple[str, ...]
    body: ReceivingBody
    pos: int
    by_pattern: bool = False


@dataclass(frozen=True)
class Reading:
    """What one problem's text says (see the module docstring)."""

    text: str
    tokens: tuple[str, ...]
    objects: tuple[Mention, ...] = ()
    defects: tuple[Mention, ...] = ()
    actors: tuple[Mention, ...] = ()
    kin: tuple[Mention, ...] = ()
    benefits: tuple[Mention, ...] = ()
    money: tuple[Mention, ...] = ()
    govs: tuple[Mention, ...] = ()
    spots: tuple[Mention, ...] = ()
    acts: tuple[ActRead, ...] = ()
    amounts: tuple[int, ...] = ()
    amount_words: tuple[str, ...] = ()
    groups: tuple[str, ...] = ()
    names: tuple[str, ...] = ()
    content_words: tuple[str, ...] = field(default=())

    # -- derived views --
    @property
    def fields(self) -> tuple[FieldInfo, ...]:
        seen: dict[str, FieldInfo] = {}
        for m in self.objects:
            if m.concept.field is not None:
                seen.setdefault(m.concept.field.name, m.concept.field)
        return tuple(seen.values())

    @property
    def main_object(self) -> Mention | None:
        """The object the text is about: a specific object before a generic one, then the one
        nearest to a defect, then the first (fields earlier in objects.txt win ties)."""
        if not self.objects:
            return None
        defect_pos = [d.pos for d in self.defects]

        owners = any(
            m.concept.field is not None and not m.concept.field.part and not m.concept.generic
            for m in self.objects
        )

        def key(m: Mention) -> tuple[int, int, int, int]:
            near = min((abs(m.pos - p) for p in defect_pos), default=0)
            part = 1 if owners and m.concept.field is not None and m.concept.field.part else 0
            return (part, 1 if m.concept.generic else 0, near, m.pos)

        return min(self.objects, key=key)

    @property
    def roles(self) -> frozenset[str]:
        return frozenset(m.concept.attr("role") for m in self.actors)

    @property
    def places(self) -> tuple[str, ...]:
        return (*(f"{g}" for g in self.groups), *dict.fromkeys(m.name for m in self.spots))

    @property
    def persons(self) -> frozenset[str]:
        """Named persons and specific roles (书记, 会计), not generic ones (村干部)."""
        roles = {m.name for m in self.actors if not m.concept.generic}
        return frozenset(roles | set(self.names))


def lexicon_segmenter(lexicon: Lexicon) -> Segmenter:
    """Cut by the lexicon alone: longest lexicon word at each position, else one character."""
    words = lexicon.words
    longest = min(lexicon.longest, 8)

    def cut(text: str) -> list[str]:
        out: list[str] = []
        i, n = 0, len(text)
        while i < n:
            for size in range(min(longest, n - i), 1, -1):
                if text[i : i + size] in words:
                    out.append(text[i : i + size])
                    i += size
                    break
            else:
                out.append(text[i])
                i += 1
        return out

    return cut


_BUILD_VERBS = "修建挖打盖铺通架装换"
_MONEY_RE = re.compile(r"(?<![浪白免])(费|款|钱)(?![劲事力式])")
_MONEY = Concept("money", "钱款")


class Reader:
    """Reads texts with a lexicon and a segmenter (thread-safe: it keeps no state per text)."""

    def __init__(
        self, lexicon: Lexicon, segmenter: Segmenter | None = None, name: str = ""
    ) -> None:
        self.lexicon = lexicon
        self.segment = segmenter or lexicon_segmenter(lexicon)
        self.name = name or ("jieba" if segmenter is not None else "lexicon")

    def read(self, text: str) -> Reading:
        norm = normalise(text)
        tokens = [t for t in self.segment(norm) if t.strip()]
        mentions = self._mentions(norm, tokens)
        by_kind: dict[str, list[Mention]] = {}
        for m in mentions:
            by_kind.setdefault(m.concept.kind, []).append(m)
        amount_words, amounts = [], []
        for match in AMOUNT_RE.finditer(norm):
            value = parse_amount(match.group(0))
            amount_words.append(match.group(0))
            if value:
                amounts.append(value)
        groups = tuple(
            dict.fromkeys(_group_value(m.group(1)) + m.group(2) for m in _GROUP_RE.finditer(norm))
        )
        names = tuple(dict.fromkeys(_name_of(m) for m in _NAME_RE.finditer(norm)))
        partial = Reading(
            text=norm,
            tokens=tuple(tokens),
            objects=tuple(by_kind.get("object", ())),
            defects=tuple(by_kind.get("defect", ())),
            actors=tuple(by_kind.get("actor", ())),
            kin=tuple(by_kind.get("kin", ())),
            benefits=tuple(by_kind.get("benefit", ())),
            money=tuple(by_kind.get("money", ())),
            govs=tuple(by_kind.get("gov", ())),
            spots=tuple(by_kind.get("place", ())),
            amounts=tuple(amounts),
            amount_words=tuple(amount_words),
            groups=groups,
            names=names,
        )
        acts = self._acts(norm, by_kind.get("act", []), partial)
        stop = self.lexicon.stopwords
        content = tuple(
            t for t in tokens if len(t) >= 2 and t not in stop and not _is_punct_or_digit(t)
        )
        return dataclasses.replace(partial, acts=acts, content_words=content)

    # -- internals --
    def _mentions(self, norm: str, tokens: Sequence[str]) -> list[Mention]:
        words = self.lexicon.words
        out: list[Mention] = []
        pos = 0
        for token in tokens:
            at = norm.find(token, pos)
            if at < 0:
                at = pos
            pos = at + len(token)
            whole = token in words
            kinds: set[str] = set()
            if whole:
                out.extend(Mention(token, c, at) for c in words[token])
                kinds = {c.kind for c in words[token]}
            if len(token) == 2 and not whole and token[0] in _BUILD_VERBS and token[1] in words:
                # 修路, 修渠, 打井, 架桥: the object after a verb of building
                out.extend(
                    Mention(token[1], c, at + 1) for c in words[token[1]] if c.kind == "object"
                )
            if len(token) < 3:
                continue
            # a compound kept whole (自来水管子, 电压低): its lexicon parts, longest first
            i = 0
            while i < len(token) - 1:
                for size in range(len(token) - i - (1 if whole and i == 0 else 0), 1, -1):
                    part = token[i : i + size]
                    if part in words:
                        # 电压低 (a defect) also names 电压; 小舅子 (kin) is not also 舅子
                        out.extend(
                            Mention(part, c, at + i) for c in words[part] if c.kind not in kinds
                        )
                        i += size
                        break
                else:
                    i += 1
        if not any(m.concept.kind == "money" for m in out):
            match = _MONEY_RE.search(norm)  # 保洁费, 入户费, 集资款: money without a money word
            if match is not None:
                start = max(0, match.start() - 2)
                out.append(Mention(norm[start : match.end()], _MONEY, match.start()))
        for head, pattern, concept in self.lexicon.gapped:
            if head not in norm:
                continue
            for match in pattern.finditer(norm):
                out.append(Mention(match.group(0), concept, match.start()))
        return out

    def _acts(self, norm: str, mentions: list[Mention], partial: Reading) -> tuple[ActRead, ...]:
        found: dict[str, ActRead] = {}

        def add(concept: Concept, word: str, pos: int, by_pattern: bool) -> None:
            if not (concept.strong or _needs_met(concept, partial)):
                return
            body = _BODIES.get(
                concept.attr("body", "discipline"), ReceivingBody.DISCIPLINE_COMMISSION
            )
            prior = found.get(concept.name)
            if prior is None:
                found[concept.name] = ActRead(concept.name, (word,), body, pos, by_pattern)
            elif word not in prior.words:
                found[concept.name] = ActRead(
                    prior.name, (*prior.words, word), prior.body, prior.pos, prior.by_pattern
                )

        for m in mentions:
            add(m.concept, m.word, m.pos, False)
        for pattern, concept in self.lexicon.patterns:
            match = pattern.search(norm)
            if match is not None:
                add(concept, match.group(0), match.start(), True)
        for concept in self.lexicon.rules:
            if _needs_met(concept, partial):
                add(concept, "", len(norm), False)
        return tuple(sorted(found.values(), key=lambda a: a.pos))


def _name_of(match: re.Match[str]) -> str:
    if match.group(1):
        return f"{match.group(1)}某"
    if match.group(2):
        return f"{match.group(2)}某"
    return f"{match.group(3)}某"


def _is_punct_or_digit(token: str) -> bool:
    return all(unicodedata.category(ch)[0] in "PNSZ" for ch in token)


def _has(need: str, r: Reading) -> bool:
    if need == "money":
        return bool(r.money or r.amounts)
    if need == "benefit":
        return bool(r.benefits)
    if need == "actor":
        return bool(r.actors or r.names)
    if need == "cadre":
        return bool(r.roles & {"cadre", "official"})
    if need == "kin":
        return bool(r.kin)
    if need == "boss":
        return "boss" in r.roles
    if need == "poorwork":
        return any(d.name in ("质量差", "未完工") for d in r.defects)
    return False


def _needs_met(concept: Concept, r: Reading) -> bool:
    needs = concept.needs
    return bool(needs) and all(any(_has(n, r) for n in group) for group in needs)


# -- the shared reader -----------------------------------------------------------------------------
_lock = threading.Lock()
_lexicon: Lexicon | None = None
_full: Reader | None = None


def shipped_lexicon() -> Lexicon:
    """The packaged lexicon, parsed once."""
    global _lexicon
    with _lock:
        if _lexicon is None:
            _lexicon = parse_lexicon(shipped_lexicon_texts())
        return _lexicon


def install_reader(reader: Reader | None) -> None:
    """Make ``reader`` the one :func:`current_reader` returns (None: the lexicon-only one)."""
    global _full
    with _lock:
        _full = reader


def full_reader_loaded() -> bool:
    return _full is not None


_quick: Reader | None = None


def current_reader() -> Reader:
    """The full reader once installed; until then one that cuts by the lexicon alone."""
    global _quick
    if _full is not None:
        return _full
    if _quick is None:
        _quick = Reader(shipped_lexicon())
    return _quick


def read(text: str) -> Reading:
    """Read ``text`` with :func:`current_reader`."""
    return current_reader().read(text)


def read_all(texts: Iterable[str]) -> list[Reading]:
    reader = current_reader()
    return [reader.read(t) for t in texts]
