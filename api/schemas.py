"""Request and response bodies of the HTTP API (separate pydantic classes per direction)."""

from __future__ import annotations

from datetime import date
from typing import Literal

from pydantic import BaseModel, Field


class ErrorBody(BaseModel):
    detail: str = Field(description="What went wrong, for a person.")


class HealthOut(BaseModel):
    status: str
    version: str
    documents: int
    llm: bool
    embeddings: str


class FiltersIn(BaseModel):
    date_from: date | None = Field(default=None, description="Inclusive ISO date.")
    date_to: date | None = Field(default=None, description="Inclusive ISO date.")
    language: Literal["fi", "sv", "en"] | None = None
    kind: str | None = None
    body: str | None = Field(default=None, description="Decision body, e.g. Kaupunginhallitus.")
    doc_ids: list[str] | None = None


class SearchIn(BaseModel):
    query: str = Field(min_length=1, max_length=2000)
    k: int = Field(default=8, ge=1, le=50)
    filters: FiltersIn = Field(default_factory=FiltersIn)


class ChunkOut(BaseModel):
    chunk_id: str
    doc_id: str
    title: str
    citation: str
    text: str
    score: float
    language: str
    date: str | None
    body: str | None
    section: str | None
    page: int | None
    part: str | None
    record_number: str | None
    url: str | None
    versions: list[VersionOut] = Field(default_factory=list)  # linked language versions


class VersionOut(BaseModel):
    """The same item in another language (fi/sv version linking)."""

    doc_id: str
    chunk_id: str
    language: str
    title: str
    citation: str
    url: str | None = None


class SearchOut(BaseModel):
    query: str
    results: list[ChunkOut]


class TurnIn(BaseModel):
    role: Literal["user", "assistant"]
    text: str = Field(max_length=8000)


class AskIn(BaseModel):
    question: str = Field(min_length=1, max_length=2000)
    language: Literal["fi", "sv", "en"] | None = Field(
        default=None, description="Answer language; detected from the question when empty."
    )
    filters: FiltersIn = Field(default_factory=FiltersIn)
    conversation_id: str | None = Field(
        default=None, description="Continue an earlier conversation (follow-up questions)."
    )
    history: list[TurnIn] | None = Field(
        default=None, description="Earlier turns, when the client keeps the conversation."
    )
    stream: bool = Field(default=False, description="Answer as server-sent events.")


class SourceOut(BaseModel):
    number: int
    chunk_id: str
    doc_id: str
    title: str
    citation: str
    date: str | None
    body: str | None
    section: str | None
    page: int | None
    url: str | None
    part: str | None
    quote: str
    score: float
    versions: list[VersionOut] = Field(default_factory=list)  # linked language versions


class CitationOut(BaseModel):
    claim: str
    source_number: int
    quote: str


class AnswerOut(BaseModel):
    question: str
    language: str
    answer: str
    found: bool
    mode: str
    sources: list[SourceOut]
    citations: list[CitationOut]
    conversation_id: str | None
    warnings: list[str]


class MinutesItemOut(BaseModel):
    body: str | None
    meeting_date: str | None
    section: str | None
    record_number: str | None
    title: str | None
    preparer: str | None
    doc_type: str | None
    pages: list[int]


class DocumentOut(BaseModel):
    doc_id: str
    title: str
    date: str | None
    language: str | None
    kind: str | None
    body: str | None
    access: str
    format: str
    url: str | None
    chunk_count: int
    ingested_at: str
    items: list[MinutesItemOut] = Field(default_factory=list)


class FailedFileOut(BaseModel):
    path: str
    reason: str


class IngestOut(BaseModel):
    ingested: list[str]
    unchanged: list[str]
    failed: list[FailedFileOut]
    repaired: list[str]
    identical_repeats: int
    conflicts: list[str]
    chunks: int


class DeleteOut(BaseModel):
    doc_id: str
    deleted: bool


class KeyCreateIn(BaseModel):
    role: str = Field(description="reader, editor, approver or admin")
    label: str = ""
    clearance: list[str] | None = Field(
        default=None, description="Access levels the key may read (public, internal, restricted)."
    )


class KeyOut(BaseModel):
    key_id: str
    role: str
    label: str
    clearance: list[str]
    created_at: str
    revoked: bool


class KeyCreatedOut(KeyOut):
    secret: str = Field(description="Shown once; store it safely.")


class AuditEventOut(BaseModel):
    event_id: int
    at: str
    actor: str
    action: str
    detail: dict


# -- background jobs --------------------------------------------------------------------------
class JobOut(BaseModel):
    job_id: str
    kind: str
    status: Literal["queued", "running", "done", "failed"]
    done: int = Field(description="Items processed so far.")
    total: int | None = Field(default=None, description="Items in all, once known.")
    error: str | None = None
    result: dict[str, object] = Field(default_factory=dict)
    result_url: str | None = Field(default=None, description="Download link when done.")
    created_at: str
    updated_at: str


# -- draft review workflow: api/routes/drafts.py -------------------------------
DraftStatus = Literal["draft", "in_review", "approved", "rejected"]


