"""The evening reading on the labelled set of our own (run on demand; prints, asserts nothing):

    .venv/bin/pytest tests/bench/bench_suggest.py -s -p no:cacheprovider

Prints, for the tuning rows and the held-out third separately (rule: number divisible by 3,
see the data files' headers): track accuracy overall and per track, the confusion matrix, the
hidden clues right out of all, category and sub-category accuracy, and merge precision and
recall on the pairs. Wrong rows are listed for the tuning part only: the held-out part is never
looked at for tuning. Then timings: loading the reading, 200 suggestions, merge candidates among
200 problems. Targets: ≥ 90 % tracks right on unseen text, every hidden clue right, every pair
right; 200 suggestions ≤ 200 ms, candidates among 200 ≤ 200 ms, loading ≤ 1.5 s.
"""

from __future__ import annotations

import os
import time
from collections import Counter

import pytest

from app.domain.classify import suggest
from app.domain.merge import compare, merge_groups
from app.services.reading import last_load, load_reader
from tests.labelled import Complaint, Pair, complaints, pairs

pytestmark = pytest.mark.bench
TRACKS = ("立行立改", "直查快办", "对账销号", "待核实")
SHOW_WRONG = os.environ.get("BENCH_SHOW_WRONG", "1") == "1"


def _report_tracks(title: str, rows: list[Complaint], show: bool) -> None:
    reader = load_reader()
    confusion: Counter[tuple[str, str]] = Counter()
    hidden_right = hidden = cat_right = sub_right = 0
    wrong: list[str] = []
    for c in rows:
        s = suggest(reader.read(c.text))
        got = s.track.label
        confusion[(c.track, got)] += 1
        cat = s.category.label if s.category else ""
        sub = s.subcategory.label if s.subcategory else ""
        cat_right += cat == c.category
        sub_right += (cat, sub) == (c.category, c.subcategory)
        if c.hidden_clue:
            hidden += 1
            hidden_right += got == c.track
        if got != c.track and show:
            wrong.append(f"  #{c.number} {c.track}→{got}  {c.text[:60]}\n      {s.reason_zh}")
    total = len(rows)
    right = sum(n for (want, got), n in confusion.items() if want == got)
    print(f"\n== {title}: {total} complaints")
    print(f"track accuracy {right}/{total} = {right / total:.1%}")
    for t in TRACKS:
        n = sum(v for (want, _), v in confusion.items() if want == t)
        if n:
            print(f"  {t}: {confusion[(t, t)]}/{n} = {confusion[(t, t)] / n:.1%}")
    print("confusion (rows: labelled, columns: suggested)")
    print("          " + "".join(f"{t:>8}" for t in TRACKS))
    for t in TRACKS:
        print(f"  {t:<6}" + "".join(f"{confusion[(t, g)]:>10}" for g in TRACKS))
    print(f"hidden clues right {hidden_right}/{hidden}")
    print(
        f"category right {cat_right}/{total} = {cat_right / total:.1%}; "
        f"category+sub-category right {sub_right}/{total} = {sub_right / total:.1%}"
    )
    for line in wrong:
        print(line)


def _report_pairs(title: str, rows: list[Pair], show: bool) -> None:
    reader = load_reader()
    tp = fp = fn = tn = 0
    by_kind: Counter[str] = Counter()
    kind_right: Counter[str] = Counter()
    wrong: list[str] = []
    for p in rows:
        result = compare(reader.read(p.a), reader.read(p.b))
        by_kind[p.kind] += 1
        kind_right[p.kind] += result.same == p.same
        if result.same and p.same:
            tp += 1
        elif result.same:
            fp += 1
        elif p.same:
            fn += 1
        else:
            tn += 1
        if result.same != p.same and show:
            wrong.append(
                f"  #{p.number} {p.kind} want {p.same}: {p.a} | {p.b}\n      {result.reason}"
            )
    precision = tp / (tp + fp) if tp + fp else 1.0
    recall = tp / (tp + fn) if tp + fn else 1.0
    print(f"\n== {title}: {len(rows)} pairs ({tp + fn} same, {fp + tn} look-alike)")
    print(
        f"merge precision {precision:.1%} ({tp}/{tp + fp}), recall {recall:.1%} ({tp}/{tp + fn}); "
        f"look-alikes kept apart {tn}/{fp + tn}"
    )
    print("  by kind: " + ", ".join(f"{k} {kind_right[k]}/{n}" for k, n in by_kind.items()))
    for line in wrong:
        print(line)


def test_accuracy_and_merge() -> None:
    rows = complaints()
    _report_tracks("tuning rows", [c for c in rows if not c.held_out], SHOW_WRONG)
    _report_tracks("HELD-OUT third (never tuned on)", [c for c in rows if c.held_out], False)
    _report_tracks("all", rows, False)
    prs = pairs()
    _report_pairs("tuning pairs", [p for p in prs if not p.held_out], SHOW_WRONG)
    _report_pairs("HELD-OUT pairs (never tuned on)", [p for p in prs if p.held_out], False)


def _clock() -> tuple[float, float]:
    return time.perf_counter(), time.process_time()


def _since(start: tuple[float, float]) -> str:
    wall, cpu = time.perf_counter() - start[0], time.process_time() - start[1]
    return f"{wall * 1000:.0f} ms (CPU {cpu * 1000:.0f} ms)"


def test_timings() -> None:
    print(f"\nmachine load average (1 min): {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")
    load_reader()
    info = last_load()
    assert info is not None
    print(
        f"loading the reading ({info.segmenter}, {info.dictionary_words} words), once per "
        f"process, off the GUI thread: {info.seconds * 1000:.0f} ms "
        f"(CPU {info.cpu_seconds * 1000:.0f} ms)"
    )
    reader = load_reader()
    texts = [c.text for c in complaints()][:200]
    start = _clock()
    readings = [reader.read(t) for t in texts]
    suggestions = [suggest(r) for r in readings]
    print(f"200 suggestions (reading + suggesting, first time for each text): {_since(start)}")
    assert len(suggestions) == 200
    prs = pairs()
    texts = [t for p in prs for t in (p.a, p.b)][:200]
    items = [(str(i), reader.read(t)) for i, t in enumerate(texts)]
    start = _clock()
    groups = merge_groups(items)
    print(
        f"merge candidates among 200 problems of one village (readings already made for the "
        f"suggestions): {_since(start)}, {len(groups)} groups"
    )
