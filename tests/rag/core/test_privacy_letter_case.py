"""Personal data in the wrong case (rag/core/privacy/letter_case.py): each mechanism finds
its form with its switch on and not with it off, and the look-alikes stay unmasked. Every
string here was written for this test."""

from __future__ import annotations

from dataclasses import replace

import pytest

from rag.core.privacy import NameRules, find_pii
from rag.core.privacy.letter_case import recased_view
from tests.rag.core.name_rules import BARE_OFF

# Four of the five switches are off by default (docs/personal-data.md): every test here names its
# rules.
ALL_ON = NameRules(
    **BARE_OFF,
    address_case_endings=False,  # "kuusikuja 4" without its ending ":ään" (twenty-first round)
    shouted_text=True,
    lower_case_streets=True,
    lower_case_full_names=True,
    lower_case_signatures=True,
    spaced_identity_codes=True,
)


def _found(text: str, rules: NameRules = ALL_ON) -> list[tuple[str, str]]:
    return [(text[s.start : s.end], s.kind) for s in find_pii(text, rules)]


@pytest.mark.parametrize(
    ("text", "value", "kind", "switch"),
    [
        # a form filled in capitals: the address and the name after their labels
        ("OSOITE: ISO ROOBERTINKATU 31 B 7", "ISO ROOBERTINKATU 31 B 7", "ADDRESS", "shouted_text"),
        ("ADRESS: SMEDSGRÄND 4 A 2, LOVISA", "SMEDSGRÄND 4 A 2", "ADDRESS", "shouted_text"),
        ("Hakija  MARJUT KALLIOMÄKI\nkoulu: x", "MARJUT KALLIOMÄKI", "NAME", "shouted_text"),
        ("Efternamn: HOLMQVIST, tfn saknas", "HOLMQVIST", "NAME", "shouted_text"),
        # lower-case streets before a house number, with a prefix word and a flat
        (
            "asun nykyään lepolankatu 7b 15 porvoossa",
            "lepolankatu 7b 15",
            "ADDRESS",
            "lower_case_streets",
        ),
        (
            "flyttade till östra strandvägen 12 a 3",
            "östra strandvägen 12 a 3",
            "ADDRESS",
            "lower_case_streets",
        ),
        (
            "paketti meni osoitteeseen kuusikuja 4:ään",
            "kuusikuja 4",
            "ADDRESS",
            "lower_case_streets",
        ),
        # lower-case full names
        (
            "tänään soitti mohammad karimi asiasta.",
            "mohammad karimi",
            "NAME",
            "lower_case_full_names",
        ),
        ("yhteyshenkilö: huoltaja tarja nurmi", "tarja nurmi", "NAME", "lower_case_full_names"),
        ("Hei! mvh fatima okonkwo", "fatima okonkwo", "NAME", "lower_case_full_names"),
        (
            "kontakt: ann-mari sjöberg, tfn saknas",
            "ann-mari sjöberg",
            "NAME",
            "lower_case_full_names",
        ),
        # lower-case signatures at the very end
        ("soitelkaa jos tulee kysyttävää -sirpa", "sirpa", "NAME", "lower_case_signatures"),
        ("tack för hjälpen /sven k.", "sven k.", "NAME", "lower_case_signatures"),
        # a henkilötunnus with a space and the right check character
        ("hetu 241187 900U liitteenä", "241187 900U", "HETU", "spaced_identity_codes"),
        ("Henkilötunnus 010203 - 908A", "010203 - 908A", "HETU", "spaced_identity_codes"),
    ],
)
def test_each_form_is_found_by_its_switch(text: str, value: str, kind: str, switch: str) -> None:
    assert (value, kind) in _found(text)
    # (name_fields, on since the twelfth round, reads "Efternamn: HOLMQVIST" too, the
    # twenty-seventh round's dash_signatures "/sven k.", the thirty-seventh round's
    # lower_case_homes a street before a flat, the forty-first round's lower_case_texts a
    # street in a lower-case text, the fifty-third round's lower_case_initials "sven k." and
    # the ninety-sixth round's chat_surnames_read "tarja nurmi" after a chat name, the
    # hundred-and-fifth round's labelled_names "Efternamn: HOLMQVIST" and the
    # hundred-and-ninth round's lower_case_double_names "ann-mari sjöberg" and the
    # hundred-and-sixteenth round's trailing_surnames "mohammad karimi" after the first name
    # another rule found: off here, so the switch is measured alone)
    off = replace(
        ALL_ON,
        **{
            switch: False,
            "name_fields": False,
            "dash_signatures": False,
            "lower_case_homes": False,
            "lower_case_texts": False,
            "lower_case_initials": False,
            "chat_surnames_read": False,
            "labelled_names": False,
            "lower_case_double_names": False,
            "trailing_surnames": False,
        },
    )
    assert (value, kind) not in _found(text, off)


