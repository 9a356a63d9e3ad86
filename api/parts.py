"""The parts of tiekartta, built from Settings on first use: stores, retriever, answerer, ...

Light commands (listing documents, managing keys) touch only the registry, so nothing here is
built before it is needed. Tests and embedders may hand in ready parts (``embeddings``,
``chat_model``, ``registry``, ...) instead of having them built from settings.
"""

from __future__ import annotations

from functools import cached_property
from typing import Any

from langchain_core.language_models import BaseChatModel

from ingest.pipeline import IngestPipeline
from rag.answer.answerer import Answerer
from rag.answer.judge import DenseScoreJudge, EvidenceJudge, Judge
from rag.classify.batch import ClassifyService
from rag.core.limits import InputLimits
from rag.core.privacy.at_rest import mask_text
from rag.core.settings import Settings
from rag.embeddings import make_embeddings
from rag.embeddings.base import EmbeddingsBackend
from rag.embeddings.cache import EmbeddingCache
from rag.jobs import JobRunner
from rag.llm import make_chat_model
from rag.retrieval.dense import DenseRetriever, Retriever
from rag.retrieval.hybrid import HybridRetriever
from rag.retrieval.rerank import LLMReranker, RerankingRetriever
from rag.store.gate import StoreGate
from rag.store.lexical import LexicalIndex
from rag.store.registry import Registry
from rag.store.vectors import ChromaVectorStore, make_client, reopen_persistent_client

# The parts a caller may hand in ready-made (each is otherwise built from settings).
INJECTABLE = (
    "registry",
    "embeddings",
    "vectors",
    "lexical",
    "retriever",
    "chat_model",
    "judge",
    "answerer",
)


class Parts:
    """Every building block, created lazily from one Settings object."""

    def __init__(self, settings: Settings, **ready: Any) -> None:
        self.settings = settings
        settings.data_dir.mkdir(parents=True, exist_ok=True)
        unknown = sorted(set(ready) - set(INJECTABLE))
        if unknown:
            raise TypeError(f"unknown parts {unknown}: only {', '.join(INJECTABLE)}")
        # A value in the instance dict wins over the cached_property that would build it.
        self.__dict__.update(ready)

    # -- parts ------------------------------------------------------------------------------
    @cached_property
    def registry(self) -> Registry:
        keeps_no_raw_text = self.settings.raw_text_retention_days == 0
        return Registry(
            self.settings.registry_target, write_mask=mask_text if keeps_no_raw_text else None
        )

    @cached_property
    def embeddings(self) -> EmbeddingsBackend:
        return make_embeddings(self.settings)

    @cached_property
    def vectors(self) -> ChromaVectorStore:
        client = make_client(self.settings.chroma_url, self.settings.chroma_path)
        embedder: Any = self.embeddings
        if self.settings.chroma_url:  # a Chroma server serialises its clients itself
            return ChromaVectorStore(
                client, self.settings.collection, embedder.name, embedder.dimension
            )
        # Embedded: the CLI and the server may share the data directory (rag/store/gate.py).
        return ChromaVectorStore(
            client,
            self.settings.collection,
            embedder.name,
            embedder.dimension,
            gate=StoreGate.for_directory(self.settings.data_dir),
            reopen=lambda: reopen_persistent_client(self.settings.chroma_path),
        )

    @cached_property
    def lexical(self) -> LexicalIndex:
        """The BM25 index: its corpus in the registry database, its build cached in the data
        directory; rebuilt from Chroma when the corpus is missing, outdated or incomplete."""
        lexical_dir = self.settings.lexical_path
        index = LexicalIndex(self.registry.db, lexical_dir)
        index.adopt_file_corpus(lexical_dir / "corpus.sqlite3")  # an install from before 0003
        if index.needs_rebuild or index.count() != self.vectors.count():
            with self.vectors.writing():  # no other process may change Chroma meanwhile
                if index.needs_rebuild or index.count() != self.vectors.count():
                    index.rebuild(self.vectors.all_chunks())
        return index

    @cached_property
    def retriever(self) -> Retriever:
        if self.settings.retrieval == "dense":
            return DenseRetriever(self.vectors, self.embeddings)
        hybrid = HybridRetriever(
            self.vectors, self.embeddings, self.lexical, versions=self.registry.versions.versions_of
        )
        if self.settings.rerank_with_llm and self.chat_model is not None:
            reranker = LLMReranker(self.chat_model, self.settings.prompts_dir)
            return RerankingRetriever(hybrid, reranker, self.settings.rerank_candidates)
        return hybrid

    @cached_property
    def chat_model(self) -> BaseChatModel | None:
        return make_chat_model(self.settings)

    @cached_property
    def judge(self) -> Judge:
        """The 'not found' decision that fits the retrieval mode (threshold overridable)."""
        custom = self.settings.not_found_threshold
        if self.settings.retrieval == "dense":
            return DenseScoreJudge(custom) if custom > 0 else DenseScoreJudge()
        return EvidenceJudge(self.lexical, custom) if custom > 0 else EvidenceJudge(self.lexical)

    @cached_property
    def answerer(self) -> Answerer:
        return Answerer(
            self.retriever,
            self.embeddings,
            self.settings.prompts_dir,
            self.chat_model,
            k=self.settings.search_k,
            judge=self.judge,
            sentence_vectors=self.sentence_vectors,
            restore_personal_data=self.settings.restore_personal_data,
        )

    @cached_property
    def sentence_vectors(self) -> EmbeddingCache:
        """Vectors of every quotable sentence, filled at ingest, read when answering."""
        return EmbeddingCache(self.embeddings, self.settings.sentence_vectors_path)

    @cached_property
    def pipeline(self) -> IngestPipeline:
        return IngestPipeline(
            self.registry,
            self.vectors,
            self.embeddings,
            extra_indexes=[self.lexical],
            sentence_vectors=self.sentence_vectors,
            max_chars=self.settings.chunk_max_chars,
            overlap_chars=self.settings.chunk_overlap_chars,
            limits=InputLimits.from_settings(self.settings),
        )

    @cached_property
    def job_runner(self) -> JobRunner:
        """The background-job runner of this process (job kinds are added by the container)."""
        return JobRunner(
            self.registry, self.settings.data_dir / "jobs", in_process=self.settings.jobs_in_process
        )

    @cached_property
    def classify(self) -> ClassifyService:
        """Proposal classification: classifier with people's decisions, batches, the queue."""
        return ClassifyService(self.settings, self.registry)
