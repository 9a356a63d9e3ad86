"""Writes by API keys: ids of their own for uploads, no replacing what the key cannot read."""

from __future__ import annotations

from pathlib import Path

import pytest

from ingest.loaders import load_file
from ingest.loaders.base import LoadOptions
from ingest.pipeline import IngestPipeline
from ingest.uploads import discard_rejected, save_upload, upload_id, upload_name, went_in
from ingest.write_policy import WritePolicy
from rag.core.documents import IngestError, is_safe_doc_id

PUBLIC_EDITOR = WritePolicy(frozenset({"public"}))
FULL_EDITOR = WritePolicy(frozenset({"public", "internal", "restricted"}))
ADMIN = WritePolicy(frozenset({"public", "internal", "restricted"}), admin=True)
SECRET = "---\nid: palkat\naccess: restricted\n---\nJohtajan palkka on 9 000 euroa kuussa.\n"


def _file(folder: Path, name: str, text: str) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def test_a_public_editor_cannot_replace_or_probe_a_restricted_document(
    hash_pipeline: IngestPipeline, tmp_path: Path
) -> None:
    assert hash_pipeline.ingest([_file(tmp_path / "a", "palkat.md", SECRET)]).ingested == ["palkat"]
    attack = _file(tmp_path / "b", "x.md", SECRET.replace("restricted", "public"))
    report = hash_pipeline.ingest([attack], policy=PUBLIC_EDITOR)
    assert report.ingested == [] and report.unchanged == []
    assert report.failed[0].key == "write_not_cleared"
    record = hash_pipeline.registry.documents.get_document("palkat")
    assert record is not None and record.access == "restricted"
    # The guessed text, re-sent as it is stored: refused alike, not "unchanged".
    guess = hash_pipeline.ingest([_file(tmp_path / "c", "y.md", SECRET)], policy=PUBLIC_EDITOR)
    assert guess.unchanged == [] and guess.failed[0].key == "write_not_cleared"
    probe = hash_pipeline.ingest(
        [_file(tmp_path / "d", "z.md", SECRET)],
        LoadOptions(access="public"),
        policy=PUBLIC_EDITOR,
    )
    assert probe.unchanged == [] and probe.failed[0].key == "write_not_cleared"


def test_only_an_admin_lowers_access(hash_pipeline: IngestPipeline, tmp_path: Path) -> None:
    hash_pipeline.ingest([_file(tmp_path / "a", "palkat.md", SECRET)])
    lowered = _file(tmp_path / "b", "palkat.md", SECRET.replace("restricted", "internal"))
    report = hash_pipeline.ingest([lowered], policy=FULL_EDITOR)
    assert report.failed[0].key == "write_lowers_access"
    assert "restricted" in report.failed[0].reason
    assert hash_pipeline.ingest([lowered], policy=ADMIN).ingested == ["palkat"]
    record = hash_pipeline.registry.documents.get_document("palkat")
    assert record is not None and record.access == "internal"
    raised = _file(tmp_path / "c", "palkat.md", SECRET)
    assert hash_pipeline.ingest([raised], policy=FULL_EDITOR).ingested == ["palkat"]


def test_path_characters_never_make_an_id(tmp_path: Path) -> None:
    bad = _file(tmp_path, "x.md", "---\nid: ../../../x\n---\nTeksti.\n")
    with pytest.raises(IngestError) as caught:
        load_file(bad)
    assert caught.value.key == "front_matter_id"
    table = _file(tmp_path, "kysely.csv", "id;text\n2024/123;Lisää penkkejä puistoon.\n")
    [record] = load_file(table)
    assert record.doc_id == "kysely-2024-123" and is_safe_doc_id(record.doc_id)
    for name in ["..", ".", "", "../../etc/passwd", "a\\..\\b.md", "x" * 300 + ".pdf", "a:b"]:
        assert is_safe_doc_id(upload_id(name, b"data")), name
        assert "/" not in upload_name(name) and upload_name(name) not in ("", ".", "..")


def test_uploads_with_the_same_name_stay_apart_and_the_same_bytes_change_nothing(
    hash_pipeline: IngestPipeline, tmp_path: Path
) -> None:
    first = b"Kaupunginhallitus kokoontui 22.1.2024 ja hyvaksyi digiohjelman."
    second = b"Kaupunginhallitus kokoontui 5.2.2024 ja merkitsi tiedoksi talouden."
    ids = []
    for folder, data in (("a", first), ("b", second), ("c", first)):
        path = tmp_path / folder / "poytakirja.txt"
        path.parent.mkdir()
        path.write_bytes(data)
        options = LoadOptions(document_ids={str(path): upload_id(path.name, data)})
        report = hash_pipeline.ingest([path], options, policy=FULL_EDITOR)
        ids.append((report.ingested, report.unchanged))
    (new1, _), (new2, _), (again, same) = ids
    assert len(new1) == len(new2) == 1 and new1 != new2
    assert again == [] and same == new1
    assert {r.doc_id for r in hash_pipeline.registry.documents.list_documents({"public"})} == {
        *new1,
        *new2,
    }


def test_saved_uploads_keep_their_name_and_rejected_ones_are_deleted(tmp_path: Path) -> None:
    folder = tmp_path / "uploads"
    first = save_upload(folder, "poytakirja.pdf", b"one")
    second = save_upload(folder, "../poytakirja.pdf", b"two")
    again = save_upload(folder, "poytakirja.pdf", b"one")
    assert first.path.name == second.path.name == "poytakirja.pdf"
    assert first.path != second.path and first.document_id != second.document_id
    assert (again.path, again.document_id, again.created) == (first.path, first.document_id, False)
    replacing = save_upload(folder, "uusi.pdf", b"three", replace="poytakirja-x")
    assert replacing.document_id == "poytakirja-x"
    removed = discard_rejected([first, second, again, replacing], [first.document_id])
    assert removed == ["poytakirja.pdf", "uusi.pdf"]
    assert first.path.exists() and not second.path.exists() and not replacing.path.exists()
    table = save_upload(folder, "kysely.csv", b"id;text\n1;a\n")
    assert went_in(table, [f"{table.document_id}-1"])
    # Keys of another clearance get ids of their own for the same bytes.
    assert upload_id("a.txt", b"x", "public") != upload_id("a.txt", b"x", "internal,public")
