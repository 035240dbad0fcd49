"""The window (issue 16): evidence attached to any follow-up item (notice, clue transfer), not
only to a ledger item.

Revision ID: 0012
Revises: 0011
Create Date: 2026-12-02

"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0012"
down_revision: str | None = "0011"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("attachment", schema=None) as batch_op:
        batch_op.add_column(sa.Column("notice_id", sa.String(length=36), nullable=True))
        batch_op.add_column(sa.Column("clue_transfer_id", sa.String(length=36), nullable=True))
        batch_op.create_index(batch_op.f("ix_attachment_notice_id"), ["notice_id"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_attachment_clue_transfer_id"), ["clue_transfer_id"], unique=False
        )
        batch_op.create_foreign_key(
            "fk_attachment_notice_id", "rectification_notice", ["notice_id"], ["id"]
        )
        batch_op.create_foreign_key(
            "fk_attachment_clue_transfer_id", "clue_transfer", ["clue_transfer_id"], ["id"]
        )


def downgrade() -> None:
    with op.batch_alter_table("attachment", schema=None) as batch_op:
        batch_op.drop_constraint("fk_attachment_clue_transfer_id", type_="foreignkey")
        batch_op.drop_constraint("fk_attachment_notice_id", type_="foreignkey")
        batch_op.drop_index(batch_op.f("ix_attachment_clue_transfer_id"))
        batch_op.drop_index(batch_op.f("ix_attachment_notice_id"))
        batch_op.drop_column("clue_transfer_id")
        batch_op.drop_column("notice_id")
