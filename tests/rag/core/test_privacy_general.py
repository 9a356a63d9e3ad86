"""The general mechanisms of the masker's third round: case forms, particles, names alone,
names joined to a name, chat-style lower case; spam-safe e-mails, a personnummer without a
separator, record numbers that are not phones, addresses after a label; and the guards.

The strings are written for these tests (not taken from the labelled set); where a
NameRules switch exists, the test shows the result depends on that mechanism.
"""

from __future__ import annotations

import pytest

from rag.core.privacy import NameRules, find_pii, mask_pii
from rag.core.privacy.first_names import base_forms
from tests.rag.core.name_rules import BARE_OFF, NO_MORPHOLOGY


def _found(text: str, kind: str, rules: NameRules | None = None) -> list[str]:
    return [
        text[s.start : s.end]
        for s in find_pii(text, rules or NameRules(**BARE_OFF))
        if s.kind == kind
    ]


def _names(text: str, rules: NameRules | None = None) -> list[str]:
    return _found(text, "NAME", rules)


def test_base_forms_undo_case_endings_clitics_gradation_and_the_nen_stem() -> None:
    assert "pekka" in base_forms("Pekalta")
    assert "liisa" in base_forms("Liisallekin")
    assert "lindqvist" in base_forms("Lindqvistille")
    assert "mäkinen" in base_forms("Mäkiselle")
    # "-kse-" is the stem of a noun in -us, not of a -nen name
    assert "vastauknen" not in base_forms("Vastauksesta")


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Lähetin viestin Kaisalle eilen illalla.", "Kaisalle"),
        ("Se oli Kirsinkin mielestä hyvä ajatus.", "Kirsinkin"),
        ("Det var Johans förslag.", "Johans"),  # the Swedish genitive
    ],
)
def test_a_known_first_name_alone_is_a_name_in_any_case_form(text: str, name: str) -> None:
    assert _names(text) == [name]
    assert (
        _names(
            text,
            NameRules(
                **BARE_OFF,
                lone_first_names=False,
                surname_shapes=False,
                context_word_names=False,
                **NO_MORPHOLOGY,
            ),
        )
        == []
    )


@pytest.mark.parametrize(
    "text",
    [
        "Toivon, että puisto kunnostetaan.",  # a name that is also a word ("I hope")
        "Kaisan puisto kunnostetaan ensi kesänä.",  # a place named after a person
        "Katri Valan puisto kunnostetaan.",
        "Kokous pidettiin Pekka Halosen kadulla.",
        "Hyvä Asukas, kiitos palautteesta.",
    ],
)
def test_names_alone_leave_words_and_named_places(text: str) -> None:
    assert _names(text) == []


def test_a_surname_before_a_first_name_joins_it() -> None:
    text = "Näin Mäkelän Kirsin eilen kaupassa."
    assert _names(text) == ["Mäkelän Kirsin"]
    assert _names(text, NameRules(**BARE_OFF, surname_shapes=False)) == ["Kirsin"]


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Tuen Mäkisen ehdotusta lämpimästi.", "Mäkisen"),
        ("Frågan gick vidare till Bergströmille? Nej, till Lindqvist.", "Lindqvist"),
    ],
)
def test_a_surname_shaped_word_inside_a_sentence_is_a_name(text: str, name: str) -> None:
    assert name in _names(text)
    assert name not in _names(text, NameRules(**BARE_OFF, surname_shapes=False, **NO_MORPHOLOGY))


@pytest.mark.parametrize(
    "text",
    [
        "Kansainvälinen yhteistyö jatkuu ensi vuonna.",  # a capital that starts a sentence
        "Kiitos Vastauksesta, se auttoi.",  # a noun in -us, not a -nen name
        "Lähetin sen Stadsmiljösektorn för kommentarer.",  # an office
    ],
)
def test_surname_shapes_leave_sentence_starts_nouns_and_offices(text: str) -> None:
    assert _names(text) == []


