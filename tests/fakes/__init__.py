"""Test doubles that speak real wire protocols (fake OpenAI-compatible server)."""

from tests.fakes.openai_server import (
    FakeError,
    FakeOpenAIServer,
    RecordedRequest,
    ToolCall,
    fake_embedding,
    last_user_message,
)

__all__ = [
    "FakeError",
    "FakeOpenAIServer",
    "RecordedRequest",
    "ToolCall",
    "fake_embedding",
    "last_user_message",
]
