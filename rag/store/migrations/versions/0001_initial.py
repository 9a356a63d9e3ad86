"""Initial schema: equal to the SQLite schema of version 6 written by the earlier code.

Revision ID: 0001
Revises:
Create Date: 2026-12-05
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:

    op.create_table(
        "answer_feedback",
        sa.Column("feedback_id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("conv_id", sa.Text(), nullable=False),
        sa.Column("turn_id", sa.Integer(), nullable=False),
        sa.Column("actor", sa.Text(), nullable=False),
        sa.Column("rating", sa.Integer(), nullable=False),
        sa.Column("comment", sa.Text(), server_default=sa.text("''"), nullable=False),
        sa.Column("at", sa.Text(), nullable=False),
        sa.CheckConstraint("rating IN (-1, 1)", name="answer_feedback_rating"),
        sa.PrimaryKeyConstraint("feedback_id"),
        sqlite_autoincrement=True,
    )
    with op.batch_alter_table("answer_feedback", schema=None) as batch_op:
        batch_op.create_index("answer_feedback_turn", ["conv_id", "turn_id"], unique=False)

    op.create_table(
        "api_keys",
        sa.Column("key_id", sa.Text(), nullable=False),
        sa.Column("secret_hash", sa.Text(), nullable=False),
        sa.Column("role", sa.Text(), nullable=False),
        sa.Column("label", sa.Text(), server_default=sa.text("''"), nullable=False),
        sa.Column("clearance_json", sa.Text(), nullable=False),
        sa.Column("created_at", sa.Text(), nullable=False),
        sa.Column("revoked", sa.Integer(), server_default=sa.text("0"), nullable=False),
        sa.Column("revoked_at", sa.Text(), nullable=True),
        sa.PrimaryKeyConstraint("key_id"),
        sa.UniqueConstraint("secret_hash"),
    )
    op.create_table(
        "audit_events",
        sa.Column("event_id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("at", sa.Text(), nullable=False),
        sa.Column("actor", sa.Text(), nullable=False),
        sa.Column("action", sa.Text(), nullable=False),
        sa.Column("detail_json", sa.Text(), server_default=sa.text("'{}'"), nullable=False),
        sa.PrimaryKeyConstraint("event_id"),
        sqlite_autoincrement=True,
    )
    with op.batch_alter_table("audit_events", schema=None) as batch_op:
        batch_op.create_index("audit_events_action", ["action", "event_id"], unique=False)
        batch_op.create_index("audit_events_actor", ["actor", "event_id"], unique=False)
        batch_op.create_index("audit_events_at", ["at"], unique=False)

    op.create_table(
        "conversations",
        sa.Column("conv_id", sa.Text(), nullable=False),
        sa.Column("actor", sa.Text(), nullable=False),
        sa.Column("created_at", sa.Text(), nullable=False),
        sa.Column("updated_at", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("conv_id"),
    )
    with op.batch_alter_table("conversations", schema=None) as batch_op:
        batch_op.create_index("conversations_updated", ["updated_at"], unique=False)

    op.create_table(
        "documents",
        sa.Column("doc_id", sa.Text(), nullable=False),
        sa.Column("source_path", sa.Text(), nullable=False),
        sa.Column("content_hash", sa.Text(), nullable=False),
        sa.Column("title", sa.Text(), server_default=sa.text("''"), nullable=False),
        sa.Column("date", sa.Text(), nullable=True),
        sa.Column("language", sa.Text(), nullable=True),
        sa.Column("kind", sa.Text(), nullable=True),
        sa.Column("body", sa.Text(), nullable=True),
        sa.Column("organisation", sa.Text(), nullable=True),
        sa.Column("url", sa.Text(), nullable=True),
        sa.Column("access", sa.Text(), server_default=sa.text("'public'"), nullable=False),
        sa.Column("format", sa.Text(), server_default=sa.text("''"), nullable=False),
        sa.Column("chunk_count", sa.Integer(), server_default=sa.text("0"), nullable=False),
        sa.Column("ingested_at", sa.Text(), nullable=False),
        sa.Column("extra_json", sa.Text(), server_default=sa.text("'{}'"), nullable=False),
        sa.PrimaryKeyConstraint("doc_id"),
    )
    with op.batch_alter_table("documents", schema=None) as batch_op:
        batch_op.create_index("documents_access", ["access"], unique=False)
        batch_op.create_index("documents_source", ["source_path"], unique=False)

    op.create_table(
        "drafts",
        sa.Column("draft_id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("title", sa.Text(), nullable=False),
        sa.Column("period_start", sa.Text(), nullable=False),
        sa.Column("period_end", sa.Text(), nullable=False),
        sa.Column("themes_json", sa.Text(), server_default=sa.text("'[]'"), nullable=False),
        sa.Column("languages_json", sa.Text(), server_default=sa.text("'[]'"), nullable=False),
        sa.Column("programme_id", sa.Text(), server_default=sa.text("''"), nullable=False),
        sa.Column("generator", sa.Text(), server_default=sa.text("''"), nullable=False),
        sa.Column("access_json", sa.Text(), server_default=sa.text("'[]'"), nullable=False),
        sa.Column("status", sa.Text(), nullable=False),
        sa.Column("current_version", sa.Integer(), nullable=False),
        sa.Column("created_by", sa.Text(), nullable=False),
        sa.Column("created_at", sa.Text(), nullable=False),
        sa.Column("updated_at", sa.Text(), nullable=False),
        sa.Column("approved_version", sa.Integer(), nullable=True),
        sa.Column("approved_by", sa.Text(), nullable=True),
        sa.Column("approved_at", sa.Text(), nullable=True),
        sa.Column("job_id", sa.Text(), nullable=True),
        sa.PrimaryKeyConstraint("draft_id"),
        sqlite_autoincrement=True,
    )
    with op.batch_alter_table("drafts", schema=None) as batch_op:
        batch_op.create_index(
            "drafts_job",
            ["job_id"],
            unique=True,
            sqlite_where=sa.text("job_id IS NOT NULL"),
            postgresql_where=sa.text("job_id IS NOT NULL"),
        )
        batch_op.create_index("drafts_status", ["status", "draft_id"], unique=False)

    op.create_table(
        "ingest_state",
        sa.Column("doc_id", sa.Text(), nullable=False),
        sa.Column("content_hash", sa.Text(), nullable=False),
        sa.Column("status", sa.Text(), nullable=False),
        sa.Column("started_at", sa.Text(), nullable=False),
        sa.Column("finished_at", sa.Text(), nullable=True),
        sa.CheckConstraint("status IN ('pending', 'complete')", name="ingest_state_status"),
        sa.PrimaryKeyConstraint("doc_id"),
    )
    op.create_table(
        "jobs",
        sa.Column("job_id", sa.Text(), nullable=False),
        sa.Column("kind", sa.Text(), nullable=False),
        sa.Column("actor", sa.Text(), nullable=False),
        sa.Column("status", sa.Text(), nullable=False),
        sa.Column("params_json", sa.Text(), server_default=sa.text("'{}'"), nullable=False),
        sa.Column("done", sa.Integer(), server_default=sa.text("0"), nullable=False),
        sa.Column("total", sa.Integer(), nullable=True),
        sa.Column("result_json", sa.Text(), server_default=sa.text("'{}'"), nullable=False),
        sa.Column("error", sa.Text(), nullable=True),
        sa.Column("created_at", sa.Text(), nullable=False),
        sa.Column("updated_at", sa.Text(), nullable=False),
        sa.CheckConstraint(
            "status IN ('queued', 'running', 'done', 'failed')", name="jobs_status_ck"
        ),
        sa.PrimaryKeyConstraint("job_id"),
    )
    with op.batch_alter_table("jobs", schema=None) as batch_op:
        batch_op.create_index("jobs_kind", ["kind", "created_at"], unique=False)
        batch_op.create_index("jobs_status", ["status", "created_at"], unique=False)

    op.create_table(
        "proposal_decisions",
        sa.Column("decision_id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("proposal_id", sa.Text(), nullable=False),
        sa.Column("labels_json", sa.Text(), nullable=False),
        sa.Column("primary_label", sa.Text(), nullable=False),
        sa.Column("actor", sa.Text(), nullable=False),
        sa.Column("at", sa.Text(), nullable=False),
        sa.Column("note", sa.Text(), server_default=sa.text("''"), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("text_hash", sa.Text(), nullable=False),
        sa.Column("language", sa.Text(), nullable=True),
        sa.PrimaryKeyConstraint("decision_id"),
        sqlite_autoincrement=True,
    )
    with op.batch_alter_table("proposal_decisions", schema=None) as batch_op:
        batch_op.create_index(
            "proposal_decisions_proposal", ["proposal_id", "decision_id"], unique=False
        )

    op.create_table(
        "proposals",
        sa.Column("proposal_id", sa.Text(), nullable=False),
        sa.Column("source", sa.Text(), server_default=sa.text("''"), nullable=False),
        sa.Column("job_id", sa.Text(), nullable=True),
        sa.Column("text_hash", sa.Text(), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("language", sa.Text(), nullable=True),
        sa.Column("labels_json", sa.Text(), nullable=False),
        sa.Column("primary_label", sa.Text(), nullable=False),
        sa.Column("confidence", sa.Float(), nullable=False),
        sa.Column("reason", sa.Text(), server_default=sa.text("''"), nullable=False),
        sa.Column("needs_review", sa.Integer(), server_default=sa.text("0"), nullable=False),
        sa.Column("mode", sa.Text(), nullable=False),
        sa.Column("scores_json", sa.Text(), server_default=sa.text("'{}'"), nullable=False),
        sa.Column("classified_at", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("proposal_id"),
    )
    with op.batch_alter_table("proposals", schema=None) as batch_op:
        batch_op.create_index("proposals_job", ["job_id"], unique=False)
        batch_op.create_index("proposals_review", ["needs_review", "classified_at"], unique=False)

    op.create_table(
        "web_sessions",
        sa.Column("token_hash", sa.Text(), nullable=False),
        sa.Column("key_id", sa.Text(), nullable=False),
        sa.Column("csrf_token", sa.Text(), nullable=False),
        sa.Column("created_at", sa.Text(), nullable=False),
        sa.Column("expires_at", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("token_hash"),
    )
    with op.batch_alter_table("web_sessions", schema=None) as batch_op:
        batch_op.create_index("web_sessions_expiry", ["expires_at"], unique=False)

    op.create_table(
        "conversation_turns",
        sa.Column("turn_id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("conv_id", sa.Text(), nullable=False),
        sa.Column("role", sa.Text(), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("meta_json", sa.Text(), server_default=sa.text("'{}'"), nullable=False),
        sa.Column("at", sa.Text(), nullable=False),
        sa.CheckConstraint("role IN ('user', 'assistant')", name="conversation_turns_role"),
        sa.ForeignKeyConstraint(["conv_id"], ["conversations.conv_id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("turn_id"),
        sqlite_autoincrement=True,
    )
    with op.batch_alter_table("conversation_turns", schema=None) as batch_op:
        batch_op.create_index("conversation_turns_conv", ["conv_id", "turn_id"], unique=False)

    op.create_table(
        "document_vectors",
        sa.Column("doc_id", sa.Text(), nullable=False),
        sa.Column("language", sa.Text(), nullable=True),
        sa.Column("date", sa.Text(), nullable=True),
        sa.Column("vector", sa.LargeBinary(), nullable=False),
        sa.ForeignKeyConstraint(["doc_id"], ["documents.doc_id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("doc_id"),
    )
    op.create_table(
        "document_versions",
        sa.Column("doc_id", sa.Text(), nullable=False),
        sa.Column("other_id", sa.Text(), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("score", sa.Float(), nullable=False),
        sa.ForeignKeyConstraint(["doc_id"], ["documents.doc_id"], ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["other_id"], ["documents.doc_id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("doc_id", "other_id"),
    )
    op.create_table(
        "draft_comments",
        sa.Column("comment_id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("draft_id", sa.Integer(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("section_key", sa.Text(), nullable=False),
        sa.Column("language", sa.Text(), nullable=True),
        sa.Column("actor", sa.Text(), nullable=False),
        sa.Column("at", sa.Text(), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(["draft_id"], ["drafts.draft_id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("comment_id"),
        sqlite_autoincrement=True,
    )
    with op.batch_alter_table("draft_comments", schema=None) as batch_op:
        batch_op.create_index("draft_comments_draft", ["draft_id", "comment_id"], unique=False)

    op.create_table(
        "draft_status_changes",
        sa.Column("change_id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("draft_id", sa.Integer(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("from_status", sa.Text(), nullable=False),
        sa.Column("to_status", sa.Text(), nullable=False),
        sa.Column("actor", sa.Text(), nullable=False),
        sa.Column("at", sa.Text(), nullable=False),
        sa.Column("reason", sa.Text(), server_default=sa.text("''"), nullable=False),
        sa.ForeignKeyConstraint(["draft_id"], ["drafts.draft_id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("change_id"),
        sqlite_autoincrement=True,
    )
    with op.batch_alter_table("draft_status_changes", schema=None) as batch_op:
        batch_op.create_index("draft_status_changes_draft", ["draft_id", "change_id"], unique=False)

    op.create_table(
        "draft_versions",
        sa.Column("draft_id", sa.Integer(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("actor", sa.Text(), nullable=False),
        sa.Column("at", sa.Text(), nullable=False),
        sa.Column("kind", sa.Text(), nullable=False),
        sa.Column("section_key", sa.Text(), nullable=True),
        sa.Column("language", sa.Text(), nullable=True),
        sa.Column("diff", sa.Text(), server_default=sa.text("''"), nullable=False),
        sa.Column("content_json", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(["draft_id"], ["drafts.draft_id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("draft_id", "version"),
    )
    op.create_table(
        "minutes_items",
        sa.Column("doc_id", sa.Text(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("body", sa.Text(), nullable=True),
        sa.Column("meeting_date", sa.Text(), nullable=True),
        sa.Column("section", sa.Text(), nullable=True),
        sa.Column("record_number", sa.Text(), nullable=True),
        sa.Column("title", sa.Text(), nullable=True),
        sa.Column("preparer", sa.Text(), nullable=True),
        sa.Column("doc_type", sa.Text(), nullable=True),
        sa.Column("start_offset", sa.Integer(), server_default=sa.text("0"), nullable=False),
        sa.Column("end_offset", sa.Integer(), server_default=sa.text("0"), nullable=False),
        sa.Column("pages_json", sa.Text(), server_default=sa.text("'[]'"), nullable=False),
        sa.Column("parts_json", sa.Text(), server_default=sa.text("'[]'"), nullable=False),
        sa.ForeignKeyConstraint(["doc_id"], ["documents.doc_id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("doc_id", "position"),
    )
    with op.batch_alter_table("minutes_items", schema=None) as batch_op:
        batch_op.create_index("minutes_items_meeting", ["body", "meeting_date"], unique=False)
        batch_op.create_index("minutes_items_record", ["record_number"], unique=False)


def downgrade() -> None:

    with op.batch_alter_table("minutes_items", schema=None) as batch_op:
        batch_op.drop_index("minutes_items_record")
        batch_op.drop_index("minutes_items_meeting")

    op.drop_table("minutes_items")
    op.drop_table("draft_versions")
    with op.batch_alter_table("draft_status_changes", schema=None) as batch_op:
        batch_op.drop_index("draft_status_changes_draft")

    op.drop_table("draft_status_changes")
    with op.batch_alter_table("draft_comments", schema=None) as batch_op:
        batch_op.drop_index("draft_comments_draft")

    op.drop_table("draft_comments")
    op.drop_table("document_versions")
    op.drop_table("document_vectors")
    with op.batch_alter_table("conversation_turns", schema=None) as batch_op:
        batch_op.drop_index("conversation_turns_conv")

    op.drop_table("conversation_turns")
    with op.batch_alter_table("web_sessions", schema=None) as batch_op:
        batch_op.drop_index("web_sessions_expiry")

    op.drop_table("web_sessions")
    with op.batch_alter_table("proposals", schema=None) as batch_op:
        batch_op.drop_index("proposals_review")
        batch_op.drop_index("proposals_job")

    op.drop_table("proposals")
    with op.batch_alter_table("proposal_decisions", schema=None) as batch_op:
        batch_op.drop_index("proposal_decisions_proposal")

    op.drop_table("proposal_decisions")
    with op.batch_alter_table("jobs", schema=None) as batch_op:
        batch_op.drop_index("jobs_status")
        batch_op.drop_index("jobs_kind")

    op.drop_table("jobs")
    op.drop_table("ingest_state")
    with op.batch_alter_table("drafts", schema=None) as batch_op:
        batch_op.drop_index("drafts_status")
        batch_op.drop_index(
            "drafts_job",
            sqlite_where=sa.text("job_id IS NOT NULL"),
            postgresql_where=sa.text("job_id IS NOT NULL"),
        )

    op.drop_table("drafts")
    with op.batch_alter_table("documents", schema=None) as batch_op:
        batch_op.drop_index("documents_source")
        batch_op.drop_index("documents_access")

    op.drop_table("documents")
    with op.batch_alter_table("conversations", schema=None) as batch_op:
        batch_op.drop_index("conversations_updated")

    op.drop_table("conversations")
    with op.batch_alter_table("audit_events", schema=None) as batch_op:
        batch_op.drop_index("audit_events_at")
        batch_op.drop_index("audit_events_actor")
        batch_op.drop_index("audit_events_action")

    op.drop_table("audit_events")
    op.drop_table("api_keys")
    with op.batch_alter_table("answer_feedback", schema=None) as batch_op:
        batch_op.drop_index("answer_feedback_turn")

    op.drop_table("answer_feedback")
