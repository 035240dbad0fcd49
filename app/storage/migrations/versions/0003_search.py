"""Full-text search: a stable document map and an FTS5 table with the trigram tokenizer.

The triggers that keep it in step are derived objects (app/storage/derived.py), installed and
verified by the program after every upgrade.

PostgreSQL form: one table holds the map and the text, with a GIN index over each text's character
pairs (``xd_bigrams``), so a substring of two characters or more is looked up, not scanned; its
triggers are derived objects too (app/storage/pg/derived.py).

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
        op.execute("DROP FUNCTION xd_bigrams(text)")
        return
    op.execute("DROP TABLE search_fts")
    op.execute("DROP TABLE search_doc")


BIGRAMS_FUNCTION = r"""
CREATE FUNCTION xd_bigrams(body text) RETURNS text[]
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
  SELECT coalesce(array_agg(DISTINCT g), '{}')
  FROM (SELECT substr(lower(body), i, 2) AS g
        FROM generate_series(1, char_length(body) - 1) AS i) AS pairs
  WHERE g !~ '\s'
$$
"""
"""Every distinct pair of neighbouring characters of a text, lower-cased, without white space."""


def _upgrade_postgresql() -> None:
    op.execute(BIGRAMS_FUNCTION)
    op.execute(
        "CREATE TABLE search_doc ("
        "doc_id BIGSERIAL PRIMARY KEY, "
        "kind VARCHAR(16) NOT NULL, "
        "record_id VARCHAR(36) NOT NULL UNIQUE, "
        "village_id VARCHAR(36), "
        "body TEXT NOT NULL DEFAULT '')"
    )
    op.execute("CREATE INDEX ix_search_doc_village ON search_doc (village_id)")
    op.execute("CREATE INDEX ix_search_doc_bigrams ON search_doc USING gin (xd_bigrams(body))")
