"""tiekartta's retriever as a LangChain `BaseRetriever`, so it drops into LangChain chains."""

from __future__ import annotations

from dataclasses import asdict
from typing import Any

from langchain_core.callbacks import CallbackManagerForRetrieverRun
from langchain_core.documents import Document
from langchain_core.retrievers import BaseRetriever
from pydantic import ConfigDict

from rag.core.citations import citation_label
from rag.core.results import SearchFilters
from rag.retrieval.dense import Retriever


class TiekarttaRetriever(BaseRetriever):
    """Wraps any tiekartta `Retriever` (hybrid by default); documents carry citation metadata."""

    model_config = ConfigDict(arbitrary_types_allowed=True)

    retriever: Any  # a rag.retrieval.dense.Retriever (a Protocol, so typed loosely for pydantic)
    k: int = 8
    filters: SearchFilters | None = None
    language: str = "fi"

    def _get_relevant_documents(
        self, query: str, *, run_manager: CallbackManagerForRetrieverRun
    ) -> list[Document]:
        engine: Retriever = self.retriever
        documents = []
        for hit in engine.search(query, self.k, self.filters):
            metadata = {k: v for k, v in asdict(hit.chunk).items() if k != "text" and v is not None}
            metadata.update(
                score=hit.score,
                citation=citation_label(hit.chunk, self.language),
                duplicates=hit.duplicates,
            )
            documents.append(
                Document(page_content=hit.chunk.text, metadata=metadata, id=hit.chunk.chunk_id)
            )
        return documents
