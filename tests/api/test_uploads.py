"""Uploads through the HTTP API: ids of their own, explicit replacement, clearance on writes."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from api.container import Tiekartta
from tests.api.helpers import Api, api_for
from tests.conftest import make_settings

MINUTES_A = "Kaupunginhallitus kokoontui 22.1.2024 ja hyväksyi digiohjelman yksimielisesti."
MINUTES_B = "Kaupunginhallitus kokoontui 5.2.2024 ja merkitsi talouden seurannan tiedoksi."
SECRET = "---\nid: palkat\naccess: restricted\n---\nJohtajan palkka on 9 000 euroa kuussa.\n"


@pytest.fixture
def api(tmp_path: Path) -> Api:
    service = Tiekartta(make_settings(tmp_path / "data"))
    api = api_for(service)
    public = service.registry.keys.create_key("editor", "public editor", clearance=["public"])
    api.secrets["public_editor"] = public.secret
    levels = ["public", "internal", "restricted"]
    api.secrets["full_editor"] = service.registry.keys.create_key("editor", "full", levels).secret
    return api


def _upload(api: Api, role: str, *files: tuple[str, str], **form: str) -> Any:
    sent = [("files", (name, text.encode(), "text/plain")) for name, text in files]
    return api.client.post("/documents", files=sent, data=form, headers=api.headers(role))


def _uploads_on_disk(api: Api) -> list[str]:
    folder = api.service.settings.data_dir / "uploads"
    return sorted(p.name for p in folder.rglob("*") if p.is_file())


def test_two_files_with_one_name_are_two_documents_and_a_repeat_changes_nothing(
    api: Api,
) -> None:
    first = _upload(api, "editor", ("poytakirja.txt", MINUTES_A))
    second = _upload(api, "editor", ("poytakirja.txt", MINUTES_B))
    assert (first.status_code, second.status_code) == (201, 201)
    ids = first.json()["ingested"] + second.json()["ingested"]
    assert len(set(ids)) == 2 and all(i.startswith("poytakirja-") for i in ids)
    listed = api.get("/documents", "reader").json()
    assert {d["doc_id"] for d in listed} == set(ids)
    again = _upload(api, "editor", ("poytakirja.txt", MINUTES_A))
    assert again.status_code == 200
    assert again.json()["unchanged"] == first.json()["ingested"]


def test_replace_is_explicit_and_needs_a_readable_document(api: Api) -> None:
    [doc_id] = _upload(api, "editor", ("poytakirja.txt", MINUTES_A)).json()["ingested"]
    replaced = _upload(api, "editor", ("korjattu.txt", MINUTES_B), replace=doc_id)
    assert replaced.status_code == 201 and replaced.json()["ingested"] == [doc_id]
    document = api.get(f"/documents/{doc_id}", "reader").json()
    assert "5.2.2024" in document["title"]  # the new text, under the old id
    assert _upload(api, "editor", ("x.txt", MINUTES_B), replace="ei-ole").status_code == 404
    two = _upload(api, "editor", ("x.txt", MINUTES_A), ("y.txt", MINUTES_B), replace=doc_id)
    assert two.status_code == 400


def test_a_public_editor_can_neither_replace_nor_probe_a_restricted_document(
    api: Api, tmp_path: Path
) -> None:
    secret = tmp_path / "palkat.md"
    secret.write_text(SECRET, encoding="utf-8")
    assert api.service.documents.ingest([secret]).ingested == ["palkat"]  # by the CLI, say
    uploaded = _upload(api, "admin", ("palkat.md", SECRET))
    assert uploaded.status_code == 201
    [admin_copy] = uploaded.json()["ingested"]
    # The front-matter id of an upload does not choose the document it replaces.
    sneaky = _upload(
        api, "public_editor", ("x.md", SECRET.replace("restricted", "public")), access="public"
    )
    assert sneaky.status_code == 201 and sneaky.json()["ingested"] != ["palkat"]
    record = api.service.registry.documents.get_document("palkat")
    assert record is not None and record.access == "restricted"
    # The same bytes as an admin's upload: a document of its own, nothing said about the other.
    guess = _upload(api, "public_editor", ("palkat.md", SECRET))
    assert guess.status_code == 201 and guess.json()["unchanged"] == []
    assert guess.json()["ingested"] != [admin_copy]
    # Naming it explicitly: the same answer as for an id that does not exist.
    probe = _upload(api, "public_editor", ("y.md", SECRET), replace="palkat", access="public")
    missing = _upload(api, "public_editor", ("y.md", SECRET), replace="ei-ole", access="public")
    assert probe.status_code == missing.status_code == 404
    assert probe.json()["detail"].replace("palkat", "X") == missing.json()["detail"].replace(
        "ei-ole", "X"
    )


def test_only_an_admin_lowers_a_documents_access(api: Api) -> None:
    [doc_id] = _upload(api, "admin", ("ohje.txt", MINUTES_A), access="internal").json()["ingested"]
    lowered = _upload(api, "full_editor", ("ohje.txt", MINUTES_B), replace=doc_id, access="public")
    assert lowered.status_code == 422
    assert "internal" in lowered.json()["failed"][0]["reason"]
    by_admin = _upload(api, "admin", ("ohje.txt", MINUTES_B), replace=doc_id, access="public")
    assert by_admin.status_code == 201


@pytest.mark.parametrize("name", ["a/b/../c.txt", "..\\x.txt", "x" * 300 + ".txt", "a:b.txt"])
def test_odd_file_names_are_stored_safely(api: Api, name: str) -> None:
    response = _upload(api, "editor", (name, MINUTES_A))
    assert response.status_code == 201, response.text
    [doc_id] = response.json()["ingested"]
    assert "/" not in doc_id and ":" not in doc_id and not doc_id.startswith(".")
    assert api.get(f"/documents/{doc_id}", "reader").status_code == 200


@pytest.mark.parametrize("name", ["..", ".", "...", "-"])
def test_names_without_a_format_are_refused_not_crashed(api: Api, name: str) -> None:
    response = _upload(api, "editor", (name, MINUTES_A))
    assert response.status_code == 422, response.text
    assert "unknown format" in response.json()["failed"][0]["reason"]
    assert _uploads_on_disk(api) == []


def test_statuses_say_what_happened_and_refused_files_are_deleted(api: Api) -> None:
    refused = _upload(api, "editor", ("tyhja.txt", "   "))
    assert refused.status_code == 422 and refused.json()["failed"][0]["path"] == "tyhja.txt"
    assert _uploads_on_disk(api) == []
    mixed = _upload(api, "editor", ("hyva.txt", MINUTES_A), ("tyhja.txt", "   "))
    assert mixed.status_code == 207
    assert _uploads_on_disk(api) == ["hyva.txt"]
