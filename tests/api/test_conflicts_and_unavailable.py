"""Every 409 and 503 the OpenAPI schema documents, brought about for real and checked
against the schema (status documented for the route, body of the documented shape).

409: a stale draft edit, a review action in the wrong state, an edit or comment on an approved
(frozen) draft, a job's result asked for before the job is done. 503: every answer slot taken
(/ask, with Retry-After), the embeddings endpoint down (search, ask, upload, classify) and a
broken programme file on the server (a draft job).
"""

from __future__ import annotations

import asyncio
import socket
from pathlib import Path
from typing import Any

import pytest
import schemathesis
from schemathesis.checks import not_a_server_error

from api.app import create_app
from api.container import Tiekartta
from rag.core.messages import message
from rag.store.registry import DocumentRecord
from tests.api.helpers import CHECKS
from tests.conftest import make_settings
from tests.rag.store.test_drafts_store import PUBLIC_DOC, make_content


class Client:
    """Requests built from the schema's operations, each answer checked against it."""

    def __init__(self, service: Tiekartta, roles: tuple[str, ...]) -> None:
        self.app = create_app(service=service)
        self.schema = schemathesis.openapi.from_asgi("/openapi.json", self.app)
        keys = service.registry.keys
        self.created = {role: keys.create_key(role, f"conflict {role}") for role in roles}

    def key_id(self, role: str) -> str:
        return self.created[role].key.key_id

    def call(self, role: str, operation: str, status: int, **parts: Any) -> Any:
        """``operation`` as "METHOD /path"; the answer must have ``status`` and fit the schema."""
        method, path = operation.split(" ", 1)
        headers = {
            "Authorization": f"Bearer {self.created[role].secret}",
            "Accept-Language": "fi",
        }
        case = self.schema[path][method].Case(**parts)
        response = case.call(headers=headers)
        assert response.status_code == status, response.text
        # A documented 503 is the answer wanted here, not the server error the check refuses.
        checks = [c for c in CHECKS if status < 500 or c is not not_a_server_error]
        case.validate_response(response, checks=checks, headers=headers)
        detail = response.json()["detail"]
        assert isinstance(detail, str) and detail and "Traceback" not in detail
        return response


@pytest.fixture
def drafts(tmp_path: Path) -> tuple[Client, int]:
    service = Tiekartta(make_settings(tmp_path))
    service.registry.documents.upsert_document(DocumentRecord(PUBLIC_DOC, "kh.pdf", "h"))
    draft = service.registry.drafts.create_draft(make_content(), "generator")
    return Client(service, ("reader", "editor", "approver")), draft.draft_id


def test_draft_conflicts_answer_409(drafts: tuple[Client, int]) -> None:
    client, draft_id = drafts
    path = {"draft_id": draft_id}
    edit = {"section": "summary", "language": "fi", "text": "Uusi teksti [1].", "base_version": 1}
    ok = client.schema["/drafts/{draft_id}"]["PATCH"].Case(path_parameters=path, body=edit)
    editor = {"Authorization": f"Bearer {client.created['editor'].secret}"}
    assert ok.call(headers=editor).status_code == 200
    # The same edit again started from version 1, which is no longer the latest.
    stale = client.call("editor", "PATCH /drafts/{draft_id}", 409, path_parameters=path, body=edit)
    assert "2" in stale.json()["detail"]
    # Review actions that the draft's state ("draft") does not allow.
    for action, role, body in (
        ("withdraw", "editor", None),
        ("approve", "approver", None),
        ("reject", "approver", {"reason": "Puutteellinen."}),
    ):
        extra = {"body": body} if body else {}
        client.call(role, f"POST /drafts/{{draft_id}}/{action}", 409, path_parameters=path, **extra)
    submit = client.schema["/drafts/{draft_id}/submit"]["POST"].Case(path_parameters=path)
    assert submit.call(headers=editor).status_code == 200
    client.call("editor", "POST /drafts/{draft_id}/submit", 409, path_parameters=path)
    approver = {"Authorization": f"Bearer {client.created['approver'].secret}"}
    approve = client.schema["/drafts/{draft_id}/approve"]["POST"].Case(path_parameters=path)
    assert approve.call(headers=approver).status_code == 200
    # Approved is frozen: no edit, no comment.
    frozen_edit = {**edit, "base_version": None, "text": "Vielä uusi [1]."}
    client.call("editor", "PATCH /drafts/{draft_id}", 409, path_parameters=path, body=frozen_edit)
    comment = {"section": "summary", "text": "Hyvä."}
    client.call(
        "reader", "POST /drafts/{draft_id}/comments", 409, path_parameters=path, body=comment
    )


