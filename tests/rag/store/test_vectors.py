"""The Chroma vector store beyond the shared contract (tests/contracts/vector_index.py): a bad
server URL is a clear error."""

from __future__ import annotations

from pathlib import Path

import pytest

from rag.store.vectors import VectorStoreError, make_client


def test_bad_server_url_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(VectorStoreError, match="not a valid URL"):
        make_client("not a url", tmp_path)
