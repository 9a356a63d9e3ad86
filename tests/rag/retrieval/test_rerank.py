"""Optional LLM reranking, over the fake OpenAI-compatible server (real HTTP, real client)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from api.container import Tiekartta
from rag.core.documents import ALL_ACCESS
from rag.core.results import SearchFilters, SearchHit
from rag.llm import make_chat_model
from rag.retrieval.hybrid import HybridRetriever
from rag.retrieval.rerank import LLMReranker, RerankingRetriever, apply_order
from tests.conftest import REPO, make_settings
from tests.fakes.openai_server import FakeError, FakeOpenAIServer, last_user_message

EVERYTHING = SearchFilters(access_levels=ALL_ACCESS)
QUESTION_FI = "Milloin kaupunginhallitus hyväksyi Digiohjelman 2024–2026?"


def _reranking(service: Tiekartta, server: FakeOpenAIServer, tmp: Path) -> RerankingRetriever:
    settings = make_settings(tmp, llm_base_url=server.base_url, llm_model="fake-chat")
    chat = make_chat_model(settings)
    assert chat is not None
    return RerankingRetriever(service.retriever, LLMReranker(chat, REPO / "prompts"), 6)


def _ids(hits: list[SearchHit]) -> list[str]:
    return [h.chunk.chunk_id for h in hits]


def test_the_models_order_is_applied_and_nothing_is_lost(
    sample_service: Tiekartta, fake_openai: FakeOpenAIServer, tmp_path: Path
) -> None:
    fused = sample_service.retriever.search(QUESTION_FI, 8, EVERYTHING)
    assert len(fused) >= 6
    prompts: list[str] = []

    def responder(request: dict[str, Any]) -> dict[str, Any]:
        prompts.append(last_user_message(request))
        return {"order": [3, 1]}

    fake_openai.responder = responder
    reranked = _reranking(sample_service, fake_openai, tmp_path).search(QUESTION_FI, 8, EVERYTHING)
    expected = [fused[2], fused[0], fused[1], *fused[3:]]
    assert _ids(reranked) == _ids(expected)
    (prompt,) = prompts
    assert QUESTION_FI in prompt and "Otteet:" in prompt  # the Finnish prompt
    assert "[6]" in prompt and "[7]" not in prompt  # only the 6 best candidates are shown
    assert fused[0].chunk.text[:80] in prompt


def test_a_swedish_question_gets_the_swedish_prompt(
    sample_service: Tiekartta, fake_openai: FakeOpenAIServer, tmp_path: Path
) -> None:
    fake_openai.responder = lambda request: {"order": []}
    question = "När godkände stadsstyrelsen digitaliseringsprogrammet?"
    fused = sample_service.retriever.search(question, 5, EVERYTHING)
    reranked = _reranking(sample_service, fake_openai, tmp_path).search(question, 5, EVERYTHING)
    assert _ids(reranked) == _ids(fused)  # an empty order keeps the fused order
    prompt = last_user_message(fake_openai.chat_requests()[-1])
    assert "Fråga: " + question in prompt


@pytest.mark.parametrize(
    "reply", [FakeError(500, "model overloaded"), {"wrong": "shape"}, "not json at all"]
)
def test_a_failing_or_confused_model_keeps_the_fused_order(
    sample_service: Tiekartta, fake_openai: FakeOpenAIServer, tmp_path: Path, reply: object
) -> None:
    fake_openai.responder = lambda request: reply
    fused = sample_service.retriever.search(QUESTION_FI, 8, EVERYTHING)
    reranked = _reranking(sample_service, fake_openai, tmp_path).search(QUESTION_FI, 8, EVERYTHING)
    assert _ids(reranked) == _ids(fused)


def test_apply_order_ignores_unknown_and_repeated_numbers() -> None:
    hits: list[Any] = ["a", "b", "c", "d"]
    assert apply_order(hits, [99, 3, 0, 3, -1, 2]) == ["c", "b", "a", "d"]
    assert apply_order(hits, []) == hits


def test_reranking_is_off_by_default_and_needs_an_llm(
    tmp_path: Path, fake_openai: FakeOpenAIServer
) -> None:
    assert isinstance(Tiekartta(make_settings(tmp_path / "a")).retriever, HybridRetriever)
    no_llm = Tiekartta(make_settings(tmp_path / "b", rerank_with_llm=True))
    assert isinstance(no_llm.retriever, HybridRetriever)
    with_llm = Tiekartta(
        make_settings(
            tmp_path / "c",
            rerank_with_llm=True,
            rerank_candidates=5,
            llm_base_url=fake_openai.base_url,
            llm_model="fake-chat",
        )
    )
    retriever = with_llm.retriever
    assert isinstance(retriever, RerankingRetriever) and retriever.candidates == 5
