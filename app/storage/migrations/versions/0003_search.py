"""Full-text search: a stable document map and an FTS5 table with the trigram tokenizer.

The triggers that keep it in step are derived objects (app/storage/derived.py), installed and
verified by the program after every upgrade.

PostgreSQL form: one table holds the map and the text, with a pg_trgm GIN index over each text's
pairs of characters written as words (``xd_pairs``), so a substring of two characters or more is
looked up, not scanned (app/storage/pg/search.py); its triggers are derived objects too
(app/storage/pg/derived.py).

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
    if op.get_bind().dialect.name == "postgresql":
        _upgrade_postgresql()
        return
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
    if op.get_bind().dialect.name == "postgresql":
        op.execute("DROP TABLE search_doc")
        op.execute("DROP FUNCTION xd_pairs(text)")
        return
    op.execute("DROP TABLE search_fts")
    op.execute("DROP TABLE search_doc")


PAIRS_FUNCTION = r"""
CREATE FUNCTION xd_pairs(body text) RETURNS text
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
  SELECT ' ' || regexp_replace(lower(body), '(..)', '\1 ', 'g') || ' '
         || regexp_replace(substr(lower(body), 2), '(..)', '\1 ', 'g') || ' '
$$
"""
"""Every pair of neighbouring characters of a text as a word of its own (lower-cased): the
pairs from the first character, then those from the second, separated by spaces."""


def _upgrade_postgresql() -> None:
    op.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
    op.execute(PAIRS_FUNCTION)
    op.execute(
        "CREATE TABLE search_doc ("
        "doc_id BIGSERIAL PRIMARY KEY, "
        "kind VARCHAR(16) NOT NULL, "
        "record_id VARCHAR(36) NOT NULL UNIQUE, "
        "village_id VARCHAR(36), "
        "body TEXT NOT NULL DEFAULT '')"
    )
    op.execute("CREATE INDEX ix_search_doc_village ON search_doc (village_id)")
    op.execute(
        "CREATE INDEX ix_search_doc_pairs ON search_doc USING gin (xd_pairs(body) gin_trgm_ops)"
    )
