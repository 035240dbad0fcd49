"""The evening wrap-up's own rows: amendments made to a day after its sign-off."""

from __future__ import annotations

from sqlmodel import Field

from app.storage.models.base import Synced, fk, text_field


class WrapupAmendment(Synced, table=True):
    """A change to a problem of a signed-off day (签结后更正).

    ``wrapup_id`` is the closed day that was amended; ``reported_in_id`` is the next day whose
    daily report lists the amendment (set when that day is signed off; NULL until then, and the
    draft report of the open day lists the NULL ones). ``fields`` names what changed in Chinese;
    ``before``/``after`` describe the decision (track, unit, deadline …), never a person.
    """

    __tablename__ = "wrapup_amendment"

    problem_id: str = fk("problem.id", nullable=False)
    wrapup_id: str = fk("daily_wrapup.id", nullable=False)
    reported_in_id: str | None = fk("daily_wrapup.id")
    amended_by: str = Field(default="", max_length=64, nullable=False)
    fields: str = text_field()
    before: str = text_field()
    after: str = text_field()
    reason: str = text_field()
