"""People's thumbs up or down on answers, with an optional comment (``answer_feedback``),
kept for evaluation."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from rag.store.db import RegistryError, Store, now_iso
from rag.store.rows import from_row

RATINGS = (-1, 1)


@dataclass(frozen=True)
class AnswerFeedback:
    feedback_id: int
    conv_id: str
    turn_id: int
    actor: str
    rating: int  # 1 = helpful, -1 = not helpful
    comment: str
    at: str


class FeedbackStore(Store):
    """Feedback methods of the registry (``registry.feedback``)."""

    def add_feedback(
        self, conv_id: str, turn_id: int, actor: str, rating: int, comment: str = ""
    ) -> AnswerFeedback:
        """Store a rating of one answer in a conversation the actor owns."""
        if rating not in RATINGS:
            raise RegistryError(f"rating must be 1 or -1, not {rating}")
        rows = self._read(
            "SELECT 1 FROM conversation_turns t JOIN conversations c USING (conv_id)"
            " WHERE t.turn_id = ? AND t.conv_id = ? AND t.role = 'assistant' AND c.actor = ?",
            (turn_id, conv_id, actor),
        )
        if not rows:
            raise RegistryError(f"no answer {turn_id} in conversation '{conv_id}'")
        at = now_iso()
        comment = self._text_to_store(comment.strip())
        with self.transaction() as conn:
            cur = conn.execute(
                "INSERT INTO answer_feedback (conv_id, turn_id, actor, rating, comment, at)"
                " VALUES (?, ?, ?, ?, ?, ?) RETURNING feedback_id",
                (conv_id, turn_id, actor, rating, comment, at),
            )
            feedback_id = int(cur.scalar())
        return AnswerFeedback(feedback_id, conv_id, turn_id, actor, rating, comment, at)

    def list_feedback(self, limit: int = 1000) -> list[AnswerFeedback]:
        """Feedback, newest first (for evaluation)."""
        rows = self._read(
            "SELECT * FROM answer_feedback ORDER BY feedback_id DESC LIMIT ?", (limit,)
        )
        return [from_row(AnswerFeedback, r) for r in rows]

    def mask_comments(
        self, before: str, mask: Callable[[str], str], since: str | None = None
    ) -> int:
        """Pass the comments of feedback given before ``before`` (UTC ISO; and not before
        ``since``) through ``mask``; returns how many comments changed."""
        return self._mask_aged_text(
            "answer_feedback", "feedback_id", ("comment",), "at", before, mask, since
        )
