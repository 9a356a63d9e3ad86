"""The name mechanisms of rag/core/privacy/names.py, each with the words it must leave alone.

The strings are written for these tests (not taken from the labelled set): each checks one
mechanism, and NameRules switches that mechanism off to show the string depends on it.
"""

from __future__ import annotations

import pytest

from rag.core.privacy import NameRules, find_pii, mask_pii
from rag.core.privacy.first_names import (
    is_first_name,
    is_inflected_first_name,
    is_word_like,
)
from tests.rag.core.name_rules import NO_MORPHOLOGY


def _names(text: str, rules: NameRules | None = None) -> list[str]:
    return [text[s.start : s.end] for s in find_pii(text, rules) if s.kind == "NAME"]


def test_the_gazetteer_knows_base_forms_hyphenated_pairs_and_case_forms() -> None:
    assert is_first_name("Pekka") and is_first_name("BRITT") and is_first_name("Anna-Maija")
    assert not is_first_name("Kaupunki") and not is_first_name("Anna-talo")
    assert is_word_like("Toivo") and not is_first_name("Toivo", word_like=False)
    for inflected in ("Liisan", "Mattille", "Pekalta", "Mikon", "Henrikin", "Eriks"):
        assert is_inflected_first_name(inflected), inflected
    # word-like names and ordinary words do not count inflected: "Toivon" is "I hope"
    for word in ("Toivon", "Uskon", "Kaupungille", "Vastauksesta", "Teille"):
        assert not is_inflected_first_name(word), word


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Asiaa valmisteli Kirsi Lehmusvaara viime viikolla.", "Kirsi Lehmusvaara"),
        ("Puhuin eilen Heikki Rannan kanssa.", "Heikki Rannan"),  # case ending on the surname
        ("Förslaget kom från Ann-Mari Lindholm.", "Ann-Mari Lindholm"),  # generated double name
        ("Kävin Anna Liisa Peltosen luona.", "Anna Liisa Peltosen"),
        ("Yhteyttä otti Jarmo T. eilen", "Jarmo T."),  # first name + initial
    ],
)
def test_a_known_first_name_and_a_capitalised_word_is_a_name_anywhere(text: str, name: str) -> None:
    assert _names(text) == [name]
    assert name not in _names(text, NameRules(first_name_pairs=False))


@pytest.mark.parametrize(
    "text",
    [
        "Toivo Parempaa ensi vuodelle!",  # a word-like name needs a surname-shaped next word
        "Per Capita -laskelma valmistui.",
        "Marja Porvoosta toi kakun.",  # a place is not a surname
        "Katri Valan puisto kunnostetaan.",  # a place named after a person
        "Aleksi Kiven peruskoulu saa uuden pihan.",
        "Maija Helmikuussa aloitetaan.",  # a month
        "Kokous pidettiin Pekka Halosen kadulla.",
    ],
)
def test_first_name_pairs_leave_places_months_and_word_like_names(text: str) -> None:
    # "Maija" alone is still a name to the lone-first-name mechanism (test_privacy_general)
    assert _names(text, NameRules(lone_first_names=False, **NO_MORPHOLOGY)) == []


def test_initials_before_a_surname_shaped_word() -> None:
    assert _names("Lausunnon antoi A. Virtanen.") == ["A. Virtanen"]
    assert _names("Lausunnon antoi A. Virtanen.", NameRules(initials=False, **NO_MORPHOLOGY)) == []
    # an initial inside an abbreviation, or before an ordinary word, is not a name
    assert _names("Tilassa on WC. Kerhotilan voi varata.") == []
    assert _names("Vaihtoehto B. Toteutetaan ensi vuonna.") == []


def test_initials_after_a_sign_off() -> None:
    assert _names("Kiitos!\nTerv. Sami L.") == ["Sami L."]


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Toivoisin lisää valoja polulle.\n/Greger Wasström", "Greger Wasström"),
        ("Lisää penkkejä, kiitos! – Ilse Granqvist", "Ilse Granqvist"),
        ("Toivon vastausta pian.\nLämpimin ajatuksin,\nOrvar Backlund", "Orvar Backlund"),
        ("Toivon vastausta pian.\nKevätterveisin\nKirsti", "Kirsti"),
    ],
)
def test_a_short_last_line_after_a_mark_or_a_closing_is_a_signature(text: str, name: str) -> None:
    assert name in _names(text)
    # (the twenty-seventh round's signatures after a slash or a dash off too)
    off = NameRules(
        signature=False,
        first_name_pairs=False,
        lone_first_names=False,
        dash_signatures=False,
        closing_names=False,
        **NO_MORPHOLOGY,
    )
    assert name not in _names(text, off)


@pytest.mark.parametrize(
    "text",
    [
        "Uimahalli Keskustaan\nUimahalli Keskustaan.",  # a title and a sentence
        "Hyvää kesää toivottaen,\nPorvoon Kaupunki",
        "Päätös:\nKaupunginhallitus",
        "Ehdotus bussilinjasta.\n– Liikennelautakunta",
    ],
)
def test_last_lines_that_are_not_signatures(text: str) -> None:
    assert _names(text) == []


@pytest.mark.parametrize(
    ("text", "masked"),
    [("Hyvä Asukas, kiitos viestistä.", False), ("Bästa Invånare!", False),
     ("Kiitos Nopeasta Vastauksesta!", False), ("Hej Greta!", True),
     ("Kiitos Mattille avusta!", True), ("Hyvä Juhani Kettunen,", True)],
)  # fmt: skip
def test_after_a_greeting_or_thanks_a_person_needs_a_known_first_name_or_surname(
    text: str, masked: bool
) -> None:

    assert bool(_names(text)) is masked


def test_a_greeted_noun_was_masked_without_the_first_name_guard() -> None:
    rules = NameRules(greeting_needs_first_name=False)
    assert _names("Hyvä Asukas, kiitos viestistä.", rules) == ["Asukas"]


def test_lower_case_names_only_with_a_known_first_name_after_a_lead() -> None:
    assert _names("kiitos vastauksesta\nterveisin jukka") == ["jukka"]
    assert _names("t. päivi korhonen") == ["päivi korhonen"]
    assert _names("terveisin jukka", NameRules(lower_case=False, informal_text=False)) == []
    # a word-like name or an ordinary word after a lead stays
    for text in ("terveisin onni ja ilo", "kiitos anna palautetta", "olen samaa mieltä"):
        assert _names(text) == [], text


def test_official_text_keeps_its_dates_sums_and_bodies() -> None:
    text = (
        "Kaupunginhallitus 22.1.2024 § 25\nMääräraha 42 000 euroa.\n"
        "Päätös: Hyväksyttiin.\nLisätiedot\nKaupunkikehityslautakunta"
    )
    assert mask_pii(text).text == text


def test_a_lower_case_word_after_a_lead_does_not_hide_the_next_lead() -> None:
    rules = NameRules(first_name_pairs=False)
    assert _names("Hei, olen Minna Kivelä ja asun täällä.", rules) == ["Minna Kivelä"]
