"""The chat model for generated answers: any OpenAI-compatible endpoint, or none at all."""

from __future__ import annotations

from typing import TYPE_CHECKING

from pydantic import SecretStr

if TYPE_CHECKING:
    from langchain_core.language_models.chat_models import BaseChatModel

    from rag.core.settings import Settings

#: Sent when no key is configured: local servers ignore it, the client insists on one.
DUMMY_API_KEY = "not-needed"

# One retry covers a dropped connection; more would multiply the wait a user sees
# before the extractive fallback answers.
MAX_RETRIES = 1


def make_chat_model(settings: Settings) -> BaseChatModel | None:
    """A ``ChatOpenAI`` for the configured endpoint, or None when no LLM is configured."""
    if not settings.llm_enabled:
        return None
    from langchain_openai import ChatOpenAI

    key = settings.llm_api_key
    return ChatOpenAI(
        model=settings.llm_model,
        base_url=settings.llm_base_url,
        api_key=key if key and key.get_secret_value() else SecretStr(DUMMY_API_KEY),
        timeout=settings.llm_timeout,
        temperature=settings.llm_temperature,
        max_retries=MAX_RETRIES,
        # Self-hosted servers (vLLM, llama.cpp, Ollama) speak Chat Completions only,
        # so never let the model name route requests to the Responses API.
        use_responses_api=False,
    )
