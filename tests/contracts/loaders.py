"""The contract every loader keeps (written once, subclassed per format in test_loaders.py):
a file gives documents with text and a stable id, the loader is the one chosen for its
extension, and an empty file is an IngestError that names the file."""

from __future__ import annotations

from pathlib import Path

import pytest

from ingest.loaders import LoadOptions, load_file, loader_for
from ingest.loaders.base import Loader
from rag.core.documents import IngestError

# Words every sample file contains, so the contract can check that the text came through.
WORDS = ("Kaupunginhallitus", "digiohjelman")


class LoaderContract:
    """Subclasses provide ``loader`` and ``sample`` (a small file of their format)."""

    suffix = ""

    @pytest.fixture
    def loader(self) -> Loader:
        raise NotImplementedError

    @pytest.fixture
    def sample(self, tmp_path: Path) -> Path:
        raise NotImplementedError

    def test_the_file_gives_documents_with_its_text(self, loader: Loader, sample: Path) -> None:
        docs = loader.load(sample, LoadOptions())
        assert docs and all(d.doc_id and d.format for d in docs)
        text = " ".join(d.text for d in docs)
        assert all(word in text for word in WORDS), text

    def test_ids_and_text_are_stable(self, loader: Loader, sample: Path) -> None:
        first = [(d.doc_id, d.text) for d in loader.load(sample, LoadOptions())]
        assert first == [(d.doc_id, d.text) for d in loader.load(sample, LoadOptions())]

    def test_it_is_the_loader_of_its_extension(self, loader: Loader, sample: Path) -> None:
        assert type(loader_for(sample)) is type(loader)
        assert sample.suffix in loader.suffixes

    def test_an_empty_file_is_an_error_naming_it(self, tmp_path: Path) -> None:
        empty = tmp_path / f"tyhja{self.suffix}"
        empty.write_bytes(b"")
        with pytest.raises(IngestError) as info:
            load_file(empty)
        assert "tyhja" in str(info.value)
