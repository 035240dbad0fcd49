"""Full-text search: a stable document map and an FTS5 table with the trigram tokenizer.

The triggers that keep it in step are derived objects (app/storage/derived.py), installed and
verified by the program after every upgrade.

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-27

"""

from collections.abc import Sequence

from alembic import op

revision: str = "0003"
down_revision: str | None = "0002"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.execute(
        "CREATE TABLE search_doc ("
        "doc_id INTEGER PRIMARY KEY, "
        "kind VARCHAR(16) NOT NULL, "
        "record_id VARCHAR(36) NOT NULL UNIQUE, "
        "village_id VARCHAR(36))"
    )
    op.execute("CREATE INDEX ix_search_doc_village ON search_doc (village_id)")
    op.execute("CREATE VIRTUAL TABLE search_fts USING fts5(body, tokenize = 'trigram')")


def downgrade() -> None:
    op.execute("DROP TABLE search_fts")
    op.execute("DROP TABLE search_doc")
