"""Learning from the team's own decisions: a small naive Bayes model over the reading and words.

Each signed-off day's decisions (kept or changed suggestions) become lessons: the features of a
problem's reading (its objects, fields, defects, roles, benefits, acts, governance matters and
content words) and the decision the team took (track, category, sub-category). The model is a
multinomial naive Bayes classifier with add-one smoothing, trained from all lessons when the
board loads (a few thousand lessons train in milliseconds, so nothing but the lessons is stored).

It moves the shipped suggestion only with enough evidence:

- the model's most probable decision differs from the shipped one, with posterior ≥
  :data:`MIN_POSTERIOR`;
- at least :data:`MIN_EVIDENCE` earlier decisions of that kind share the text's strongest
  feature for it, and they outnumber the earlier decisions that share it but went otherwise
  by :data:`MIN_MARGIN` to one;
- never a clue towards a notice: when the reading holds a clue signal, a suggestion of 直查快办
  is never moved to 立行立改.

The reason says so in words: "本组此前 6 次将类似问题归为对账销号（一般性问题·其他一般性问题）；
依据“广播”“喇叭”；原建议：…". With no lessons the model is empty and the shipped suggestion
stands exactly as it is.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace

from app.domain.classify import Suggestion
from app.domain.reading import Reading
from app.domain.vocabulary import ProblemCategory, Subcategory, Track

__all__ = [
    "MIN_EVIDENCE",
    "MIN_MARGIN",
    "MIN_POSTERIOR",
    "Decided",
    "Lesson",
    "TeamModel",
    "features",
]

MIN_EVIDENCE = 3
"""Earlier decisions of the same kind, sharing the deciding feature, needed to move a suggestion."""
MIN_MARGIN = 3
"""They must outnumber the earlier decisions sharing that feature that went otherwise, N to 1."""
MIN_POSTERIOR = 0.8


@dataclass(frozen=True, slots=True)
class Decided:
    """A decision as the model learns it: track, category, sub-category."""

    track: Track
    category: ProblemCategory | None
    subcategory: Subcategory | None

    @property
    def label(self) -> str:
        kind = self.category.label if self.category is not None else "未分类"
        if self.subcategory is not None:
            kind += f"·{self.subcategory.label}"
        return f"{self.track.label}（{kind}）"


@dataclass(frozen=True, slots=True)
class Lesson:
    features: tuple[str, ...]
    decided: Decided


def features(r: Reading) -> tuple[str, ...]:
    """The model's features of a reading: concepts first (prefixed), then content words."""
    out: list[str] = []
    out += [f"对象:{m.name}" for m in r.objects]
    out += [f"领域:{f.name}" for f in r.fields]
    out += [f"毛病:{m.name}" for m in r.defects]
    out += [f"身份:{role}" for role in sorted(r.roles)]
    out += [f"待遇:{m.name}" for m in r.benefits]
    out += [f"行为:{a.name}" for a in r.acts]
    out += [f"事项:{m.name}" for m in r.govs]
    if r.kin:
        out.append("亲属")
    if r.money or r.amounts:
        out.append("钱款")
    out += [f"词:{w}" for w in r.content_words]
    return tuple(dict.fromkeys(out))


def _shown(feature: str) -> str:
    return feature.split(":", 1)[-1]


