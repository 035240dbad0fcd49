"""Catch up on 0010–0015 where they ran as reserved no-ops.

The program released on 2026-12-02 (morning) carried revisions 0010–0016 as empty placeholders.
A workspace opened by that build is stamped 0016 without the tables and columns those revisions
now add, so the normal chain would never run them. This revision looks for what each of them
makes and, where it is missing, runs that revision's own upgrade — in order, as the chain would
have. A workspace that went through the real 0010–0015 has everything and is left as it is.

Revision ID: 0017
Revises: 0016
Create Date: 2026-12-02

"""

import importlib.util
from collections.abc import Callable, Sequence
from pathlib import Path

import sqlalchemy as sa
from alembic import op

revision: str = "0017"
down_revision: str | None = "0016"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def _has_column(table: str, column: str) -> Callable[[sa.Inspector], bool]:
    return lambda insp: column in {c["name"] for c in insp.get_columns(table)}


def _has_table(table: str) -> Callable[[sa.Inspector], bool]:
    return lambda insp: insp.has_table(table)


CATCH_UP: tuple[tuple[str, Callable[[sa.Inspector], bool]], ...] = (
    ("0010_ownership", _has_column("sync_row_team", "device_id")),
    ("0011_papers", _has_table("paper_copy")),
    ("0012_window", _has_column("attachment", "notice_id")),
    ("0013_reading", _has_table("suggestion_lesson")),
    ("0014_campaign", _has_table("campaign_decision")),
    ("0015_office_server", _has_table("row_origin")),
)
"""Each placeholder revision, and how to tell that its work is in the database."""


def upgrade() -> None:
    for module, done in CATCH_UP:
        if done(sa.inspect(op.get_bind())):
            continue
        _load(module).upgrade()


def _load(module: str):  # type: ignore[no-untyped-def]
    """A revision file of this folder as a module (alembic loads them by path, not by package)."""
    path = Path(__file__).with_name(f"{module}.py")
    spec = importlib.util.spec_from_file_location(f"_xuncha_catch_up_{module}", path)
    assert spec is not None and spec.loader is not None
    loaded = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(loaded)
    return loaded


def downgrade() -> None:
    pass
