"""Review on top of the draft store: comments per section and the status workflow.

Split from ``drafts.py`` (storage and versions) so each file holds one concern; the rules
themselves are in ``draft_records.py``.
"""

from __future__ import annotations

from rag.store.db import now_iso
from rag.store.draft_records import (
    COMMENTABLE_STATUSES,
    MAX_COMMENT_CHARS,
    MAX_REASON_CHARS,
    TRANSITIONS,
    DraftComment,
    DraftError,
    DraftRecord,
    DraftStatusChange,
    find_section,
)
from rag.store.drafts import DraftStore
from rag.store.keys import role_at_least
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

    def add_comment(
        self,
        draft_id: int,
        section_key: str,
        text: str,
        actor: str,
        language: str | None = None,
    ) -> DraftComment:
        """Comment on a section (in one language, or in all when ``language`` is None)."""
        text = text.strip()
        if not text:
            raise DraftError("draft_empty_comment")
        if len(text) > MAX_COMMENT_CHARS:
            raise DraftError("draft_text_too_long", limit=str(MAX_COMMENT_CHARS))
        at = now_iso()
        with self.transaction() as conn:
            draft = self._locked(conn, draft_id)
            if draft.status not in COMMENTABLE_STATUSES:
                raise DraftError("draft_frozen", draft_id=str(draft_id), state=draft.status)
            content = self.get_draft_content(draft_id)
            find_section(content, section_key, language)
            cur = conn.execute(
                "INSERT INTO draft_comments (draft_id, version, section_key, language, actor,"
                " at, text) VALUES (?, ?, ?, ?, ?, ?, ?)",
                (draft_id, draft.current_version, section_key, language, actor, at, text),
            )
            comment_id = int(cur.lastrowid or 0)
        return DraftComment(
            comment_id, draft_id, draft.current_version, section_key, language, actor, at, text
        )

    def change_draft_status(
        self,
        draft_id: int,
        action: str,
        actor: str,
        actor_role: str,
        reason: str = "",
    ) -> DraftRecord:
        """Apply a review action (submit, withdraw, approve, reject) by an actor of a role.

        The role is checked here too, not only by the API, so no caller can approve with less
        than the approver role.
        """
        rule = TRANSITIONS.get(action)
        if rule is None:
            raise DraftError("draft_bad_action", action=action, actions=", ".join(TRANSITIONS))
        if not role_at_least(actor_role, rule.role):
            raise DraftError("draft_role", action=action, required=rule.role, role=actor_role)
        reason = reason.strip()
        if rule.needs_reason and not reason:
            raise DraftError("draft_reason_required", action=action)
        if len(reason) > MAX_REASON_CHARS:
            raise DraftError("draft_text_too_long", limit=str(MAX_REASON_CHARS))
        at = now_iso()
        with self.transaction() as conn:
            draft = self._locked(conn, draft_id)
            if draft.status not in rule.from_statuses:
                code = "draft_frozen" if draft.status == "approved" else "draft_bad_transition"
                raise DraftError(
                    code,
                    draft_id=str(draft_id),
                    action=action,
                    state=draft.status,
                    allowed=", ".join(rule.from_statuses),
                )
            self._record_status(conn, draft, rule.to_status, actor, at, reason)
            if rule.to_status == "approved":
                conn.execute(
                    "UPDATE drafts SET approved_version = current_version, approved_by = ?,"
                    " approved_at = ? WHERE draft_id = ?",
                    (actor, at, draft_id),
                )
        return self.require_draft(draft_id)
