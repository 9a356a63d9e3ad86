"""The hundred-and-first round's addresses (addresses.py, ``postal_addresses``): a street with no
street word, read as a home by the postal code and the town right after it. Every string here
was written for this test."""

from __future__ import annotations

import pytest

from rag.core.privacy import NameRules, find_pii

ON = NameRules(postal_addresses=True)
OFF = NameRules(postal_addresses=False)


def _addresses(text: str, rules: NameRules) -> list[str]:
    return [text[s.start : s.end] for s in find_pii(text, rules) if s.kind == "ADDRESS"]


@pytest.mark.parametrize(
    ("text", "address"),
    [
        ("Omistaja Reino Hakala, Pappilanmäki 7, 06500 Porvoo, p. 0400 112 233", "Pappilanmäki 7"),
        ("Hälsningar\nAnn Lindell\nBacksvängen 4 B\n06150 Borgå", "Backsvängen 4 B"),
        ("Sökande: Ulf Ek, Tjuvöstrand 12 A, 06150 Borgå.", "Tjuvöstrand 12 A"),
    ],
)
def test_a_street_with_no_street_word_before_a_postal_code(text: str, address: str) -> None:
    assert NameRules().postal_addresses
    assert address in _addresses(text, ON)
    assert address not in _addresses(text, OFF)


@pytest.mark.parametrize(
    "text",
    [
        "Porvoon kaupunki, PL 23, 06101 Porvoo",  # a post-office box
        "Lasku 2024, 06100 Porvoo",  # a year, no house number
        "Taidetehdas 1, 06100 Porvoo, avoinna ti–su",  # an office, kept as before
        "Pappilanmäki 3 km päässä, 06500 Porvoo",  # a measure, no comma before the code
    ],
)
def test_no_home_without_a_house_number_and_a_postal_code(text: str) -> None:
    assert _addresses(text, ON) == _addresses(text, OFF)
