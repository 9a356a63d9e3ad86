"""Document URLs are links in the page: only absolute http(s) URLs go in or come out."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import chromadb
import pytest

from ingest.loaders import load_file
from ingest.pipeline import IngestPipeline
from rag.core.documents import Chunk, IngestError, web_url
from rag.store.registry import DocumentRecord, Registry
from rag.store.vectors import ChromaVectorStore
from tests.fakes.embeddings import HashEmbeddings

HOSTILE = [
    "javascript:alert(document.cookie)",
    "JavaScript:alert(1)",
    " javascript:alert(1)",
    "java\tscript:alert(1)",
    "data:text/html,<script>alert(1)</script>",
    "vbscript:msgbox(1)",
    "//evil.example/x",
    "/relative/path",
    'https://ok.example/"><script>',
    "file:///etc/passwd",
]


@pytest.mark.parametrize("url", HOSTILE)
def test_only_absolute_http_urls_pass(url: str) -> None:
    assert web_url(url) is None


def test_http_and_https_urls_are_kept() -> None:
    assert web_url("https://www.porvoo.fi/paatokset?id=25#s") == (
        "https://www.porvoo.fi/paatokset?id=25#s"
    )
    assert web_url("HTTP://borga.fi/") == "HTTP://borga.fi/"


def test_front_matter_javascript_url_is_refused_with_a_clear_error(tmp_path: Path) -> None:
    path = tmp_path / "uutinen.md"
    path.write_text('---\nurl: "javascript:alert(1)"\n---\nTeksti.\n', encoding="utf-8")
    with pytest.raises(IngestError) as caught:
        load_file(path)
    assert caught.value.key == "front_matter_url"
    assert "javascript:alert(1)" in caught.value.reason
    assert "http" in caught.value.localised("fi")


def test_html_canonical_javascript_url_is_dropped(tmp_path: Path) -> None:
    path = tmp_path / "sivu.html"
    path.write_text(
        '<html><head><link rel="canonical" href="javascript:alert(1)"></head>'
        "<body><p>Kaupunki tiedottaa.</p></body></html>",
        encoding="utf-8",
    )
    [doc] = load_file(path)
    assert doc.url is None


def test_urls_stored_before_the_check_are_never_returned(tmp_path: Path) -> None:
    """A store written by an older version: the hostile URL is in Chroma and the registry."""
    registry = Registry(tmp_path / "registry.sqlite3")
    embedder = HashEmbeddings()
    client = chromadb.PersistentClient(path=str(tmp_path / "chroma"))
    vectors = ChromaVectorStore(client, "urls", embedder.name, embedder.dimension)
    pipeline = IngestPipeline(registry, vectors, embedder)
    doc = tmp_path / "uutinen.md"
    doc.write_text(
        "---\nid: uutinen\nurl: https://www.porvoo.fi/uutinen\n---\nKaupunki tiedottaa.\n",
        encoding="utf-8",
    )
    assert pipeline.ingest([doc]).ingested == ["uutinen"]
    # What an older version stored: rewrite the URL behind the dataclasses' backs.
    collection = client.get_collection("urls")
    stored = collection.get(include=["metadatas"])
    metadatas = [{**m, "url": "javascript:alert(1)"} for m in stored["metadatas"]]
    collection.update(ids=stored["ids"], metadatas=metadatas)
    with sqlite3.connect(tmp_path / "registry.sqlite3") as db:
        db.execute("UPDATE documents SET url = 'javascript:alert(1)'")

    assert [c.url for c in vectors.all_chunks()] == [None]
    record = registry.documents.get_document("uutinen")
    assert record is not None and record.url is None
    assert Chunk("c", "d", 0, "t", "fi", "t", url="javascript:x").url is None
    assert DocumentRecord("d", "p", "h", url="data:text/html,x").url is None
