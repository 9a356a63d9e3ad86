"""The thirteenth round's address switches (addresses.py ``ABBREVIATED_STREET_RULE``,
unowned_addresses.py): each finds or keeps its form with its switch on and not with it off,
and what must stay as it is stays. Every string here was written for this test."""

from __future__ import annotations

import pytest

from rag.core.privacy import NameRules, find_pii
from tests.rag.core.name_rules import ROUND21_OFF

# (bare addresses are kept by default since the nineteenth round: the other switches are
# measured with it off; the eighteenth round's visiting addresses are off where the
# bare-address switch is tested alone)
# (and the twenty-first round's switches off: its case endings and flats change the spans)
UNOWNED_OFF = NameRules(**ROUND21_OFF, unowned_addresses=False)
ABBREVIATED = NameRules(**ROUND21_OFF, abbreviated_streets=True, unowned_addresses=False)
UNOWNED = NameRules(**ROUND21_OFF, unowned_addresses=True, visiting_addresses=False)
NO_VISITING = NameRules(**ROUND21_OFF, visiting_addresses=False, unowned_addresses=False)


def _addresses(text: str, rules: NameRules) -> list[str]:
    return [text[s.start : s.end] for s in find_pii(text, rules) if s.kind == "ADDRESS"]


@pytest.mark.parametrize(
    ("text", "address"),
    [
        ("Hakija: Oona Lehtinen, Kauppiaank. 14 B 9, 06100 Porvoo", "Kauppiaank. 14 B 9"),
        ("asun nyt osoitteessa Aleksanterint. 7", "Aleksanterint. 7"),
        ("Uusi osoite Ruukinkj. 3 as. 2 alkaen", "Ruukinkj. 3 as. 2"),
        ("Ny adress: Skolhusg. 11 A 4, Lovisa", "Skolhusg. 11 A 4"),
        ("flyttar till Björkbacksv. 6 i maj", "Björkbacksv. 6"),
        # an abbreviated stem, a full stop inside it too
        ("Kotiosoite Satamaporttin.k. 21", "Satamaporttin.k. 21"),
    ],
)
def test_abbreviated_street_words_are_addresses_with_the_switch(text: str, address: str) -> None:
    assert address in _addresses(text, ABBREVIATED)
    assert address not in _addresses(text, UNOWNED_OFF)


@pytest.mark.parametrize(
    "text",
    [
        "Yht. 5 kpl tuolia",  # a short abbreviation: yhteensä
        "Sept. 5 the board met",  # a month
        "Pöytäk. 12/2024 hyväksyttiin",  # a record number
        "Kokous klo 12. Pöytäk. 5 § käsiteltiin",  # a section
        "Talousarvio 2025. Liite 3. 5 kpl",  # a list of attachments
        "Kaupunginhallit. 14.3.2025 klo 16",  # a date after an abbreviation
    ],
)
def test_abbreviation_look_alikes_stay(text: str) -> None:
    assert _addresses(text, ABBREVIATED) == []


@pytest.mark.parametrize(
    ("text", "address"),
    [
        ("Vesikatko Koulukatu 14:ssä ti klo 9–12.", "Koulukatu 14"),
        ("Katuvalo pimeänä Vallgatan 6 utanför porten.", "Vallgatan 6"),
        ("Puu kaatui Kaivopolku 8:n pihalle myrskyssä.", "Kaivopolku 8"),
        # an office's visiting address is no form line; "sinne"/"tänne" are no "your"
        ("Käyntiosoite: Mäntytie 5, avoinna ma–pe.", "Mäntytie 5"),
        ("Besöksadress: Tallbacksvägen 3, öppet vardagar.", "Tallbacksvägen 3"),
        ("Vesikatko Koulukatu 14:ssä, vettä saa tänne säiliöautosta.", "Koulukatu 14"),
        ("Katuvalo pimeänä Koulukatu 14:n kohdalla, sinne tulee korjaaja.", "Koulukatu 14"),
    ],
)
def test_an_address_in_a_text_naming_no_one_stays_with_the_switch(text: str, address: str) -> None:
    assert address in _addresses(text, NO_VISITING)
    assert address not in _addresses(text, UNOWNED)


@pytest.mark.parametrize(
    ("text", "address"),
    [
        # a flat: a home whoever lives there
        ("Vesivahinko Koulukatu 14 B 7:ssä.", "Koulukatu 14 B 7"),
        # a person named anywhere in the text
        ("Vesikatko Koulukatu 14:ssä. Terveisin Maija Rinne", "Koulukatu 14"),
        # the writer's home or possessive words, Finnish, Swedish and English
        ("Asun osoitteessa Koulukatu 14.", "Koulukatu 14"),
        ("Puu kaatui pihallamme Kaivopolku 8.", "Kaivopolku 8"),
        ("Snön ligger kvar framför vårt hus på Vallgatan 6.", "Vallgatan 6"),
        ("I moved to Koulukatu 14 last week.", "Koulukatu 14"),
        # a person's role, and a phone number left masked
        ("Vuokralainen muuttaa pois Koulukatu 14:stä.", "Koulukatu 14"),
        ("Lumet Kaivopolku 8:n edestä, soita 040 553 2718", "Kaivopolku 8"),
        # (sixteenth round) a form's address label: the one who fills the form in
        ("Osoite: Mäntytie 5, 06150 Porvoo", "Mäntytie 5"),
        ("Postiosoite Vanha Kuninkaantie 40", "Vanha Kuninkaantie 40"),
        ("Ny adress från 1.6.: Tallbacksvägen 3, Borgå", "Tallbacksvägen 3"),
        ("Home address: Kaivopolku 8", "Kaivopolku 8"),
        # a first-person possessive opening a sentence, a second-person one anywhere
        ("Naapurini Mäntytie 5:ssä polttaa roskia.", "Mäntytie 5"),
        ("Valitus: Naapurimme Kaivopolku 8:ssa pitää meteliä.", "Kaivopolku 8"),
        ("Aura-auto jätti vallin pihaliittymänne eteen, Mäntytie 5.", "Mäntytie 5"),
        ("Teidän tonttinne raja Kaivopolku 8:ssa mitataan.", "Kaivopolku 8"),
    ],
)
def test_an_address_with_someone_in_the_text_stays_masked(text: str, address: str) -> None:
    assert address in _addresses(text, UNOWNED)


FLATS = NameRules(**{**ROUND21_OFF, "flat_words": True}, unowned_addresses=False)


@pytest.mark.parametrize(
    ("text", "address"),
    [
        ("Sökande: Åsa Berg, Kvarngatan 12 bost. 3, tfn saknas", "Kvarngatan 12 bost. 3"),
        ("Uusi osoite: Myllytie 5, asunto 14", "Myllytie 5, asunto 14"),
        ("Please write to Harbour Road 8, apt. 21", "Harbour Road 8, apt. 21"),
        ("Adress: Skolvägen 3 lägenhet 1102", "Skolvägen 3 lägenhet 1102"),
    ],
)
def test_a_flat_written_out_joins_the_address_with_the_switch(text: str, address: str) -> None:
    assert address in _addresses(text, FLATS)
    assert address not in _addresses(text, UNOWNED_OFF)


@pytest.mark.parametrize(
    ("text", "address"),
    [
        ("Myllytie 5, asunto-osakeyhtiön kokous", "Myllytie 5"),  # no number after the word
        ("Koulukatu 5, flat 3.5.2024 alkaen", "Koulukatu 5"),  # a date, no flat
    ],
)
def test_a_flat_word_without_a_flat_number_stays_out(text: str, address: str) -> None:
    assert _addresses(text, FLATS) == [address]
