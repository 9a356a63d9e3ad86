"""Roadmap drafts: generate (a background job), read, edit, comment, submit, approve, export.

Who may do what: readers read, comment and export drafts whose cited documents they are
cleared for; editors also start drafts, edit sections, submit and withdraw; approvers also
approve and reject. The store checks the same roles and statuses again.
"""

from __future__ import annotations

from fastapi import APIRouter, Query

from api.convert_drafts import comment_out, draft_errors, draft_out, summary_out, version_out
from api.deps import ApproverKey, EditorKey, ReaderKey, ServiceDep
from api.errors import ApiError
from api.schemas import (
    DraftCommentIn,
    DraftCommentOut,
    DraftDecisionIn,
    DraftEditIn,
    DraftOut,
    DraftStatus,
    DraftSummaryOut,
    DraftVersionOut,
)
from rag.service import Tiekartta
from rag.store.draft_records import DraftRecord
from rag.store.registry import ApiKey

router = APIRouter(prefix="/drafts", tags=["drafts"])


def visible_draft(service: Tiekartta, draft_id: int, key: ApiKey) -> DraftRecord:
    """The draft if it exists and the key may read every document it quotes (else 404)."""
    draft = service.registry.get_draft(draft_id)
    # A draft the key may not read answers like a missing one: ids are not to be probed.
    if draft is None or not draft.visible_to(key.clearance):
        raise ApiError(404, "draft_not_found", draft_id=str(draft_id))
    return draft


@router.get("", response_model=list[DraftSummaryOut])
def list_drafts(
    service: ServiceDep,
    key: ReaderKey,
    status: DraftStatus | None = None,
    limit: int = Query(default=100, ge=1, le=1000),
) -> list[DraftSummaryOut]:
    drafts = service.registry.list_drafts(status=status, clearance=key.clearance, limit=limit)
    return [summary_out(d) for d in drafts]


@router.get("/{draft_id}", response_model=DraftOut)
def get_draft(
    draft_id: int,
    service: ServiceDep,
    key: ReaderKey,
    version: int | None = Query(default=None, ge=1, description="Default: the current one."),
) -> DraftOut:
    """The draft's sections (citations and flags included), versions, comments and history."""
    draft = visible_draft(service, draft_id, key)
    with draft_errors():
        content = service.registry.get_draft_content(draft_id, version)
    return draft_out(service.registry, draft, content, version or draft.current_version)


@router.patch("/{draft_id}", response_model=DraftVersionOut)
def edit_section(
    draft_id: int, body: DraftEditIn, service: ServiceDep, key: EditorKey
) -> DraftVersionOut:
    """Replace one section's text in one language; the result is a new version with its diff."""
    visible_draft(service, draft_id, key)
    with draft_errors():
        version = service.registry.edit_section(
            draft_id, body.section, body.language, body.text, key.key_id, body.base_version
        )
    return version_out(version)


@router.post("/{draft_id}/comments", response_model=DraftCommentOut, status_code=201)
def add_comment(
    draft_id: int, body: DraftCommentIn, service: ServiceDep, key: ReaderKey
) -> DraftCommentOut:
    """Readers may comment: reviewing needs no right to change the text."""
    visible_draft(service, draft_id, key)
    with draft_errors():
        comment = service.registry.add_comment(
            draft_id, body.section, body.text, key.key_id, language=body.language
        )
    return comment_out(comment)


def _decide(
    service: Tiekartta, draft_id: int, action: str, key: ApiKey, body: DraftDecisionIn | None
) -> DraftSummaryOut:
    visible_draft(service, draft_id, key)
    with draft_errors():
        draft = service.registry.change_draft_status(
            draft_id, action, key.key_id, key.role, reason=body.reason if body else ""
        )
    return summary_out(draft)


@router.post("/{draft_id}/submit", response_model=DraftSummaryOut)
def submit(
    draft_id: int, service: ServiceDep, key: EditorKey, body: DraftDecisionIn | None = None
) -> DraftSummaryOut:
    """Send the draft to review (from draft, or again after a rejection)."""
    return _decide(service, draft_id, "submit", key, body)


@router.post("/{draft_id}/withdraw", response_model=DraftSummaryOut)
def withdraw(
    draft_id: int, service: ServiceDep, key: EditorKey, body: DraftDecisionIn | None = None
) -> DraftSummaryOut:
    """Take the draft back from review to edit it."""
    return _decide(service, draft_id, "withdraw", key, body)


@router.post("/{draft_id}/approve", response_model=DraftSummaryOut)
def approve(
    draft_id: int, service: ServiceDep, key: ApproverKey, body: DraftDecisionIn | None = None
) -> DraftSummaryOut:
    """Approve the submitted version; it is frozen from now on."""
    return _decide(service, draft_id, "approve", key, body)


@router.post("/{draft_id}/reject", response_model=DraftSummaryOut)
def reject(
    draft_id: int, body: DraftDecisionIn, service: ServiceDep, key: ApproverKey
) -> DraftSummaryOut:
    """Send the draft back with a reason; its next edit makes it a draft again."""
    return _decide(service, draft_id, "reject", key, body)
