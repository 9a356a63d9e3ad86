"""Personal data in documents never leaves for the LLM: ask, stream, follow-up and rerank.

The model sees numbered placeholders ([NAME_1]); the reader gets the values of the sources
they may read back in the answer (pseudonyms.py), and nothing else.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from api.container import Tiekartta
from rag.answer.answerer import Turn
from rag.core.results import Answer, SearchFilters
from tests.fakes.openai_server import FakeOpenAIServer, Pieces
from tests.fakes.prompt_parts import sent_sources
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
# A second document naming the same person: both must show the model one placeholder.
ROUTE = (
    "Kirjastoauton reitti 2025. Kulloon pysäkkien lisäämistä kirjastoauton reitille "
    f"valmistelee {PERSONAL['name']}."
)
# Readable only with the 'restricted' level: its name must never reach a public reader.
SECRET_NAME = "Markku Virtanen"
RESTRICTED = (
    "Kirjastoauton henkilöstö 2025. Kirjastoauto pysähtyy Kulloossa kuljettajanaan "
    f"{SECRET_NAME}, puhelin 050 123 4567."
)
QUESTION = "Kuinka usein kirjastoauto pysähtyy Kulloossa?"
PUBLIC_READER = SearchFilters(access_levels={"public"})
DOCUMENTS = {"kirjastoauto-fi": FEEDBACK, "reitti-fi": ROUTE, "henkilosto-fi": RESTRICTED}
ACCESS = {"henkilosto-fi": "restricted"}


@pytest.fixture(scope="module")
def service(
    tmp_path_factory: pytest.TempPathFactory, fake_openai_session: FakeOpenAIServer
) -> Tiekartta:
    root = tmp_path_factory.mktemp("llm-privacy")
    return llm_service(root, fake_openai_session.base_url, DOCUMENTS, ACCESS, rerank_with_llm=True)


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
    assert "kuljettajanaan" in sent and SECRET_NAME not in sent  # the restricted one too
    assert "[HETU_1]" in sent and "[PHONE_1]" in sent and "[NAME_1]" in sent


def _signed_by(request: dict[str, Any]) -> tuple[int, str]:
    """The feedback source's number and the placeholder the model saw for its signature."""
    for source in sent_sources(request["messages"][-1]["content"]):
        found = re.search(r"Terveisin (\[NAME_\d+\])", source["text"])
        if found:
            return source["source"], found.group(1)
    raise AssertionError("the feedback was not among the sources")


def _signer_model(forge: bool = False) -> Callable[[dict[str, Any]], Any]:
    """A model that names the feedback's signer by the placeholder it was sent, in a claim
    quoting the signature or streamed with the placeholder cut in two chunks. With ``forge``
    it also writes a placeholder it was not given for the signer (as an injection might)."""

    def respond(request: dict[str, Any]) -> Any:
        if "<sources>" not in request["messages"][-1]["content"]:
            return _respond(request)
        number, name = _signed_by(request)
        said = f"Palautteen antoi {name}"
        if forge:
            said += ", kuljettaja on " + ("[NAME_2]" if name == "[NAME_1]" else "[NAME_1]")
        if request.get("stream"):
            cut = said.index(name) + 3
            return Pieces((said[:cut], f"{said[cut:]} [{number}]."))
        claim = {"text": f"{said} [{number}].", "source": number, "quote": f"Terveisin {name}"}
        return {"found": True, "answer": "-", "claims": [claim]}

    return respond


def test_the_reader_sees_the_name_of_the_cited_source(
    service: Tiekartta, fake_openai: FakeOpenAIServer
) -> None:
    fake_openai.responder = _signer_model()
    answer = service.questions.ask(QUESTION, filters=PUBLIC_READER)
    assert answer.mode == "llm" and answer.citations, answer.warnings
    assert f"Palautteen antoi {PERSONAL['name']}" in answer.answer
    assert answer.citations[0].quote == f"Terveisin {PERSONAL['name']}"
    assert "[NAME" not in answer.answer + answer.citations[0].claim
    assert PERSONAL["name"] not in fake_openai.sent_text()


def test_the_streamed_answer_shows_the_name_split_across_chunks(
    service: Tiekartta, fake_openai: FakeOpenAIServer
) -> None:
    fake_openai.responder = _signer_model()
    events = list(service.questions.ask_stream(QUESTION, filters=PUBLIC_READER))
    tokens = [payload for event, payload in events if event == "token"]
    done: Answer = events[-1][1]
    assert f"Palautteen antoi {PERSONAL['name']}" in "".join(tokens)
    assert not any("[NA" in token or "ME_" in token for token in tokens), tokens
    assert done.mode == "llm" and PERSONAL["name"] in done.answer
    assert PERSONAL["name"] not in fake_openai.sent_text()


