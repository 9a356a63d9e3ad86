"""The draft service: each review action and its audit event are written together."""

from __future__ import annotations

from pathlib import Path

import pytest

from api.container import Tiekartta
from rag.store.draft_records import DraftError
from rag.store.registry import Registry
from tests.conftest import make_settings
from tests.rag.store.test_drafts_store import make_content, reg  # noqa: F401  (fixture)


@pytest.fixture
def app(tmp_path: Path, reg: Registry) -> Tiekartta:  # noqa: F811
    return Tiekartta(make_settings(tmp_path / "data"), registry=reg)


def _draft_events(app: Tiekartta) -> list[tuple[str, str, object]]:
    return [
        (e.action, e.actor, e.detail.get("draft_id"))
        for e in reversed(app.audit.events(limit=20))
        if e.action.startswith("draft.")
    ]


def test_every_action_is_in_the_audit_log(app: Tiekartta) -> None:
    drafts = app.drafts
    draft_id = drafts.save(make_content(), "editor-1").draft_id
    drafts.edit(draft_id, "summary", "fi", "Uusi [1].", "editor-2")
    drafts.comment(draft_id, "summary", "Ok.", "reader-1", language="fi")
    drafts.decide(draft_id, "submit", "editor-2", "editor")
    drafts.decide(draft_id, "approve", "approver-1", "approver")
    drafts.export(draft_id, "md", "reader-1")
    assert _draft_events(app) == [
        ("draft.create", "editor-1", draft_id),
        ("draft.edit", "editor-2", draft_id),
        ("draft.comment", "reader-1", draft_id),
        ("draft.submit", "editor-2", draft_id),
        ("draft.approve", "approver-1", draft_id),
        ("draft.export", "reader-1", draft_id),
    ]
    approve = app.audit.events(action="draft.approve")[0].detail
    assert (approve["from"], approve["to"], approve["version"]) == ("in_review", "approved", 2)
    # A refused action leaves no audit trace of having happened.
    with pytest.raises(DraftError):
        drafts.edit(draft_id, "summary", "fi", "Taas [1].", "x")
    assert app.audit.events(limit=1)[0].action == "draft.export"


def test_a_copy_is_logged_with_its_source_version(app: Tiekartta) -> None:
    drafts = app.drafts
    draft_id = drafts.save(make_content(), "editor-1").draft_id
    drafts.edit(draft_id, "summary", "fi", "Hyväksytty teksti [1].", "editor-1")
    drafts.decide(draft_id, "submit", "editor-1", "editor")
    drafts.decide(draft_id, "approve", "approver-1", "approver")
    first = drafts.copy(draft_id, "editor-2")
    second = drafts.copy(draft_id, "editor-2", version=1)
    copies = [e.detail for e in app.audit.events(action="draft.copy")]
    assert {(d["draft_id"], d["from"], d["version"]) for d in copies} == {
        (first.draft_id, draft_id, 2),
        (second.draft_id, draft_id, 1),
    }
    created = {e.detail["draft_id"] for e in app.audit.events(action="draft.create")}
    assert created == {draft_id, first.draft_id, second.draft_id}


def test_a_self_approval_is_refused_unless_allowed_and_then_audited(
    tmp_path: Path,
    reg: Registry,  # noqa: F811
) -> None:
    strict = Tiekartta(make_settings(tmp_path / "data"), registry=reg).drafts
    draft_id = strict.save(make_content(), "editor-1").draft_id
    strict.decide(draft_id, "submit", "solo", "admin")
    with pytest.raises(DraftError) as info:
        strict.decide(draft_id, "approve", "solo", "admin")
    assert info.value.code == "draft_self_approval"

    office = Tiekartta(make_settings(tmp_path / "data", allow_self_approval=True), registry=reg)
    office.drafts.decide(draft_id, "approve", "solo", "admin")
    event = office.audit.events(action="draft.self_approval")[0]
    assert event.actor == "solo"
    assert event.detail == {
        "draft_id": draft_id,
        "version": 1,
        "last_editor": "editor-1",
        "submitter": "solo",
    }
