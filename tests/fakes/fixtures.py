"""Pytest fixtures for the fakes (registered in ``tests/conftest.py``)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from tests.fakes.openai_server import FakeOpenAIServer


@pytest.fixture(scope="session")
def fake_openai_session() -> Iterator[FakeOpenAIServer]:
    """One server thread for the whole run; ``fake_openai`` resets it per test."""
    with FakeOpenAIServer() as server:
        yield server


@pytest.fixture
def fake_openai(fake_openai_session: FakeOpenAIServer) -> Iterator[FakeOpenAIServer]:
    """The running fake OpenAI-compatible server (``.base_url`` = ``http://127.0.0.1:PORT/v1``),
    with no recorded requests and the default responder."""
    fake_openai_session.reset()
    yield fake_openai_session
    fake_openai_session.reset()
