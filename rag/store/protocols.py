"""The seams of the state layer: what retrieval, answering and the services need from a store.

Each protocol names the calls its users make, so a second implementation (PostgreSQL records,
a Chroma server, another lexical engine) is checked by mypy against the same shape, and the
contract tests in ``tests/contracts/`` run the same behaviour against each implementation.
Implementations sit beside this module: ``vectors.ChromaVectorStore``,
``lexical.LexicalIndex`` and the record stores held by ``registry.Registry``.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from contextlib import AbstractContextManager
from datetime import datetime, timedelta
from typing import Any, Protocol

import numpy as np

from rag.core.documents import Chunk, MinutesItem
from rag.core.drafts import DraftContent
from rag.core.results import SearchFilters, SearchHit
from rag.store.audit import AuditEvent
from rag.store.conversations import Conversation, ConversationSummary, Turn
from rag.store.db import Connection
from rag.store.document_records import DocumentRecord, ItemRecord
from rag.store.draft_records import DraftComment, DraftRecord, DraftStatusChange, DraftVersion
from rag.store.feedback import AnswerFeedback
from rag.store.jobs import JobRecord
from rag.store.keys import ApiKey, CreatedKey
from rag.store.lexical import WordCoverage
from rag.store.proposals import Decision, ProposalResult, StoredProposal
from rag.store.sessions import NewSession, WebSession
from rag.store.versions import DocumentVector, VersionLink


class VectorIndex(Protocol):
    """Chunks with their vectors; nearest-neighbour search with metadata filters."""

    def reading(self) -> AbstractContextManager[None]: ...

    def writing(self) -> AbstractContextManager[None]: ...

    def add(self, chunks: Sequence[Chunk], vectors: Sequence[Sequence[float]]) -> None: ...

    def delete_document(self, doc_id: str) -> None: ...

    def chunk_ids(self, doc_id: str) -> list[str]: ...

    def get_chunks(self, chunk_ids: Sequence[str]) -> list[Chunk]: ...

    def get_with_vectors(self, chunk_ids: Sequence[str]) -> list[tuple[Chunk, list[float]]]: ...

    def documents_with_vectors(self, doc_ids: Sequence[str]) -> list[tuple[Chunk, list[float]]]: ...

    def all_chunks(self, batch: int = 5000) -> list[Chunk]: ...

    def vectors_by_document(
        self, doc_ids: set[str] | None = None, batch: int = 5000
    ) -> dict[str, list[list[float]]]: ...

    def count(self) -> int: ...

    def query(
        self, vector: Sequence[float], k: int, filters: SearchFilters | None = None
    ) -> list[SearchHit]: ...


class LexicalSearch(Protocol):
    """Word search over chunks (BM25) plus the word statistics a 'not found' decision reads."""

    def add(self, chunks: list[Chunk]) -> None: ...

    def delete_document(self, doc_id: str) -> None: ...

    def rebuild(self, chunks: list[Chunk]) -> None: ...

    def refresh(self) -> None: ...

    def count(self) -> int: ...

    def search(
        self,
        query: str,
        k: int,
        allowed: Callable[[str], bool] | None = None,
        languages: list[str] | None = None,
    ) -> list[tuple[str, float]]: ...

    def idf(self, term: str) -> float: ...

    def query_coverage(
        self, query: str, chunk_ids: list[str], languages: list[str] | None = None
    ) -> float: ...

    def word_coverage(
        self, query: str, chunk_ids: list[str], languages: list[str] | None = None
    ) -> list[WordCoverage]: ...


# -- record stores (one per table group; SQLite or PostgreSQL behind them) --------------------


class DocumentRecords(Protocol):
    """Documents, minutes items and the crash-safe ingest markers."""

    def upsert_document(self, rec: DocumentRecord) -> DocumentRecord: ...

    def get_document(self, doc_id: str) -> DocumentRecord | None: ...

    def list_documents(self, access_levels: set[str] | None = None) -> list[DocumentRecord]: ...

    def delete_document(self, doc_id: str) -> bool: ...

    def document_hash(self, doc_id: str) -> str | None: ...

    def replace_items(self, doc_id: str, items: list[MinutesItem]) -> None: ...

    def items_for(self, doc_id: str) -> list[ItemRecord]: ...

    def begin_ingest(self, doc_id: str, content_hash: str) -> None: ...

    def finish_ingest(self, doc_id: str) -> None: ...

    def abandon_ingest(self, doc_id: str) -> bool: ...

    def is_pending(self, doc_id: str) -> bool: ...

    def pending_documents(self) -> list[str]: ...


class KeyRecords(Protocol):
    """API keys: only hashes of secrets are stored."""

    def create_key(
        self, role: str, label: str = "", clearance: Iterable[str] | None = None
    ) -> CreatedKey: ...

    def verify_key(self, secret: str) -> ApiKey | None: ...

    def get_key(self, key_id: str) -> ApiKey | None: ...

    def list_keys(self, include_revoked: bool = True) -> list[ApiKey]: ...

    def revoke_key(self, key_id: str) -> bool: ...


class AuditRecords(Protocol):
    """The audit log: append, list, purge after the retention period."""

    def log_event(
        self, actor: str, action: str, detail: dict[str, Any] | None = None
    ) -> AuditEvent: ...

    def list_events(
        self,
        since: datetime | None = None,
        actor: str | None = None,
        action: str | None = None,
        limit: int = 100,
    ) -> list[AuditEvent]: ...

    def purge_events(self, older_than_days: int, now: datetime | None = None) -> int: ...

    def mask_events(
        self,
        before: str,
        mask_detail: Callable[[dict[str, Any]], dict[str, Any]],
        since: str | None = None,
    ) -> int: ...


class ConversationRecords(Protocol):
    """Chat conversations and their turns."""

    def create_conversation(self, actor: str) -> str: ...

    def get_conversation(self, conv_id: str) -> Conversation | None: ...

    def add_turn(
        self, conv_id: str, role: str, text: str, meta: dict[str, Any] | None = None
    ) -> Turn: ...

    def list_conversations(self, actor: str, limit: int = 30) -> list[ConversationSummary]: ...

    def get_turns(self, conv_id: str, limit: int = 10) -> list[Turn]: ...

    def purge_conversations(self, older_than_days: int, now: datetime | None = None) -> int: ...

    def mask_turns(
        self, before: str, mask: Callable[[str], str], since: str | None = None
    ) -> int: ...


class JobRecords(Protocol):
    """Background jobs: state, progress and results that outlive a process."""

    def create_job(
        self, kind: str, actor: str, params: dict[str, Any] | None = None
    ) -> JobRecord: ...

    def get_job(self, job_id: str) -> JobRecord | None: ...

    def list_jobs(
        self, kind: str | None = None, actor: str | None = None, limit: int = 50
    ) -> list[JobRecord]: ...

    def unfinished_jobs(self) -> list[JobRecord]: ...

    def jobs_finished_before(self, before: str, kinds: Sequence[str]) -> list[JobRecord]: ...

    def start_job(self, job_id: str) -> JobRecord: ...

    def requeue_job(self, job_id: str) -> JobRecord: ...

    def update_job_progress(
        self, job_id: str, done: int, total: int | None = None
    ) -> JobRecord: ...

    def finish_job(self, job_id: str, result: dict[str, Any] | None = None) -> JobRecord: ...

    def fail_job(self, job_id: str, error: str) -> JobRecord: ...

    def claim_job(
        self, worker: str, kinds: Sequence[str], stale_after_s: float
    ) -> JobRecord | None: ...

    def heartbeat(self, job_id: str, worker: str) -> bool: ...


class ProposalRecords(Protocol):
    """Classified proposals and people's decisions on them."""

    def store_classifications(
        self, results: Sequence[ProposalResult], source: str, job_id: str | None = None
    ) -> None: ...

    def get_proposal(self, proposal_id: str) -> StoredProposal | None: ...

    def job_proposals(self, job_id: str) -> dict[str, StoredProposal]: ...

    def list_proposals(
        self, needs_review: bool = False, limit: int = 100, offset: int = 0
    ) -> list[StoredProposal]: ...

    def count_proposals(self) -> int: ...

    def add_decision(
        self,
        proposal_id: str,
        labels: Sequence[str],
        primary: str | None,
        actor: str,
        allowed_labels: Sequence[str],
        note: str = "",
    ) -> Decision: ...

    def latest_decision(self, proposal_id: str) -> Decision | None: ...

    def decisions(self) -> list[Decision]: ...

    def decisions_version(self) -> int: ...

    def mask_texts(
        self, before: str, mask: Callable[[str], str], since: str | None = None
    ) -> int: ...


