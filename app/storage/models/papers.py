"""Papers' own rows (issue 11): printed copies of classified papers and the 问题底稿.

- ``paper_copy``: one line per printed copy of a paper marked 秘密 (or higher): its 份号 (copy
  number, printed six digits at the top left), who received it, when and by whom it was printed.
  Copy numbers of one paper never repeat.
- ``working_paper``: the 问题底稿 of one problem. The team edits 依据 (basis) and 审核意见 (the
  leader's review) until the day is signed off; sign-off freezes it: ``number`` (底稿编号),
  ``frozen_on`` (the day), ``frozen_by`` (the leader) and ``snapshot`` (JSON of everything the
  paper says, so a frozen paper prints the same later, whatever changes afterwards).
"""

from __future__ import annotations

from datetime import date

from sqlmodel import Field

from app.storage.models.base import Synced, fk, text_field
from app.storage.protect import Protected


class PaperCopy(Synced, table=True):
    """One printed copy of a classified paper and who received it."""

    __tablename__ = "paper_copy"

    doc_table: str = Field(max_length=32, nullable=False)
    doc_id: str = Field(max_length=36, nullable=False, index=True)
    doc_number: str = Field(default="", max_length=64, nullable=False)
    copy_no: int = Field(nullable=False)
    recipient: str = Field(max_length=100, nullable=False)
    classification: str = Field(default="", max_length=16, nullable=False)
    printed_on: date = Field(nullable=False)
    printed_by: str = Field(default="", max_length=64, nullable=False)


class WorkingPaper(Synced, table=True):
    """问题底稿 of one problem (see the module docstring)."""

    __tablename__ = "working_paper"

    problem_id: str = fk("problem.id", nullable=False)
    wrapup_id: str | None = fk("daily_wrapup.id")
    number: str = Field(default="", max_length=32, nullable=False)
    basis: str = text_field()
    review: str = text_field()
    frozen_on: date | None = None
    frozen_by: str = Field(default="", max_length=64, nullable=False)
    snapshot: str = Field(default="", sa_type=Protected("working_paper.snapshot"), nullable=False)
    """The paper as frozen (names of the people it is about): sealed on a database server."""
