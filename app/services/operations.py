"""Operations: the one way the window and the command line run a job.

A job is a service function. :func:`perform` runs a *write* and returns its value together with
the :class:`~app.storage.changes.ChangeSet` of everything it wrote (collected from every session
and bulk write inside it, so no kind of record can be forgotten). Reads need no wrapper: call the
service function (the window runs it on its read pool).

Both fronts call the same service function for the same job, so both are audited alike: printing
a paper audits inside the service, never in the caller.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Generic, TypeVar

from app.storage.changes import ChangeSet, collecting

__all__ = ["ChangeSet", "Done", "perform"]

T = TypeVar("T")


@dataclass(frozen=True)
class Done(Generic[T]):
    """A finished write: what the service returned, and what it changed."""

    value: T
    changes: ChangeSet


def perform(job: Callable[[], T], *, actor: str = "", source: str = "") -> Done[T]:
    """Run a write job and collect what it changed (``source``: who started it)."""
    with collecting(actor, source) as scope:
        value = job()
    return Done(value, scope.result())
