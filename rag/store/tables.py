"""The registry's tables, written once for SQLite and PostgreSQL (SQLAlchemy Core).

This is the schema as it is now; ``rag/store/migrations/versions/`` holds the steps that bring
an older database to it (Alembic), and a test checks that the migrations end exactly here.
Timestamps are UTC ISO-8601 text (fixed width, so they compare as text), JSON is text,
booleans are 0/1 integers: the same values on both databases, so ``tiekartta db copy`` moves
rows unchanged. Access levels, statuses and roles are checked in Python, so they can grow
without a table rebuild.
"""

from __future__ import annotations

from sqlalchemy import (
    CheckConstraint,
    Column,
    Float,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    PrimaryKeyConstraint,
    Table,
    Text,
    text,
)

metadata = MetaData()


def _json(name: str, empty: str) -> Column[str]:
    return Column(name, Text, nullable=False, server_default=text(f"'{empty}'"))


def _serial(name: str) -> Column[int]:
    # AUTOINCREMENT on SQLite (ids are never reused), SERIAL on PostgreSQL.
    return Column(name, Integer, primary_key=True, autoincrement=True)


documents = Table(
    "documents",
    metadata,
    Column("doc_id", Text, primary_key=True),
    Column("source_path", Text, nullable=False),
    Column("content_hash", Text, nullable=False),
    Column("title", Text, nullable=False, server_default=text("''")),
    Column("date", Text),
    Column("language", Text),
    Column("kind", Text),
    Column("body", Text),
    Column("organisation", Text),
    Column("url", Text),
    Column("access", Text, nullable=False, server_default=text("'public'")),
    Column("format", Text, nullable=False, server_default=text("''")),
    Column("chunk_count", Integer, nullable=False, server_default=text("0")),
    Column("ingested_at", Text, nullable=False),
    _json("extra_json", "{}"),
    Index("documents_access", "access"),
    Index("documents_source", "source_path"),
)

minutes_items = Table(
    "minutes_items",
    metadata,
    Column("doc_id", Text, ForeignKey("documents.doc_id", ondelete="CASCADE"), nullable=False),
    Column("position", Integer, nullable=False),
    Column("body", Text),
    Column("meeting_date", Text),
    Column("section", Text),
    Column("record_number", Text),
    Column("title", Text),
    Column("preparer", Text),
    Column("doc_type", Text),
    Column("start_offset", Integer, nullable=False, server_default=text("0")),
    Column("end_offset", Integer, nullable=False, server_default=text("0")),
    _json("pages_json", "[]"),
    _json("parts_json", "[]"),
    PrimaryKeyConstraint("doc_id", "position"),
    Index("minutes_items_record", "record_number"),
    Index("minutes_items_meeting", "body", "meeting_date"),
)

# No foreign key: a first ingest is marked pending before its document row exists.
ingest_state = Table(
    "ingest_state",
    metadata,
    Column("doc_id", Text, primary_key=True),
    Column("content_hash", Text, nullable=False),
    Column("status", Text, nullable=False),
    Column("started_at", Text, nullable=False),
    Column("finished_at", Text),
    CheckConstraint("status IN ('pending', 'complete')", name="ingest_state_status"),
)

api_keys = Table(
    "api_keys",
    metadata,
    Column("key_id", Text, primary_key=True),
    Column("secret_hash", Text, nullable=False, unique=True),
    Column("role", Text, nullable=False),
    Column("label", Text, nullable=False, server_default=text("''")),
    Column("clearance_json", Text, nullable=False),
    Column("created_at", Text, nullable=False),
    Column("revoked", Integer, nullable=False, server_default=text("0")),
    Column("revoked_at", Text),
)

audit_events = Table(
    "audit_events",
    metadata,
    _serial("event_id"),
    Column("at", Text, nullable=False),
    Column("actor", Text, nullable=False),
    Column("action", Text, nullable=False),
    _json("detail_json", "{}"),
    Index("audit_events_at", "at"),
    Index("audit_events_actor", "actor", "event_id"),
    Index("audit_events_action", "action", "event_id"),
    sqlite_autoincrement=True,
)

conversations = Table(
    "conversations",
    metadata,
    Column("conv_id", Text, primary_key=True),
    Column("actor", Text, nullable=False),
    Column("created_at", Text, nullable=False),
    Column("updated_at", Text, nullable=False),
    Index("conversations_updated", "updated_at"),
)

