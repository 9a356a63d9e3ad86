"""Fixtures for the ingest tests."""

from __future__ import annotations

from pathlib import Path

import chromadb
import pytest

from ingest.pipeline import IngestPipeline
from rag.store.registry import Registry
from rag.store.vectors import ChromaVectorStore
from tests.fakes.embeddings import HashEmbeddings


@pytest.fixture
def hash_pipeline(tmp_path: Path) -> IngestPipeline:
    """A pipeline on real Chroma and SQLite in tmp_path, with the fast hash embedder."""
    registry = Registry(tmp_path / "registry.sqlite3")
    embedder = HashEmbeddings()
    client = chromadb.PersistentClient(path=str(tmp_path / "chroma"))
    vectors = ChromaVectorStore(client, "ingest-test", embedder.name, embedder.dimension)
    return IngestPipeline(registry, vectors, embedder)
