"""Choosing and building the proposal classifier from settings."""

from __future__ import annotations

import logging
from collections.abc import Sequence
from functools import lru_cache
from pathlib import Path

from rag.classify.embedding_cache import EmbeddingCache
from rag.classify.offline import OfflineClassifier, OfflineConfig
from rag.core.classification import LabelledExample, ProposalClassifier
from rag.core.messages import message
from rag.core.programme import Programme, load_programme
from rag.core.settings import Settings
from rag.embeddings import make_embeddings

log = logging.getLogger(__name__)

MODES = ("auto", "offline", "llm")


class ClassifierConfigError(ValueError):
    """The requested classifier mode cannot be built (e.g. 'llm' without an LLM)."""


def offline_config(settings: Settings) -> OfflineConfig:
    return OfflineConfig(
        review_threshold=settings.classify_review_threshold,
        secondary_threshold=settings.classify_secondary_threshold,
        decision_weight=settings.classify_decision_weight,
    )


# One cache object per (data dir, backend): the SQLite connection and the loaded model are
# reused by every classifier built in the process (API requests, CV folds).
@lru_cache(maxsize=8)
def _cache(data_dir: Path, embeddings: str, threads: int) -> EmbeddingCache:
    settings = Settings(
        _env_file=None,
        data_dir=data_dir,
        embeddings=embeddings,  # type: ignore[call-arg]
        embedding_threads=threads,
    )
    return EmbeddingCache.in_data_dir(make_embeddings(settings), data_dir)


def embedding_cache(settings: Settings) -> EmbeddingCache:
    """The shared embedding cache in ``settings.data_dir`` for the configured backend."""
    if settings.embeddings != "e5-bundled":
        # Other backends carry URLs/keys that a cache key made of three strings would lose.
        return EmbeddingCache.in_data_dir(make_embeddings(settings), settings.data_dir)
    return _cache(
        Path(settings.data_dir).resolve(), settings.embeddings, settings.embedding_threads
    )


def programme_from_settings(settings: Settings, path: Path | None = None) -> Programme:
    return load_programme(path or settings.programme_file)


def make_classifier(
    settings: Settings,
    programme: Programme,
    extra_examples: Sequence[LabelledExample] = (),
    mode: str = "auto",
) -> ProposalClassifier:
    """Offline by default; the LLM mode when asked for (``mode="llm"``) and configured.

    The LLM classifier falls back to the offline one per batch when the endpoint cannot be
    reached, with a logged warning and ``mode="offline"`` in the results.
    """
    if mode not in MODES:
        raise ClassifierConfigError(f"unknown classifier mode {mode!r}; use one of {MODES}")
    if mode == "auto":
        mode = settings.classify_mode if settings.classify_mode != "auto" else "offline"
    offline = OfflineClassifier(
        programme, embedding_cache(settings), extra_examples, offline_config(settings)
    )
    if mode == "offline":
        return offline
    if not settings.llm_enabled:
        raise ClassifierConfigError(message("classify_no_llm", settings.ui_language))
    from rag.classify.llm_mode import LLMClassifier

    return LLMClassifier(
        settings, programme, fallback=offline, examples=[*programme.examples, *extra_examples]
    )
