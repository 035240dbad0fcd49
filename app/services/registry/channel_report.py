"""The match report of a channel list import: what each row becomes and why, per channel who
joins, stays and leaves (see :mod:`app.services.registry.channels`)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import StrEnum

from app.domain.vocabulary import Channel


class RowOutcome(StrEnum):
    MATCHED = "matched"
    NEW = "new"
    AMBIGUOUS = "ambiguous"
    SKIPPED = "skipped"

    @property
    def label(self) -> str:
        return _OUTCOME_LABELS[self]


_OUTCOME_LABELS = {
    RowOutcome.MATCHED: "已匹配",
    RowOutcome.NEW: "新增",
    RowOutcome.AMBIGUOUS: "有歧义",
    RowOutcome.SKIPPED: "跳过",
}


@dataclass(frozen=True)
class Candidate:
    """A registry village an ambiguous row may mean."""

    id: str
    label: str
    code: str


@dataclass(frozen=True)
class ImportRow:
    """One data row of the file and what the import does with it."""

    row_number: int
    channel: Channel | None
    township: str
    village: str
    count: int
    note: str
    outcome: RowOutcome
    reason: str
    village_id: str | None = None
    village_label: str = ""
    candidates: tuple[Candidate, ...] = ()
    merged_into: int | None = None


@dataclass(frozen=True)
class ChannelChange:
    """What the file does to one channel's list: who joins, stays and leaves."""

    channel: Channel
    listed: int
    joining: tuple[str, ...]
    staying: tuple[str, ...]
    leaving: tuple[str, ...]
    replaces: tuple[str, ...]  # file names of the lists it replaces


@dataclass(frozen=True)
class ImportOptions:
    """The user's decisions: a default channel, what to do with ambiguous and new villages.

    ``choices`` maps a row number to the village meant (its id or its registry code); it must
    be one of that row's candidates.
    """

    channel: Channel | None = None
    skip_ambiguous: bool = False
    skip_new: bool = False
    choices: Mapping[int, str] = field(default_factory=dict)


@dataclass(frozen=True)
class ImportPlan:
    """The match report of a file (nothing written)."""

    file_name: str
    sha256: str
    round_id: str | None
    round_name: str
    rows: tuple[ImportRow, ...]
    channels: tuple[ChannelChange, ...]
    options: ImportOptions
    digest: str  # the file and the registry/lists state it was computed on (apply checks it)

    def rows_with(self, outcome: RowOutcome) -> list[ImportRow]:
        return [r for r in self.rows if r.outcome is outcome]

    def count(self, outcome: RowOutcome) -> int:
        return sum(1 for r in self.rows if r.outcome is outcome)

    @property
    def can_apply(self) -> bool:
        return self.count(RowOutcome.AMBIGUOUS) == 0

    def summary(self) -> str:
        return (
            f"共 {len(self.rows)} 行：已匹配 {self.count(RowOutcome.MATCHED)}，"
            f"新增 {self.count(RowOutcome.NEW)}，有歧义 {self.count(RowOutcome.AMBIGUOUS)}，"
            f"跳过 {self.count(RowOutcome.SKIPPED)}"
        )


@dataclass(frozen=True)
class ImportResult:
    """What :func:`apply_channel_import` wrote."""

    plan: ImportPlan
    round_id: str
    list_ids: dict[Channel, str]
    townships_created: tuple[str, ...]
    villages_created: tuple[str, ...]
    listings_added: int
    listings_deactivated: int

    @property
    def villages_touched(self) -> set[str]:
        return {r.village_id for r in self.plan.rows if r.village_id} | set(self.villages_created)
