"""Retrievers: the seam every job (ask, classify, draft) searches through."""

from __future__ import annotations

from typing import Protocol

from langchain_core.embeddings import Embeddings

from rag.core.results import SearchFilters, SearchHit
from rag.store.protocols import VectorIndex


class Retriever(Protocol):
    """Finds the chunks most relevant to a query, honouring the filters."""

    def search(
        self, query: str, k: int = 8, filters: SearchFilters | None = None
    ) -> list[SearchHit]: ...


class DenseRetriever:
    """Cosine similarity over the Chroma collection."""

    def __init__(self, vectors: VectorIndex, embeddings: Embeddings) -> None:
        self.vectors = vectors
        self.embeddings = embeddings

    def search(
        self, query: str, k: int = 8, filters: SearchFilters | None = None
    ) -> list[SearchHit]:
        vector = self.embeddings.embed_query(query)
        return self.vectors.query(vector, k, filters or SearchFilters())
