"""The registry's schema as numbered migrations (applied by ``Database._migrate``)."""

from __future__ import annotations

from rag.store.db import Migration

# Schema history. Append a new tuple for every change and never edit one that has shipped:
# an existing file is brought up to date by running the migrations it has not seen yet.
# Each later table group comes with a store mixin in rag/store/<name>.py added to Registry's
# bases.
MIGRATIONS: tuple[Migration, ...] = (
    (  # 1: initial schema
        # access is validated in Python, not with CHECK, so ACCESS_LEVELS can grow without a
        # table rebuild.
        """CREATE TABLE documents (
            doc_id TEXT PRIMARY KEY,
            source_path TEXT NOT NULL,
            content_hash TEXT NOT NULL,
            title TEXT NOT NULL DEFAULT '',
            date TEXT,
            language TEXT,
            kind TEXT,
            body TEXT,
            organisation TEXT,
            url TEXT,
            access TEXT NOT NULL DEFAULT 'public',
            format TEXT NOT NULL DEFAULT '',
            chunk_count INTEGER NOT NULL DEFAULT 0,
            ingested_at TEXT NOT NULL,
            extra_json TEXT NOT NULL DEFAULT '{}')""",
        "CREATE INDEX documents_access ON documents (access)",
        "CREATE INDEX documents_source ON documents (source_path)",
        """CREATE TABLE minutes_items (
            doc_id TEXT NOT NULL REFERENCES documents (doc_id) ON DELETE CASCADE,
            position INTEGER NOT NULL,
            body TEXT,
            meeting_date TEXT,
            section TEXT,
            record_number TEXT,
            title TEXT,
            preparer TEXT,
            doc_type TEXT,
            start_offset INTEGER NOT NULL DEFAULT 0,
            end_offset INTEGER NOT NULL DEFAULT 0,
            pages_json TEXT NOT NULL DEFAULT '[]',
            parts_json TEXT NOT NULL DEFAULT '[]',
            PRIMARY KEY (doc_id, position))""",
        "CREATE INDEX minutes_items_record ON minutes_items (record_number)",
        "CREATE INDEX minutes_items_meeting ON minutes_items (body, meeting_date)",
        # No foreign key: a first ingest is marked pending before its document row exists.
        """CREATE TABLE ingest_state (
            doc_id TEXT PRIMARY KEY,
            content_hash TEXT NOT NULL,
            status TEXT NOT NULL CHECK (status IN ('pending', 'complete')),
            started_at TEXT NOT NULL,
            finished_at TEXT)""",
        """CREATE TABLE api_keys (
            key_id TEXT PRIMARY KEY,
            secret_hash TEXT NOT NULL UNIQUE,
            role TEXT NOT NULL,
            label TEXT NOT NULL DEFAULT '',
            clearance_json TEXT NOT NULL,
            created_at TEXT NOT NULL,
            revoked INTEGER NOT NULL DEFAULT 0,
            revoked_at TEXT)""",
        """CREATE TABLE audit_events (
            event_id INTEGER PRIMARY KEY AUTOINCREMENT,
            at TEXT NOT NULL,
            actor TEXT NOT NULL,
            action TEXT NOT NULL,
            detail_json TEXT NOT NULL DEFAULT '{}')""",
        "CREATE INDEX audit_events_at ON audit_events (at)",
        "CREATE INDEX audit_events_actor ON audit_events (actor, event_id)",
        "CREATE INDEX audit_events_action ON audit_events (action, event_id)",
        """CREATE TABLE conversations (
            conv_id TEXT PRIMARY KEY,
            actor TEXT NOT NULL,
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL)""",
        "CREATE INDEX conversations_updated ON conversations (updated_at)",
        """CREATE TABLE conversation_turns (
            turn_id INTEGER PRIMARY KEY AUTOINCREMENT,
            conv_id TEXT NOT NULL REFERENCES conversations (conv_id) ON DELETE CASCADE,
            role TEXT NOT NULL CHECK (role IN ('user', 'assistant')),
            text TEXT NOT NULL,
            meta_json TEXT NOT NULL DEFAULT '{}',
            at TEXT NOT NULL)""",
        "CREATE INDEX conversation_turns_conv ON conversation_turns (conv_id, turn_id)",
    ),
    (  # 2: background jobs (rag/store/jobs.py)
        """CREATE TABLE jobs (
            job_id TEXT PRIMARY KEY,
            kind TEXT NOT NULL,
            actor TEXT NOT NULL,
            status TEXT NOT NULL CHECK (status IN ('queued', 'running', 'done', 'failed')),
            params_json TEXT NOT NULL DEFAULT '{}',
            done INTEGER NOT NULL DEFAULT 0,
            total INTEGER,
            result_json TEXT NOT NULL DEFAULT '{}',
            error TEXT,
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL)""",
        "CREATE INDEX jobs_status ON jobs (status, created_at)",
        "CREATE INDEX jobs_kind ON jobs (kind, created_at)",
    ),
    (  # 3: draft review workflow: drafts, versions, comments, status changes
        # The current text lives in the newest version's content_json; drafts holds what a
        # listing needs. Statuses and roles are checked in Python (rag/store/drafts.py).
        """CREATE TABLE drafts (
            draft_id INTEGER PRIMARY KEY AUTOINCREMENT,
            title TEXT NOT NULL,
            period_start TEXT NOT NULL,
            period_end TEXT NOT NULL,
            themes_json TEXT NOT NULL DEFAULT '[]',
            languages_json TEXT NOT NULL DEFAULT '[]',
            programme_id TEXT NOT NULL DEFAULT '',
            generator TEXT NOT NULL DEFAULT '',
            access_json TEXT NOT NULL DEFAULT '[]',
            status TEXT NOT NULL,
            current_version INTEGER NOT NULL,
            created_by TEXT NOT NULL,
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL,
            approved_version INTEGER,
            approved_by TEXT,
            approved_at TEXT,
            job_id TEXT)""",
        "CREATE INDEX drafts_status ON drafts (status, draft_id)",
        # One draft per job: a job resumed after a crash finds the draft it already stored.
        "CREATE UNIQUE INDEX drafts_job ON drafts (job_id) WHERE job_id IS NOT NULL",
        """CREATE TABLE draft_versions (
            draft_id INTEGER NOT NULL REFERENCES drafts (draft_id) ON DELETE CASCADE,
            version INTEGER NOT NULL,
            actor TEXT NOT NULL,
            at TEXT NOT NULL,
            kind TEXT NOT NULL,
            section_key TEXT,
            language TEXT,
            diff TEXT NOT NULL DEFAULT '',
            content_json TEXT NOT NULL,
            PRIMARY KEY (draft_id, version))""",
        """CREATE TABLE draft_comments (
            comment_id INTEGER PRIMARY KEY AUTOINCREMENT,
            draft_id INTEGER NOT NULL REFERENCES drafts (draft_id) ON DELETE CASCADE,
            version INTEGER NOT NULL,
            section_key TEXT NOT NULL,
            language TEXT,
            actor TEXT NOT NULL,
            at TEXT NOT NULL,
            text TEXT NOT NULL)""",
        "CREATE INDEX draft_comments_draft ON draft_comments (draft_id, comment_id)",
        """CREATE TABLE draft_status_changes (
            change_id INTEGER PRIMARY KEY AUTOINCREMENT,
            draft_id INTEGER NOT NULL REFERENCES drafts (draft_id) ON DELETE CASCADE,
            version INTEGER NOT NULL,
            from_status TEXT NOT NULL,
            to_status TEXT NOT NULL,
            actor TEXT NOT NULL,
            at TEXT NOT NULL,
            reason TEXT NOT NULL DEFAULT '')""",
        "CREATE INDEX draft_status_changes_draft ON draft_status_changes (draft_id, change_id)",
    ),
    (  # 4: fi/sv version linking: document-level vectors and links between language versions
        # The vector (normalised mean of the chunk vectors, float32 bytes) lets a new document be
        # compared with every stored one without reading Chroma again.
        """CREATE TABLE document_vectors (
            doc_id TEXT PRIMARY KEY REFERENCES documents (doc_id) ON DELETE CASCADE,
            language TEXT,
            date TEXT,
            vector BLOB NOT NULL)""",
        # Both directions are stored, so 'versions of X' is one indexed look-up.
        """CREATE TABLE document_versions (
            doc_id TEXT NOT NULL REFERENCES documents (doc_id) ON DELETE CASCADE,
            other_id TEXT NOT NULL REFERENCES documents (doc_id) ON DELETE CASCADE,
            reason TEXT NOT NULL,
            score REAL NOT NULL,
            PRIMARY KEY (doc_id, other_id))""",
    ),
    (  # 5: classified proposals, people's decisions (the review queue)
        """CREATE TABLE proposals (
            proposal_id TEXT PRIMARY KEY,
            source TEXT NOT NULL DEFAULT '',
            job_id TEXT,
            text_hash TEXT NOT NULL,
            text TEXT NOT NULL,
            language TEXT,
            labels_json TEXT NOT NULL,
            primary_label TEXT NOT NULL,
            confidence REAL NOT NULL,
            reason TEXT NOT NULL DEFAULT '',
            needs_review INTEGER NOT NULL DEFAULT 0,
            mode TEXT NOT NULL,
            scores_json TEXT NOT NULL DEFAULT '{}',
            classified_at TEXT NOT NULL)""",
        "CREATE INDEX proposals_job ON proposals (job_id)",
        "CREATE INDEX proposals_review ON proposals (needs_review, classified_at)",
        # No foreign key to proposals: a decision is history and outlives a re-import.
        """CREATE TABLE proposal_decisions (
            decision_id INTEGER PRIMARY KEY AUTOINCREMENT,
            proposal_id TEXT NOT NULL,
            labels_json TEXT NOT NULL,
            primary_label TEXT NOT NULL,
            actor TEXT NOT NULL,
            at TEXT NOT NULL,
            note TEXT NOT NULL DEFAULT '',
            text TEXT NOT NULL,
            text_hash TEXT NOT NULL,
            language TEXT)""",
        "CREATE INDEX proposal_decisions_proposal ON proposal_decisions (proposal_id, decision_id)",
    ),
    (  # 6: web app sign-in sessions (sessions.py) and feedback on answers (feedback.py)
        # Only a hash of the session token is stored: a copy of the table signs nobody in.
        """CREATE TABLE web_sessions (
            token_hash TEXT PRIMARY KEY,
            key_id TEXT NOT NULL,
            csrf_token TEXT NOT NULL,
            created_at TEXT NOT NULL,
            expires_at TEXT NOT NULL)""",
        "CREATE INDEX web_sessions_expiry ON web_sessions (expires_at)",
        """CREATE TABLE answer_feedback (
            feedback_id INTEGER PRIMARY KEY AUTOINCREMENT,
            conv_id TEXT NOT NULL,
            turn_id INTEGER NOT NULL,
            actor TEXT NOT NULL,
            rating INTEGER NOT NULL CHECK (rating IN (-1, 1)),
            comment TEXT NOT NULL DEFAULT '',
            at TEXT NOT NULL)""",
        "CREATE INDEX answer_feedback_turn ON answer_feedback (conv_id, turn_id)",
    ),
)
