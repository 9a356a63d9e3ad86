"""The ingest pipeline on real files, real Chroma and real SQLite (with a fast test embedder)."""

from __future__ import annotations

from pathlib import Path

import chromadb
import pytest

from ingest.loaders.base import LoadOptions
from ingest.pipeline import IngestPipeline
from rag.store.registry import Registry
from rag.store.vectors import ChromaVectorStore
from tests.fakes.embeddings import HashEmbeddings


def _write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


NEWS = """---
id: uutinen-1
title: Digiohjelman seuranta
date: 2025-10-20
language: fi
kind: news
---
Kaupunginhallitus käsitteli digiohjelman seurannan. Toimenpiteistä valmistui kahdeksan.
"""


@pytest.fixture
def pipeline(tmp_path: Path) -> IngestPipeline:
    registry = Registry(tmp_path / "registry.sqlite3")
    embedder = HashEmbeddings()
    client = chromadb.PersistentClient(path=str(tmp_path / "chroma"))
    vectors = ChromaVectorStore(client, "test-collection", embedder.name, embedder.dimension)
    return IngestPipeline(registry, vectors, embedder, max_chars=300, overlap_chars=50)


def test_unchanged_file_costs_no_embedding_and_changed_file_replaces_chunks(
    pipeline: IngestPipeline, tmp_path: Path
) -> None:
    doc = _write(tmp_path / "docs" / "news.md", NEWS)
    first = pipeline.ingest([tmp_path / "docs"])
    assert first.ingested == ["uutinen-1"] and not first.failed
    embedded = len(pipeline.embedder.embedded)  # type: ignore[attr-defined]
    assert embedded == first.chunks > 0

    second = pipeline.ingest([doc])
    assert second.unchanged == ["uutinen-1"] and second.ingested == []
    assert len(pipeline.embedder.embedded) == embedded  # type: ignore[attr-defined]

    _write(doc, NEWS.replace("kahdeksan", "yhdeksän"))
    third = pipeline.ingest([doc])
    assert third.ingested == ["uutinen-1"]
    texts = " ".join(c.text for c in pipeline.vectors.all_chunks())
    assert "yhdeksän" in texts and "kahdeksan" not in texts
    assert (
        pipeline.vectors.count()
        == pipeline.registry.documents.get_document("uutinen-1").chunk_count
    )


def test_bad_files_are_reported_and_the_rest_ingested(
    pipeline: IngestPipeline, tmp_path: Path
) -> None:
    folder = tmp_path / "mixed"
    _write(folder / "good.md", NEWS)
    _write(folder / "empty.txt", "")
    _write(folder / "notes.xyz", "what is this")
    (folder / "broken.pdf").write_bytes(b"%PDF-1.7\n1 0 obj << /Type /Catalog")
    report = pipeline.ingest([folder])
    assert report.ingested == ["uutinen-1"]
    failed = {Path(f.path).name: f.reason for f in report.failed}
    assert set(failed) == {"empty.txt", "notes.xyz", "broken.pdf"}
    assert "empty" in failed["empty.txt"]
    assert "unknown format" in failed["notes.xyz"]
    assert "PDF" in failed["broken.pdf"]


def test_remove_deletes_everywhere(pipeline: IngestPipeline, tmp_path: Path) -> None:
    pipeline.ingest([_write(tmp_path / "news.md", NEWS)])
    assert pipeline.remove("uutinen-1") is True
    assert pipeline.registry.documents.get_document("uutinen-1") is None
    assert pipeline.vectors.count() == 0
    assert pipeline.remove("uutinen-1") is False


def test_interrupted_ingest_is_repaired_on_the_next_run(
    pipeline: IngestPipeline, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    doc = _write(tmp_path / "news.md", NEWS)
    pipeline.ingest([doc])
    _write(doc, NEWS + "\nUusi kappale lisättiin myöhemmin.\n")

    def crash(*args: object, **kwargs: object) -> None:
        raise KeyboardInterrupt  # as if the process was stopped while writing

    with monkeypatch.context() as patch:
        patch.setattr(pipeline.vectors, "add", crash)
        with pytest.raises(KeyboardInterrupt):
            pipeline.ingest([doc])
    assert pipeline.registry.documents.pending_documents() == ["uutinen-1"]
    # The half-written document must not look unchanged.
    assert pipeline.registry.documents.document_hash("uutinen-1") is None

    report = pipeline.ingest([doc])
    assert report.repaired == ["uutinen-1"] and report.ingested == ["uutinen-1"]
    assert pipeline.registry.documents.pending_documents() == []
    assert "Uusi kappale" in " ".join(c.text for c in pipeline.vectors.all_chunks())


def test_csv_repeats_and_conflicts_are_counted_not_overwritten(
    pipeline: IngestPipeline, tmp_path: Path
) -> None:
    rows = [
        "id;otsikko;vastaus",
        "1;Digituki;Kirjastoon tarvitaan digitukea ikäihmisille.",
        "1;Digituki;Kirjastoon tarvitaan digitukea ikäihmisille.",
        "2;Penkit;Puistoon lisää penkkejä.",
        "2;Penkit;Puistoon lisää penkkejä ja roskiksia.",
        "3;;",
    ]
    path = tmp_path / "kysely.csv"
    path.write_bytes("\n".join(rows).encode("cp1252"))
    report = pipeline.ingest(
        [path], LoadOptions(text_columns=["otsikko", "vastaus"], id_columns=["id"])
    )
    assert sorted(report.ingested) == ["kysely-1", "kysely-2"]
    assert report.identical_repeats == 1
    assert report.conflicts and "kysely-2" in report.conflicts[0]
    assert [f.path for f in report.failed] == [f"{path} (kysely-3)"]
    stored = " ".join(c.text for c in pipeline.vectors.all_chunks())
    assert "ikäihmisille" in stored and "roskiksia" not in stored


def test_same_id_from_two_files_is_reported(pipeline: IngestPipeline, tmp_path: Path) -> None:
    _write(tmp_path / "a" / "one.md", NEWS)
    _write(tmp_path / "a" / "two.md", NEWS.replace("kahdeksan", "kuusi"))
    report = pipeline.ingest([tmp_path / "a"])
    assert report.ingested == ["uutinen-1"]
    assert len(report.failed) == 1 and "already ingested" in report.failed[0].reason
