"""The draft review workflow over HTTP: real app, real service, keys for every role.

The drafts here cite real chunks of the sample corpus (found with the real retriever) and are
stored through the registry; the end-to-end test that generates a draft with the background
job is in ``test_drafts_job.py``.
"""

from __future__ import annotations

from typing import Any

import pytest

from api.container import Tiekartta
from rag.core.drafts import DraftCitation, DraftContent, DraftFlag, DraftSection
from rag.core.results import SearchFilters
from tests.api.helpers import Api, api_for

INTERNAL_ID = "intern-tietoturvaohje"


@pytest.fixture(scope="module")
def api(sample_service: Tiekartta) -> Api:
    return api_for(sample_service, label="drafts test")


def cited_content(service: Tiekartta, query: str, doc_ids: list[str] | None = None) -> DraftContent:
    """A fi+sv draft whose citations are chunks the real retriever returns for ``query``."""
    filters = SearchFilters(doc_ids=doc_ids, access_levels={"public", "internal", "restricted"})
    hits = service.retriever.search(query, 2, filters)
    assert hits, query
    citations = [
        DraftCitation(
            number=n,
            chunk_id=h.chunk.chunk_id,
            doc_id=h.chunk.doc_id,
            title=h.chunk.title,
            date=h.chunk.date,
            section=h.chunk.section,
            page=h.chunk.page,
            quote=h.chunk.text[:200],
        )
        for n, h in enumerate(hits, start=1)
    ]
    sections = []
    for lang in ("fi", "sv"):
        sections.append(
            DraftSection(
                "summary", lang, "Summary", f"Summary {lang} [1].", citations=citations[:1]
            )
        )
        sections.append(
            DraftSection(
                "theme-a",
                lang,
                "Theme a",
                f"Progress {lang} [1].\nMore {lang}.\n",
                theme="a",
                citations=citations,
                flags=[DraftFlag("unsupported", "No citation.", sentence=f"More {lang}.")],
            )
        )
    return DraftContent(
        "2025-01-01", "2025-12-31", ["a"], ["fi", "sv"], sections, "digiohjelma-2024-2026"
    )


def store_draft(api: Api, query: str = "digiohjelma 2024–2026", **kw: Any) -> int:
    content = cited_content(api.service, query, **kw)
    return api.service.drafts.save(content, api.key_ids["editor"]).draft_id


def assert_error(response: Any, status: int, *needles: str) -> str:
    assert response.status_code == status, response.text
    detail = response.json()["detail"]
    assert isinstance(detail, str) and "Traceback" not in response.text
    for needle in needles:
        assert needle in detail, detail
    return detail


def test_review_to_approval_over_http(api: Api) -> None:
    draft_id = store_draft(api)
    listed = api.get("/drafts").json()
    assert draft_id in [d["draft_id"] for d in listed]

    shown = api.get(f"/drafts/{draft_id}").json()
    assert (shown["status"], shown["version"], shown["access"]) == ("draft", 1, ["public"])
    section = next(s for s in shown["sections"] if (s["key"], s["language"]) == ("theme-a", "fi"))
    assert section["flags"][0]["kind"] == "unsupported"
    chunk_ids = [c["chunk_id"] for c in section["citations"]]
    assert len(api.service.vectors.get_chunks(chunk_ids)) == len(chunk_ids)  # they resolve

    edited = api.patch(
        f"/drafts/{draft_id}",
        "editor",
        {
            "section": "theme-a",
            "language": "fi",
            "text": "Edistys korjattu [1].\nMore fi.\n",
            "base_version": 1,
        },
    )
    assert edited.status_code == 200, edited.text
    version = edited.json()
    assert (version["version"], version["actor"]) == (2, api.key_ids["editor"])
    assert (
        "-Progress fi [1].\n" in version["diff"] and "+Edistys korjattu [1].\n" in version["diff"]
    )

    comment = api.post(
        f"/drafts/{draft_id}/comments",
        "reader",
        {"section": "theme-a", "language": "fi", "text": "Lähde [1] ok."},
    )
    assert comment.status_code == 201, comment.text
    assert comment.json()["version"] == 2

    assert api.post(f"/drafts/{draft_id}/submit", "editor").json()["status"] == "in_review"
    assert_error(api.post(f"/drafts/{draft_id}/approve", "editor"), 403, "approver")
    approved = api.post(f"/drafts/{draft_id}/approve", "approver", {"reason": "Hyvä."})
    assert approved.status_code == 200, approved.text
    body = approved.json()
    assert (body["status"], body["approved_version"], body["approved_by"]) == (
        "approved",
        2,
        api.key_ids["approver"],
    )

    full = api.get(f"/drafts/{draft_id}").json()
    assert [v["version"] for v in full["versions"]] == [1, 2]
    assert full["versions"][1]["section"] == "theme-a"
    assert [c["text"] for c in full["comments"]] == ["Lähde [1] ok."]
    assert [(h["from_status"], h["to_status"]) for h in full["status_history"]] == [
        ("draft", "in_review"),
        ("in_review", "approved"),
    ]
    first = api.get(f"/drafts/{draft_id}", params={"version": 1}).json()
    theme_fi = next(s for s in first["sections"] if (s["key"], s["language"]) == ("theme-a", "fi"))
    assert theme_fi["text"] == "Progress fi [1].\nMore fi.\n"

    events = api.get("/audit", "admin", params={"limit": 50}).json()
    mine = [
        (e["action"], e["actor"])
        for e in reversed(events)
        if e["detail"].get("draft_id") == draft_id
    ]
    assert mine == [
        ("draft.create", api.key_ids["editor"]),
        ("draft.edit", api.key_ids["editor"]),
        ("draft.comment", api.key_ids["reader"]),
        ("draft.submit", api.key_ids["editor"]),
        ("draft.approve", api.key_ids["approver"]),
    ]


