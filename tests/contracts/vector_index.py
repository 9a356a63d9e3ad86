"""The contract every vector index keeps (written once, subclassed per implementation in
test_vector_index.py): what goes in comes out with its metadata, filters limit what a search
sees, a document can be removed, and a collection stays tied to its embedding model."""

from __future__ import annotations

import uuid
from typing import Any

import pytest

from rag.core.documents import Chunk
from rag.core.results import SearchFilters
from rag.store.vectors import ChromaVectorStore, VectorStoreError
from tests.fakes.embeddings import HashEmbeddings

EMBEDDER = HashEmbeddings()


def _chunk(doc_id: str, index: int, text: str, **meta: object) -> Chunk:
    base: dict[str, Any] = dict(language="fi", title=f"Asiakirja {doc_id}")
    base.update(meta)
    return Chunk(chunk_id=f"{doc_id}:{index}", doc_id=doc_id, index=index, text=text, **base)


CHUNKS = [
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
    _chunk("uutinen-2025", 0, "Digiohjelman seuranta valmistui.", date="2025-10-20", kind="news"),
    _chunk("sisainen", 0, "Digiohjelman sisäinen tietoturvaohje.", access="internal"),
]


class VectorIndexContract:
    """Subclasses provide ``client``: the Chroma client of the implementation under test."""

    @pytest.fixture
    def client(self) -> Any:
        raise NotImplementedError

    @pytest.fixture
    def store(self, client: Any) -> ChromaVectorStore:
        # A fresh collection per test: a server is shared by many tests.
        name = f"contract-{uuid.uuid4().hex[:12]}"
        store = ChromaVectorStore(client, name, EMBEDDER.name, EMBEDDER.dimension)
        store.add(CHUNKS, EMBEDDER.embed_documents([c.text for c in CHUNKS]))
        return store

    @staticmethod
    def _ids(store: ChromaVectorStore, filters: SearchFilters) -> set[str]:
        hits = store.query(EMBEDDER.embed_query("digiohjelma"), 10, filters)
        return {h.chunk.doc_id for h in hits}

    def test_metadata_round_trip(self, store: ChromaVectorStore) -> None:
        [chunk] = store.get_chunks(["kh-2024:0"])
        assert (chunk.body, chunk.section, chunk.page, chunk.part, chunk.record_number) == (
            "Kaupunginhallitus",
            "25",
            2,
            "decision",
            "1/00.01/2024",
        )
        assert chunk.date == "2024-01-22" and chunk.url is None
        assert store.count() == len(CHUNKS)
        assert sorted(c.chunk_id for c in store.all_chunks()) == sorted(c.chunk_id for c in CHUNKS)

    def test_nearest_first_and_at_most_k(self, store: ChromaVectorStore) -> None:
        query = EMBEDDER.embed_query(CHUNKS[2].text)
        everything = SearchFilters(access_levels={"public", "internal", "restricted"})
        hits = store.query(query, 2, everything)
        assert len(hits) == 2 and hits[0].chunk.chunk_id == CHUNKS[2].chunk_id
        assert hits[0].score >= hits[1].score
        assert store.query(query, 0, everything) == []

    def test_filters(self, store: ChromaVectorStore) -> None:
        everything = {"public", "internal", "restricted"}
        ids = self._ids
        assert ids(store, SearchFilters()) == {"kh-2024", "ss-2024", "uutinen-2025"}
        assert "sisainen" in ids(store, SearchFilters(access_levels=everything))
        assert ids(store, SearchFilters(language="sv")) == {"ss-2024"}
        assert ids(store, SearchFilters(date_from="2025-01-01")) == {"uutinen-2025"}
        assert ids(store, SearchFilters(date_to="2024-12-31")) == {"kh-2024", "ss-2024"}
        assert ids(store, SearchFilters(body="Kaupunginhallitus")) == {"kh-2024"}
        assert ids(store, SearchFilters(kind="news")) == {"uutinen-2025"}
        assert ids(store, SearchFilters(doc_ids=["ss-2024", "sisainen"])) == {"ss-2024"}

    def test_delete_document(self, store: ChromaVectorStore) -> None:
        assert store.chunk_ids("kh-2024") == ["kh-2024:0"]
        store.delete_document("kh-2024")
        assert store.chunk_ids("kh-2024") == []
        assert store.count() == len(CHUNKS) - 1

    def test_collection_is_tied_to_its_embedding_model(self, client: Any) -> None:
        name = f"guard-{uuid.uuid4().hex[:12]}"
        ChromaVectorStore(client, name, "model-a", 64)
        with pytest.raises(VectorStoreError, match="model-a"):
            ChromaVectorStore(client, name, "model-b", 64)
