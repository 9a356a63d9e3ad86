"""Typed results shared by retrieval, answering and the API."""

from __future__ import annotations

from dataclasses import dataclass, field

from rag.core.documents import Chunk


@dataclass
class SearchFilters:
    """Metadata filters usable on every search path (CLI, API, evaluation)."""

    date_from: str | None = None  # ISO date, inclusive
    date_to: str | None = None  # ISO date, inclusive
    language: str | None = None
    kind: str | None = None
    body: str | None = None
    doc_ids: list[str] | None = None
    access_levels: set[str] = field(default_factory=lambda: {"public"})

    def matches(self, chunk: Chunk) -> bool:
        """The same filters as the Chroma `where` clause, for hits found by other indexes."""
        if chunk.access not in self.access_levels:
            return False
        if self.date_from and (not chunk.date or chunk.date[:10] < self.date_from):
            return False
        if self.date_to and (not chunk.date or chunk.date[:10] > self.date_to):
            return False
        if self.language and chunk.language != self.language:
            return False
        if self.kind and chunk.kind != self.kind:
            return False
        if self.body and chunk.body != self.body:
            return False
        return not self.doc_ids or chunk.doc_id in self.doc_ids


@dataclass
class SearchHit:
    """One retrieved chunk with its relevance (higher is better, cosine similarity for dense)."""

    chunk: Chunk
    score: float
    dense: float | None = None  # cosine similarity to the question, when known
    lexical: float | None = None  # BM25 score, when the lexical index found the chunk
    duplicates: list[str] = field(default_factory=list)  # near-identical chunks collapsed here
    # The same item in another language (linked at ingest): the best chunk of each version.
    versions: list[SearchHit] = field(default_factory=list)


@dataclass
class VersionRef:
    """Another-language version of a cited source (fi/sv linking)."""

    doc_id: str
    chunk_id: str
    language: str
    title: str
    citation: str
    url: str | None


@dataclass
class Source:
    """A cited source of an answer, resolvable to a stored chunk."""

    number: int  # 1-based citation number used in the answer text: [1], [2] ...
    chunk_id: str
    doc_id: str
    title: str
    citation: str  # the way the city cites: "Kaupunginhallitus 22.1.2024 § 25"
    date: str | None
    body: str | None
    section: str | None
    page: int | None
    url: str | None
    part: str | None
    quote: str
    score: float
    versions: list[VersionRef] = field(default_factory=list)


@dataclass
class Citation:
    """A claim of the answer and the exact passage that supports it."""

    claim: str
    source_number: int
    quote: str


@dataclass
class Answer:
    """What /ask and `tiekartta ask` return, in both the extractive and the LLM mode."""

    question: str
    language: str
    answer: str
    found: bool
    sources: list[Source]
    citations: list[Citation]
    mode: str  # "extractive" | "llm"
    conversation_id: str | None = None
    warnings: list[str] = field(default_factory=list)
    # True when the question was read together with the conversation's earlier turns (a
    # follow-up such as "entä vuonna 2025?"); False when it was answered on its own.
    context_used: bool = False