conversation_turns = Table(
    "conversation_turns",
    metadata,
    _serial("turn_id"),
    Column(
        "conv_id",
        Text,
        ForeignKey("conversations.conv_id", ondelete="CASCADE"),
        nullable=False,
    ),
    Column("role", Text, nullable=False),
    Column("text", Text, nullable=False),
    _json("meta_json", "{}"),
    Column("at", Text, nullable=False),
    CheckConstraint("role IN ('user', 'assistant')", name="conversation_turns_role"),
    Index("conversation_turns_conv", "conv_id", "turn_id"),
    sqlite_autoincrement=True,
)

jobs = Table(
    "jobs",
    metadata,
    Column("job_id", Text, primary_key=True),
    Column("kind", Text, nullable=False),
    Column("actor", Text, nullable=False),
    Column("status", Text, nullable=False),
    _json("params_json", "{}"),
    Column("done", Integer, nullable=False, server_default=text("0")),
    Column("total", Integer),
    _json("result_json", "{}"),
    Column("error", Text),
    Column("created_at", Text, nullable=False),
    Column("updated_at", Text, nullable=False),
    # The queue (revision 0002): who runs the job and when it last said it is alive; a job
    # whose heartbeat is older than the stale limit is taken over by another worker.
    Column("worker", Text),
    Column("heartbeat_at", Text),
    Column("attempts", Integer, nullable=False, server_default=text("0")),
    CheckConstraint("status IN ('queued', 'running', 'done', 'failed')", name="jobs_status_ck"),
    Index("jobs_status", "status", "created_at"),
    Index("jobs_kind", "kind", "created_at"),
)

# The current text lives in the newest version's content_json; drafts holds what a listing needs.
drafts = Table(
    "drafts",
    metadata,
    _serial("draft_id"),
    Column("title", Text, nullable=False),
    Column("period_start", Text, nullable=False),
    Column("period_end", Text, nullable=False),
    _json("themes_json", "[]"),
    _json("languages_json", "[]"),
    Column("programme_id", Text, nullable=False, server_default=text("''")),
    Column("generator", Text, nullable=False, server_default=text("''")),
    _json("access_json", "[]"),
    Column("status", Text, nullable=False),
    Column("current_version", Integer, nullable=False),
    Column("created_by", Text, nullable=False),
    Column("created_at", Text, nullable=False),
    Column("updated_at", Text, nullable=False),
    Column("approved_version", Integer),
    Column("approved_by", Text),
    Column("approved_at", Text),
    Column("job_id", Text),
    Index("drafts_status", "status", "draft_id"),
    # One draft per job: a job resumed after a crash finds the draft it already stored.
    Index(
        "drafts_job",
        "job_id",
        unique=True,
        sqlite_where=text("job_id IS NOT NULL"),
        postgresql_where=text("job_id IS NOT NULL"),
    ),
    sqlite_autoincrement=True,
)

draft_versions = Table(
    "draft_versions",
    metadata,
    Column("draft_id", Integer, ForeignKey("drafts.draft_id", ondelete="CASCADE"), nullable=False),
    Column("version", Integer, nullable=False),
    Column("actor", Text, nullable=False),
    Column("at", Text, nullable=False),
    Column("kind", Text, nullable=False),
    Column("section_key", Text),
    Column("language", Text),
    Column("diff", Text, nullable=False, server_default=text("''")),
    Column("content_json", Text, nullable=False),
    PrimaryKeyConstraint("draft_id", "version"),
)

draft_comments = Table(
    "draft_comments",
    metadata,
    _serial("comment_id"),
    Column("draft_id", Integer, ForeignKey("drafts.draft_id", ondelete="CASCADE"), nullable=False),
    Column("version", Integer, nullable=False),
    Column("section_key", Text, nullable=False),
    Column("language", Text),
    Column("actor", Text, nullable=False),
    Column("at", Text, nullable=False),
    Column("text", Text, nullable=False),
    Index("draft_comments_draft", "draft_id", "comment_id"),
    sqlite_autoincrement=True,
)

draft_status_changes = Table(
    "draft_status_changes",
    metadata,
    _serial("change_id"),
    Column("draft_id", Integer, ForeignKey("drafts.draft_id", ondelete="CASCADE"), nullable=False),
    Column("version", Integer, nullable=False),
    Column("from_status", Text, nullable=False),
    Column("to_status", Text, nullable=False),
    Column("actor", Text, nullable=False),
    Column("at", Text, nullable=False),
    Column("reason", Text, nullable=False, server_default=text("''")),
    Index("draft_status_changes_draft", "draft_id", "change_id"),
    sqlite_autoincrement=True,
)