@pytest.mark.parametrize(
    "text",
    [
        # numbered roads, the street word alone, a date after a street word
        "tie on poikki valtatie 7 kohdalla, kiertotie kantatie 55 kautta",
        "katu 5 on väärin, ja tie 12 myös",
        "riksväg 55 är avstängd",
        # shouting in a complaint, headlines and acronyms in capitals
        "MIKSI KUKAAN EI KORJAA TÄTÄ TIETÄ VAIKKA SIITÄ ON ILMOITETTU",
        "KAUPUNGINHALLITUS 12.3.2025 § 45",
        "ANNA PALAUTETTA LIIKUNTAPALVELUISTA",
        "Maksu tilille, BIC OKOYFIHH",
        "Ilmoitus: EU-TUKI HAETTAVISSA",
        # lower-case common words after a word that is also a first name
        "asiakirja on julkinen ja päätös on lainvoimainen",
        "anna palautetta ja toivo parasta",
        "Han har inga pengar kvar, men trähusen står kvar",
        "kiitos ilta oli mukava ja aina kaikki meni hyvin",
        # a numbered road and a project named after a person, in capitals
        "AIHE: VALTATIE 7 SULJETAAN",
        "ELLA-HANKE ALKAA SYKSYLLÄ",
        # a complaint in capitals: adjectives shaped like surnames
        "TÄMÄ ON KAIKILLE YHTEINEN JA EKOLOGINEN PAIKKA!",
        # a lower-case name in a text that opens its sentences with capitals is left to the
        # rules of names.py
        "Tänään soitti mohammad karimi asiasta.",
        # a dash at the end that is no signature, a hyphenated word
        "aukioloajat ma-pe",
        "kokous siirtyy - kesä",
        # an identity code with a space but a wrong check character, a date that is none
        "tilausnumero 241187 900V",
        "viite 451299 123A",
    ],
)
def test_look_alikes_stay_unmasked(text: str) -> None:
    assert _found(text) == []


def test_the_recased_copy_keeps_the_length_and_changes_only_the_chosen_words() -> None:
    text = "NIMI: ÅSA STRÖM\nasun koivukuja 3 ja EU"
    view, changed = recased_view(text, shouted=True, lower_streets=True)
    assert len(view) == len(text)
    assert view == "NIMI: Åsa Ström\nasun Koivukuja 3 ja EU"
    assert [text[s.start : s.end] for s in changed] == ["ÅSA", "STRÖM", "koivukuja"]


def test_the_end_signature_and_text_in_capitals_are_on_by_default() -> None:
    assert _found("soitelkaa jos tulee kysyttävää -sirpa", NameRules(**BARE_OFF)) == [
        ("sirpa", "NAME")
    ]
    assert _found("OSOITE: ISO ROOBERTINKATU 31 B 7", NameRules(**BARE_OFF)) == [
        ("ISO ROOBERTINKATU 31 B 7", "ADDRESS")
    ]
    # a lower-case street before a flat since the thirty-seventh round; before a bare number
    # only in a text with no capitalised word (the forty-first round)
    assert _found("asun koivukuja 3 b 12", NameRules(**BARE_OFF)) == [
        ("koivukuja 3 b 12", "ADDRESS")
    ]
    assert _found("asun koivukuja 3", NameRules(**BARE_OFF)) == [("koivukuja 3", "ADDRESS")]
    assert _found("Asun koivukuja 3", NameRules(**BARE_OFF)) == []
    assert _found("hetu 241187 900U", NameRules(**BARE_OFF)) == []


def test_nothing_changes_without_a_sloppy_word() -> None:
    text = "Asun Koivukujalla, soita Maijalle."
    assert recased_view(text, shouted=True, lower_streets=True) == (text, [])


# The fifty-third round (``lower_case_initials``): a lower-case first name and a surname's
# initial where the name ends.
_INITIALS = NameRules(lower_case_initials=True)  # (on by default since its round)
# (the hundred-and-sixteenth round's trailing_surnames reads the initial after a first name
# found by another rule too: off, so the switch is measured alone)
_NO_INITIALS = NameRules(lower_case_initials=False, trailing_surnames=False)


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("pyörätelineet on taas täynnä romua. t. riikka s", "riikka s"),
        ("ring mig 0409 88 21 44 / greta m, borgå ridklubb", "greta m"),
        ("kuka hoitaa avaimet? -tapio v 0451237788", "tapio v"),
        ("valtuuston jäsen leena t. ilmoitti olevansa esteellinen", "leena t."),
        ("kysykää asiaa kirsi r:ltä, hän tietää", "kirsi r:ltä"),
        ("hoitaa: anu-maija k\nvalmis perjantaina", "anu-maija k"),
    ],
)
def test_a_lower_case_first_name_and_an_initial(text: str, name: str) -> None:
    assert name in [value for value, kind in _found(text, _INITIALS) if kind == "NAME"]
    assert name not in [value for value, _ in _found(text, _NO_INITIALS)]


