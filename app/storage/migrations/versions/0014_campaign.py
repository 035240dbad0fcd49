"""集中整治, 制度推广, 未巡先改 (issue 13): campaign recommendations, decisions, villages, work
groups, tasks under the four headings with progress, cases, 班子 changes, checks and evaluations;
the villages' tier history; the 制度推广 matrix; 典型问题清单 and self-check results; evidence photos
of progress entries and self-check results (two attachment columns).

Plain ``op.*`` calls and SQLAlchemy types only (the PostgreSQL office runs the same revision).

Revision ID: 0014
Revises: 0013
Create Date: 2026-12-02

"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0014"
down_revision: str | None = "0013"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "campaign_decision",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("origin", sa.String(length=64), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("retired_at", sa.DateTime(), nullable=True),
        sa.Column("decided_on", sa.Date(), nullable=False),
        sa.Column("doc_number", sa.String(length=64), nullable=False),
        sa.Column("body", sa.String(length=100), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_table(
        "campaign_proposal",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("origin", sa.String(length=64), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("retired_at", sa.DateTime(), nullable=True),
        sa.Column("proposed_on", sa.Date(), nullable=False),
        sa.Column("doc_number", sa.String(length=64), nullable=False),
        sa.Column("issuer", sa.String(length=100), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_table(
        "typical_problem_list",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("origin", sa.String(length=64), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("retired_at", sa.DateTime(), nullable=True),
        sa.Column("round_id", sa.String(length=36), nullable=True),
        sa.Column("after_batch", sa.Integer(), nullable=False),
        sa.Column("title", sa.String(length=200), nullable=False),
        sa.Column("published_on", sa.Date(), nullable=True),
        sa.Column("note", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(
            ["round_id"],
            ["inspection_round.id"],
        ),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("typical_problem_list", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_typical_problem_list_round_id"), ["round_id"], unique=False
        )

    op.create_table(
        "typical_problem",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("origin", sa.String(length=64), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("retired_at", sa.DateTime(), nullable=True),
        sa.Column("list_id", sa.String(length=36), nullable=False),
        sa.Column("seq", sa.Integer(), nullable=False),
        sa.Column("category", sa.String(length=64), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("requirement", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(
            ["list_id"],
            ["typical_problem_list.id"],
        ),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("typical_problem", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_typical_problem_list_id"), ["list_id"], unique=False)

    op.create_table(
        "campaign_village",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("origin", sa.String(length=64), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("retired_at", sa.DateTime(), nullable=True),
        sa.Column("village_id", sa.String(length=36), nullable=False),
        sa.Column("proposal_id", sa.String(length=36), nullable=True),
        sa.Column("decision_id", sa.String(length=36), nullable=True),
        sa.Column("status", sa.String(length=32), nullable=False),
        sa.Column("reasons", sa.Text(), nullable=False),
        sa.Column("added_reason", sa.Text(), nullable=False),
        sa.Column("lead_unit", sa.String(length=100), nullable=False),
        sa.Column("member_units", sa.Text(), nullable=False),
        sa.Column("linked_leader_post", sa.String(length=100), nullable=False),
        sa.Column("org_issues", sa.String(length=64), nullable=False),
        sa.Column("started_on", sa.Date(), nullable=True),
        sa.Column("accepted_on", sa.Date(), nullable=True),
        sa.Column("review_due", sa.Date(), nullable=True),
        sa.ForeignKeyConstraint(
            ["decision_id"],
            ["campaign_decision.id"],
        ),
        sa.ForeignKeyConstraint(
            ["proposal_id"],
            ["campaign_proposal.id"],
        ),
        sa.ForeignKeyConstraint(
            ["village_id"],
            ["village.id"],
        ),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("campaign_village", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_campaign_village_decision_id"), ["decision_id"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_campaign_village_proposal_id"), ["proposal_id"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_campaign_village_review_due"), ["review_due"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_campaign_village_village_id"), ["village_id"], unique=False
        )
        batch_op.create_index(
            "ix_campaign_village_village_status", ["village_id", "status"], unique=False
        )

    op.create_table(
        "selfcheck_result",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("origin", sa.String(length=64), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("retired_at", sa.DateTime(), nullable=True),
        sa.Column("village_id", sa.String(length=36), nullable=False),
        sa.Column("list_id", sa.String(length=36), nullable=False),
        sa.Column("item_id", sa.String(length=36), nullable=False),
        sa.Column("found", sa.String(length=32), nullable=False),
        sa.Column("fixed", sa.String(length=32), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("reported_on", sa.Date(), nullable=False),
        sa.Column("reported_by", sa.String(length=100), nullable=False),
        sa.Column("verdict", sa.String(length=32), nullable=False),
        sa.Column("verified_on", sa.Date(), nullable=True),
        sa.Column("verified_by", sa.String(length=64), nullable=False),
        sa.Column("verify_note", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(
            ["item_id"],
            ["typical_problem.id"],
        ),
        sa.ForeignKeyConstraint(
            ["list_id"],
            ["typical_problem_list.id"],
        ),
        sa.ForeignKeyConstraint(
            ["village_id"],
            ["village.id"],
        ),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("selfcheck_result", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_selfcheck_result_item_id"), ["item_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_selfcheck_result_list_id"), ["list_id"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_selfcheck_result_village_id"), ["village_id"], unique=False
        )

    op.create_table(
        "village_tier_change",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("origin", sa.String(length=64), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("retired_at", sa.DateTime(), nullable=True),
        sa.Column("village_id", sa.String(length=36), nullable=False),
        sa.Column("changed_on", sa.Date(), nullable=False),
        sa.Column("from_tier", sa.String(length=32), nullable=True),
        sa.Column("to_tier", sa.String(length=32), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("source", sa.String(length=32), nullable=False),
        sa.ForeignKeyConstraint(
            ["village_id"],
            ["village.id"],
        ),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("village_tier_change", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_village_tier_change_village_id"), ["village_id"], unique=False
        )

    op.create_table(
        "campaign_check",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("origin", sa.String(length=64), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("retired_at", sa.DateTime(), nullable=True),
        sa.Column("campaign_id", sa.String(length=36), nullable=False),
        sa.Column("village_id", sa.String(length=36), nullable=False),
        sa.Column("checked_on", sa.Date(), nullable=False),
        sa.Column("checker", sa.String(length=100), nullable=False),
        sa.Column("findings", sa.Text(), nullable=False),
        sa.Column("rating", sa.String(length=32), nullable=False),
        sa.ForeignKeyConstraint(
            ["campaign_id"],
            ["campaign_village.id"],
        ),
        sa.ForeignKeyConstraint(
            ["village_id"],
            ["village.id"],
        ),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("campaign_check", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_campaign_check_campaign_id"), ["campaign_id"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_campaign_check_checked_on"), ["checked_on"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_campaign_check_village_id"), ["village_id"], unique=False
        )

    op.create_table(
        "campaign_evaluation",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("origin", sa.String(length=64), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("retired_at", sa.DateTime(), nullable=True),
        sa.Column("campaign_id", sa.String(length=36), nullable=False),
        sa.Column("village_id", sa.String(length=36), nullable=False),
        sa.Column("kind", sa.String(length=32), nullable=False),
        sa.Column("evaluated_on", sa.Date(), nullable=False),
        sa.Column("outcome", sa.String(length=32), nullable=False),
        sa.Column("reasons", sa.Text(), nullable=False),
        sa.Column("tier_after", sa.String(length=32), nullable=True),
        sa.Column("evaluator", sa.String(length=64), nullable=False),
        sa.ForeignKeyConstraint(
            ["campaign_id"],
            ["campaign_village.id"],
        ),
        sa.ForeignKeyConstraint(
            ["village_id"],
            ["village.id"],
        ),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("campaign_evaluation", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_campaign_evaluation_campaign_id"), ["campaign_id"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_campaign_evaluation_village_id"), ["village_id"], unique=False
        )

    op.create_table(
        "campaign_member",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("origin", sa.String(length=64), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("retired_at", sa.DateTime(), nullable=True),
        sa.Column("campaign_id", sa.String(length=36), nullable=False),
        sa.Column("village_id", sa.String(length=36), nullable=False),
        sa.Column("role", sa.String(length=32), nullable=False),
        sa.Column("name", sa.String(length=64), nullable=False),
        sa.Column("unit", sa.String(length=100), nullable=False),
        sa.Column("post", sa.String(length=64), nullable=False),
        sa.Column("phone", sa.String(length=40), nullable=False),
        sa.ForeignKeyConstraint(
            ["campaign_id"],
            ["campaign_village.id"],
        ),
        sa.ForeignKeyConstraint(
            ["village_id"],
            ["village.id"],
        ),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("campaign_member", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_campaign_member_campaign_id"), ["campaign_id"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_campaign_member_village_id"), ["village_id"], unique=False
        )

    op.create_table(
        "campaign_task",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("origin", sa.String(length=64), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("retired_at", sa.DateTime(), nullable=True),
        sa.Column("campaign_id", sa.String(length=36), nullable=False),
        sa.Column("village_id", sa.String(length=36), nullable=False),
        sa.Column("heading", sa.String(length=32), nullable=False),
        sa.Column("seq", sa.Integer(), nullable=False),
        sa.Column("title", sa.String(length=200), nullable=False),
        sa.Column("detail", sa.Text(), nullable=False),
        sa.Column("owner_unit", sa.String(length=100), nullable=False),
        sa.Column("deadline", sa.Date(), nullable=False),
        sa.Column("status", sa.String(length=32), nullable=False),
        sa.Column("done_on", sa.Date(), nullable=True),
        sa.Column("progress", sa.Text(), nullable=False),
        sa.Column("clue_transfer_id", sa.String(length=36), nullable=True),
        sa.Column("notice_id", sa.String(length=36), nullable=True),
        sa.Column("ledger_item_id", sa.String(length=36), nullable=True),
        sa.Column("system", sa.String(length=64), nullable=False),
        sa.Column("org_issue", sa.String(length=32), nullable=True),
        sa.ForeignKeyConstraint(
            ["campaign_id"],
            ["campaign_village.id"],
        ),
        sa.ForeignKeyConstraint(
            ["clue_transfer_id"],
            ["clue_transfer.id"],
        ),
        sa.ForeignKeyConstraint(
            ["ledger_item_id"],
            ["ledger_item.id"],
        ),
        sa.ForeignKeyConstraint(
            ["notice_id"],
            ["rectification_notice.id"],
        ),
        sa.ForeignKeyConstraint(
            ["village_id"],
            ["village.id"],
        ),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("campaign_task", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_campaign_task_campaign_id"), ["campaign_id"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_campaign_task_clue_transfer_id"), ["clue_transfer_id"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_campaign_task_deadline"), ["deadline"], unique=False)
        batch_op.create_index(batch_op.f("ix_campaign_task_heading"), ["heading"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_campaign_task_ledger_item_id"), ["ledger_item_id"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_campaign_task_notice_id"), ["notice_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_campaign_task_status"), ["status"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_campaign_task_village_id"), ["village_id"], unique=False
        )

    op.create_table(
        "campaign_cadre_change",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("origin", sa.String(length=64), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("retired_at", sa.DateTime(), nullable=True),
        sa.Column("task_id", sa.String(length=36), nullable=False),
        sa.Column("village_id", sa.String(length=36), nullable=False),
        sa.Column("kind", sa.String(length=32), nullable=False),
        sa.Column("post", sa.String(length=64), nullable=False),
        sa.Column("changed_on", sa.Date(), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(
            ["task_id"],
            ["campaign_task.id"],
        ),
        sa.ForeignKeyConstraint(
            ["village_id"],
            ["village.id"],
        ),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("campaign_cadre_change", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_campaign_cadre_change_task_id"), ["task_id"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_campaign_cadre_change_village_id"), ["village_id"], unique=False
        )

    op.create_table(
        "campaign_case",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("origin", sa.String(length=64), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("retired_at", sa.DateTime(), nullable=True),
        sa.Column("task_id", sa.String(length=36), nullable=False),
        sa.Column("village_id", sa.String(length=36), nullable=False),
        sa.Column("clue_transfer_id", sa.String(length=36), nullable=True),
        sa.Column("stage", sa.String(length=32), nullable=False),
        sa.Column("stage_on", sa.Date(), nullable=False),
        sa.Column("persons", sa.Integer(), nullable=False),
        sa.Column("gang_related", sa.Boolean(), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(
            ["clue_transfer_id"],
            ["clue_transfer.id"],
        ),
        sa.ForeignKeyConstraint(
            ["task_id"],
            ["campaign_task.id"],
        ),
        sa.ForeignKeyConstraint(
            ["village_id"],
            ["village.id"],
        ),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("campaign_case", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_campaign_case_clue_transfer_id"), ["clue_transfer_id"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_campaign_case_task_id"), ["task_id"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_campaign_case_village_id"), ["village_id"], unique=False
        )

    op.create_table(
        "campaign_progress",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("origin", sa.String(length=64), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("retired_at", sa.DateTime(), nullable=True),
        sa.Column("task_id", sa.String(length=36), nullable=False),
        sa.Column("village_id", sa.String(length=36), nullable=False),
        sa.Column("reported_on", sa.Date(), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("status_after", sa.String(length=32), nullable=False),
        sa.Column("reporter", sa.String(length=64), nullable=False),
        sa.ForeignKeyConstraint(
            ["task_id"],
            ["campaign_task.id"],
        ),
        sa.ForeignKeyConstraint(
            ["village_id"],
            ["village.id"],
        ),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("campaign_progress", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_campaign_progress_task_id"), ["task_id"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_campaign_progress_village_id"), ["village_id"], unique=False
        )

    op.create_table(
        "village_system",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("origin", sa.String(length=64), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("retired_at", sa.DateTime(), nullable=True),
        sa.Column("village_id", sa.String(length=36), nullable=False),
        sa.Column("system", sa.String(length=64), nullable=False),
        sa.Column("status", sa.String(length=32), nullable=False),
        sa.Column("since", sa.Date(), nullable=True),
        sa.Column("source", sa.String(length=32), nullable=False),
        sa.Column("task_id", sa.String(length=36), nullable=True),
        sa.Column("practice", sa.String(length=32), nullable=False),
        sa.Column("practice_note", sa.Text(), nullable=False),
        sa.Column("checked_on", sa.Date(), nullable=True),
        sa.ForeignKeyConstraint(
            ["task_id"],
            ["campaign_task.id"],
        ),
        sa.ForeignKeyConstraint(
            ["village_id"],
            ["village.id"],
        ),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("village_system", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_village_system_task_id"), ["task_id"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_village_system_village_id"), ["village_id"], unique=False
        )

    with op.batch_alter_table("attachment", schema=None) as batch_op:
        batch_op.add_column(sa.Column("campaign_progress_id", sa.String(length=36), nullable=True))
        batch_op.add_column(sa.Column("selfcheck_result_id", sa.String(length=36), nullable=True))
        batch_op.create_index(
            batch_op.f("ix_attachment_campaign_progress_id"), ["campaign_progress_id"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_attachment_selfcheck_result_id"), ["selfcheck_result_id"], unique=False
        )
        batch_op.create_foreign_key(
            "fk_attachment_selfcheck_result_id", "selfcheck_result", ["selfcheck_result_id"], ["id"]
        )
        batch_op.create_foreign_key(
            "fk_attachment_campaign_progress_id",
            "campaign_progress",
            ["campaign_progress_id"],
            ["id"],
        )


def downgrade() -> None:
    with op.batch_alter_table("attachment", schema=None) as batch_op:
        batch_op.drop_constraint("fk_attachment_selfcheck_result_id", type_="foreignkey")
        batch_op.drop_constraint("fk_attachment_campaign_progress_id", type_="foreignkey")
        batch_op.drop_index(batch_op.f("ix_attachment_selfcheck_result_id"))
        batch_op.drop_index(batch_op.f("ix_attachment_campaign_progress_id"))
        batch_op.drop_column("selfcheck_result_id")
        batch_op.drop_column("campaign_progress_id")

    with op.batch_alter_table("village_system", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_village_system_village_id"))
        batch_op.drop_index(batch_op.f("ix_village_system_task_id"))

    op.drop_table("village_system")
    with op.batch_alter_table("campaign_progress", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_campaign_progress_village_id"))
        batch_op.drop_index(batch_op.f("ix_campaign_progress_task_id"))

    op.drop_table("campaign_progress")
    with op.batch_alter_table("campaign_case", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_campaign_case_village_id"))
        batch_op.drop_index(batch_op.f("ix_campaign_case_task_id"))
        batch_op.drop_index(batch_op.f("ix_campaign_case_clue_transfer_id"))

    op.drop_table("campaign_case")
    with op.batch_alter_table("campaign_cadre_change", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_campaign_cadre_change_village_id"))
        batch_op.drop_index(batch_op.f("ix_campaign_cadre_change_task_id"))

    op.drop_table("campaign_cadre_change")
    with op.batch_alter_table("campaign_task", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_campaign_task_village_id"))
        batch_op.drop_index(batch_op.f("ix_campaign_task_status"))
        batch_op.drop_index(batch_op.f("ix_campaign_task_notice_id"))
        batch_op.drop_index(batch_op.f("ix_campaign_task_ledger_item_id"))
        batch_op.drop_index(batch_op.f("ix_campaign_task_heading"))
        batch_op.drop_index(batch_op.f("ix_campaign_task_deadline"))
        batch_op.drop_index(batch_op.f("ix_campaign_task_clue_transfer_id"))
        batch_op.drop_index(batch_op.f("ix_campaign_task_campaign_id"))

    op.drop_table("campaign_task")
    with op.batch_alter_table("campaign_member", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_campaign_member_village_id"))
        batch_op.drop_index(batch_op.f("ix_campaign_member_campaign_id"))

    op.drop_table("campaign_member")
    with op.batch_alter_table("campaign_evaluation", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_campaign_evaluation_village_id"))
        batch_op.drop_index(batch_op.f("ix_campaign_evaluation_campaign_id"))

    op.drop_table("campaign_evaluation")
    with op.batch_alter_table("campaign_check", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_campaign_check_village_id"))
        batch_op.drop_index(batch_op.f("ix_campaign_check_checked_on"))
        batch_op.drop_index(batch_op.f("ix_campaign_check_campaign_id"))

    op.drop_table("campaign_check")
    with op.batch_alter_table("village_tier_change", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_village_tier_change_village_id"))

    op.drop_table("village_tier_change")
    with op.batch_alter_table("selfcheck_result", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_selfcheck_result_village_id"))
        batch_op.drop_index(batch_op.f("ix_selfcheck_result_list_id"))
        batch_op.drop_index(batch_op.f("ix_selfcheck_result_item_id"))

    op.drop_table("selfcheck_result")
    with op.batch_alter_table("campaign_village", schema=None) as batch_op:
        batch_op.drop_index("ix_campaign_village_village_status")
        batch_op.drop_index(batch_op.f("ix_campaign_village_village_id"))
        batch_op.drop_index(batch_op.f("ix_campaign_village_review_due"))
        batch_op.drop_index(batch_op.f("ix_campaign_village_proposal_id"))
        batch_op.drop_index(batch_op.f("ix_campaign_village_decision_id"))

    op.drop_table("campaign_village")
    with op.batch_alter_table("typical_problem", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_typical_problem_list_id"))

    op.drop_table("typical_problem")
    with op.batch_alter_table("typical_problem_list", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_typical_problem_list_round_id"))

    op.drop_table("typical_problem_list")
    op.drop_table("campaign_proposal")
    op.drop_table("campaign_decision")