@dataclass
class TeamModel:
    """Naive Bayes over the lessons (see the module docstring). Empty: it never moves anything."""

    lessons: Sequence[Lesson] = ()
    _class_count: Counter[Decided] = field(default_factory=Counter, init=False, repr=False)
    _feature_count: dict[Decided, Counter[str]] = field(default_factory=dict, init=False)
    _total: dict[Decided, int] = field(default_factory=dict, init=False, repr=False)
    _vocabulary: set[str] = field(default_factory=set, init=False, repr=False)
    _with_feature: dict[str, Counter[Decided]] = field(default_factory=dict, init=False)

    def __post_init__(self) -> None:
        for lesson in self.lessons:
            self._learn(lesson)

    @classmethod
    def train(cls, lessons: Iterable[Lesson]) -> TeamModel:
        return cls(tuple(lessons))

    def _learn(self, lesson: Lesson) -> None:
        d = lesson.decided
        self._class_count[d] += 1
        counts = self._feature_count.setdefault(d, Counter())
        for f in lesson.features:
            counts[f] += 1
            self._vocabulary.add(f)
            self._with_feature.setdefault(f, Counter())[d] += 1
        self._total[d] = self._total.get(d, 0) + len(lesson.features)

    @property
    def size(self) -> int:
        return len(self.lessons)

    def posterior(self, feats: Sequence[str]) -> dict[Decided, float]:
        """P(decision | features) for each decision seen (empty model: empty dict)."""
        if not self._class_count:
            return {}
        n = sum(self._class_count.values())
        v = len(self._vocabulary) + 1
        known = [f for f in feats if f in self._vocabulary]
        scores: dict[Decided, float] = {}
        for d, count in self._class_count.items():
            counts, total = self._feature_count[d], self._total[d]
            score = math.log(count / n)
            for f in known:
                score += math.log((counts[f] + 1) / (total + v))
            scores[d] = score
        top = max(scores.values())
        weights = {d: math.exp(s - top) for d, s in scores.items()}
        norm = sum(weights.values())
        return {d: w / norm for d, w in weights.items()}

    def strongest(self, feats: Sequence[str], d: Decided, limit: int = 3) -> list[str]:
        """The text's features that speak most for ``d`` (log-likelihood ratio against the rest)."""
        counts, total = self._feature_count.get(d, Counter()), self._total.get(d, 0)
        other_total = sum(t for k, t in self._total.items() if k != d)
        v = len(self._vocabulary) + 1
        scored: list[tuple[float, str]] = []
        for f in dict.fromkeys(feats):
            if counts[f] == 0:
                continue
            others = sum(c[f] for k, c in self._feature_count.items() if k != d)
            ratio = math.log((counts[f] + 1) / (total + v)) - math.log(
                (others + 1) / (other_total + v)
            )
            scored.append((ratio, f))
        scored.sort(key=lambda x: (-x[0], x[1]))
        return [f for ratio, f in scored[:limit] if ratio > 0]

    def adjust(self, shipped: Suggestion, reading: Reading) -> Suggestion:
        """The suggestion after what the team has decided before (see the module docstring)."""
        if not self._class_count:
            return shipped
        feats = features(reading)
        post = self.posterior(feats)
        best = max(post, key=lambda d: (post[d], self._class_count[d]))
        base = Decided(shipped.track, shipped.category, shipped.subcategory)
        if best == base or post[best] < MIN_POSTERIOR:
            return shipped
        clue_signal = bool(reading.acts) or shipped.track is Track.FAST_INVESTIGATION
        if clue_signal and best.track is Track.FIX_NOW:
            return shipped  # never a clue towards a notice
        top = self.strongest(feats, best)
        if not top:
            return shipped
        with_top = self._with_feature.get(top[0], Counter())
        evidence = with_top[best]
        against = sum(n for d, n in with_top.items() if d != best)
        if evidence < MIN_EVIDENCE or evidence < MIN_MARGIN * against:
            return shipped
        why = "".join(f"“{_shown(f)}”" for f in top)
        reason = (
            f"本组此前 {evidence} 次将类似问题归为{best.label}；依据{why}"
            f"（原建议：{shipped.label}）"
        )
        category, sub = best.category, best.subcategory
        unit = shipped.responsible_unit if best.track is shipped.track else ""
        return replace(
            shipped,
            category=category,
            subcategory=sub,
            track=best.track,
            reason_zh=reason,
            receiving_body=shipped.receiving_body
            if best.track is Track.FAST_INVESTIGATION
            else None,
            responsible_unit=unit,
            learned=True,
        )
