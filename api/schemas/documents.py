"""Documents: the ingest report, stored documents with their minutes items."""

from __future__ import annotations

from dataclasses import asdict

from pydantic import BaseModel, Field

from ingest.pipeline import IngestReport
from rag.store.registry import DocumentRecord, ItemRecord


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


def document_out(record: DocumentRecord, items: list[ItemRecord]) -> DocumentOut:
    return DocumentOut.model_validate(
        {
            **asdict(record),
            "ingested_at": record.ingested_at or "",
            "items": [asdict(i) for i in items],
        }
    )


def ingest_out(report: IngestReport) -> IngestOut:
    return IngestOut.model_validate(asdict(report))
