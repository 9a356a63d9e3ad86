"""The vector index contract for each implementation: embedded Chroma and a Chroma server."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from rag.store.vectors import make_client
from tests.contracts.vector_index import VectorIndexContract


class TestEmbeddedChroma(VectorIndexContract):
    @pytest.fixture
    def client(self, tmp_path: Path) -> Any:
        return make_client("", tmp_path / "chroma")


@pytest.mark.chroma_server
class TestChromaServer(VectorIndexContract):
    @pytest.fixture
    def client(self, chroma_url: str, tmp_path: Path) -> Any:
        return make_client(chroma_url, tmp_path / "unused")
