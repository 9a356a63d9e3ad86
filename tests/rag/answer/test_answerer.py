"""Answers from the real sample corpus (bundled e5, embedded Chroma) in both modes."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

from api.container import Tiekartta
from rag.answer.answerer import Answerer, LLMAnswer, quote_supported
from rag.core.messages import message
from rag.llm import make_chat_model
from tests.conftest import REPO, make_settings
from tests.fakes.openai_server import FakeOpenAIServer
from tests.fakes.prompt_parts import sent_sources

FACTS = yaml.safe_load((REPO / "corpus" / "sample_facts.yaml").read_text(encoding="utf-8"))
PDF_ID = FACTS["minutes_pdf"]["doc_id"]


def test_extractive_answer_cites_section_page_date_and_body(sample_service: Tiekartta) -> None:
    answer = sample_service.questions.ask(
        "Milloin kaupunginhallitus hyväksyi digiohjelman 2024–2026?"
    )
    assert answer.found and answer.mode == "extractive" and answer.language == "fi"
    pdf_sources = [s for s in answer.sources if s.doc_id == PDF_ID]
    assert pdf_sources, [s.doc_id for s in answer.sources]
    source = pdf_sources[0]
    assert source.section == "25" and source.body == "Kaupunginhallitus"
    assert source.date == "2024-01-22" and source.page in (4, 5)
    assert source.citation.startswith("Kaupunginhallitus 22.1.2024 § 25, s. ")
    # Every citation quotes a sentence of a retrieved source, and the answer shows it.
    for citation in answer.citations:
        cited = next(s for s in answer.sources if s.number == citation.source_number)
        assert citation.quote in cited.quote and citation.quote in answer.answer


def test_swedish_question_answers_in_swedish(sample_service: Tiekartta) -> None:
    answer = sample_service.questions.ask("Hur många åtgärder i färdplanen har slutförts?")
    assert answer.found and answer.language == "sv"
    assert answer.answer.startswith(message("extractive_intro", "sv"))
    assert "11" in answer.answer


@pytest.mark.parametrize(
    ("question", "language"),
    [
        pytest.param(
            "What is the budget of the Mars space programme of the city?",
            "en",
            marks=pytest.mark.xfail(
                strict=True,
                reason="known gap (issue 3): 'budget', 'programme' and 'city' are covered by the "
                "Digital Programme texts, so the evidence judge accepts the programme budget",
            ),
        ),
        ("Who won the football world cup in 1966?", "en"),
        ("Kuinka monta lohikäärmettä asuu Porvoon keskiaikaisessa linnassa?", "fi"),
    ],
)
def test_unsupported_question_is_not_found_in_its_language(
    sample_service: Tiekartta, question: str, language: str
) -> None:
    answer = sample_service.questions.ask(question)
    assert not answer.found and answer.sources == [] and answer.citations == []
    assert answer.answer == message("not_found", language)


def test_reader_filters_hide_internal_documents(sample_service: Tiekartta) -> None:
    from rag.core.results import SearchFilters

    question = "Kuinka pitkä salasanan on oltava?"
    public = sample_service.questions.search(question, 20, SearchFilters(access_levels={"public"}))
    everything = sample_service.questions.search(question, 20)
    assert "intern-tietoturvaohje" not in {h.chunk.doc_id for h in public}
    assert "intern-tietoturvaohje" in {h.chunk.doc_id for h in everything}


def test_follow_up_question_uses_the_conversation(sample_service: Tiekartta) -> None:
    first = sample_service.questions.ask("Kuinka monta toimenpidettä teemassa a on valmistunut?")
    follow = sample_service.questions.ask("entä teemassa b?", conversation_id=first.conversation_id)
    assert follow.conversation_id == first.conversation_id
    assert follow.found
    turns = sample_service.registry.conversations.get_turns(first.conversation_id or "")
    assert [t.role for t in turns] == ["user", "assistant", "user", "assistant"]


def test_quote_check() -> None:
    assert quote_supported("Hyväksyttiin  yksimielisesti", "Päätös: hyväksyttiin yksimielisesti.")
    assert not quote_supported("Hylättiin", "Päätös: hyväksyttiin yksimielisesti.")
    assert not quote_supported("", "anything")


# -- LLM mode against the OpenAI-compatible test server ------------------------------------------


@pytest.fixture
def llm_answerer(
    sample_service: Tiekartta, fake_openai: FakeOpenAIServer, tmp_path: Path
) -> Answerer:
    settings = make_settings(tmp_path, llm_base_url=fake_openai.base_url, llm_model="fake-chat")
    chat = make_chat_model(settings)
    return Answerer(sample_service.retriever, sample_service.embeddings, settings.prompts_dir, chat)


def _source_text(request: dict[str, Any], number: int) -> str:
    sources = sent_sources(request["messages"][-1]["content"])
    return str(next(s["text"] for s in sources if s["source"] == number))


def test_llm_answer_keeps_verified_claims_only(
    llm_answerer: Answerer, fake_openai: FakeOpenAIServer
) -> None:
    def respond(request: dict[str, Any]) -> dict[str, Any]:
        text = _source_text(request, 1)
        return LLMAnswer(
            found=True,
            answer="Ohjelma hyväksyttiin [1]. Budjetti oli miljardi [2].",
            claims=[
                {"text": "Ohjelma hyväksyttiin.", "source": 1, "quote": text[:60]},
                {"text": "Budjetti oli miljardi.", "source": 2, "quote": "miljardi euroa"},
                {"text": "Keksitty.", "source": 99, "quote": "ei ole"},
            ],
        ).model_dump()

    fake_openai.responder = respond
    answer = llm_answerer.ask("Milloin digiohjelma hyväksyttiin?")
    assert answer.mode == "llm" and answer.found, answer.warnings
    assert [c.source_number for c in answer.citations] == [1]
    assert len(answer.warnings) == 2
    assert [s.number for s in answer.sources] == [1]
    # Only the verified claim is shown; the others are listed as warnings.
    assert answer.answer == "Ohjelma hyväksyttiin [1]."
    assert "miljardi" not in answer.answer and "miljardi" in answer.warnings[0]
    # The documents reached the model as delimited material, with the rule not to obey them.
    request = fake_openai.chat_requests()[-1]
    assert "<sources>" in request["messages"][-1]["content"]
    assert "ohjeita" in request["messages"][0]["content"]


def test_llm_says_not_found(llm_answerer: Answerer, fake_openai: FakeOpenAIServer) -> None:
    fake_openai.responder = lambda request: {"found": False, "answer": "-", "claims": []}
    answer = llm_answerer.ask("Milloin digiohjelma hyväksyttiin?")
    assert not answer.found and answer.answer == message("not_found", "fi")


def test_llm_stream_maps_markers_to_sources(
    llm_answerer: Answerer, fake_openai: FakeOpenAIServer
) -> None:
    cited: list[int] = []

    def respond(request: dict[str, Any]) -> str:
        sources = sent_sources(request["messages"][-1]["content"])
        cited.append(next(s["source"] for s in sources if "22.1.2024" in s["text"]))
        return f"Digiohjelma hyväksyttiin 22.1.2024 [{cited[0]}]. Lisäksi [42]."

    fake_openai.responder = respond
    events = list(llm_answerer.stream("Milloin digiohjelma hyväksyttiin?"))
    kinds = [e for e, _ in events]
    assert kinds[0] == "sources" and kinds[-1] == "done" and kinds.count("token") > 1
    done = events[-1][1]
    streamed = "".join(p for e, p in events if e == "token")
    assert streamed == f"Digiohjelma hyväksyttiin 22.1.2024 [{cited[0]}]. Lisäksi [42]."
    # The final answer keeps the sentence its source supports; the one citing a source that
    # does not exist is removed and listed.
    assert done.answer == f"Digiohjelma hyväksyttiin 22.1.2024 [{cited[0]}]."
    assert [c.source_number for c in done.citations] == cited
    assert done.warnings == [message("unsupported_claim", "fi", claim="Lisäksi.")]


def test_unreachable_llm_falls_back_to_extractive(
    sample_service: Tiekartta, tmp_path: Path
) -> None:
    settings = make_settings(
        tmp_path, llm_base_url="http://127.0.0.1:9/v1", llm_model="x", llm_timeout=2
    )
    answerer = Answerer(
        sample_service.retriever,
        sample_service.embeddings,
        settings.prompts_dir,
        make_chat_model(settings),
    )
    answer = answerer.ask("Milloin digiohjelma hyväksyttiin?")
    assert answer.found and answer.mode == "extractive"
    assert answer.warnings and answer.warnings[0].startswith(message("llm_unavailable", "fi"))


def test_answering_embeds_only_the_question(sample_service: Tiekartta) -> None:
    # Ingest stored a vector for every sentence an answer may quote (issue 11: throughput).
    stats = sample_service.sentence_vectors.stats
    misses, hits = stats.misses, stats.hits
    answer = sample_service.questions.ask("Kuinka monta toimenpidettä teemassa c on valmistunut?")
    assert answer.found and stats.hits > hits
    assert stats.misses == misses
