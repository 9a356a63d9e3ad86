"""fi/sv version linking: the rules, kept on ingest and removal, shown in search and answers."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
import yaml

from api.container import Tiekartta
from ingest.versions import VersionLinker, body_key, document_vector, site
from rag.answer.answerer import in_language
from rag.core.documents import ALL_ACCESS, Chunk
from rag.core.results import SearchFilters, SearchHit
from rag.store.registry import DocumentRecord, Registry
from tests.conftest import REPO, SAMPLE_CORPUS, make_settings

FACTS = yaml.safe_load((REPO / "corpus" / "sample_facts.yaml").read_text(encoding="utf-8"))
PDF_ID = FACTS["minutes_pdf"]["doc_id"]
SV_MINUTES_ID = FACTS["minutes_sv"]["doc_id"]
EVERYTHING = SearchFilters(access_levels=ALL_ACCESS)


# -- the rules, on a real registry with hand-made document vectors ------------------------------
def _unit(*values: float) -> np.ndarray:
    vector = np.asarray(values, dtype=np.float32)
    return vector / np.linalg.norm(vector)


def _doc(
    registry: Registry,
    doc_id: str,
    language: str,
    vector: np.ndarray,
    date: str | None = None,
    url: str | None = None,
) -> None:
    registry.documents.upsert_document(
        DocumentRecord(doc_id, f"/src/{doc_id}", "hash", date=date, language=language, url=url)
    )
    registry.versions.put_document_vector(doc_id, language, date, vector)


@pytest.fixture
def registry(tmp_path: Path) -> Registry:
    return Registry(tmp_path / "registry.sqlite3")


def test_same_date_and_near_identical_meaning_links(registry: Registry) -> None:
    _doc(registry, "fi-1", "fi", _unit(1, 0.1, 0), "2024-01-22")
    _doc(registry, "sv-1", "sv", _unit(1, 0.12, 0), "2024-01-22")
    links = VersionLinker(registry.versions).link(["sv-1"])
    assert [(lk.doc_id, lk.other_id, lk.reason) for lk in links] == [("sv-1", "fi-1", "similar")]
    assert [lk.other_id for lk in registry.versions.versions_of(["fi-1"])["fi-1"]] == ["sv-1"]


def test_different_dates_same_language_or_weak_similarity_do_not_link(registry: Registry) -> None:
    _doc(registry, "fi-1", "fi", _unit(1, 0.1, 0), "2024-01-22")
    _doc(registry, "sv-other-day", "sv", _unit(1, 0.1, 0), "2024-01-29")
    _doc(registry, "fi-same-language", "fi", _unit(1, 0.1, 0), "2024-01-22")
    _doc(registry, "sv-unlike", "sv", _unit(1, 1, 0), "2024-01-22")  # cosine ~0.77
    assert VersionLinker(registry.versions).link(["fi-1"]) == []


def test_undated_texts_link_only_from_the_same_site(registry: Registry) -> None:
    _doc(registry, "fi-page", "fi", _unit(1, 0.1, 0), url="https://www.porvoo.fi/uutinen")
    _doc(registry, "sv-page", "sv", _unit(1, 0.11, 0), url="https://porvoo.fi/sv/nyhet")
    _doc(registry, "en-elsewhere", "en", _unit(1, 0.1, 0), url="https://visitporvoo.fi/news")
    _doc(registry, "sv-proposal", "sv", _unit(1, 0.1, 0))
    links = VersionLinker(registry.versions).link(["fi-page"])
    assert [lk.other_id for lk in links] == ["sv-page"]


def test_a_generic_text_close_to_many_gets_only_its_mutual_best(registry: Registry) -> None:
    # Each Finnish text is closest to the one English text; it is closest to fi-a only.
    _doc(registry, "en-hub", "en", _unit(1, 0, 0), url="https://example.org/1")
    _doc(registry, "fi-a", "fi", _unit(1, 0.05, 0), url="https://example.org/2")
    _doc(registry, "fi-b", "fi", _unit(1, 0, 0.2), url="https://example.org/3")
    linker = VersionLinker(registry.versions)
    linker.link(["fi-a", "fi-b"])
    assert [lk.other_id for lk in registry.versions.versions_of(["en-hub"])["en-hub"]] == ["fi-a"]
    assert "fi-b" not in registry.versions.versions_of(["fi-b"])


def test_helpers() -> None:
    assert body_key("Kaupunginhallitus") == body_key(" stadsstyrelsen ") == "city_board"
    assert body_key("Jokin jaosto") == "jokin jaosto" and body_key(None) is None
    assert site("https://www.porvoo.fi/a") == site("https://porvoo.fi/sv/b") == "porvoo.fi"
    assert site(None) == ""
    vector = document_vector([[3.0, 0.0], [0.0, 3.0]])
    assert np.allclose(vector, [2**-0.5, 2**-0.5])


# -- on ingest and removal, with the real model ------------------------------------------------
def test_minutes_in_two_languages_are_linked_on_ingest_and_unlinked_on_removal(
    tmp_path: Path,
) -> None:
    service = Tiekartta(make_settings(tmp_path / "data"))
    fi_pdf = SAMPLE_CORPUS / "kaupunginhallitus-2024-01-22-poytakirja.pdf"
    sv_md = SAMPLE_CORPUS / "stadsstyrelsen-2024-01-22-protokoll.md"
    report = service.documents.ingest([fi_pdf, sv_md])
    assert not report.failed
    assert sorted(map(sorted, report.linked)) == [[PDF_ID, SV_MINUTES_ID]] * 2
    (link,) = service.registry.versions.versions_of([PDF_ID])[PDF_ID]
    assert (link.other_id, link.reason) == (SV_MINUTES_ID, "same_item")  # 22.1.2024 § 25

    assert service.documents.remove(SV_MINUTES_ID)
    assert service.registry.versions.versions_of([PDF_ID]) == {}
    assert SV_MINUTES_ID not in {v.doc_id for v in service.registry.versions.document_vectors()}

    again = service.documents.ingest([sv_md])
    assert again.ingested == [SV_MINUTES_ID]
    assert [
        lk.other_id for lk in service.registry.versions.versions_of([SV_MINUTES_ID])[SV_MINUTES_ID]
    ] == [PDF_ID]
    # A second run changes nothing and keeps the link.
    assert service.documents.ingest([fi_pdf, sv_md]).ingested == []
    assert service.registry.versions.versions_of([PDF_ID])


def test_a_store_from_before_linking_gets_vectors_and_links_on_the_next_ingest(
    tmp_path: Path,
) -> None:
    service = Tiekartta(make_settings(tmp_path / "data"))
    service.documents.ingest([SAMPLE_CORPUS / "kaupunginhallitus-2024-01-22-poytakirja.pdf"])
    service.documents.ingest([SAMPLE_CORPUS / "stadsstyrelsen-2024-01-22-protokoll.md"])
    with service.registry.transaction() as conn:  # as an older tiekartta left it
        conn.execute("DELETE FROM document_vectors")
        conn.execute("DELETE FROM document_versions")
    report = service.documents.ingest([SAMPLE_CORPUS / "stadsstyrelsen-2024-01-22-protokoll.md"])
    assert report.ingested == []
    assert len(service.registry.versions.document_vectors()) == 2
    assert service.registry.versions.versions_of([PDF_ID])


# -- search and answers -------------------------------------------------------------------------
def test_search_shows_one_item_with_both_versions(sample_service: Tiekartta) -> None:
    hits = sample_service.questions.search("Digiohjelma 2024–2026 hyväksyminen § 25", 8, EVERYTHING)
    docs = [h.chunk.doc_id for h in hits]
    first = next(h for h in hits if h.chunk.doc_id in {PDF_ID, SV_MINUTES_ID})
    other = SV_MINUTES_ID if first.chunk.doc_id == PDF_ID else PDF_ID
    assert other in {v.chunk.doc_id for v in first.versions}
    assert other not in docs  # shown with its version, not as a result of its own


def test_answer_quotes_the_askers_language_and_cites_both(sample_service: Tiekartta) -> None:
    answer = sample_service.questions.ask(
        "När godkände stadsstyrelsen digitaliseringsprogrammet 2024–2026?"
    )
    assert answer.found and answer.language == "sv"
    source = next(s for s in answer.sources if s.doc_id in {PDF_ID, SV_MINUTES_ID})
    assert source.doc_id == SV_MINUTES_ID  # the Swedish version is quoted
    assert [v.doc_id for v in source.versions] == [PDF_ID]  # and the Finnish one cited
    assert source.versions[0].citation in answer.answer


def _hit(doc_id: str, language: str, versions: list[SearchHit] | None = None) -> SearchHit:
    chunk = Chunk(f"{doc_id}:0", doc_id, 0, "t", language=language, title=doc_id)
    return SearchHit(chunk, 0.5, versions=versions or [])


def test_in_language_swaps_to_the_askers_version() -> None:
    sv = _hit("sv-doc", "sv")
    fi = _hit("fi-doc", "fi", [sv])
    swapped = in_language(fi, "sv")
    assert swapped.chunk.doc_id == "sv-doc" and swapped.score == fi.score
    assert [v.chunk.doc_id for v in swapped.versions] == ["fi-doc"]
    assert in_language(fi, "fi") is fi
    assert in_language(fi, "en") is fi  # no English version: the hit stays as it is