def test_unfinished_job_result_answers_409(tmp_path: Path) -> None:
    service = Tiekartta(make_settings(tmp_path))
    client = Client(service, ("editor",))
    # Queued and never started: no runner runs in this app (its lifespan is not entered).
    job = service.registry.jobs.create_job("classify", client.key_id("editor"), {})
    client.call("editor", "GET /jobs/{job_id}/result", 409, path_parameters={"job_id": job.job_id})


def test_every_answer_slot_taken_answers_503_with_retry_after(tmp_path: Path) -> None:
    service = Tiekartta(make_settings(tmp_path, ask_concurrency=2, ask_wait_seconds=0.2))
    client = Client(service, ("reader",))
    gate = client.app.state.ask_gate
    held = [asyncio.run(gate.enter()) for _ in range(2)]  # two answers in progress
    assert all(slot is not None for slot in held)
    busy = client.call("reader", "POST /ask", 503, body={"question": "Mikä on budjetti?"})
    assert busy.headers["retry-after"] == ["1"]
    assert busy.json()["detail"] == message("server_busy", "fi", seconds="1")
    for slot in held:
        slot.release()  # type: ignore[union-attr]


def _closed_port() -> int:
    """A loopback port nothing listens on (bound, then released)."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def test_embeddings_endpoint_down_answers_503(tmp_path: Path) -> None:
    settings = make_settings(
        tmp_path,
        embeddings="openai:text-embedding-3-small",
        embeddings_base_url=f"http://127.0.0.1:{_closed_port()}/v1",
    )
    client = Client(Tiekartta(settings), ("editor",))
    client.call("editor", "POST /search", 503, body={"query": "talousarvio"})
    client.call("editor", "POST /ask", 503, body={"question": "Mikä on talousarvio?"})
    proposals = {"proposals": [{"id": "p1", "text": "Lisää penkkejä rantaan."}]}
    client.call(
        "editor", "POST /proposals/classify", 503, body=proposals, media_type="application/json"
    )
    upload = {"files": [("poytakirja.md", "# Kokous\n\nPäätettiin hankkia penkkejä.\n".encode())]}
    client.call("editor", "POST /documents", 503, body=upload, media_type="multipart/form-data")


def test_broken_programme_file_answers_503_to_a_draft_job(tmp_path: Path) -> None:
    broken = tmp_path / "programme.md"
    broken.write_text("not a programme\n", encoding="utf-8")
    service = Tiekartta(make_settings(tmp_path / "data", programme_file=broken))
    client = Client(service, ("editor",))
    body = {"period": "2025", "languages": "fi"}
    client.call("editor", "POST /drafts", 503, body=body, media_type="multipart/form-data")


# What the tests above bring about; a route that starts documenting 409 or 503 needs a test.
EXERCISED = {
    ("PATCH", "/drafts/{draft_id}", "409"),
    ("POST", "/drafts/{draft_id}/comments", "409"),
    ("POST", "/drafts/{draft_id}/submit", "409"),
    ("POST", "/drafts/{draft_id}/withdraw", "409"),
    ("POST", "/drafts/{draft_id}/approve", "409"),
    ("POST", "/drafts/{draft_id}/reject", "409"),
    ("GET", "/jobs/{job_id}/result", "409"),
    ("POST", "/ask", "503"),
    ("POST", "/search", "503"),
    ("POST", "/documents", "503"),
    ("POST", "/proposals/classify", "503"),
    ("POST", "/drafts", "503"),
}


def test_every_documented_409_and_503_is_exercised(tmp_path: Path) -> None:
    paths = create_app(service=Tiekartta(make_settings(tmp_path))).openapi()["paths"]
    documented = {
        (method.upper(), path, status)
        for path, operations in paths.items()
        for method, operation in operations.items()
        for status in operation.get("responses", {})
        if status in ("409", "503")
    }
    assert documented == EXERCISED
