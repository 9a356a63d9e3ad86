"""The draft review workflow: its rules, and the review service that applies them to the store.

The rules are plain functions over store records: which status allows an edit, a comment or
an action, which role an action needs, and who may approve a version (four eyes: neither its
last editor nor its submitter, unless a one-person office allows self-approval). `DraftReview`
checks them inside the store's write transaction, so nothing can change between the check
and the write; the store itself only stores.
"""

from __future__ import annotations

import dataclasses
import difflib
import re
from dataclasses import dataclass

from rag.core.drafts import DraftContent, DraftSection
from rag.store.draft_records import (
    DraftComment,
    DraftError,
    DraftRecord,
    DraftStatusChange,
    DraftVersion,
)
from rag.store.keys import role_at_least
from rag.store.protocols import DraftRecords

MAX_SECTION_CHARS = 100_000
MAX_COMMENT_CHARS = 5_000
MAX_REASON_CHARS = 5_000
_MARKER = re.compile(r"\[(\d+)\]")


@dataclass(frozen=True)
class Transition:
    """A review action: the statuses it starts from, the status it leads to, the role it needs."""

    action: str
    from_statuses: tuple[str, ...]
    to_status: str
    role: str
    needs_reason: bool = False


# The review workflow. An editor submits a draft; an approver approves or rejects what was
# submitted. An editor may withdraw a draft from review to fix it. A rejected draft goes back
# to "draft" on its next edit, or straight back to review when resubmitted unchanged (the
# rejection may have been answered in comments). Approved is final: the approved version is
# frozen and a new draft must be started for further changes.
TRANSITIONS: dict[str, Transition] = {
    t.action: t
    for t in (
        Transition("submit", ("draft", "rejected"), "in_review", "editor"),
        Transition("withdraw", ("in_review",), "draft", "editor"),
        Transition("approve", ("in_review",), "approved", "approver"),
        Transition("reject", ("in_review",), "rejected", "approver", needs_reason=True),
    )
}
# Sections can be edited in these statuses; editing a rejected draft makes it a draft again.
# In review the text is fixed, so what an approver approves is exactly what was submitted.
EDITABLE_STATUSES = ("draft", "rejected")
# Comments are part of the review; an approved draft is closed to them as well.
COMMENTABLE_STATUSES = ("draft", "in_review", "rejected")


# -- rules -------------------------------------------------------------------------------------


def find_section(content: DraftContent, key: str, language: str | None) -> DraftSection:
    """The section ``key`` in ``language`` (any language when None), or an error listing the
    sections there are."""
    for section in content.sections:
        if section.key == key and language in (None, section.language):
            return section
    known = sorted({f"{s.key} ({s.language})" for s in content.sections})
    raise DraftError(
        "draft_section_not_found",
        section=key,
        lang=language or "*",
        known=", ".join(known) or "-",
    )


def check_comment(draft: DraftRecord, text: str) -> str:
    """The comment text to store (trimmed), or the reason it cannot be stored."""
    text = text.strip()
    if not text:
        raise DraftError("draft_empty_comment")
    if len(text) > MAX_COMMENT_CHARS:
        raise DraftError("draft_text_too_long", limit=str(MAX_COMMENT_CHARS))
    if draft.status not in COMMENTABLE_STATUSES:
        raise DraftError("draft_frozen", draft_id=str(draft.draft_id), state=draft.status)
    return text


def check_edit_text(section_key: str, language: str, text: str) -> None:
    """A section text that can never be stored (empty, too long), before any lookup."""
    if not text.strip():
        raise DraftError("draft_empty_text", section=section_key, lang=language)
    if len(text) > MAX_SECTION_CHARS:
        raise DraftError("draft_text_too_long", limit=str(MAX_SECTION_CHARS))


def check_editable(draft: DraftRecord, base_version: int | None) -> None:
    """The draft's status allows edits, and nobody saved since the editor's ``base_version``."""
    if draft.status not in EDITABLE_STATUSES:
        code = "draft_frozen" if draft.status == "approved" else "draft_not_editable"
        raise DraftError(code, draft_id=str(draft.draft_id), state=draft.status)
    if base_version is not None and base_version != draft.current_version:
        raise DraftError(
            "draft_stale_version",
            draft_id=str(draft.draft_id),
            base=str(base_version),
            current=str(draft.current_version),
        )


def check_section_edit(draft: DraftRecord, section: DraftSection, text: str) -> None:
    """The new text changes the section and cites only the section's own sources."""
    if text == section.text:
        raise DraftError(
            "draft_text_unchanged",
            section=section.key,
            lang=section.language,
            version=str(draft.current_version),
        )
    known = {c.number for c in section.citations}
    unknown = sorted({int(n) for n in _MARKER.findall(text)} - known)
    if unknown:
        raise DraftError(
            "draft_unknown_citation",
            section=section.key,
            lang=section.language,
            numbers=", ".join(f"[{n}]" for n in unknown),
            known=", ".join(f"[{n}]" for n in sorted(known)) or "-",
        )


def check_action(action: str, role: str, reason: str) -> Transition:
    """The rule of ``action`` when a key of ``role`` may take it with this reason."""
    rule = TRANSITIONS.get(action)
    if rule is None:
        raise DraftError("draft_bad_action", action=action, actions=", ".join(TRANSITIONS))
    if not role_at_least(role, rule.role):
        raise DraftError("draft_role", action=action, required=rule.role, role=role)
    if rule.needs_reason and not reason.strip():
        raise DraftError("draft_reason_required", action=action)
    if len(reason.strip()) > MAX_REASON_CHARS:
        raise DraftError("draft_text_too_long", limit=str(MAX_REASON_CHARS))
    return rule


