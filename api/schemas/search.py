"""POST /search: ranked chunks with their citations and language versions."""

from __future__ import annotations

from dataclasses import asdict

from pydantic import BaseModel, Field

from api.schemas.common import FiltersIn
from rag.core.citations import citation_label
from rag.core.results import SearchHit, VersionRef


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
    versions: list[VersionRef] = Field(default_factory=list)  # linked language versions


class SearchOut(BaseModel):
    query: str
    results: list[ChunkOut]


def chunk_out(hit: SearchHit, language: str = "fi") -> ChunkOut:
    """A ranked chunk with its citation label (and its linked language versions)."""
    versions = [
        {**asdict(v.chunk), "citation": citation_label(v.chunk, language)} for v in hit.versions
    ]
    return ChunkOut.model_validate(
        {
            **asdict(hit.chunk),
            "citation": citation_label(hit.chunk, language),
            "score": round(hit.score, 4),
            "versions": versions,
        }
    )
