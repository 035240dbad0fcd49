"""Indexes (village_id, retired_at) on the record tables: live counts per village from the index.

The navigator counts each village's live visits, entries, interviews and problems; with these
indexes SQLite answers from the index alone instead of reading every row.

Revision ID: 0009
Revises: 0008
Create Date: 2026-11-27

"""

from collections.abc import Sequence

from alembic import op

revision: str = "0009"
down_revision: str | None = "0008"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

TABLES = ("visit", "opinion_entry", "interview", "problem")


def upgrade() -> None:
    for table in TABLES:
        with op.batch_alter_table(table) as batch_op:
            batch_op.create_index(f"ix_{table}_village_live", ["village_id", "retired_at"])


def downgrade() -> None:
    for table in TABLES:
        with op.batch_alter_table(table) as batch_op:
            batch_op.drop_index(f"ix_{table}_village_live")
