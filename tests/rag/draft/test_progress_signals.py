"""What a sentence says: progress, procedure, page furniture, the list of the themes.

The sentences are written for these tests in the style of Finnish and Swedish meeting records;
the measured precision on real labelled sentences is bench/draft_evidence.py's job.
"""

from __future__ import annotations

import pytest

from rag.core.programme import Programme
from rag.draft.evidence import _quote
from rag.draft.progress_signals import (
    FURNITURE,
    OTHER,
    PROCEDURAL,
    PROGRESS,
    THEME_LIST,
    ProgressReader,
)
from rag.draft.status import single_status


@pytest.fixture(scope="module")
def reader(programme: Programme) -> ProgressReader:
    return ProgressReader(
        n for t in programme.themes for n in (*t.name.values(), *t.short_name.values())
    )


@pytest.mark.parametrize(
    ("sentence", "kind"),
    [
        # meeting formalities, votes, bare approvals, appeal instructions
        (
            "Kokouskäsittely Tästä kokouksesta on annettu tieto kuntalain ja hallintosäännön "
            "määräysten mukaisesti.",
            PROCEDURAL,
        ),
        ("Merkitään, että kehittämispäällikkö oli kokouksessa kuultavana.", PROCEDURAL),
        ("Päätös on ehdotuksen mukainen.", PROCEDURAL),
        ("Ehdotus hyväksyttiin yksimielisesti.", PROCEDURAL),
        ("Oikaisuvaatimus on tehtävä 14 päivän kuluessa päätöksen tiedoksisaannista.", PROCEDURAL),
        ("Beslutet justeras genast.", PROCEDURAL),
        ("Ledamoten föreslog återremiss av ärendet, understödd av ledamoten Berg.", PROCEDURAL),
        ("Muut asiat kaupunginhallitus päätti yksimielisesti esitysten mukaisesti.", PROCEDURAL),
        # page furniture
        ("Valmistelu ja lisätiedot kehittämispäällikkö, etunimi.sukunimi@porvoo.fi", FURNITURE),
        ("Edellinen asia | Seuraava asia", FURNITURE),
        ("Digiohjelma 2024–2026", FURNITURE),
        ("Kaupunginhallitus hyväksyi yksimielisesti […] Muut uutiset", FURNITURE),
        # the list of the programme's themes
        (
            "Digiohjelman kolme teemaa ovat ihmislähtöiset sähköiset palvelut, ilmastoteot ja "
            "ketterä toiminta.",
            THEME_LIST,
        ),
        ("Digiprogrammets tre teman är att betjäna kunderna och automatisera.", THEME_LIST),
        # progress: decisions with their object, things done, statuses
        ("Kaupunginhallitus hyväksyi päivitetyn digitiekartan yksimielisesti.", PROGRESS),
        ("Stadsstyrelsen godkände den uppdaterade färdplanen för digitaliseringen.", PROGRESS),
        ("Sähköinen allekirjoitus otettiin käyttöön kesäkuussa 2024.", PROGRESS),
        ("Kirjastojen verkkomaksaminen on valmistunut ja avattiin asiakkaille.", PROGRESS),
        ("The city board approved the updated roadmap in December.", PROGRESS),
        # other: aims, plans, schedules, background
        ("Tavoitteena on, että kaikki asiointi onnistuu verkossa.", OTHER),
        ("Strategian on tarkoitus valmistua kesällä 2026.", OTHER),
        ("Färdplanen ska följas upp och uppdateras årligen.", OTHER),
        ("Kaupunki on valmis käynnistämään neuvottelut myöhemmin.", OTHER),
    ],
)
def test_sentence_kinds(reader: ProgressReader, sentence: str, kind: str) -> None:
    assert reader.read(sentence).kind == kind


def test_two_theme_names_make_a_theme_list(reader: ProgressReader, programme: Programme) -> None:
    a, b = (programme.theme(t).name["fi"] for t in ("a", "b"))
    assert reader.read(f"Ohjelman tavoitteina ovat {a} sekä {b}.").kind == THEME_LIST


def test_progress_is_ranked_by_what_it_says(reader: ProgressReader) -> None:
    plain = reader.read("Kaupunginhallitus hyväksyi hankkeen.")
    counted = reader.read(
        "Kaupunginhallitus hyväksyi 12 hanketta vuodelle 2025.", period_year="2025"
    )
    named = reader.read(
        "Toimenpide A-04 valmistui, ja kaupunginhallitus hyväksyi sen.", names=["A-04"]
    )
    assert plain.score < counted.score
    assert {"decision", "count", "period"} <= set(counted.signals)
    assert "name" in named.signals and named.score > plain.score


def test_ready_to_and_to_be_completed_are_not_completed() -> None:
    assert single_status("Kaupunki on valmis käynnistämään neuvottelut.") is None
    assert single_status("Portaalin on tarkoitus valmistua keväällä.") is None
    stated = single_status("Portaali valmistui kesäkuussa.")
    assert stated is not None and stated.status == "completed"


def test_a_short_quote_is_not_completed_with_a_procedural_sentence(
    reader: ProgressReader,
) -> None:
    sentences = ["Chat-palvelu (valmis).", "Tästä kokouksesta on annettu tieto kuntalain mukaan."]
    assert _quote(sentences, 0, reader) == "Chat-palvelu (valmis)."
    sentences[1] = "Chat on ollut käytössä maaliskuusta 2025 alkaen."
    assert _quote(sentences, 0, reader) == " ".join(sentences)
