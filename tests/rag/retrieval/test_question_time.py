"""Named days, months and years in questions (fi/sv/en), and the years that name other things."""

from __future__ import annotations

import pytest

from api.container import Tiekartta
from rag.core.documents import ALL_ACCESS
from rag.core.results import SearchFilters
from rag.retrieval.hybrid import FusionWeights, HybridRetriever
from rag.retrieval.question_time import TimeSpan, in_any, mentions_time, question_spans


@pytest.mark.parametrize(
    ("question", "start", "end", "precision"),
    [
        ("Mitä kaupunginhallitus päätti 22.1.2024?", "2024-01-22", "2024-01-22", "day"),
        ("När hölls mötet den 14 september 2020?", "2020-09-14", "2020-09-14", "day"),
        ("What was decided on March 5, 2024?", "2024-03-05", "2024-03-05", "day"),
        ("Mitä päätettiin tammikuussa 2024?", "2024-01-01", "2024-01-31", "month"),
        ("Kuka nimettiin kesäkuussa 2020?", "2020-06-01", "2020-06-30", "month"),
        ("Vem valde stadsfullmäktige i mars 2024?", "2024-03-01", "2024-03-31", "month"),
        ("Who was elected in February 2024?", "2024-02-01", "2024-02-29", "month"),
        ("Mitä hankkeita aloitettiin vuonna 2023?", "2023-01-01", "2023-12-31", "year"),
        ("Vilka mål identifierades år 2022?", "2022-01-01", "2022-12-31", "year"),
        ("What changed in 2023?", "2023-01-01", "2023-12-31", "year"),
        ("Mitä tapahtui 2023:ssa?", "2023-01-01", "2023-12-31", "year"),
    ],
)
def test_named_times_are_found(question: str, start: str, end: str, precision: str) -> None:
    assert question_spans(question)[0] == TimeSpan(start, end, precision)


@pytest.mark.parametrize(
    "question",
    [
        "Mitkä ovat Digiohjelma 2024–2026 teemat?",  # a programme's name
        "Vilka är de tre temana i Borgås digiprogram 2024–2026?",
        "Minä päivänä hyväksyttiin digiohjelma vuosille 2020-2023?",  # a period
        "Kuinka suuri on alijäämä vuosina 2025–2027?",
        "Vilka teman hade digiprogrammet fram till år 2023?",  # 'until', not 'in'
        "Mikä oli vuoden 2023 talousarvion loppusumma?",  # the year a budget is for
        "By what vote was the 2024 income tax rate set?",
        "Minkä tuloksen talousarvioesitys ennakoi vuodelle 2025?",
        "What are the climate goals up to 2030?",
        "Mikä on asian diaarinumero 118/07.01.02/2024?",  # a record number
    ],
)
def test_years_naming_other_things_are_left_alone(question: str) -> None:
    assert question_spans(question) == []


def test_a_day_inside_a_named_year_keeps_the_precise_span_first() -> None:
    spans = question_spans("Minkä pykälän alla vuoden 2023 talousarvio käsiteltiin 7.12.2022?")
    assert spans == [TimeSpan("2022-12-07", "2022-12-07", "day")]


def test_impossible_dates_are_ignored() -> None:
    assert question_spans("Mitä päätettiin 31.2.2024?") == []


def test_in_any() -> None:
    spans = question_spans("Mitä päätettiin tammikuussa 2024?")
    assert in_any(spans, "2024-01-22")
    assert in_any(spans, "2024-01-31T10:00:00")
    assert not in_any(spans, "2024-02-01")
    assert not in_any(spans, None)


# -- in retrieval, on the real sample corpus ----------------------------------------------------
def test_hard_time_mode_drops_chunks_dated_outside_the_named_month(
    sample_service: Tiekartta,
) -> None:
    # The default ("event") drops nothing; the "hard" option still filters by document date.
    question = "Mitä digitiekartasta päätettiin tammikuussa 2024?"
    hits, unfiltered = (
        HybridRetriever(
            sample_service.vectors,
            sample_service.embeddings,
            sample_service.lexical,
            FusionWeights(time_mode=mode),
        ).search(question, 8, SearchFilters(access_levels=ALL_ACCESS))
        for mode in ("hard", "off")
    )
    dated = [h.chunk.date for h in hits if h.chunk.date]
    assert dated and all(d.startswith("2024-01") for d in dated)
    assert any(h.chunk.date and not h.chunk.date.startswith("2024-01") for h in unfiltered)


def test_a_programme_name_does_not_filter(sample_service: Tiekartta) -> None:
    question = "Mitkä ovat Digiohjelma 2024–2026 painopisteet?"
    filters = SearchFilters(access_levels=ALL_ACCESS)
    default = sample_service.retriever.search(question, 8, filters)
    off = HybridRetriever(
        sample_service.vectors,
        sample_service.embeddings,
        sample_service.lexical,
        FusionWeights(time_mode="off"),
        versions=sample_service.registry.versions.versions_of,
    ).search(question, 8, filters)
    assert [h.chunk.chunk_id for h in default] == [h.chunk.chunk_id for h in off]


def test_mentions_time_reads_the_named_month_in_the_text() -> None:
    spans = question_spans("Mikä oli sähköisen asioinnin osuus syyskuussa 2025?")
    assert mentions_time("61 prosenttiin syyskuussa 2025.", spans)
    assert mentions_time("till 61 procent i september 2025.", spans)
    assert mentions_time("The dashboard opened on 15.9.2025.", spans)
    assert not mentions_time("Report of 20.10.2025 on the roadmap.", spans)
    assert not mentions_time("maaliskuussa 2024", spans)
    assert not mentions_time("syyskuussa 2025", [])
