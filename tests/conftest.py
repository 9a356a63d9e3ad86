"""Shared fixtures, scoped by cost: the embedding model and ingested corpora once per session."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from api.container import Tiekartta
from rag.core.settings import Settings

pytest_plugins = ["tests.fakes.fixtures", "tests.chroma_server", "tests.postgres_server"]

REPO = Path(__file__).resolve().parents[1]
SAMPLE_CORPUS = REPO / "corpus" / "sample"
# The real public data sits next to the checkout; a worktree elsewhere names it in the environment.
SHARED_DATA = Path(os.environ.get("TIEKARTTA_SHARED_DATA") or REPO.parent / "shared" / "data")


def require_tool(found: bool, what: str) -> None:
    """Skip a test whose system tool is missing; in CI fail instead, since .ci/run installs it."""
    if found:
        return
    if os.environ.get("CI"):
        pytest.fail(f"{what} is missing: .ci/run installs it")
    pytest.skip(f"{what} is not installed")


def make_settings(data_dir: Path, **overrides: object) -> Settings:
    """Settings for a test: no .env file, a private data directory, embedded defaults."""
    return Settings(_env_file=None, data_dir=data_dir, **overrides)  # type: ignore[call-arg]


@pytest.fixture(scope="session")
def shared_data() -> Path:
    if not SHARED_DATA.is_dir():
        pytest.skip("../shared/data is not available")
    return SHARED_DATA


@pytest.fixture(scope="session")
def sample_service(tmp_path_factory: pytest.TempPathFactory) -> Tiekartta:
    """The sample corpus ingested once with the real bundled e5 model and embedded Chroma."""
    service = Tiekartta(make_settings(tmp_path_factory.mktemp("sample-data")))
    report = service.documents.ingest([SAMPLE_CORPUS])
    assert not report.failed, report.failed
    return service


@pytest.fixture(scope="session")
def shared_corpus_service(tmp_path_factory: pytest.TempPathFactory, shared_data: Path) -> Tiekartta:
    """The real public documents of ../shared/data/corpus, ingested once."""
    service = Tiekartta(make_settings(tmp_path_factory.mktemp("shared-data")))
    report = service.documents.ingest([shared_data / "corpus"])
    assert not report.failed, report.failed
    return service
