"""Choosing and building the proposal classifier from settings."""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from functools import lru_cache
from pathlib import Path

from rag.classify.offline import OfflineClassifier, OfflineConfig
from rag.classify.pool import read_pool
from rag.core.classification import LabelledExample, ProposalClassifier
from rag.core.messages import message
from rag.core.programme import Programme, load_programme
from rag.core.settings import Settings
from rag.embeddings import make_embeddings
from rag.embeddings.cache import EmbeddingCache

log = logging.getLogger(__name__)

MODES = ("auto", "offline", "llm")


class ClassifierConfigError(ValueError):
    """The requested classifier mode cannot be built (e.g. 'llm' without an LLM)."""


def offline_config(settings: Settings) -> OfflineConfig:
    return OfflineConfig(
        review_threshold=settings.classify_review_threshold,
        secondary_threshold=settings.classify_secondary_threshold,
        decision_weight=settings.classify_decision_weight,
        pool_weight=settings.classify_pool_weight if settings.classify_pool_file else 0.0,
    )


@lru_cache(maxsize=4)
def _pool(path: Path, modified: float, columns: tuple[str, ...], limit: int) -> tuple[str, ...]:
    return tuple(read_pool(path, list(columns), limit))


def pool_texts(settings: Settings) -> list[str]:
    """The unlabelled pool of ``TIEKARTTA_CLASSIFY_POOL_FILE`` (empty when not set)."""
    path = settings.classify_pool_file
    if path is None:
        return []
    if not Path(path).is_file():
        raise ClassifierConfigError(f"TIEKARTTA_CLASSIFY_POOL_FILE: {path}: file not found")
    columns = tuple(c.strip() for c in settings.classify_pool_text_columns.split(",") if c.strip())
    resolved = Path(path).resolve()
    return list(_pool(resolved, resolved.stat().st_mtime, columns, settings.classify_pool_limit))


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


def offline_candidates(settings: Settings) -> dict[str, OfflineConfig]:
    """The offline settings that nested evaluation chooses among; the first is the default
    (chosen by nested and leave-one-collection-out CV, bench/classify_protocol.py)."""
    return {"default": offline_config(settings)}


def classifier_candidates(
    settings: Settings, programme: Programme, mode: str = "auto"
) -> dict[str, Callable[[list[LabelledExample]], ProposalClassifier]]:
    """Named trainers for evaluation: extra examples -> classifier. The LLM mode has one."""
    if mode_of(settings, mode) == "llm":
        return {"llm": lambda ex: make_classifier(settings, programme, ex, mode="llm")}

    def trainer(config: OfflineConfig) -> Callable[[list[LabelledExample]], ProposalClassifier]:
        return lambda ex: make_classifier(settings, programme, ex, "offline", config)

    return {name: trainer(config) for name, config in offline_candidates(settings).items()}


def mode_of(settings: Settings, mode: str) -> str:
    """The mode a request for ``mode`` runs in ("auto" follows the settings)."""
    if mode not in MODES:
        raise ClassifierConfigError(f"unknown classifier mode {mode!r}; use one of {MODES}")
    if mode == "auto":
        return settings.classify_mode if settings.classify_mode != "auto" else "offline"
    return mode


def make_classifier(
    settings: Settings,
    programme: Programme,
    extra_examples: Sequence[LabelledExample] = (),
    mode: str = "auto",
    config: OfflineConfig | None = None,
) -> ProposalClassifier:
    """Offline by default; the LLM mode when asked for (``mode="llm"``) and configured.

    The LLM classifier falls back to the offline one per batch when the endpoint cannot be
    reached, with a logged warning and ``mode="offline"`` in the results.
    """
    mode = mode_of(settings, mode)
    offline = OfflineClassifier(
        programme,
        embedding_cache(settings),
        extra_examples,
        config or offline_config(settings),
        unlabelled=pool_texts(settings),
    )
    if mode == "offline":
        return offline
    if not settings.llm_enabled:
        raise ClassifierConfigError(message("classify_no_llm", settings.ui_language))
    from rag.classify.llm_mode import LLMClassifier

    return LLMClassifier(
        settings, programme, fallback=offline, examples=[*programme.examples, *extra_examples]
    )
