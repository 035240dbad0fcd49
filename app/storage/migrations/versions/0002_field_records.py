"""Field records and follow-up: persons, visits, opinion-box entries, interviews, problems and their sources, wrap-ups, notices, clue transfers, ledger items, attachments.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-27

"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0002"
down_revision: str | None = "0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_ONE_RECORD = {"postgresql": "num_nonnulls(visit_id, entry_id, interview_id) = 1"}
"""The PostgreSQL form of the one-record check (booleans do not add up there)."""


def upgrade() -> None:
    op.create_table(
        "daily_wrapup",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("origin", sa.String(length=64), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("retired_at", sa.DateTime(), nullable=True),
        sa.Column("team_id", sa.String(length=36), nullable=False),
        sa.Column("day", sa.Date(), nullable=False),
        sa.Column("status", sa.String(length=32), nullable=False),
        sa.Column("closed_at", sa.DateTime(), nullable=True),
        sa.Column("closed_by_id", sa.String(length=36), nullable=True),
        sa.Column("summary", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(
            ["closed_by_id"],
            ["user.id"],
        ),
        sa.ForeignKeyConstraint(
            ["team_id"],
            ["team.id"],
        ),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("team_id", "day", name="uq_daily_wrapup_team_day"),
    )
    with op.batch_alter_table("daily_wrapup", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_daily_wrapup_closed_by_id"), ["closed_by_id"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_daily_wrapup_day"), ["day"], unique=False)
        batch_op.create_index(batch_op.f("ix_daily_wrapup_team_id"), ["team_id"], unique=False)

    op.create_table(
        "person",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("origin", sa.String(length=64), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("retired_at", sa.DateTime(), nullable=True),
        sa.Column("name", sa.String(length=64), nullable=False),
        sa.Column("post", sa.String(length=64), nullable=False),
        sa.Column("unit", sa.String(length=100), nullable=False),
        sa.Column("phone", sa.String(length=40), nullable=False),
        sa.Column("village_id", sa.String(length=36), nullable=True),
        sa.Column("protected", sa.Boolean(), nullable=False),
        sa.ForeignKeyConstraint(
            ["village_id"],
            ["village.id"],
        ),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("person", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_person_village_id"), ["village_id"], unique=False)

    op.create_table(
        "rectification_notice",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("origin", sa.String(length=64), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("retired_at", sa.DateTime(), nullable=True),
        sa.Column("village_id", sa.String(length=36), nullable=False),
        sa.Column("wrapup_id", sa.String(length=36), nullable=True),
        sa.Column("responsible_unit", sa.String(length=100), nullable=False),
        sa.Column("year", sa.Integer(), nullable=False),
        sa.Column("serial", sa.Integer(), nullable=True),
        sa.Column("doc_number", sa.String(length=64), nullable=False),
        sa.Column("issued_on", sa.Date(), nullable=False),
        sa.Column("deadline", sa.Date(), nullable=False),
        sa.Column("feedback_due", sa.Date(), nullable=True),
        sa.Column("status", sa.String(length=32), nullable=False),
        sa.Column("contact_person", sa.String(length=64), nullable=False),
        sa.Column("contact_phone", sa.String(length=40), nullable=False),
        sa.Column("feedback", sa.Text(), nullable=False),
        sa.Column("feedback_on", sa.Date(), nullable=True),
        sa.Column("verified_on", sa.Date(), nullable=True),
        sa.Column("verifier", sa.String(length=64), nullable=False),
        sa.Column("closed_on", sa.Date(), nullable=True),
        sa.ForeignKeyConstraint(
            ["village_id"],
            ["village.id"],
        ),
        sa.ForeignKeyConstraint(
            ["wrapup_id"],
            ["daily_wrapup.id"],
        ),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("rectification_notice", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_rectification_notice_deadline"), ["deadline"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_rectification_notice_status"), ["status"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_rectification_notice_village_id"), ["village_id"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_rectification_notice_wrapup_id"), ["wrapup_id"], unique=False
        )

    op.create_table(
        "visit",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("origin", sa.String(length=64), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("retired_at", sa.DateTime(), nullable=True),
        sa.Column("village_id", sa.String(length=36), nullable=False),
        sa.Column("occurred_at", sa.DateTime(), nullable=False),
        sa.Column("method", sa.String(length=32), nullable=False),
        sa.Column("place", sa.String(length=200), nullable=False),
        sa.Column("inspectors", sa.String(length=200), nullable=False),
        sa.Column("notes", sa.Text(), nullable=False),
        sa.Column("author_id", sa.String(length=36), nullable=True),
        sa.ForeignKeyConstraint(
            ["author_id"],
            ["user.id"],
        ),
        sa.ForeignKeyConstraint(
            ["village_id"],
            ["village.id"],
        ),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("visit", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_visit_author_id"), ["author_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_visit_occurred_at"), ["occurred_at"], unique=False)
        batch_op.create_index(batch_op.f("ix_visit_village_id"), ["village_id"], unique=False)

    op.create_table(
        "interview",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("origin", sa.String(length=64), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("retired_at", sa.DateTime(), nullable=True),
        sa.Column("village_id", sa.String(length=36), nullable=False),
        sa.Column("interviewee_id", sa.String(length=36), nullable=True),
        sa.Column("interviewers", sa.String(length=200), nullable=False),
        sa.Column("started_at", sa.DateTime(), nullable=False),
        sa.Column("ended_at", sa.DateTime(), nullable=True),
        sa.Column("place", sa.String(length=200), nullable=False),
        sa.Column("record", sa.Text(), nullable=False),
        sa.Column("author_id", sa.String(length=36), nullable=True),
        sa.ForeignKeyConstraint(
            ["author_id"],
            ["user.id"],
        ),
        sa.ForeignKeyConstraint(
            ["interviewee_id"],
            ["person.id"],
        ),
        sa.ForeignKeyConstraint(
            ["village_id"],
            ["village.id"],
        ),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("interview", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_interview_author_id"), ["author_id"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_interview_interviewee_id"), ["interviewee_id"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_interview_started_at"), ["started_at"], unique=False)
        batch_op.create_index(batch_op.f("ix_interview_village_id"), ["village_id"], unique=False)

    op.create_table(
        "opinion_entry",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("origin", sa.String(length=64), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("retired_at", sa.DateTime(), nullable=True),
        sa.Column("village_id", sa.String(length=36), nullable=False),
        sa.Column("channel", sa.String(length=32), nullable=False),
        sa.Column("box_label", sa.String(length=100), nullable=False),
        sa.Column("opened_at", sa.DateTime(), nullable=True),
        sa.Column("received_at", sa.DateTime(), nullable=False),
        sa.Column("anonymous", sa.Boolean(), nullable=False),
        sa.Column("writer_id", sa.String(length=36), nullable=True),
        sa.Column("content", sa.Text(), nullable=False),
        sa.Column("author_id", sa.String(length=36), nullable=True),
        sa.ForeignKeyConstraint(
            ["author_id"],
            ["user.id"],
        ),
        sa.ForeignKeyConstraint(
            ["village_id"],
            ["village.id"],
        ),
        sa.ForeignKeyConstraint(
            ["writer_id"],
            ["person.id"],
        ),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("opinion_entry", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_opinion_entry_author_id"), ["author_id"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_opinion_entry_received_at"), ["received_at"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_opinion_entry_village_id"), ["village_id"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_opinion_entry_writer_id"), ["writer_id"], unique=False)

    op.create_table(
        "problem",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("origin", sa.String(length=64), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("retired_at", sa.DateTime(), nullable=True),
        sa.Column("village_id", sa.String(length=36), nullable=False),
        sa.Column("description", sa.Text(), nullable=False),
        sa.Column("raised_on", sa.Date(), nullable=False),
        sa.Column("category", sa.String(length=32), nullable=True),
        sa.Column("subcategory", sa.String(length=32), nullable=True),
        sa.Column("track", sa.String(length=32), nullable=True),
        sa.Column("status", sa.String(length=32), nullable=False),
        sa.Column("responsible_unit", sa.String(length=100), nullable=False),
        sa.Column("deadline", sa.Date(), nullable=True),
        sa.Column("receiving_body", sa.String(length=32), nullable=True),
        sa.Column("urgency", sa.String(length=32), nullable=True),
        sa.Column("supervisor", sa.String(length=100), nullable=False),
        sa.Column("requirement", sa.Text(), nullable=False),
        sa.Column("voices", sa.Integer(), nullable=False),
        sa.Column("merged_into_id", sa.String(length=36), nullable=True),
        sa.Column("wrapup_id", sa.String(length=36), nullable=True),
        sa.Column("notice_id", sa.String(length=36), nullable=True),
        sa.ForeignKeyConstraint(
            ["merged_into_id"],
            ["problem.id"],
        ),
        sa.ForeignKeyConstraint(
            ["notice_id"],
            ["rectification_notice.id"],
        ),
        sa.ForeignKeyConstraint(
            ["village_id"],
            ["village.id"],
        ),
        sa.ForeignKeyConstraint(
            ["wrapup_id"],
            ["daily_wrapup.id"],
        ),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("problem", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_problem_merged_into_id"), ["merged_into_id"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_problem_notice_id"), ["notice_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_problem_raised_on"), ["raised_on"], unique=False)
        batch_op.create_index(batch_op.f("ix_problem_status"), ["status"], unique=False)
        batch_op.create_index(batch_op.f("ix_problem_track"), ["track"], unique=False)
        batch_op.create_index(batch_op.f("ix_problem_village_id"), ["village_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_problem_wrapup_id"), ["wrapup_id"], unique=False)

    op.create_table(
        "visit_person",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("origin", sa.String(length=64), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("retired_at", sa.DateTime(), nullable=True),
        sa.Column("visit_id", sa.String(length=36), nullable=False),
        sa.Column("person_id", sa.String(length=36), nullable=False),
        sa.Column("role", sa.String(length=64), nullable=False),
        sa.ForeignKeyConstraint(
            ["person_id"],
            ["person.id"],
        ),
        sa.ForeignKeyConstraint(
            ["visit_id"],
            ["visit.id"],
        ),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("visit_person", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_visit_person_person_id"), ["person_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_visit_person_visit_id"), ["visit_id"], unique=False)

    op.create_table(
        "clue_transfer",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("origin", sa.String(length=64), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("retired_at", sa.DateTime(), nullable=True),
        sa.Column("problem_id", sa.String(length=36), nullable=False),
        sa.Column("wrapup_id", sa.String(length=36), nullable=True),
        sa.Column("year", sa.Integer(), nullable=False),
        sa.Column("serial", sa.Integer(), nullable=True),
        sa.Column("doc_number", sa.String(length=64), nullable=False),
        sa.Column("receiving_body", sa.String(length=32), nullable=False),
        sa.Column("urgency", sa.String(length=32), nullable=False),
        sa.Column("transferred_on", sa.Date(), nullable=False),
        sa.Column("feedback_deadline", sa.Date(), nullable=False),
        sa.Column("status", sa.String(length=32), nullable=False),
        sa.Column("person_name", sa.String(length=64), nullable=False),
        sa.Column("person_unit", sa.String(length=100), nullable=False),
        sa.Column("person_post", sa.String(length=64), nullable=False),
        sa.Column("summary", sa.Text(), nullable=False),
        sa.Column("attachment_pages", sa.Integer(), nullable=False),
        sa.Column("classification", sa.String(length=16), nullable=False),
        sa.Column("feedback", sa.Text(), nullable=False),
        sa.Column("feedback_on", sa.Date(), nullable=True),
        sa.ForeignKeyConstraint(
            ["problem_id"],
            ["problem.id"],
        ),
        sa.ForeignKeyConstraint(
            ["wrapup_id"],
            ["daily_wrapup.id"],
        ),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("clue_transfer", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_clue_transfer_feedback_deadline"), ["feedback_deadline"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_clue_transfer_problem_id"), ["problem_id"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_clue_transfer_status"), ["status"], unique=False)
        batch_op.create_index(batch_op.f("ix_clue_transfer_wrapup_id"), ["wrapup_id"], unique=False)

    op.create_table(
        "ledger_item",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("origin", sa.String(length=64), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("retired_at", sa.DateTime(), nullable=True),
        sa.Column("problem_id", sa.String(length=36), nullable=False),
        sa.Column("village_id", sa.String(length=36), nullable=False),
        sa.Column("wrapup_id", sa.String(length=36), nullable=True),
        sa.Column("requirement", sa.Text(), nullable=False),
        sa.Column("supervisor", sa.String(length=100), nullable=False),
        sa.Column("deadline", sa.Date(), nullable=False),
        sa.Column("status", sa.String(length=32), nullable=False),
        sa.Column("progress", sa.Text(), nullable=False),
        sa.Column("ticked_off_on", sa.Date(), nullable=True),
        sa.Column("verifier", sa.String(length=64), nullable=False),
        sa.Column("extension_reason", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(
            ["problem_id"],
            ["problem.id"],
        ),
        sa.ForeignKeyConstraint(
            ["village_id"],
            ["village.id"],
        ),
        sa.ForeignKeyConstraint(
            ["wrapup_id"],
            ["daily_wrapup.id"],
        ),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("ledger_item", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_ledger_item_deadline"), ["deadline"], unique=False)
        batch_op.create_index(batch_op.f("ix_ledger_item_problem_id"), ["problem_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_ledger_item_status"), ["status"], unique=False)
        batch_op.create_index(batch_op.f("ix_ledger_item_village_id"), ["village_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_ledger_item_wrapup_id"), ["wrapup_id"], unique=False)

    op.create_table(
        "problem_source",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("origin", sa.String(length=64), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("retired_at", sa.DateTime(), nullable=True),
        sa.Column("problem_id", sa.String(length=36), nullable=False),
        sa.Column("visit_id", sa.String(length=36), nullable=True),
        sa.Column("entry_id", sa.String(length=36), nullable=True),
        sa.Column("interview_id", sa.String(length=36), nullable=True),
        sa.CheckConstraint(
            _ONE_RECORD.get(
                op.get_bind().dialect.name,
                "(visit_id IS NOT NULL) + (entry_id IS NOT NULL) + (interview_id IS NOT NULL) = 1",
            ),
            name="ck_problem_source_one_record",
        ),
        sa.ForeignKeyConstraint(
            ["entry_id"],
            ["opinion_entry.id"],
        ),
        sa.ForeignKeyConstraint(
            ["interview_id"],
            ["interview.id"],
        ),
        sa.ForeignKeyConstraint(
            ["problem_id"],
            ["problem.id"],
        ),
        sa.ForeignKeyConstraint(
            ["visit_id"],
            ["visit.id"],
        ),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("problem_source", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_problem_source_entry_id"), ["entry_id"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_problem_source_interview_id"), ["interview_id"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_problem_source_problem_id"), ["problem_id"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_problem_source_visit_id"), ["visit_id"], unique=False)

    op.create_table(
        "attachment",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("origin", sa.String(length=64), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("retired_at", sa.DateTime(), nullable=True),
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("stored_name", sa.String(length=128), nullable=False),
        sa.Column("thumb_name", sa.String(length=128), nullable=False),
        sa.Column("mime", sa.String(length=64), nullable=False),
        sa.Column("width", sa.Integer(), nullable=False),
        sa.Column("height", sa.Integer(), nullable=False),
        sa.Column("size_bytes", sa.Integer(), nullable=False),
        sa.Column("original_name", sa.String(length=255), nullable=False),
        sa.Column("caption", sa.String(length=200), nullable=False),
        sa.Column("visit_id", sa.String(length=36), nullable=True),
        sa.Column("entry_id", sa.String(length=36), nullable=True),
        sa.Column("interview_id", sa.String(length=36), nullable=True),
        sa.Column("problem_id", sa.String(length=36), nullable=True),
        sa.Column("ledger_item_id", sa.String(length=36), nullable=True),
        sa.ForeignKeyConstraint(
            ["entry_id"],
            ["opinion_entry.id"],
        ),
        sa.ForeignKeyConstraint(
            ["interview_id"],
            ["interview.id"],
        ),
        sa.ForeignKeyConstraint(
            ["ledger_item_id"],
            ["ledger_item.id"],
        ),
        sa.ForeignKeyConstraint(
            ["problem_id"],
            ["problem.id"],
        ),
        sa.ForeignKeyConstraint(
            ["visit_id"],
            ["visit.id"],
        ),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("attachment", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_attachment_entry_id"), ["entry_id"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_attachment_interview_id"), ["interview_id"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_attachment_ledger_item_id"), ["ledger_item_id"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_attachment_problem_id"), ["problem_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_attachment_sha256"), ["sha256"], unique=False)
        batch_op.create_index(batch_op.f("ix_attachment_visit_id"), ["visit_id"], unique=False)


def downgrade() -> None:
    op.drop_table("attachment")
    op.drop_table("problem_source")
    op.drop_table("ledger_item")
    op.drop_table("clue_transfer")
    op.drop_table("visit_person")
    op.drop_table("problem")
    op.drop_table("opinion_entry")
    op.drop_table("interview")
    op.drop_table("visit")
    op.drop_table("rectification_notice")
    op.drop_table("person")
    op.drop_table("daily_wrapup")
