"""Names in an unusual case or order (twelfth round): names in capitals anywhere in a text
(capital_names.py, ``names_in_capitals``), English possessives of names
(english_possessives.py, ``english_possessives``); a form's name field in any case
(``name_fields``) is on since this round (test_privacy_eighth_round.py). Each is found with
its switch on and not with it off, and the look-alikes stay unmasked. Every string here
was written for this test."""

from __future__ import annotations

import pytest

from rag.core.privacy import NameRules, find_pii


def _names(text: str, **switches: bool) -> list[str]:
    return [
        text[s.start : s.end] for s in find_pii(text, NameRules(**switches)) if s.kind == "NAME"
    ]


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("OSALLISTUJAT: LAAKSO, MIRJA; KUUSELA, TERHI", "LAAKSO, MIRJA"),
        ("ASIAKAS LAAKSO, MIRJA SAAPUI AJALLAAN.", "LAAKSO, MIRJA"),
        ("Tapasin eilen ANTERO ja hänen veljensä.", "ANTERO"),
        ("KIRJAUS: KUUSELA, TERHI (naapuri)", "KUUSELA, TERHI"),
        ("/KIRJANNUT JUSSI", "JUSSI"),
    ],
)
def test_names_in_capitals(text: str, name: str) -> None:
    assert name in _names(text, names_in_capitals=True)
    assert name not in _names(text)


@pytest.mark.parametrize(
    "text",
    [
        "ANNA PALAUTETTA KAUPUNGILLE",  # a first name that is a word (give)
        "ELLA-HANKE ALKAA TAMMIKUUSSA",  # a hyphenated word with a common part
        "KOKOUS PIDETÄÄN PORVOON KAUPUNGINTALOLLA",
        "LOVISA STAD INFORMERAR",  # a town
        "TOR 12.3. KLO 18",  # a weekday (and the god)
    ],
)
def test_headings_in_capitals_stay(text: str) -> None:
    assert _names(text, names_in_capitals=True) == []


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Please check Amina's form before Friday.", "Amina's"),
        ("Can you send Tuomas's report to me?", "Tuomas's"),
        ("I'm Jenni's aunt.", "Jenni's"),
        ("I spoke with the Lindqvists' neighbour yesterday.", "Lindqvists'"),
        ("The Virtanens' car is parked outside.", "Virtanens'"),
    ],
)
def test_english_possessives(text: str, name: str) -> None:
    assert name in _names(text, english_possessives=True)
    assert name not in _names(text)


@pytest.mark.parametrize(
    "text",
    [
        "The Parents' Association meets on Monday.",
        "We met at McDonald's and then went to Stockmann's.",
        "It's May's warmest day; Porvoo's old town is busy.",
        "Rose's garden is lovely.",  # a word of English before the possessive
        "Bill's invoice was paid.",
        "The city's plan was approved.",
    ],
)
def test_possessives_of_words_and_places_stay(text: str) -> None:
    assert _names(text, english_possessives=True) == []