def test_a_particle_stays_inside_the_name() -> None:
    text = "Parhain terveisin\nEbba von Essen"
    assert _names(text) == ["Ebba von Essen"]
    assert _names(text, NameRules(**BARE_OFF, particles=False)) != ["Ebba von Essen"]


def test_a_word_joined_to_a_name_is_a_name() -> None:
    text = "Hakemuksen allekirjoittivat Ulpu ja Pekka Mäkinen."
    assert _names(text) == ["Ulpu", "Pekka Mäkinen"]
    assert "Ulpu" not in _names(text, NameRules(**BARE_OFF, coordinated=False, **NO_MORPHOLOGY))
    # places, offices and a sentence-opening word that is no first name are not joined
    assert _names("Tapahtuman järjestävät Porvoo ja Pekka Mäkinen.") == ["Pekka Mäkinen"]
    assert _names("Kirjasto ja Pekka Mäkinen järjestävät illan.") == ["Pekka Mäkinen"]


def test_lower_case_names_count_only_in_a_chat_style_message() -> None:
    text = "moi, täällä kaisa! kysykää lisää pekalta"
    assert _names(text) == ["kaisa", "pekalta"]
    assert _names(text, NameRules(**BARE_OFF, informal_text=False, introduced_names=False)) == []
    # a message that starts with a capital is not chat style; word-like names never count
    assert _names("Tänään kaisa soitti.") == []
    assert _names("moi, toivo on että puisto korjataan") == []


@pytest.mark.parametrize(
    "mail",
    [
        "pekka.m (at) posti (dot) fi",
        "anna[ät]firma[piste]fi",
        "ville.h [at] iki [dot] fi",
        "liisa at example dot com",
    ],
)
def test_spam_safe_e_mails_in_every_bracket_and_space_variant(mail: str) -> None:
    assert _found(f"Yhteys: {mail}, kiitos.", "EMAIL") == [mail]


@pytest.mark.parametrize(
    ("text", "mail"),
    [
        ("Hakuaika päättyy 31.3. at kuntarekry.fi ei käy, vain paperilla.", None),
        ("Applications by 15 May 2026 at kuntarekry.fi.", None),
        ("Ilmoittautuminen klo 12.00 at opistopalvelut.fi", None),
        ("Write to me: sanna.k at gmail.com", "sanna.k at gmail.com"),
    ],
)
def test_a_bare_at_needs_a_name_like_local_part(text: str, mail: str | None) -> None:
    # a date or a time before " at " and a web address is no e-mail
    assert _found(text, "EMAIL") == ([mail] if mail else [])


def test_a_personnummer_without_a_separator_needs_a_date_and_its_check_digit() -> None:
    assert _found("pnr 8507099805", "HETU") == ["8507099805"]
    assert _found("pnr 8507099804", "HETU") == []  # the Luhn digit is wrong
    assert _found("nummer 8513099805", "HETU") == []  # month 13


@pytest.mark.parametrize("record", ["0401-2019-0033", "123-456-0012-0001", "0201-1998-1234"])
def test_hyphenated_record_numbers_are_not_phones(record: str) -> None:
    assert mask_pii(f"Asianumero {record} on kirjattu.").counts == {}


@pytest.mark.parametrize("phone", ["040-123-4567", "09-310 1691", "+358-40-123-4567"])
def test_hyphenated_phones_are_still_phones(phone: str) -> None:
    assert _found(f"Soita {phone} iltaisin.", "PHONE") == [phone]


def test_an_address_after_a_label_or_with_staircase_and_flat() -> None:
    assert _found("Postiosoite: Kalliomäenkaarto 5, 06100", "ADDRESS") == ["Kalliomäenkaarto 5"]
    assert _found("Muutin asuntoon Sammalkallio 3 C 21 viime vuonna.", "ADDRESS") == [
        "Sammalkallio 3 C 21"
    ]
    assert _found("Katso Liite 2 ja pykälä 14.", "ADDRESS") == []


