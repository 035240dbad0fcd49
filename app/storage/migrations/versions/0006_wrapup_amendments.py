"""Evening wrap-up: amendments made to a day after its sign-off (issue 4).

Revision ID: 0006
Revises: 0005
Create Date: 2026-11-27

"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0006"
down_revision: str | None = "0005"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "wrapup_amendment",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("origin", sa.String(length=64), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("retired_at", sa.DateTime(), nullable=True),
        sa.Column("problem_id", sa.String(length=36), nullable=False),
        sa.Column("wrapup_id", sa.String(length=36), nullable=False),
        sa.Column("reported_in_id", sa.String(length=36), nullable=True),
        sa.Column("amended_by", sa.String(length=64), nullable=False),
        sa.Column("fields", sa.Text(), nullable=False),
        sa.Column("before", sa.Text(), nullable=False),
        sa.Column("after", sa.Text(), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(["problem_id"], ["problem.id"]),
        sa.ForeignKeyConstraint(["reported_in_id"], ["daily_wrapup.id"]),
        sa.ForeignKeyConstraint(["wrapup_id"], ["daily_wrapup.id"]),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("wrapup_amendment", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_wrapup_amendment_problem_id"), ["problem_id"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_wrapup_amendment_reported_in_id"), ["reported_in_id"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_wrapup_amendment_wrapup_id"), ["wrapup_id"], unique=False
        )


def downgrade() -> None:
    with op.batch_alter_table("wrapup_amendment", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_wrapup_amendment_wrapup_id"))
        batch_op.drop_index(batch_op.f("ix_wrapup_amendment_reported_in_id"))
        batch_op.drop_index(batch_op.f("ix_wrapup_amendment_problem_id"))
    op.drop_table("wrapup_amendment")