def test_the_submitter_cannot_approve_their_own_version(api: Api) -> None:
    draft_id = store_draft(api)
    assert api.post(f"/drafts/{draft_id}/submit", "admin").json()["status"] == "in_review"
    detail = assert_error(api.post(f"/drafts/{draft_id}/approve", "admin"), 403, "yourself")
    assert api.key_ids["admin"] in detail
    headers = {**api.headers("admin"), "Accept-Language": "fi"}
    assert_error(api.client.post(f"/drafts/{draft_id}/approve", headers=headers), 403, "itse")
    assert api.post(f"/drafts/{draft_id}/approve", "approver").json()["status"] == "approved"


def test_an_approved_draft_refuses_edits_and_keeps_its_content(api: Api) -> None:
    draft_id = store_draft(api)
    api.post(f"/drafts/{draft_id}/submit", "editor")
    api.post(f"/drafts/{draft_id}/approve", "approver")
    before = api.get(f"/drafts/{draft_id}").json()
    edit = {"section": "summary", "language": "fi", "text": "Muutettu [1]."}
    for role in ("editor", "admin"):
        assert_error(api.patch(f"/drafts/{draft_id}", role, edit), 409, "frozen", "new draft")
    finnish = api.client.patch(
        f"/drafts/{draft_id}", json=edit, headers=api.headers("editor", **{"Accept-Language": "fi"})
    )
    assert_error(finnish, 409, "hyväksytty ja lukittu")
    assert_error(
        api.post(f"/drafts/{draft_id}/comments", "reader", {"section": "summary", "text": "x"}),
        409,
        "frozen",
    )
    assert_error(api.post(f"/drafts/{draft_id}/reject", "approver", {"reason": "late"}), 409)
    after = api.get(f"/drafts/{draft_id}").json()
    assert after["sections"] == before["sections"] and after["current_version"] == 1

    # The way forward: a copy of the approved version, reviewed again.
    assert_error(api.post(f"/drafts/{draft_id}/copy", "reader"), 403)
    copied = api.post(f"/drafts/{draft_id}/copy", "editor", {"title": "Korjattu seuranta"})
    assert copied.status_code == 201, copied.text
    new = copied.json()
    assert (new["status"], new["current_version"], new["title"]) == (
        "draft",
        1,
        "Korjattu seuranta",
    )
    assert api.get(f"/drafts/{new['draft_id']}").json()["sections"] == before["sections"]
    assert api.patch(f"/drafts/{new['draft_id']}", "editor", edit).status_code == 200
    assert api.get(f"/drafts/{draft_id}").json()["sections"] == before["sections"]


