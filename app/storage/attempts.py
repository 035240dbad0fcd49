"""Wrong passwords of a workspace, counted in a small file beside the key file.

The count has to be read *before* the database is open (the password is what opens it), so it
cannot live in the database. ``workspace.attempts`` holds:

- ``epoch``: a random id given to the file when it is first written;
- ``total``: every failure this file has counted since (it only grows);
- ``streak``: failures since the last success (this sets the delay);
- ``last``: when the last failure happened (seconds since 1970, wall clock);
- ``pending``: failures not yet written to the audit log (time and where: login, lock, signoff).

After a successful open, the workspace's own (encrypted) database records the file's ``epoch``
and ``total`` (see :mod:`app.services.access`). A file that is missing, replaced or set back
afterwards no longer matches, and the next successful login notices and audits it. Deleting the
file therefore resets the delay but cannot do so unnoticed.

Why that is enough: whoever can delete this file can also copy ``workspace.key`` and guess
passwords offline with any tool, where no delay of ours applies; what protects a password there
is Argon2id's cost per guess. The delay is for the window (and the command line): it stops
someone at the keyboard from trying password after password, and it makes the attempts visible.
"""

from __future__ import annotations

import json
import secrets
import time
from dataclasses import dataclass, field
from pathlib import Path

from app.files import atomic_write_bytes

ATTEMPTS_NAME = "workspace.attempts"
FORMAT = "xunchadesk-attempts"
FREE_FAILURES = 2
"""Failures in a row that cost nothing (a typo, then a second look)."""
FIRST_DELAY_S = 5
MAX_DELAY_S = 15 * 60
MAX_PENDING = 200
"""Failures kept for the audit log (older ones are summed into ``dropped``)."""


def delay_after(streak: int) -> int:
    """Seconds to wait after ``streak`` failures in a row: 0, 0, 5, 10, 20 … up to 15 minutes."""
    if streak <= FREE_FAILURES:
        return 0
    return int(min(MAX_DELAY_S, FIRST_DELAY_S * 2 ** (streak - FREE_FAILURES - 1)))


@dataclass
class Failure:
    at: float
    where: str


@dataclass
class AttemptLog:
    epoch: str = field(default_factory=lambda: secrets.token_hex(8))
    total: int = 0
    streak: int = 0
    last: float = 0.0
    pending: list[Failure] = field(default_factory=list)
    dropped: int = 0
    damaged: bool = False
    """The file was there but could not be read (it is started afresh; the login notices)."""

    def wait_left(self, now: float | None = None) -> float:
        """Seconds until the next try is allowed (0: now)."""
        delay = delay_after(self.streak)
        if delay == 0:
            return 0.0
        now = time.time() if now is None else now
        elapsed = now - self.last
        if elapsed < 0:  # the clock went back: count the whole delay from now
            elapsed = 0
        return max(0.0, delay - elapsed)

    def to_bytes(self) -> bytes:
        doc = {
            "format": FORMAT,
            "epoch": self.epoch,
            "total": self.total,
            "streak": self.streak,
            "last": self.last,
            "pending": [[f.at, f.where] for f in self.pending],
            "dropped": self.dropped,
        }
        return json.dumps(doc, sort_keys=True).encode("ascii") + b"\n"

    @classmethod
    def from_bytes(cls, raw: bytes) -> AttemptLog:
        try:
            doc = json.loads(raw.decode("ascii"))
            if not isinstance(doc, dict) or doc.get("format") != FORMAT:
                raise ValueError("not an attempts file")
            return cls(
                epoch=str(doc["epoch"]),
                total=max(0, int(doc["total"])),
                streak=max(0, int(doc["streak"])),
                last=float(doc["last"]),
                pending=[Failure(float(at), str(where)) for at, where in doc["pending"]],
                dropped=max(0, int(doc.get("dropped", 0))),
            )
        except (ValueError, KeyError, TypeError, UnicodeDecodeError):
            return cls(damaged=True)


def attempts_path(root: Path) -> Path:
    return root / ATTEMPTS_NAME


def read_attempts(root: Path) -> AttemptLog | None:
    """The log of ``root``'s workspace; None when there is no file (never failed, or deleted)."""
    path = attempts_path(root)
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        return None
    return AttemptLog.from_bytes(raw)


def write_attempts(root: Path, log: AttemptLog) -> None:
    atomic_write_bytes(attempts_path(root), log.to_bytes())


def add_failure(
    root: Path, where: str, now: float | None = None, *, audited: bool = False
) -> AttemptLog:
    """Count one failure and keep it for the audit log (unless the caller ``audited`` it
    already, the database being open); returns the updated log."""
    now = time.time() if now is None else now
    log = read_attempts(root) or AttemptLog()
    log.total += 1
    log.streak += 1
    log.last = now
    if not audited:
        log.pending.append(Failure(now, where))
    if len(log.pending) > MAX_PENDING:
        extra = len(log.pending) - MAX_PENDING
        log.dropped += extra
        log.pending = log.pending[extra:]
    write_attempts(root, log)
    return log


__all__ = [
    "ATTEMPTS_NAME",
    "AttemptLog",
    "Failure",
    "add_failure",
    "attempts_path",
    "delay_after",
    "read_attempts",
    "write_attempts",
]
