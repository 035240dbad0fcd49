"""Near-duplicate problems: the same problem told by several voices.

Texts are compared by the Sørensen–Dice coefficient of their character bigram sets,
``2·|A ∩ B| / (|A| + |B|)``, after normalisation (NFKC, lower case, only letters and digits kept —
punctuation and spaces do not count). Dice rather than Jaccard (``|A ∩ B| / |A ∪ B|``) because
short Chinese texts told by different people differ by a few words that weigh heavily in Jaccard:
``村里自来水停了三天，没人管。`` and ``村里自来水已经停了三天了没人管`` have Jaccard 0.56 but
Dice 0.72. (Dice = 2J / (1 + J), so a Dice threshold of 0.6 is a Jaccard threshold of 0.43.)

Two problems whose similarity reaches the threshold are linked; a group is a connected set of
linked problems (single linkage, so A≈B and B≈C put A, B and C together even when A and C differ
more).

Deterministic: groups are ordered by their first member in input order, members keep input order.
Empty texts never group. For n problems the work is at most n·(n-1)/2 set comparisons, pruned by a
size test (Dice ≤ 2·min(|A|, |B|) / (|A| + |B|)); 200 problems take a few milliseconds.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass

DEFAULT_THRESHOLD = 0.6


def normalise_for_similarity(text: str) -> str:
    """NFKC, lower case, letters and digits only."""
    folded = unicodedata.normalize("NFKC", text).lower()
    return "".join(ch for ch in folded if unicodedata.category(ch)[0] in "LN")


def bigrams(text: str) -> frozenset[str]:
    """Character bigrams of the normalised ``text``; a one-character text is its own bigram."""
    norm = normalise_for_similarity(text)
    if len(norm) < 2:
        return frozenset({norm}) if norm else frozenset()
    return frozenset(norm[i : i + 2] for i in range(len(norm) - 1))


def dice(a: frozenset[str], b: frozenset[str]) -> float:
    """2·|a ∩ b| / (|a| + |b|); 0.0 when either is empty."""
    if not a or not b:
        return 0.0
    return 2 * len(a & b) / (len(a) + len(b))


def text_similarity(a: str, b: str) -> float:
    """The bigram Dice similarity of two texts (0.0 … 1.0)."""
    return dice(bigrams(a), bigrams(b))


@dataclass(frozen=True, slots=True)
class DuplicateGroup:
    """Ids of problems that look like the same problem; ``weakest_link`` is the lowest similarity
    among the links that joined the group (≥ the threshold)."""

    ids: tuple[str, ...]
    weakest_link: float


def group_near_duplicates(
    problems: Iterable[tuple[str, str]],
    threshold: float = DEFAULT_THRESHOLD,
) -> list[DuplicateGroup]:
    """Groups (of two or more) of near-identical problem texts among ``(id, text)`` pairs."""
    if not 0.0 < threshold <= 1.0:
        raise ValueError("相似度阈值须在 0 与 1 之间")
    items = [(pid, bigrams(text)) for pid, text in problems]
    parent = list(range(len(items)))
    weakest: dict[int, float] = {}

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for i, (_, grams_i) in enumerate(items):
        if not grams_i:
            continue
        size_i = len(grams_i)
        for j in range(i + 1, len(items)):
            grams_j = items[j][1]
            size_j = len(grams_j)
            if not grams_j or 2 * min(size_i, size_j) < threshold * (size_i + size_j):
                continue
            score = dice(grams_i, grams_j)
            if score < threshold:
                continue
            root_i, root_j = find(i), find(j)
            if root_i == root_j:
                continue
            # The smaller index stays the root, so a root is always its group's first member.
            root, child = min(root_i, root_j), max(root_i, root_j)
            parent[child] = root
            weakest[root] = min(score, weakest.get(root, 1.0), weakest.pop(child, 1.0))

    members: dict[int, list[int]] = {}
    for index in range(len(items)):
        members.setdefault(find(index), []).append(index)
    # Roots are met in input order of their first member (the root is the smallest index).
    return [
        DuplicateGroup(tuple(items[i][0] for i in indices), round(weakest.get(root, 1.0), 4))
        for root, indices in members.items()
        if len(indices) > 1
    ]