def test_one_name_in_two_sources_is_one_placeholder(
    service: Tiekartta, fake_openai: FakeOpenAIServer
) -> None:
    fake_openai.responder = _signer_model()
    service.questions.ask(QUESTION, filters=PUBLIC_READER)
    (request,) = [r for r in fake_openai.chat_requests() if "<sources>" in str(r["messages"])]
    texts = {
        s["text"].split(".")[0]: s["text"] for s in sent_sources(request["messages"][-1]["content"])
    }
    signer = re.search(r"Terveisin (\[NAME_\d+\])", texts["Asukaspalaute kirjastoautosta 2025"])
    preparer = re.search(r"valmistelee (\[NAME_\d+\])", texts["Kirjastoauton reitti 2025"])
    assert signer and preparer and signer.group(1) == preparer.group(1)


def test_a_forged_placeholder_never_shows_data_the_reader_may_not_read(
    service: Tiekartta, fake_openai: FakeOpenAIServer
) -> None:
    fake_openai.responder = _signer_model(forge=True)
    public = service.questions.ask(QUESTION, filters=PUBLIC_READER)
    assert PERSONAL["name"] in public.answer
    assert "[NAME_2]" in public.answer  # stands for nothing this reader received: kept as is
    assert SECRET_NAME not in public.answer + str(public.citations) + str(public.sources)
    # A reader cleared for the restricted document received its name, so it comes back.
    cleared = service.questions.ask(QUESTION)
    assert SECRET_NAME in cleared.answer and PERSONAL["name"] in cleared.answer


def _other_service(
    root: Path, base_url: str, feedback: str = FEEDBACK, **settings: object
) -> Tiekartta:
    return llm_service(root, base_url, {"kirjastoauto-fi": feedback}, **settings)


def test_with_restoring_off_the_reader_sees_placeholders(
    tmp_path: Path, fake_openai: FakeOpenAIServer
) -> None:
    service = _other_service(tmp_path, fake_openai.base_url, restore_personal_data=False)
    fake_openai.responder = _signer_model()
    answer = service.questions.ask(QUESTION)
    assert answer.citations and "Palautteen antoi [NAME_1]" in answer.answer
    events = list(service.questions.ask_stream(QUESTION))
    streamed = "".join(p for e, p in events if e == "token")
    assert "[NAME_1]" in streamed and "[NAME_1]" in events[-1][1].answer
    assert PERSONAL["name"] not in streamed + answer.answer


def test_restored_answers_are_stored_masked_with_retention_zero(
    tmp_path: Path, fake_openai: FakeOpenAIServer
) -> None:
    # Signed with the surname alone: the masker finds it after "Terveisin", but not in
    # "Palautteen antoi Salminen", so the stored answer must be masked with the request's values.
    surname = PERSONAL["name"].split()[1]
    feedback = FEEDBACK.replace(PERSONAL["name"], surname)
    service = _other_service(tmp_path, fake_openai.base_url, feedback, raw_text_retention_days=0)
    fake_openai.responder = _signer_model()
    answer = service.questions.ask(QUESTION)
    assert f"Palautteen antoi {surname}" in answer.answer and answer.conversation_id
    done = list(service.questions.ask_stream(QUESTION))[-1][1]
    assert f"Palautteen antoi {surname}" in done.answer and done.conversation_id
    for conversation_id in (answer.conversation_id, done.conversation_id):
        stored = service.questions.turns(conversation_id, "cli") or []
        assert [t.role for t in stored] == ["user", "assistant"]
        assert surname not in stored[1].text and "Palautteen antoi [NAME]" in stored[1].text


def test_the_follow_up_rewrite_is_searched_with_the_values_back(
    service: Tiekartta, fake_openai: FakeOpenAIServer
) -> None:
    history = [Turn("user", f"Mitä {PERSONAL['name']} kirjoitti?"), Turn("assistant", "-")]
    sent_question: list[str] = []

    def rewrite(request: dict[str, Any]) -> str:
        sent_question.append(request["messages"][-1]["content"])
        return "Mitä [NAME_1] ja [NAME_5] kirjoittivat kirjastoautosta?"

    fake_openai.responder = rewrite
    query, used = service.answerer.retrieval_query("entä talvella?", history, "fi")
    assert used and PERSONAL["name"] not in sent_question[0] and "[NAME_1]" in sent_question[0]
    assert query == f"Mitä {PERSONAL['name']} ja [NAME_5] kirjoittivat kirjastoautosta?"
