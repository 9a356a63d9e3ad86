"""The review service on the real draft store (SQLite): edits and their versions, comments,
every status action in every status, and the four-eyes rule."""

from __future__ import annotations

import threading
from functools import partial

import pytest

from rag.draft.review import TRANSITIONS, DraftReview, is_self_approval
from rag.store.draft_records import DRAFT_STATUSES, DraftError
from rag.store.registry import Registry
from tests.rag.store import test_drafts_store as store_tests
from tests.rag.store.test_drafts_store import _error, decide, make_content, review

reg = store_tests.reg  # the registry fixture: a real SQLite file with two documents


def _in_review(registry: Registry, review: DraftReview) -> int:
    """A draft stored by 'writer', edited by 'editor-1' and submitted by 'submitter'."""
    draft_id = registry.drafts.create_draft(make_content(), "writer").draft_id
    review.edit_section(draft_id, "summary", "fi", "Uusi teksti [1].", "editor-1")
    review.decide(draft_id, "submit", "submitter", "editor")
    return draft_id


@pytest.mark.parametrize("approver", ["editor-1", "submitter"])
def test_the_last_editor_or_the_submitter_cannot_approve(
    reg: Registry,
    approver: str,
) -> None:
    review = DraftReview(reg.drafts)
    draft_id = _in_review(reg, review)
    with pytest.raises(DraftError) as info:
        review.decide(draft_id, "approve", approver, "admin")
    assert info.value.code == "draft_self_approval"
    assert f"({approver})" in str(info.value) and "TIEKARTTA_ALLOW_SELF_APPROVAL" in str(info.value)
    assert reg.drafts.require_draft(draft_id).status == "in_review"  # nothing changed


def test_a_third_person_approves(reg: Registry) -> None:
    review = DraftReview(reg.drafts)
    draft_id = _in_review(reg, review)
    # The one who stored version 1 is not the last editor of version 2.
    decision = review.decide(draft_id, "approve", "writer", "approver")
    assert decision.draft.status == "approved" and decision.draft.approved_by == "writer"
    assert not decision.self_approval


def test_the_creator_of_an_unedited_version_is_its_last_editor(reg: Registry) -> None:
    review = DraftReview(reg.drafts)
    draft_id = reg.drafts.create_draft(make_content(), "writer").draft_id
    review.decide(draft_id, "submit", "submitter", "editor")
    with pytest.raises(DraftError, match="writer"):
        review.decide(draft_id, "approve", "writer", "approver")


def test_the_setting_allows_self_approval_and_says_so(reg: Registry) -> None:
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


def test_edit_makes_a_version_with_a_diff_and_keeps_the_old_text(reg: Registry) -> None:
    draft = reg.drafts.create_draft(make_content(), "editor-1")
    version = review(reg).edit_section(
        draft.draft_id, "theme-a", "fi", "Rivi yksi [1].\nRivi kaksi korjattu [2].\n", "editor-2"
    )
    assert (version.version, version.actor, version.section_key, version.language) == (
        2,
        "editor-2",
        "theme-a",
        "fi",
    )
    assert "-Rivi kaksi [2].\n" in version.diff and "+Rivi kaksi korjattu [2].\n" in version.diff
    assert version.diff.startswith("--- v1/theme-a.fi\n+++ v2/theme-a.fi\n")
    new = reg.drafts.get_draft_content(draft.draft_id)
    old = reg.drafts.get_draft_content(draft.draft_id, version=1)
    changed = {(s.key, s.language): s.text for s in new.sections}
    assert changed[("theme-a", "fi")].endswith("korjattu [2].\n")
    assert changed[("theme-a", "sv")] == "Rivi yksi [1].\nRivi kaksi [2].\n"  # other language kept
    assert old == make_content()
    assert new.sections[1].citations == old.sections[1].citations  # citations and flags stay
    assert new.sections[1].flags == old.sections[1].flags
    versions = reg.drafts.list_versions(draft.draft_id)
    assert [(v.version, v.kind) for v in versions] == [(1, "created"), (2, "edit")]
    assert reg.drafts.require_draft(draft.draft_id).current_version == 2
    _error("draft_version_not_found", reg.drafts.get_draft_content, draft.draft_id, 7)


