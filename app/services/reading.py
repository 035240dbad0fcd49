"""Loading the evening reading: jieba with the domain lexicon as its dictionary.

Why jieba: it is the most used Chinese word segmenter for Python, pure Python (nothing to
compile, works the same on Windows and in the frozen build), fully offline (its dictionary ships
inside the package), MIT-licensed, and it takes a user dictionary, which is how the domain words
(小舅子, 虚报冒领, 水渠 …) are kept whole. Its last release is old, but the code is small and
stable and nothing in it reaches the network; the heavier segmenters (HanLP, LTP, pkuseg) need
model files fetched from the internet, which this program may not do.

Cost, and how it is kept off start-up: importing jieba takes about 0.25 s and building its prefix
dictionary from the full 350 000-word list about 1.7 s (its own cache file would go to the shared
temp folder). So nothing imports it at program start: :func:`load_reader` is called by the
services that need the reading (the wrap-up board, the suggest command), which run on the task
runner's worker thread, never the GUI thread. It builds the dictionary from jieba's words with a
frequency of at least :data:`MIN_FREQ` (about 80 000 words) plus every lexicon word, with no cache
file, in about 1 s. Until it is loaded, :func:`app.domain.reading.current_reader` cuts by the
lexicon alone (the field form's quick category guess uses that).
"""

from __future__ import annotations

import io
import logging
import threading
import time
import warnings
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from importlib import resources

from sqlmodel import col, select

from app.domain.classify import Suggestion, suggest
from app.domain.learning import Decided, Lesson, TeamModel, features
from app.domain.reading import (
    Reader,
    Reading,
    Segmenter,
    current_reader,
    full_reader_loaded,
    install_reader,
    shipped_lexicon,
)
from app.domain.vocabulary import Track
from app.storage.models import Problem, SuggestionLesson, utcnow
from app.storage.session import WorkspaceSession
from app.storage.workspace import Workspace

__all__ = [
    "MIN_FREQ",
    "LoadInfo",
    "forget_lesson",
    "last_load",
    "lesson_count",
    "load_reader",
    "record_lessons",
    "reset_learning",
    "suggestion_for",
    "team_model",
]

MIN_FREQ = 20
"""jieba's words rarer than this are left out (names, idioms); unknown words fall apart."""
DOMAIN_FREQ = 50_000
"""The frequency given to lexicon words, so that the segmenter keeps them whole."""

_lock = threading.Lock()


@dataclass(frozen=True)
class LoadInfo:
    segmenter: str
    seconds: float
    dictionary_words: int
    cpu_seconds: float = 0.0


_last: LoadInfo | None = None


def last_load() -> LoadInfo | None:
    """How the reading was loaded (None until it was)."""
    return _last


def load_reader() -> Reader:
    """The full reader, loaded once (blocking; call it off the GUI thread)."""
    global _last
    if full_reader_loaded():
        return current_reader()
    with _lock:
        if full_reader_loaded():
            return current_reader()
        started, cpu = time.perf_counter(), time.process_time()
        lexicon = shipped_lexicon()
        try:
            cut, size = _jieba_segmenter(lexicon.dictionary_words())
        except (
            ImportError,
            OSError,
        ):  # pragma: no cover - a broken install reads on by the lexicon
            reader = Reader(lexicon, name="lexicon")
            _last = LoadInfo(
                "lexicon",
                time.perf_counter() - started,
                len(lexicon.words),
                time.process_time() - cpu,
            )
        else:
            reader = Reader(lexicon, cut, name="jieba")
            _last = LoadInfo(
                "jieba", time.perf_counter() - started, size, time.process_time() - cpu
            )
        install_reader(reader)
        return reader


def _jieba_segmenter(domain_words: list[str]) -> tuple[Segmenter, int]:
    with warnings.catch_warnings():
        # jieba 0.42 imports pkg_resources when present, which warns on newer setuptools
        warnings.simplefilter("ignore")
        import jieba

    logging.getLogger("jieba").setLevel(logging.WARNING)
    jieba.setLogLevel(logging.WARNING)
    raw = (resources.files("jieba") / "dict.txt").read_bytes()
    keep: list[bytes] = []
    for line in raw.splitlines():
        parts = line.split(b" ", 2)
        if len(parts) >= 2 and parts[1].isdigit() and int(parts[1]) >= MIN_FREQ:
            keep.append(b"%s %s" % (parts[0], parts[1]))
    freq = str(DOMAIN_FREQ).encode()
    keep.extend(w.encode("utf-8") + b" " + freq for w in domain_words)
    tokenizer = jieba.Tokenizer()
    tokenizer.FREQ, tokenizer.total = tokenizer.gen_pfdict(io.BytesIO(b"\n".join(keep)))
    tokenizer.initialized = True

    def cut(text: str) -> list[str]:
        return list(tokenizer.lcut(text, HMM=False))

    return cut, len(keep)


# -- the team's learned model ------------------------------------------------------------------
def team_model(ws: Workspace) -> TeamModel:
    """The learned model of this workspace, trained from its lessons (empty in a fresh one)."""
    with ws.session() as s:
        rows = s.exec(select(SuggestionLesson)).all()
        lessons = [
            Lesson(
                tuple(f for f in row.features.splitlines() if f),
                Decided(row.track, row.category, row.subcategory),
            )
            for row in rows
        ]
    return TeamModel.train(lessons)


def suggestion_for(reading: Reading, model: TeamModel | None = None) -> Suggestion:
    """The shipped suggestion, moved by the team's model when it has the evidence."""
    shipped = suggest(reading)
    return model.adjust(shipped, reading) if model is not None else shipped


def record_lessons(s: WorkspaceSession, problems: Sequence[Problem], day: date) -> int:
    """Write (or rewrite) the lessons of decided problems: each problem's reading and decision.
    待核实 teaches nothing. Returns the number written."""
    reader = load_reader()
    decided = [p for p in problems if p.track is not None and p.track is not Track.VERIFY]
    if not decided:
        return 0
    existing = {
        row.problem_id: row
        for row in s.exec(
            select(SuggestionLesson).where(
                col(SuggestionLesson.problem_id).in_([p.id for p in decided])
            )
        ).all()
    }
    for p in decided:
        assert p.track is not None
        reading = reader.read(p.description)
        shipped = suggest(reading)
        row = existing.get(p.id) or SuggestionLesson(problem_id=p.id, day=day, track=p.track)
        row.features = "\n".join(features(reading))
        row.track, row.category, row.subcategory = p.track, p.category, p.subcategory
        row.suggested_track = shipped.track
        row.kept = (shipped.track, shipped.category, shipped.subcategory) == (
            p.track,
            p.category,
            p.subcategory,
        )
        row.updated_at = utcnow()
        s.add(row)
    return len(decided)


def forget_lesson(s: WorkspaceSession, problem_id: str) -> None:
    """A problem back to 待核实 after sign-off teaches nothing any more."""
    row = s.exec(select(SuggestionLesson).where(SuggestionLesson.problem_id == problem_id)).first()
    if row is not None:
        s.delete(row)


def reset_learning(ws: Workspace) -> int:
    """Forget every lesson: suggestions are the shipped knowledge again. Returns how many."""
    with ws.session() as s:
        rows = s.exec(select(SuggestionLesson)).all()
        for row in rows:
            s.delete(row)
        s.audit("reset_learning", note=f"清除{len(rows)}条研判学习记录")
        s.commit()
        return len(rows)


def lesson_count(ws: Workspace) -> int:
    with ws.session() as s:
        return len(s.exec(select(SuggestionLesson.id)).all())
