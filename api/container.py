"""The application facade: one object, built from Settings, that the CLI and the API both call.

Parts are created lazily so that light commands (listing documents, managing keys) do not load
the embedding model or open Chroma.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import asdict
from functools import cached_property
from pathlib import Path
from typing import Any

from langchain_core.embeddings import Embeddings
from langchain_core.language_models import BaseChatModel

from ingest.loaders.base import LoadOptions
from ingest.pipeline import IngestPipeline, IngestReport
from rag.answer.answerer import Answerer, Turn
from rag.answer.judge import DenseScoreJudge, EvidenceJudge, Judge
from rag.classify.batch import ClassifyService
from rag.classify.jobs import register_classify_jobs
from rag.core.documents import ACCESS_LEVELS
from rag.core.results import Answer, SearchFilters, SearchHit
from rag.core.settings import Settings
from rag.draft.job import register_draft_jobs
from rag.embeddings import make_embeddings
from rag.jobs import JobRunner
from rag.llm import make_chat_model
from rag.retrieval.dense import DenseRetriever, Retriever
from rag.retrieval.hybrid import HybridRetriever
from rag.retrieval.rerank import LLMReranker, RerankingRetriever
from rag.store.lexical import LexicalIndex
from rag.store.registry import CLI_ACTOR, Registry, RegistryError
from rag.store.vectors import ChromaVectorStore, make_client

ALL_ACCESS = set(ACCESS_LEVELS)


class Tiekartta:
    """Everything a user can do, as plain function calls with plain data."""

    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        settings.data_dir.mkdir(parents=True, exist_ok=True)

    # -- parts ------------------------------------------------------------------------------
    @cached_property
    def registry(self) -> Registry:
        return Registry(self.settings.registry_path)

    @cached_property
    def embeddings(self) -> Embeddings:
        return make_embeddings(self.settings)

    @cached_property
    def vectors(self) -> ChromaVectorStore:
        client = make_client(self.settings.chroma_url, self.settings.chroma_path)
        embedder: Any = self.embeddings
        return ChromaVectorStore(
            client, self.settings.collection, embedder.name, embedder.dimension
        )

    @cached_property
    def lexical(self) -> LexicalIndex:
        """The BM25 index; rebuilt from Chroma when its files are missing or outdated."""
        index = LexicalIndex(self.settings.lexical_path)
        if index.needs_rebuild or index.count() != self.vectors.count():
            index.rebuild(self.vectors.all_chunks())
        return index

    @cached_property
    def retriever(self) -> Retriever:
        if self.settings.retrieval == "dense":
            return DenseRetriever(self.vectors, self.embeddings)
        hybrid = HybridRetriever(
            self.vectors, self.embeddings, self.lexical, versions=self.registry.versions_of
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
        )

    @cached_property
    def pipeline(self) -> IngestPipeline:
        return IngestPipeline(
            self.registry,
            self.vectors,
            self.embeddings,
            extra_indexes=[self.lexical],
            max_chars=self.settings.chunk_max_chars,
            overlap_chars=self.settings.chunk_overlap_chars,
        )

    @cached_property
    def jobs(self) -> JobRunner:
        """The background-job runner of this process, with every job kind registered."""
        runner = JobRunner(self.registry, self.settings.data_dir / "jobs")
        self._register_job_handlers(runner)
        return runner

    def _register_job_handlers(self, runner: JobRunner) -> None:
        """One line per job kind (each feature module offers a ``register_*_jobs``)."""
        register_draft_jobs(runner, self)
        register_classify_jobs(runner, self)

    # -- documents --------------------------------------------------------------------------
    def ingest(
        self,
        paths: Iterable[Path],
        options: LoadOptions | None = None,
        actor: str = CLI_ACTOR,
        progress: Callable[[str, int, int], None] | None = None,
    ) -> IngestReport:
        report = self.pipeline.ingest(list(paths), options, progress)
        self.lexical.refresh()  # build the BM25 index now, not on the next user's search
        self.registry.log_event(
            actor,
            "ingest",
            {
                "ingested": report.ingested[:200],
                "unchanged": len(report.unchanged),
                "failed": [asdict(f) for f in report.failed],
                "repaired": report.repaired,
            },
        )
        return report

    def remove(self, doc_id: str, actor: str = CLI_ACTOR) -> bool:
        removed = self.pipeline.remove(doc_id)
        self.lexical.refresh()
        self.registry.log_event(actor, "remove", {"doc_id": doc_id, "existed": removed})
        return removed

    # -- questions --------------------------------------------------------------------------
    def search(
        self,
        query: str,
        k: int = 8,
        filters: SearchFilters | None = None,
        actor: str = CLI_ACTOR,
    ) -> list[SearchHit]:
        filters = filters or SearchFilters(access_levels=ALL_ACCESS)
        hits = self.retriever.search(query, k, filters)
        self.registry.log_event(
            actor,
            "search",
            {
                "query": query,
                "results": [h.chunk.chunk_id for h in hits],
            },
        )
        return hits

    def _history(self, conversation_id: str | None, actor: str) -> list[Turn]:
        if not conversation_id:
            return []
        conversation = self.registry.get_conversation(conversation_id)
        if conversation is None or conversation.actor != actor:
            raise RegistryError(f"unknown conversation id '{conversation_id}'")
        return [Turn(t.role, t.text) for t in self.registry.get_turns(conversation_id, limit=10)]

    def _remember(self, conversation_id: str | None, actor: str, answer: Answer) -> str:
        conv_id = conversation_id or self.registry.create_conversation(actor)
        self.registry.add_turn(conv_id, "user", answer.question, {})
        self.registry.add_turn(
            conv_id,
            "assistant",
            answer.answer,
            {
                "found": answer.found,
                "sources": [s.chunk_id for s in answer.sources],
            },
        )
        self.registry.log_event(
            actor,
            "ask",
            {
                "question": answer.question,
                "found": answer.found,
                "mode": answer.mode,
                "conversation_id": conv_id,
                "sources": [
                    {"chunk_id": s.chunk_id, "citation": s.citation} for s in answer.sources
                ],
            },
        )
        return conv_id

    def ask(
        self,
        question: str,
        filters: SearchFilters | None = None,
        conversation_id: str | None = None,
        history: list[Turn] | None = None,
        language: str | None = None,
        actor: str = CLI_ACTOR,
    ) -> Answer:
        """Answer with citations; the turn is stored so a follow-up can refer to it."""
        events = self.ask_stream(
            question, filters, conversation_id, history, language, actor, stream=False
        )
        return next(payload for event, payload in events if event == "done")

    def ask_stream(
        self,
        question: str,
        filters: SearchFilters | None = None,
        conversation_id: str | None = None,
        history: list[Turn] | None = None,
        language: str | None = None,
        actor: str = CLI_ACTOR,
        stream: bool = True,
    ) -> Iterator[tuple[str, Any]]:
        """Events ('sources', 'token'..., 'done'); with stream=False only ('done', Answer)."""
        filters = filters or SearchFilters(access_levels=ALL_ACCESS)
        turns = history if history is not None else self._history(conversation_id, actor)
        if stream:
            events = self.answerer.stream(question, filters, turns, language)
        else:
            events = iter([("done", self.answerer.ask(question, filters, turns, language))])
        for event, payload in events:
            if event == "done":
                payload.conversation_id = self._remember(conversation_id, actor, payload)
            yield event, payload

    def purge_audit(self) -> int:
        return self.registry.purge_events(self.settings.audit_retention_days)

    # -- proposals ------------------------------------------------------------
    @cached_property
    def classify(self) -> ClassifyService:
        """Proposal classification: classifier with people's decisions, batches, the queue."""
        return ClassifyService(self.settings, self.registry)
