"""Conversations for follow-up questions (``conversations`` + ``conversation_turns``)."""

from __future__ import annotations

import json
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any

from rag.store.db import RegistryError, Store, iso_utc, now_iso, to_json, utc_now
from rag.store.rows import from_row

TURN_ROLES = ("user", "assistant")


@dataclass(frozen=True)
class Conversation:
    conv_id: str
    actor: str  # the key id (or "cli") that owns it; the API must check it before reading
    created_at: str
    updated_at: str


@dataclass(frozen=True)
class Turn:
    turn_id: int
    conv_id: str
    role: str  # "user" | "assistant"
    text: str
    at: str
    meta: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class ConversationSummary:
    conv_id: str
    title: str  # the first question
    updated_at: str


class ConversationStore(Store):
    """Conversation methods of the registry (held by ``Registry``)."""

    def create_conversation(self, actor: str) -> str:
        """Start a conversation owned by ``actor``; returns its id."""
        conv_id = uuid.uuid4().hex
        at = now_iso()
        with self.transaction() as conn:
            conn.execute(
                "INSERT INTO conversations (conv_id, actor, created_at, updated_at)"
                " VALUES (?, ?, ?, ?)",
                (conv_id, actor, at, at),
            )
        return conv_id

    def get_conversation(self, conv_id: str) -> Conversation | None:
        rows = self._read("SELECT * FROM conversations WHERE conv_id = ?", (conv_id,))
        if not rows:
            return None
        r = rows[0]
        return from_row(Conversation, r)

    def add_turn(
        self, conv_id: str, role: str, text: str, meta: dict[str, Any] | None = None
    ) -> Turn:
        """Append a question (``user``) or an answer (``assistant``) to a conversation."""
        if role not in TURN_ROLES:
            raise RegistryError(f"unknown turn role '{role}': use one of {', '.join(TURN_ROLES)}")
        at = now_iso()
        text = self._text_to_store(text)
        meta_json = to_json(dict(meta or {}))
        with self.transaction() as conn:
            updated = conn.execute(
                "UPDATE conversations SET updated_at = ? WHERE conv_id = ?", (at, conv_id)
            )
            if updated.rowcount == 0:
                raise RegistryError(f"unknown conversation id '{conv_id}'")
            cur = conn.execute(
                "INSERT INTO conversation_turns (conv_id, role, text, meta_json, at)"
                " VALUES (?, ?, ?, ?, ?) RETURNING turn_id",
                (conv_id, role, text, meta_json, at),
            )
            turn_id = int(cur.scalar())
        return Turn(turn_id, conv_id, role, text, at, json.loads(meta_json))

    def list_conversations(self, actor: str, limit: int = 30) -> list[ConversationSummary]:
        """The actor's conversations, most recently used first, titled by their first question."""
        rows = self._read(
            "SELECT c.conv_id, c.updated_at, (SELECT text FROM conversation_turns t"
            " WHERE t.conv_id = c.conv_id AND t.role = 'user' ORDER BY turn_id LIMIT 1) AS first"
            " FROM conversations c WHERE c.actor = ? ORDER BY c.updated_at DESC LIMIT ?",
            (actor, limit),
        )
        return [ConversationSummary(r["conv_id"], r["first"] or "", r["updated_at"]) for r in rows]

    def get_turns(self, conv_id: str, limit: int = 10) -> list[Turn]:
        """The last ``limit`` turns, oldest first (ready to be replayed to the model)."""
        if self.get_conversation(conv_id) is None:
            raise RegistryError(f"unknown conversation id '{conv_id}'")
        rows = self._read(
            "SELECT * FROM conversation_turns WHERE conv_id = ? ORDER BY turn_id DESC LIMIT ?",
            (conv_id, max(0, limit)),
        )
        return [from_row(Turn, r) for r in reversed(rows)]

    def purge_conversations(self, older_than_days: int, now: datetime | None = None) -> int:
        """Delete conversations idle longer than the retention period (turns cascade)."""
        if older_than_days < 0:
            raise RegistryError(f"retention must be 0 days or more, not {older_than_days}")
        cutoff = iso_utc((now or utc_now()) - timedelta(days=older_than_days))
        with self.transaction() as conn:
            cur = conn.execute("DELETE FROM conversations WHERE updated_at < ?", (cutoff,))
            return cur.rowcount

    def mask_turns(self, before: str, mask: Callable[[str], str], since: str | None = None) -> int:
        """Pass the text of turns older than ``before`` (UTC ISO; and not older than ``since``)
        through ``mask``; returns how many turns changed."""
        return self._mask_aged_text(
            "conversation_turns", "turn_id", ("text",), "at", before, mask, since
        )
