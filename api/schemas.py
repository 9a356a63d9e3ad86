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


# -- classify-batch: proposals, classification and decisions ---------------------------------
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