@pytest.mark.parametrize(
    ("text", "address"),
    [
        # a word of two letters after the number is no staircase and flat ("on" is not "o n")
        ("Liisa Virtasen osoite Kotikatu 3 on 1.4. alkaen.", "Kotikatu 3"),
        ("Per Holm moves to Kvarngatan 12 on 3 March.", "Kvarngatan 12"),
        ("Asun Kotikatu 5 B 12.", "Kotikatu 5 B 12"),
        ("Asun Kotikatu 5b 12.", "Kotikatu 5b 12"),
    ],
)
def test_a_staircase_is_one_letter(text: str, address: str) -> None:
    found = [(text[s.start : s.end]) for s in find_pii(text, NameRules(**BARE_OFF))]
    assert address in found


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("Autot pysäköivät Henrik Borgströmintiellä.", []),  # a street named after a person
        ("Katetaan Yrjön-, Annan- ja Fredrikin katujen risteys.", []),  # a shared last part
        ("Joukossa on voimaa, ja Liisassa ei ole vikaa.", []),  # the inessive is a place's
        ("Puhuin Liisan ja Vallilan asukkaiden kanssa.", ["Liisan"]),  # a district joined
        ("Valittiin Sonja Perttula sekä Vasemmistoliitto r.p:n edustaja.", ["Sonja Perttula"]),
        ("Lapset katsovat Pikkukakkosen ohjelmia.", []),  # a numeral noun in -nen
    ],
)
def test_guards_for_streets_compounds_places_parties_and_numerals(
    text: str, names: list[str]
) -> None:
    assert _names(text) == names


def test_a_first_name_before_a_hyphenated_place_is_part_of_the_place() -> None:
    assert _names("Kesällä avataan Aino Ackte-huvila yleisölle.") == []


def test_two_particles_and_letters_beyond_finnish_and_swedish() -> None:
    assert _names("Ystävällisin terveisin\nLudwig van der Rohe") == ["Ludwig van der Rohe"]
    assert _names("Terveisin Søren Kierkegård") == ["Søren Kierkegård"]
    assert _names("Puhuin eilen Olgan kanssa.") == ["Olgan"]  # a name common among residents


def test_a_word_like_name_in_a_local_case_inside_a_sentence() -> None:
    text = "Lähetä tiedoksi Jussille ja Annalle."
    assert _names(text) == ["Jussille", "Annalle"]
    assert _names(text, NameRules(**BARE_OFF, lone_first_names=False, **NO_MORPHOLOGY)) == []
    # not the genitive ("Toivon" is "I hope"), not at a sentence start, not in lower case
    assert _names("Se oli hyvä asia, Toivon mielestä ei.") == []
    assert _names("Annalle kuuluu hyvää.", NameRules(**BARE_OFF, **NO_MORPHOLOGY)) == []
    assert _names("luin sen satulle") == []


def test_more_spellings_of_phones_e_mails_and_personnummer() -> None:
    assert _found("Soita 040.123.4567 iltaisin", "PHONE") == ["040.123.4567"]
    assert _found("Päivät 01.02.2024 ja 12.03.2024.", "PHONE") == []
    assert _found("Posti: anna.k @ gmail.com", "EMAIL") == ["anna.k @ gmail.com"]
    assert _found("pnr 850709 9805", "HETU") == ["850709 9805"]
    assert _found("nummer 850709 9804", "HETU") == []  # the check digit is wrong


@pytest.mark.parametrize(
    "text",
    [
        "Marian sairaala on uusi.",
        "Albert Edelfeltin ateljee on auki kesällä.",
        "Asun Tarkkisen alueella.",  # a district of Porvoo in the genitive
    ],
)
def test_hospitals_studios_and_districts_named_like_people_are_places(text: str) -> None:
    assert _names(text) == []
