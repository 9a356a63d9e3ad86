"""Names in an unusual case or order (twelfth round): names in capitals anywhere in a text
(capital_names.py, ``names_in_capitals``), English possessives of names
(english_possessives.py, ``english_possessives``), a label's value in lower case, surname
first (lower_case_surname_first.py, ``lower_case_surname_first``); a form's name field in any case
(``name_fields``) is on since this round (test_privacy_eighth_round.py). Each is found with
its switch on and not with it off, and the look-alikes stay unmasked. Every string here
was written for this test."""

from __future__ import annotations

import pytest

from rag.core.privacy import NameRules, find_pii
from tests.rag.core.name_rules import ROUND21_OFF, ROUND84_OFF


def _names(text: str, **switches: bool) -> list[str]:
    # (english_possessives is on since the twenty-first round: each switch here is measured
    # against the defaults of its time, the round's switches off unless named)
    rules = NameRules(**{**ROUND21_OFF, **ROUND84_OFF, **switches})
    return [text[s.start : s.end] for s in find_pii(text, rules) if s.kind == "NAME"]


@pytest.mark.parametrize(
    ("text", "name", "switch"),
    [
        # a first name in capitals that is no word, a surname in capitals beside it
        ("OSALLISTUJAT: LAAKSO, MIRJA; KUUSELA, TERHI", "LAAKSO, MIRJA", "names_in_capitals"),
        ("ASIAKAS LAAKSO, MIRJA SAAPUI AJALLAAN.", "LAAKSO, MIRJA", "names_in_capitals"),
        ("Tapasin eilen ANTERO ja hänen veljensä.", "ANTERO", "names_in_capitals"),
        ("KIRJAUS: KUUSELA, TERHI (naapuri)", "KUUSELA, TERHI", "names_in_capitals"),
        ("/KIRJANNUT JUSSI", "JUSSI", "names_in_capitals"),
        # an English possessive of a name
        ("Please check Amina's form before Friday.", "Amina's", "english_possessives"),
        ("Can you send Tuomas's report to me?", "Tuomas's", "english_possessives"),
        ("I'm Jenni's aunt.", "Jenni's", "english_possessives"),
        ("I spoke with the Lindqvists' neighbour yesterday.", "Lindqvists'", "english_possessives"),
        ("The Virtanens' car is parked outside.", "Virtanens'", "english_possessives"),
        # a label's value in lower case, surname first
        ("Nimi: laaksonen pirkko", "laaksonen pirkko", "lower_case_surname_first"),
        ("Varaaja: lindholm erik, puh 040 123 4567", "lindholm erik", "lower_case_surname_first"),
        ("Namn: holmberg stina", "holmberg stina", "lower_case_surname_first"),
    ],
)
def test_found_with_the_switch_only(text: str, name: str, switch: str) -> None:
    assert name in _names(text, **{switch: True})
    assert name not in _names(text)


@pytest.mark.parametrize(
    ("text", "switch"),
    [
        ("ANNA PALAUTETTA KAUPUNGILLE", "names_in_capitals"),  # a first name that is a word
        ("ELLA-HANKE ALKAA TAMMIKUUSSA", "names_in_capitals"),  # a common part after a hyphen
        ("KOKOUS PIDETÄÄN PORVOON KAUPUNGINTALOLLA", "names_in_capitals"),
        ("LOVISA STAD INFORMERAR", "names_in_capitals"),  # a town
        ("TOR 12.3. KLO 18", "names_in_capitals"),  # a weekday (and the god)
        ("The Parents' Association meets on Monday.", "english_possessives"),
        ("We met at McDonald's and then went to Stockmann's.", "english_possessives"),
        ("It's May's warmest day; Porvoo's old town is busy.", "english_possessives"),
        ("Rose's garden is lovely.", "english_possessives"),  # a word of English
        ("Bill's invoice was paid.", "english_possessives"),
        ("The city's plan was approved.", "english_possessives"),
        ("Viesti: tie on liukas", "lower_case_surname_first"),
        ("Aihe: kallio anna palautetta", "lower_case_surname_first"),  # a word, more words
        ("Paikka: lahti timo", "lower_case_surname_first"),  # a town first
        ("Kommentti: hyvä idea", "lower_case_surname_first"),
        ("Sijainti: kirkkokatu 3", "lower_case_surname_first"),
    ],
)
def test_look_alikes_stay(text: str, switch: str) -> None:
    assert _names(text, **{switch: True}) == []