class DraftJobOut(BaseModel):
    job_id: str
    status: Literal["queued", "running", "done", "failed"]
    status_url: str = Field(
        description="Poll for progress; the finished job's result names the draft_id."
    )


class DraftSummaryOut(BaseModel):
    draft_id: int
    title: str
    status: DraftStatus
    period_start: str
    period_end: str
    themes: list[str]
    languages: list[str]
    programme_id: str
    generator: str
    access: list[str] = Field(description="Access levels of the documents the draft cites.")
    current_version: int
    created_by: str
    created_at: str
    updated_at: str
    approved_version: int | None
    approved_by: str | None
    approved_at: str | None
    job_id: str | None = Field(default=None, description="The job that generated the draft.")


class DraftCitationOut(BaseModel):
    number: int
    chunk_id: str
    doc_id: str
    title: str
    date: str | None
    section: str | None
    page: int | None
    url: str | None
    body: str | None
    quote: str


class DraftFlagOut(BaseModel):
    kind: str
    message: str
    measure_id: str | None
    sentence: str | None


class DraftSectionOut(BaseModel):
    key: str
    language: str
    title: str
    text: str = Field(description="Markdown with [n] citation markers.")
    theme: str | None
    citations: list[DraftCitationOut]
    flags: list[DraftFlagOut]


class DraftVersionOut(BaseModel):
    draft_id: int
    version: int
    actor: str
    at: str
    kind: Literal["created", "edit"]
    section: str | None
    language: str | None
    diff: str = Field(description="Unified diff of the edited section against the version before.")


class DraftCommentOut(BaseModel):
    comment_id: int
    draft_id: int
    version: int
    section: str
    language: str | None
    actor: str
    at: str
    text: str


class DraftStatusChangeOut(BaseModel):
    version: int
    from_status: DraftStatus
    to_status: DraftStatus
    actor: str
    at: str
    reason: str


class DraftOut(DraftSummaryOut):
    version: int = Field(description="The version whose sections are shown.")
    sections: list[DraftSectionOut]
    versions: list[DraftVersionOut]
    comments: list[DraftCommentOut]
    status_history: list[DraftStatusChangeOut]


class DraftEditIn(BaseModel):
    section: str = Field(min_length=1, description="Section key, e.g. summary or theme-a.")
    language: Literal["fi", "sv", "en"]
    text: str = Field(min_length=1, max_length=100_000, description="The new Markdown text.")
    base_version: int | None = Field(
        default=None, description="The version the edit started from; a newer one refuses it."
    )


class DraftCommentIn(BaseModel):
    section: str = Field(min_length=1)
    language: Literal["fi", "sv", "en"] | None = Field(
        default=None, description="The section in one language; empty = in every language."
    )
    text: str = Field(min_length=1, max_length=5_000)


class DraftDecisionIn(BaseModel):
    reason: str = Field(default="", max_length=5_000, description="Required to reject.")


class DraftCopyIn(BaseModel):
    version: int | None = Field(
        default=None, ge=1, description="Default: the approved version, else the current one."
    )
    title: str | None = Field(default=None, max_length=300)


# -- proposals, classification and decisions ---------------------------------
class ProposalIn(BaseModel):
    id: str | None = Field(
        default=None, max_length=200, description="Your id; default: derived from the text."
    )
    text: str = Field(description="The proposal text (fi, sv or en).")
    language: Literal["fi", "sv", "en"] | None = Field(
        default=None, description="Default: detected."
    )


class ClassifyIn(BaseModel):
    proposals: list[ProposalIn] = Field(min_length=1)
    mode: Literal["offline", "llm", "auto"] = "auto"


class ClassificationOut(BaseModel):
    id: str
    labels: list[str]
    primary: str
    confidence: float
    reason: str
    needs_review: bool
    language: str | None
    mode: str
    scores: dict[str, float]


class ClassifyOut(BaseModel):
    results: list[ClassificationOut]


class ClassifyJobOut(BaseModel):
    job_id: str
    status: str
    status_url: str = Field(description="Poll for progress: GET /jobs/{job_id}.")
    result_url: str = Field(description="The classified file, once the job is done.")
    rows: int = Field(description="Data rows in the file.")
    proposals: int = Field(description="Distinct proposals that will be classified.")
    rejected_rows: int = Field(description="Rows that will be skipped (see the job result).")


class DecisionIn(BaseModel):
    labels: list[str] = Field(min_length=1, description="Theme ids, e.g. ['a', 'c'] or ['none'].")
    primary: str | None = Field(default=None, description="Default: the first label.")
    note: str = Field(default="", max_length=2000)


class DecisionOut(BaseModel):
    decision_id: int
    proposal_id: str
    labels: list[str]
    primary: str
    actor: str
    at: str
    note: str


class ProposalOut(BaseModel):
    id: str
    text: str
    language: str | None
    source: str
    job_id: str | None
    labels: list[str]
    primary: str
    confidence: float
    reason: str
    needs_review: bool
    mode: str
    classified_at: str
    decision: DecisionOut | None = None
