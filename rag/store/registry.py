"""The SQLite registry: documents, minutes items, ingest state, keys, audit log, conversations.

One :class:`Registry` object per process is enough; it is safe to share between the threads
of the FastAPI app (see :class:`rag.store.db.Database`). The schema is in ``schema.py``. The
registry holds one store per table group as an attribute (``registry.documents`` here,
``registry.keys`` in ``keys.py``, ``registry.audit``, ``registry.conversations``,
``registry.jobs``, ``registry.proposals``, ``registry.drafts``, ``registry.versions``,
``registry.sessions``, ``registry.feedback``), all on
one database, so a caller names the tables it uses. Timestamps are UTC ISO-8601 text.
"""

from __future__ import annotations

import sqlite3
from contextlib import AbstractContextManager
from pathlib import Path
from typing import Self

from rag.store.audit import CLI_ACTOR, AuditEvent, AuditLog
from rag.store.conversations import Conversation, ConversationStore, Turn
from rag.store.db import Database, RegistryError
from rag.store.document_records import DocumentRecord, DocumentStore, ItemRecord
from rag.store.draft_review import DraftReviewStore
from rag.store.feedback import FeedbackStore
from rag.store.jobs import JobRecord, JobStore
from rag.store.keys import (
    ROLES,
    ApiKey,
    CreatedKey,
    KeyStore,
    check_role,
    default_clearance,
    role_at_least,
)
from rag.store.proposals import ProposalStore
from rag.store.protocols import (
    AuditRecords,
    ConversationRecords,
    DocumentRecords,
    DraftRecords,
    FeedbackRecords,
    JobRecords,
    KeyRecords,
    ProposalRecords,
    SessionRecords,
    VersionRecords,
)
from rag.store.schema import MIGRATIONS
from rag.store.sessions import SessionStore
from rag.store.versions import VersionStore

__all__ = [
    "CLI_ACTOR",
    "MIGRATIONS",
    "ROLES",
    "ApiKey",
    "AuditEvent",
    "Conversation",
    "CreatedKey",
    "DocumentRecord",
    "ItemRecord",
    "JobRecord",
    "Registry",
    "RegistryError",
    "Turn",
    "check_role",
    "default_clearance",
    "role_at_least",
]


class Registry:
    """The stores on one SQLite file: open (creating or migrating the schema), use from any
    thread; ``registry.transaction()`` makes changes to several stores one transaction."""

    def __init__(self, path: Path) -> None:
        self.db = Database(path)
        try:
            self.db._migrate(MIGRATIONS)
        except sqlite3.DatabaseError as exc:
            self.db.close()
            raise RegistryError(f"cannot open registry {self.db.path}: {exc}") from exc
        except RegistryError:
            self.db.close()
            raise
        self.documents: DocumentRecords = DocumentStore(self.db)
        self.keys: KeyRecords = KeyStore(self.db)
        self.audit: AuditRecords = AuditLog(self.db)
        self.conversations: ConversationRecords = ConversationStore(self.db)
        self.jobs: JobRecords = JobStore(self.db)
        self.proposals: ProposalRecords = ProposalStore(self.db)
        self.drafts: DraftRecords = DraftReviewStore(self.db)
        self.versions: VersionRecords = VersionStore(self.db)
        self.sessions: SessionRecords = SessionStore(self.db)
        self.feedback: FeedbackRecords = FeedbackStore(self.db)

    @property
    def path(self) -> Path:
        return self.db.path

    @property
    def schema_version(self) -> int:
        return self.db.schema_version

    def transaction(self) -> AbstractContextManager[sqlite3.Connection]:
        return self.db.transaction()

    def close(self) -> None:
        self.db.close()

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
