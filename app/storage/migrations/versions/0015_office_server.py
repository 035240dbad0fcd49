"""Office on a database server, several clerks, district → city: row origins, district-limited
server roles, photos in the database; on PostgreSQL the protected columns become TEXT (sealed).

Revision ID: 0015
Revises: 0014
Create Date: 2026-12-02

"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0015"
down_revision: str | None = "0014"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

PROTECTED_COLUMNS = (("person", "name"), ("person", "phone"), ("clue_transfer", "person_name"))
"""Columns sealed by the program on a server: a sealed value is longer than the plain one."""


def upgrade() -> None:
    op.create_table(
        "row_origin",
        sa.Column("record_id", sa.String(length=36), nullable=False),
        sa.Column("table_name", sa.String(length=64), nullable=False),
        sa.Column("district_id", sa.String(length=36), nullable=False),
        sa.Column("team_id", sa.String(length=36), nullable=False),
        sa.Column("device_id", sa.String(length=64), nullable=False),
        sa.PrimaryKeyConstraint("record_id"),
    )
    with op.batch_alter_table("row_origin", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_row_origin_district_id"), ["district_id"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_row_origin_team_id"), ["team_id"], unique=False)
    op.create_table(
        "office_access",
        sa.Column("role_name", sa.String(length=63), nullable=False),
        sa.Column("access", sa.String(length=16), nullable=False),
        sa.Column("district_id", sa.String(length=36), nullable=False),
        sa.PrimaryKeyConstraint("role_name"),
    )
    op.create_table(
        "media_blob",
        sa.Column("name", sa.String(length=64), nullable=False),
        sa.Column("data", sa.LargeBinary(), nullable=False),
        sa.Column("size_bytes", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("name"),
    )
    # the office overview counts live problems by village, track, status and deadline from this
    # index alone (an index-only scan), never from the rows
    op.create_index(
        "ix_problem_overview",
        "problem",
        ["village_id", "track", "status", "deadline", "notice_id"],
        sqlite_where=sa.text("retired_at IS NULL"),
        postgresql_where=sa.text("retired_at IS NULL"),
    )
    if op.get_bind().dialect.name == "postgresql":
        for table, column in PROTECTED_COLUMNS:
            op.alter_column(table, column, type_=sa.Text(), existing_nullable=False)


def downgrade() -> None:
    op.drop_index("ix_problem_overview", table_name="problem")
    op.drop_table("media_blob")
    op.drop_table("office_access")
    with op.batch_alter_table("row_origin", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_row_origin_team_id"))
        batch_op.drop_index(batch_op.f("ix_row_origin_district_id"))
    op.drop_table("row_origin")
