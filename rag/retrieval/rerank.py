"""Optional LLM reranking of the fused candidates (setting `rerank_with_llm`, off by default).

The hybrid retriever's best `candidates` hits are shown to the configured chat model with the
question (prompts/rerank/order.<lang>.md), which returns their numbers best first. Hits it
leaves out keep their fused order after the ones it ranked, so reranking never loses a hit;
an unreachable or confused model leaves the fused order unchanged. Quality cannot be
measured without a real LLM (README); its added latency is measured with the fake server.
"""

from __future__ import annotations

import logging
from pathlib import Path

from langchain_core.language_models import BaseChatModel
from langchain_core.messages import HumanMessage
from pydantic import BaseModel, Field

from rag.core.citations import citation_label
from rag.core.language import detect_language
from rag.core.privacy import mask_pii
from rag.core.prompts import render_prompt
from rag.core.results import SearchFilters, SearchHit
from rag.retrieval.dense import Retriever

log = logging.getLogger(__name__)

EXCERPT_CHARS = 700  # enough of a 1,000-character chunk to judge it, shorter prompts


class RerankOrder(BaseModel):
    """Structured output asked of the model."""

    order: list[int] = Field(description="Excerpt numbers, most relevant first.")


def apply_order(hits: list[SearchHit], order: list[int]) -> list[SearchHit]:
    """Hits in the model's order (1-based numbers); unknown or repeated numbers ignored,
    hits the model left out follow in their fused order."""
    chosen: list[int] = []
    for number in order:
        index = number - 1
        if 0 <= index < len(hits) and index not in chosen:
            chosen.append(index)
    rest = [i for i in range(len(hits)) if i not in chosen]
    return [hits[i] for i in chosen + rest]


class LLMReranker:
    """Asks the chat model to order candidate hits for a question."""

    def __init__(self, chat_model: BaseChatModel, prompts_dir: Path) -> None:
        self.chat_model = chat_model
        self.prompts_dir = prompts_dir

    def prompt(self, query: str, hits: list[SearchHit], language: str) -> str:
        listing = "\n\n".join(
            # Only masked text leaves for the LLM.
            f"[{n}] {citation_label(h.chunk, language)}\n"
            + mask_pii(h.chunk.text[:EXCERPT_CHARS]).text
            for n, h in enumerate(hits, start=1)
        )
        return render_prompt(
            self.prompts_dir,
            "rerank",
            "order",
            language,
            question=mask_pii(query).text,
            candidates=listing,
        )

    def rerank(self, query: str, hits: list[SearchHit]) -> list[SearchHit]:
        if len(hits) < 2:
            return hits
        language = detect_language(query, default="fi")
        try:
            structured = self.chat_model.with_structured_output(RerankOrder)
            raw = structured.invoke([HumanMessage(self.prompt(query, hits, language))])
            result = raw if isinstance(raw, RerankOrder) else RerankOrder.model_validate(raw)
        except Exception as exc:  # the fused order is a good answer on its own
            log.warning("LLM reranking failed, fused order kept: %s", exc)
            return hits
        return apply_order(hits, result.order)


class RerankingRetriever:
    """Wraps a retriever: fetch `candidates` hits, let the LLM order them, return the top k."""

    def __init__(self, inner: Retriever, reranker: LLMReranker, candidates: int = 12) -> None:
        self.inner = inner
        self.reranker = reranker
        self.candidates = candidates

    def search(
        self, query: str, k: int = 8, filters: SearchFilters | None = None
    ) -> list[SearchHit]:
        hits = self.inner.search(query, max(k, self.candidates), filters)
        head = self.reranker.rerank(query, hits[: self.candidates])
        return (head + hits[self.candidates :])[:k]
