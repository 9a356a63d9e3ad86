"""LLM mode over the fake OpenAI-compatible server: schema, PII masking, fallback."""

from __future__ import annotations

import json
import socket
from pathlib import Path
from typing import Any

import pytest

from rag.classify.factory import ClassifierConfigError, make_classifier
from rag.classify.llm_mode import LLMClassifier
from rag.classify.offline import OfflineClassifier
from rag.core.programme import Programme
from rag.core.settings import Settings
from tests.conftest import make_settings
from tests.fakes.openai_server import FakeOpenAIServer, last_user_message

pytestmark = pytest.mark.integration

PROPOSAL = (
    "Sovellus kirjaston tilavarauksiin\nHaluaisin varata kirjaston kokoushuoneen sovelluksella. "
    "Vastaan mielelläni: matti.makela@example.fi, puh. 040 123 4567, hetu 131052-308T. "
    "Asun osoitteessa Rauhankatu 7 B 12.\nTerveisin Matti Mäkelä"
)
SECRETS = (
    "matti.makela@example.fi",
    "040 123 4567",
    "131052-308T",
    "Rauhankatu 7",
    "Mäkelä",
)


def _settings(tmp_path: Path, base_url: str) -> Settings:
    return make_settings(tmp_path, llm_base_url=base_url, llm_model="fake-chat", llm_timeout=5.0)


def _answer(**values: Any) -> dict[str, Any]:
    answer = {"labels": ["a"], "primary": "a", "confidence": 0.9, "reason": "Sovellus asukkaille."}
    answer.update(values)
    return answer


def test_llm_result_and_masking_at_the_server(
    tmp_path: Path,
    fake_openai: FakeOpenAIServer,
    programme: Programme,
    offline_classifier: OfflineClassifier,
) -> None:
    fake_openai.responder = lambda request: _answer(labels=["a", "c"])
    classifier = LLMClassifier(
        _settings(tmp_path, fake_openai.base_url), programme, offline_classifier
    )
    (result,) = classifier.classify([PROPOSAL], ["fi"])
    assert (result.labels, result.primary, result.mode) == (["a", "c"], "a", "llm")
    assert result.confidence == 0.9 and not result.needs_review
    assert result.reason == "Sovellus asukkaille."

    sent = fake_openai.sent_text()
    for secret in SECRETS:
        assert secret not in sent
    (request,) = fake_openai.chat_requests()
    user = last_user_message(request)
    for placeholder in ("[EMAIL]", "[PHONE]", "[HETU]", "[ADDRESS]", "[NAME]"):
        assert placeholder in user
    assert "Sovellus kirjaston tilavarauksiin" in user  # the proposal itself is sent
    # The prompt is the Finnish one and lists the programme's themes and few-shot examples.
    system = request["messages"][0]["content"]
    assert "Luokittelet asukkaiden ehdotuksia" in system
    assert "- c: Ketteröittää ja automatisoida" in system
    assert "Digitukea ikäihmisille pääkirjastoon" in user
    # Structured output: the schema names the programme's ids as an enum.
    schema = json.dumps(request.get("response_format") or request.get("tools"))
    assert '"enum": ["a", "b", "c", "none"]' in schema


def test_invalid_answer_falls_back_for_that_item(
    tmp_path: Path,
    fake_openai: FakeOpenAIServer,
    programme: Programme,
    offline_classifier: OfflineClassifier,
) -> None:
    answers = iter([_answer(labels=["a"], primary="b"), _answer(labels=["none"], primary="none")])
    fake_openai.responder = lambda request: next(answers)
    classifier = LLMClassifier(
        _settings(tmp_path, fake_openai.base_url), programme, offline_classifier
    )
    first, second = classifier.classify([PROPOSAL, "Lisää penkkejä puistoon"], ["fi", "fi"])
    assert first.mode == "offline" and first.primary in first.labels
    assert (second.mode, second.labels) == ("llm", ["none"])


def test_unreachable_llm_falls_back_to_offline(
    tmp_path: Path, programme: Programme, offline_classifier: OfflineClassifier
) -> None:
    with socket.socket() as sock:  # a port nobody listens on
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    settings = _settings(tmp_path, f"http://127.0.0.1:{port}/v1")
    classifier = LLMClassifier(settings, programme, offline_classifier)
    results = classifier.classify([PROPOSAL, "Fler bänkar i parken"], ["fi", "sv"])
    assert [r.mode for r in results] == ["offline", "offline"]
    expected = offline_classifier.classify([PROPOSAL, "Fler bänkar i parken"], ["fi", "sv"])
    assert [r.labels for r in results] == [r.labels for r in expected]
    assert classifier.warnings and "Kielimalliin ei saatu yhteyttä" in classifier.warnings[0]


def test_factory_modes(tmp_path: Path, fake_openai: FakeOpenAIServer, programme: Programme) -> None:
    offline = make_settings(tmp_path)
    assert isinstance(make_classifier(offline, programme), OfflineClassifier)
    with pytest.raises(ClassifierConfigError, match="No language model is configured"):
        make_classifier(offline, programme, mode="llm")
    with pytest.raises(ClassifierConfigError, match="unknown classifier mode"):
        make_classifier(offline, programme, mode="magic")
    llm = make_classifier(_settings(tmp_path, fake_openai.base_url), programme, mode="llm")
    assert isinstance(llm, LLMClassifier)
    # "auto" stays offline unless the settings ask for the LLM.
    assert isinstance(
        make_classifier(_settings(tmp_path, fake_openai.base_url), programme), OfflineClassifier
    )
