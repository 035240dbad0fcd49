"""Sync bundles: change log, keys, peers, imported bundles, conflicts, row and device teams.

Revision ID: 0007
Revises: 0006
Create Date: 2026-11-27

"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0007"
down_revision: str | None = "0006"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def _s(n: int) -> sa.String:
    return sa.String(length=n)


def upgrade() -> None:
    op.create_table(
        "sync_change",
        sa.Column("seq", sa.Integer(), nullable=False),
        sa.Column("table_name", _s(64), nullable=False),
        sa.Column("record_id", _s(36), nullable=False),
        sa.Column("base_origin", _s(64), nullable=False),
        sa.Column("base_version", sa.Integer(), nullable=False),
        sa.Column("merged", sa.Boolean(), nullable=False),
        sa.PrimaryKeyConstraint("seq"),
    )
    with op.batch_alter_table("sync_change", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_sync_change_record_id"), ["record_id"], unique=False)

    op.create_table(
        "sync_key",
        sa.Column("owner_id", _s(36), nullable=False),
        sa.Column("role", _s(16), nullable=False),
        sa.Column("name", _s(100), nullable=False),
        sa.Column("sign_private", sa.Text(), nullable=False),
        sa.Column("box_private", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("owner_id"),
    )
    op.create_table(
        "sync_peer",
        sa.Column("peer_id", _s(36), nullable=False),
        sa.Column("kind", _s(16), nullable=False),
        sa.Column("name", _s(100), nullable=False),
        sa.Column("sign_public", _s(64), nullable=False),
        sa.Column("box_public", _s(64), nullable=False),
        sa.Column("added_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("peer_id"),
    )
    op.create_table(
        "sync_bundle",
        sa.Column("bundle_id", _s(36), nullable=False),
        sa.Column("direction", _s(16), nullable=False),
        sa.Column("team_id", _s(36), nullable=False),
        sa.Column("device_id", _s(64), nullable=False),
        sa.Column("seq_from", sa.Integer(), nullable=False),
        sa.Column("seq_to", sa.Integer(), nullable=False),
        sa.Column("file_sha256", _s(64), nullable=False),
        sa.Column("imported_at", sa.DateTime(), nullable=False),
        sa.Column("report", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("bundle_id"),
    )
    with op.batch_alter_table("sync_bundle", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_sync_bundle_team_id"), ["team_id"], unique=False)

    op.create_table(
        "sync_conflict",
        sa.Column("id", _s(36), nullable=False),
        sa.Column("table_name", _s(64), nullable=False),
        sa.Column("record_id", _s(36), nullable=False),
        sa.Column("team_id", _s(36), nullable=False),
        sa.Column("bundle_id", _s(36), nullable=False),
        sa.Column("reason", _s(16), nullable=False),
        sa.Column("local_origin", _s(64), nullable=False),
        sa.Column("local_version", sa.Integer(), nullable=False),
        sa.Column("local_data", sa.Text(), nullable=False),
        sa.Column("incoming_origin", _s(64), nullable=False),
        sa.Column("incoming_version", sa.Integer(), nullable=False),
        sa.Column("incoming_sha", _s(64), nullable=False),
        sa.Column("incoming_data", sa.Text(), nullable=False),
        sa.Column("status", _s(16), nullable=False),
        sa.Column("detected_at", sa.DateTime(), nullable=False),
        sa.Column("decided_by", _s(64), nullable=False),
        sa.Column("decided_at", sa.DateTime(), nullable=True),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint(
            "record_id",
            "incoming_origin",
            "incoming_version",
            "incoming_sha",
            name="uq_sync_conflict_incoming",
        ),
    )
    with op.batch_alter_table("sync_conflict", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_sync_conflict_record_id"), ["record_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_sync_conflict_status"), ["status"], unique=False)

    op.create_table(
        "sync_row_team",
        sa.Column("record_id", _s(36), nullable=False),
        sa.Column("table_name", _s(64), nullable=False),
        sa.Column("team_id", _s(36), nullable=False),
        sa.PrimaryKeyConstraint("record_id"),
    )
    with op.batch_alter_table("sync_row_team", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_sync_row_team_team_id"), ["team_id"], unique=False)

    op.create_table(
        "sync_device",
        sa.Column("device_id", _s(64), nullable=False),
        sa.Column("team_id", _s(36), nullable=False),
        sa.Column("first_seen", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("device_id"),
    )
    with op.batch_alter_table("sync_device", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_sync_device_team_id"), ["team_id"], unique=False)


def downgrade() -> None:
    for table in (
        "sync_device",
        "sync_row_team",
        "sync_conflict",
        "sync_bundle",
        "sync_peer",
        "sync_key",
        "sync_change",
    ):
        op.drop_table(table)
