"""Conversions between the API's pydantic bodies and the plain dataclasses of rag/ingest."""

from __future__ import annotations

from dataclasses import asdict
from typing import Any

from api.schemas import (
    AnswerOut,
    ChunkOut,
    DocumentOut,
    FiltersIn,
    IngestOut,
    KeyOut,
    MinutesItemOut,
    VersionOut,
)
from ingest.pipeline import IngestReport
from rag.core.citations import citation_label
from rag.core.results import Answer, SearchFilters, SearchHit
from rag.store.registry import ApiKey, DocumentRecord


def filters_for(filters: FiltersIn, key: ApiKey) -> SearchFilters:
    """Request filters limited to the access levels the key is cleared for."""
    return SearchFilters(
        date_from=filters.date_from.isoformat() if filters.date_from else None,
        date_to=filters.date_to.isoformat() if filters.date_to else None,
        language=filters.language,
        kind=filters.kind,
        body=filters.body,
        doc_ids=filters.doc_ids,
        access_levels=set(key.clearance),
    )


def chunk_out(hit: SearchHit, language: str = "fi") -> ChunkOut:
    c = hit.chunk
    return ChunkOut(
        chunk_id=c.chunk_id,
        doc_id=c.doc_id,
        title=c.title,
        citation=citation_label(c, language),
        text=c.text,
        score=round(hit.score, 4),
        language=c.language,
        date=c.date,
        body=c.body,
        section=c.section,
        page=c.page,
        part=c.part,
        record_number=c.record_number,
        url=c.url,
        versions=[
            VersionOut(
                doc_id=v.chunk.doc_id,
                chunk_id=v.chunk.chunk_id,
                language=v.chunk.language,
                title=v.chunk.title,
                citation=citation_label(v.chunk, language),
                url=v.chunk.url,
            )
            for v in hit.versions
        ],
    )


def answer_out(answer: Answer) -> AnswerOut:
    return AnswerOut.model_validate(asdict(answer))


def document_out(record: DocumentRecord, items: list[Any] | None = None) -> DocumentOut:
    return DocumentOut(
        doc_id=record.doc_id,
        title=record.title,
        date=record.date,
        language=record.language,
        kind=record.kind,
        body=record.body,
        access=record.access,
        format=record.format,
        url=record.url,
        chunk_count=record.chunk_count,
        ingested_at=record.ingested_at or "",
        items=[MinutesItemOut.model_validate(asdict(i), from_attributes=True) for i in items or []],
    )


def ingest_out(report: IngestReport) -> IngestOut:
    return IngestOut.model_validate(asdict(report))


def key_out(key: ApiKey) -> KeyOut:
    return KeyOut(
        key_id=key.key_id,
        role=key.role,
        label=key.label,
        clearance=sorted(key.clearance),
        created_at=key.created_at,
        revoked=key.revoked,
    )
