"""The demo defects of issue 10, each as a test on the real sample corpus (bundled e5, Chroma).

Each failed on commit fdd06dc and passes now. Quality over held-out questions is measured in
bench/trust_protocol.py, not asserted here.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from api.container import Tiekartta
from rag.answer.answerer import Answerer
from rag.answer.extractive import ScoredSentence, joined_quote
from rag.core.messages import message
from rag.core.sentences import quotable_sentences
from rag.llm import make_chat_model
from tests.conftest import make_settings
from tests.fakes.openai_server import FakeOpenAIServer

# Not reached (issue 10): no 'not found' decider beat the support threshold robustly on the
# held-out folds of bench/trust_protocol.py (README, "Answers staff can trust"); these pin the gap.
_ABSENT_GAP = pytest.mark.xfail(
    strict=True, reason="known gap (issue 10): near-miss questions pass the evidence judge"
)


@pytest.mark.parametrize(
    ("question", "language"),
    [
        pytest.param("Paljonko Porvoon avaruusohjelma maksaa?", "fi", marks=_ABSENT_GAP),
        pytest.param("Vem är Borgås borgmästare år 2031?", "sv", marks=_ABSENT_GAP),
        pytest.param(
            "How many electric buses does the city of Porvoo have?", "en", marks=_ABSENT_GAP
        ),
    ],
)
def test_question_about_something_absent_is_not_found(
    sample_service: Tiekartta, question: str, language: str
) -> None:
    answer = sample_service.questions.ask(question)
    assert not answer.found, answer.answer
    assert answer.answer == message("not_found", language) and not answer.sources


@pytest.mark.xfail(
    strict=True,
    reason="known gap (issue 10): the Swedish chunks among the top three hold few of the "
    "question's words, so the judge refuses; measuring on the quoted chunk instead did not "
    "hold up (README, 'Answers staff can trust')",
)
def test_swedish_question_finds_a_finnish_only_document(sample_service: Tiekartta) -> None:
    # The open data portal news exists in Finnish only.
    answer = sample_service.questions.ask(
        "Hur många datamängder fanns i Borgås öppna dataportal när den öppnades?"
    )
    assert answer.found, answer.answer
    assert "avoin-data-portaali-2025" in [s.doc_id for s in answer.sources], answer.answer


@pytest.mark.xfail(
    strict=True,
    reason="known gap (issue 10): sentences in the question's language outrank the Finnish "
    "sentence that states the fact (held-out cross-lingual 'contains' 0.25)",
)
def test_swedish_question_quotes_the_finnish_fact(sample_service: Tiekartta) -> None:
    answer = sample_service.questions.ask(
        "Hur många datamängder fanns i Borgås öppna dataportal när den öppnades?"
    )
    assert "23 aineistoa" in answer.answer


def test_english_question_about_finnish_and_swedish_documents(sample_service: Tiekartta) -> None:
    answer = sample_service.questions.ask(
        "How many conversations did residents have in the chat service from March to September?"
    )
    assert answer.found, answer.answer
    assert "4 300" in answer.answer or "4,300" in answer.answer


@pytest.mark.parametrize(
    "question",
    [
        "What share of customer transactions were electronic in September 2025?",
        "Mikä oli sähköisen asioinnin osuus syyskuussa 2025?",
    ],
)
def test_named_month_is_the_event_time_not_the_document_date(
    sample_service: Tiekartta, question: str
) -> None:
    # The follow-up report dated 20.10.2025 states the September 2025 figure.
    hits = sample_service.questions.search(question, 8)
    assert any(h.chunk.date == "2025-10-20" for h in hits[:3]), [h.chunk.doc_id for h in hits]
    answer = sample_service.questions.ask(question)
    assert answer.found and "61" in answer.answer, answer.answer


def test_unrelated_second_question_starts_fresh(sample_service: Tiekartta) -> None:
    first = sample_service.questions.ask("Kuinka monta toimenpidettä teemassa a on valmistunut?")
    second = sample_service.questions.ask(
        "Kuinka pitkä salasanan on oltava henkilöstön tietoturvaohjeen mukaan?",
        conversation_id=first.conversation_id,
    )
    assert not second.context_used
    assert second.sources and second.sources[0].doc_id == "intern-tietoturvaohje"
    follow = sample_service.questions.ask("entä teemassa b?", conversation_id=first.conversation_id)
    assert follow.context_used and follow.found


def test_headings_and_formalities_are_never_quoted() -> None:
    text = (
        "Stadsstyrelsen\nProtokoll 22.01.2024/Paragraf 25\nFinansiering\n"
        "Åtgärderna genomförs inom ramen för budgeten. Därtill söks statsunderstöd.\n"
        "Kokouskäsittely\nJaakko Jalonen\npuheenjohtaja"
    )
    assert [s for _, s in quotable_sentences(text)] == [
        "Åtgärderna genomförs inom ramen för budgeten.",
        "Därtill söks statsunderstöd.",
    ]


def test_stored_minutes_keep_the_heading_apart_from_its_sentence(
    sample_service: Tiekartta,
) -> None:
    # "Finansiering" heads the paragraph "Åtgärderna genomförs …" in the Swedish minutes.
    chunks = [
        c
        for c in sample_service.vectors.all_chunks()
        if c.doc_id == "stadsstyrelsen-2024-01-22-protokoll" and "Åtgärderna genomförs" in c.text
    ]
    assert chunks and all("Finansiering Åtgärderna" not in c.text for c in chunks)
    for chunk in chunks:
        quotable = [sentence for _, sentence in quotable_sentences(chunk.text)]
        assert any(q.startswith("Åtgärderna genomförs") for q in quotable)
        assert not any(q.startswith("Finansiering") for q in quotable)


def test_non_adjacent_quotes_are_joined_with_an_ellipsis() -> None:
    first, third, fourth = (
        ScoredSentence("A.", 0, 0.9, position=0),
        ScoredSentence("C.", 0, 0.8, position=2),
        ScoredSentence("D.", 0, 0.7, position=3),
    )
    assert joined_quote([third, first, fourth]) == "A. … C. D."


# -- the LLM path is gated by the same decision ----------------------------------------------------


@pytest.fixture
def gated_llm_answerer(
    sample_service: Tiekartta, fake_openai: FakeOpenAIServer, tmp_path: Path
) -> Answerer:
    settings = make_settings(tmp_path, llm_base_url=fake_openai.base_url, llm_model="fake-chat")
    return Answerer(
        sample_service.retriever,
        sample_service.embeddings,
        settings.prompts_dir,
        make_chat_model(settings),
        judge=sample_service.judge,
    )


def test_llm_is_not_asked_when_the_question_is_judged_unanswerable(
    gated_llm_answerer: Answerer, fake_openai: FakeOpenAIServer
) -> None:
    def respond(request: dict[str, Any]) -> dict[str, Any]:
        return {"found": True, "answer": "Linnassa asuu kolme lohikäärmettä [1].", "claims": []}

    fake_openai.responder = respond
    absent = "Kuinka monta lohikäärmettä asuu Porvoon keskiaikaisessa linnassa?"
    answer = gated_llm_answerer.ask(absent)
    assert not answer.found and answer.answer == message("not_found", "fi")
    assert fake_openai.chat_requests() == []
    events = list(gated_llm_answerer.stream(absent))
    assert events[-1][1].found is False and fake_openai.chat_requests() == []


def test_llm_prompt_lets_the_model_say_not_found(
    gated_llm_answerer: Answerer, fake_openai: FakeOpenAIServer
) -> None:
    fake_openai.responder = lambda request: {"found": False, "answer": "-", "claims": []}
    answer = gated_llm_answerer.ask("Milloin kaupunginhallitus hyväksyi digiohjelman 2024–2026?")
    assert not answer.found and answer.answer == message("not_found", "fi")
    system = fake_openai.chat_requests()[-1]["messages"][0]["content"]
    assert "found = false" in system


def test_streaming_llm_may_say_not_found_too(
    gated_llm_answerer: Answerer, fake_openai: FakeOpenAIServer
) -> None:
    fake_openai.responder = lambda request: message("not_found", "fi")
    events = list(
        gated_llm_answerer.stream("Milloin kaupunginhallitus hyväksyi digiohjelman 2024–2026?")
    )
    done = events[-1][1]
    assert fake_openai.chat_requests() and not done.found and done.sources == []
    stream_rule = fake_openai.chat_requests()[-1]["messages"][0]["content"]
    assert message("not_found", "fi") in stream_rule


def test_a_list_introduced_by_a_colon_is_quoted_with_its_items() -> None:
    from rag.answer.extractive import select_sentences

    ranked = [
        ScoredSentence("Vuonna 2022 tunnistettiin seuraavat tavoitteet:", 0, 0.9, position=3),
        ScoredSentence("Muu virke toisesta lähteestä.", 1, 0.85, position=0),
        ScoredSentence("• Itärata huomioidaan kaavoituksessa", 0, 0.5, position=4),
        ScoredSentence("• Porvoo osallistuu MBT-menettelyyn", 0, 0.4, position=5),
        ScoredSentence("Kaukana oleva virke.", 0, 0.3, position=9),
    ]
    chosen = select_sentences(ranked)
    assert [s.text for s in chosen][:4] == [
        "Vuonna 2022 tunnistettiin seuraavat tavoitteet:",
        "• Itärata huomioidaan kaavoituksessa",
        "• Porvoo osallistuu MBT-menettelyyn",
        "Muu virke toisesta lähteestä.",
    ]
    assert joined_quote([s for s in chosen if s.hit_index == 0]).endswith("MBT-menettelyyn")
