"""An office's visiting address (organisation_contacts.visiting_address, eighteenth round):
an address right after a visiting address's label stays readable with the switch on and is
masked with it off; a flat, a home's words or another label keep it masked. Every string here
was written for this test."""

from __future__ import annotations

import pytest

from rag.core.privacy import NameRules, find_pii
from tests.rag.core.name_rules import BARE_OFF

VISITING = NameRules(**BARE_OFF, visiting_addresses=True)
OFF = NameRules(**BARE_OFF, visiting_addresses=False)


def _addresses(text: str, rules: NameRules) -> list[str]:
    return [text[s.start : s.end] for s in find_pii(text, rules) if s.kind == "ADDRESS"]


@pytest.mark.parametrize(
    ("text", "address"),
    [
        ("Käyntiosoite Mäntytie 5, 06150 Porvoo.", "Mäntytie 5"),
        ("Lisätiedot: Leena Vainio. Käyntiosoite: Koulukatu 14, 2. krs.", "Koulukatu 14"),
        ("Besöksadress: Tallbacksvägen 3, 4 vån.", "Tallbacksvägen 3"),
        ("Besöksadress från 1.9.: Tallbacksvägen 3.", "Tallbacksvägen 3"),
        ("Visiting address: Kaivopolku 8, Porvoo", "Kaivopolku 8"),
    ],
)
def test_an_address_after_a_visiting_label_stays_readable(text: str, address: str) -> None:
    assert address in _addresses(text, OFF)
    assert address not in _addresses(text, VISITING)


@pytest.mark.parametrize(
    ("text", "address"),
    [
        ("Käyntiosoite: Kotikatu 3 B 12", "Kotikatu 3 B 12"),  # a flat: a home
        ("Asun osoitteessa Mäntytie 5.", "Mäntytie 5"),  # no visiting label
        ("Osoite: Mäntytie 5, 06150 Porvoo", "Mäntytie 5"),  # a plain address label
        # the label is on another line
        ("Käyntiosoite\nHakija: Leena Vainio, Mäntytie 5", "Mäntytie 5"),
    ],
)
def test_other_addresses_stay_masked(text: str, address: str) -> None:
    assert address in _addresses(text, VISITING)
