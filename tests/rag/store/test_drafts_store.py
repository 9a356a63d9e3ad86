"""The draft store against a real SQLite file: drafts, versions, access levels, copies.

The workflow on top of it (edits, comments, status actions, four eyes) is tested with the
review service in tests/rag/draft/test_review.py, which shares the fixtures here.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import exc as sa_exc

from rag.core.drafts import DraftCitation, DraftContent, DraftFlag, DraftSection
from rag.draft.review import DraftReview
from rag.store.draft_records import (
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
    with pytest.raises(sa_exc.IntegrityError):
        reg.drafts.create_draft(make_content(), "editor-1", job_id="job-1")
    assert len(reg.drafts.list_drafts()) == 1
    # Drafts made outside a job (the CLI) have no job id and do not collide.
    reg.drafts.create_draft(make_content(), "cli")
    reg.drafts.create_draft(make_content(), "cli")
    assert len(reg.drafts.list_drafts()) == 3


def test_an_approved_draft_is_changed_through_a_copy(reg: Registry) -> None:
    draft_id = reg.drafts.create_draft(make_content(), "editor-1").draft_id
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
