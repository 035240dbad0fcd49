"""The labelled sets of tests/data (complaints.tsv, pairs.tsv) and their held-out rule.

The rule is written in each file's header and fixed: a row whose number is divisible by 3 is
held out — reported separately, never used for tuning.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

DATA = Path(__file__).parent / "data"


def held_out(number: int) -> bool:
    return number % 3 == 0


@dataclass(frozen=True)
class Complaint:
    number: int
    track: str
    category: str
    subcategory: str
    hidden_clue: bool
    voice: str
    text: str

    @property
    def held_out(self) -> bool:
        return held_out(self.number)


@dataclass(frozen=True)
class Pair:
    number: int
    same: bool
    kind: str
    a: str
    b: str

    @property
    def held_out(self) -> bool:
        return held_out(self.number)


def _rows(name: str) -> list[list[str]]:
    lines = (DATA / name).read_text(encoding="utf-8").splitlines()
    body = [line for line in lines if line and not line.startswith("#")]
    return [line.split("\t") for line in body[1:]]


def complaints() -> list[Complaint]:
    return [
        Complaint(int(n), track, cat, sub, hidden == "1", voice, text)
        for n, track, cat, sub, hidden, voice, text in _rows("complaints.tsv")
    ]


def pairs() -> list[Pair]:
    return [Pair(int(n), same == "1", kind, a, b) for n, same, kind, a, b in _rows("pairs.tsv")]
