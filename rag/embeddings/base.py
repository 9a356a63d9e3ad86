"""Common base of the embeddings backends: identity, batching, progress and normalisation."""

from __future__ import annotations

import threading
from abc import ABC, abstractmethod
from collections import OrderedDict
from collections.abc import Callable, Sequence

import numpy as np
from langchain_core.embeddings import Embeddings

#: Called after every batch with the number of texts embedded so far.
ProgressCallback = Callable[[int], None]

E5_QUERY_PREFIX = "query: "
E5_PASSAGE_PREFIX = "passage: "


class EmbeddingsError(RuntimeError):
    """Base class of the embeddings errors."""


class EmbeddingsConfigError(EmbeddingsError, ValueError):
    """The embeddings configuration cannot work (unknown backend, missing model or URL)."""


class EmbeddingsUnavailableError(EmbeddingsError):
    """A configured embeddings service could not be reached or refused the request."""


def l2_normalize(vectors: np.ndarray) -> np.ndarray:
    """Return float32 rows scaled to unit length; all-zero rows stay zero (no NaN)."""
    array = np.asarray(vectors, dtype=np.float32)
    norms = np.linalg.norm(array, axis=-1, keepdims=True)
    return array / np.where(norms == 0.0, 1.0, norms)


def is_e5_model(model_name: str) -> bool:
    """E5 models were trained with "query: "/"passage: " prefixes and degrade without them."""
    return "e5" in model_name.lower()


_QUERY_CACHE_SIZE = 256
_QUERY_CACHE_LOCK = threading.Lock()


class EmbeddingsBackend(Embeddings, ABC):
    """A LangChain ``Embeddings`` that also knows its identity and dimension.

    Subclasses implement :meth:`_encode` for one batch; this class does the batching,
    progress reporting and L2 normalisation, so every backend returns unit vectors
    (the vector store and the relevance threshold assume cosine == dot product).
    """

    batch_size: int = 64

    @property
    @abstractmethod
    def name(self) -> str:
        """Stable identifier including the model, e.g. ``e5-bundled:multilingual-e5-small-q4``."""

    @property
    @abstractmethod
    def dimension(self) -> int:
        """Length of every returned vector."""

    @abstractmethod
    def _encode(self, texts: list[str], *, is_query: bool) -> np.ndarray:
        """Embed one batch (at most ``batch_size`` texts) into a ``(n, dimension)`` array."""

    def embed_documents_array(
        self, texts: Sequence[str], progress: ProgressCallback | None = None
    ) -> np.ndarray:
        """Embed passages into a float32 ``(len(texts), dimension)`` array of unit rows."""
        texts = list(texts)
        if not texts:
            return np.empty((0, self.dimension), dtype=np.float32)
        parts: list[np.ndarray] = []
        for start in range(0, len(texts), self.batch_size):
            batch = texts[start : start + self.batch_size]
            parts.append(self._encode(batch, is_query=False))
            if progress is not None:
                progress(start + len(batch))
        return l2_normalize(np.concatenate(parts, axis=0))

    def embed_query_array(self, text: str) -> np.ndarray:
        """Embed one search query into a float32 unit vector.

        The last few queries are remembered: one question is embedded by retrieval and again
        by the answer's sentence ranking, and the model is the slowest step of both.
        """
        cache = self.__dict__.setdefault("_query_cache", OrderedDict())
        with _QUERY_CACHE_LOCK:
            if text in cache:
                cache.move_to_end(text)
                return np.array(cache[text])
        vector = l2_normalize(self._encode([text], is_query=True))[0]
        with _QUERY_CACHE_LOCK:
            cache[text] = vector
            if len(cache) > _QUERY_CACHE_SIZE:
                cache.popitem(last=False)
        return np.array(vector)

    def embed_documents(
        self, texts: list[str], progress: ProgressCallback | None = None
    ) -> list[list[float]]:
        """LangChain interface: passages to lists of floats (``progress`` is an extra)."""
        if not texts:
            return []
        return self.embed_documents_array(texts, progress=progress).tolist()

    def embed_query(self, text: str) -> list[float]:
        """LangChain interface: one query to a list of floats."""
        return self.embed_query_array(text).tolist()

    def __repr__(self) -> str:
        return f"{type(self).__name__}({self.name!r})"
