"""A street named in a Finnish local case with its number (``inflected_streets``,
addresses.py, twenty-third round): found with the switch on and not with it off; a count or
a measure after the number and the bare-address guards keep their effect. Every string here
was written for this test."""

from __future__ import annotations

import pytest

from rag.core.privacy import NameRules, find_pii
from tests.rag.core.name_rules import BARE_OFF

ON = NameRules(**BARE_OFF, inflected_streets=True)
OFF = NameRules(**BARE_OFF, inflected_streets=False)


def _addresses(text: str, rules: NameRules) -> list[str]:
    return [text[s.start : s.end] for s in find_pii(text, rules) if s.kind == "ADDRESS"]


@pytest.mark.parametrize(
    ("text", "address"),
    [
        # (after "asun", or with a staircase and flat, the older rules read them already)
        ("Naapurin koira haukkuu Kalliotiellä 14 öisin, terv. Aino", "Kalliotiellä 14"),
        ("Muutin Kuusikujalle 3 viime kuussa. t. Aino", "Kuusikujalle 3"),
        ("Paketti lähti Satamakadulta 7 eilen, terv. Aino", "Satamakadulta 7"),
        ("Pihalla Vanhalla Porvoontiellä 21 A 3 on roskia.", "Vanhalla Porvoontiellä 21 A 3"),
    ],
)
def test_a_street_in_a_local_case_with_its_number_is_an_address(text: str, address: str) -> None:
    assert address in _addresses(text, ON)
    assert address not in _addresses(text, OFF)


@pytest.mark.parametrize(
    "text",
    [
        "Kävelin Rantatiellä 2 kertaa tänään.",  # a count after the number
        "Ruuhkaa Mannerheimintiellä 5 km matkalla.",  # a measure
        "Tori­kadulla 3 € alennus kahvista.",  # a sum
        "Linnanmäen rinteellä 3 lasta laski mäkeä.",  # no capitalised street name
    ],
)
def test_counts_and_measures_after_the_number_are_no_address(text: str) -> None:
    assert _addresses(text, ON) == _addresses(text, OFF) == []


def test_the_bare_address_guard_reads_it_like_any_address() -> None:
    # a text that names no one keeps a bare street number readable (nineteenth round)
    text = "Vesikatko Lukiokadulla 11 tiistaina klo 9–12."
    assert _addresses(text, NameRules(inflected_streets=True)) == []
    assert _addresses(text, ON) == ["Lukiokadulla 11"]
