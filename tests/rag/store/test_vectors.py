"""The Chroma vector store: metadata round trip, every filter, removal, model guard."""

from __future__ import annotations

from pathlib import Path

import chromadb
import pytest

from rag.core.documents import Chunk
from rag.core.results import SearchFilters
from rag.store.vectors import ChromaVectorStore, VectorStoreError, make_client
from tests.fakes.embeddings import HashEmbeddings

EMBEDDER = HashEmbeddings()


def _chunk(doc_id: str, index: int, text: str, **meta: object) -> Chunk:
    base = dict(language="fi", title=f"Asiakirja {doc_id}")
    base.update(meta)
    return Chunk(chunk_id=f"{doc_id}:{index}", doc_id=doc_id, index=index, text=text, **base)  # type: ignore[arg-type]


@pytest.fixture
def store(tmp_path: Path) -> ChromaVectorStore:
    client = make_client("", tmp_path / "chroma")
    store = ChromaVectorStore(client, "test-vectors", EMBEDDER.name, EMBEDDER.dimension)
    chunks = [
        _chunk(
            "kh-2024",
            0,
            "Digiohjelma hyväksyttiin kaupunginhallituksessa.",
            date="2024-01-22",
            body="Kaupunginhallitus",
            section="25",
            page=2,
            kind="minutes",
            part="decision",
            record_number="1/00.01/2024",
        ),
        _chunk(
            "ss-2024",
            0,
            "Digitaliseringsprogrammet godkändes av stadsstyrelsen.",
            language="sv",
            date="2024-01-22",
            body="Stadsstyrelsen",
            section="25",
            kind="minutes",
        ),
        _chunk(
            "uutinen-2025", 0, "Digiohjelman seuranta valmistui.", date="2025-10-20", kind="news"
        ),
        _chunk("sisainen", 0, "Digiohjelman sisäinen tietoturvaohje.", access="internal"),
    ]
    store.add(chunks, EMBEDDER.embed_documents([c.text for c in chunks]))
    return store


def _ids(store: ChromaVectorStore, filters: SearchFilters) -> set[str]:
    hits = store.query(EMBEDDER.embed_query("digiohjelma"), 10, filters)
    return {h.chunk.doc_id for h in hits}


def test_metadata_round_trip(store: ChromaVectorStore) -> None:
    [chunk] = store.get_chunks(["kh-2024:0"])
    assert (chunk.body, chunk.section, chunk.page, chunk.part, chunk.record_number) == (
        "Kaupunginhallitus",
        "25",
        2,
        "decision",
        "1/00.01/2024",
    )
    assert chunk.date == "2024-01-22" and chunk.url is None


def test_filters(store: ChromaVectorStore) -> None:
    everything = {"public", "internal", "restricted"}
    assert _ids(store, SearchFilters()) == {"kh-2024", "ss-2024", "uutinen-2025"}
    assert "sisainen" in _ids(store, SearchFilters(access_levels=everything))
    assert _ids(store, SearchFilters(language="sv")) == {"ss-2024"}
    assert _ids(store, SearchFilters(date_from="2025-01-01")) == {"uutinen-2025"}
    assert _ids(store, SearchFilters(date_to="2024-12-31")) == {"kh-2024", "ss-2024"}
    assert _ids(store, SearchFilters(body="Kaupunginhallitus")) == {"kh-2024"}
    assert _ids(store, SearchFilters(kind="news")) == {"uutinen-2025"}
    assert _ids(store, SearchFilters(doc_ids=["ss-2024", "sisainen"])) == {"ss-2024"}


def test_delete_document(store: ChromaVectorStore) -> None:
    store.delete_document("kh-2024")
    assert store.chunk_ids("kh-2024") == []
    assert store.count() == 3


def test_collection_is_tied_to_its_embedding_model(tmp_path: Path) -> None:
    client = chromadb.PersistentClient(path=str(tmp_path / "c"))
    ChromaVectorStore(client, "test-guard", "model-a", 64)
    with pytest.raises(VectorStoreError, match="model-a"):
        ChromaVectorStore(client, "test-guard", "model-b", 64)


def test_bad_server_url_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(VectorStoreError, match="not a valid URL"):
        make_client("not a url", tmp_path)
