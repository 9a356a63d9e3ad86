"""Figures stated in follow-up sentences (written for these tests) in Finnish, Swedish, English."""

from __future__ import annotations

from rag.draft.figures import StatedFigure, indicator_sentences, stated_figures

THEMES = {"a": ["ihmislähtöiset sähköiset palvelut"], "b": ["digitaaliset ilmastoteot"]}


def _pairs(figures: list[StatedFigure]) -> set[tuple[str, int | None, str | None]]:
    return {(f.kind, f.value, f.theme) for f in figures}


def test_finnish_counts_by_status_with_digits_and_words() -> None:
    sentences = [
        "Tiekartassa oli vuoden 2025 alussa 28 toimenpidettä.",
        "Marraskuussa 2025 niistä oli valmistunut 9, käynnissä oli 15 ja aloittamatta 4.",
        "b) Digitaaliset ilmastoteot Teeman kahdeksasta toimenpiteestä kaksi on valmiina, "
        "neljä käynnissä ja kaksi aloittamatta.",
        "Päivitettyyn tiekarttaan esitetään 3 uutta toimenpidettä.",
    ]
    assert _pairs(stated_figures(sentences, ["2025"], THEMES)) == {
        ("total", 28, None),
        ("completed", 9, None),
        ("ongoing", 15, None),
        ("not_started", 4, None),
        ("total", 8, "b"),
        ("completed", 2, "b"),
        ("ongoing", 4, "b"),
        ("not_started", 2, "b"),
        ("new", 3, None),
    }


def test_swedish_and_english_counts() -> None:
    swedish = ["Färdplanen omfattar sammanlagt 30 åtgärder, av vilka 11 är slutförda."]
    assert _pairs(stated_figures(swedish, ["2025"])) == {
        ("total", 30, None),
        ("completed", 11, None),
    }
    english = ["Of the roadmap's 30 measures, 14 are ongoing and five not started."]
    assert _pairs(stated_figures(english, ["2025"])) == {
        ("total", 30, None),
        ("ongoing", 14, None),
        ("not_started", 5, None),
    }


def test_no_new_measures_is_zero() -> None:
    for sentence in (
        "Uusia toimenpiteitä tiekarttaan ei lisätty.",
        "Inga nya åtgärder lades till.",
        "No new measures were added.",
    ):
        assert _pairs(stated_figures([sentence], ["2025"])) == {("new", 0, None)}, sentence


def test_other_years_and_sentences_without_measures_give_nothing() -> None:
    assert not stated_figures(["Edellisessä seurannassa valmiita toimenpiteitä oli 4."], ["2025"])
    assert not stated_figures(["Syksyllä 2024 valmiita toimenpiteitä oli 4."], ["2025"])
    assert not stated_figures(["A year earlier, 4 measures had been completed."], ["2025"])
    # A status and a number without measures: a wastewater plant, not the roadmap.
    assert not stated_figures(["Puhdistamo valmistui 3 kuukautta etuajassa."], ["2025"])
    # Thousands with a comma are one number, not a count of four.
    assert not stated_figures(
        ["Completed measures include a chat with about 4,300 conversations."], ["2025"]
    )


def test_indicator_sentences() -> None:
    sentences = [
        "Sähköisen asioinnin osuus nousi 48 prosentista 61 prosenttiin syyskuussa 2025.",
        "Kaupunginhallitus hyväksyi tiekartan.",
        "Osuus oli 40 prosenttia vuonna 2019.",
    ]
    assert indicator_sentences(sentences, ["2025"]) == [sentences[0]]