def test_reject_path_and_resubmission(api: Api) -> None:
    draft_id = store_draft(api)
    assert_error(
        api.post(f"/drafts/{draft_id}/reject", "approver", {"reason": "x"}), 409, "in_review"
    )
    api.post(f"/drafts/{draft_id}/submit", "editor")
    assert_error(api.post(f"/drafts/{draft_id}/reject", "editor", {"reason": "x"}), 403)
    assert_error(api.post(f"/drafts/{draft_id}/reject", "approver", {"reason": " "}), 400, "reason")
    assert_error(
        api.patch(
            f"/drafts/{draft_id}",
            "editor",
            {"section": "summary", "language": "sv", "text": "Ny [1]."},
        ),
        409,
        "Withdraw",
    )
    rejected = api.post(
        f"/drafts/{draft_id}/reject", "approver", {"reason": "Lähteet puuttuvat teemasta b."}
    )
    assert rejected.json()["status"] == "rejected"
    edit = api.patch(
        f"/drafts/{draft_id}", "editor", {"section": "summary", "language": "sv", "text": "Ny [1]."}
    )
    assert edit.status_code == 200, edit.text
    assert api.get(f"/drafts/{draft_id}").json()["status"] == "draft"
    assert api.post(f"/drafts/{draft_id}/submit", "editor").json()["status"] == "in_review"
    assert api.post(f"/drafts/{draft_id}/withdraw", "editor").json()["status"] == "draft"
    history = api.get(f"/drafts/{draft_id}").json()["status_history"]
    assert [h["to_status"] for h in history] == [
        "in_review",
        "rejected",
        "draft",
        "in_review",
        "draft",
    ]
    assert history[1]["reason"] == "Lähteet puuttuvat teemasta b."
    assert [d["draft_id"] for d in api.get("/drafts", params={"status": "rejected"}).json()] == []


def test_bad_edits_get_clear_errors(api: Api) -> None:
    draft_id = store_draft(api)
    path = f"/drafts/{draft_id}"
    assert_error(
        api.patch(path, "reader", {"section": "summary", "language": "fi", "text": "x"}), 403
    )
    assert_error(
        api.patch(path, "editor", {"section": "theme-z", "language": "fi", "text": "x"}),
        400,
        "theme-a (fi)",
    )
    assert_error(
        api.patch(path, "editor", {"section": "summary", "language": "fi", "text": "Uusi [9]."}),
        400,
        "[9]",
    )
    assert_error(
        api.patch(path, "editor", {"section": "summary", "language": "de", "text": "x"}),
        422,
        "language",
    )
    api.patch(
        path,
        "editor",
        {"section": "summary", "language": "fi", "text": "Uusi [1].", "base_version": 1},
    )
    assert_error(
        api.patch(
            path,
            "editor",
            {"section": "summary", "language": "fi", "text": "Toinen [1].", "base_version": 1},
        ),
        409,
        "latest is 2",
    )
    assert_error(api.get("/drafts/999999"), 404, "999999")
    assert_error(api.get(path, params={"version": 9}), 404, "version 9")
    assert_error(api.get("/drafts", params={"status": "published"}), 422)
    assert api.get(path).json()["current_version"] == 2


def test_drafts_quoting_internal_documents_are_hidden_from_public_keys(api: Api) -> None:
    draft_id = store_draft(api, "tietoturva", doc_ids=[INTERNAL_ID])
    assert api.get(f"/drafts/{draft_id}", "admin").json()["access"] == ["internal"]
    assert_error(api.get(f"/drafts/{draft_id}", "reader"), 404)
    assert draft_id not in [d["draft_id"] for d in api.get("/drafts", "reader").json()]
    assert_error(api.post(f"/drafts/{draft_id}/submit", "editor"), 404)
    assert draft_id in [d["draft_id"] for d in api.get("/drafts", "admin").json()]


@pytest.mark.parametrize(
    ("method", "path"),
    [
        ("GET", "/drafts"),
        ("POST", "/drafts"),
        ("GET", "/drafts/1/export"),
        ("POST", "/drafts/1/withdraw"),
        ("POST", "/drafts/1/copy"),
        ("GET", "/drafts/1"),
        ("PATCH", "/drafts/1"),
        ("POST", "/drafts/1/comments"),
        ("POST", "/drafts/1/submit"),
        ("POST", "/drafts/1/approve"),
        ("POST", "/drafts/1/reject"),
    ],
)
def test_draft_endpoints_need_a_key(api: Api, method: str, path: str) -> None:
    assert_error(api.client.request(method, path, json={}), 401)