def test_bad_edits_are_refused_and_store_nothing(reg: Registry) -> None:
    draft = reg.drafts.create_draft(make_content(), "editor-1")
    error = _error(
        "draft_section_not_found",
        review(reg).edit_section,
        draft.draft_id,
        "theme-x",
        "fi",
        "x",
        "e",
    )
    assert "theme-a (fi)" in str(error)  # the message lists the sections that exist
    _error(
        "draft_section_not_found",
        review(reg).edit_section,
        draft.draft_id,
        "summary",
        "en",
        "x",
        "e",
    )
    _error(
        "draft_empty_text", review(reg).edit_section, draft.draft_id, "summary", "fi", "  \n", "e"
    )
    same = reg.drafts.get_draft_content(draft.draft_id).sections[0].text
    _error(
        "draft_text_unchanged", review(reg).edit_section, draft.draft_id, "summary", "fi", same, "e"
    )
    error = _error(
        "draft_unknown_citation",
        review(reg).edit_section,
        draft.draft_id,
        "summary",
        "fi",
        "Uusi [1] [5].",
        "e",
    )
    assert "[5]" in str(error) and "[1]" in str(error)
    _error("draft_not_found", review(reg).edit_section, 999, "summary", "fi", "x", "e")
    assert reg.drafts.require_draft(draft.draft_id).current_version == 1
    assert reg.drafts.get_draft_content(draft.draft_id) == make_content()


def test_a_stale_edit_is_refused_instead_of_overwriting(reg: Registry) -> None:
    draft = reg.drafts.create_draft(make_content(), "editor-1")
    review(reg).edit_section(
        draft.draft_id, "summary", "fi", "Ensimmäinen [1].", "a", base_version=1
    )
    error = _error(
        "draft_stale_version",
        review(reg).edit_section,
        draft.draft_id,
        "summary",
        "fi",
        "Toinen [1].",
        "b",
        base_version=1,
    )
    assert "2" in str(error)
    assert reg.drafts.get_draft_content(draft.draft_id).sections[0].text == "Ensimmäinen [1]."


