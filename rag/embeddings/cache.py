"""Embeddings remembered by content hash, so a text is embedded at most once per model.

The embedding model is the slowest step of classifying (a few hundred words per second on
two cores), and batches repeat: the same export is classified again after a review, a job
resumes after a restart, proposal files contain duplicate rows. The key is the sha256 of
the model name, the input kind (e5 embeds queries and passages with different prefixes)
and the exact input string; the value is the float32 vector. The store is one SQLite file
in the data directory, shared by the CLI, the API workers and the benchmarks.
"""

from __future__ import annotations

import hashlib
import sqlite3
import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from rag.embeddings.base import EmbeddingsBackend, l2_normalize

CACHE_FILE = "classify_cache.sqlite"

# Texts are embedded in chunks of this many and written after each chunk, so an
# interrupted run keeps everything it has paid for.
WRITE_EVERY = 64

_SCHEMA = """CREATE TABLE IF NOT EXISTS embeddings (
    key TEXT PRIMARY KEY,
    model TEXT NOT NULL,
    dimension INTEGER NOT NULL,
    vector BLOB NOT NULL)"""


def content_key(model: str, kind: str, text: str) -> str:
    """sha256 over model name, kind ("query"/"passage") and the exact text."""
    digest = hashlib.sha256()
    for part in (model, kind, text):
        digest.update(part.encode("utf-8", "surrogatepass"))
        digest.update(b"\x00")
    return digest.hexdigest()


@dataclass
class CacheStats:
    """What the cache saved: texts served from the store vs. texts sent to the model."""

    hits: int = 0
    misses: int = 0
    embed_calls: int = 0  # batches passed to the backend


class EmbeddingCache:
    """Vectors for texts, from the SQLite store when known, from ``backend`` otherwise.

    ``path=None`` keeps the cache in memory only (still deduplicates within a process).
    """

    def __init__(self, backend: EmbeddingsBackend, path: Path | None = None) -> None:
        self.backend = backend
        self.path = path
        self.stats = CacheStats()
        self._lock = threading.Lock()
        if path is not None:
            path.parent.mkdir(parents=True, exist_ok=True)
        self._conn = sqlite3.connect(
            str(path) if path is not None else ":memory:", check_same_thread=False, timeout=30.0
        )
        with self._lock, self._conn:
            if path is not None:
                self._conn.execute("PRAGMA journal_mode=WAL")
            self._conn.execute(_SCHEMA)

    @classmethod
    def in_data_dir(cls, backend: EmbeddingsBackend, data_dir: Path) -> EmbeddingCache:
        return cls(backend, Path(data_dir) / CACHE_FILE)

    @property
    def model(self) -> str:
        return self.backend.name

    def close(self) -> None:
        with self._lock:
            self._conn.close()

    def passages(
        self, texts: Sequence[str], progress: Callable[[int, int], None] | None = None
    ) -> np.ndarray:
        """Unit vectors of ``texts`` embedded as passages, one row per text, in order."""
        return self._embed(texts, "passage", progress)

    def queries(
        self, texts: Sequence[str], progress: Callable[[int, int], None] | None = None
    ) -> np.ndarray:
        """Unit vectors of ``texts`` embedded as queries (e5 "query: " prefix)."""
        return self._embed(texts, "query", progress)

    def _lookup(self, keys: list[str]) -> dict[str, np.ndarray]:
        found: dict[str, np.ndarray] = {}
        with self._lock:
            for start in range(0, len(keys), 500):  # SQLite variable limit
                part = keys[start : start + 500]
                marks = ",".join("?" * len(part))
                rows = self._conn.execute(
                    f"SELECT key, vector FROM embeddings WHERE key IN ({marks})", part
                ).fetchall()
                for key, blob in rows:
                    found[key] = np.frombuffer(blob, dtype=np.float32)
        return found

    def _store(self, items: list[tuple[str, np.ndarray]]) -> None:
        with self._lock, self._conn:
            self._conn.executemany(
                "INSERT OR REPLACE INTO embeddings (key, model, dimension, vector) "
                "VALUES (?, ?, ?, ?)",
                [
                    (key, self.model, int(v.shape[0]), np.asarray(v, np.float32).tobytes())
                    for key, v in items
                ],
            )

    def _embed(
        self, texts: Sequence[str], kind: str, progress: Callable[[int, int], None] | None
    ) -> np.ndarray:
        texts = list(texts)
        keys = [content_key(self.model, kind, text) for text in texts]
        vectors = self._lookup(sorted(set(keys)))
        # Unknown texts, each once even when the input repeats it.
        todo: dict[str, str] = {}
        for key, text in zip(keys, texts, strict=True):
            if key not in vectors and key not in todo:
                todo[key] = text
        self.stats.hits += len(texts) - len(todo)
        self.stats.misses += len(todo)
        pending = list(todo.items())
        total, done = len(texts), len(texts) - len(pending)
        if progress is not None:
            progress(done, total)
        for start in range(0, len(pending), WRITE_EVERY):
            batch = pending[start : start + WRITE_EVERY]
            batch_texts = [text for _, text in batch]
            self.stats.embed_calls += 1
            if kind == "query":
                # One batch call: the public embed_query_array takes a single text.
                array = l2_normalize(self.backend._encode(batch_texts, is_query=True))
            else:
                array = self.backend.embed_documents_array(batch_texts)
            new = [(key, array[i]) for i, (key, _) in enumerate(batch)]
            self._store(new)
            vectors.update(new)
            done += len(batch)
            if progress is not None:
                progress(done, total)
        if not texts:
            return np.empty((0, self.backend.dimension), dtype=np.float32)
        return np.stack([vectors[key] for key in keys]).astype(np.float32)
