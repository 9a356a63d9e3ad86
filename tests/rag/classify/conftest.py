"""Classify fixtures: the programme and one classifier fitted with the real bundled e5 model."""

from __future__ import annotations

from pathlib import Path

import pytest

from rag.classify.factory import embedding_cache
from rag.classify.offline import OfflineClassifier
from rag.core.programme import Programme, load_programme
from rag.core.settings import Settings
from rag.embeddings.cache import EmbeddingCache
from tests.conftest import make_settings


@pytest.fixture(scope="session")
def classify_settings(tmp_path_factory: pytest.TempPathFactory) -> Settings:
    return make_settings(tmp_path_factory.mktemp("classify-data"))


@pytest.fixture(scope="session")
def programme(classify_settings: Settings) -> Programme:
    return load_programme(classify_settings.programme_file)


@pytest.fixture(scope="session")
def e5_cache(classify_settings: Settings) -> EmbeddingCache:
    """The shared SQLite embedding cache over the real bundled model."""
    return embedding_cache(classify_settings)


@pytest.fixture(scope="session")
def offline_classifier(programme: Programme, e5_cache: EmbeddingCache) -> OfflineClassifier:
    """Fitted once per session on the programme's examples (real e5 embeddings)."""
    return OfflineClassifier(programme, e5_cache)


def write(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path