def test_concurrent_edits_from_the_same_version_keep_exactly_one(reg: Registry) -> None:
    draft = reg.drafts.create_draft(make_content(), "editor-1")
    outcomes: list[str] = []
    barrier = threading.Barrier(4)

    def edit(n: int) -> None:
        barrier.wait()
        try:
            review(reg).edit_section(
                draft.draft_id, "summary", "sv", f"Text {n} [1].", f"e{n}", base_version=1
            )
            outcomes.append("saved")
        except DraftError as exc:
            outcomes.append(exc.code)

    threads = [threading.Thread(target=edit, args=(n,)) for n in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert sorted(outcomes) == ["draft_stale_version"] * 3 + ["saved"]
    assert [v.version for v in reg.drafts.list_versions(draft.draft_id)] == [1, 2]


def test_review_path_to_approval_freezes_the_draft(reg: Registry) -> None:
    draft = reg.drafts.create_draft(make_content(), "editor-1")
    review(reg).add_comment(draft.draft_id, "theme-a", "Lisää mittarit.", "reader-1", language="fi")
    submitted = decide(reg, draft.draft_id, "submit", "editor-1", "editor")
    assert submitted.status == "in_review"
    # In review the text is fixed: the approver approves exactly what was submitted.
    _error(
        "draft_not_editable",
        review(reg).edit_section,
        draft.draft_id,
        "summary",
        "fi",
        "Muu [1].",
        "e",
    )
    _error(
        "draft_role",
        partial(decide, reg),
        draft.draft_id,
        "approve",
        "editor-1",
        "editor",
    )
    review(reg).add_comment(draft.draft_id, "summary", "Hyvä.", "approver-1")
    approved = decide(reg, draft.draft_id, "approve", "approver-1", "approver")
    assert approved.status == "approved"
    assert (approved.approved_version, approved.approved_by) == (1, "approver-1")
    assert approved.approved_at is not None

    error = _error(
        "draft_frozen", review(reg).edit_section, draft.draft_id, "summary", "fi", "Muu [1].", "e"
    )
    assert "new draft" in str(error)
    _error("draft_frozen", review(reg).add_comment, draft.draft_id, "summary", "Vielä.", "reader-1")
    for action in TRANSITIONS:
        _error(
            "draft_frozen",
            partial(decide, reg),
            draft.draft_id,
            action,
            "admin-1",
            "admin",
            "x",
        )
    assert reg.drafts.get_draft_content(draft.draft_id) == make_content()
    assert reg.drafts.require_draft(draft.draft_id).status == "approved"
    history = [
        (c.from_status, c.to_status, c.actor) for c in reg.drafts.status_history(draft.draft_id)
    ]
    assert history == [("draft", "in_review", "editor-1"), ("in_review", "approved", "approver-1")]
    comments = reg.drafts.list_comments(draft.draft_id)
    assert [(c.section_key, c.language, c.actor) for c in comments] == [
        ("theme-a", "fi", "reader-1"),
        ("summary", None, "approver-1"),
    ]


def test_rejection_needs_a_reason_and_an_edit_reopens_the_draft(reg: Registry) -> None:
    draft = reg.drafts.create_draft(make_content(), "editor-1")
    decide(reg, draft.draft_id, "submit", "editor-1", "editor")
    _error(
        "draft_reason_required",
        partial(decide, reg),
        draft.draft_id,
        "reject",
        "ap",
        "approver",
        " ",
    )
    rejected = decide(
        reg, draft.draft_id, "reject", "ap", "approver", reason="Teeman b luvut puuttuvat."
    )
    assert rejected.status == "rejected" and rejected.approved_version is None
    review(reg).edit_section(draft.draft_id, "theme-a", "sv", "Rad ett [1].\n", "editor-1")
    assert reg.drafts.require_draft(draft.draft_id).status == "draft"
    decide(reg, draft.draft_id, "submit", "editor-1", "editor")
    final = decide(reg, draft.draft_id, "approve", "ap", "approver")
    assert (final.status, final.approved_version) == ("approved", 2)
    history = reg.drafts.status_history(draft.draft_id)
    assert [(c.to_status, c.version) for c in history] == [
        ("in_review", 1),
        ("rejected", 1),
        ("draft", 1),
        ("in_review", 2),
        ("approved", 2),
    ]
    assert history[1].reason == "Teeman b luvut puuttuvat."


def _draft_in(reg: Registry, status: str) -> int:
    draft_id = reg.drafts.create_draft(make_content(), "editor-1").draft_id
    path = {
        "draft": [],
        "in_review": ["submit"],
        "approved": ["submit", "approve"],
        "rejected": ["submit", "reject"],
    }[status]
    for action in path:  # four eyes: someone else approves what admin-1 submitted
        actor = "admin-2" if action == "approve" else "admin-1"
        decide(reg, draft_id, action, actor, "admin", reason="syy")
    assert reg.drafts.require_draft(draft_id).status == status
    return draft_id


@pytest.mark.parametrize("status", DRAFT_STATUSES)
@pytest.mark.parametrize("action", sorted(TRANSITIONS))
def test_every_action_is_allowed_exactly_in_its_from_statuses(
    reg: Registry, status: str, action: str
) -> None:
    draft_id = _draft_in(reg, status)
    rule = TRANSITIONS[action]
    if status in rule.from_statuses:
        after = decide(reg, draft_id, action, "admin-2", "admin", reason="syy")
        assert after.status == rule.to_status
    else:
        with pytest.raises(DraftError) as info:
            decide(reg, draft_id, action, "admin-2", "admin", reason="syy")
        assert info.value.code in ("draft_bad_transition", "draft_frozen")
        assert reg.drafts.require_draft(draft_id).status == status


def test_unknown_actions_and_statuses_are_named(reg: Registry) -> None:
    draft_id = _draft_in(reg, "draft")
    error = _error("draft_bad_action", partial(decide, reg), draft_id, "publish", "a", "admin")
    assert "submit" in str(error)
    _error("draft_bad_status", reg.drafts.list_drafts, status="published")
    assert [d.draft_id for d in reg.drafts.list_drafts(status="draft")] == [draft_id]


def test_comments_validate_their_section_and_text(reg: Registry) -> None:
    draft_id = _draft_in(reg, "draft")
    _error("draft_empty_comment", review(reg).add_comment, draft_id, "summary", "   ", "r")
    _error("draft_section_not_found", review(reg).add_comment, draft_id, "theme-q", "Huom.", "r")
    _error("draft_text_too_long", review(reg).add_comment, draft_id, "summary", "x" * 6000, "r")
    assert reg.drafts.list_comments(draft_id) == []
