"""Channel lists: one row per imported list, so replaced lists stay in the history (issue 6).

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-27

"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0005"
down_revision: str | None = "0004"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "channel_list",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("origin", sa.String(length=64), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("retired_at", sa.DateTime(), nullable=True),
        sa.Column("round_id", sa.String(length=36), nullable=True),
        sa.Column("channel", sa.String(length=32), nullable=False),
        sa.Column("file_name", sa.String(length=255), nullable=False),
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("imported_by", sa.String(length=64), nullable=False),
        sa.Column("imported_at", sa.DateTime(), nullable=False),
        sa.Column("rows", sa.Integer(), nullable=False),
        sa.Column("replaced_by", sa.String(length=36), nullable=True),
        sa.ForeignKeyConstraint(["round_id"], ["inspection_round.id"]),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("channel_list", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_channel_list_channel"), ["channel"], unique=False)
        batch_op.create_index(batch_op.f("ix_channel_list_round_id"), ["round_id"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("channel_list", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_channel_list_round_id"))
        batch_op.drop_index(batch_op.f("ix_channel_list_channel"))
    op.drop_table("channel_list")
