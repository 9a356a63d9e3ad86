"""Hybrid retrieval on the real sample corpus: inflection, identifiers, languages, filters,
and the lexical index staying consistent with Chroma through removal and a killed ingest."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time
from dataclasses import replace
from pathlib import Path

import yaml

from api.container import Tiekartta
from rag.core.documents import ALL_ACCESS, Chunk
from rag.core.results import SearchFilters
from rag.retrieval.hybrid import (
    HybridRetriever,
    _Candidate,
    _reserve_slot,
    near_duplicate,
    question_dates,
    shingles,
)
from tests.conftest import REPO, make_settings

FACTS = yaml.safe_load((REPO / "corpus" / "sample_facts.yaml").read_text(encoding="utf-8"))
PDF_ID = FACTS["minutes_pdf"]["doc_id"]
SV_MINUTES_ID = FACTS["minutes_sv"]["doc_id"]
FOLLOW_UP_FI = "digitiekartta-seuranta-2025"
FOLLOW_UP_SV = "fardplan-uppfoljning-2025"
EVERYTHING = SearchFilters(access_levels=ALL_ACCESS)


def _docs(service: Tiekartta, query: str, filters: SearchFilters = EVERYTHING) -> list[str]:
    seen: list[str] = []
    for hit in service.retriever.search(query, 8, filters):
        if hit.chunk.doc_id not in seen:
            seen.append(hit.chunk.doc_id)
    return seen


def test_inflected_finnish_and_compounds(sample_service: Tiekartta) -> None:
    assert _docs(sample_service, "digitiekartan toimenpiteiden valmistuminen syksyllä 2025")[0] in {
        FOLLOW_UP_FI,
        FOLLOW_UP_SV,
    }
    assert FOLLOW_UP_FI in _docs(
        sample_service, "tiekartan seurannat", SearchFilters(language="fi")
    )


def test_inflected_swedish(sample_service: Tiekartta) -> None:
    docs = _docs(
        sample_service, "färdplanens åtgärder som slutfördes", SearchFilters(language="sv")
    )
    assert docs[0] == FOLLOW_UP_SV


def test_record_number_and_section_queries(sample_service: Tiekartta) -> None:
    record = FACTS["minutes_pdf"]["items"][2]["record_number"]
    hits = sample_service.retriever.search(record, 5, EVERYTHING)
    assert hits[0].chunk.record_number == record
    assert {h.chunk.doc_id for h in hits[:2]} <= {PDF_ID, SV_MINUTES_ID}
    section = sample_service.retriever.search("kaupunginhallitus § 24", 3, EVERYTHING)
    assert section[0].chunk.section == "24" and section[0].chunk.doc_id == PDF_ID


def test_cross_lingual(sample_service: Tiekartta) -> None:
    swedish_only = SearchFilters(language="sv", access_levels=ALL_ACCESS)
    fi_question = "Kuinka monta digitiekartan toimenpidettä on valmistunut?"
    assert _docs(sample_service, fi_question, swedish_only)[0] == FOLLOW_UP_SV
    finnish_only = SearchFilters(language="fi", access_levels=ALL_ACCESS)
    sv_question = "Hur många åtgärder i färdplanen har slutförts?"
    assert _docs(sample_service, sv_question, finnish_only)[0] == FOLLOW_UP_FI


def test_filters_apply_to_lexical_hits_too(sample_service: Tiekartta) -> None:
    record = FACTS["minutes_pdf"]["items"][2]["record_number"]
    news_only = SearchFilters(kind="news", access_levels=ALL_ACCESS)
    assert all(
        h.chunk.kind == "news" for h in sample_service.retriever.search(record, 8, news_only)
    )
    later = SearchFilters(date_from="2025-01-01", access_levels=ALL_ACCESS)
    hits = sample_service.retriever.search(record, 8, later)
    assert hits and all(h.chunk.date and h.chunk.date >= "2025-01-01" for h in hits)
    public = sample_service.retriever.search("salasanan pituus 14 merkkiä", 8, SearchFilters())
    assert all(h.chunk.access == "public" for h in public)


def test_one_document_holds_at_most_two_places(sample_service: Tiekartta) -> None:
    hits = sample_service.retriever.search("digiohjelma kaupunginhallitus päätös", 8, EVERYTHING)
    per_doc: dict[str, int] = {}
    for hit in hits:
        per_doc[hit.chunk.doc_id] = per_doc.get(hit.chunk.doc_id, 0) + 1
    assert max(per_doc.values()) <= 2 and len(per_doc) >= 4


def test_near_duplicates_and_question_dates() -> None:
    decision = "Kaupunginhallitus päätti hyväksyä digiohjelman 2024–2026 ja sen tiekartan."
    assert near_duplicate(shingles(decision), shingles(decision + " "))
    assert not near_duplicate(shingles(decision), shingles("Stadsstyrelsen godkände programmet."))
    assert question_dates("Mitä päätettiin 22.1.2024 ja 31.2.2024?") == {"2024-01-22"}


NEWS = """---
id: {doc_id}
title: Uutinen {n}
date: 2025-0{month}-1{day}
language: fi
---
Porvoon kaupunki kertoo asiasta numero {n}. Digipalveluiden kehitys jatkuu vuonna 2025.
Kaupunginhallitus käsitteli asiaa kokouksessaan ja päätti jatkaa valmistelua.
"""


def _write_news(folder: Path, count: int) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    for n in range(count):
        doc_id = f"uutinen-{n:03d}"
        text = NEWS.format(doc_id=doc_id, n=n, month=1 + n % 9, day=n % 10)
        (folder / f"{doc_id}.md").write_text(text, encoding="utf-8")


def _consistent(service: Tiekartta) -> None:
    documents = service.registry.documents.list_documents()
    assert service.registry.documents.pending_documents() == []
    assert service.vectors.count() == sum(d.chunk_count for d in documents)
    assert service.lexical.count() == service.vectors.count()


def test_removal_keeps_both_indexes_consistent(tmp_path: Path) -> None:
    _write_news(tmp_path / "docs", 3)
    service = Tiekartta(make_settings(tmp_path / "data"))
    service.documents.ingest([tmp_path / "docs"])
    assert service.documents.remove("uutinen-001")
    assert service.lexical.doc_chunk_ids("uutinen-001") == []
    assert service.vectors.chunk_ids("uutinen-001") == []
    assert "uutinen-001" not in _docs(service, "asiasta numero 1")
    _consistent(service)


def test_killed_ingest_is_repaired_by_the_next_run(tmp_path: Path) -> None:
    """Kill `tiekartta ingest` with SIGKILL half-way; the next run repairs both indexes."""
    docs, data = tmp_path / "docs", tmp_path / "data"
    _write_news(docs, 60)
    command = [
        str(Path(sys.executable).parent / "tiekartta"),
        "--data-dir",
        str(data),
        "ingest",
        str(docs),
    ]
    env = {k: v for k, v in os.environ.items() if not k.startswith("TIEKARTTA_")}
    process = subprocess.Popen(
        command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    registry = data / "registry.sqlite3"
    deadline = time.monotonic() + 300
    killed = False
    while time.monotonic() < deadline and process.poll() is None:
        try:
            with sqlite3.connect(registry, timeout=1) as db:
                stored = db.execute("SELECT COUNT(*) FROM documents").fetchone()[0]
        except sqlite3.Error:
            stored = 0
        if 0 < stored < 60:
            process.send_signal(signal.SIGKILL)
            killed = True
            break
        time.sleep(0.05)
    process.wait(timeout=60)
    # 60 documents through the real model take seconds and are polled every 50 ms, so an
    # ingest that ends unkilled failed to start or store (a bug to see, not a case to skip).
    assert killed, f"the ingest ended (exit code {process.returncode}) before it was killed"
    assert process.returncode == -signal.SIGKILL

    service = Tiekartta(make_settings(data))
    report = service.documents.ingest([docs])
    assert not report.failed
    assert len(service.registry.documents.list_documents()) == 60
    _consistent(service)
    assert len(_docs(service, "asiasta numero 59 kaupunginhallitus")) > 0


def test_langchain_retriever_wraps_the_hybrid_retriever(sample_service: Tiekartta) -> None:
    from langchain_core.retrievers import BaseRetriever

    from rag.retrieval.langchain_retriever import TiekarttaRetriever

    retriever = TiekarttaRetriever(retriever=sample_service.retriever, k=4, filters=EVERYTHING)
    assert isinstance(retriever, BaseRetriever)
    documents = retriever.invoke("Digiohjelma 2024–2026 päätös kaupunginhallitus § 25")
    assert 0 < len(documents) <= 4
    top = documents[0]
    assert top.metadata["section"] == "25" and "§ 25" in top.metadata["citation"]
    expected = sample_service.retriever.search(
        "Digiohjelma 2024–2026 päätös kaupunginhallitus § 25", 4, EVERYTHING
    )
    assert [d.id for d in documents] == [h.chunk.chunk_id for h in expected]


def test_the_reserved_place_leaves_the_places_above_it_alone(
    sample_service: Tiekartta,
) -> None:
    # The portal news exists in Finnish only; a Swedish question's own language crowds the
    # mixed dense list, so without the reserved place it may fall below the top five.
    question = "Hur många datamängder fanns i Borgås öppna dataportal när den öppnades?"
    default = sample_service.retriever
    plain = HybridRetriever(
        default.vectors,
        default.embeddings,
        default.lexical,
        weights=replace(default.weights, other_language_slot=0),
        versions=default.versions,
    )
    with_slot = [h.chunk for h in default.search(question, 8, EVERYTHING)]
    without = [h.chunk for h in plain.search(question, 8, EVERYTHING)]
    assert any(c.language != "sv" for c in with_slot[:4])
    # the places above the reserved one are the ones the plain fusion gives
    top = next(i for i, c in enumerate(with_slot) if c.language != "sv")
    assert [c.chunk_id for c in with_slot[:top]] == [c.chunk_id for c in without[:top]]
    assert "avoin-data-portaali-2025" in {c.doc_id for c in with_slot[:4]}


def test_reserve_slot_moves_the_best_other_language_chunk_up_only() -> None:
    def candidate(n: int, language: str, own_rank: int | None) -> _Candidate:
        chunk = Chunk(f"c{n}", f"d{n}", 0, f"teksti {n}", language, f"Otsikko {n}")
        return _Candidate(chunk, dense=0.8, score=1.0 - n / 100, language_rank=own_rank)

    fused = [candidate(n, "sv", None) for n in range(6)]
    fused += [candidate(6, "fi", 2), candidate(7, "fi", 1), candidate(8, "en", 3)]
    moved = _reserve_slot(fused, "sv", 4)
    assert [c.chunk.chunk_id for c in moved] == [
        *("c0", "c1", "c2", "c7", "c3", "c4", "c5", "c6", "c8")
    ]
    assert moved[3].score == fused[3].score  # ties with the place it takes: order stays sorted
    # already high enough, or no other-language candidate: nothing moves
    assert _reserve_slot(moved, "sv", 5) == moved
    assert _reserve_slot(fused[:6], "sv", 4) == fused[:6]
