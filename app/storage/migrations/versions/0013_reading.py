"""The evening reading (issue 12): lessons of the learned suggestion model and merge records for
undoing a merge. Both tables are local to the device (never synced).

Revision ID: 0013
Revises: 0012
Create Date: 2026-12-02

"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0013"
down_revision: str | None = "0012"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "suggestion_lesson",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("problem_id", sa.String(length=36), nullable=False),
        sa.Column("day", sa.Date(), nullable=False),
        sa.Column("features", sa.Text(), nullable=False),
        sa.Column("track", sa.String(length=32), nullable=False),
        sa.Column("category", sa.String(length=32), nullable=True),
        sa.Column("subcategory", sa.String(length=32), nullable=True),
        sa.Column("suggested_track", sa.String(length=32), nullable=True),
        sa.Column("kept", sa.Boolean(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("problem_id"),
    )
    with op.batch_alter_table("suggestion_lesson", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_suggestion_lesson_day"), ["day"], unique=False)
    op.create_table(
        "problem_merge",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("operation_id", sa.String(length=36), nullable=False),
        sa.Column("keep_id", sa.String(length=36), nullable=False),
        sa.Column("merged_id", sa.String(length=36), nullable=False),
        sa.Column("voices", sa.Integer(), nullable=False),
        sa.Column("status_before", sa.String(length=32), nullable=False),
        sa.Column("source_ids", sa.Text(), nullable=False),
        sa.Column("repointed_ids", sa.Text(), nullable=False),
        sa.Column("merged_by", sa.String(length=64), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("undone_at", sa.DateTime(), nullable=True),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("problem_merge", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_problem_merge_operation_id"), ["operation_id"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_problem_merge_keep_id"), ["keep_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_problem_merge_merged_id"), ["merged_id"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("problem_merge", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_problem_merge_merged_id"))
        batch_op.drop_index(batch_op.f("ix_problem_merge_keep_id"))
        batch_op.drop_index(batch_op.f("ix_problem_merge_operation_id"))
    op.drop_table("problem_merge")
    with op.batch_alter_table("suggestion_lesson", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_suggestion_lesson_day"))
    op.drop_table("suggestion_lesson")
