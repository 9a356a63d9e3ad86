"""Texts already embedded (same content hash and model) are never embedded again."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from rag.embeddings.base import EmbeddingsBackend
from rag.embeddings.cache import CACHE_FILE, EmbeddingCache, content_key
from rag.embeddings.e5_bundled import E5BundledEmbeddings


@pytest.fixture(scope="module")
def e5() -> EmbeddingsBackend:
    return E5BundledEmbeddings()


class CountingBackend(EmbeddingsBackend):
    """Wraps a real backend and records every text it is asked to embed."""

    def __init__(self, inner: EmbeddingsBackend) -> None:
        self.inner = inner
        self.seen: list[str] = []

    @property
    def name(self) -> str:
        return self.inner.name

    @property
    def dimension(self) -> int:
        return self.inner.dimension

    def _encode(self, texts: list[str], *, is_query: bool) -> np.ndarray:
        self.seen.extend(texts)
        return self.inner._encode(texts, is_query=is_query)


def test_cache_hit_skips_the_model_and_survives_a_restart(
    tmp_path: Path, e5: EmbeddingsBackend
) -> None:
    backend = CountingBackend(e5)
    cache = EmbeddingCache.in_data_dir(backend, tmp_path)
    texts = ["Pyöräparkki asemalle", "Cykelkarta i appen", "Pyöräparkki asemalle"]

    first = cache.passages(texts)
    assert backend.seen == ["Pyöräparkki asemalle", "Cykelkarta i appen"]  # duplicate once
    assert cache.stats.misses == 2 and cache.stats.hits == 1
    np.testing.assert_allclose(first[0], first[2])
    np.testing.assert_allclose(np.linalg.norm(first, axis=1), 1.0, atol=1e-5)

    again = cache.passages(list(reversed(texts)))
    assert len(backend.seen) == 2  # nothing new embedded
    np.testing.assert_allclose(again[::-1], first, atol=1e-6)
    cache.close()

    # A new process (new cache object) on the same file: still no embedding call.
    reopened_backend = CountingBackend(e5)
    reopened = EmbeddingCache(reopened_backend, tmp_path / CACHE_FILE)
    np.testing.assert_allclose(reopened.passages(texts[:2]), first[:2], atol=1e-6)
    assert reopened_backend.seen == []
    # Query embeddings (e5 "query: " prefix) are a different input: embedded once.
    reopened.queries(texts[:1])
    reopened.queries(texts[:1])
    assert reopened_backend.seen == ["Pyöräparkki asemalle"]


def test_key_depends_on_model_kind_and_exact_text() -> None:
    base = content_key("m", "passage", "Teksti")
    assert base == content_key("m", "passage", "Teksti")
    assert base != content_key("m2", "passage", "Teksti")
    assert base != content_key("m", "query", "Teksti")
    assert base != content_key("m", "passage", "Teksti ")


def test_empty_input(tmp_path: Path, e5: EmbeddingsBackend) -> None:
    cache = EmbeddingCache(e5, None)
    assert cache.passages([]).shape == (0, e5.dimension)
