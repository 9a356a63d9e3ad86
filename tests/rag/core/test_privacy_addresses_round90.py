"""The ninetieth round's addresses (addresses.py, organisation_contacts.py): a street named by a
place or a family before a lower-case street word, more Swedish street words, and a neighbour
as a person who lives at the address beside them. Every string here was written for this test."""

from __future__ import annotations

import pytest

from rag.core.privacy import NameRules, find_pii
from tests.rag.core.name_rules import BARE_OFF

# The patterns alone: the guards for addresses that no one in the text owns switched off.
PATTERNS = NameRules(**BARE_OFF)


def _addresses(text: str, rules: NameRules | None = None) -> list[str]:
    return [text[s.start : s.end] for s in find_pii(text, rules) if s.kind == "ADDRESS"]


@pytest.mark.parametrize(
    ("text", "address"),
    [
        ("Tontti osoitteessa Tolkkisten rantatie 7 on myynnissä.", "Tolkkisten rantatie 7"),
        ("Vi flyttade till Kulloby skogsväg 12 i maj.", "Kulloby skogsväg 12"),
        ("Postia tulee Hinthaaran kylätie 8 B 2 väärin.", "Hinthaaran kylätie 8 B 2"),
        ("Nyckeln finns hos Söderby strandväg 17 B.", "Söderby strandväg 17 B"),
    ],
)
def test_a_street_with_a_qualifier_before_a_lower_case_street_word_is_whole(
    text: str, address: str
) -> None:
    assert address in _addresses(text, PATTERNS)


@pytest.mark.parametrize(
    "text",
    [
        "Porvoon valtatie 7 suljetaan yöksi.",  # a numbered road, no house
        "Sipoon kantatie 55 on ruuhkainen.",
        "Borgå riksväg 7 byggs om.",
        "Kirkon kävelytie 2 km pitkä reitti.",  # a measure after the number
        "Uuden pyörätie 3 kertaa pidempi kuin ennen.",  # a count in the partitive
        "Kaupungin katuverkko 2024 kunnostetaan.",  # no street word before the number
        "Asun koivukuja 3",  # a verb, no qualifier (letter_case.py reads lower-case streets)
    ],
)
def test_roads_counts_and_measures_are_no_qualified_street(text: str) -> None:
    assert _addresses(text, PATTERNS) == []


@pytest.mark.parametrize(
    ("text", "address"),
    [
        ("Hämta soffan vid Lärkgången 4, tack!", "Lärkgången 4"),
        ("Paketet kom till Skogsbrynet 9 i stället.", "Skogsbrynet 9"),
        ("Bor numera på Åbrinken 4 B 12.", "Åbrinken 4 B 12"),
        ("Snön är inte plogad vid Tallslingan 3.", "Tallslingan 3"),
    ],
)
def test_more_swedish_street_words(text: str, address: str) -> None:
    assert address in _addresses(text, PATTERNS)


def test_a_year_after_a_noun_that_ends_like_a_street_is_no_address() -> None:
    # "ingången" (the entrance) ends like "Lärkgången": a house number has three digits at most
    assert _addresses("Ingången 2024 stängs för renovering.", PATTERNS) == []


@pytest.mark.parametrize(
    ("text", "address"),
    [
        ("Grannen på Ågatan 5 eldar skräp varje helg.", "Ågatan 5"),
        ("Naapurin pihalla Puistotie 15 on romuauto.", "Puistotie 15"),
        ("kan ni säga åt grannarna på Sandövägen 31 att sluta?", "Sandövägen 31"),
        ("Our neighbours at Harbour Road 5 burn rubbish.", "Harbour Road 5"),
    ],
)
def test_a_neighbour_beside_a_bare_address_makes_it_someones_home(text: str, address: str) -> None:
    # with the default rules: a text that names no one keeps a bare address readable, but a
    # neighbour is someone
    assert address in _addresses(text)


@pytest.mark.parametrize(
    "text",
    [
        "Naapurikuntien yhteinen toimipiste on Rantatie 5:ssä.",  # neighbouring municipalities
        "Grannkommunernas kontor finns på Ågatan 5.",
    ],
)
def test_a_neighbouring_municipality_is_no_neighbour(text: str) -> None:
    assert _addresses(text) == []