class DraftRecords(Protocol):
    """Drafts, their versions, comments and status changes."""

    def get_draft(self, draft_id: int) -> DraftRecord | None: ...

    def draft_for_job(self, job_id: str) -> DraftRecord | None: ...

    def require_draft(self, draft_id: int) -> DraftRecord: ...

    def list_drafts(
        self,
        status: str | None = None,
        clearance: frozenset[str] | set[str] | None = None,
        limit: int = 100,
    ) -> list[DraftRecord]: ...

    def get_draft_content(self, draft_id: int, version: int | None = None) -> DraftContent: ...

    def list_versions(self, draft_id: int) -> list[DraftVersion]: ...

    def create_draft(
        self,
        content: DraftContent,
        actor: str,
        title: str | None = None,
        job_id: str | None = None,
    ) -> DraftRecord: ...

    def copy_draft(
        self,
        draft_id: int,
        actor: str,
        version: int | None = None,
        title: str | None = None,
    ) -> DraftRecord: ...

    def version_actor(self, draft_id: int, version: int) -> str: ...

    def add_version(
        self,
        draft: DraftRecord,
        content: DraftContent,
        actor: str,
        section_key: str,
        language: str,
        diff: str,
    ) -> DraftVersion: ...

    def lock_draft(self, draft_id: int) -> DraftRecord: ...

    def submitter(self, draft_id: int) -> str | None: ...

    def insert_comment(
        self,
        draft: DraftRecord,
        section_key: str,
        language: str | None,
        actor: str,
        text: str,
    ) -> DraftComment: ...

    def record_status(
        self, draft: DraftRecord, to_status: str, actor: str, reason: str
    ) -> DraftStatusChange: ...

    def mark_approved(self, draft_id: int, actor: str, at: str) -> None: ...

    def transaction(self) -> AbstractContextManager[Connection]: ...

    def list_comments(self, draft_id: int) -> list[DraftComment]: ...

    def status_history(self, draft_id: int) -> list[DraftStatusChange]: ...


