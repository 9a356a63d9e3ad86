"""The registry on a SQLite file or a PostgreSQL database: documents, keys, audit, jobs, ...

One :class:`Registry` object per process is enough; it is safe to share between the threads
of the FastAPI app (see :class:`rag.store.db.Database`). The schema is in ``schema.py``. The
registry holds one store per table group as an attribute (``registry.documents`` here,
``registry.keys`` in ``keys.py``, ``registry.audit``, ``registry.conversations``,
``registry.jobs``, ``registry.proposals``, ``registry.drafts``, ``registry.versions``,
``registry.sessions``, ``registry.feedback``), all on
one database, so a caller names the tables it uses. Timestamps are UTC ISO-8601 text.
"""

from __future__ import annotations

from collections.abc import Callable
from contextlib import AbstractContextManager
from pathlib import Path
from typing import Self

from sqlalchemy import exc as sa_exc

from rag.store.audit import CLI_ACTOR, AuditEvent, AuditLog
from rag.store.conversations import Conversation, ConversationStore, Turn
from rag.store.db import Connection, Database, RegistryError
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
from rag.store.schema_upgrade import upgrade_schema
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
    """The stores on one database: open (creating or migrating the schema), use from any
    thread; ``registry.transaction()`` makes changes to several stores one transaction."""

    def __init__(self, target: Path | str, write_mask: Callable[[str], str] | None = None) -> None:
        """Open a SQLite file (a path) or a database by URL (``postgresql://...``).

        ``write_mask``: applied to people's free text (conversation turns, proposal texts and
        reasons, decision notes, feedback comments) before it is written, so the raw text is
        never stored (raw text retention 0)."""
        self.db = Database(target)
        try:
            self.schema_revision = upgrade_schema(self.db)
        except sa_exc.SQLAlchemyError as exc:
            self.db.close()
            raise RegistryError(f"cannot open registry {self.db.where}: {exc}") from exc
        except RegistryError:
            self.db.close()
            raise
        self.documents: DocumentRecords = DocumentStore(self.db)
        self.keys: KeyRecords = KeyStore(self.db)
        self.audit: AuditRecords = AuditLog(self.db)
        self.conversations: ConversationRecords = ConversationStore(self.db, write_mask)
        self.jobs: JobRecords = JobStore(self.db)
        self.proposals: ProposalRecords = ProposalStore(self.db, write_mask)
        self.drafts: DraftRecords = DraftReviewStore(self.db)
        self.versions: VersionRecords = VersionStore(self.db)
        self.sessions: SessionRecords = SessionStore(self.db)
        self.feedback: FeedbackRecords = FeedbackStore(self.db, write_mask)

    @property
    def path(self) -> Path | None:
        """The SQLite file, or None for a database server."""
        return self.db.path

    def transaction(self) -> AbstractContextManager[Connection]:
        return self.db.transaction()

    def close(self) -> None:
        self.db.close()

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
