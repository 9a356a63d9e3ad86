"""An address after an address label is a venue's, not a form-filler's, in a text that gives
opening or service hours and names no one (unowned_addresses.py, ``venue_hours``, the
twenty-eighth round). A person's data or word, or a flat, still keeps it masked. The
examples are written for these tests."""

from __future__ import annotations

import pytest

from rag.core.privacy import NameRules, find_pii
from rag.core.privacy.unowned_addresses import gives_hours

_ON = NameRules(venue_hours=True)
# (the fifty-fifth round's served_labels keeps a service's labelled address too: off here)
_OFF = NameRules(venue_hours=False, served_labels=False)


def _masked(text: str, rules: NameRules = _ON) -> list[str]:
    return [text[s.start : s.end] for s in find_pii(text, rules)]


@pytest.mark.parametrize(
    ("text", "address"),
    [
        ("Kirjastoauto pysähtyy ti–to klo 12–14. Osoite: Koulupolku 3.", "Koulupolku 3"),
        ("Simhallen håller öppet mån–fre. Adress: Idrottsvägen 7, 06100 Borgå.", "Idrottsvägen 7"),
        ("Opening hours Mon–Sat 10–18. Address: Harbour Road 12.", "Harbour Road 12"),
        ("Uusi osoite: Torikatu 9, 2. krs. Aukioloajat ennallaan.", "Torikatu 9"),
    ],
)
def test_a_venues_address_stays_readable(text: str, address: str) -> None:
    assert address not in _masked(text)
    assert address in _masked(text, _OFF)


@pytest.mark.parametrize(
    ("text", "address"),
    [
        # no hours: a form's address field
        ("Osoite: Koulupolku 3\nPostinumero: 06100", "Koulupolku 3"),
        # hours, but the writer's own words
        ("Olen kotona ma–pe. Osoitteeni: Koulupolku 3.", "Koulupolku 3"),
        # hours, but a name in the text
        ("Avoinna ma–pe. Hakija: Leena Sarvela, osoite: Koulupolku 3.", "Koulupolku 3"),
        # hours, but a flat
        ("Öppet mån–fre. Adress: Idrottsvägen 7 B 12.", "Idrottsvägen 7 B 12"),
    ],
)
def test_a_persons_address_stays_masked(text: str, address: str) -> None:
    assert address in _masked(text)


def test_what_gives_hours() -> None:
    assert gives_hours("Avoinna arkisin") and gives_hours("Tue–Sun 11–17")
    assert gives_hours("Office hours: 9–15") and gives_hours("öppettiderna")
    assert not gives_hours("Maanantaina kokous") and not gives_hours("Tomas–Fredrik")
