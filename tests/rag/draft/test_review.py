"""The review service's four-eyes rule, on the real draft store (SQLite)."""

from __future__ import annotations

import pytest

from rag.draft.review import DraftReview, is_self_approval
from rag.store.draft_records import DraftError
from rag.store.registry import Registry
from tests.rag.store.test_drafts_store import make_content, reg  # noqa: F401  (fixture)


def _in_review(registry: Registry, review: DraftReview) -> int:
    """A draft stored by 'writer', edited by 'editor-1' and submitted by 'submitter'."""
    draft_id = registry.drafts.create_draft(make_content(), "writer").draft_id
    review.edit_section(draft_id, "summary", "fi", "Uusi teksti [1].", "editor-1")
    review.decide(draft_id, "submit", "submitter", "editor")
    return draft_id


@pytest.mark.parametrize("approver", ["editor-1", "submitter"])
def test_the_last_editor_or_the_submitter_cannot_approve(
    reg: Registry,  # noqa: F811
    approver: str,
) -> None:
    review = DraftReview(reg.drafts)
    draft_id = _in_review(reg, review)
    with pytest.raises(DraftError) as info:
        review.decide(draft_id, "approve", approver, "admin")
    assert info.value.code == "draft_self_approval"
    assert f"({approver})" in str(info.value) and "TIEKARTTA_ALLOW_SELF_APPROVAL" in str(info.value)
    assert reg.drafts.require_draft(draft_id).status == "in_review"  # nothing changed


def test_a_third_person_approves(reg: Registry) -> None:  # noqa: F811
    review = DraftReview(reg.drafts)
    draft_id = _in_review(reg, review)
    # The one who stored version 1 is not the last editor of version 2.
    decision = review.decide(draft_id, "approve", "writer", "approver")
    assert decision.draft.status == "approved" and decision.draft.approved_by == "writer"
    assert not decision.self_approval


def test_the_creator_of_an_unedited_version_is_its_last_editor(reg: Registry) -> None:  # noqa: F811
    review = DraftReview(reg.drafts)
    draft_id = reg.drafts.create_draft(make_content(), "writer").draft_id
    review.decide(draft_id, "submit", "submitter", "editor")
    with pytest.raises(DraftError, match="writer"):
        review.decide(draft_id, "approve", "writer", "approver")


def test_the_setting_allows_self_approval_and_says_so(reg: Registry) -> None:  # noqa: F811
    review = DraftReview(reg.drafts, allow_self_approval=True)
    draft_id = _in_review(reg, review)
    decision = review.decide(draft_id, "approve", "submitter", "admin")
    assert decision.draft.status == "approved" and decision.self_approval
    assert (decision.last_editor, decision.submitter) == ("editor-1", "submitter")


def test_four_eyes_rule() -> None:
    assert is_self_approval("a", last_editor="a", submitter="b")
    assert is_self_approval("b", last_editor="a", submitter="b")
    assert not is_self_approval("c", last_editor="a", submitter="b")
    assert not is_self_approval("c", last_editor="a", submitter=None)