@pytest.mark.parametrize(
    "text",
    [
        "Hankinnan arvo n. 3,1 milj. €, tarjoukset Hilmassa.",  # "noin" before a number
        "Borgå är en trevlig stad att bo i.",  # a one-letter word of Swedish
        "han ville i skolan men fick inte",  # a word after the letter
        "katso liite b, kohta c ja sivu d",  # no first name before the letter
        "men a, b och c räcker",  # a frequent word, not a first name
    ],
)
def test_a_word_and_a_letter_stay_readable(text: str) -> None:
    assert _found(text, _INITIALS) == _found(text, _NO_INITIALS)


# The ninety-third round (``shouted_end_names``): a first name in capitals alone that signs the
# end of a message, after a dash, a slash, a sentence's or a clause's end or a sign-off.
SHOUTED_ENDS = NameRules(**BARE_OFF, shouted_end_names=True)
NO_SHOUTED_ENDS = NameRules(**BARE_OFF, shouted_end_names=False)


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("KATUVALO EI TOIMI TAAS KOULUN KOHDALLA -MATTI", "MATTI"),
        ("SOPORNA HAR INTE HÄMTATS PÅ TVÅ VECKOR. MVH ALLAN", "ALLAN"),
        ("RING MIG PÅ 0457 331 8820. BIRGITTA", "BIRGITTA"),
        ("HAN VÄNTADE I REGNET I 40 MIN. ring mig /ANNA-KAROLINA", "ANNA-KAROLINA"),
        ("Haen Alman kello 14.30 tänään, JOHANNA", "JOHANNA"),
    ],
)
def test_a_first_name_in_capitals_signing_the_end_is_a_name(text: str, name: str) -> None:
    assert name in [found for found, kind in _found(text, SHOUTED_ENDS) if kind == "NAME"]
    assert name not in [found for found, _ in _found(text, NO_SHOUTED_ENDS)]
    assert NameRules().shouted_end_names


@pytest.mark.parametrize(
    "text",
    [
        "Tervetuloa konserttiin lauantaina! KIITOS",  # a word, no name
        "Kokous siirtyy ensi viikkoon. -HALLITUS",  # an organ's word
        "Lue lisää kaupungin sivuilta. PORVOO",  # a place
        "Kuka tietää, missä ANNA on? Kysyin jo kaikilta.",  # not at the end
    ],
)
def test_a_last_word_in_capitals_that_is_no_first_name_stays_readable(text: str) -> None:
    assert [kind for _, kind in _found(text, SHOUTED_ENDS) if kind == "NAME"] == []


# The ninety-fourth round (``shouted_conjunctions``): a conjunction between names in capitals
# stays small in the title-cased copy, so a couple's names are two names, not one run and a
# surname left alone.
CONJUNCTIONS = NameRules(**BARE_OFF, shouted_conjunctions=True)
NO_CONJUNCTIONS = NameRules(**BARE_OFF, shouted_conjunctions=False)


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("TACK FÖR HJÄLPEN MED SNÖN. - MARKUS OCH SIRPA AHLSTRÖM", "MARKUS"),
        ("KIITOS KAIKESTA AVUSTA TALKOISSA. TERVEISIN PIRKKO JA ESA KORHOLA", "ESA KORHOLA"),
    ],
)
def test_a_couples_names_in_capitals_are_two_names(text: str, name: str) -> None:
    assert NameRules().shouted_conjunctions
    found = [text[s.start : s.end] for s in find_pii(text, CONJUNCTIONS) if s.kind == "NAME"]
    assert any(name in value for value in found)
    before = [text[s.start : s.end] for s in find_pii(text, NO_CONJUNCTIONS) if s.kind == "NAME"]
    assert not any(name in value for value in before)


def test_the_copy_keeps_a_conjunction_small_and_the_length() -> None:
    text = "VASTAANOTTAJA: MATTI JA LIISA HONKANEN"
    view, _ = recased_view(text, shouted=True, lower_streets=False, shouted_conjunctions=True)
    assert view == "VASTAANOTTAJA: Matti ja Liisa Honkanen"
    assert len(view) == len(text)


# The ninety-fifth round (``shouted_surname_first``): a form's name in capitals written surname
# first after a label; the given name after the comma is read in title case too.
SURNAME_FIRST = NameRules(**BARE_OFF, shouted_surname_first=True)
NO_SURNAME_FIRST = NameRules(**BARE_OFF, shouted_surname_first=False)


@pytest.mark.parametrize(
    ("text", "given"),
    [
        ("ASIAKAS: KORHOLA, AINO\nOSOITE: SAVIPOLKU 3", "AINO"),
        ("SÖKANDE: SJÖHOLM, KRISTINA\nTELEFON: 0407231156", "KRISTINA"),
    ],
)
def test_a_given_name_after_a_labelled_surname_in_capitals(text: str, given: str) -> None:
    assert NameRules().shouted_surname_first
    assert given in [found for found, kind in _found(text, SURNAME_FIRST) if kind == "NAME"]
    assert given not in [found for found, _ in _found(text, NO_SURNAME_FIRST)]


def test_a_comma_after_a_label_alone_makes_no_name() -> None:
    # a subject line's words, no surname and given name
    assert [kind for _, kind in _found("AIHE: KATUVALOT, KIITOS", SURNAME_FIRST)] == []