def check_status(draft: DraftRecord, rule: Transition) -> None:
    """The draft is in a status the action starts from."""
    if draft.status not in rule.from_statuses:
        code = "draft_frozen" if draft.status == "approved" else "draft_bad_transition"
        raise DraftError(
            code,
            draft_id=str(draft.draft_id),
            action=rule.action,
            state=draft.status,
            allowed=", ".join(rule.from_statuses),
        )


def is_self_approval(actor: str, last_editor: str, submitter: str | None) -> bool:
    """Four eyes: the approver of a version must be neither its last editor nor its submitter."""
    return actor in (last_editor, submitter)


def section_diff(old: str, new: str, label: str, old_version: int) -> str:
    """A unified diff of one section's text between two versions."""
    lines = difflib.unified_diff(
        old.splitlines(keepends=True),
        new.splitlines(keepends=True),
        fromfile=f"v{old_version}/{label}",
        tofile=f"v{old_version + 1}/{label}",
    )
    # A last line without a newline would glue onto the next diff line; end every line.
    return "".join(line if line.endswith("\n") else line + "\n" for line in lines)


# -- the service -------------------------------------------------------------------------------


@dataclass(frozen=True)
class Decision:
    """The outcome of a review action: the draft after it, and the recorded status change."""

    draft: DraftRecord
    change: DraftStatusChange
    # Approved by its own last editor or submitter (allowed by the setting; the caller audits).
    self_approval: bool = False
    last_editor: str | None = None
    submitter: str | None = None


class DraftReview:
    """Edits, comments and status actions on stored drafts, each checked by the rules above.

    Every method runs in one store transaction (joining the caller's, so the caller can add
    its audit event to it).
    """

    def __init__(self, drafts: DraftRecords, allow_self_approval: bool = False) -> None:
        self._drafts = drafts
        self._allow_self_approval = allow_self_approval

    def may_approve(self, draft: DraftRecord, actor: str) -> bool:
        """Whether four eyes let this actor approve the draft's current version (the role and
        status are checked separately); the web page hides the button otherwise."""
        if self._allow_self_approval:
            return True
        last_editor = self._drafts.version_actor(draft.draft_id, draft.current_version)
        return not is_self_approval(actor, last_editor, self._drafts.submitter(draft.draft_id))

    def edit_section(
        self,
        draft_id: int,
        section_key: str,
        language: str,
        text: str,
        actor: str,
        base_version: int | None = None,
    ) -> DraftVersion:
        """Replace one section's text; the result is a new version with the diff kept.

        ``base_version`` is the version the editor started from: when someone else saved in
        between, the edit is refused instead of silently overwriting their change.
        """
        check_edit_text(section_key, language, text)
        with self._drafts.transaction():
            draft = self._drafts.lock_draft(draft_id)
            check_editable(draft, base_version)
            content = self._drafts.get_draft_content(draft_id)
            section = find_section(content, section_key, language)
            check_section_edit(draft, section, text)
            diff = section_diff(
                section.text, text, f"{section_key}.{language}", draft.current_version
            )
            new_content = dataclasses.replace(
                content,
                sections=[
                    dataclasses.replace(s, text=text) if s is section else s
                    for s in content.sections
                ],
            )
            # Editing a rejected draft reopens it: it is a draft again until resubmitted.
            if draft.status == "rejected":
                self._drafts.record_status(draft, "draft", actor, "edited after rejection")
            return self._drafts.add_version(draft, new_content, actor, section_key, language, diff)

    def add_comment(
        self,
        draft_id: int,
        section_key: str,
        text: str,
        actor: str,
        language: str | None = None,
    ) -> DraftComment:
        """Comment on a section (in one language, or in all when ``language`` is None)."""
        with self._drafts.transaction():
            draft = self._drafts.lock_draft(draft_id)
            text = check_comment(draft, text)
            find_section(self._drafts.get_draft_content(draft_id), section_key, language)
            return self._drafts.insert_comment(draft, section_key, language, actor, text)

    def decide(
        self, draft_id: int, action: str, actor: str, actor_role: str, reason: str = ""
    ) -> Decision:
        """Apply a review action (submit, withdraw, approve, reject) by an actor of a role.

        The role is checked here too, not only by the API, so no caller can approve with less
        than the approver role.
        """
        rule = check_action(action, actor_role, reason)
        with self._drafts.transaction():
            draft = self._drafts.lock_draft(draft_id)
            check_status(draft, rule)
            last_editor = submitter = None
            self_approval = False
            if rule.to_status == "approved":
                last_editor = self._drafts.version_actor(draft_id, draft.current_version)
                submitter = self._drafts.submitter(draft_id)
                self_approval = is_self_approval(actor, last_editor, submitter)
                if self_approval and not self._allow_self_approval:
                    raise DraftError(
                        "draft_self_approval",
                        draft_id=str(draft_id),
                        version=str(draft.current_version),
                        actor=actor,
                    )
            change = self._drafts.record_status(draft, rule.to_status, actor, reason.strip())
            if rule.to_status == "approved":
                self._drafts.mark_approved(draft_id, actor, change.at)
            return Decision(
                self._drafts.require_draft(draft_id),
                change,
                self_approval,
                last_editor,
                submitter,
            )