# The normalised mean of a document's chunk vectors (float32 bytes), so a new document is
# compared with every stored one without reading the vector store again.
document_vectors = Table(
    "document_vectors",
    metadata,
    Column("doc_id", Text, ForeignKey("documents.doc_id", ondelete="CASCADE"), primary_key=True),
    Column("language", Text),
    Column("date", Text),
    Column("vector", LargeBinary, nullable=False),
)

# Both directions are stored, so 'versions of X' is one indexed look-up.
document_versions = Table(
    "document_versions",
    metadata,
    Column("doc_id", Text, ForeignKey("documents.doc_id", ondelete="CASCADE"), nullable=False),
    Column("other_id", Text, ForeignKey("documents.doc_id", ondelete="CASCADE"), nullable=False),
    Column("reason", Text, nullable=False),
    Column("score", Float, nullable=False),
    PrimaryKeyConstraint("doc_id", "other_id"),
)

proposals = Table(
    "proposals",
    metadata,
    Column("proposal_id", Text, primary_key=True),
    Column("source", Text, nullable=False, server_default=text("''")),
    Column("job_id", Text),
    Column("text_hash", Text, nullable=False),
    Column("text", Text, nullable=False),
    Column("language", Text),
    Column("labels_json", Text, nullable=False),
    Column("primary_label", Text, nullable=False),
    Column("confidence", Float, nullable=False),
    Column("reason", Text, nullable=False, server_default=text("''")),
    Column("needs_review", Integer, nullable=False, server_default=text("0")),
    Column("mode", Text, nullable=False),
    _json("scores_json", "{}"),
    Column("classified_at", Text, nullable=False),
    Index("proposals_job", "job_id"),
    Index("proposals_review", "needs_review", "classified_at"),
)

# No foreign key to proposals: a decision is history and outlives a re-import.
proposal_decisions = Table(
    "proposal_decisions",
    metadata,
    _serial("decision_id"),
    Column("proposal_id", Text, nullable=False),
    Column("labels_json", Text, nullable=False),
    Column("primary_label", Text, nullable=False),
    Column("actor", Text, nullable=False),
    Column("at", Text, nullable=False),
    Column("note", Text, nullable=False, server_default=text("''")),
    Column("text", Text, nullable=False),
    Column("text_hash", Text, nullable=False),
    Column("language", Text),
    Index("proposal_decisions_proposal", "proposal_id", "decision_id"),
    sqlite_autoincrement=True,
)

# Only a hash of the session token is stored: a copy of the table signs nobody in.
web_sessions = Table(
    "web_sessions",
    metadata,
    Column("token_hash", Text, primary_key=True),
    Column("key_id", Text, nullable=False),
    Column("csrf_token", Text, nullable=False),
    Column("created_at", Text, nullable=False),
    Column("expires_at", Text, nullable=False),
    Index("web_sessions_expiry", "expires_at"),
)

answer_feedback = Table(
    "answer_feedback",
    metadata,
    _serial("feedback_id"),
    Column("conv_id", Text, nullable=False),
    Column("turn_id", Integer, nullable=False),
    Column("actor", Text, nullable=False),
    Column("rating", Integer, nullable=False),
    Column("comment", Text, nullable=False, server_default=text("''")),
    Column("at", Text, nullable=False),
    CheckConstraint("rating IN (-1, 1)", name="answer_feedback_rating"),
    Index("answer_feedback_turn", "conv_id", "turn_id"),
    sqlite_autoincrement=True,
)

# The lexical (BM25) corpus: each chunk's analysed tokens (space-joined) and the analyzer that
# made them. Every process builds its bm25s index from these rows and keeps the build only as a
# local cache, keyed by the stamp of lexical_state.
lexical_chunks = Table(
    "lexical_chunks",
    metadata,
    Column("chunk_id", Text, primary_key=True),
    Column("doc_id", Text, nullable=False),
    Column("tokens", Text, nullable=False),
    Column("analyzer", Text, nullable=False),
    Index("lexical_chunks_doc", "doc_id"),
)

# One row (made by the first write): every write to lexical_chunks bumps the generation and sets
# a new random stamp in the same transaction, and locks this row until it commits, so writers
# queue. A cached build is valid while the stamp is unchanged; a stamp, unlike a count, never
# comes back after a restore or copy with other content.
lexical_state = Table(
    "lexical_state",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=False),
    Column("generation", Integer, nullable=False),
    Column("stamp", Text, nullable=False),
    CheckConstraint("id = 1", name="lexical_state_one_row"),
)
