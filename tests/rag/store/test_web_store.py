"""Web sessions (hashed tokens, expiry, sign-out) and answer feedback in the real registry."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest

from rag.store.registry import Registry, RegistryError


def test_a_session_is_found_by_its_token_only_until_it_ends(tmp_path: Path) -> None:
    registry = Registry(tmp_path / "r.sqlite")
    new = registry.sessions.create_session("k1", timedelta(hours=1))
    session = registry.sessions.get_session(new.token)
    assert session is not None and session.key_id == "k1" and session.csrf_token
    stored = registry.db._read("SELECT token_hash FROM web_sessions")[0]["token_hash"]
    assert new.token not in stored  # only a hash is kept
    assert registry.sessions.get_session("not-a-token") is None
    assert registry.sessions.end_session(new.token)
    assert registry.sessions.get_session(new.token) is None


def test_an_expired_session_is_refused(tmp_path: Path) -> None:
    registry = Registry(tmp_path / "r.sqlite")
    new = registry.sessions.create_session("k1", timedelta(seconds=-1))
    assert registry.sessions.get_session(new.token) is None


def test_feedback_is_stored_for_the_owners_answer_only(tmp_path: Path) -> None:
    registry = Registry(tmp_path / "r.sqlite")
    conv = registry.conversations.create_conversation("k1")
    registry.conversations.add_turn(conv, "user", "Milloin?", {})
    answer = registry.conversations.add_turn(conv, "assistant", "22.1.2024 [1]", {"found": True})
    stored = registry.feedback.add_feedback(conv, answer.turn_id, "k1", -1, "  väärä lähde ")
    assert (stored.rating, stored.comment) == (-1, "väärä lähde")
    assert registry.feedback.list_feedback()[0].feedback_id == stored.feedback_id
    with pytest.raises(RegistryError):
        registry.feedback.add_feedback(conv, answer.turn_id, "someone-else", 1)
    with pytest.raises(RegistryError):
        registry.feedback.add_feedback(
            conv, answer.turn_id - 1, "k1", 1
        )  # a question, not an answer
    with pytest.raises(RegistryError):
        registry.feedback.add_feedback(conv, answer.turn_id, "k1", 5)


def test_conversations_are_listed_by_their_first_question(tmp_path: Path) -> None:
    registry = Registry(tmp_path / "r.sqlite")
    first = registry.conversations.create_conversation("k1")
    registry.conversations.add_turn(first, "user", "Ensimmäinen kysymys", {})
    second = registry.conversations.create_conversation("k1")
    registry.conversations.add_turn(second, "user", "Toinen kysymys", {})
    registry.conversations.create_conversation("k2")
    listed = registry.conversations.list_conversations("k1")
    assert [c.title for c in listed] == ["Toinen kysymys", "Ensimmäinen kysymys"]
