"""Search and ask: ranked chunks, cited answers, conversations that remember the last turns."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from api.parts import Parts
from api.services.audit import AuditService
from rag.answer.answerer import Turn
from rag.core.documents import ALL_ACCESS, Chunk
from rag.core.privacy.pseudonyms import Pseudonyms
from rag.core.results import Answer, SearchFilters, SearchHit
from rag.store.conversations import ConversationSummary
from rag.store.conversations import Turn as StoredTurn
from rag.store.feedback import AnswerFeedback
from rag.store.registry import CLI_ACTOR, RegistryError


class QuestionService:
    def __init__(self, parts: Parts, audit: AuditService) -> None:
        self._parts = parts
        self._audit = audit

    def search(
        self,
        query: str,
        k: int = 8,
        filters: SearchFilters | None = None,
        actor: str = CLI_ACTOR,
    ) -> list[SearchHit]:
        filters = filters or SearchFilters(access_levels=ALL_ACCESS)
        hits = self._parts.retriever.search(query, k, filters)
        self._audit.record(
            actor,
            "search",
            {
                "query": query,
                "results": [h.chunk.chunk_id for h in hits],
            },
        )
        return hits

    def ask(
        self,
        question: str,
        filters: SearchFilters | None = None,
        conversation_id: str | None = None,
        history: list[Turn] | None = None,
        language: str | None = None,
        actor: str = CLI_ACTOR,
    ) -> Answer:
        """Answer with citations; the turn is stored so a follow-up can refer to it."""
        events = self.ask_stream(
            question, filters, conversation_id, history, language, actor, stream=False
        )
        return next(payload for event, payload in events if event == "done")

    def ask_stream(
        self,
        question: str,
        filters: SearchFilters | None = None,
        conversation_id: str | None = None,
        history: list[Turn] | None = None,
        language: str | None = None,
        actor: str = CLI_ACTOR,
        stream: bool = True,
    ) -> Iterator[tuple[str, Any]]:
        """Events ('sources', 'token'..., 'done'); with stream=False only ('done', Answer)."""
        filters = filters or SearchFilters(access_levels=ALL_ACCESS)
        turns = history if history is not None else self._history(conversation_id, actor)
        answerer = self._parts.answerer
        # The request's placeholders for personal data; they end with this request.
        pseudonyms = Pseudonyms()
        if stream:
            events = answerer.stream(question, filters, turns, language, pseudonyms)
        else:
            answer = answerer.ask(question, filters, turns, language, pseudonyms)
            events = iter([("done", answer)])
        for event, payload in events:
            if event == "done":
                payload.conversation_id = self._remember(
                    conversation_id, actor, payload, pseudonyms
                )
            yield event, payload

    # -- the web app's conversations ------------------------------------------------------
    def conversations(self, actor: str, limit: int = 30) -> list[ConversationSummary]:
        """The actor's conversations, most recently used first."""
        return self._parts.registry.conversations.list_conversations(actor, limit)

    def turns(self, conversation_id: str, actor: str) -> list[StoredTurn] | None:
        """The turns of the actor's own conversation (None for another's or a missing one)."""
        conversations = self._parts.registry.conversations
        conversation = conversations.get_conversation(conversation_id)
        if conversation is None or conversation.actor != actor:
            return None
        return conversations.get_turns(conversation_id, limit=200)

    def cited_chunks(self, chunk_ids: list[str]) -> list[Chunk]:
        """The stored chunks an answer cited (a removed document's are missing)."""
        return self._parts.vectors.get_chunks(chunk_ids) if chunk_ids else []

    def feedback(
        self, conversation_id: str, turn_id: int, actor: str, rating: int, comment: str = ""
    ) -> AnswerFeedback:
        """A thumbs up (1) or down (-1) on one of the actor's answers, kept for evaluation."""
        stored = self._parts.registry.feedback.add_feedback(
            conversation_id, turn_id, actor, rating, comment
        )
        self._audit.record(
            actor,
            "answer.feedback",
            {"conversation_id": conversation_id, "turn_id": turn_id, "rating": rating},
        )
        return stored

    def _history(self, conversation_id: str | None, actor: str) -> list[Turn]:
        if not conversation_id:
            return []
        registry = self._parts.registry
        conversation = registry.conversations.get_conversation(conversation_id)
        if conversation is None or conversation.actor != actor:
            raise RegistryError(f"unknown conversation id '{conversation_id}'")
        return [
            Turn(t.role, t.text)
            for t in registry.conversations.get_turns(conversation_id, limit=10)
        ]

    def _remember(
        self, conversation_id: str | None, actor: str, answer: Answer, pseudonyms: Pseudonyms
    ) -> str:
        registry = self._parts.registry
        conv_id = conversation_id or registry.conversations.create_conversation(actor)
        registry.conversations.add_turn(conv_id, "user", answer.question, {})
        # With raw text retention 0, the values put back for the reader are not stored either,
        # also where the masker would not recognise them in the answer's words.
        keep_raw = self._parts.settings.raw_text_retention_days > 0
        registry.conversations.add_turn(
            conv_id,
            "assistant",
            answer.answer if keep_raw else pseudonyms.hide(answer.answer),
            {
                "found": answer.found,
                "sources": [s.chunk_id for s in answer.sources],
            },
        )
        self._audit.record(
            actor,
            "ask",
            {
                "question": answer.question,
                "found": answer.found,
                "mode": answer.mode,
                "conversation_id": conv_id,
                "sources": [
                    {"chunk_id": s.chunk_id, "citation": s.citation} for s in answer.sources
                ],
            },
        )
        return conv_id
