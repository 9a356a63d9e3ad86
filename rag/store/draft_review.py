"""Review records on top of the draft store: comments per section and status changes.

Split from ``drafts.py`` (drafts and versions) so each file holds one concern. Storage only:
the review service (``rag/draft/review.py``) checks the workflow rules and calls these methods
inside its transaction.
"""

from __future__ import annotations

from rag.store.db import now_iso
from rag.store.draft_records import DraftComment, DraftRecord, DraftStatusChange
from rag.store.drafts import DraftStore
from rag.store.rows import from_row


class DraftReviewStore(DraftStore):
    """Comments and status changes (held by :class:`rag.store.registry.Registry`)."""

    def list_comments(self, draft_id: int) -> list[DraftComment]:
        self.require_draft(draft_id)
        rows = self._read(
            "SELECT * FROM draft_comments WHERE draft_id = ? ORDER BY comment_id", (draft_id,)
        )
        return [from_row(DraftComment, r) for r in rows]

    def status_history(self, draft_id: int) -> list[DraftStatusChange]:
        self.require_draft(draft_id)
        rows = self._read(
            "SELECT draft_id, version, from_status, to_status, actor, at, reason"
            " FROM draft_status_changes WHERE draft_id = ? ORDER BY change_id",
            (draft_id,),
        )
        return [from_row(DraftStatusChange, r) for r in rows]

    def submitter(self, draft_id: int) -> str | None:
        """Who last sent the draft to review (None if it never was)."""
        rows = self._read(
            "SELECT actor FROM draft_status_changes WHERE draft_id = ? AND to_status = 'in_review'"
            " ORDER BY change_id DESC LIMIT 1",
            (draft_id,),
        )
        return str(rows[0]["actor"]) if rows else None

    def insert_comment(
        self,
        draft: DraftRecord,
        section_key: str,
        language: str | None,
        actor: str,
        text: str,
    ) -> DraftComment:
        """Store a comment on the draft's current version."""
        at = now_iso()
        with self.transaction() as conn:
            cur = conn.execute(
                "INSERT INTO draft_comments (draft_id, version, section_key, language, actor,"
                " at, text) VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING comment_id",
                (draft.draft_id, draft.current_version, section_key, language, actor, at, text),
            )
            comment_id = int(cur.scalar())
        return DraftComment(
            comment_id,
            draft.draft_id,
            draft.current_version,
            section_key,
            language,
            actor,
            at,
            text,
        )

    def record_status(
        self, draft: DraftRecord, to_status: str, actor: str, reason: str
    ) -> DraftStatusChange:
        """Move the draft to ``to_status`` and keep the change in its history."""
        at = now_iso()
        with self.transaction() as conn:
            conn.execute(
                "INSERT INTO draft_status_changes (draft_id, version, from_status, to_status,"
                " actor, at, reason) VALUES (?, ?, ?, ?, ?, ?, ?)",
                (draft.draft_id, draft.current_version, draft.status, to_status, actor, at, reason),
            )
            conn.execute(
                "UPDATE drafts SET status = ?, updated_at = ? WHERE draft_id = ?",
                (to_status, at, draft.draft_id),
            )
        return DraftStatusChange(
            draft.draft_id, draft.current_version, draft.status, to_status, actor, at, reason
        )

    def mark_approved(self, draft_id: int, actor: str, at: str) -> None:
        """Freeze the current version as the approved one."""
        with self.transaction() as conn:
            conn.execute(
                "UPDATE drafts SET approved_version = current_version, approved_by = ?,"
                " approved_at = ? WHERE draft_id = ?",
                (actor, at, draft_id),
            )
