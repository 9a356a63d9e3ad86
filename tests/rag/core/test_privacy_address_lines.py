"""An address ends at its line's end (the eighty-second round, addresses.py ``_GAP``): a
signature's postal code on the next line is no flat number, so it stays readable, while a
staircase and a flat on the address's own line are still the address's. Every string here was
written for this test."""

from __future__ import annotations

import pytest

from rag.core.privacy import find_pii


def _addresses(text: str) -> list[str]:
    return [text[s.start : s.end] for s in find_pii(text) if s.kind == "ADDRESS"]


@pytest.mark.parametrize(
    ("text", "address"),
    [
        ("Hälsningar\nEva Holm\nLinvägen 8\n06100 Borgå\n040 123 9876", "Linvägen 8"),
        ("Terveisin\nJari Aalto\nKoivukuja 12\n06150 Porvoo", "Koivukuja 12"),
        ("Mvh Kurt Lind, Strandvägen 6\n07900 Lovisa", "Strandvägen 6"),
        ("Osoite: Hevosenkenkä 2\n06400 Porvoo", "Hevosenkenkä 2"),
    ],
)
def test_the_postal_code_on_the_next_line_stays_readable(text: str, address: str) -> None:
    assert _addresses(text) == [address]


@pytest.mark.parametrize(
    ("text", "address"),
    [
        ("Asun osoitteessa Mannerheimintie 12 A 5, Porvoo.", "Mannerheimintie 12 A 5"),
        ("Bor på Storgatan 3 B 12 sedan maj.", "Storgatan 3 B 12"),
        ("Uusi osoite Piispankatu 4 as. 7\n06100 Porvoo", "Piispankatu 4 as. 7"),
    ],
)
def test_a_flat_on_the_address_line_is_the_address(text: str, address: str) -> None:
    assert address in _addresses(text)
