"""Embeddings backends behind LangChain's ``Embeddings`` interface, chosen by settings."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from rag.embeddings.base import (
    EmbeddingsBackend,
    EmbeddingsConfigError,
    EmbeddingsError,
    EmbeddingsUnavailableError,
    ProgressCallback,
    l2_normalize,
)

if TYPE_CHECKING:
    from rag.core.settings import Settings
    from rag.embeddings.e5_bundled import E5BundledEmbeddings
    from rag.embeddings.openai_compat import OpenAICompatEmbeddings
    from rag.embeddings.sentence_transformers import SentenceTransformerEmbeddings

__all__ = [
    "E5BundledEmbeddings",
    "EmbeddingsBackend",
    "EmbeddingsConfigError",
    "EmbeddingsError",
    "EmbeddingsUnavailableError",
    "OpenAICompatEmbeddings",
    "ProgressCallback",
    "SentenceTransformerEmbeddings",
    "l2_normalize",
    "make_embeddings",
]

_USAGE = "use 'e5-bundled', 'sentence-transformers:<model name or path>' or 'openai:<model>'"

# Backends import heavy libraries (openai, torch), so they are imported on first use.
_LAZY = {
    "E5BundledEmbeddings": "rag.embeddings.e5_bundled",
    "OpenAICompatEmbeddings": "rag.embeddings.openai_compat",
    "SentenceTransformerEmbeddings": "rag.embeddings.sentence_transformers",
}


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        import importlib

        return getattr(importlib.import_module(_LAZY[name]), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def make_embeddings(settings: Settings) -> EmbeddingsBackend:
    """Build the backend named by ``settings.embeddings``; ``EmbeddingsConfigError`` if unusable."""
    spec = (settings.embeddings or "").strip()
    kind, _, model = spec.partition(":")
    kind, model = kind.strip(), model.strip()

    if kind == "e5-bundled":
        if model:
            raise EmbeddingsConfigError(f"'e5-bundled' takes no model (got '{spec}'); {_USAGE}")
        from rag.embeddings.e5_bundled import E5BundledEmbeddings

        return E5BundledEmbeddings(num_threads=max(settings.embedding_threads, 0))

    if kind not in {"sentence-transformers", "openai"}:
        raise EmbeddingsConfigError(f"unknown embeddings backend '{spec}'; {_USAGE}")
    if not model:
        raise EmbeddingsConfigError(f"embeddings backend '{kind}' needs a model after ':'")

    if kind == "sentence-transformers":
        from rag.embeddings.sentence_transformers import SentenceTransformerEmbeddings

        return SentenceTransformerEmbeddings(model)

    if not settings.embeddings_base_url.strip():
        raise EmbeddingsConfigError(
            f"embeddings '{spec}' needs TIEKARTTA_EMBEDDINGS_BASE_URL "
            "(the OpenAI-compatible endpoint, e.g. http://localhost:8000/v1)"
        )
    from rag.embeddings.openai_compat import OpenAICompatEmbeddings

    return OpenAICompatEmbeddings(
        model, settings.embeddings_base_url.strip(), settings.embeddings_api_key
    )
