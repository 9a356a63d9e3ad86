"""tiekartta against a real Chroma server (`chroma run`) instead of the embedded client."""

from __future__ import annotations

from pathlib import Path

import chromadb
import pytest

from api.container import Tiekartta
from ingest.loaders.base import LoadOptions
from rag.core.results import SearchFilters
from rag.store.vectors import VectorStoreError
from tests.conftest import SAMPLE_CORPUS, make_settings
from tests.e2e.server import free_port

pytestmark = pytest.mark.chroma_server

NEWS = """---
id: kirjasto-etavaraus
title: Kirjaston etävaraus uudistuu
date: 2025-05-05
language: fi
kind: news
---

Porvoon kaupunginkirjasto ottaa toukokuussa 2025 käyttöön uuden etävarauspalvelun.
Asiakkaat voivat varata kirjoja verkossa ja noutaa ne mistä tahansa kaupungin kirjastosta.
Varauksen noutoaika on seitsemän päivää.
"""

POOL = """Uimahallin aukioloajat kesällä 2025

Porvoon uimahalli on kesällä avoinna maanantaista perjantaihin kello 6–20.
Viikonloppuisin uimahalli on avoinna kello 9–17. Juhannuksena uimahalli on suljettu.
"""


def test_ingest_search_ask_remove_through_a_chroma_server(chroma_url: str, tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "kirjasto.md").write_text(NEWS, encoding="utf-8")
    (docs / "uimahalli-kesa.txt").write_text(POOL, encoding="utf-8")
    (docs / "digital-programme-overview.md").write_text(
        (SAMPLE_CORPUS / "digital-programme-overview.md").read_text(encoding="utf-8"),
        encoding="utf-8",
    )
    data_dir = tmp_path / "data"
    service = Tiekartta(make_settings(data_dir, chroma_url=chroma_url, collection="server-test"))

    report = service.documents.ingest([docs])
    assert not report.failed
    assert sorted(report.ingested) == [
        "digital-programme-overview",
        "kirjasto-etavaraus",
        "uimahalli-kesa",
    ]
    # The vectors live in the server, not in an embedded store in the data directory.
    assert not (data_dir / "chroma").exists()
    server = chromadb.HttpClient(host="127.0.0.1", port=int(chroma_url.rsplit(":", 1)[1]))
    collection = server.get_collection("server-test")
    assert collection.count() == report.chunks > 3

    again = service.documents.ingest([docs])
    assert again.ingested == [] and len(again.unchanged) == 3
    assert collection.count() == report.chunks

    everything = SearchFilters(access_levels={"public"})
    hits = service.questions.search("uimahallin aukioloajat juhannuksena", 3, everything)
    assert hits[0].chunk.doc_id == "uimahalli-kesa"
    news_only = SearchFilters(access_levels={"public"}, kind="news")
    assert {h.chunk.doc_id for h in service.questions.search("aukioloajat", 5, news_only)} == {
        "kirjasto-etavaraus"
    }
    dated = SearchFilters(access_levels={"public"}, date_from="2025-10-01")
    assert {h.chunk.doc_id for h in service.questions.search("ohjelma", 5, dated)} == {
        "digital-programme-overview"
    }

    answer = service.questions.ask(
        "When did the city board approve the Digital Programme 2024–2026?"
    )
    assert answer.found and answer.language == "en"
    assert answer.sources[0].doc_id == "digital-programme-overview"
    assert any("22 January 2024" in s.quote for s in answer.sources)

    assert service.documents.remove("uimahalli-kesa")
    assert service.registry.documents.get_document("uimahalli-kesa") is None
    assert collection.get(where={"doc_id": "uimahalli-kesa"})["ids"] == []
    hits = service.questions.search("uimahallin aukioloajat juhannuksena", 3, everything)
    assert all(h.chunk.doc_id != "uimahalli-kesa" for h in hits)

    # A second service (another process in real life) sees the same store.
    other = Tiekartta(
        make_settings(tmp_path / "other", chroma_url=chroma_url, collection="server-test")
    )
    assert other.vectors.count() == collection.count()


def test_internal_document_filtered_by_the_server(chroma_url: str, tmp_path: Path) -> None:
    doc = tmp_path / "ohje.txt"
    doc.write_text(
        "Salasanan on oltava vähintään 14 merkkiä pitkä. Tietoturvapoikkeamasta ilmoitetaan "
        "tietohallinnon päivystykseen.",
        encoding="utf-8",
    )
    service = Tiekartta(make_settings(tmp_path / "data", chroma_url=chroma_url, collection="acl"))
    assert service.documents.ingest([doc], LoadOptions(access="internal")).ingested == ["ohje"]
    public = SearchFilters(access_levels={"public"})
    assert service.questions.search("salasanan pituus", 5, public) == []
    staff = SearchFilters(access_levels={"public", "internal"})
    assert [h.chunk.doc_id for h in service.questions.search("salasanan pituus", 5, staff)] == [
        "ohje"
    ]


def test_unreachable_server_is_a_readable_error(tmp_path: Path) -> None:
    service = Tiekartta(
        make_settings(tmp_path / "data", chroma_url=f"http://127.0.0.1:{free_port()}")
    )
    with pytest.raises(VectorStoreError, match="cannot reach the Chroma server"):
        _ = service.vectors
