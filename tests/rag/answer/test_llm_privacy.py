"""Personal data in documents never leaves for the LLM: ask, stream, follow-up and rerank."""

from __future__ import annotations

from typing import Any

import pytest

from api.container import Tiekartta
from rag.answer.answerer import Turn
from tests.fakes.openai_server import FakeOpenAIServer
from tests.rag.answer.llm_corpus import llm_service

PERSONAL = {
    "hetu": "131052-308T",
    "phone": "040 718 2294",
    "email": "tiina.salminen@example.fi",
    "iban": "FI21 1234 5600 0007 85",
    "name": "Tiina Salminen",
}
FEEDBACK = (
    "Asukaspalaute kirjastoautosta 2025. Kirjastoauto pysähtyy Kulloossa kahdesti viikossa, "
    f"ja palautteen mukaan pysäkkejä tarvitaan lisää. Henkilötunnus {PERSONAL['hetu']}, "
    f"puhelin {PERSONAL['phone']}, sähköposti {PERSONAL['email']}, tili {PERSONAL['iban']}."
    f"\n\nTerveisin {PERSONAL['name']}"
)
QUESTION = "Kuinka usein kirjastoauto pysähtyy Kulloossa?"


@pytest.fixture(scope="module")
def service(
    tmp_path_factory: pytest.TempPathFactory, fake_openai_session: FakeOpenAIServer
) -> Tiekartta:
    root = tmp_path_factory.mktemp("llm-privacy")
    return llm_service(
        root,
        fake_openai_session.base_url,
        {"kirjastoauto-fi": FEEDBACK},
        rerank_with_llm=True,
    )


def _respond(request: dict[str, Any]) -> Any:
    content = request["messages"][-1]["content"]
    structured = "response_format" in request or "tools" in request
    if "<sources>" not in content:  # the follow-up rewrite or the reranking
        return {"order": [1]} if structured else QUESTION
    if structured:
        return {"found": True, "answer": "-", "claims": []}
    return "Kahdesti viikossa [1]."


def test_no_personal_data_reaches_the_llm(
    service: Tiekartta, fake_openai: FakeOpenAIServer
) -> None:
    fake_openai.responder = _respond
    service.questions.ask(QUESTION)
    list(service.questions.ask_stream(QUESTION))
    history = [Turn("user", f"Soita {PERSONAL['phone']}"), Turn("assistant", "-")]
    service.questions.ask("entä talvella?", history=history)
    sent = fake_openai.sent_text()
    assert fake_openai.chat_requests(), "the LLM was asked"
    assert "Kulloossa" in sent  # the document did go out, masked
    for kind, value in PERSONAL.items():
        assert value not in sent, kind
    assert "[HETU]" in sent and "[PHONE]" in sent and "[NAME]" in sent
