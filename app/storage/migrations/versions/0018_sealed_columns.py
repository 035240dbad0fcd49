"""On a database server, the work group's names and phones and the frozen working papers are
sealed by the program: their columns become TEXT there (a sealed value is longer than the plain
one). SQLCipher keeps them as they are (plain inside the encrypted file): nothing to do.

Revision ID: 0018
Revises: 0017
Create Date: 2026-12-02

"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0018"
down_revision: str | None = "0017"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

SEALED = (("campaign_member", "name"), ("campaign_member", "phone"))


def upgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    for table, column in SEALED:
        op.alter_column(table, column, type_=sa.Text(), existing_nullable=False)


def downgrade() -> None:
    pass
