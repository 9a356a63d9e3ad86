"""register_surnames.py: a lower-case surname of the population registers beside a lower-case
first name found (the ninety-seventh round's candidate, ``register_surnames``)."""

from __future__ import annotations

import pytest

from rag.core.privacy import NameRules, find_pii
from rag.core.privacy.population_names import population_surnames
from rag.core.privacy.register_surnames import register_surname

ON = NameRules(register_surnames=True)
# (trailing_surnames joins a register surname after a first name found: off too)
OFF = NameRules(register_surnames=False, introduced_names=False, trailing_surnames=False)


def _names(text: str, rules: NameRules) -> list[str]:
    return [text[s.start : s.end] for s in find_pii(text, rules) if s.kind == "NAME"]


def test_the_registers_surnames_are_read_from_both_locales() -> None:
    surnames = population_surnames()
    assert len(surnames) > 800
    assert {"nieminen", "mäkelä", "nyström", "lindqvist"} <= surnames
    assert all(name == name.lower() for name in surnames)


@pytest.mark.parametrize(
    ("word", "expected"),
    [("nieminen", True), ("virtaselle", True), ("salon", True), ("kerrostalossa", False)],
)
def test_a_register_surname_in_any_case_form(word: str, expected: bool) -> None:
    assert register_surname(word) is expected


@pytest.mark.parametrize(
    ("text", "name"),
    [
        # after the first name, a surname that is a place or a word to Voikko
        ("moi oon liisa mäkelä ja asun kerrostalossa", "liisa mäkelä"),
        ("moi oon liisa nieminen, kysyisin yhtä asiaa", "liisa nieminen"),
        # before it in the genitive, the spoken order
        ("hei, se hämäläisen jukka soitti taas eilen", "hämäläisen jukka"),
    ],
)
def test_a_register_surname_beside_a_lower_case_first_name(text: str, name: str) -> None:
    assert name in _names(text, ON)
    assert name not in _names(text, OFF)


@pytest.mark.parametrize(
    "text",
    [
        "moi oon liisa ja mäkelä on kiva paikka",  # a conjunction between
        "moi liisa saloon tuli uusi sohva",  # the illative: into the hall, no genitive
        "moi! mäkelä on kiva paikka kesällä",  # a surname alone is never enough
    ],
)
def test_no_register_surname_without_a_first_name_beside_it(text: str) -> None:
    assert not any("mäkelä" in name or "saloon" in name for name in _names(text, ON))


def test_a_user_name_after_a_first_name_stays_an_address() -> None:
    text = "tilille FI21 1234 5600 0007 85 nimellä pekka nieminen.78@gmail.com"
    found = [(text[s.start : s.end], s.kind) for s in find_pii(text, ON)]
    assert ("nieminen.78@gmail.com", "EMAIL") in found
    assert ("pekka", "NAME") in found


# The ninety-seventh round (``register_pairs``): a hand-listed first name and a capitalised
# surname of the registers right after it, though both are words or places too.
PAIRS_ON = NameRules(register_pairs=True)
PAIRS_OFF = NameRules(register_pairs=False)


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Poikamme kiusaa muita, sanoi opettaja Marja Rinne puhelimessa eilen.", "Marja Rinne"),
        ("Isoisäni Toivo Rinne hyppäsi mäestä 1950-luvulla.", "Toivo Rinne"),
        ("Puhuin eilen Satu Vainion kanssa kokouksesta.", "Satu Vainion"),  # the genitive
        ("Tack till Linnea Eks pappa för hjälpen.", "Linnea Eks"),  # the Swedish genitive
    ],
)
def test_a_hand_listed_first_name_and_a_register_surname(text: str, name: str) -> None:
    assert NameRules().register_pairs
    assert name in _names(text, PAIRS_ON)
    assert name not in _names(text, PAIRS_OFF)


@pytest.mark.parametrize(
    "text",
    [
        "Tervetuloa Porvoo Art Hall -näyttelyyn lauantaina.",  # a register-only word name
        "Satu Kalliosta kertoo kirjaston lukupiirissä.",  # a local case: a place's form
    ],
)
def test_no_register_pair_without_a_hand_listed_name_and_a_surname_form(text: str) -> None:
    assert _names(text, PAIRS_ON) == _names(text, PAIRS_OFF)
    assert "Art Hall" not in _names(text, PAIRS_ON)


# ``register_surnames_alone`` (off, the candidate of the ninety-eighth round): a capitalised
# surname of the registers alone inside a sentence, no common word and no firm's.
ALONE_ON = NameRules(register_surnames_alone=True)


def test_register_surnames_alone_is_off_by_default() -> None:
    assert not NameRules().register_surnames_alone


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Asiasta soitin eilen Heikkilälle, joka lupasi vastata.", "Heikkilälle"),
        ("Vi tackar Lindberg för ett gott samarbete i år.", "Lindberg"),
    ],
)
def test_a_register_surname_alone(text: str, name: str) -> None:
    assert name in _names(text, ALONE_ON)
    assert name not in _names(text, OFF)


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("Kokouksessa puhui myös Salo hankkeen aikataulusta.", "Salo"),  # a common word too
        ("Urakan teki Byggnads Ab Holmberg viime syksynä.", "Holmberg"),  # a firm's name
        ("Jätehuollon hoitaa Lassila & Tikanoja koko alueella.", "Lassila"),
    ],
)
def test_no_register_surname_alone_that_is_a_word_or_a_firm(text: str, word: str) -> None:
    assert not any(word in name for name in _names(text, ALONE_ON))
