"""The draft review store against a real SQLite file: versions, diffs, comments, transitions."""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Iterator
from functools import partial
from pathlib import Path

import pytest

from rag.core.drafts import DraftCitation, DraftContent, DraftFlag, DraftSection
from rag.draft.review import TRANSITIONS, DraftReview
from rag.store.draft_records import (
    DRAFT_STATUSES,
    DraftError,
    DraftRecord,
    content_from_json,
    content_to_json,
)
from rag.store.registry import DocumentRecord, Registry

PUBLIC_DOC = "kh-2025-03-10"
INTERNAL_DOC = "intern-muistio"


def _citation(number: int, doc_id: str = PUBLIC_DOC) -> DraftCitation:
    return DraftCitation(
        number=number,
        chunk_id=f"{doc_id}#{number}",
        doc_id=doc_id,
        title="Kaupunginhallitus 10.3.2025",
        date="2025-03-10",
        section="45",
        quote="Sähköinen asiointi otettiin käyttöön.",
    )


def make_content(cited_doc: str = PUBLIC_DOC) -> DraftContent:
    """A small fi+sv draft of the shape the composer produces."""
    sections = []
    for lang, text in (
        ("fi", "Sähköinen asiointi otettiin käyttöön [1]."),
        ("sv", "E-tjänsten togs i bruk [1]."),
    ):
        sections.append(
            DraftSection(
                "summary",
                lang,
                "Yhteenveto" if lang == "fi" else "Sammanfattning",
                text,
                citations=[_citation(1, cited_doc)],
            )
        )
        sections.append(
            DraftSection(
                "theme-a",
                lang,
                "a",
                "Rivi yksi [1].\nRivi kaksi [2].\n",
                theme="a",
                citations=[_citation(1, cited_doc), _citation(2, cited_doc)],
                flags=[DraftFlag("no_evidence", "M-A3: ei näyttöä", measure_id="M-A3")],
            )
        )
    return DraftContent(
        "2025-01-01", "2025-12-31", ["a"], ["fi", "sv"], sections, "digiohjelma-2024-2026"
    )


@pytest.fixture
def reg(tmp_path: Path) -> Iterator[Registry]:
    registry = Registry(tmp_path / "registry.sqlite3")
    for doc_id, access in ((PUBLIC_DOC, "public"), (INTERNAL_DOC, "internal")):
        registry.documents.upsert_document(
            DocumentRecord(doc_id, f"{doc_id}.pdf", "h", access=access)
        )
    yield registry
    registry.close()


def review(reg: Registry) -> DraftReview:
    """The review service (it owns the workflow rules) over the test's store."""
    return DraftReview(reg.drafts)


def decide(
    reg: Registry, draft_id: int, action: str, actor: str, role: str, reason: str = ""
) -> DraftRecord:
    return review(reg).decide(draft_id, action, actor, role, reason).draft


def _error(code: str, call, *args, **kwargs) -> DraftError:  # type: ignore[no-untyped-def]
    with pytest.raises(DraftError) as info:
        call(*args, **kwargs)
    assert info.value.code == code, str(info.value)
    return info.value


def test_create_stores_version_one_and_the_cited_access_levels(reg: Registry) -> None:
    draft = reg.drafts.create_draft(make_content(), "editor-1", title="Seuranta 2025")
    assert (draft.status, draft.current_version, draft.title) == ("draft", 1, "Seuranta 2025")
    assert draft.access == ["public"] and draft.languages == ["fi", "sv"]
    stored = reg.drafts.get_draft_content(draft.draft_id)
    assert stored == make_content()  # the JSON round trip keeps every field
    assert [v.kind for v in reg.drafts.list_versions(draft.draft_id)] == ["created"]

    internal = reg.drafts.create_draft(make_content(INTERNAL_DOC), "editor-1")
    assert internal.access == ["internal"]
    unknown = reg.drafts.create_draft(make_content("gone-document"), "editor-1")
    assert unknown.access == ["restricted"]  # a vanished document is not shown to everyone
    visible = reg.drafts.list_drafts(clearance={"public"})
    assert [d.draft_id for d in visible] == [draft.draft_id]
    assert {d.draft_id for d in reg.drafts.list_drafts(clearance={"public", "internal"})} == {
        draft.draft_id,
        internal.draft_id,
    }


def test_a_draft_needs_sections(reg: Registry) -> None:
    empty = DraftContent("2025-01-01", "2025-12-31", [], ["fi"], [])
    _error("draft_no_sections", reg.drafts.create_draft, empty, "editor-1")
    assert reg.drafts.list_drafts() == []


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


def test_stored_json_of_other_shapes_still_loads() -> None:
    """Fields added to the draft shapes later (or dropped) do not break stored versions."""
    text = content_to_json(make_content())
    newer = text.replace('"quote":', '"confidence": 0.5, "quote":')
    assert content_from_json(newer) == make_content()


def test_one_draft_per_job(reg: Registry) -> None:
    assert reg.drafts.draft_for_job("job-1") is None
    stored = reg.drafts.create_draft(make_content(), "editor-1", job_id="job-1")
    found = reg.drafts.draft_for_job("job-1")
    assert found is not None and found.draft_id == stored.draft_id and found.job_id == "job-1"
    with pytest.raises(sqlite3.IntegrityError):
        reg.drafts.create_draft(make_content(), "editor-1", job_id="job-1")
    assert len(reg.drafts.list_drafts()) == 1
    # Drafts made outside a job (the CLI) have no job id and do not collide.
    reg.drafts.create_draft(make_content(), "cli")
    reg.drafts.create_draft(make_content(), "cli")
    assert len(reg.drafts.list_drafts()) == 3


def test_an_approved_draft_is_changed_through_a_copy(reg: Registry) -> None:
    draft_id = _draft_in(reg, "draft")
    review(reg).edit_section(draft_id, "summary", "fi", "Hyväksytty teksti [1].", "editor-1")
    decide(reg, draft_id, "submit", "editor-1", "editor")
    decide(reg, draft_id, "approve", "approver-1", "approver")

    copy = reg.drafts.copy_draft(draft_id, "editor-2")
    assert (copy.status, copy.current_version, copy.created_by) == ("draft", 1, "editor-2")
    assert copy.draft_id != draft_id and copy.title == reg.drafts.require_draft(draft_id).title
    content = reg.drafts.get_draft_content(copy.draft_id)
    assert content.sections[0].text == "Hyväksytty teksti [1]."  # the approved version
    assert content.meta["based_on"] == {"draft_id": draft_id, "version": 2}
    review(reg).edit_section(copy.draft_id, "summary", "fi", "Korjattu teksti [1].", "editor-2")
    assert reg.drafts.get_draft_content(draft_id).sections[0].text == "Hyväksytty teksti [1]."
    assert reg.drafts.require_draft(draft_id).status == "approved"

    older = reg.drafts.copy_draft(draft_id, "editor-2", version=1, title="Vanhasta")
    assert (
        reg.drafts.get_draft_content(older.draft_id).sections[0].text
        == make_content().sections[0].text
    )
    assert older.title == "Vanhasta"
    _error("draft_version_not_found", reg.drafts.copy_draft, draft_id, "editor-2", 5)
    _error("draft_not_found", reg.drafts.copy_draft, 999, "editor-2")
