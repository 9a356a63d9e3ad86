"""Chroma vector store: embedded PersistentClient by default, a Chroma server by URL.

Chroma is always given vectors; its own default embedding function (which downloads a model)
is never used.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence
from contextlib import AbstractContextManager, nullcontext
from pathlib import Path
from typing import Any
from urllib.parse import urlparse

import chromadb
from chromadb.api.shared_system_client import SharedSystemClient

from rag.core.documents import ACCESS_LEVELS, Chunk
from rag.core.results import SearchFilters, SearchHit
from rag.store.gate import StoreGate

_OPTIONAL_FIELDS = (
    "page",
    "heading",
    "section",
    "item_title",
    "part",
    "body",
    "date",
    "record_number",
    "kind",
    "url",
    "ocr_confidence",
)


class VectorStoreError(Exception):
    """The vector store cannot be used as configured (message is for a person)."""


def date_to_int(iso_date: str) -> int:
    """'2024-01-22' -> 20240122; Chroma range filters work on numbers only."""
    return int(iso_date[:10].replace("-", ""))


def chunk_metadata(chunk: Chunk) -> dict[str, Any]:
    """Flat metadata for Chroma (no None values allowed there)."""
    meta: dict[str, Any] = {
        "doc_id": chunk.doc_id,
        "index": chunk.index,
        "language": chunk.language,
        "title": chunk.title,
        "access": chunk.access,
    }
    for name in _OPTIONAL_FIELDS:
        value = getattr(chunk, name)
        if value is not None and value != "":
            meta[name] = value
    if chunk.date:
        meta["date_int"] = date_to_int(chunk.date)
    return meta


def chunk_from_record(chunk_id: str, text: str, meta: dict[str, Any]) -> Chunk:
    """Rebuild a Chunk from what Chroma returns."""
    values = {name: meta.get(name) for name in _OPTIONAL_FIELDS}
    return Chunk(
        chunk_id=chunk_id,
        doc_id=str(meta["doc_id"]),
        index=int(meta.get("index", 0)),
        text=text,
        language=str(meta.get("language", "fi")),
        title=str(meta.get("title", "")),
        access=str(meta.get("access", "public")),
        **values,
    )


def build_where(filters: SearchFilters | None) -> dict[str, Any] | None:
    """Translate SearchFilters into a Chroma `where` clause."""
    if filters is None:
        return None
    clauses: list[dict[str, Any]] = []
    # An access clause that admits every level only costs time (measured ~10x on 9k chunks).
    if not set(ACCESS_LEVELS) <= set(filters.access_levels):
        clauses.append({"access": {"$in": sorted(filters.access_levels)}})
    if filters.date_from:
        clauses.append({"date_int": {"$gte": date_to_int(filters.date_from)}})
    if filters.date_to:
        clauses.append({"date_int": {"$lte": date_to_int(filters.date_to)}})
    if filters.language:
        clauses.append({"language": filters.language})
    if filters.kind:
        clauses.append({"kind": filters.kind})
    if filters.body:
        clauses.append({"body": filters.body})
    if filters.doc_ids:
        clauses.append({"doc_id": {"$in": list(filters.doc_ids)}})
    if not clauses:
        return None
    return clauses[0] if len(clauses) == 1 else {"$and": clauses}


def make_client(chroma_url: str, chroma_path: Path) -> Any:
    """An HttpClient for a server URL, else a PersistentClient in the data directory."""
    if chroma_url:
        parsed = urlparse(chroma_url)
        if not parsed.hostname:
            raise VectorStoreError(f"TIEKARTTA_CHROMA_URL '{chroma_url}' is not a valid URL")
        try:
            return chromadb.HttpClient(
                host=parsed.hostname,
                port=parsed.port or (443 if parsed.scheme == "https" else 8000),
                ssl=parsed.scheme == "https",
            )
        except Exception as exc:  # the client checks the server on creation
            raise VectorStoreError(
                f"cannot reach the Chroma server at {chroma_url}: {exc}"
            ) from exc
    chroma_path.mkdir(parents=True, exist_ok=True)
    return chromadb.PersistentClient(path=str(chroma_path))


# Systems of reopened clients, stopped once no query can still be running on them.
_RETIRED: list[tuple[float, Any]] = []
_RETIRE_AFTER_S = 120.0


def reopen_persistent_client(chroma_path: Path) -> Any:
    """A new embedded client that reads the store from disk again.

    Chroma keeps one system per path per process and hands it to every new client, so the
    cached one is taken out first (chromadb's own cache, no public call for one path). It is
    not stopped at once: collections of the old client may be in use by another thread; it
    is stopped at a later reopen.
    """
    identifier = str(chroma_path)
    now = time.monotonic()
    with SharedSystemClient._refcount_lock:
        old = SharedSystemClient._identifier_to_system.pop(identifier, None)
        SharedSystemClient._identifier_to_refcount.pop(identifier, None)
    for retired in [r for r in _RETIRED if now - r[0] > _RETIRE_AFTER_S]:
        _RETIRED.remove(retired)
        retired[1].stop()
    if old is not None:
        _RETIRED.append((now, old))
    return make_client("", chroma_path)


class ChromaVectorStore:
    """Chunks and their vectors in one Chroma collection tied to one embedding model.

    With a `gate` (embedded Chroma shared by several processes), reads hold its shared lock
    and writes its exclusive one; when another process has written, `reopen` gives a fresh
    client first, so this process never queries an index that lost ids on disk.
    """

    def __init__(
        self,
        client: Any,
        collection: str,
        embedder_name: str,
        dimension: int,
        gate: StoreGate | None = None,
        reopen: Callable[[], Any] | None = None,
    ) -> None:
        self._name = collection
        self._embedder_name = embedder_name
        self._dimension = dimension
        self._collection = self._open(client)
        self._gate = gate
        self._reopen = reopen
        if gate is not None and reopen is not None:
            gate.on_change(self._refresh)

    def _open(self, client: Any) -> Any:
        collection = client.get_or_create_collection(
            self._name,
            embedding_function=None,
            configuration={"hnsw": {"space": "cosine"}},
            metadata={"embedder": self._embedder_name, "dimension": self._dimension},
        )
        stored = (collection.metadata or {}).get("embedder")
        if stored and stored != self._embedder_name:
            raise VectorStoreError(
                f"the Chroma collection '{self._name}' was built with embeddings '{stored}', "
                f"not '{self._embedder_name}': use another TIEKARTTA_COLLECTION or re-ingest"
            )
        return collection

    def _refresh(self) -> None:
        assert self._reopen is not None
        self._collection = self._open(self._reopen())

    def reading(self) -> AbstractContextManager[None]:
        """The gate's shared lock (nothing without a gate)."""
        return self._gate.reading() if self._gate is not None else nullcontext()

    def writing(self) -> AbstractContextManager[None]:
        """The gate's exclusive lock: hold it around every change that belongs together."""
        return self._gate.writing() if self._gate is not None else nullcontext()

    def add(self, chunks: Sequence[Chunk], vectors: Sequence[Sequence[float]]) -> None:
        """Insert or replace chunks with their vectors."""
        with self.writing():
            if not chunks:
                return
            self._collection.upsert(
                ids=[c.chunk_id for c in chunks],
                embeddings=[list(v) for v in vectors],
                documents=[c.text for c in chunks],
                metadatas=[chunk_metadata(c) for c in chunks],
            )

    def delete_document(self, doc_id: str) -> None:
        """Remove every chunk of a document."""
        with self.writing():
            self._collection.delete(where={"doc_id": doc_id})

    def chunk_ids(self, doc_id: str) -> list[str]:
        with self.reading():
            return list(self._collection.get(where={"doc_id": doc_id}, include=[])["ids"])

    def get_chunks(self, chunk_ids: Sequence[str]) -> list[Chunk]:
        """Fetch stored chunks by id (order of the request, missing ids left out)."""
        with self.reading():
            if not chunk_ids:
                return []
            got = self._collection.get(ids=list(chunk_ids), include=["documents", "metadatas"])
            by_id = {
                cid: chunk_from_record(cid, text or "", meta or {})
                for cid, text, meta in zip(
                    got["ids"], got["documents"], got["metadatas"], strict=True
                )
            }
            return [by_id[c] for c in chunk_ids if c in by_id]

    def get_with_vectors(self, chunk_ids: Sequence[str]) -> list[tuple[Chunk, list[float]]]:
        """Stored chunks with their vectors (missing ids left out)."""
        with self.reading():
            if not chunk_ids:
                return []
            got = self._collection.get(
                ids=list(chunk_ids), include=["documents", "metadatas", "embeddings"]
            )
            return [
                (chunk_from_record(cid, text or "", meta or {}), list(vector))
                for cid, text, meta, vector in zip(
                    got["ids"], got["documents"], got["metadatas"], got["embeddings"], strict=True
                )
            ]

    def documents_with_vectors(self, doc_ids: Sequence[str]) -> list[tuple[Chunk, list[float]]]:
        """Every stored chunk of the given documents with its vector, in one request."""
        with self.reading():
            if not doc_ids:
                return []
            got = self._collection.get(
                where={"doc_id": {"$in": list(doc_ids)}},
                include=["documents", "metadatas", "embeddings"],
            )
            return [
                (chunk_from_record(cid, text or "", meta or {}), list(vector))
                for cid, text, meta, vector in zip(
                    got["ids"], got["documents"], got["metadatas"], got["embeddings"], strict=True
                )
            ]

    def all_chunks(self, batch: int = 5000) -> list[Chunk]:
        """Every stored chunk (used to rebuild the lexical index)."""
        with self.reading():
            out: list[Chunk] = []
            offset = 0
            while True:
                got = self._collection.get(
                    include=["documents", "metadatas"], limit=batch, offset=offset
                )
                for cid, text, meta in zip(
                    got["ids"], got["documents"], got["metadatas"], strict=True
                ):
                    out.append(chunk_from_record(cid, text or "", meta or {}))
                if len(got["ids"]) < batch:
                    return out
                offset += batch

    def vectors_by_document(
        self, doc_ids: set[str] | None = None, batch: int = 5000
    ) -> dict[str, list[list[float]]]:
        """Chunk vectors grouped by document (all documents, or only `doc_ids`)."""
        with self.reading():
            out: dict[str, list[list[float]]] = {}
            offset = 0
            while True:
                got = self._collection.get(
                    include=["metadatas", "embeddings"], limit=batch, offset=offset
                )
                for meta, vector in zip(got["metadatas"], got["embeddings"], strict=True):
                    doc_id = str((meta or {}).get("doc_id", ""))
                    if doc_ids is None or doc_id in doc_ids:
                        out.setdefault(doc_id, []).append([float(x) for x in vector])
                if len(got["ids"]) < batch:
                    return out
                offset += batch

    def count(self) -> int:
        with self.reading():
            return int(self._collection.count())

    def query(
        self, vector: Sequence[float], k: int, filters: SearchFilters | None = None
    ) -> list[SearchHit]:
        """Nearest chunks by cosine similarity, filtered by metadata.

        No count() first: Chroma (1.x) returns what it has when asked for more, also from an
        empty collection, and the extra round trip cost every search (a request to a server).
        """
        with self.reading():
            if k <= 0:
                return []
            result = self._collection.query(
                query_embeddings=[list(vector)],
                n_results=k,
                where=build_where(filters),
                include=["documents", "metadatas", "distances"],
            )
            hits: list[SearchHit] = []
            for cid, text, meta, dist in zip(
                result["ids"][0],
                result["documents"][0],
                result["metadatas"][0],
                result["distances"][0],
                strict=True,
            ):
                similarity = 1.0 - dist
                hits.append(
                    SearchHit(
                        chunk_from_record(cid, text or "", meta or {}), similarity, dense=similarity
                    )
                )
            return hits
