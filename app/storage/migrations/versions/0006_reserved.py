"""Reserved: schema changes for the evening wrap-up (issue 4).

Empty until that work fills it (rename the file then). It must stay linear: down_revision is the
revision before it.

Revision ID: 0006
Revises: 0005
Create Date: 2026-11-27

"""

from collections.abc import Sequence

revision: str = "0006"
down_revision: str | None = "0005"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    pass


def downgrade() -> None:
    pass