class VersionRecords(Protocol):
    """Document vectors and the links between language versions of a document."""

    def put_document_vector(
        self, doc_id: str, language: str | None, date: str | None, vector: np.ndarray
    ) -> None: ...

    def document_vectors(self) -> list[DocumentVector]: ...

    def documents_without_vector(self) -> list[str]: ...

    def replace_versions(self, doc_id: str, links: list[VersionLink]) -> None: ...

    def versions_of(self, doc_ids: list[str]) -> dict[str, list[VersionLink]]: ...

    def all_versions(self) -> list[VersionLink]: ...

    def item_keys(
        self,
    ) -> list[tuple[str, str | None, str | None, str | None, str | None]]: ...


class SessionRecords(Protocol):
    """Web sign-in sessions (only token hashes are stored)."""

    def create_session(self, key_id: str, lifetime: timedelta) -> NewSession: ...

    def get_session(self, token: str) -> WebSession | None: ...

    def end_session(self, token: str) -> bool: ...


class FeedbackRecords(Protocol):
    """Ratings people gave answers."""

    def add_feedback(
        self, conv_id: str, turn_id: int, actor: str, rating: int, comment: str = ""
    ) -> AnswerFeedback: ...

    def list_feedback(self, limit: int = 1000) -> list[AnswerFeedback]: ...

    def mask_comments(
        self, before: str, mask: Callable[[str], str], since: str | None = None
    ) -> int: ...
