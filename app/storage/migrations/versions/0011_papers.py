"""Papers (issue 11): a numbering series per document kind, copies of classified papers, 问题底稿.

- ``team.clue_prefix``: the 机关代字 of the team's clue transfers (问题线索移交), a series of its own
  beside the notices' ``doc_prefix``;
- ``ledger_item.responsible_person`` / ``completed_on``: 责任人 and 完成时间 of a ledger item;
- ``paper_copy`` (synced): each printed copy of a classified paper, its 份号 and who received it;
- ``working_paper`` (synced): the 问题底稿 of a problem — 依据 and 审核意见 editable until the day
  is signed off, then frozen with its number and a snapshot of what it says.

Revision ID: 0011
Revises: 0010
Create Date: 2026-12-02

"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0011"
down_revision: str | None = "0010"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def _synced() -> list[sa.Column]:  # type: ignore[type-arg]
    return [
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("origin", sa.String(length=64), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("retired_at", sa.DateTime(), nullable=True),
    ]


def upgrade() -> None:
    with op.batch_alter_table("team", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("clue_prefix", sa.String(length=20), nullable=False, server_default="")
        )
    with op.batch_alter_table("ledger_item", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("responsible_person", sa.String(length=64), nullable=False, server_default="")
        )
        batch_op.add_column(sa.Column("completed_on", sa.Date(), nullable=True))
    op.create_table(
        "paper_copy",
        *_synced(),
        sa.Column("doc_table", sa.String(length=32), nullable=False),
        sa.Column("doc_id", sa.String(length=36), nullable=False),
        sa.Column("doc_number", sa.String(length=64), nullable=False),
        sa.Column("copy_no", sa.Integer(), nullable=False),
        sa.Column("recipient", sa.String(length=100), nullable=False),
        sa.Column("classification", sa.String(length=16), nullable=False),
        sa.Column("printed_on", sa.Date(), nullable=False),
        sa.Column("printed_by", sa.String(length=64), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("paper_copy", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_paper_copy_doc_id"), ["doc_id"], unique=False)
    op.create_table(
        "working_paper",
        *_synced(),
        sa.Column("problem_id", sa.String(length=36), nullable=False),
        sa.Column("wrapup_id", sa.String(length=36), nullable=True),
        sa.Column("number", sa.String(length=32), nullable=False),
        sa.Column("basis", sa.Text(), nullable=False),
        sa.Column("review", sa.Text(), nullable=False),
        sa.Column("frozen_on", sa.Date(), nullable=True),
        sa.Column("frozen_by", sa.String(length=64), nullable=False),
        sa.Column("snapshot", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(["problem_id"], ["problem.id"]),
        sa.ForeignKeyConstraint(["wrapup_id"], ["daily_wrapup.id"]),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("working_paper", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_working_paper_problem_id"), ["problem_id"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_working_paper_wrapup_id"), ["wrapup_id"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("working_paper", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_working_paper_wrapup_id"))
        batch_op.drop_index(batch_op.f("ix_working_paper_problem_id"))
    op.drop_table("working_paper")
    with op.batch_alter_table("paper_copy", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_paper_copy_doc_id"))
    op.drop_table("paper_copy")
    with op.batch_alter_table("ledger_item", schema=None) as batch_op:
        batch_op.drop_column("completed_on")
        batch_op.drop_column("responsible_person")
    with op.batch_alter_table("team", schema=None) as batch_op:
        batch_op.drop_column("clue_prefix")
