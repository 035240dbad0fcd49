"""Row ownership: who owns each synced row received from another party.

``sync_row_team`` (until now: which team a row received at the office came from) becomes the
owner record of every workspace: one line per row received from another party, with the device
and bundle it came with. A row without a line belongs to the workspace's own party. At an office,
each provisioned team's own ``team`` row belongs to that team.

Revision ID: 0010
Revises: 0009
Create Date: 2026-12-02

"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0010"
down_revision: str | None = "0009"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("sync_row_team") as batch_op:
        batch_op.add_column(
            sa.Column("device_id", sa.String(length=64), nullable=False, server_default="")
        )
        batch_op.add_column(
            sa.Column("bundle_id", sa.String(length=36), nullable=False, server_default="")
        )
        batch_op.add_column(sa.Column("recorded_at", sa.DateTime(), nullable=True))
    # at an office, every provisioned team owns its own team row (its settings are its own)
    op.execute(
        "INSERT INTO sync_row_team (record_id, table_name, team_id, device_id, bundle_id) "
        "SELECT t.id, 'team', t.id, '', '' FROM team t "
        "WHERE t.kind = 'team' "
        "AND EXISTS (SELECT 1 FROM workspace_meta m WHERE m.key = 'kind' AND m.value = 'office') "
        "AND NOT EXISTS (SELECT 1 FROM sync_row_team r WHERE r.record_id = t.id)"
    )


def downgrade() -> None:
    op.execute("DELETE FROM sync_row_team WHERE table_name = 'team'")
    with op.batch_alter_table("sync_row_team") as batch_op:
        batch_op.drop_column("recorded_at")
        batch_op.drop_column("bundle_id")
        batch_op.drop_column("device_id")
