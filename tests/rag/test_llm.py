"""``make_chat_model`` against the fake OpenAI-compatible server (real HTTP, real client)."""

from __future__ import annotations

import openai
import pytest
from langchain_core.language_models.chat_models import BaseChatModel
from langchain_core.messages import HumanMessage, SystemMessage
from pydantic import BaseModel, SecretStr

from rag.core.settings import Settings
from rag.llm import DUMMY_API_KEY, make_chat_model
from tests.fakes import FakeError, FakeOpenAIServer, last_user_message


class Claim(BaseModel):
    text: str
    source: int


class Verdict(BaseModel):
    answer: str
    found: bool
    claims: list[Claim]


VERDICT = Verdict(
    answer="Pysäköinti maksaa 2 €/h.", found=True, claims=[Claim(text="2 €/h", source=1)]
)


def _settings(server: FakeOpenAIServer, **values: object) -> Settings:
    values = {"llm_base_url": server.base_url, "llm_model": "fake-chat", "llm_timeout": 10.0,
              **values}  # fmt: skip
    return Settings.model_construct(**values)


@pytest.fixture
def chat(fake_openai: FakeOpenAIServer) -> BaseChatModel:
    model = make_chat_model(_settings(fake_openai))
    assert model is not None
    return model


@pytest.mark.parametrize(
    "values",
    [{}, {"llm_base_url": "http://localhost:8000/v1"}, {"llm_model": "qwen2.5"}],
)
def test_no_llm_configured_gives_none(values: dict[str, str]) -> None:
    assert make_chat_model(Settings.model_construct(**values)) is None


def test_invoke_sends_settings_and_returns_content(
    chat: BaseChatModel, fake_openai: FakeOpenAIServer
) -> None:
    fake_openai.responder = lambda request: f"Vastaus: {last_user_message(request)}"
    reply = chat.invoke([SystemMessage("Olet avulias."), HumanMessage("Mikä on digiohjelma?")])
    assert reply.content == "Vastaus: Mikä on digiohjelma?"
    (body,) = fake_openai.chat_requests()
    assert body["model"] == "fake-chat"
    assert body["temperature"] == 0.0
    assert body.get("stream") in (None, False)
    assert [m["role"] for m in body["messages"]] == ["system", "user"]
    headers = fake_openai.log[-1].headers
    assert headers["authorization"] == f"Bearer {DUMMY_API_KEY}"


def test_api_key_comes_from_settings(fake_openai: FakeOpenAIServer) -> None:
    fake_openai.api_key = "s3cret"
    model = make_chat_model(_settings(fake_openai, llm_api_key=SecretStr("s3cret")))
    assert model is not None
    assert model.invoke("hei").content
    wrong = make_chat_model(_settings(fake_openai, llm_api_key=SecretStr("wrong")))
    assert wrong is not None
    with pytest.raises(openai.AuthenticationError):
        wrong.invoke("hei")


def test_streaming_yields_several_chunks(
    chat: BaseChatModel, fake_openai: FakeOpenAIServer
) -> None:
    text = "Pysäköinti maksaa keskustassa kaksi euroa tunnilta [1]."
    fake_openai.responder = lambda request: text
    tokens = [str(chunk.content) for chunk in chat.stream("Paljonko pysäköinti maksaa?")]
    assert "".join(tokens) == text
    assert len([t for t in tokens if t]) > 3
    assert fake_openai.chat_requests()[-1]["stream"] is True


def test_structured_output_default_method_is_json_schema(
    chat: BaseChatModel, fake_openai: FakeOpenAIServer
) -> None:
    fake_openai.responder = lambda request: VERDICT
    result = chat.with_structured_output(Verdict).invoke("Paljonko pysäköinti maksaa?")
    assert result == VERDICT
    body = fake_openai.chat_requests()[-1]
    assert body["response_format"]["type"] == "json_schema"
    assert body["response_format"]["json_schema"]["name"] == "Verdict"
    assert "tools" not in body


def test_structured_output_with_function_calling(
    chat: BaseChatModel, fake_openai: FakeOpenAIServer
) -> None:
    fake_openai.responder = lambda request: VERDICT.model_dump()
    structured = chat.with_structured_output(Verdict, method="function_calling")
    assert structured.invoke("Paljonko?") == VERDICT
    body = fake_openai.chat_requests()[-1]
    assert body["tools"][0]["function"]["name"] == "Verdict"
    assert body["tool_choice"]["function"]["name"] == "Verdict"


# langchain-openai dumps the parsed stream event with a pydantic warning (upstream, harmless).
@pytest.mark.filterwarnings("ignore:Pydantic serializer warnings")
@pytest.mark.parametrize("method", ["json_schema", "function_calling"])
def test_structured_output_streams(
    chat: BaseChatModel, fake_openai: FakeOpenAIServer, method: str
) -> None:
    fake_openai.responder = lambda request: VERDICT
    parts = list(chat.with_structured_output(Verdict, method=method).stream("Paljonko?"))
    assert parts and parts[-1] == VERDICT


def test_server_error_surfaces(chat: BaseChatModel, fake_openai: FakeOpenAIServer) -> None:
    fake_openai.responder = lambda request: FakeError(400, "context length exceeded")
    with pytest.raises(openai.BadRequestError, match="context length exceeded"):
        chat.invoke("hei")


def test_timeout_comes_from_settings(fake_openai: FakeOpenAIServer) -> None:
    fake_openai.delay = 1.5
    model = make_chat_model(_settings(fake_openai, llm_timeout=0.3))
    assert model is not None
    with pytest.raises(openai.APITimeoutError):
        model.invoke("hei")


def test_fake_server_lists_models(fake_openai: FakeOpenAIServer) -> None:
    client = openai.OpenAI(base_url=fake_openai.base_url, api_key="x")
    assert [m.id for m in client.models.list()] == ["fake-chat", "fake-embed"]
    # The client's default base64 encoding is understood as well.
    vector = client.embeddings.create(model="fake-embed", input="hei").data[0].embedding
    assert len(vector) == fake_openai.embedding_dimension
